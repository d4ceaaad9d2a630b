package io.krug.notifications.web;

import io.krug.identity.KrugPrincipal;
import io.krug.notifications.internal.Priority;
import io.krug.notifications.internal.Schedules;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Notifications administration")
class SchedulesController {

	private final Schedules schedules;

	SchedulesController(Schedules schedules) {
		this.schedules = schedules;
	}

	record ScheduleRequest(@NotEmpty @Size(max = 10_000) List<@NotNull UUID> memberIds,
			@NotBlank @Pattern(regexp = "account|loyalty|events|marketing|security|payments")
			@Schema(example = "loyalty") String category,
			@NotBlank @Pattern(regexp = "critical|high|normal|low") @Schema(example = "normal") String priority,
			@Nullable @Size(max = 500) @Schema(example = "{{ first_name }}, двойные бонусы в субботу") String subject,
			@NotBlank @Size(max = 20_000) String text, @Nullable @Size(max = 100_000) String html,
			@NotNull @Schema(example = "2026-11-28T07:00:00Z") Instant sendAt,
			@NotBlank @Pattern(regexp = "once|daily|weekly|monthly") @Schema(example = "weekly") String recurrence,
			@Nullable Instant until) {
	}

	@PostMapping("/api/v1/admin/notifications/scheduled")
	@PreAuthorize("hasAuthority('manage_program')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Schedule a message for members", description = "Once at send_at or recurring (daily, "
			+ "weekly, monthly) until until. subject, text and html are Jinja templates with the member's variables "
			+ "(first_name, program_name…). Each run follows the priority's routing, the members' preferences, quiet "
			+ "hours and caps; marketing reaches only members with marketing consent who kept the category on.")
	@ApiResponse(responseCode = "201", description = "Scheduled")
	@ApiResponse(responseCode = "422", description = "template_invalid or validation_failed")
	Schedules.Schedule create(@Valid @RequestBody ScheduleRequest body) {
		KrugPrincipal me = KrugPrincipal.require();
		return schedules.create(me.programId().value(), new Schedules.NewSchedule(body.memberIds(), body.category(),
				Priority.valueOf(body.priority().toUpperCase(java.util.Locale.ROOT)), body.subject(), body.text(),
				body.html(), body.sendAt(), body.recurrence(), body.until()), me.actor());
	}

	@GetMapping("/api/v1/admin/notifications/scheduled")
	@PreAuthorize("hasAuthority('manage_program')")
	@Operation(summary = "The program's scheduled messages, newest first")
	@ApiResponse(responseCode = "200", description = "The schedules")
	Map<String, Object> list() {
		List<Schedules.Schedule> all = schedules.list(KrugPrincipal.require().programId().value());
		return Map.of("schedules", all, "total", all.size());
	}

	@DeleteMapping("/api/v1/admin/notifications/scheduled/{id}")
	@PreAuthorize("hasAuthority('manage_program')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Cancel a schedule's future runs")
	@ApiResponse(responseCode = "204", description = "Cancelled")
	@ApiResponse(responseCode = "404", description = "notification_not_found")
	void cancel(@PathVariable UUID id) {
		schedules.cancel(KrugPrincipal.require().programId().value(), id);
	}
}
