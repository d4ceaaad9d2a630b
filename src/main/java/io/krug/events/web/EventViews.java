package io.krug.events.web;

import io.krug.events.internal.Event;
import io.krug.events.internal.EventCatalog;
import io.krug.events.internal.EventListing;
import io.krug.events.internal.ProgramItem;
import io.krug.events.internal.Reviews;
import io.krug.events.internal.Speaker;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The JSON shapes of events (seed 003's {@code GET /api/v1/events} and {@code GET /api/v1/events/{id}}). */
final class EventViews {

	private EventViews() {
	}

	/** Where: the partner business (its name) and the address. */
	record Location(@Nullable UUID businessId, @Schema(example = "Лисичкино") @Nullable String businessName,
			@Schema(example = "ул. Примерная, 10") @Nullable String address) {
	}

	record OrganizerView(@Schema(example = "business", allowableValues = { "business", "platform" }) String type,
			@Schema(example = "Рестолавка Лисичкино") String name) {
	}

	/**
	 * An event in a list. {@code date} (seed 003) and {@code starts_at}/{@code ends_at} are local date-times in
	 * {@code time_zone}, the program's. {@code registered_count} counts seats taken (a plus-one takes two).
	 */
	record EventCard(UUID id, @Schema(example = "Винный вечер с дегустацией") String title, @Nullable String description,
			@Schema(example = "wine_evening") String type,
			@Schema(example = "paid", allowableValues = { "free", "paid", "closed" }) String format,
			@Schema(example = "2500.00") BigDecimal price, @Schema(example = "2026-12-05T19:00:00") LocalDateTime date,
			@Schema(example = "2026-12-05T19:00:00") LocalDateTime startsAt,
			@Schema(example = "2026-12-05T22:00:00") LocalDateTime endsAt,
			@Schema(example = "Europe/Moscow") String timeZone, Location location,
			@Schema(example = "20") int maxParticipants, @Schema(example = "15") int registeredCount,
			@Schema(example = "5") int seatsLeft, @Schema(example = "0") long waitlistCount,
			@Schema(example = "vip", allowableValues = { "insider", "vip", "elite", "inner_circle" }) String statusRequired,
			@Nullable String coverImageUrl, OrganizerView organizer,
			@Schema(example = "upcoming", allowableValues = { "upcoming", "past", "cancelled" }) String status,
			boolean allowPlusOne, boolean isRegistered,
			@Schema(example = "confirmed", allowableValues = { "confirmed", "waitlist" }) @Nullable String registrationStatus,
			boolean canRegister) {

		static EventCard of(EventListing item, EventCatalog.Listing page) {
			Event e = item.event();
			ZoneId zone = page.zone();
			LocalDateTime starts = LocalDateTime.ofInstant(e.startsAt(), zone);
			return new EventCard(e.id(), e.title(), e.description(), e.type(), e.format().key(), e.price(), starts,
					starts, LocalDateTime.ofInstant(e.endsAt(), zone), zone.getId(), EventViews.location(e, page),
					e.capacity(), e.seatsTaken(), e.seatsLeft(), item.waitlistCount(), e.minStatus().key(),
					e.coverImageUrl(), new OrganizerView(e.organizerType(), e.organizerName()), e.status(page.now()),
					e.allowPlusOne(), item.isRegistered(), item.myStatus() == null ? null : item.myStatus().key(),
					item.canRegister(page.memberStatus(), page.now()));
		}
	}

	record EventList(List<EventCard> events, long total) {

		static EventList of(EventCatalog.Listing page) {
			return new EventList(page.items().stream().map(i -> EventCard.of(i, page)).toList(), page.total());
		}
	}

	/** A review as the event shows it (seed 003: user_name, rating, text, date). */
	record ReviewView(UUID id, @Schema(example = "Анна С.") String userName, @Schema(example = "5") int rating,
			@Schema(example = "Было потрясающе!") @Nullable String text, @Schema(example = "2025-10-15") LocalDate date,
			Instant createdAt) {

		static ReviewView of(Reviews.Review r, ZoneId zone) {
			return new ReviewView(r.id(), r.userName(), r.rating(), r.text(), LocalDate.ofInstant(r.createdAt(), zone),
					r.createdAt());
		}
	}

	record Rating(@Schema(example = "4.75") @Nullable BigDecimal averageRating, @Schema(example = "4") long reviewsCount) {

		static Rating of(Reviews.Summary s) {
			return new Rating(s.averageRating(), s.reviewsCount());
		}
	}

	/**
	 * An event in full (seed 003's detail), for members and organizers.
	 *
	 * @param refundableUntil a paid registration cancelled before this (local) moment is refunded
	 */
	record EventView(UUID id, String title, @Nullable String description, @Nullable String fullDescription,
			String type, String format, BigDecimal price, LocalDateTime date, LocalDateTime startsAt,
			LocalDateTime endsAt, String timeZone, Location location, int maxParticipants, int registeredCount,
			int seatsLeft, long waitlistCount, String statusRequired, @Nullable String coverImageUrl,
			OrganizerView organizer, String status, boolean allowPlusOne,
			@Schema(example = "24") int paidCancellationCutoffHours, LocalDateTime refundableUntil,
			List<ProgramItem> program, List<String> whatToBring, List<Speaker> speakers, List<String> gallery,
			Rating rating, List<ReviewView> reviews, @Nullable UUID proposalId, boolean isRegistered,
			@Nullable String registrationStatus, @Nullable UUID registrationId, boolean canRegister,
			@Nullable Instant cancelledAt, @Nullable String cancelReason, Instant createdAt, Instant updatedAt) {

		static EventView of(EventCatalog.Listing page, Reviews.Summary rating, List<Reviews.Review> reviews) {
			EventListing item = page.items().getFirst();
			EventCard card = EventCard.of(item, page);
			Event e = item.event();
			ZoneId zone = page.zone();
			return new EventView(e.id(), e.title(), e.description(), e.fullDescription(), e.type(), card.format(),
					e.price(), card.date(), card.startsAt(), card.endsAt(), card.timeZone(), card.location(),
					e.capacity(), e.seatsTaken(), e.seatsLeft(), item.waitlistCount(), card.statusRequired(),
					e.coverImageUrl(), card.organizer(), card.status(), e.allowPlusOne(), e.refundCutoffHours(),
					LocalDateTime.ofInstant(e.refundableUntil(), zone), e.program(), e.whatToBring(), e.speakers(),
					e.gallery(), Rating.of(rating), reviews.stream().map(r -> ReviewView.of(r, zone)).toList(),
					e.proposalId(), card.isRegistered(), card.registrationStatus(), item.myRegistrationId(),
					card.canRegister(), e.cancelledAt(), e.cancelReason(), e.createdAt(), e.updatedAt());
		}
	}

	private static Location location(Event e, EventCatalog.Listing page) {
		return new Location(e.businessId(), e.businessId() == null ? null : page.businessNames().get(e.businessId()),
				e.locationAddress());
	}
}
