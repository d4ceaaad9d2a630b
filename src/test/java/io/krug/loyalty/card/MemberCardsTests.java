package io.krug.loyalty.card;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.identity.IdentityApi;
import io.krug.identity.MemberStatus;
import io.krug.identity.MemberSummary;
import io.krug.platform.tenancy.ProgramId;
import io.krug.platform.tenancy.TenantContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** The card's balance comes from a {@link CardBalanceSource} bean when one exists; the HTTP tests cover its absence. */
class MemberCardsTests {

	final ProgramId program = new ProgramId(UUID.randomUUID());

	final MemberSummary anna = new MemberSummary(UUID.randomUUID(), program, 1024, "+79990000000", "Анна",
			"смирнова", MemberStatus.VIP, true, Instant.parse("2026-01-01T00:00:00Z"));

	final Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:15:30.250Z"), ZoneOffset.UTC);

	final IdentityApi identity = new IdentityApi() {

		@Override
		public Optional<MemberSummary> findMember(UUID memberId) {
			return memberId.equals(anna.id()) ? Optional.of(anna) : Optional.empty();
		}

		@Override
		public Optional<MemberSummary> findMemberByPhone(String phone) {
			return Optional.empty();
		}

		@Override
		public java.util.List<String> activeMemberPhones() {
			return java.util.List.of();
		}

		@Override
		public String normalizePhone(String phone) {
			return phone;
		}

		@Override
		public void setMemberStatus(UUID memberId, MemberStatus status) {
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
	};

	final CardTokens tokens = new CardTokens(identity, () -> CardTokenCodecTests.key(3), clock, Duration.ofSeconds(60),
			Duration.ofSeconds(5));

	MemberCards cards(Map<String, Object> beans) {
		return new MemberCards(identity, tokens,
				new StaticListableBeanFactory(beans).getBeanProvider(CardBalanceSource.class), clock);
	}

	@Test
	void showsTheBalanceTheSourceReports() {
		CardBalanceSource source = memberId -> memberId.equals(anna.id()) ? new BigDecimal("1250.00") : BigDecimal.ONE;
		var card = TenantContext.call(program, () -> cards(Map.of("balances", source)).card(anna.id()));
		assertThat(card.balance()).isEqualByComparingTo("1250.00");
		assertThat(card.name()).isEqualTo("Анна С.");
	}

	@Test
	void leavesTheBalanceOutWithoutASource() {
		var card = TenantContext.call(program, () -> cards(Map.of()).card(anna.id()));
		assertThat(card.balance()).isNull();
	}

	@Test
	void theTokenLivesTheTtlInWholeSecondsAndTheAppRefreshesTheGraceEarlier() {
		var card = TenantContext.call(program, () -> cards(Map.of()).card(anna.id()));
		assertThat(card.token().expiresAt()).isEqualTo("2026-11-23T10:16:30Z");
		assertThat(card.token().refreshAt()).isEqualTo("2026-11-23T10:16:25Z");
		var resolved = TenantContext.call(program, () -> tokens.resolve(card.token().value()));
		assertThat(resolved.memberId()).isEqualTo(anna.id());
		assertThat(resolved.tokenExpiresAt()).isEqualTo(card.token().expiresAt());
	}
}
