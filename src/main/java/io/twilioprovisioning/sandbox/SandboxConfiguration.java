package io.twilioprovisioning.sandbox;

import java.time.Clock;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * Serves the Twilio emulator in-process under {@value SandboxProperties#MOUNT_PATH} in
 * sandbox mode only, so development exercises the real Twilio adapter against it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SandboxModeCondition.class)
class SandboxConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SandboxConfiguration.class);

	@Bean
	TwilioEmulator twilioEmulator(SandboxProperties properties, Clock clock, JdbcTemplate jdbc,
			PlatformTransactionManager transactionManager) {
		EmulatorStorage storage = EmulatorStorage.MEMORY;
		if (properties.preload() == 0) {
			JdbcEmulatorStorage database = new JdbcEmulatorStorage(jdbc, transactionManager);
			database.initialize(properties.accountSid(), TwilioEmulator.INITIAL_BALANCE);
			storage = database;
		}
		TwilioEmulator emulator = new TwilioEmulator(properties.accountSid(), properties.authToken(), clock, storage);
		emulator.preload(properties.preload());
		boolean defaults = properties.authToken().equals(TwilioEmulator.DEFAULT_AUTH_TOKEN);
		log.info(
				"Sandbox Twilio emulator at {} (messaging, pricing and numbers hosts under it) for account {} ({} auth token, {})",
				SandboxProperties.MOUNT_PATH, properties.accountSid(),
				defaults ? "the documented default" : "the configured",
				storage.persistent() ? "state kept in the database schema sandbox"
						: properties.preload() + " preloaded numbers, state kept in memory only");
		return emulator;
	}

	@Bean
	SandboxConsole sandboxConsole(TwilioEmulator emulator, ApplicationEventPublisher events,
			PlatformTransactionManager transactionManager, Clock clock) {
		return new SandboxConsole(emulator, events, new TransactionTemplate(transactionManager), clock);
	}

	@Bean
	EmulatorShutdown sandboxEmulatorShutdown(TwilioEmulator emulator) {
		return new EmulatorShutdown(emulator);
	}

	@Bean
	SandboxTwilioHandler sandboxTwilioHandler(TwilioEmulator emulator) {
		return new SandboxTwilioHandler(emulator);
	}

	@Bean
	SimpleUrlHandlerMapping sandboxTwilioHandlerMapping(SandboxTwilioHandler handler) {
		return new SimpleUrlHandlerMapping(Map.of(SandboxProperties.MOUNT_PATH + "/**", handler),
				Ordered.HIGHEST_PRECEDENCE);
	}

}
