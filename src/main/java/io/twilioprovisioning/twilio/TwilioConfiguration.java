package io.twilioprovisioning.twilio;

import com.twilio.http.TwilioRestClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import io.twilioprovisioning.platform.ProvisioningMode;

/**
 * Builds the one {@link TwilioRestClient} of the application for the provisioning mode
 * (live Twilio or the in-process emulator) on our {@link BaseUrlHttpClient}, and the
 * {@link TwilioNumberCarrier} on top of it.
 */
@Configuration(proxyBeanMethods = false)
class TwilioConfiguration {

	private static final Logger log = LoggerFactory.getLogger(TwilioConfiguration.class);

	@Bean
	TwilioEndpoint twilioEndpoint(ProvisioningMode mode, TwilioProperties properties, Environment environment) {
		TwilioEndpoint endpoint = (mode == ProvisioningMode.LIVE) ? TwilioEndpoint.live(properties)
				: TwilioEndpoint.sandbox(environment);
		log.info(
				"Twilio adapter: {}; timeouts connect {} / read {}, at most {} interactive calls in flight, {} retries",
				endpoint, properties.connectTimeout(), properties.readTimeout(), properties.maxConcurrency(),
				properties.maxRetries());
		return endpoint;
	}

	/**
	 * The adaptive limit of bulk calls; a {@code MeterBinder}, so its gauges appear in
	 * every meter registry.
	 */
	@Bean
	BulkConcurrencyLimit twilioBulkConcurrencyLimit(BulkConcurrencyProperties bulk, TwilioProperties properties) {
		log.info("Bulk Twilio calls: adaptive concurrency from {} within {}..{}, cut by {} on 429/503/timeouts",
				bulk.initialConcurrency(), bulk.minConcurrency(), bulk.maxConcurrency(), bulk.backoffRatio());
		return new BulkConcurrencyLimit(bulk, properties.readTimeout());
	}

	/**
	 * The adapter's metrics, in the application's registry (a private one where there is
	 * none, as in a context that holds only this configuration).
	 */
	@Bean
	TwilioMetrics twilioMetrics(ObjectProvider<MeterRegistry> registry) {
		return new TwilioMetrics(registry.getIfAvailable(SimpleMeterRegistry::new));
	}

	@Bean(destroyMethod = "close")
	BaseUrlHttpClient twilioHttpClient(TwilioEndpoint endpoint, TwilioProperties properties,
			BulkConcurrencyLimit twilioBulkConcurrencyLimit, TwilioMetrics twilioMetrics) {
		BaseUrlHttpClient client = new BaseUrlHttpClient(endpoint.hosts(), properties, twilioBulkConcurrencyLimit);
		client.observeWith(twilioMetrics);
		return client;
	}

	@Bean
	TwilioRestClient twilioRestClient(TwilioEndpoint endpoint, BaseUrlHttpClient twilioHttpClient) {
		return endpoint.restClient(twilioHttpClient);
	}

	@Bean
	TwilioTenancyCarrier twilioTenancyCarrier(TwilioRestClient twilioRestClient, TwilioMetrics twilioMetrics) {
		return new TwilioTenancyCarrier(twilioRestClient, twilioMetrics);
	}

	@Bean
	TwilioNumberCarrier twilioNumberCarrier(TwilioRestClient twilioRestClient, TwilioMetrics twilioMetrics) {
		return new TwilioNumberCarrier(twilioRestClient, twilioMetrics);
	}

}
