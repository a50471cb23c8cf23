package io.twilioprovisioning.jobs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.twilioprovisioning.alerts.AlertType;
import io.twilioprovisioning.alerts.Alerts;
import io.twilioprovisioning.clients.Client;
import io.twilioprovisioning.clients.ClientManagement;
import io.twilioprovisioning.numbers.NumberLifecycle;
import io.twilioprovisioning.numbers.PhoneNumberState;
import io.twilioprovisioning.numbers.PurchaseCommand;
import io.twilioprovisioning.numbers.TrackedNumber;
import io.twilioprovisioning.platform.PageRequest;
import io.twilioprovisioning.sandbox.Fault;
import io.twilioprovisioning.sandbox.Operation;
import io.twilioprovisioning.sandbox.TwilioEmulator;
import io.twilioprovisioning.support.FreshNumbers;
import io.twilioprovisioning.support.RunningServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Jobs on the running application against the sandbox emulator: each kind changes numbers
 * through the lifecycle (audited once per item), per-item failures are recorded with
 * Twilio's code and can be retried, a 429 storm loses nothing, and bad parameters are
 * refused before anything is stored.
 */
@RunningServerTest
class JobsTests {

	private static final String ACTOR = RunningServerTest.ADMIN_EMAIL;

	private static final List<String> AREA_CODES = List.of("206", "617", "305", "312");

	@org.springframework.boot.test.web.server.LocalServerPort
	int port;

	@Autowired
	Jobs jobs;

	@Autowired
	NumberLifecycle lifecycle;

	@Autowired
	io.twilioprovisioning.numbers.NumberListing listing;

	@Autowired
	ClientManagement clients;

	@Autowired
	TwilioEmulator emulator;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Alerts alerts;

	@Autowired
	MeterRegistry meters;

	@Autowired
	JobRepository repository;

	@Autowired
	AdoptWork adopt;

	@Autowired
	io.twilioprovisioning.numbers.NumberSync sync;

	org.springframework.transaction.support.TransactionTemplate tx;

	@Autowired
	void transactions(org.springframework.transaction.PlatformTransactionManager transactionManager) {
		this.tx = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
	}

	@BeforeEach
	@AfterEach
	void clearFaults() {
		this.emulator.faults().clear();
	}

	@Test
	void repointAppliesGivenUrlsToEveryNumberOfAClientOnceEach() {
		Client client = client();
		List<TrackedNumber> numbers = buy(client, 6);
		String voice = "https://hooks.example.com/voice/" + client.id();

		Job job = finished(this.jobs.start(JobKind.REPOINT_WEBHOOKS,
				new JobParameters("CLIENT", client.id(), null, null, voice, null, null, null, null, null, null, null),
				ACTOR));

		assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
		assertThat(job.total()).isEqualTo(6);
		assertThat(job.done()).isEqualTo(6);
		for (TrackedNumber number : numbers) {
			assertThat(this.emulator.owned(number.sid()).orElseThrow().voiceUrl()).isEqualTo(voice);
			assertThat(audits(number, "CONFIGURE")).isEqualTo(1);
		}
		assertThat(this.jobs.items(job.id(), null, new PageRequest(0, 50)).content())
			.allSatisfy((item) -> assertThat(item.outcome()).isEqualTo(ItemOutcome.DONE));

		Job again = finished(this.jobs.start(JobKind.REPOINT_WEBHOOKS,
				new JobParameters("CLIENT", client.id(), null, null, voice, null, null, null, null, null, null, null),
				ACTOR));
		assertThat(again.skipped()).as("already pointed there: Twilio is not called").isEqualTo(6);
		assertThat(audits(numbers.get(0), "CONFIGURE")).isEqualTo(1);
	}

