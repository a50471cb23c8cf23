package io.twilioprovisioning.sandbox;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class SandboxPropertiesTests {

	@Test
	void bindsCredentialsFromTheSandboxEnvironmentVariables() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource("env", Map.of("SANDBOX_ACCOUNT_SID", "AC" + "b".repeat(32),
					"SANDBOX_AUTH_TOKEN", "another-token", "SANDBOX_PRELOAD", "12")));

		SandboxProperties properties = bind(environment);

		assertThat(properties.accountSid()).isEqualTo("AC" + "b".repeat(32));
		assertThat(properties.authToken()).isEqualTo("another-token");
		assertThat(properties.preload()).isEqualTo(12);
	}

	@Test
	void defaultsToTheDocumentedCredentials() {
		SandboxProperties properties = bind(new MockEnvironment());

		assertThat(properties.accountSid()).isEqualTo(TwilioEmulator.DEFAULT_ACCOUNT_SID);
		assertThat(properties.authToken()).isEqualTo(TwilioEmulator.DEFAULT_AUTH_TOKEN);
		assertThat(properties.preload()).isZero();
	}

	@Test
	void toStringHidesTheAuthToken() {
		SandboxProperties properties = new SandboxProperties(TwilioEmulator.DEFAULT_ACCOUNT_SID, "very-secret", 0);

		assertThat(properties.toString()).doesNotContain("very-secret").contains(TwilioEmulator.DEFAULT_ACCOUNT_SID);
	}

	@Test
	void sandboxModeConditionFollowsTheProvisioningMode() {
		SandboxModeCondition condition = new SandboxModeCondition();

		assertThat(matches(condition, new MockEnvironment().withProperty("provisioning.mode", "sandbox"))).isTrue();
		assertThat(matches(condition, new MockEnvironment().withProperty("provisioning.mode", "live"))).isFalse();
	}

	private static boolean matches(SandboxModeCondition condition, MockEnvironment environment) {
		ConditionContext context = mock(ConditionContext.class);
		given(context.getEnvironment()).willReturn(environment);
		return condition.matches(context, null);
	}

	private static SandboxProperties bind(ConfigurableEnvironment environment) {
		return new Binder(ConfigurationPropertySources.get(environment)).bindOrCreate("sandbox",
				SandboxProperties.class);
	}

}
