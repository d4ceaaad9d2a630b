package io.krug.identity.web;

import io.krug.identity.TokenPair;
import io.krug.identity.internal.LoginCodeDelivery;
import io.krug.identity.internal.MemberAccounts;
import io.krug.identity.internal.Sessions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Member sign-in", description = "Phone + SMS code registration and login, token refresh, logout. "
		+ "Which program the call is for comes from the X-Krug-Program header (slug; the default program when absent).")
class AuthController {

	private final MemberAccounts accounts;

	private final LoginCodeDelivery delivery;

	private final Sessions sessions;

	AuthController(MemberAccounts accounts, LoginCodeDelivery delivery, Sessions sessions) {
		this.accounts = accounts;
		this.delivery = delivery;
		this.sessions = sessions;
	}

	record SendCodeRequest(@NotBlank @Schema(example = "+79991234567") String phone) {
	}

	record SendCodeResponse(@Schema(example = "SMS sent") String message,
			@Schema(description = "Seconds the code stays valid", example = "300") long expiresIn) {
	}

	record VerifyCodeRequest(@NotBlank @Schema(example = "+79991234567") String phone,
			@NotBlank @Schema(example = "123456") String code) {
	}

	record RegisterRequest(@NotBlank @Schema(example = "+79991234567") String phone,
			@NotBlank @Schema(description = "The code from the SMS sent by /auth/login/send-code", example = "123456") String code,
			@NotBlank @Size(max = 100) @Schema(example = "Анна") String firstName,
			@NotBlank @Size(max = 100) @Schema(example = "Смирнова") String lastName,
			@Nullable @Email @Size(max = 255) @Schema(example = "anna@example.com") String email,
			@Nullable @Past @Schema(example = "1990-05-15") LocalDate birthDate,
			@Nullable @Size(max = 100) @Schema(example = "Москва") String city,
			@Nullable @Size(max = 32) @Schema(example = "MARIA123") String referralCode,
			@NotNull @AssertTrue(message = "consent to the processing of personal data is required") @Schema(example = "true") Boolean consentPersonalData,
			@Nullable @Size(max = 32) @Schema(description = "Version of the consent text shown; the program's current one when absent", example = "1.0") String consentVersion,
			@Nullable @Schema(example = "false", description = "Optional; false when absent") Boolean marketingConsent,
			@Nullable @Size(max = 200) @Schema(description = "Optional device fingerprint, used against referral abuse") String deviceFingerprint) {
	}

	record RegisterResponse(UUID userId, String accessToken, String refreshToken, String tokenType, long expiresIn,
			@Schema(example = "insider") String status) {
	}

	record RefreshRequest(@NotBlank @Schema(example = "krt_Q2hhbmdlTWU…") String refreshToken) {
	}

	@PostMapping("/login/send-code")
	@Operation(summary = "Send a login code by SMS",
			description = "Sends a 6-digit code valid 5 minutes, for login or registration alike; the answer never "
					+ "reveals whether the phone is registered. At most 1 per minute and 5 per hour per phone, and a "
					+ "per-IP limit.")
	@ApiResponse(responseCode = "200", description = "Code sent")
	@ApiResponse(responseCode = "422", description = "invalid_phone")
	@ApiResponse(responseCode = "429", description = "rate_limited, with Retry-After and RateLimit-* headers")
	@ApiResponse(responseCode = "503", description = "sms_unavailable: the SMS gateway failed")
	SendCodeResponse sendCode(@Valid @RequestBody SendCodeRequest request, HttpServletRequest http,
			HttpServletResponse response) {
		var sent = delivery.send(request.phone(), http.getRemoteAddr());
		sent.usage().headers().forEach(response::setHeader);
		return new SendCodeResponse("SMS sent", sent.expiresInSeconds());
	}

	@PostMapping("/login/verify-code")
	@Operation(summary = "Log in with the SMS code")
	@ApiResponse(responseCode = "200", description = "Logged in")
	@ApiResponse(responseCode = "404", description = "registration_required: the code is right but no member has this phone; register with the same code")
	@ApiResponse(responseCode = "422", description = "invalid_code (wrong, expired, used, or 5 wrong tries) or invalid_phone")
	@ApiResponse(responseCode = "429", description = "rate_limited")
	TokenPair verifyCode(@Valid @RequestBody VerifyCodeRequest request) {
		delivery.checkVerify(request.phone());
		return accounts.login(request.phone(), request.code());
	}

	@PostMapping("/register")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Register with a verified phone",
			description = "Creates the member (or completes the registration of a customer a partner brought in) and "
					+ "logs them in. Consent to personal-data processing is required and recorded with the time and "
					+ "the text version; marketing consent is optional. A referral code is stored for the referral "
					+ "program.")
	@ApiResponse(responseCode = "201", description = "Registered and logged in")
	@ApiResponse(responseCode = "409", description = "already_registered or email_taken")
	@ApiResponse(responseCode = "422", description = "validation_failed, consent_required, invalid_code, "
			+ "invalid_phone, referral_code_invalid (no member of the program has the referral code)")
	RegisterResponse register(@Valid @RequestBody RegisterRequest r) {
		delivery.checkVerify(r.phone());
		var registered = accounts.register(new MemberAccounts.Registration(r.phone(), r.code(), r.firstName(),
				r.lastName(), r.email(), r.birthDate(), r.city(), r.referralCode(), Boolean.TRUE.equals(r.consentPersonalData()),
				r.consentVersion(), Boolean.TRUE.equals(r.marketingConsent()), r.deviceFingerprint()));
		TokenPair t = registered.tokens();
		return new RegisterResponse(t.userId(), t.accessToken(), t.refreshToken(), t.tokenType(), t.expiresIn(),
				registered.status().key());
	}

	@PostMapping("/refresh")
	@Operation(summary = "Exchange a refresh token for a new pair",
			description = "Refresh tokens rotate: each works once. Presenting a used one again revokes the whole "
					+ "session (every token of that login).")
	@ApiResponse(responseCode = "200", description = "A new token pair")
	@ApiResponse(responseCode = "401", description = "invalid_refresh_token")
	TokenPair refresh(@Valid @RequestBody RefreshRequest request) {
		return sessions.refresh(request.refreshToken());
	}

	@PostMapping("/logout")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Log out", description = "Revokes the session of the refresh token: its access tokens stop "
			+ "working at once.")
	@ApiResponse(responseCode = "204", description = "Logged out (also for unknown tokens)")
	void logout(@Valid @RequestBody RefreshRequest request) {
		sessions.logout(request.refreshToken());
	}
}
