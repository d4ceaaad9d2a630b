package io.krug.identity.web;

import io.krug.identity.KrugPrincipal;
import io.krug.identity.Role;
import io.krug.identity.internal.ApiKeys;
import io.krug.identity.internal.MemberDirectory;
import io.krug.identity.internal.MemberRecord;
import io.krug.identity.internal.ProgramSecurity;
import io.krug.identity.internal.StaffAccounts;
import io.krug.identity.internal.StaffRecord;
import io.krug.platform.idempotency.Idempotent;
import io.krug.platform.tenancy.TenantContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin")
@Validated
@Tag(name = "Administration: members, staff, API keys")
class AdminIdentityController {

	private final MemberDirectory members;

	private final StaffAccounts staff;

	private final ApiKeys apiKeys;

	private final ProgramSecurity security;

	AdminIdentityController(MemberDirectory members, StaffAccounts staff, ApiKeys apiKeys, ProgramSecurity security) {
		this.members = members;
		this.staff = staff;
		this.apiKeys = apiKeys;
		this.security = security;
	}

	// ---- members

	record MemberView(UUID id, long memberNumber, @Nullable String phone, @Nullable String firstName,
			@Nullable String lastName, @Nullable String email, @Nullable LocalDate birthDate, @Nullable String city,
			String status, String source, boolean verified, boolean active, boolean marketingConsent,
			Instant createdAt, @Nullable Instant lastLoginAt) {

		static MemberView of(MemberRecord m) {
			return new MemberView(m.id(), m.memberNumber(), m.phone(), m.firstName(), m.lastName(), m.email(),
					m.birthDate(), m.city(), m.status().key(), m.source(), m.verified(), m.active(),
					m.marketingConsent(), m.createdAt(), m.lastLoginAt());
		}
	}

	record MemberList(List<MemberView> members, long total) {
	}

	record ImportedMemberRequest(@NotBlank @Schema(example = "+79991234567") String phone,
			@Nullable @Size(max = 100) @Schema(example = "Анна") String firstName,
			@Nullable @Size(max = 100) @Schema(example = "Смирнова") String lastName,
			@Nullable @Email @Size(max = 255) String email, @Nullable @Past LocalDate birthDate,
			@Nullable @Size(max = 100) String city,
			@NotBlank @Size(max = 100) @Schema(description = "Where the customer's consent was obtained", example = "partner_crm:salon-mindal") String consentSource,
			@Nullable @Size(max = 32) String consentVersion,
			@Nullable @Size(max = 500) @Schema(example = "Paper form signed 2025-03-01") String consentDetails,
			@Nullable Boolean marketingConsent) {
	}

	record ImportRequest(@NotEmpty @Size(max = MemberDirectory.MAX_IMPORT) List<@Valid @NotNull ImportedMemberRequest> members) {
	}

	record ImportResponse(List<MemberDirectory.ImportResult> results, long created, long existing) {
	}

	@GetMapping("/members")
	@PreAuthorize("hasAuthority('manage_members')")
	@Operation(summary = "Find members by phone, name or e-mail")
	MemberList findMembers(@RequestParam(required = false) @Size(max = 100) String q,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
			@RequestParam(defaultValue = "0") @Min(0) int offset) {
		var page = members.search(q, limit, offset);
		return new MemberList(page.members().stream().map(MemberView::of).toList(), page.total());
	}

	@GetMapping("/members/{id}")
	@PreAuthorize("hasAuthority('manage_members')")
	@Operation(summary = "One member")
	@ApiResponse(responseCode = "404", description = "member_not_found")
	MemberView member(@PathVariable UUID id) {
		return MemberView.of(members.get(id));
	}

	@PostMapping("/members")
	@PreAuthorize("hasAuthority('manage_members')")
	@Operation(summary = "Bring in a partner's existing customers",
			description = "One or up to 1000 at once. Every row is validated first; if any is invalid nothing is "
					+ "written (422 with errors per row). Phones that are already members are reported as existing. "
					+ "Created members log in later by phone code like everyone else.")
	@ApiResponse(responseCode = "200", description = "Per-row results")
	@ApiResponse(responseCode = "422", description = "validation_failed with errors[] naming members[i].field")
	@Idempotent(required = false)
	ImportResponse importMembers(@Valid @RequestBody ImportRequest request) {
		var results = members.importMembers(request.members()
			.stream()
			.map(m -> new MemberDirectory.ImportedMember(m.phone(), m.firstName(), m.lastName(), m.email(),
					m.birthDate(), m.city(), m.consentSource(), m.consentVersion(), m.consentDetails(),
					Boolean.TRUE.equals(m.marketingConsent())))
			.toList());
		long created = results.stream().filter(r -> r.outcome().equals("created")).count();
		return new ImportResponse(results, created, results.size() - created);
	}

	// ---- staff

	record NewStaffRequest(@NotBlank @Email @Size(max = 255) @Schema(example = "owner@mindal.example") String email,
			@NotBlank @Size(max = 200) @Schema(example = "Мария Иванова") String name,
			@NotNull @Schema(example = "business_owner", allowableValues = { "business_manager", "business_owner",
					"platform_admin" }) Role role,
			@Nullable UUID businessId,
			@Nullable @Size(min = 12, max = 200) @Schema(description = "At least 12 characters; generated and shown once when absent") String password) {
	}

