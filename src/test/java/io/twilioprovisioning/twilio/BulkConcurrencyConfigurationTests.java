package io.twilioprovisioning.twilio;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import io.twilioprovisioning.numbers.NumberCarrier;
import io.twilioprovisioning.platform.BulkWork;
import io.twilioprovisioning.sandbox.TwilioEmulator;
import io.twilioprovisioning.support.RunningServerTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application wires the adaptive limit of bulk calls into its Twilio transport with
 * the configured defaults, and shows it in its meter registry under the names the
 * dashboards use.
 */
@RunningServerTest
class BulkConcurrencyConfigurationTests {

	@Autowired
	BaseUrlHttpClient http;

	@Autowired
	BulkConcurrencyProperties properties;

	@Autowired
	MeterRegistry registry;

	@Autowired
	NumberCarrier carrier;

	@Autowired
	TwilioEmulator emulator;

	@BeforeEach
	@AfterEach
	void reset() {
		this.emulator.reset();
	}

	@Test
	void bulkCallsOfTheApplicationGoThroughTheLimitShownInItsGauges() throws Exception {
		assertThat(this.properties).isEqualTo(BulkConcurrencyProperties.defaults());
		BulkConcurrencyLimit limit = this.http.bulkLimit();
		assertThat(this.registry.get("twilio.bulk.concurrency.limit").gauge().value()).isEqualTo(limit.limit());
		assertThat(this.registry.get("twilio.bulk.concurrency.in_flight").gauge().value()).isZero();
		String sid = this.emulator.addOwned("+14155550150").sid();
		long before = limit.stats().increases() + limit.stats().staleSamples() + limit.stats().decreases();
		int limitBefore = limit.limit();

		assertThat(BulkWork.call(() -> this.carrier.fetch(sid))).isPresent();

		assertThat(limit.inFlight()).isZero();
		assertThat(limit.limit()).as("one call at a time uses less than half of the limit: it stays")
			.isEqualTo(limitBefore);
		assertThat(limit.stats().increases() + limit.stats().staleSamples() + limit.stats().decreases())
			.isEqualTo(before);
	}

}