	@Test
	void perItemFailuresAreRecordedWithTwilioCodeAndRetryable() {
		Client client = client();
		List<TrackedNumber> numbers = buy(client, 4);
		this.emulator.faults().failNext(Operation.UPDATE, Fault.SERVICE_UNAVAILABLE, 2);

		Job job = finished(this.jobs.start(JobKind.REPOINT_WEBHOOKS, new JobParameters("CLIENT", client.id(), null,
				null, "https://hooks.example.com/retry", null, null, null, null, null, null, null), ACTOR));

		assertThat(job.state()).isEqualTo(JobState.PARTLY_FAILED);
		assertThat(job.failed()).isEqualTo(2);
		assertThat(job.done()).isEqualTo(2);
		// the runner raises the alert right after the job's end is committed
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(jobAlert(job)).as("a partly failed job raises its alert")
				.hasValueSatisfying((alert) -> assertThat(alert.message()).contains("Job " + job.id())
					.contains("partly failed")
					.contains("2 of 4 items failed")));
		List<JobItem> failed = this.jobs.items(job.id(), ItemOutcome.FAILED, new PageRequest(0, 10)).content();
		assertThat(failed).hasSize(2).allSatisfy((item) -> {
			assertThat(item.twilioCode()).isNotNull();
			assertThat(item.message()).isNotBlank();
		});

		Job retried = finished(this.jobs.retryFailed(job.id()));

