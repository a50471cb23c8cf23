package io.twilioprovisioning.numbers;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When recovery looks at numbers stuck between states.
 *
 * @param interval how often it runs
 * @param staleAfter how long a number must have been in flight before recovery touches
 * it, longer than any Twilio call may take
 * @param batchSize how many numbers one run resolves at most
 */
@ConfigurationProperties("provisioning.recovery")
public record RecoveryProperties(@DefaultValue("1m") Duration interval, @DefaultValue("2m") Duration staleAfter,
		@DefaultValue("100") int batchSize) {

}
