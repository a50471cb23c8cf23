package io.twilioprovisioning.platform;

import java.nio.file.Path;

import io.twilioprovisioning.TwilioProvisioningApplication;
import io.twilioprovisioning.clients.Client;
import io.twilioprovisioning.clients.ClientManagement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without SPRING_DATASOURCE_URL the app runs on an embedded PostgreSQL whose data
 * survives a restart.
 */
class EmbeddedDatabaseRestartTests {

	@TempDir
	Path dataDir;

	@Test
	void dataSurvivesARestart() {
		long id;
		try (ConfigurableApplicationContext first = start()) {
			Client client = first.getBean(ClientManagement.class).create("Survivor Ltd", null);
			id = client.id();
		}
		try (ConfigurableApplicationContext second = start()) {
			assertThat(second.getBean(ClientManagement.class).get(id).name()).isEqualTo("Survivor Ltd");
		}
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(TwilioProvisioningApplication.class).run("--server.port=0",
				"--provisioning.database.embedded.ephemeral=false",
				"--provisioning.database.embedded.data-dir=" + this.dataDir.resolve("pg"));
	}

}
