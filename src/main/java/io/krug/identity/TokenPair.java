package io.krug.identity;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/** The tokens a login returns: a short-lived access token and a rotating refresh token. */
public record TokenPair(@Schema(example = "0193a5d2-7c1e-7b51-9f0e-3c2b8a4d5e6f") UUID userId,
		@Schema(example = "eyJhbGciOiJIUzI1NiJ9…") String accessToken,
		@Schema(example = "krt_Q2hhbmdlTWU…") String refreshToken, @Schema(example = "Bearer") String tokenType,
		@Schema(description = "Seconds until the access token expires", example = "900") long expiresIn) {
}
