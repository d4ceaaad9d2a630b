package io.krug.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.krug.identity.IdentityApi;
import io.krug.identity.KrugPrincipal;
import io.krug.identity.MemberStatus;
import io.krug.identity.MemberSummary;
import io.krug.identity.Permission;
import io.krug.identity.Role;
import io.krug.ledger.LedgerApi;
import io.krug.platform.Ids;
import io.krug.platform.tenancy.ProgramId;
import io.krug.platform.tenancy.Programs;
import io.krug.platform.tenancy.TenantContext;
import io.krug.platform.web.KrugException;
import io.krug.test.IntegrationTest;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The adjustment endpoint's own logic, called as the web layer calls it (an admin principal bound, the program in
 * context), with a small in-memory identity: the real identity and security arrive with the lead's module.
 */
@IntegrationTest
class AdjustmentControllerTests {

	private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

	@Autowired
	LedgerApi ledger;

	@Autowired
	Programs programs;

	private final KnownMembers identity = new KnownMembers();

	private AdjustmentController controller;

	private ProgramId program;

	@BeforeEach
	void setUp() {
		program = programs.create("adjust-" + UUID.randomUUID().toString().substring(0, 8), "Adjustments",
				ZoneId.of("Europe/Moscow"), Currency.getInstance("RUB"), false).id();
		controller = new AdjustmentController(ledger, identity);
		KrugPrincipal admin = new KrugPrincipal(KrugPrincipal.Kind.STAFF, Ids.newId(), program, Role.PLATFORM_ADMIN,
				null, Set.of(Permission.MANAGE_LEDGER.authority()));
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(admin, null));
	}

	@AfterEach
	void clearPrincipal() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void adjustsAKnownMembersPointsAndAnswersWithTheTransactionAndBalance() {
		UUID member = identity.add(program);

		var credited = as(() -> controller.adjust(member, request("150.00", "Welcome gift"), null));
		var debited = as(() -> controller.adjust(member, request("-50.00", " Duplicate cashback "), null));

		assertThat(credited.transaction().type()).isEqualTo("adjusted");
		assertThat(credited.transaction().amount()).isEqualByComparingTo("150.00");
		assertThat(debited.transaction().description()).isEqualTo("Duplicate cashback");
		assertThat(debited.balance().available()).isEqualByComparingTo("100.00");
		assertThat(debited.balance().total()).isEqualByComparingTo("100.00");
		assertThat(as(ledger::check).ok()).isTrue();
	}

	@Test
	void aRepeatedIdempotencyKeyAdjustsOnce() {
		UUID member = identity.add(program);

		var first = as(() -> controller.adjust(member, request("20.00", "Goodwill"), "req-1"));
		var again = as(() -> controller.adjust(member, request("20.00", "Goodwill"), "req-1"));

		assertThat(again.transaction().id()).isEqualTo(first.transaction().id());
		assertThat(again.transaction().replayed()).isTrue();
		assertThat(again.balance().available()).isEqualByComparingTo("20.00");
	}

	@Test
	void rejectsAnUnknownMemberWith404() {
		KrugException rejected = catchThrowableOfType(KrugException.class,
				() -> as(() -> controller.adjust(Ids.newId(), request("10.00", "Gift"), null)));

		assertThat(rejected.error().code()).isEqualTo("member_not_found");
		assertThat(rejected.error().status()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void rejectsAZeroAmountAndADebitBeyondTheBalance() {
		UUID member = identity.add(program);

		KrugException zero = catchThrowableOfType(KrugException.class,
				() -> as(() -> controller.adjust(member, request("0.00", "Nothing"), null)));
		KrugException beyond = catchThrowableOfType(KrugException.class,
				() -> as(() -> controller.adjust(member, request("-0.01", "Too much"), null)));

		assertThat(zero.error().code()).isEqualTo("validation_failed");
		assertThat(zero.fieldErrors()).extracting(KrugException.FieldError::field).containsExactly("amount");
		assertThat(beyond.error().code()).isEqualTo("insufficient_balance");
		assertThat(beyond.error().status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
	}

	@Test
	void requestsNeedAReasonAndAtMostTwoDecimals() {
		assertThat(VALIDATOR.validate(request("10.00", "Gift"))).isEmpty();
		assertThat(VALIDATOR.validate(request("10.001", "Gift"))).extracting(v -> v.getPropertyPath().toString())
			.containsExactly("amount");
		assertThat(VALIDATOR.validate(request("10.00", " "))).extracting(v -> v.getPropertyPath().toString())
			.containsExactly("reason");
	}

	private <T> T as(Supplier<T> work) {
		return TenantContext.call(program, work);
	}

	private static AdjustmentController.AdjustmentRequest request(String amount, String reason) {
		return new AdjustmentController.AdjustmentRequest(new BigDecimal(amount), reason);
	}

	/** Members that exist, per program; everything else identity does is not needed here. */
	private static final class KnownMembers implements IdentityApi {

		private final Set<MemberSummary> members = new HashSet<>();

		UUID add(ProgramId program) {
			UUID id = Ids.newId();
			members.add(new MemberSummary(id, program, members.size() + 1, null, "Anna", null, MemberStatus.INSIDER,
					true, Instant.now()));
			return id;
		}

		@Override
		public Optional<MemberSummary> findMember(UUID memberId) {
			return members.stream()
				.filter(m -> m.id().equals(memberId) && m.programId().equals(TenantContext.require()))
				.findFirst();
		}

		@Override
		public Optional<MemberSummary> findMemberByPhone(String phone) {
			throw new UnsupportedOperationException();
		}

		@Override
		public java.util.List<String> activeMemberPhones() {
			throw new UnsupportedOperationException();
		}

		@Override
		public String normalizePhone(String phone) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void setMemberStatus(UUID memberId, MemberStatus status) {
			throw new UnsupportedOperationException();
		}

		@Override
		public UUID createStaff(String email, String name, io.krug.identity.Role role, UUID businessId,
				String password) {
			throw new UnsupportedOperationException();
		}

		@Override
		public java.util.List<UUID> enrolMembers(java.util.List<NewMember> batch) {
			throw new UnsupportedOperationException();
		}

		@Override
		public boolean hasMarketingConsent(UUID memberId) {
			throw new UnsupportedOperationException();
		}

		@Override
		public java.util.List<StaffContact> staffToAlert(UUID businessId) {
			throw new UnsupportedOperationException();
		}
	}
}
