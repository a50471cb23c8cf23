package io.twilioprovisioning.sandbox;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The beans of {@link StandaloneEmulatorApplication}. Deliberately not a
 * {@code @Configuration}: the application's component scan must not find it, only the
 * emulator's own context registers it.
 */
@EnableConfigurationProperties({ SandboxProperties.class, StandaloneEmulatorProperties.class })
class StandaloneEmulatorBeans {

	private static final Logger log = LoggerFactory.getLogger(StandaloneEmulatorBeans.class);

	@Bean
	TwilioEmulator twilioEmulator(SandboxProperties properties) {
		TwilioEmulator emulator = new TwilioEmulator(properties.accountSid(), properties.authToken(),
				Clock.systemUTC());
		emulator.preload(properties.preload());
		return emulator;
	}

	@Bean(destroyMethod = "close")
	StandaloneTwilioEmulator standaloneTwilioEmulator(TwilioEmulator emulator, SandboxProperties sandbox,
			StandaloneEmulatorProperties properties) throws UnknownHostException {
		InetAddress address = InetAddress.getByName(properties.address());
		StandaloneTwilioEmulator server = StandaloneTwilioEmulator.start(emulator, address, properties.port(),
				properties.threads());
		String base = server.baseUrl();
		boolean defaultToken = sandbox.authToken().equals(TwilioEmulator.DEFAULT_AUTH_TOKEN);
		log.info("""

				================================================================
				 Twilio emulator (standalone; state in memory only) on {}
				   https://api.twilio.com       -> {}
				   https://messaging.twilio.com -> {}/messaging
				   https://pricing.twilio.com   -> {}/pricing
				   https://numbers.twilio.com   -> {}/numbers
				   account SID: {}
				   auth token:  {}
				 Fictional numbers only; magic test numbers, paging and errors as
				 Twilio's. SDK set-up: README, "The Twilio emulator alone".
				================================================================""", server.listening(), base, base,
				base, base, sandbox.accountSid(),
				defaultToken ? TwilioEmulator.DEFAULT_AUTH_TOKEN + " (the documented default, not a secret)"
						: "the one in SANDBOX_AUTH_TOKEN");
		if (!address.isLoopbackAddress()) {
			log.warn("The emulator listens on {}, not only on loopback: anyone who can reach it can use its "
					+ "credentials", server.listening());
		}
		return server;
	}

}
