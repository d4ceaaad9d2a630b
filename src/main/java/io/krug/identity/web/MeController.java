package io.krug.identity.web;

import io.krug.identity.KrugPrincipal;
import io.krug.identity.internal.MemberAccounts;
import io.krug.identity.internal.MemberProfiles;
import io.krug.identity.internal.MemberRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users/me")
@Tag(name = "Member profile")
@PreAuthorize("hasAuthority('view_own_profile')")
class MeController {

	private final MemberProfiles profiles;

	private final MemberAccounts accounts;

	MeController(MemberProfiles profiles, MemberAccounts accounts) {
		this.profiles = profiles;
		this.accounts = accounts;
	}

	record ProfilePatch(@Nullable @Size(min = 1, max = 100) @Schema(example = "Анна") String firstName,
			@Nullable @Size(min = 1, max = 100) String lastName,
			@Nullable @Email @Size(max = 255) @Schema(example = "anna@example.com") String email,
			@Nullable @Past LocalDate birthDate, @Nullable @Size(max = 100) String city,
			@Nullable @Size(max = 2048) @Pattern(regexp = "https?://.+", message = "must be an http(s) URL") String avatarUrl,
			@Nullable @Schema(description = "Give or withdraw consent to marketing messages") Boolean marketingConsent) {
	}

	@GetMapping
	@Operation(summary = "The caller's profile", description = "Profile fields plus figures other modules add "
			+ "(status, total_purchases, categories_visited, total_bonuses, referral_code, …).")
	@ApiResponse(responseCode = "200", description = "The profile")
	@ApiResponse(responseCode = "401", description = "unauthenticated or invalid_token")
	@ApiResponse(responseCode = "403", description = "forbidden: not a member token")
	Map<String, Object> me() {
		return profiles.profile(KrugPrincipal.require().id());
	}

	@PatchMapping
	@Operation(summary = "Change the caller's profile", description = "Fields left out (or null) stay as they are. "
			+ "marketing_consent gives or withdraws marketing consent; the change is recorded.")
	@ApiResponse(responseCode = "200", description = "The updated profile")
	@ApiResponse(responseCode = "409", description = "email_taken")
	@ApiResponse(responseCode = "422", description = "validation_failed")
	Map<String, Object> update(@Valid @RequestBody ProfilePatch patch) {
		var id = KrugPrincipal.require().id();
		accounts.updateProfile(id, new MemberRepository.Profile(patch.firstName(), patch.lastName(), patch.email(),
				patch.birthDate(), patch.city(), patch.avatarUrl()), patch.marketingConsent());
		return profiles.profile(id);
	}

	@DeleteMapping
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete the caller's account", description = "Deactivates the account, revokes every "
			+ "session and erases personal data; purchases and ledger entries stay for accounting, tied to a "
			+ "pseudonymous member id (docs/adr/0003-member-erasure.md).")
	@ApiResponse(responseCode = "204", description = "Deleted")
	void delete() {
		accounts.erase(KrugPrincipal.require().id());
	}

}
