package io.twilioprovisioning.jobs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import io.twilioprovisioning.TwilioProvisioningApplication;
import io.twilioprovisioning.clients.Client;
import io.twilioprovisioning.clients.ClientManagement;
import io.twilioprovisioning.numbers.NumberLifecycle;
import io.twilioprovisioning.numbers.PurchaseCommand;
import io.twilioprovisioning.sandbox.Operation;
import io.twilioprovisioning.sandbox.TwilioEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the application on one PostgreSQL, each with its own job engine and
 * its own in-app emulator (sharing the emulator's state in the database): jobs spread
 * over both, yet no item is ever processed twice, and a cancelled job stops within the
 * chunk in progress.
 */
class JobsClusterTests {

	private static final String ACTOR = "cluster@test.local";

	private static final int CHUNK = 5;

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	@BeforeAll
	static void startTwoInstances() {
		first = new SpringApplicationBuilder(TwilioProvisioningApplication.class).run("--server.port=0",
				"--provisioning.jobs.chunk-size=" + CHUNK, "--provisioning.jobs.max-concurrency=2");
		HikariDataSource database = first.getBean(HikariDataSource.class);
		second = new SpringApplicationBuilder(TwilioProvisioningApplication.class).run("--server.port=0",
				"--provisioning.jobs.chunk-size=" + CHUNK, "--provisioning.jobs.max-concurrency=2",
				"--spring.datasource.url=" + database.getJdbcUrl(), "--spring.datasource.username=postgres",
				"--spring.datasource.password=");
	}

	@AfterAll
	static void stopThem() {
		if (second != null) {
			second.close();
		}
		if (first != null) {
			first.close();
		}
	}

	@AfterEach
	void clearFaults() {
		emulator(first).faults().clear();
		emulator(second).faults().clear();
	}

	@Test
	void twoInstancesNeverProcessTheSameItem() {
		List<Client> clients = new ArrayList<>();
		for (String areaCode : List.of("415", "510", "212", "312")) {
			clients.add(clientWithNumbers(areaCode, 8));
		}
		latency(Duration.ofMillis(50));
		int updatesBefore = updates();
		Jobs jobs = first.getBean(Jobs.class);

		List<Job> started = new ArrayList<>();
		for (Client client : clients) {
			started.add(jobs.start(JobKind.REPOINT_WEBHOOKS, new JobParameters("CLIENT", client.id(), null, null,
					"https://hooks.example.com/cluster", null, null, null, null, null, null, null), ACTOR));
		}
		for (Job job : started) {
			await().atMost(Duration.ofSeconds(120)).until(() -> jobs.get(job.id()).state().finished());
			assertThat(jobs.get(job.id()).done()).isEqualTo(8);
		}

		assertThat(updates() - updatesBefore).as("Twilio changed each of the 32 numbers once, on one instance")
			.isEqualTo(32);
		assertThat(jdbc().sql("SELECT max(attempts) FROM job_items").query(Integer.class).single()).isEqualTo(1);
		assertThat(jdbc()
			.sql("SELECT count(*) FROM (SELECT phone_number_id FROM audit_events WHERE action = 'CONFIGURE' "
					+ "GROUP BY phone_number_id HAVING count(*) > 1) AS twice")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void cancelStopsWithinOneChunk() {
		Client client = clientWithNumbers("617", 30);
		latency(Duration.ofMillis(300));
		int updatesBefore = updates();
		Jobs jobs = first.getBean(Jobs.class);
		Job job = jobs.start(JobKind.REPOINT_WEBHOOKS, new JobParameters("CLIENT", client.id(), null, null,
				"https://hooks.example.com/cancelled", null, null, null, null, null, null, null), ACTOR);
		await().atMost(Duration.ofSeconds(120)).until(() -> jobs.get(job.id()).done() >= CHUNK);

		Job cancelled = jobs.cancel(job.id());
		int atCancel = cancelled.done() + cancelled.failed() + cancelled.skipped();
		await().atMost(Duration.ofSeconds(120))
			.until(() -> jdbc().sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = ? AND task_instance = ?")
				.params(JobEngine.TASK, Long.toString(job.id()))
				.query(Long.class)
				.single() == 0);

		Job after = jobs.get(job.id());
		int processed = after.done() + after.failed() + after.skipped();
		assertThat(after.state()).isEqualTo(JobState.CANCELLED);
		assertThat(processed).isLessThanOrEqualTo(atCancel + CHUNK);
		assertThat(after.remaining()).isPositive();
		assertThat(updates() - updatesBefore).as("no item beyond the chunk in progress went to Twilio")
			.isEqualTo(processed);
	}

	private static Client clientWithNumbers(String areaCode, int count) {
		Client client = first.getBean(ClientManagement.class).create("Cluster " + UUID.randomUUID(), null);
		NumberLifecycle lifecycle = first.getBean(NumberLifecycle.class);
		for (int i = 0; i < count; i++) {
			lifecycle.purchase(new PurchaseCommand(null, areaCode, client.id(), null, null, ACTOR));
		}
		return client;
	}

	private static void latency(Duration latency) {
		emulator(first).faults().latency(latency);
		emulator(second).faults().latency(latency);
	}

	private static int updates() {
		return emulator(first).requestCount(Operation.UPDATE) + emulator(second).requestCount(Operation.UPDATE);
	}

	private static TwilioEmulator emulator(ConfigurableApplicationContext context) {
		return context.getBean(TwilioEmulator.class);
	}

	private static JdbcClient jdbc() {
		return first.getBean(JdbcClient.class);
	}

}
