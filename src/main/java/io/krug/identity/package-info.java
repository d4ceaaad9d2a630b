/**
 * Who is calling: members (phone + SMS code), staff (password + TOTP), servers (API keys); their tokens, roles and
 * permissions, consents and profiles.
 */
@ApplicationModule(displayName = "Identity")
@NullMarked
package io.krug.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
