package io.twilioprovisioning.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.twilioprovisioning.TwilioProvisioningApplication;
import io.twilioprovisioning.clients.ClientManagement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A {@code kill -9} of the application leaves its embedded PostgreSQL running on the data
 * directory. The next start stops that orphan and starts normally; a PostgreSQL that
 * another running instance owns is left alone, and the start fails at once with a message
 * that says so.
 */
class EmbeddedDatabaseStaleServerTests {

	private static final Duration GENEROUS = Duration.ofSeconds(120);

	@TempDir
	Path dataDir;

	private Process holder;

	private Optional<ProcessHandle> postgres = Optional.empty();

	@AfterEach
	void stopEverythingStarted() throws InterruptedException {
		if (this.holder != null && this.holder.isAlive()) {
			this.holder.destroy();
			this.holder.waitFor(60, TimeUnit.SECONDS);
		}
		this.postgres.filter(ProcessHandle::isAlive).ifPresent(ProcessHandle::destroy);
	}

	@Test
	void startsAfterAKilledRunLeftItsPostgresRunning() throws Exception {
		startHolder();
		this.holder.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
		assertThat(this.postgres).hasValueSatisfying((process) -> assertThat(process.isAlive()).isTrue());

		try (ConfigurableApplicationContext context = start()) {
			assertThat(context.getBean(ClientManagement.class).create("After The Crash Ltd", null).id()).isPositive();
		}
		assertThat(this.postgres.get().isAlive()).isFalse();
	}

	@Test
	void refusesADataDirectoryThatAnotherRunningInstanceUses() throws Exception {
		startHolder();

		assertThatThrownBy(this::start).hasStackTraceContaining("belongs to another running instance")
			.hasStackTraceContaining("PID " + this.postgres.get().pid());
		assertThat(this.postgres.get().isAlive()).isTrue();
	}

	/**
	 * Starts the embedded PostgreSQL on the data directory in another JVM, as a running
	 * instance of the application would.
	 */
	private void startHolder() throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		this.holder = new ProcessBuilder(List.of(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
				OrphanablePostgres.class.getName(), this.dataDir.toString()))
			.redirectErrorStream(true)
			.start();
		BufferedReader output = new BufferedReader(
				new InputStreamReader(this.holder.getInputStream(), StandardCharsets.UTF_8));
		CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> {
			try {
				String line;
				while ((line = output.readLine()) != null) {
					if (line.startsWith("READY")) {
						return true;
					}
				}
				return false;
			}
			catch (IOException ex) {
				return false;
			}
		});
		assertThat(ready.get(GENEROUS.toSeconds(), TimeUnit.SECONDS)).as("the other JVM started PostgreSQL").isTrue();
		CompletableFuture.runAsync(() -> output.lines().forEach((line) -> {
		}));
		await().atMost(GENEROUS)
			.until(() -> StaleEmbeddedPostgres.Postmaster.read(this.dataDir.resolve("postmaster.pid")).isPresent());
		this.postgres = ProcessHandle
			.of(StaleEmbeddedPostgres.Postmaster.read(this.dataDir.resolve("postmaster.pid")).get().pid());
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(TwilioProvisioningApplication.class).run("--server.port=0",
				"--provisioning.database.embedded.ephemeral=false",
				"--provisioning.database.embedded.data-dir=" + this.dataDir);
	}

}
