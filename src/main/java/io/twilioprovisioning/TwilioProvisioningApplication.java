package io.twilioprovisioning;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Runs the whole lifecycle of the Twilio phone numbers handed to client businesses.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TwilioProvisioningApplication {

	public static void main(String[] args) {
		SpringApplication.run(TwilioProvisioningApplication.class, args);
	}

}
