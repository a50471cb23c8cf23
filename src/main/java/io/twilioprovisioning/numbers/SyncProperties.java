package io.twilioprovisioning.numbers;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How sync with Twilio runs.
 *
 * @param interval how often the scheduled check runs (it only reports, never fixes)
 * @param concurrency how many Twilio calls a bulk fix runs at once
 * @param listLimit how many items each list of a report keeps (the counts are exact)
 */
@Validated
@ConfigurationProperties("provisioning.sync")
public record SyncProperties(@DefaultValue("1h") Duration interval, @DefaultValue("4") @Min(1) @Max(32) int concurrency,
		@DefaultValue("200") @Min(1) @Max(1000) int listLimit, @DefaultValue("50") @Min(1) int closeMissingLimit) {

}
