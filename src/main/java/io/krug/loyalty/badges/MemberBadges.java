package io.krug.loyalty.badges;

import io.krug.loyalty.badges.BadgeCatalog.Special;
import java.time.Clock;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hook for badges loyalty cannot count itself. The module that owns the count calls it (in its transaction,
 * with the current program bound) whenever the count grows: referrals with the member's referred friends for
 * {@code friend_of_the_club} (3 or more), events with the events the member attended for {@code party_goer} (10 or
 * more). Awards at most once; other modules reach it as the {@code loyalty :: badges} named interface.
 */
@Service
@NamedInterface("badges")
public class MemberBadges {

	public static final String FRIEND_OF_THE_CLUB = Special.FRIEND_OF_THE_CLUB.key;

	public static final String PARTY_GOER = Special.PARTY_GOER.key;

	private final BadgeService badges;

	private final Clock clock;

	MemberBadges(BadgeService badges, Clock clock) {
		this.badges = badges;
		this.clock = clock;
	}

	/**
	 * Awards {@code badge} ({@link #FRIEND_OF_THE_CLUB} or {@link #PARTY_GOER}) when {@code count}, the caller's own
	 * count of what the badge is for, reaches the badge's threshold.
	 *
	 * @return {@code true} when this call awarded the badge; {@code false} below the threshold or already held
	 * @throws IllegalArgumentException for any other badge: loyalty awards those from purchases or registration
	 */
	@Transactional
	public boolean awardIfEligible(UUID memberId, String badge, long count) {
		Special special = Special.of(badge)
			.filter(s -> s == Special.FRIEND_OF_THE_CLUB || s == Special.PARTY_GOER)
			.orElseThrow(() -> new IllegalArgumentException(
					"Only " + FRIEND_OF_THE_CLUB + " and " + PARTY_GOER + " are awarded from another module's count"));
		return badges.awardCounted(memberId, special, count, clock.instant());
	}
}
