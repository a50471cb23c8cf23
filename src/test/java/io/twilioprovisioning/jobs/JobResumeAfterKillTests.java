package io.twilioprovisioning.jobs;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.twilioprovisioning.TwilioProvisioningApplication;
import io.twilioprovisioning.sandbox.Operation;
import io.twilioprovisioning.sandbox.OwnedRecord;
import io.twilioprovisioning.sandbox.StandaloneTwilioEmulator;
import io.twilioprovisioning.sandbox.TwilioEmulator;
import io.twilioprovisioning.support.ApiClient;
import io.twilioprovisioning.support.RunningServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A job killed with {@code kill -9} after part of its items resumes when the application
 * starts again on the same database and ends with every item done exactly once. The
 * application runs as a separate process on a persistent embedded PostgreSQL, in live
 * mode against an emulator in this JVM, whose request counts outlive the kill: Twilio is
 * asked to change each number exactly once.
 */
class JobResumeAfterKillTests {

	private static final int NUMBERS = 24;

	private static final Duration GENEROUS = Duration.ofSeconds(180);

	private static final String TARGET = "https://hooks.example.com/after-kill";

	@TempDir
	Path dataDir;

	private final List<Process> started = new ArrayList<>();

	private StandaloneTwilioEmulator twilio;

	@AfterEach
	void stopEverythingStarted() throws Exception {
		for (Process process : this.started) {
			if (process.isAlive()) {
				process.destroy();
				process.waitFor(60, TimeUnit.SECONDS);
			}
		}
		Path pidFile = this.dataDir.resolve("postgres").resolve("postmaster.pid");
		if (Files.exists(pidFile)) {
			String pid = Files.readAllLines(pidFile).get(0).strip();
			Optional<ProcessHandle> postgres = ProcessHandle.of(Long.parseLong(pid));
			postgres.ifPresent(ProcessHandle::destroy);
		}
		if (this.twilio != null) {
			this.twilio.close();
		}
	}

	@Test
	void aKilledJobResumesOnRestartAndDoesEveryItemExactlyOnce() throws Exception {
		TwilioEmulator emulator = new TwilioEmulator(TwilioEmulator.DEFAULT_ACCOUNT_SID,
				TwilioEmulator.DEFAULT_AUTH_TOKEN);
		this.twilio = StandaloneTwilioEmulator.start(emulator);
		emulator.preload(NUMBERS);

		ApiClient first = start("first");
		JsonNode adopt = first.post("/api/admin/twilio/sync/adopt", "").json();
		awaitState(first, adopt.get("id").asLong(), "SUCCEEDED");
		int baseline = emulator.requestCount(Operation.UPDATE);
		emulator.faults().latency(Duration.ofMillis(1500));
		ApiClient.Response started = first.post("/api/admin/jobs",
				"{\"kind\":\"REPOINT_WEBHOOKS\",\"parameters\":{\"scope\":\"ALL\",\"voiceUrl\":\"" + TARGET + "\"}}");
		assertThat(started.status()).as(started.body()).isEqualTo(202);
		long job = started.json().get("id").asLong();
		await().atMost(GENEROUS).pollInterval(Duration.ofMillis(100)).until(() -> {
			JsonNode progress = first.get("/api/admin/jobs/" + job).json();
			System.out
				.println("DEBUG " + progress + " updates=" + (emulator.requestCount(Operation.UPDATE) - baseline));
			return progress.get("done").asInt() >= 4;
		});

		Process killed = this.started.get(0);
		killed.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
		assertThat(killed.isAlive()).isFalse();
		int updatesBeforeRestart = emulator.requestCount(Operation.UPDATE) - baseline;
		assertThat(updatesBeforeRestart).as("killed mid-job").isLessThan(NUMBERS);

		ApiClient second = start("second");
		JsonNode done = awaitState(second, job, "SUCCEEDED");

		assertThat(done.get("done").asInt()).isEqualTo(NUMBERS);
		assertThat(done.get("failed").asInt()).isZero();
		assertThat(emulator.requestCount(Operation.UPDATE) - baseline).as("Twilio changed each number once")
			.isEqualTo(NUMBERS);
		List<OwnedRecord> owned = emulator.ownedNumbers();
		assertThat(owned).hasSize(NUMBERS).allSatisfy((number) -> assertThat(number.voiceUrl()).isEqualTo(TARGET));
		JsonNode items = second.get("/api/admin/jobs/" + job + "/items?size=100").json().get("content");
		assertThat(items).hasSize(NUMBERS)
			.allSatisfy((item) -> assertThat(item.get("outcome").asString()).isEqualTo("DONE"));
		JsonNode audit = second.get("/api/admin/audit?action=CONFIGURE&outcome=SUCCEEDED&size=1").json();
		assertThat(audit.get("totalElements").asInt()).as("each number configured once").isEqualTo(NUMBERS);
	}

	private JsonNode awaitState(ApiClient api, long job, String state) {
		await().atMost(GENEROUS)
			.pollInterval(Duration.ofMillis(250))
			.until(() -> api.get("/api/admin/jobs/" + job).json().get("state").asString().equals(state));
		return api.get("/api/admin/jobs/" + job).json();
	}

	/**
	 * Starts the application in another JVM on the data directory, in live mode against
	 * the emulator, and waits until it answers.
	 */
	private ApiClient start(String name) throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		File log = Files.createTempFile("job-resume-" + name, ".log").toFile();
		Process process = new ProcessBuilder(List.of(java, "-Xmx384m", "-cp", System.getProperty("java.class.path"),
				TwilioProvisioningApplication.class.getName(), "--server.port=" + port, "--server.address=127.0.0.1",
				"--provisioning.database.embedded.ephemeral=false",
				"--provisioning.database.embedded.data-dir=" + this.dataDir.resolve("postgres"),
				"--provisioning.mode=live", "--twilio.account-sid=" + TwilioEmulator.DEFAULT_ACCOUNT_SID,
				"--twilio.auth-token=" + TwilioEmulator.DEFAULT_AUTH_TOKEN,
				"--twilio.api-base-url=" + this.twilio.baseUrl(), "--app.base-url=https://provisioning.example.com",
				"--provisioning.jobs.chunk-size=4", "--provisioning.jobs.max-concurrency=2",
				"--provisioning.scheduling.enabled=false"))
			.redirectErrorStream(true)
			.redirectOutput(log)
			.start();
		this.started.add(process);
		ApiClient api = ApiClient.as(port, RunningServerTest.ADMIN_EMAIL, RunningServerTest.ADMIN_PASSWORD);
		await().atMost(GENEROUS).pollInterval(Duration.ofMillis(500)).until(() -> {
			assertThat(process.isAlive()).as("the application started; its log: " + log).isTrue();
			try {
				return api.get("/api/admin/jobs?size=1").status() == 200;
			}
			catch (RuntimeException ex) {
				return false;
			}
		});
		return api;
	}

}
