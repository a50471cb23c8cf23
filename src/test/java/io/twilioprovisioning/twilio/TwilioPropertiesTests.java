package io.twilioprovisioning.twilio;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static io.twilioprovisioning.twilio.TwilioFixtures.ACCOUNT_SID;
import static io.twilioprovisioning.twilio.TwilioFixtures.API_KEY;
import static io.twilioprovisioning.twilio.TwilioFixtures.API_SECRET;
import static io.twilioprovisioning.twilio.TwilioFixtures.AUTH_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Binding and validation of {@code twilio.*}.
 */
class TwilioPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Enable.class);

	@Test
	void bindsTheDocumentedEnvironmentVariables() {
		this.runner.withInitializer((context) -> context.getEnvironment()
			.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
							Map.of("TWILIO_ACCOUNT_SID", ACCOUNT_SID, "TWILIO_AUTH_TOKEN", AUTH_TOKEN, "TWILIO_API_KEY",
									API_KEY, "TWILIO_API_SECRET", API_SECRET, "TWILIO_API_BASE_URL",
									"http://127.0.0.1:9999/twilio", "TWILIO_READ_TIMEOUT", "10s",
									"TWILIO_MAX_CONCURRENCY", "3"))))
			.run((context) -> {
				TwilioProperties properties = context.getBean(TwilioProperties.class);
				assertThat(properties.accountSid()).isEqualTo(ACCOUNT_SID);
				assertThat(properties.authToken()).isEqualTo(AUTH_TOKEN);
				assertThat(properties.apiKey()).isEqualTo(API_KEY);
				assertThat(properties.apiSecret()).isEqualTo(API_SECRET);
				assertThat(properties.apiBaseUrl()).isEqualTo(URI.create("http://127.0.0.1:9999/twilio"));
				assertThat(properties.readTimeout()).isEqualTo(Duration.ofSeconds(10));
				assertThat(properties.maxConcurrency()).isEqualTo(3);
				assertThat(properties.usesApiKey()).isTrue();
			});
	}

	@Test
	void bindsOneBaseUrlPerTwilioHost() {
		this.runner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
								Map.of("TWILIO_MESSAGING_BASE_URL", "http://127.0.0.1:9999/messaging",
										"TWILIO_PRICING_BASE_URL", "http://127.0.0.1:9999/pricing",
										"TWILIO_NUMBERS_BASE_URL", "http://127.0.0.1:9999/numbers"))))
			.run((context) -> {
				TwilioProperties properties = context.getBean(TwilioProperties.class);
				assertThat(properties.messagingBaseUrl()).isEqualTo(URI.create("http://127.0.0.1:9999/messaging"));
				assertThat(properties.pricingBaseUrl()).isEqualTo(URI.create("http://127.0.0.1:9999/pricing"));
				assertThat(properties.numbersBaseUrl()).isEqualTo(URI.create("http://127.0.0.1:9999/numbers"));
			});
		this.runner.withPropertyValues("twilio.messaging-base-url=ftp://example.com")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void appliesTheDefaults() {
		this.runner.run((context) -> {
			TwilioProperties properties = context.getBean(TwilioProperties.class);
			assertThat(properties).isEqualTo(TwilioProperties.defaults());
			assertThat(properties.apiBaseUrl()).isEqualTo(URI.create("https://api.twilio.com"));
			assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
			assertThat(properties.readTimeout()).isEqualTo(Duration.ofSeconds(30));
			assertThat(properties.maxConcurrency()).isEqualTo(8);
			assertThat(properties.maxRetries()).isEqualTo(4);
			assertThat(properties.initialBackoff()).isEqualTo(Duration.ofMillis(200));
			assertThat(properties.maxBackoff()).isEqualTo(Duration.ofSeconds(5));
			assertThat(properties.messagingBaseUrl()).isNull();
		});
	}

	@Test
	void blankEnvironmentVariablesCountAsUnset() {
		this.runner.withPropertyValues("twilio.account-sid=", "twilio.auth-token= ").run((context) -> {
			TwilioProperties properties = context.getBean(TwilioProperties.class);
			assertThat(properties.accountSid()).isNull();
			assertThat(properties.authToken()).isNull();
		});
	}

	@Test
	void refusesAMalformedAccountSidOrApiKey() {
		this.runner.withPropertyValues("twilio.account-sid=ACnothex").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("accountSid");
		});
		this.runner.withPropertyValues("twilio.api-key=" + ACCOUNT_SID)
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void refusesABaseUrlThatIsNotHttpOrCarriesCredentials() {
		this.runner.withPropertyValues("twilio.api-base-url=ftp://example.com")
			.run((context) -> assertThat(context).hasFailed());
		this.runner.withPropertyValues("twilio.api-base-url=https://user:pass@example.com")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void liveModeNeedsAnAccountSidAndATokenOrAKeyWithItsSecret() {
		URI url = URI.create("https://api.twilio.com");
		assertThatNoException().isThrownBy(() -> TwilioFixtures.properties(url).requireLiveCredentials());
		assertThatNoException().isThrownBy(() -> TwilioFixtures.apiKeyProperties(url).requireLiveCredentials());
		assertThatIllegalStateException().isThrownBy(() -> TwilioProperties.defaults().requireLiveCredentials())
			.withMessageContaining("TWILIO_ACCOUNT_SID");
		assertThatIllegalStateException().isThrownBy(() -> credentials(ACCOUNT_SID, null, null, null))
			.withMessageContaining("TWILIO_AUTH_TOKEN");
		assertThatIllegalStateException().isThrownBy(() -> credentials(ACCOUNT_SID, null, API_KEY, null))
			.withMessageContaining("TWILIO_API_SECRET");
		assertThatIllegalStateException().isThrownBy(() -> credentials(ACCOUNT_SID, null, null, API_SECRET))
			.withMessageContaining("TWILIO_API_KEY");
	}

	@Test
	void toStringShowsNoSecret() {
		String text = TwilioFixtures.apiKeyProperties(URI.create("https://api.twilio.com")).toString()
				+ TwilioFixtures.properties(URI.create("https://api.twilio.com"));

		assertThat(text).doesNotContain(AUTH_TOKEN)
			.doesNotContain(API_SECRET)
			.doesNotContain(ACCOUNT_SID)
			.contains("authToken=<set>", "apiSecret=<set>", "apiBaseUrl=https://api.twilio.com");
	}

	private static void credentials(String sid, String token, String key, String secret) {
		new TwilioProperties(sid, token, key, secret, URI.create("https://api.twilio.com"), Duration.ofSeconds(1),
				Duration.ofSeconds(1), 1, 0, Duration.ofMillis(1), Duration.ofMillis(1))
			.requireLiveCredentials();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(TwilioProperties.class)
	static class Enable {

	}

}
