package io.twilioprovisioning.sandbox;

import java.util.Arrays;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The same jar as the application, run as the Twilio emulator alone: {@code java -jar
 * twilio-provisioning.jar --emulator} serves the four Twilio hosts on one port, so other
 * services and Twilio's SDKs can be developed against it. No database, no web console: a
 * small Spring context binds the settings ({@link SandboxProperties},
 * {@link StandaloneEmulatorProperties}) and serves a {@link StandaloneTwilioEmulator}
 * until the process is stopped. The emulator keeps its state in memory (docs/sandbox.md,
 * docs/adr/0016).
 */
public final class StandaloneEmulatorApplication {

	/** The command-line argument that runs the emulator instead of the application. */
	public static final String FLAG = "--emulator";

	private StandaloneEmulatorApplication() {
	}

	/**
	 * Whether the command line asks for the emulator alone.
	 * @param args the command line
	 * @return {@code true} when it holds {@value #FLAG}
	 */
	public static boolean requested(String... args) {
		return Arrays.asList(args).contains(FLAG);
	}

	/**
	 * Starts the emulator; it serves until the returned context is closed (or the JVM
	 * stops: the context keeps it alive and closes on a shutdown signal).
	 * @param args the command line: Spring Boot's {@code --name=value} settings, such as
	 * {@code --sandbox.emulator.port=0}
	 * @return the running emulator's context, holding the
	 * {@link StandaloneTwilioEmulator} and its {@link TwilioEmulator}
	 */
	public static ConfigurableApplicationContext run(String... args) {
		return new SpringApplicationBuilder(StandaloneEmulatorBeans.class).main(StandaloneEmulatorApplication.class)
			.web(WebApplicationType.NONE)
			.properties("spring.main.keep-alive=true", "spring.application.name=twilio-emulator")
			.run(args);
	}

}