		assertThat(retried.state()).isEqualTo(JobState.SUCCEEDED);
		assertThat(retried.done()).isEqualTo(4);
		assertThat(retried.failed()).isZero();
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(jobAlert(retried)).as("succeeding after the retry resolves it").isEmpty());
		for (TrackedNumber number : numbers) {
			assertThat(this.emulator.owned(number.sid()).orElseThrow().voiceUrl())
				.isEqualTo("https://hooks.example.com/retry");
		}
	}

	@Test
	void aTooManyRequestsStormSlowsAJobButLosesNothing() {
		Client client = client();
		List<TrackedNumber> numbers = buy(client, 12);
		this.emulator.faults().concurrencyLimit(1).latency(Duration.ofMillis(20));
		this.emulator.faults().failRate(Operation.UPDATE, Fault.TOO_MANY_REQUESTS, 0.3);

		Job job = finished(this.jobs.start(JobKind.REPOINT_WEBHOOKS, new JobParameters("CLIENT", client.id(), null,
				null, "https://hooks.example.com/storm", null, null, null, null, null, null, null), ACTOR));
		assertThat(job.done() + job.failed()).as("every item has an outcome").isEqualTo(12);
		this.emulator.faults().clear();
		for (int round = 0; round < 5 && job.failed() > 0; round++) {
			job = finished(this.jobs.retryFailed(job.id()));
		}

		assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
		assertThat(job.done()).isEqualTo(12);
		for (TrackedNumber number : numbers) {
			assertThat(this.emulator.owned(number.sid()).orElseThrow().voiceUrl())
				.isEqualTo("https://hooks.example.com/storm");
			assertThat(audits(number, "CONFIGURE") - failures(number, "CONFIGURE")).isEqualTo(1);
		}
	}

	@Test
	void aJobThatCannotListItsItemsFailsAndRaisesItsAlert() {
		this.emulator.faults().failRate(Operation.LIST, Fault.SERVER_ERROR, 1.0);

		Job job = finished(this.jobs.start(JobKind.ADOPT_UNTRACKED, JobParameters.NONE, ACTOR));

		assertThat(job.state()).isEqualTo(JobState.FAILED);
		assertThat(job.problem()).isNotBlank();
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(jobAlert(job))
				.hasValueSatisfying((alert) -> assertThat(alert.message()).contains("Job " + job.id())
					.contains("failed: could not list its items")));
		this.alerts.resolve(AlertType.JOB_FAILED, String.valueOf(job.id()), "test over");
	}

	@Test
	void theRunningGaugeCountsTheJobsRunning() {
		Client client = client();
		buy(client, 3);
		// every Twilio call of the job waits until released: it runs as long as the test
		// needs
		this.emulator.faults().latency(Duration.ofMinutes(10));

		Job job = this.jobs.start(JobKind.REPOINT_WEBHOOKS, new JobParameters("CLIENT", client.id(), null, null,
				"https://hooks.example.com/gauge", null, null, null, null, null, null, null), ACTOR);
		await().atMost(Duration.ofSeconds(60)).until(() -> this.emulator.faults().waiting() > 0);

		assertThat(this.jobs.get(job.id()).state()).isEqualTo(JobState.RUNNING);
		assertThat(runningGauge()).isGreaterThanOrEqualTo(1).isEqualTo(runningInDatabase());

		this.emulator.faults().clear();
		assertThat(finished(job).state()).isEqualTo(JobState.SUCCEEDED);
		assertThat(runningGauge()).isEqualTo(runningInDatabase());
	}

	/**
	 * The rolling window takes items ahead of the pool; a pause lets the items in flight
	 * finish, starts no other, and gives the taken-but-unstarted ones back untouched.
	 */
	@Test
	void aPauseFinishesTheItemsInFlightAndGivesBackTheOnesNotStarted() {
		Client client = client();
		// spread over the area codes the other tests of this JVM buy in least: the
		// sandbox
		// offers a test JVM a bounded set of numbers per area code, which all tests share
		List<String> areaCodes = List.of("305", "702", "303", "510");
		List<TrackedNumber> numbers = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			io.twilioprovisioning.numbers.E164Number number = FreshNumbers.forSale(this.lifecycle, this.jdbc,
					areaCodes.get(i % areaCodes.size()));
			numbers.add(this.lifecycle.purchase(new PurchaseCommand(number, null, client.id(), null, null, ACTOR))
				.number());
		}
		// every Twilio call of the job waits until released: the 32 threads of the job's
		// pool hold 32 items (some at Twilio, the rest waiting for the bulk limit), and 8
		// wait in the queue
		this.emulator.faults().latency(Duration.ofMinutes(10));
		Job job = this.jobs.start(JobKind.REPOINT_WEBHOOKS, new JobParameters("CLIENT", client.id(), null, null,
				"https://hooks.example.com/paused", null, null, null, null, null, null, null), ACTOR);
		await().atMost(Duration.ofSeconds(60)).until(() -> this.emulator.faults().waiting() > 0);

		this.jobs.pause(job.id());
		await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> {
			this.emulator.faults().releaseWaits();
			return this.jdbc.sql("SELECT count(*) FROM job_items WHERE job_id = ? AND outcome = 'RUNNING'")
				.param(job.id())
				.query(Long.class)
				.single() == 0;
		});

		Job paused = this.jobs.get(job.id());
		assertThat(paused.state()).isEqualTo(JobState.PAUSED);
		assertThat(paused.done()).isPositive().isLessThan(numbers.size());
		List<JobItem> items = this.jobs.items(job.id(), null, new PageRequest(0, 50)).content();
		assertThat(items).filteredOn((item) -> item.outcome() != ItemOutcome.DONE)
			.hasSize(numbers.size() - paused.done())
			.allSatisfy((item) -> assertThat(item.outcome()).isEqualTo(ItemOutcome.PENDING))
			.allSatisfy((item) -> assertThat(item.attempts()).as("given back as never taken").isZero());
		long configured = numbers.stream()
			.filter((number) -> "https://hooks.example.com/paused"
				.equals(this.emulator.owned(number.sid()).orElseThrow().voiceUrl()))
			.count();
		assertThat(configured).as("Twilio changed exactly the items recorded done").isEqualTo(paused.done());

		this.emulator.faults().clear();
		Job resumed = finished(this.jobs.resume(job.id()));
		assertThat(resumed.state()).isEqualTo(JobState.SUCCEEDED);
		assertThat(resumed.done()).isEqualTo(numbers.size());
	}

	@Test
	void moveAndReleaseAClientsNumbersThroughTheLifecycle() {
		Client from = client();
		Client to = client();
		List<TrackedNumber> numbers = buy(from, 3);

		Job moved = finished(this.jobs.start(JobKind.MOVE_CLIENT,
				new JobParameters(null, from.id(), to.id(), null, null, null, null, null, null, null, null, null),
				ACTOR));

		assertThat(moved.state()).isEqualTo(JobState.SUCCEEDED);
		assertThat(numbers).allSatisfy((n) -> assertThat(this.lifecycle.get(n.id()).clientId()).isEqualTo(to.id()));
		assertThat(numbers).allSatisfy((n) -> assertThat(audits(n, "REASSIGN")).isEqualTo(1));
		assertThatExceptionOfType(InvalidJobException.class).isThrownBy(() -> this.jobs.start(JobKind.RELEASE_CLIENT,
				new JobParameters(null, to.id(), null, null, null, null, null, null, null, null, null, "wrong"),
				ACTOR));

		Job released = finished(this.jobs.start(JobKind.RELEASE_CLIENT,
				new JobParameters(null, to.id(), null, null, null, null, null, null, null, null, null, to.name()),
				ACTOR));

		assertThat(released.state()).isEqualTo(JobState.SUCCEEDED);
		assertThat(released.done()).isEqualTo(3);
		assertThat(numbers).allSatisfy((n) -> {
			assertThat(this.lifecycle.get(n.id()).state()).isEqualTo(PhoneNumberState.RELEASED);
			assertThat(this.emulator.owned(n.sid())).isEmpty();
		});
	}

	@Test
	void buyStopsCleanlyWhenTwilioHasNoMoreNumbers() {
		Client client = client();

		Job bought = finished(this.jobs.start(JobKind.BUY_NUMBERS,
				new JobParameters(null, client.id(), null, null, null, null, null, 3, "415", null, null, null), ACTOR));
		Job none = finished(this.jobs.start(JobKind.BUY_NUMBERS,
				new JobParameters(null, client.id(), null, null, null, null, null, 3, "533", null, "99999", null),
				ACTOR));

		assertThat(bought.state()).isEqualTo(JobState.SUCCEEDED);
		assertThat(bought.done()).isEqualTo(3);
		assertThat(this.listing
			.list(io.twilioprovisioning.numbers.NumberQuery.ofClient(client.id()), new PageRequest(0, 10))
			.totalElements()).isEqualTo(3);
		assertThat(none.state().finished()).isTrue();
		assertThat(none.done()).isZero();
		assertThat(none.remaining()).isZero();
	}

	@Test
	void adoptTracksUntrackedNumbersFromTwilio() {
		String sid = this.emulator.addOwned(fresh().value()).sid();

		Job job = finished(this.jobs.start(JobKind.ADOPT_UNTRACKED, JobParameters.NONE, ACTOR));

		assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
		assertThat(this.lifecycle.findLive(io.twilioprovisioning.numbers.NumberRef.ofSid(sid)).state())
			.isEqualTo(PhoneNumberState.ACTIVE);
	}

	@Test
	void adoptDoesAChunkInOneGoAndARerunAdoptsNothingTwice() {
		List<String> sids = List.of(this.emulator.addOwned(unsold()).sid(), this.emulator.addOwned(unsold()).sid(),
				this.emulator.addOwned(unsold()).sid());

		Job job = finished(this.jobs.start(JobKind.ADOPT_UNTRACKED, JobParameters.NONE, ACTOR));

		assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
		assertThat(job.done() + job.skipped()).isEqualTo(job.total());
		assertThat(job.done()).isGreaterThanOrEqualTo(3);
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM job_items WHERE job_id = ? AND (attempts <> 1 OR outcome = 'FAILED')")
			.param(job.id())
			.query(Long.class)
			.single()).as("each item taken once, none failed").isZero();
		for (String sid : sids) {
			assertThat(adopted(sid)).isEqualTo(1);
		}

		Job again = finished(this.jobs.start(JobKind.ADOPT_UNTRACKED, JobParameters.NONE, ACTOR));

		assertThat(again.state()).isEqualTo(JobState.SUCCEEDED);
		for (String sid : sids) {
			assertThat(adopted(sid)).as("one row and one ADOPT entry per number").isEqualTo(1);
		}
	}

	/**
	 * An adopt job adopts each page as Twilio lists it. A pause while it lists stops the
	 * listing at the next page; the resumed job lists again and adopts the rest, each
	 * number once, each item recorded once.
	 */
	@Test
	void anAdoptPausedWhileListingResumesAndAdoptsEveryNumberOnce() {
		java.util.Set<String> before = sids();
		this.emulator.preload(1500);
		java.util.Set<String> preloaded = sids();
		preloaded.removeAll(before);
		// every Twilio call waits until the test lets it go on
		this.emulator.faults().latency(Duration.ofHours(1));
		Job job = this.jobs.start(JobKind.ADOPT_UNTRACKED, JobParameters.NONE, ACTOR);
		await().atMost(Duration.ofSeconds(60)).until(() -> this.emulator.faults().waiting() > 0);
		// Twilio answers the first page; the listing then asks for the second, which
		// waits
		this.emulator.faults().releaseWaits();
		await().atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.jobs.get(job.id()).total() > 0);
		this.jobs.pause(job.id());
		this.emulator.faults().clear();
		await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> !running(job));

		Job paused = this.jobs.get(job.id());
		assertThat(paused.state()).isEqualTo(JobState.PAUSED);
		assertThat(paused.planned()).isFalse();
		assertThat(paused.total()).as("the first page's untracked numbers, no more").isBetween(1, 1000);
		assertThat(paused.done() + paused.skipped()).isEqualTo(paused.total());
		assertThat(paused.secondsLeft()).as("not all listed: the time left cannot be told").isNull();
		io.twilioprovisioning.support.BrowserSession admin = new io.twilioprovisioning.support.BrowserSession(
				this.port);
		admin.login(RunningServerTest.ADMIN_EMAIL, RunningServerTest.ADMIN_PASSWORD);
		String panel = admin.get("/admin/jobs/" + job.id() + "/progress").html();
		assertThat(panel).as("the share is unknown while listing: the bar has no value")
			.containsPattern("<progress class=\"job-bar\" max=\"\\d+\">listing</progress>")
			.contains("<strong>Listing</strong>")
			.contains("(still listing the items)");

		Job resumed = finished(this.jobs.resume(job.id()));

		assertThat(resumed.state()).isEqualTo(JobState.SUCCEEDED);
		assertThat(resumed.planned()).isTrue();
		assertThat(resumed.total()).isGreaterThanOrEqualTo(1500);
		assertThat(resumed.done() + resumed.skipped()).isEqualTo(resumed.total());
		assertThat(this.jdbc.sql("SELECT count(*) FROM job_items WHERE job_id = ? AND attempts = 1")
			.param(job.id())
			.query(Long.class)
			.single()).as("each item recorded once, with its outcome").isEqualTo(resumed.total());
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM audit_events
				WHERE action = 'ADOPT' AND outcome = 'SUCCEEDED' AND occurred_at >= ?""")
			.param(java.sql.Timestamp.from(job.createdAt()))
			.query(Long.class)
			.single()).as("one ADOPT entry per number adopted").isEqualTo(resumed.done());
		assertThat(this.jobs.items(job.id(), null, new PageRequest(0, 50)).content()).hasSize(50)
			.allSatisfy((item) -> assertThat(item.twilioCode()).as("no Twilio code: Twilio refused nothing").isNull());
		assertThat(preloaded).hasSize(1500)
			.allSatisfy((sid) -> assertThat(adopted(sid)).as("tracked once: " + sid).isEqualTo(1));
		// the sync reports of the test classes that share this inventory list 200 numbers
		// of each kind: the preloaded numbers' webhooks are pointed as the policy says
		assertThat(this.sync.fixWebhooks(ACTOR).failed()).isZero();
	}

	/**
	 * A page whose transaction fails (here the database refuses one of its items once)
	 * leaves nothing of that page; db-scheduler runs the job again, which lists again and
	 * adopts the page then, each number and each item once.
	 */
	@Test
	void anAdoptPageThatCannotBeStoredIsAdoptedOnTheNextRun() {
		String number = unsold();
		String sid = this.emulator.addOwned(number).sid();
		this.jdbc.sql("CREATE SEQUENCE IF NOT EXISTS test_fail_item_once").update();
		this.jdbc.sql("""
				CREATE OR REPLACE FUNCTION test_fail_item() RETURNS trigger AS $$
				BEGIN
				  -- a sequence is not rolled back with the failed transaction: only the first try fails
				  IF NEW.item_key = '%s' AND nextval('test_fail_item_once') = 1 THEN
				    RAISE EXCEPTION 'test: the database refuses this item once';
				  END IF;
				  RETURN NEW;
				END $$ LANGUAGE plpgsql""".formatted(number)).update();
		this.jdbc
			.sql("CREATE TRIGGER test_fail_item BEFORE INSERT ON job_items FOR EACH ROW "
					+ "EXECUTE FUNCTION test_fail_item()")
			.update();
		try {
			Job started = this.jobs.start(JobKind.ADOPT_UNTRACKED, JobParameters.NONE, ACTOR);
			// the first run fails; db-scheduler tries again 10 s later
			await().atMost(Duration.ofSeconds(120))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> this.jobs.get(started.id()).state().finished());
			Job job = this.jobs.get(started.id());

			assertThat(this.jdbc.sql("SELECT last_value FROM test_fail_item_once").query(Long.class).single())
				.as("the item was refused once, then stored")
				.isEqualTo(2);
			assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
			assertThat(adopted(sid)).as("adopted once, by the second run").isEqualTo(1);
			assertThat(
					this.jdbc.sql("SELECT outcome || ' ' || attempts FROM job_items WHERE job_id = ? AND item_key = ?")
						.params(job.id(), number)
						.query(String.class)
						.list())
				.containsExactly("DONE 1");
			assertThat(job.done() + job.skipped()).isEqualTo(job.total());
		}
		finally {
			this.jdbc.sql("DROP TRIGGER IF EXISTS test_fail_item ON job_items").update();
			this.jdbc.sql("DROP FUNCTION IF EXISTS test_fail_item()").update();
			this.jdbc.sql("DROP SEQUENCE IF EXISTS test_fail_item_once").update();
		}
	}

	/**
	 * A run that lists again after a stop leaves out what the job recorded before: an
	 * item is never done twice, even when its number is no longer tracked.
	 */
	@Test
	void anAdoptListingAgainLeavesOutTheItemsTheJobHas() {
		String sid = this.emulator.addOwned(unsold()).sid();
		String number = this.emulator.owned(sid).orElseThrow().phoneNumber();
		long jobId = this.tx.execute((status) -> {
			long id = this.repository.insert(JobKind.ADOPT_UNTRACKED, "{}", ACTOR);
			this.repository.transition(id, List.of(JobState.QUEUED), JobState.PAUSED, false);
			this.repository.addDone(id, List.of(JobRepository.DoneItem.skipped(number, "recorded before the stop")));
			return id;
		});

		Job job = finished(this.jobs.resume(jobId));

		assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
		assertThat(adopted(sid)).as("the item the job had is not done again").isZero();
		assertThat(this.jdbc
			.sql("SELECT outcome || ' ' || attempts || ' ' || message FROM job_items "
					+ "WHERE job_id = ? AND item_key = ?")
			.params(jobId, number)
			.query(String.class)
			.list()).as("one item, as recorded before the stop").containsExactly("SKIPPED 1 recorded before the stop");
		assertThat(job.done() + job.skipped()).isEqualTo(job.total());
	}

	@Test
	void anAdoptChunkTakenAgainAfterACrashAdoptsEachNumberOnce() {
		List<io.twilioprovisioning.numbers.OwnedNumber> numbers = java.util.stream.Stream
			.of(unsold(), unsold(), unsold())
			.map((number) -> this.emulator.addOwned(number))
			.map((owned) -> new io.twilioprovisioning.numbers.OwnedNumber(owned.sid(),
					new io.twilioprovisioning.numbers.E164Number(owned.phoneNumber()), owned.friendlyName(), null, null,
					owned.dateCreated(), owned.dateUpdated()))
			.toList();
		tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
		Long created = this.tx.execute((status) -> {
			long id = this.repository.insert(JobKind.ADOPT_UNTRACKED, "{}", ACTOR);
			this.repository.transition(id, List.of(JobState.QUEUED), JobState.PAUSED, false);
			return id;
		});
		long jobId = created;
		this.repository.addItems(jobId,
				numbers.stream()
					.map((number) -> new JobRepository.PlannedItem(number.phoneNumber().value(),
							json.writeValueAsString(number)))
					.toList());
		this.repository.planned(jobId);
		List<JobRepository.ClaimedItem> chunk = this.tx.execute((status) -> this.repository.claim(jobId, 1000, 0));
		this.tx.executeWithoutResult((status) -> {
			this.repository.record(jobId, this.adopt.processChunk(jobId, JobParameters.NONE, chunk, ACTOR));
			status.setRollbackOnly();
		});
		for (io.twilioprovisioning.numbers.OwnedNumber number : numbers) {
			assertThat(adopted(number.sid())).as("the crashed chunk left nothing").isZero();
		}

		this.jobs.resume(jobId);
		Job job = finished(this.jobs.get(jobId));

		assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
		assertThat(job.done()).isEqualTo(3);
		for (io.twilioprovisioning.numbers.OwnedNumber number : numbers) {
			assertThat(adopted(number.sid())).as("one row and one ADOPT entry").isEqualTo(1);
		}
		assertThat(this.jobs.items(jobId, null, new PageRequest(0, 10)).content())
			.allSatisfy((item) -> assertThat(item.outcome()).isEqualTo(ItemOutcome.DONE))
			.allSatisfy((item) -> assertThat(item.attempts()).as("taken by the crashed run, then again").isEqualTo(2));
	}

	@Test
	void parametersThatDoNotFitTheKindAreRefusedBeforeAnythingIsStored() {
		long before = this.jobs.list(new PageRequest(0, 1)).totalElements();

		assertThatExceptionOfType(InvalidJobException.class).isThrownBy(() -> this.jobs.start(JobKind.BUY_NUMBERS,
				new JobParameters(null, null, null, null, null, null, null, 3, null, null, null, null), ACTOR));
		assertThatExceptionOfType(InvalidJobException.class)
			.isThrownBy(() -> this.jobs.start(JobKind.REPOINT_WEBHOOKS, new JobParameters("NUMBERS", null, null,
					List.of("not a number"), null, null, null, null, null, null, null, null), ACTOR));

		assertThat(this.jobs.list(new PageRequest(0, 1)).totalElements()).isEqualTo(before);
	}

	private java.util.Optional<io.twilioprovisioning.alerts.ActiveAlert> jobAlert(Job job) {
		return this.alerts.active()
			.stream()
			.filter((alert) -> alert.key().equals(AlertType.JOB_FAILED.name() + ":" + job.id()))
			.findFirst();
	}

	private double runningGauge() {
		return this.meters.get(JobMetrics.RUNNING).gauge().value();
	}

	private double runningInDatabase() {
		return this.jdbc.sql("SELECT count(*) FROM jobs WHERE state = 'RUNNING'").query(Long.class).single();
	}

	private Job finished(Job started) {
		await().atMost(Duration.ofSeconds(60)).until(() -> this.jobs.get(started.id()).state().finished());
		return this.jobs.get(started.id());
	}

	private Client client() {
		return this.clients.create("Jobs " + UUID.randomUUID(), null);
	}

	private List<TrackedNumber> buy(Client client, int count) {
		List<TrackedNumber> bought = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			bought.add(this.lifecycle.purchase(new PurchaseCommand(fresh(), null, client.id(), null, null, ACTOR))
				.number());
		}
		return bought;
	}

	/**
	 * A number for sale that no test tracks, from the area codes this class uses.
	 */
	private io.twilioprovisioning.numbers.E164Number fresh() {
		for (String areaCode : AREA_CODES) {
			try {
				return FreshNumbers.forSale(this.lifecycle, this.jdbc, areaCode);
			}
			catch (IllegalStateException ex) {
				// every number of this area code is tracked: the next one
			}
		}
		throw new IllegalStateException("No area code of " + AREA_CODES + " has a number left");
	}

	private long audits(TrackedNumber number, String action) {
		return this.jdbc.sql("SELECT count(*) FROM audit_events WHERE phone_number_id = ? AND action = ?")
			.params(number.id(), action)
			.query(Long.class)
			.single();
	}

	private java.util.Set<String> sids() {
		return this.emulator.ownedNumbers()
			.stream()
			.map(io.twilioprovisioning.sandbox.OwnedRecord::sid)
			.collect(java.util.stream.Collectors.toCollection(java.util.HashSet::new));
	}

	/** Whether an instance has the job's execution (db-scheduler's row of it). */
	private boolean running(Job job) {
		return this.jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = ? AND task_instance = ?")
			.params(JobEngine.TASK, Long.toString(job.id()))
			.query(Long.class)
			.single() > 0;
	}

	/** Live rows of the SID, checked to equal its ADOPT audit entries. */
	private long adopted(String sid) {
		long rows = this.jdbc.sql(
				"SELECT count(*) FROM phone_numbers WHERE twilio_sid = ? AND state IN ('PURCHASING', 'ACTIVE', 'RELEASING')")
			.param(sid)
			.query(Long.class)
			.single();
		long audits = this.jdbc.sql(
				"SELECT count(*) FROM audit_events WHERE twilio_sid = ? AND action = 'ADOPT' AND outcome = 'SUCCEEDED'")
			.param(sid)
			.query(Long.class)
			.single();
		assertThat(audits).as("ADOPT entries of " + sid).isEqualTo(rows);
		return rows;
	}

	/** A number outside what the sandbox sells, so other tests' supply is left alone. */
	private static String unsold() {
		return "+1299" + (7_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000));
	}

	private long failures(TrackedNumber number, String action) {
		return this.jdbc.sql(
				"SELECT count(*) FROM audit_events WHERE phone_number_id = ? AND action = ? AND outcome <> 'SUCCEEDED'")
			.params(number.id(), action)
			.query(Long.class)
			.single();
	}

}
