package io.twilioprovisioning.twilio;

import java.math.BigDecimal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import io.twilioprovisioning.numbers.CarrierUnavailableException;
import io.twilioprovisioning.numbers.NumberCarrier;
import io.twilioprovisioning.platform.ProvisioningMode;
import io.twilioprovisioning.twilio.FakeTwilioServer.Reply;

import static io.twilioprovisioning.twilio.TwilioFixtures.ACCOUNT_PATH;
import static io.twilioprovisioning.twilio.TwilioFixtures.ACCOUNT_SID;
import static io.twilioprovisioning.twilio.TwilioFixtures.AUTH_TOKEN;
import static io.twilioprovisioning.twilio.TwilioFixtures.basicAuth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The mode wiring: one SDK client per configuration, sent to live Twilio (or
 * {@code TWILIO_API_BASE_URL}) or to the in-process emulator.
 */
@ExtendWith(OutputCaptureExtension.class)
class TwilioConfigurationTests {

	private static final String SANDBOX_SID = "AC00000000000000000000000000000001";

	private static final String SANDBOX_TOKEN = "sandbox-t0ken-not-for-logs";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Wiring.class);

	private FakeTwilioServer twilio;

	@BeforeEach
	void start() {
		this.twilio = FakeTwilioServer.start();
	}

	@AfterEach
	void stop() {
		this.twilio.close();
	}

	@Test
	void liveModeSendsToTheConfiguredBaseUrlWithTheConfiguredCredentials(CapturedOutput output) {
		this.twilio.enqueue(Reply.json(200, TwilioFixtures.balance()));
		this.runner.withBean(ProvisioningMode.class, () -> ProvisioningMode.LIVE)
			.withPropertyValues("twilio.account-sid=" + ACCOUNT_SID, "twilio.auth-token=" + AUTH_TOKEN,
					"twilio.api-base-url=" + this.twilio.baseUrl())
			.run((context) -> {
				NumberCarrier carrier = context.getBean(NumberCarrier.class);
				assertThat(carrier.balance().amount()).isEqualTo(new BigDecimal("20.25"));
			});

		assertThat(this.twilio.onlyRequest().path()).isEqualTo(ACCOUNT_PATH + "/Balance.json");
		assertThat(this.twilio.onlyRequest().authorization()).isEqualTo(basicAuth(ACCOUNT_SID, AUTH_TOKEN));
		assertThat(output).contains("Twilio adapter: live mode, base URL " + this.twilio.baseUrl())
			.doesNotContain(AUTH_TOKEN);
	}

	@Test
	void liveModeWithoutCredentialsFailsAtStartNamingTheVariables() {
		this.runner.withBean(ProvisioningMode.class, () -> ProvisioningMode.LIVE).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("TWILIO_ACCOUNT_SID");
		});
	}

	@Test
	void sandboxModeSendsToTheEmulatorOnThePortTheServerListensOn(CapturedOutput output) {
		this.twilio.enqueue(Reply.json(200, TwilioFixtures.balance()));
		this.runner.withBean(ProvisioningMode.class, () -> ProvisioningMode.SANDBOX)
			.withPropertyValues("server.port=0", "sandbox.account-sid=" + SANDBOX_SID,
					"sandbox.auth-token=" + SANDBOX_TOKEN, "twilio.account-sid=" + ACCOUNT_SID,
					"twilio.auth-token=" + AUTH_TOKEN)
			.run((context) -> {
				NumberCarrier carrier = context.getBean(NumberCarrier.class);
				assertThatExceptionOfType(CarrierUnavailableException.class).isThrownBy(carrier::balance)
					.withMessageContaining("not ready");
				assertThat(this.twilio.requests()).isEmpty();

				TestPropertyValues.of("local.server.port=" + this.twilio.baseUrl().getPort()).applyTo(context);
				assertThat(carrier.balance().currency()).isEqualTo("USD");
			});

		assertThat(this.twilio.onlyRequest().path())
			.isEqualTo("/sandbox/twilio/2010-04-01/Accounts/" + SANDBOX_SID + "/Balance.json");
		assertThat(this.twilio.onlyRequest().authorization()).isEqualTo(basicAuth(SANDBOX_SID, SANDBOX_TOKEN));
		assertThat(output).contains("Twilio adapter: sandbox mode")
			.contains("Twilio adapter: sandbox emulator at http://127.0.0.1:" + this.twilio.baseUrl().getPort()
					+ "/sandbox/twilio")
			.doesNotContain(SANDBOX_TOKEN)
			.doesNotContain(AUTH_TOKEN);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ TwilioProperties.class, BulkConcurrencyProperties.class })
	@Import(TwilioConfiguration.class)
	static class Wiring {

	}

}
