package io.krug.notifications.web;

import io.krug.identity.KrugPrincipal;
import io.krug.notifications.internal.Template;
import io.krug.notifications.internal.TemplateAdmin;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Notification templates", description = """
		The program's own templates, overriding the built-in Russian and English ones for a type (welcome, \
		bonuses_earned, tier_changed, badge_awarded, bonuses_expired), channel (email, in_app, sms; an SMS without its own template says what the in-app one says) and locale. Jinja \
		syntax (Jinjava, sandboxed: no method calls) with the helpers format_date(value, locale, zone), \
		format_currency(amount, currency, locale) and pluralize(n, one, few, many) (Russian plural rules). A missing \
		locale falls back to en, then ru. Every save publishes a new version; old versions are kept.""")
class TemplatesController {

	private final TemplateAdmin templates;

	TemplatesController(TemplateAdmin templates) {
		this.templates = templates;
	}

	record NewTemplate(
			@NotBlank @Pattern(regexp = "[a-z0-9_]{1,64}") @Schema(example = "bonuses_earned") String type,
			@NotBlank @Pattern(regexp = "email|in_app|sms") @Schema(example = "email") String channel,
			@NotBlank @Pattern(regexp = "[a-z]{2}(-[A-Z]{2})?") @Schema(example = "ru") String locale,
			@Nullable @Size(max = 500) @Schema(example = "Начислено {{ amount }} {{ pluralize(amount, 'бонус', "
					+ "'бонуса', 'бонусов') }}") String subject,
			@NotBlank @Size(max = 20_000) @Schema(example = "{{ first_name }}, вам начислено {{ amount }}.") String text,
			@Nullable @Size(max = 100_000) @Schema(example = "<p>{{ first_name }}</p>") String html) {
	}

	record TemplateVersion(@Nullable @Size(max = 500) String subject, @NotBlank @Size(max = 20_000) String text,
			@Nullable @Size(max = 100_000) String html) {
	}

	record PreviewRequest(@Nullable @Schema(example = "{\"amount\": \"21\"}") Map<String, Object> variables) {
	}

	@GetMapping("/api/v1/admin/templates")
	@PreAuthorize("hasAuthority('manage_program')")
	@Operation(summary = "The program's templates", description = "Current versions, by type, channel and locale.")
	@ApiResponse(responseCode = "200", description = "The templates")
	TemplateAdmin.Page list(@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
			@RequestParam(defaultValue = "0") @Min(0) int offset) {
		return templates.list(program(), limit, offset);
	}

	@PostMapping("/api/v1/admin/templates")
	@PreAuthorize("hasAuthority('manage_program')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a template (version 1)")
	@ApiResponse(responseCode = "201", description = "Created")
	@ApiResponse(responseCode = "409", description = "template_exists: publish a new version of it instead")
	@ApiResponse(responseCode = "422", description = "template_invalid (with part, line and column) or "
			+ "validation_failed")
	TemplateAdmin.Details create(@Valid @RequestBody NewTemplate body) {
		return templates.create(program(),
				new Template(body.type(), body.channel(), body.locale(), body.subject(), body.text(), body.html()),
				KrugPrincipal.require().actor());
	}

	@GetMapping("/api/v1/admin/templates/{id}")
	@PreAuthorize("hasAuthority('manage_program')")
	@Operation(summary = "A template with all its versions, newest first")
	@ApiResponse(responseCode = "200", description = "The template")
	@ApiResponse(responseCode = "404", description = "template_not_found")
	TemplateAdmin.Details get(@PathVariable UUID id) {
		return templates.get(program(), id);
	}

	@PutMapping("/api/v1/admin/templates/{id}")
	@PreAuthorize("hasAuthority('manage_program')")
	@Operation(summary = "Publish a new version", description = "The previous versions are kept.")
	@ApiResponse(responseCode = "200", description = "Published")
	@ApiResponse(responseCode = "404", description = "template_not_found")
	@ApiResponse(responseCode = "422", description = "template_invalid (with part, line and column)")
	TemplateAdmin.Details publish(@PathVariable UUID id, @Valid @RequestBody TemplateVersion body) {
		return templates.publish(program(), id, new Template("", "", "", body.subject(), body.text(), body.html()),
				KrugPrincipal.require().actor());
	}

	@DeleteMapping("/api/v1/admin/templates/{id}")
	@PreAuthorize("hasAuthority('manage_program')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete the program's template", description = "The built-in template applies again.")
	@ApiResponse(responseCode = "204", description = "Deleted")
	@ApiResponse(responseCode = "404", description = "template_not_found")
	void delete(@PathVariable UUID id) {
		templates.delete(program(), id);
	}

	@PostMapping("/api/v1/admin/templates/{id}/preview")
	@PreAuthorize("hasAuthority('manage_program')")
	@Operation(summary = "Render the current version with sample data", description = "variables override the "
			+ "sample data (first_name, program_name, amount, available_at, from_status, to_status, badge…).")
	@ApiResponse(responseCode = "200", description = "The rendered parts")
	@ApiResponse(responseCode = "404", description = "template_not_found")
	TemplateAdmin.Preview preview(@PathVariable UUID id, @RequestBody(required = false) @Nullable PreviewRequest body) {
		Map<String, Object> variables = body == null || body.variables() == null ? Map.of() : body.variables();
		return templates.preview(program(), id, variables);
	}

	private static UUID program() {
		return KrugPrincipal.require().programId().value();
	}
}
