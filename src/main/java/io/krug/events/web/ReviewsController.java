package io.krug.events.web;

import io.krug.events.internal.ProgramZone;
import io.krug.events.internal.Reviews;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Events: reviews", description = "Members who attended review the event once it is over.")
class ReviewsController {

	private final Reviews reviews;

	private final ProgramZone zones;

	ReviewsController(Reviews reviews, ProgramZone zones) {
		this.reviews = reviews;
		this.zones = zones;
	}

	record ReviewRequest(@Schema(example = "5") @NotNull @Min(1) @Max(5) Integer rating,
			@Schema(example = "Было потрясающе!") @Nullable @Size(max = 2000) String text) {
	}

	record BusinessRating(UUID businessId, @Schema(example = "4.67") @Nullable BigDecimal averageRating,
			@Schema(example = "12") long reviewsCount) {
	}

	@PostMapping("/api/v1/events/{id}/reviews")
	@PreAuthorize(EventsController.MEMBERS)
	@Operation(summary = "Review an event you attended", description = "Rating 1 to 5 and an optional text; once per "
			+ "member, after the event's end, only by members who were checked in.")
	@ApiResponse(responseCode = "201", description = "Reviewed")
	@ApiResponse(responseCode = "403", description = "not_an_attendee, members_only")
	@ApiResponse(responseCode = "404", description = "event_not_found")
	@ApiResponse(responseCode = "409", description = "event_not_over, already_reviewed")
	@ApiResponse(responseCode = "422", description = "validation_failed")
	ResponseEntity<EventViews.ReviewView> review(@PathVariable UUID id, @Valid @RequestBody ReviewRequest body) {
		Reviews.Review review = reviews.post(id, Callers.member(), body.rating(), body.text());
		return ResponseEntity.status(HttpStatus.CREATED).body(EventViews.ReviewView.of(review, zones.zone()));
	}

	@GetMapping("/api/v1/events/reviews")
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "Average rating and count of the reviews of events held at a business")
	@ApiResponse(responseCode = "422", description = "validation_failed")
	BusinessRating ofBusiness(@RequestParam("business_id") UUID businessId) {
		Reviews.Summary summary = reviews.ofBusiness(businessId);
		return new BusinessRating(businessId, summary.averageRating(), summary.reviewsCount());
	}
}
