package io.twilioprovisioning.users;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Login throttling and the first admin. The limits count wrong passwords; each one is
 * regained after {@code window / limit}, so a full bucket lets one more try through every
 * {@code window / limit} (see docs/adr/0004-login-throttling.md).
 *
 * @param window the period the limits are counted over
 * @param accountSourceLimit wrong passwords for one account from one address (or one
 * device cookie) per window
 * @param accountLimit wrong passwords for one account from all addresses without a device
 * cookie per window; more than {@code accountSourceLimit}, so one address alone can never
 * fill it
 * @param sourceLimit wrong passwords from one address (an IPv6 /64) for any accounts per
 * window
 * @param deviceCookieLifetime how long a browser that signed in stays known to that
 * account
 * @param adminEmail the first admin's email ({@code ADMIN_EMAIL})
 * @param adminPassword the first admin's password ({@code ADMIN_PASSWORD}); never logged
 * @param adminPasswordReset whether to set {@code ADMIN_PASSWORD} (or, in sandbox mode
 * without it, a generated one) as the password of an existing {@code ADMIN_EMAIL} at
 * start ({@code ADMIN_PASSWORD_RESET})
 */
@Validated
@ConfigurationProperties("provisioning.login")
public record LoginProperties(@DefaultValue("1m") @NotNull Duration window,
		@DefaultValue("5") @Min(1) int accountSourceLimit, @DefaultValue("10") @Min(2) int accountLimit,
		@DefaultValue("10") @Min(1) int sourceLimit, @DefaultValue("30d") @NotNull Duration deviceCookieLifetime,
		String adminEmail, String adminPassword, @DefaultValue("false") boolean adminPasswordReset) {

	@AssertTrue(message = "account-limit must be larger than account-source-limit, "
			+ "or a guesser at one address could hold back every other address")
	boolean isAccountLimitAboveAccountSourceLimit() {
		return this.accountLimit > this.accountSourceLimit;
	}

	@AssertTrue(message = "window must be at least one second")
	boolean isWindowPositive() {
		return this.window == null || this.window.toSeconds() >= 1;
	}

	@Override
	public String toString() {
		return "LoginProperties[window=" + this.window + ", accountSourceLimit=" + this.accountSourceLimit
				+ ", accountLimit=" + this.accountLimit + ", sourceLimit=" + this.sourceLimit
				+ ", deviceCookieLifetime=" + this.deviceCookieLifetime + ", adminEmail=" + this.adminEmail
				+ ", adminPasswordReset=" + this.adminPasswordReset + "]";
	}

}
