package io.twilioprovisioning.twilio;

import java.net.URI;
import java.time.Duration;

import com.twilio.rest.messaging.v1.Service;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Where each Twilio host's calls go.
 */
class TwilioHostsTests {

	@Test
	void twilioItselfKeepsEveryProductOnItsOwnHost() {
		TwilioHosts hosts = TwilioHosts.of(properties("https://api.twilio.com", null, null, null));

		assertThat(hosts.target(URI.create("https://api.twilio.com/2010-04-01/Accounts.json?PageSize=5")))
			.isEqualTo(URI.create("https://api.twilio.com/2010-04-01/Accounts.json?PageSize=5"));
		assertThat(hosts.target(URI.create("https://messaging.twilio.com/v1/Services")))
			.isEqualTo(URI.create("https://messaging.twilio.com/v1/Services"));
		assertThat(hosts.target(URI.create("https://pricing.twilio.com/v1/PhoneNumbers/Countries/US")))
			.isEqualTo(URI.create("https://pricing.twilio.com/v1/PhoneNumbers/Countries/US"));
		assertThat(hosts.target(URI.create("https://numbers.twilio.com/v2/RegulatoryCompliance/Bundles")))
			.isEqualTo(URI.create("https://numbers.twilio.com/v2/RegulatoryCompliance/Bundles"));
	}

	@Test
	void oneApiBaseUrlPointsEveryHostAtAnEmulatorUnderProductPrefixes() {
		TwilioHosts hosts = TwilioHosts.of(properties("http://127.0.0.1:8089/sandbox/twilio/", null, null, null));

		assertThat(hosts.target(URI.create("https://api.twilio.com/2010-04-01/Accounts/AC1/Balance.json")))
			.isEqualTo(URI.create("http://127.0.0.1:8089/sandbox/twilio/2010-04-01/Accounts/AC1/Balance.json"));
		assertThat(hosts.target(URI.create("https://messaging.twilio.com/v1/Services?PageSize=50&Page=1")))
			.isEqualTo(URI.create("http://127.0.0.1:8089/sandbox/twilio/messaging/v1/Services?PageSize=50&Page=1"));
		assertThat(hosts.target(URI.create("https://pricing.twilio.com/v1/PhoneNumbers/Countries")))
			.isEqualTo(URI.create("http://127.0.0.1:8089/sandbox/twilio/pricing/v1/PhoneNumbers/Countries"));
		assertThat(hosts.target(URI.create("https://numbers.twilio.com/v2/RegulatoryCompliance/Bundles")))
			.isEqualTo(URI.create("http://127.0.0.1:8089/sandbox/twilio/numbers/v2/RegulatoryCompliance/Bundles"));
	}

	@Test
	void aHostWithItsOwnSettingGoesThereAndTheOthersFollowTheApi() {
		TwilioHosts hosts = TwilioHosts
			.of(properties("https://api.twilio.com", "https://messaging-proxy.internal/twilio", null, null));

		assertThat(hosts.target(URI.create("https://messaging.twilio.com/v1/Services/MG1/PhoneNumbers")))
			.isEqualTo(URI.create("https://messaging-proxy.internal/twilio/v1/Services/MG1/PhoneNumbers"));
		assertThat(hosts.baseUrl("pricing")).isEqualTo(URI.create("https://pricing.twilio.com"));
		assertThat(hosts.describe())
			.isEqualTo("https://api.twilio.com (messaging https://messaging-proxy.internal/twilio, "
					+ "pricing https://pricing.twilio.com, numbers https://numbers.twilio.com)");
	}

	@Test
	void theSdksMessagingCallGoesToTheMessagingBaseUrlWithItsFormAndCredentials() {
		try (FakeTwilioServer twilio = FakeTwilioServer.start()) {
			twilio.enqueue(FakeTwilioServer.Reply.json(201, """
					{"sid": "MG%s", "account_sid": "%s", "friendly_name": "Acme texts"}
					""".formatted("0".repeat(32), TwilioFixtures.ACCOUNT_SID)));
			TwilioProperties properties = properties(twilio.baseUrl() + "/api", twilio.baseUrl() + "/msg", null, null);
			TwilioEndpoint endpoint = TwilioEndpoint.live(properties);
			try (BaseUrlHttpClient http = new BaseUrlHttpClient(endpoint.hosts(), properties)) {
				Service created = Service.creator("Acme texts")
					.setInboundRequestUrl(URI.create("https://app.example.com/webhooks/twilio/sms"))
					.create(endpoint.restClient(http));
				assertThat(created.getFriendlyName()).isEqualTo("Acme texts");
			}

			FakeTwilioServer.Recorded request = twilio.onlyRequest();
			assertThat(request.method()).isEqualTo("POST");
			assertThat(request.path()).isEqualTo("/msg/v1/Services");
			assertThat(request.formParam("FriendlyName")).isEqualTo("Acme texts");
			assertThat(request.formParam("InboundRequestUrl")).isEqualTo("https://app.example.com/webhooks/twilio/sms");
			assertThat(request.authorization())
				.isEqualTo(TwilioFixtures.basicAuth(TwilioFixtures.ACCOUNT_SID, TwilioFixtures.AUTH_TOKEN));
		}
	}

	@Test
	void derivedHostsWaitForTheApiBaseUrl() {
		TwilioHosts hosts = TwilioHosts.derivedFrom(() -> null);

		assertThatExceptionOfType(TwilioTransportException.class)
			.isThrownBy(() -> hosts.target(URI.create("https://messaging.twilio.com/v1/Services")))
			.satisfies((ex) -> assertThat(ex.failure()).isEqualTo(TwilioTransportException.Failure.NOT_READY));
		assertThat(hosts.describe()).startsWith("<not known yet>");
	}

	private static TwilioProperties properties(String api, String messaging, String pricing, String numbers) {
		return new TwilioProperties(TwilioFixtures.ACCOUNT_SID, TwilioFixtures.AUTH_TOKEN, null, null, URI.create(api),
				Duration.ofSeconds(1), Duration.ofSeconds(1), 1, 0, Duration.ofMillis(1), Duration.ofMillis(1),
				(messaging != null) ? URI.create(messaging) : null, (pricing != null) ? URI.create(pricing) : null,
				(numbers != null) ? URI.create(numbers) : null);
	}

}
