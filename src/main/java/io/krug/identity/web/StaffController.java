package io.krug.identity.web;

import io.krug.identity.KrugPrincipal;
import io.krug.identity.TokenPair;
import io.krug.identity.internal.StaffAccounts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/staff")
@Tag(name = "Staff sign-in", description = "E-mail + password (+ TOTP) login for business managers, business owners "
		+ "and platform admins, and two-factor enrolment.")
class StaffController {

	private final StaffAccounts staff;

	StaffController(StaffAccounts staff) {
		this.staff = staff;
	}

	record LoginRequest(@NotBlank @Size(max = 255) @Schema(example = "admin@krug.local") String email,
			@NotBlank @Size(max = 200) @Schema(example = "change-me-please") String password,
			@Nullable @Schema(description = "The authenticator app's code, once two-factor is enabled", example = "123456") String totpCode) {
	}

	record LoginResponse(UUID userId, String accessToken, String refreshToken, String tokenType, long expiresIn,
			@Schema(example = "platform_admin") String role, @Nullable UUID businessId,
			@Schema(description = "True when the program requires two-factor and this account has not enrolled: "
					+ "the token can only enrol (POST /api/v1/staff/me/totp)") boolean totpEnrollmentRequired) {
	}

	record TotpEnrollment(@Schema(description = "Base32 secret for manual entry") String secret,
			@Schema(description = "otpauth:// URI for a QR code") String otpauthUri) {
	}

	record TotpConfirm(@NotBlank @Schema(example = "123456") String code) {
	}

	record StaffMe(UUID id, String email, String name, String role, @Nullable UUID businessId, boolean totpEnabled) {
	}

	@PostMapping("/login")
	@Operation(summary = "Staff login")
	@ApiResponse(responseCode = "200", description = "Logged in")
	@ApiResponse(responseCode = "401", description = "invalid_credentials, totp_required or invalid_totp")
	@ApiResponse(responseCode = "429", description = "account_locked after 10 failed logins (15 minutes)")
	LoginResponse login(@Valid @RequestBody LoginRequest request) {
		var login = staff.login(request.email(), request.password(), request.totpCode());
		TokenPair t = login.tokens();
		return new LoginResponse(t.userId(), t.accessToken(), t.refreshToken(), t.tokenType(), t.expiresIn(),
				login.role().key(), login.businessId(), login.totpEnrollmentRequired());
	}

	@GetMapping("/me")
	@PreAuthorize("principal.isStaff()")
	@Operation(summary = "The calling staff member")
	StaffMe me() {
		KrugPrincipal caller = KrugPrincipal.require();
		var record = staff.byId(caller.id());
		return new StaffMe(record.id(), record.email(), record.name(), record.role().key(), record.businessId(),
				record.totpEnabled());
	}

	@PostMapping("/me/totp")
	@PreAuthorize("principal.isStaff()")
	@Operation(summary = "Start two-factor enrolment", description = "Returns a new secret; it takes effect once "
			+ "confirmed with a code from the authenticator app.")
	@ApiResponse(responseCode = "200", description = "Secret and otpauth URI")
	@ApiResponse(responseCode = "409", description = "totp_not_pending: already enabled")
	TotpEnrollment beginTotp() {
		String[] enrollment = staff.beginTotp(KrugPrincipal.require().id());
		return new TotpEnrollment(enrollment[0], enrollment[1]);
	}

	@PostMapping("/me/totp/confirm")
	@PreAuthorize("principal.isStaff()")
	@Operation(summary = "Confirm two-factor enrolment with a current code")
	@ApiResponse(responseCode = "200", description = "Enabled; later logins need totp_code")
	@ApiResponse(responseCode = "401", description = "invalid_totp")
	@ApiResponse(responseCode = "409", description = "totp_not_pending")
	StaffMe confirmTotp(@Valid @RequestBody TotpConfirm request) {
		staff.confirmTotp(KrugPrincipal.require().id(), request.code());
		return me();
	}
}
