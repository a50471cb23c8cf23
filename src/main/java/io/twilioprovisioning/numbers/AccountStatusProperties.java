package io.twilioprovisioning.numbers;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the dashboard's copy of the Twilio account, balance and inventory counts is kept
 * (docs/adr/0022).
 *
 * @param refreshInterval how often the background job asks Twilio and recounts
 * @param refreshAfter a read of a copy older than this starts a refresh in the background
 * (the reader still gets the copy at once); {@code 0s} refreshes on every read
 * @param staleAfter a copy older than this is marked stale on the dashboard
 */
@Validated
@ConfigurationProperties("provisioning.account")
public record AccountStatusProperties(@DefaultValue("60s") Duration refreshInterval,
		@DefaultValue("30s") Duration refreshAfter, @DefaultValue("5m") Duration staleAfter) {

}
