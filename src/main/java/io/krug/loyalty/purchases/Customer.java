package io.krug.loyalty.purchases;

import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/** Who bought: exactly one of a member id, a phone, or a scanned card token. */
@NamedInterface("purchases")
public sealed interface Customer {

	@NamedInterface("purchases")
	record ByMember(UUID memberId) implements Customer {
	}

	@NamedInterface("purchases")
	record ByPhone(String phone) implements Customer {
	}

	@NamedInterface("purchases")
	record ByCard(String cardToken) implements Customer {
	}
}
