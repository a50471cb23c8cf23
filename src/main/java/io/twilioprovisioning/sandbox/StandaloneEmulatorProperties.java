package io.twilioprovisioning.sandbox;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the standalone emulator ({@code --emulator}) listens.
 *
 * @param address the interface ({@code SANDBOX_EMULATOR_ADDRESS}); loopback unless set,
 * as the emulator's credentials are public
 * @param port the port ({@code SANDBOX_EMULATOR_PORT}); 0 for a free one
 * @param threads how many requests it serves at once (a hanging fault holds one)
 */
@Validated
@ConfigurationProperties("sandbox.emulator")
public record StandaloneEmulatorProperties(@DefaultValue("127.0.0.1") @NotBlank String address,
		@DefaultValue("8089") @Min(0) @Max(65535) int port,
		@DefaultValue("" + StandaloneTwilioEmulator.DEFAULT_THREADS) @Min(1) @Max(1000) int threads) {

}
