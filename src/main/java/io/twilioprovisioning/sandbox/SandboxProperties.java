package io.twilioprovisioning.sandbox;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The in-process Twilio emulator of sandbox mode, served under {@code /sandbox/twilio}.
 *
 * @param accountSid the emulated account ({@code SANDBOX_ACCOUNT_SID}, default
 * {@link TwilioEmulator#DEFAULT_ACCOUNT_SID})
 * @param authToken its auth token ({@code SANDBOX_AUTH_TOKEN}, default
 * {@link TwilioEmulator#DEFAULT_AUTH_TOKEN}); never logged
 * @param preload how many numbers the account owns at startup ({@code SANDBOX_PRELOAD},
 * default 0)
 */
@Validated
@ConfigurationProperties("sandbox")
public record SandboxProperties(
		@DefaultValue(TwilioEmulator.DEFAULT_ACCOUNT_SID) @Pattern(regexp = "AC[0-9a-fA-F]{32}") String accountSid,
		@DefaultValue(TwilioEmulator.DEFAULT_AUTH_TOKEN) @NotBlank String authToken,
		@DefaultValue("0") @Min(0) @Max(TwilioEmulator.PRELOAD_CAPACITY) int preload) {

	/** Where the emulator is mounted in the application. */
	public static final String MOUNT_PATH = "/sandbox/twilio";

	@Override
	public String toString() {
		return "SandboxProperties[accountSid=" + this.accountSid + ", authToken=******, preload=" + this.preload + "]";
	}

}
