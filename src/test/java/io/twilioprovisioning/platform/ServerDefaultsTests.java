package io.twilioprovisioning.platform;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.impl.NoOpLog;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sandbox mode listens on 127.0.0.1 unless told otherwise and says so; the webhooks' base
 * URL follows the port (and a specific address) unless APP_BASE_URL is set.
 */
class ServerDefaultsTests {

	private final List<String> logged = new ArrayList<>();

	private final ServerDefaults defaults = new ServerDefaults((supplier) -> new NoOpLog() {

		@Override
		public void info(Object message) {
			ServerDefaultsTests.this.logged.add(String.valueOf(message));
		}

	});

	@Test
	void sandboxModeListensOnLoopbackOnlyAndSaysSo() {
		MockEnvironment environment = process(new MockEnvironment().withProperty("provisioning.mode", "sandbox"));

		assertThat(environment.getProperty("server.address")).isEqualTo("127.0.0.1");
		assertThat(this.logged).singleElement()
			.asString()
			.startsWith("Sandbox mode: listening on 127.0.0.1 only; set SERVER_ADDRESS to");
	}

	@Test
	void sandboxModeWithoutTwilioCredentialsListensOnLoopbackOnly() {
		MockEnvironment environment = process(new MockEnvironment());

		assertThat(environment.getProperty("server.address")).isEqualTo("127.0.0.1");
	}

	@Test
	void sandboxModeKeepsAnAddressThatIsSet() {
		MockEnvironment environment = process(new MockEnvironment().withProperty("provisioning.mode", "sandbox")
			.withProperty("server.address", "0.0.0.0"));

		assertThat(environment.getProperty("server.address")).isEqualTo("0.0.0.0");
		assertThat(this.logged).isEmpty();
	}

	@Test
	void liveModeKeepsTheServersDefaultAddress() {
		MockEnvironment environment = process(new MockEnvironment().withProperty("twilio.account-sid", "AC123")
			.withProperty("twilio.auth-token", "token"));

		assertThat(environment.getProperty("server.address")).isNull();
		assertThat(this.logged).isEmpty();
	}

	@Test
	void baseUrlFollowsThePort() {
		MockEnvironment environment = process(new MockEnvironment().withProperty("server.port", "9090"));

		assertThat(environment.getProperty("app.base-url")).isEqualTo("http://localhost:9090");
	}

	@Test
	void baseUrlFollowsASpecificAddress() {
		MockEnvironment environment = process(new MockEnvironment().withProperty("server.port", "9090")
			.withProperty("server.address", "192.168.1.20"));

		assertThat(environment.getProperty("app.base-url")).isEqualTo("http://192.168.1.20:9090");
		assertThat(ServerDefaults.baseUrl("::1", "9090")).isEqualTo("http://localhost:9090");
		assertThat(ServerDefaults.baseUrl("fd00::5", "9090")).isEqualTo("http://[fd00:0:0:0:0:0:0:5]:9090");
		assertThat(ServerDefaults.baseUrl("0.0.0.0", "9090")).isEqualTo("http://localhost:9090");
		assertThat(ServerDefaults.baseUrl("app.internal", "9090")).isEqualTo("http://app.internal:9090");
	}

	@Test
	void baseUrlIsTheOneSetWhenSet() {
		MockEnvironment environment = process(new MockEnvironment().withProperty("server.port", "9090")
			.withProperty("app.base-url", "https://hooks.example.com"));

		assertThat(environment.getProperty("app.base-url")).isEqualTo("https://hooks.example.com");
	}

	@Test
	void aRandomPortLeavesTheBaseUrlOnTheDefaultPort() {
		MockEnvironment environment = process(new MockEnvironment().withProperty("server.port", "0"));

		assertThat(environment.getProperty("app.base-url")).isEqualTo("http://localhost:8080");
	}

	private MockEnvironment process(MockEnvironment environment) {
		this.defaults.postProcessEnvironment(environment, new SpringApplication());
		return environment;
	}

}
