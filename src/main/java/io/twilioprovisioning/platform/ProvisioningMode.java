package io.twilioprovisioning.platform;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Whether the service talks to the real Twilio ({@link #LIVE}) or to the in-process
 * Twilio-compatible emulator ({@link #SANDBOX}).
 */
public enum ProvisioningMode {

	SANDBOX, LIVE;

	/**
	 * Resolves the mode: {@code PROVISIONING_MODE} when set, else {@code live} when
	 * Twilio credentials are configured, else {@code sandbox}.
	 * @param environment the Spring environment
	 * @return the mode in force
	 */
	public static ProvisioningMode resolve(Environment environment) {
		String explicit = environment.getProperty("provisioning.mode");
		if (StringUtils.hasText(explicit)) {
			return switch (explicit.trim().toLowerCase(java.util.Locale.ROOT)) {
				case "live" -> LIVE;
				case "sandbox" -> SANDBOX;
				default -> throw new IllegalStateException(
						"PROVISIONING_MODE must be 'live' or 'sandbox', was '" + explicit.trim() + "'");
			};
		}
		boolean hasSid = StringUtils.hasText(environment.getProperty("twilio.account-sid"));
		boolean hasSecret = StringUtils.hasText(environment.getProperty("twilio.auth-token"))
				|| StringUtils.hasText(environment.getProperty("twilio.api-secret"));
		return (hasSid && hasSecret) ? LIVE : SANDBOX;
	}

	public boolean isSandbox() {
		return this == SANDBOX;
	}

	public String label() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
