package io.twilioprovisioning.users;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Login throttling and the first admin.
 *
 * @param maxFailures wrong passwords in a row that lock an account
 * @param lockout how long the lock lasts
 * @param adminEmail the first admin's email ({@code ADMIN_EMAIL})
 * @param adminPassword the first admin's password ({@code ADMIN_PASSWORD}); never logged
 */
@Validated
@ConfigurationProperties("provisioning.login")
public record LoginProperties(@DefaultValue("5") @Min(1) int maxFailures, @DefaultValue("5m") @NotNull Duration lockout,
		String adminEmail, String adminPassword) {

	@Override
	public String toString() {
		return "LoginProperties[maxFailures=" + this.maxFailures + ", lockout=" + this.lockout + ", adminEmail="
				+ this.adminEmail + "]";
	}

}