	record StaffView(UUID id, String email, String name, String role, @Nullable UUID businessId, boolean totpEnabled,
			boolean active, Instant createdAt, @Nullable Instant lastLoginAt,
			@Nullable @Schema(description = "Only when Krug generated the password: shown this once") String generatedPassword) {

		static StaffView of(StaffRecord s, @Nullable String generated) {
			return new StaffView(s.id(), s.email(), s.name(), s.role().key(), s.businessId(), s.totpEnabled(),
					s.active(), s.createdAt(), s.lastLoginAt(), generated);
		}
	}

	record StaffList(List<StaffView> staff, long total) {
	}

	@PostMapping("/staff")
	@PreAuthorize("hasAuthority('manage_staff')")
	@Operation(summary = "Create a staff account")
	@ApiResponse(responseCode = "201", description = "Created")
	@ApiResponse(responseCode = "409", description = "staff_email_taken")
	@ApiResponse(responseCode = "422", description = "validation_failed, business_required")
	ResponseEntity<StaffView> createStaff(@Valid @RequestBody NewStaffRequest request) {
		var created = staff.create(new StaffAccounts.NewStaff(request.email(), request.name(), request.role(),
				request.businessId(), request.password()));
		return ResponseEntity.created(URI.create("/api/v1/admin/staff/" + created.staff().id()))
			.body(StaffView.of(created.staff(), created.generatedPassword()));
	}

	@GetMapping("/staff")
	@PreAuthorize("hasAuthority('manage_staff')")
	@Operation(summary = "List staff accounts")
	StaffList listStaff(@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
			@RequestParam(defaultValue = "0") @Min(0) int offset) {
		return new StaffList(staff.list(limit, offset).stream().map(s -> StaffView.of(s, null)).toList(),
				staff.count());
	}

	@GetMapping("/staff/{id}")
	@PreAuthorize("hasAuthority('manage_staff')")
	@Operation(summary = "One staff account")
	@ApiResponse(responseCode = "404", description = "staff_not_found")
	StaffView getStaff(@PathVariable UUID id) {
		return StaffView.of(staff.byId(id), null);
	}

	@DeleteMapping("/staff/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize("hasAuthority('manage_staff')")
	@Operation(summary = "Deactivate a staff account and end its sessions")
	@ApiResponse(responseCode = "404", description = "staff_not_found")
	void deactivateStaff(@PathVariable UUID id) {
		staff.deactivate(id);
	}

	// ---- API keys

	record NewApiKeyRequest(@NotBlank @Size(max = 100) @Schema(example = "Миндаль POS") String name,
			@NotEmpty @Schema(example = "[\"purchases:write\", \"cards:resolve\"]") List<@NotBlank String> scopes) {
	}

	record ApiKeyView(UUID id, String name, @Schema(example = "krug_sk_AbC123") String prefix, List<String> scopes,
			String createdBy, Instant createdAt, @Nullable Instant revokedAt, @Nullable Instant lastUsedAt,
			@Nullable @Schema(description = "The secret, shown only in the creation response") String secret) {

		static ApiKeyView of(ApiKeys.ApiKey k, @Nullable String secret) {
			return new ApiKeyView(k.id(), k.name(), k.prefix(),
					k.scopes().stream().map(io.krug.identity.ApiScope::value).toList(), k.createdBy(), k.createdAt(),
					k.revokedAt(), k.lastUsedAt(), secret);
		}
	}

	record ApiKeyList(List<ApiKeyView> apiKeys, long total) {
	}

	@PostMapping("/api-keys")
	@PreAuthorize("hasAuthority('manage_api_keys')")
	@Operation(summary = "Create an API key", description = "The secret (krug_sk_…) is in this response only; Krug "
			+ "keeps a hash.")
	@ApiResponse(responseCode = "201", description = "Created")
	@ApiResponse(responseCode = "422", description = "unknown_scope, validation_failed")
	ResponseEntity<ApiKeyView> createApiKey(@Valid @RequestBody NewApiKeyRequest request) {
		var created = apiKeys.create(request.name(), request.scopes(), KrugPrincipal.require().actor());
		return ResponseEntity.created(URI.create("/api/v1/admin/api-keys/" + created.key().id()))
			.body(ApiKeyView.of(created.key(), created.secret()));
	}

	@GetMapping("/api-keys")
	@PreAuthorize("hasAuthority('manage_api_keys')")
	@Operation(summary = "List API keys (without secrets)")
	ApiKeyList listApiKeys() {
		var keys = apiKeys.list().stream().map(k -> ApiKeyView.of(k, null)).toList();
		return new ApiKeyList(keys, keys.size());
	}

	@DeleteMapping("/api-keys/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize("hasAuthority('manage_api_keys')")
	@Operation(summary = "Revoke an API key")
	@ApiResponse(responseCode = "404", description = "api_key_not_found")
	void revokeApiKey(@PathVariable UUID id) {
		apiKeys.revoke(id);
	}

	// ---- program security settings

	record SecuritySettings(@Nullable Boolean staffTotpRequired,
			@Nullable @Size(max = 32) @Schema(example = "1.0") String consentVersion) {
	}

	@GetMapping("/program/security")
	@PreAuthorize("hasAuthority('manage_program')")
	@Operation(summary = "The program's identity settings")
	ProgramSecurity.Settings securitySettings() {
		return security.get(TenantContext.require());
	}

	@PutMapping("/program/security")
	@PreAuthorize("hasAuthority('manage_program')")
	@Operation(summary = "Change the program's identity settings",
			description = "staff_totp_required: staff without two-factor can then only enrol.")
	ProgramSecurity.Settings updateSecuritySettings(@Valid @RequestBody SecuritySettings request) {
		return security.update(TenantContext.require(), request.staffTotpRequired(), request.consentVersion());
	}
}
