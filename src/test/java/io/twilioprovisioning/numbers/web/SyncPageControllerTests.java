package io.twilioprovisioning.numbers.web;

import java.util.Map;
import java.util.UUID;

import io.twilioprovisioning.clients.Client;
import io.twilioprovisioning.clients.ClientManagement;
import io.twilioprovisioning.numbers.NumberCarrier;
import io.twilioprovisioning.numbers.NumberLifecycle;
import io.twilioprovisioning.numbers.NumberRef;
import io.twilioprovisioning.numbers.NumberSync;
import io.twilioprovisioning.numbers.NumberUpdate;
import io.twilioprovisioning.numbers.PhoneNumberState;
import io.twilioprovisioning.numbers.PurchaseCommand;
import io.twilioprovisioning.numbers.TrackedNumber;
import io.twilioprovisioning.sandbox.Fault;
import io.twilioprovisioning.sandbox.Operation;
import io.twilioprovisioning.sandbox.TwilioEmulator;
import io.twilioprovisioning.support.BrowserSession;
import io.twilioprovisioning.support.BrowserSession.Page;
import io.twilioprovisioning.support.FreshNumbers;
import io.twilioprovisioning.support.RunningServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's "Sync with Twilio" card: its buttons post with CSRF, act, and come back
 * to the dashboard with a message and the fresh report.
 */
@RunningServerTest
class SyncPageControllerTests {

	@LocalServerPort
	int port;

	@Autowired
	TwilioEmulator emulator;

	@Autowired
	NumberLifecycle lifecycle;

	@Autowired
	NumberSync sync;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ClientManagement clients;

	@Autowired
	NumberCarrier carrier;

	BrowserSession admin;

	@BeforeEach
	void logIn() {
		this.emulator.faults().clear();
		this.admin = new BrowserSession(this.port);
		this.admin.login(RunningServerTest.ADMIN_EMAIL, RunningServerTest.ADMIN_PASSWORD);
	}

	@AfterEach
	void clearFaults() {
		this.emulator.faults().clear();
	}

	String addUntracked() {
		return this.emulator.addOwned(FreshNumbers.forSale(this.lifecycle, this.jdbc, "404").value()).sid();
	}

	/**
	 * Waits until the job a button started (the page it redirected to) has ended.
	 */
	void awaitJob(Page started) {
		String location = started.location();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(60))
			.until(() -> this.jdbc.sql("SELECT state FROM jobs WHERE id = ?")
				.param(id)
				.query(String.class)
				.single()
				.matches("SUCCEEDED|FAILED|PARTLY_FAILED|CANCELLED"));
	}

	@Test
	void checkButtonShowsTheReportOnTheDashboard() {
		awaitJob(this.admin.postForm("/admin/twilio/sync/adopt", "/admin/twilio", Map.of()));
		String untracked = addUntracked();

		Page result = this.admin.postForm("/admin/twilio/sync/check", "/admin/twilio", Map.of());

		assertThat(result.status()).isEqualTo(302);
		assertThat(result.location()).endsWith("/admin/twilio");
		Page dashboard = this.admin.get("/admin/twilio");
		assertThat(dashboard.html()).contains("Sync with Twilio")
			.contains("Last checked")
			.contains("untracked,")
			.contains(untracked);
	}

	@Test
	void adoptButtonTracksTheNumberAndSaysSo() {
		String untracked = addUntracked();

		Page result = this.admin.postForm("/admin/twilio/sync/adopt", "/admin/twilio", Map.of());

		assertThat(result.status()).isEqualTo(302);
		assertThat(result.location()).matches(".*/admin/jobs/\\d+");
		assertThat(this.admin.get(result.location()).html()).contains("started").contains("Progress");
		awaitJob(result);
		assertThat(this.lifecycle.findLive(NumberRef.ofSid(untracked)).state()).isEqualTo(PhoneNumberState.ACTIVE);
		this.admin.postForm("/admin/twilio/sync/check", "/admin/twilio", Map.of());
		assertThat(this.sync.latest().orElseThrow().untracked()).noneMatch((i) -> i.sid().equals(untracked));
		assertThat(this.sync.latest().orElseThrow().webhooksDiffer()).anyMatch((i) -> i.sid().equals(untracked));
	}

	@Test
	void theCardShowsNameDriftAndItsButtonFixesIt() {
		Client client = this.clients.create("Card " + UUID.randomUUID(), null);
		TrackedNumber number = this.lifecycle
			.purchase(new PurchaseCommand(FreshNumbers.forSale(this.lifecycle, this.jdbc, "404"), null, client.id(),
					null, null, RunningServerTest.ADMIN_EMAIL))
			.number();
		this.carrier.update(number.sid(), new NumberUpdate("Drifted name", null));

		this.admin.postForm("/admin/twilio/sync/check", "/admin/twilio", Map.of());
		String card = this.admin.get("/admin/twilio").html();
		Page fixed = this.admin.postForm("/admin/twilio/sync/fix-names", "/admin/twilio", Map.of());

		assertThat(card).contains("Other names in Twilio").contains("other name in Twilio").contains("Drifted name");
		assertThat(fixed.status()).isEqualTo(302);
		assertThat(this.admin.get("/admin/twilio").html()).contains("Set the client&#39;s name in Twilio on");
		assertThat(this.emulator.owned(number.sid()).orElseThrow().friendlyName()).isEqualTo(client.name());
	}

	@Test
	void twilioOutageShowsAnErrorInsteadOfFailing() {
		this.emulator.faults().failNext(Operation.LIST, Fault.SERVICE_UNAVAILABLE, 20);

		Page result = this.admin.postForm("/admin/twilio/sync/check", "/admin/twilio", Map.of());

		assertThat(result.status()).isEqualTo(302);
		this.emulator.faults().clear();
		assertThat(this.admin.get("/admin/twilio").html()).contains("flash-error").contains("503");
	}

}
