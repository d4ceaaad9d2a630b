package io.krug.events.web;

import io.krug.events.internal.Registration;
import io.krug.events.internal.Registrations;
import io.krug.events.internal.Tickets;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The JSON shapes of registrations, tickets and check-ins. */
final class RegistrationViews {

	private RegistrationViews() {
	}

	/** Seed 003's registration request; both fields optional. */
	record EventRegistrationRequest(@Schema(example = "false") @Nullable Boolean plusOne,
			@Schema(example = "вегетарианство") @Nullable @Size(max = 500) String dietaryRestrictions) {
	}


	/**
	 * A registration (seed 003's response: registration_id, status, ticket_url).
	 *
	 * @param waitlistPosition while waiting: 1 is next in line
	 * @param paidAmount bonuses taken for the seats; {@code refunded_amount} given back
	 */
	record RegistrationView(UUID registrationId, UUID eventId, UUID memberId,
			@Schema(example = "confirmed", allowableValues = { "confirmed", "waitlist", "cancelled" }) String status,
			@Schema(example = "/api/v1/events/0193f1c2-7d4e-7a51-9b1e-3c9a4a0e5f10/ticket") @Nullable String ticketUrl,
			@Nullable Integer waitlistPosition, boolean plusOne, @Nullable String dietaryRestrictions,
			@Schema(example = "2500.00") BigDecimal paidAmount, @Schema(example = "0.00") BigDecimal refundedAmount,
			Instant registeredAt, @Nullable Instant promotedAt, @Nullable Instant cancelledAt,
			@Nullable String cancelReason, @Nullable Instant checkedInAt) {

		static RegistrationView of(Registration r, @Nullable Integer position) {
			return new RegistrationView(r.id(), r.eventId(), r.memberId(), r.status().key(),
					r.isConfirmed() ? "/api/v1/events/" + r.eventId() + "/ticket" : null, position, r.plusOne(),
					r.dietaryRestrictions(), r.paidAmount(), r.refundedAmount(), r.registeredAt(), r.promotedAt(),
					r.cancelledAt(), r.cancelReason(), r.checkedInAt());
		}

		static RegistrationView of(Registrations.Outcome outcome) {
			return of(outcome.registration(), outcome.waitlistPosition());
		}
	}

	record RegistrationList(List<RegistrationView> registrations, long total) {
	}

	/** A ticket: the code to show at the door, also as a QR code (standalone SVG). */
	record TicketView(UUID registrationId, UUID eventId, String eventTitle, LocalDateTime startsAt, String timeZone,
			@Schema(example = "7K2M-Q9XA-3HTB") String ticketCode, boolean plusOne,
			@Schema(example = "<svg xmlns=\"http://www.w3.org/2000/svg\" …</svg>") String qrSvg,
			@Nullable Instant checkedInAt) {

		static TicketView of(Tickets.Ticket t) {
			ZoneId zone = t.zone();
			return new TicketView(t.registration().id(), t.event().id(), t.event().title(),
					LocalDateTime.ofInstant(t.event().startsAt(), zone), zone.getId(), t.registration().ticketCode(),
					t.registration().plusOne(), t.qrSvg(), t.registration().checkedInAt());
		}
	}

	record CheckInRequest(@Schema(example = "7K2M-Q9XA-3HTB") @NotBlank @Size(max = 40) String ticketCode) {
	}

	/** A member let in: with a guest or not, what they eat, and how many events they attended in all. */
	record CheckInView(UUID registrationId, UUID memberId, boolean plusOne, @Nullable String dietaryRestrictions,
			Instant checkedInAt, @Schema(example = "8") long eventsAttended) {

		static CheckInView of(Tickets.CheckIn c) {
			Registration r = c.registration();
			return new CheckInView(r.id(), r.memberId(), r.plusOne(), r.dietaryRestrictions(),
					java.util.Objects.requireNonNull(r.checkedInAt()), c.eventsAttended());
		}
	}
}
