package io.twilioprovisioning;

import io.twilioprovisioning.sandbox.StandaloneEmulatorApplication;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Runs the whole lifecycle of the Twilio phone numbers handed to client businesses; with
 * {@code --emulator}, the Twilio emulator alone ({@link StandaloneEmulatorApplication}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TwilioProvisioningApplication {

	public static void main(String[] args) {
		if (StandaloneEmulatorApplication.requested(args)) {
			StandaloneEmulatorApplication.run(args);
			return;
		}
		SpringApplication.run(TwilioProvisioningApplication.class, args);
	}

}
