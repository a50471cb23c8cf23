package io.twilioprovisioning.platform;

import java.time.Clock;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

	private static final Logger log = LoggerFactory.getLogger(PlatformConfiguration.class);

	@Bean
	ProvisioningMode provisioningMode(Environment environment) {
		ProvisioningMode mode = ProvisioningMode.resolve(environment);
		if (mode.isSandbox()) {
			log.info(
					"Provisioning mode: SANDBOX — Twilio calls go to the in-process emulator; no real number is bought");
		}
		else {
			log.info("Provisioning mode: LIVE — Twilio calls go to the real Twilio account and cost money");
		}
		return mode;
	}

	@Bean
	ClusterJobs clusterJobs(DataSource dataSource) {
		ClusterJobs jobs = ClusterJobs.on(dataSource, ClusterJobs.newInstanceId());
		log.info("Scheduled jobs run once per period across instances; this instance is {}", jobs.instanceId());
		return jobs;
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
