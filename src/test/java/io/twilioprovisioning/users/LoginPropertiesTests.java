package io.twilioprovisioning.users;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class LoginPropertiesTests {

	final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Config.class);

	@Test
	void defaultsKeepTheAccountLimitAboveTheAccountFromOneAddressLimit() {
		this.runner.run((context) -> {
			LoginProperties properties = context.getBean(LoginProperties.class);
			assertThat(properties.accountLimit()).isGreaterThan(properties.accountSourceLimit());
			assertThat(properties.window()).hasSeconds(60);
		});
	}

	@Test
	void anAccountLimitOneAddressCouldFillIsRefusedAtStart() {
		this.runner
			.withPropertyValues("provisioning.login.account-limit=5", "provisioning.login.account-source-limit=5")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("account-limit must be larger than account-source-limit"));
	}

	@Test
	void passwordsAreNotInToString() {
		this.runner.withPropertyValues("provisioning.login.admin-password=do-not-print-me")
			.run((context) -> assertThat(context.getBean(LoginProperties.class).toString())
				.doesNotContain("do-not-print-me"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(LoginProperties.class)
	static class Config {

	}

}
