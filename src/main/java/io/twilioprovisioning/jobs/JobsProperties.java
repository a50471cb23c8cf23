package io.twilioprovisioning.jobs;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How jobs run ({@code provisioning.jobs.*}).
 *
 * @param enabled whether this instance works on jobs (it can still start them)
 * @param maxConcurrency how many items of one job run at once at most; the Twilio
 * adapter's adaptive limit decides how many Twilio calls are really in flight
 * ({@code PROVISIONING_JOBS_MAX_CONCURRENCY})
 * @param chunkSize how many items are taken, done and committed together
 * @param threads how many jobs one instance works on at once
 * @param pollInterval how often an instance looks for jobs to take
 * @param heartbeatInterval how often an instance says it still works on its jobs; a job
 * whose instance missed {@code missedHeartbeats} of them is taken by another
 * @param missedHeartbeats see {@code heartbeatInterval}
 */
@Validated
@ConfigurationProperties("provisioning.jobs")
public record JobsProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("32") @Min(1) @Max(256) int maxConcurrency, @DefaultValue("100") @Min(1) @Max(5000) int chunkSize,
		@DefaultValue("2") @Min(1) @Max(16) int threads, @DefaultValue("5s") Duration pollInterval,
		@DefaultValue("10s") Duration heartbeatInterval, @DefaultValue("6") @Min(4) int missedHeartbeats) {

}
