package io.twilioprovisioning.usage;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How usage is measured.
 *
 * @param idleDays a number with no inbound call or message for this many days is idle
 * ({@code PROVISIONING_IDLE_DAYS})
 * @param activityFlushInterval how often buffered webhook activity is written (at most
 * this much is lost when the process is killed)
 * @param priceCacheTtl how long a country's fetched prices are used before Twilio is
 * asked again
 */
@Validated
@ConfigurationProperties("provisioning.usage")
public record UsageProperties(@DefaultValue("30") @Min(1) @Max(3650) int idleDays,
		@DefaultValue("2s") Duration activityFlushInterval, @DefaultValue("1d") Duration priceCacheTtl) {

}
