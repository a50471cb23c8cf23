package io.twilioprovisioning.twilio;

import java.net.URI;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import io.twilioprovisioning.platform.ProvisioningMode;

import static io.twilioprovisioning.twilio.TwilioFixtures.API_SECRET;
import static io.twilioprovisioning.twilio.TwilioFixtures.AUTH_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where each mode sends the adapter's calls.
 */
class TwilioEndpointTests {

	@Test
	void liveSendsToTheConfiguredBaseUrl() {
		TwilioEndpoint endpoint = TwilioEndpoint
			.live(TwilioFixtures.properties(URI.create("https://twilio-proxy.internal:8443")));

		assertThat(endpoint.mode()).isEqualTo(ProvisioningMode.LIVE);
		assertThat(endpoint.baseUrl()).isEqualTo(URI.create("https://twilio-proxy.internal:8443"));
		assertThat(endpoint.accountSid()).isEqualTo(TwilioFixtures.ACCOUNT_SID);
	}

	@Test
	void sandboxWithARandomPortIsNotReadyUntilTheWebServerHasStarted() {
		MockEnvironment environment = sandboxEnvironment().withProperty("server.port", "0");
		TwilioEndpoint endpoint = TwilioEndpoint.sandbox(environment);

		assertThat(endpoint.baseUrl()).isNull();

		environment.setProperty("local.server.port", "41234");
		assertThat(endpoint.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:41234/sandbox/twilio"));
	}

	@Test
	void sandboxUsesTheConfiguredPortAndContextPath() {
		MockEnvironment environment = sandboxEnvironment().withProperty("server.port", "8080")
			.withProperty("server.servlet.context-path", "/provisioning/");

		assertThat(TwilioEndpoint.sandbox(environment).baseUrl())
			.isEqualTo(URI.create("http://127.0.0.1:8080/provisioning/sandbox/twilio"));
	}

	@Test
	void sandboxCallsTheOneAddressTheServerListensOn() {
		MockEnvironment environment = sandboxEnvironment().withProperty("server.port", "8080")
			.withProperty("server.address", "192.168.1.20");

		assertThat(TwilioEndpoint.sandbox(environment).baseUrl())
			.isEqualTo(URI.create("http://192.168.1.20:8080/sandbox/twilio"));
		assertThat(TwilioEndpoint.sandbox(environment.withProperty("server.address", "0.0.0.0")).baseUrl())
			.isEqualTo(URI.create("http://127.0.0.1:8080/sandbox/twilio"));
	}

	@Test
	void sandboxAuthenticatesWithTheSandboxCredentials() {
		TwilioEndpoint endpoint = TwilioEndpoint.sandbox(sandboxEnvironment());

		assertThat(endpoint.mode()).isEqualTo(ProvisioningMode.SANDBOX);
		assertThat(endpoint.accountSid()).isEqualTo("AC00000000000000000000000000000001");
	}

	@Test
	void toStringNamesModeAndUrlButNoSecret() {
		String live = TwilioEndpoint.live(TwilioFixtures.properties(URI.create("https://api.twilio.com"))).toString();
		String keyed = TwilioEndpoint.live(TwilioFixtures.apiKeyProperties(URI.create("https://api.twilio.com")))
			.toString();
		String sandbox = TwilioEndpoint.sandbox(sandboxEnvironment()).toString();

		assertThat(live).contains("live mode", "https://api.twilio.com", "auth token").doesNotContain(AUTH_TOKEN);
		assertThat(keyed).contains("API key SK").doesNotContain(API_SECRET);
		assertThat(sandbox).contains("sandbox mode", "/sandbox/twilio").doesNotContain("sandbox-token");
	}

	private static MockEnvironment sandboxEnvironment() {
		return new MockEnvironment().withProperty("sandbox.account-sid", "AC00000000000000000000000000000001")
			.withProperty("sandbox.auth-token", "sandbox-token");
	}

}
