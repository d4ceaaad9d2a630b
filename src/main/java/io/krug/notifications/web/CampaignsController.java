package io.krug.notifications.web;

import io.krug.identity.KrugPrincipal;
import io.krug.notifications.internal.Campaigns;
import io.krug.notifications.internal.Priority;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Notifications administration")
class CampaignsController {

	private final Campaigns campaigns;

	CampaignsController(Campaigns campaigns) {
		this.campaigns = campaigns;
	}

	record StepRequest(@NotNull @Schema(example = "P1D", description = "ISO-8601 delay after enrolment") Duration delay,
			@Nullable @Size(max = 500) String subject, @NotBlank @Size(max = 20_000) String text,
			@Nullable @Size(max = 100_000) String html) {
	}

	record CampaignRequest(@NotBlank @Size(max = 200) @Schema(example = "Onboarding") String name,
			@NotBlank @Pattern(regexp = "account|loyalty|events|marketing|security|payments") String category,
			@NotBlank @Pattern(regexp = "critical|high|normal|low") String priority,
			@NotEmpty @Size(max = 20) List<@Valid StepRequest> steps) {
	}

	record EnrolRequest(@NotEmpty @Size(max = 10_000) List<@NotNull UUID> memberIds) {
	}

	@PostMapping("/api/v1/admin/notifications/campaigns")
	@PreAuthorize("hasAuthority('manage_program')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a drip campaign", description = "Steps sent at delays after each member's enrolment.")
	@ApiResponse(responseCode = "201", description = "Created")
	@ApiResponse(responseCode = "422", description = "template_invalid or validation_failed")
	Campaigns.Campaign create(@Valid @RequestBody CampaignRequest body) {
		return campaigns.create(KrugPrincipal.require().programId().value(), body.name(), body.category(),
				Priority.valueOf(body.priority().toUpperCase(java.util.Locale.ROOT)), body.steps().stream()
					.map(s -> new Campaigns.Step(s.delay(), s.subject(), s.text(), s.html()))
					.toList());
	}

	@PostMapping("/api/v1/admin/notifications/campaigns/{id}/enrolments")
	@PreAuthorize("hasAuthority('manage_program')")
	@Operation(summary = "Enrol members in a campaign", description = "Members already enrolled are skipped.")
	@ApiResponse(responseCode = "200", description = "How many were newly enrolled")
	@ApiResponse(responseCode = "404", description = "notification_not_found: no such campaign")
	Map<String, Object> enrol(@PathVariable UUID id, @Valid @RequestBody EnrolRequest body) {
		KrugPrincipal me = KrugPrincipal.require();
		return Map.of("enrolled", campaigns.enrol(me.programId().value(), id, body.memberIds(), me.actor()));
	}
}
