package io.twilioprovisioning.numbers;

import java.util.List;
import java.util.UUID;

import io.twilioprovisioning.clients.Client;
import io.twilioprovisioning.clients.ClientManagement;
import io.twilioprovisioning.platform.ClusterJobs;
import io.twilioprovisioning.sandbox.Fault;
import io.twilioprovisioning.sandbox.Operation;
import io.twilioprovisioning.sandbox.TwilioEmulator;
import io.twilioprovisioning.support.ApiClient;
import io.twilioprovisioning.support.ApiClient.Response;
import io.twilioprovisioning.support.FreshNumbers;
import io.twilioprovisioning.support.RunningServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Sync with Twilio against the in-process emulator, through the real adapter. The
 * database and the emulator are shared with other test classes, so every assertion is
 * about this test's own numbers.
 */
@RunningServerTest
class NumberSyncTests {

	static final String ADMIN = "sync-ops@test.local";

	static final WebhookConfig ELSEWHERE = new WebhookConfig("https://elsewhere.example.com/voice", WebhookMethod.POST,
			null, "https://elsewhere.example.com/sms", WebhookMethod.POST, null, null);

	@LocalServerPort
	int port;

	@Autowired
	NumberSync sync;

	@Autowired
	NumberLifecycle lifecycle;

	@Autowired
	NumberCarrier carrier;

	@Autowired
	ClientManagement clients;

	@Autowired
	TwilioEmulator emulator;

	@Autowired
	WebhookPolicy policy;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ClusterJobs jobs;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactionManager;

	Client client;

	@BeforeEach
	void setUp() {
		this.emulator.faults().clear();
		this.client = this.clients.create("Sync " + UUID.randomUUID(), null);
	}

	@AfterEach
	void clearFaults() {
		this.emulator.faults().clear();
	}

	E164Number untrackedCandidate() {
		return FreshNumbers.forSale(this.lifecycle, this.jdbc, "404");
	}

	/** A number Twilio owns that nobody tracks. */
	String addUntracked() {
		return this.emulator.addOwned(untrackedCandidate().value()).sid();
	}

	TrackedNumber buy() {
		return this.lifecycle
			.purchase(new PurchaseCommand(untrackedCandidate(), null, this.client.id(), null, null, ADMIN))
			.number();
	}

	/** A number tracked as active that Twilio no longer has. */
	TrackedNumber buyThenReleaseOnlyInTwilio() {
		TrackedNumber number = buy();
		assertThat(this.carrier.release(number.sid())).isTrue();
		return number;
	}

	/** An active number whose webhooks were changed in Twilio only. */
	TrackedNumber buyThenChangeWebhooksInTwilio() {
		TrackedNumber number = buy();
		this.carrier.update(number.sid(), new NumberUpdate(null, ELSEWHERE));
		return number;
	}

	TrackedNumber row(long id) {
		return this.lifecycle.get(id);
	}

	List<String> sids(List<SyncItem> items) {
		return items.stream().map(SyncItem::sid).toList();
	}

	long audit(String sid, String action, String outcome) {
		return this.jdbc.sql(
				"SELECT count(*) FROM audit_events WHERE twilio_sid = :sid AND action = :action AND outcome = :outcome")
			.param("sid", sid)
			.param("action", action)
			.param("outcome", outcome)
			.query(Long.class)
			.single();
	}

	ApiClient admin() {
		return ApiClient.as(this.port, RunningServerTest.ADMIN_EMAIL, RunningServerTest.ADMIN_PASSWORD);
	}

	@Test
	void checkReportsUntrackedMissingAndOtherWebhooksAndStoresTheReport() {
		String untracked = addUntracked();
		TrackedNumber missing = buyThenReleaseOnlyInTwilio();
		TrackedNumber differing = buyThenChangeWebhooksInTwilio();
		TrackedNumber fine = buy();

		SyncReport report = this.sync.check(ADMIN);

		assertThat(sids(report.untracked())).contains(untracked)
			.doesNotContain(missing.sid(), differing.sid(), fine.sid());
		assertThat(report.untracked()).filteredOn((i) -> i.sid().equals(untracked))
			.singleElement()
			.satisfies((i) -> assertThat(i.numberId()).isNull());
		assertThat(sids(report.missing())).contains(missing.sid())
			.doesNotContain(untracked, differing.sid(), fine.sid());
		assertThat(report.missing()).filteredOn((i) -> i.sid().equals(missing.sid())).singleElement().satisfies((i) -> {
			assertThat(i.phoneNumber()).isEqualTo(missing.e164());
			assertThat(i.numberId()).isEqualTo(missing.id());
			assertThat(i.friendlyName()).isEqualTo(missing.friendlyName());
		});
		assertThat(sids(report.webhooksDiffer())).contains(differing.sid()).doesNotContain(fine.sid(), untracked);
		assertThat(report.untrackedCount()).isGreaterThanOrEqualTo(1);
		assertThat(report.missingCount()).isGreaterThanOrEqualTo(1);
		assertThat(report.webhooksDifferCount()).isGreaterThanOrEqualTo(1);
		assertThat(report.checked()).isEqualTo(this.emulator.ownedCount());
		assertThat(report.runBy()).isEqualTo(ADMIN);
		assertThat(report.finishedAt()).isAfterOrEqualTo(report.startedAt());
		assertThat(this.sync.latest()).hasValueSatisfying((latest) -> {
			assertThat(latest.id()).isEqualTo(report.id());
			assertThat(sids(latest.untracked())).contains(untracked);
			assertThat(sids(latest.missing())).contains(missing.sid());
			assertThat(latest.untrackedCount()).isEqualTo(report.untrackedCount());
		});
		assertThat(row(missing.id()).state()).isEqualTo(PhoneNumberState.ACTIVE);
		assertThat(this.emulator.owned(untracked)).isPresent();
	}

	@Test
	void checkReportsAFriendlyNameThatDriftedInTwilioAndFixNamesSetsTheClientsNameBack() {
		TrackedNumber drifted = buy();
		TrackedNumber fine = buy();
		this.carrier.update(drifted.sid(), new NumberUpdate("A previous owner", null));

		SyncReport report = this.sync.check(ADMIN);

		assertThat(report.namesDiffer()).filteredOn((i) -> i.sid().equals(drifted.sid()))
			.singleElement()
			.satisfies((i) -> {
				assertThat(i.friendlyName()).isEqualTo(this.client.name());
				assertThat(i.twilioFriendlyName()).isEqualTo("A previous owner");
				assertThat(i.numberId()).isEqualTo(drifted.id());
			});
		assertThat(sids(report.namesDiffer())).doesNotContain(fine.sid());
		assertThat(report.namesDifferCount()).isGreaterThanOrEqualTo(1);
		assertThat(report.inSync()).isFalse();
		assertThat(sids(this.sync.latest().orElseThrow().namesDiffer())).contains(drifted.sid());

		SyncActionResult fixed = this.sync.fixNames(ADMIN);

		assertThat(fixed.action()).isEqualTo("FIX_NAMES");
		assertThat(fixed.changed()).isGreaterThanOrEqualTo(1);
		assertThat(fixed.failed()).isZero();
		assertThat(this.emulator.owned(drifted.sid()).orElseThrow().friendlyName()).isEqualTo(this.client.name());
		assertThat(row(drifted.id()).friendlyName()).isEqualTo(this.client.name());
		assertThat(audit(drifted.sid(), "RENAME", "SUCCEEDED")).isEqualTo(1);
		assertThat(audit(fine.sid(), "RENAME", "SUCCEEDED")).isZero();
		assertThat(sids(this.sync.check(ADMIN).namesDiffer())).doesNotContain(drifted.sid());
	}

	@Test
	void apiReportsAndFixesNameDrift() {
		TrackedNumber drifted = buy();
		this.carrier.update(drifted.sid(), new NumberUpdate("Somebody else", null));

		Response check = admin().post("/api/admin/twilio/sync", "");
		Response account = admin().get("/api/admin/twilio/account");
		Response fix = admin().post("/api/admin/twilio/sync/fix-names", "");

		assertThat(check.status()).as(check.body()).isEqualTo(200);
		assertThat(check.json().get("namesDiffer").findValuesAsString("sid")).contains(drifted.sid());
		assertThat(check.json().get("namesDiffer").findValuesAsString("twilioFriendlyName")).contains("Somebody else");
		assertThat(account.json().at("/numbers/namesDiffer").asLong())
			.isEqualTo(check.json().get("namesDifferCount").asLong());
		assertThat(fix.status()).as(fix.body()).isEqualTo(200);
		assertThat(fix.json().get("action").asString()).isEqualTo("FIX_NAMES");
		assertThat(fix.json().get("changed").asInt()).isGreaterThanOrEqualTo(1);
		assertThat(this.emulator.owned(drifted.sid()).orElseThrow().friendlyName()).isEqualTo(this.client.name());
	}

	@Test
	void adoptTracksUntrackedNumbersAsActiveAndUnassigned() {
		String untracked = addUntracked();
		String number = this.emulator.owned(untracked).orElseThrow().phoneNumber();

		SyncActionResult result = this.sync.adoptUntracked(ADMIN);

		assertThat(result.changed()).isGreaterThanOrEqualTo(1);
		TrackedNumber adopted = this.lifecycle.findLive(NumberRef.ofSid(untracked));
		assertThat(adopted.state()).isEqualTo(PhoneNumberState.ACTIVE);
		assertThat(adopted.e164()).isEqualTo(number);
		assertThat(adopted.clientId()).isNull();
		assertThat(audit(untracked, "ADOPT", "SUCCEEDED")).isEqualTo(1);
		assertThat(sids(this.sync.check(ADMIN).untracked())).doesNotContain(untracked);
		assertThat(this.sync.adoptUntracked(ADMIN).changed()).isZero();
		assertThat(audit(untracked, "ADOPT", "SUCCEEDED")).isEqualTo(1);
	}

	@Test
	void adoptAllAdoptsAChunkInOneGoExactlyOnceWithOneAuditEntryEach() {
		List<OwnedNumber> untracked = List.of(owned(addUnsold()), owned(addUnsold()), owned(addUnsold()));
		TrackedNumber tracked = buy();
		OwnedNumber trackedBySid = owned(tracked.sid());
		OwnedNumber trackedByNumber = new OwnedNumber("PN" + "f".repeat(32), tracked.phoneNumber(), null, null, null,
				null, null);
		List<OwnedNumber> chunk = new java.util.ArrayList<>(untracked);
		chunk.add(untracked.get(0));
		chunk.add(trackedBySid);
		chunk.add(trackedByNumber);

		java.util.Set<String> adopted = this.sync.adoptAll(chunk, ADMIN);

		assertThat(adopted).containsExactlyInAnyOrderElementsOf(ownedSids(untracked));
		for (OwnedNumber number : untracked) {
			assertThat(liveRows(number.sid())).isEqualTo(1);
			assertThat(this.lifecycle.findLive(NumberRef.ofSid(number.sid())).state())
				.isEqualTo(PhoneNumberState.ACTIVE);
			assertThat(audit(number.sid(), "ADOPT", "SUCCEEDED")).isEqualTo(1);
		}
		assertThat(this.lifecycle.get(tracked.id()).clientId()).isEqualTo(this.client.id());
		assertThat(audit(tracked.sid(), "ADOPT", "SUCCEEDED")).isZero();
		assertThat(liveRows(trackedByNumber.sid())).isZero();

		assertThat(this.sync.adoptAll(chunk, ADMIN)).as("a rerun adopts nothing twice").isEmpty();
		for (OwnedNumber number : untracked) {
			assertThat(liveRows(number.sid())).isEqualTo(1);
			assertThat(audit(number.sid(), "ADOPT", "SUCCEEDED")).isEqualTo(1);
		}
	}

	@Test
	void adoptAllWritesTheRowAuditEntryAndUsageRowThatAdoptingOneAtATimeWrites() {
		this.jdbc.sql("""
				INSERT INTO usage_price_cache (iso_country, number_type, monthly_price, currency, fetched_at)
				VALUES ('US', 'LOCAL', 1.15, 'USD', now())
				ON CONFLICT (iso_country, number_type) DO UPDATE SET fetched_at = now()""").update();
		java.time.Instant bought = java.time.Instant.parse("2025-03-04T05:06:07.123Z");
		Capabilities capabilities = new Capabilities(true, false, true, false);
		List<OwnedNumber> numbers = java.util.stream.Stream.of(addUnsold(), addUnsold(), addUnsold())
			.map((sid) -> new OwnedNumber(sid, owned(sid).phoneNumber(), "Adopted", capabilities, ELSEWHERE, bought,
					bought))
			.toList();

		assertThat(this.sync.adopt(numbers.get(0), ADMIN)).isTrue();
		assertThat(this.sync.adoptAll(numbers.subList(1, 3), ADMIN))
			.containsExactlyInAnyOrderElementsOf(ownedSids(numbers.subList(1, 3)));

		java.util.Map<String, Object> one = adoptedTrace(numbers.get(0).sid());
		assertThat(one).containsEntry("voice_url", ELSEWHERE.voiceUrl())
			.containsEntry("sms_method", "POST")
			.containsEntry("voice_enabled", true)
			.containsEntry("sms_enabled", false)
			.containsEntry("mms_enabled", true)
			.containsEntry("purchased_at", java.sql.Timestamp.from(bought))
			.containsEntry("audit_row", true)
			.containsEntry("after_sid", true)
			.containsEntry("before_state", null)
			.containsEntry("number_type", "LOCAL")
			.containsEntry("acquired_at", java.sql.Timestamp.from(bought))
			.containsEntry("priced", true);
		assertThat(one.get("monthly_price")).as("priced from the fresh cache in the same transaction").isNotNull();
		for (OwnedNumber number : numbers.subList(1, 3)) {
			assertThat(adoptedTrace(number.sid())).as(number.sid()).isEqualTo(one);
		}
	}

	/**
	 * What adopting a number leaves: its row, its one {@code ADOPT} entry and its usage
	 * row, without what differs from number to number (ids, SID, number).
	 */
	private java.util.Map<String, Object> adoptedTrace(String sid) {
		return this.jdbc
			.sql("""
					SELECT p.state, p.friendly_name, p.voice_enabled, p.sms_enabled, p.mms_enabled, p.fax_enabled, p.voice_url,
					  p.voice_method, p.voice_fallback_url, p.sms_url, p.sms_method, p.sms_fallback_url, p.status_callback,
					  p.client_id, p.purchased_at, a.actor, a.outcome, a.phone_number_id = p.id AND a.e164 = p.e164
					  AND a.client_id IS NULL AND a.other_client_id IS NULL AS audit_row, a.before_state::text AS before_state,
					  (a.after_state - 'sid' - 'phoneNumber')::text AS after_state,
					  a.after_state ->> 'sid' = p.twilio_sid AND a.after_state ->> 'phoneNumber' = p.e164 AS after_sid,
					  a.twilio_code, a.detail, u.e164 = p.e164 AS usage_e164, u.iso_country, u.number_type, u.monthly_price,
					  u.currency, u.acquired_at, u.released_at, u.priced_at IS NOT NULL AS priced
					FROM phone_numbers p
					JOIN audit_events a ON a.twilio_sid = p.twilio_sid AND a.action = 'ADOPT'
					JOIN usage_number_prices u ON u.number_id = p.id
					WHERE p.twilio_sid = ? AND p.state = 'ACTIVE'""")
			.param(sid)
			.query()
			.singleRow();
	}

	@Test
	void adoptAllRolledBackWithItsCallerLeavesNeitherRowsNorAudit() {
		OwnedNumber number = owned(addUnsold());
		org.springframework.transaction.support.TransactionTemplate tx = new org.springframework.transaction.support.TransactionTemplate(
				this.transactionManager);

		java.util.Set<String> adopted = tx.execute((status) -> {
			java.util.Set<String> inside = this.sync.adoptAll(List.of(number), ADMIN);
			status.setRollbackOnly();
			return inside;
		});

		assertThat(adopted).containsExactly(number.sid());
		assertThat(liveRows(number.sid())).isZero();
		assertThat(audit(number.sid(), "ADOPT", "SUCCEEDED")).isZero();
		assertThat(this.sync.adoptAll(List.of(number), ADMIN)).containsExactly(number.sid());
		assertThat(liveRows(number.sid())).isEqualTo(1);
		assertThat(audit(number.sid(), "ADOPT", "SUCCEEDED")).isEqualTo(1);
	}

	/**
	 * An untracked number outside what the sandbox sells, leaving other tests' supply
	 * alone.
	 */
	private String addUnsold() {
		return this.emulator
			.addOwned("+1299" + (8_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000)))
			.sid();
	}

	private OwnedNumber owned(String sid) {
		io.twilioprovisioning.sandbox.OwnedRecord record = this.emulator.owned(sid).orElseThrow();
		return new OwnedNumber(sid, new E164Number(record.phoneNumber()), record.friendlyName(), null, null,
				record.dateCreated(), record.dateUpdated());
	}

	private static List<String> ownedSids(List<OwnedNumber> numbers) {
		return numbers.stream().map(OwnedNumber::sid).toList();
	}

	private long liveRows(String sid) {
		return this.jdbc.sql(
				"SELECT count(*) FROM phone_numbers WHERE twilio_sid = ? AND state IN ('PURCHASING', 'ACTIVE', 'RELEASING')")
			.param(sid)
			.query(Long.class)
			.single();
	}

	@Test
	void fixWebhooksAppliesThePolicyInTwilioAndTheDatabase() {
		TrackedNumber differing = buyThenChangeWebhooksInTwilio();
		TrackedNumber fine = buy();

		SyncActionResult result = this.sync.fixWebhooks(ADMIN);

		assertThat(result.changed()).isGreaterThanOrEqualTo(1);
		assertThat(result.failed()).isZero();
		assertThat(this.emulator.owned(differing.sid())).hasValueSatisfying((owned) -> {
			assertThat(owned.voiceUrl()).isEqualTo(this.policy.defaults().voiceUrl());
			assertThat(owned.smsUrl()).isEqualTo(this.policy.defaults().smsUrl());
			assertThat(owned.statusCallback()).isEqualTo(this.policy.defaults().statusCallback());
		});
		assertThat(this.policy.matches(row(differing.id()).webhooks())).isTrue();
		assertThat(row(differing.id()).clientId()).isEqualTo(this.client.id());
		assertThat(audit(differing.sid(), "CONFIGURE", "SUCCEEDED")).isEqualTo(1);
		assertThat(audit(fine.sid(), "CONFIGURE", "SUCCEEDED")).isZero();
		assertThat(sids(this.sync.check(ADMIN).webhooksDiffer())).doesNotContain(differing.sid());
	}

	@Test
	void fixWebhooksAlsoFixesNumbersWhoseStoredWebhooksDiffer() {
		TrackedNumber number = buy();
		this.lifecycle.configure(NumberRef.ofSid(number.sid()), ELSEWHERE, false, ADMIN);
		assertThat(this.policy.matches(row(number.id()).webhooks())).isFalse();

		this.sync.fixWebhooks(ADMIN);

		assertThat(this.policy.matches(row(number.id()).webhooks())).isTrue();
		assertThat(this.emulator.owned(number.sid()).orElseThrow().voiceUrl())
			.isEqualTo(this.policy.defaults().voiceUrl());
	}

	@Test
	void fixWebhooksCountsFailuresAndGoesOn() {
		this.sync.fixWebhooks(ADMIN);
		TrackedNumber first = buyThenChangeWebhooksInTwilio();
		TrackedNumber second = buyThenChangeWebhooksInTwilio();
		this.emulator.faults().failNext(Operation.UPDATE, Fault.SERVICE_UNAVAILABLE, 1);

		SyncActionResult result = this.sync.fixWebhooks(ADMIN);

		assertThat(result.failed()).isEqualTo(1);
		assertThat(result.changed()).isEqualTo(1);
		long fixed = List.of(first, second)
			.stream()
			.filter((n) -> this.policy.defaults()
				.voiceUrl()
				.equals(this.emulator.owned(n.sid()).orElseThrow().voiceUrl()))
			.count();
		assertThat(fixed).isEqualTo(1);
		assertThat(audit(first.sid(), "CONFIGURE", "FAILED") + audit(second.sid(), "CONFIGURE", "FAILED")).isEqualTo(1);
	}

	@Test
	void closeMissingRefusesWhenTooManyNumbersLookMissingAtOnce() {
		TrackedNumber first = buyThenReleaseOnlyInTwilio();
		TrackedNumber second = buyThenReleaseOnlyInTwilio();
		assertThatExceptionOfType(NumberConflictException.class).isThrownBy(() -> this.sync.closeMissing(ADMIN, 1))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("wrong Twilio account"));
		assertThat(row(first.id()).state()).isEqualTo(PhoneNumberState.ACTIVE);
		assertThat(row(second.id()).state()).isEqualTo(PhoneNumberState.ACTIVE);
		SyncActionResult result = this.sync.closeMissing(ADMIN, 1000);
		assertThat(result.changed()).isGreaterThanOrEqualTo(2);
		assertThat(row(first.id()).state()).isEqualTo(PhoneNumberState.RELEASED);
	}

	@Test
	void closeMissingRecordsNumbersGoneFromTwilioAsReleased() {
		TrackedNumber missing = buyThenReleaseOnlyInTwilio();
		TrackedNumber fine = buy();

		SyncActionResult result = this.sync.closeMissing(ADMIN);

		assertThat(result.changed()).isGreaterThanOrEqualTo(1);
		TrackedNumber closed = row(missing.id());
		assertThat(closed.state()).isEqualTo(PhoneNumberState.RELEASED);
		assertThat(closed.releasedAt()).isNotNull();
		assertThat(closed.clientId()).isNull();
		assertThat(this.lifecycle.history(missing.id())).singleElement()
			.satisfies((a) -> assertThat(a.unassignedBy()).isEqualTo(ADMIN));
		assertThat(row(fine.id()).state()).isEqualTo(PhoneNumberState.ACTIVE);
		assertThat(this.emulator.owned(fine.sid())).isPresent();
		assertThat(this.jdbc.sql("""
				SELECT detail FROM audit_events WHERE twilio_sid = :sid AND action = 'RECONCILE'
				  AND outcome = 'SUCCEEDED' AND client_id = :clientId""")
			.param("sid", missing.sid())
			.param("clientId", this.client.id())
			.query(String.class)
			.list()).containsExactly("gone from Twilio");
		assertThat(sids(this.sync.check(ADMIN).missing())).doesNotContain(missing.sid());
	}

	@Test
	void twilioOutageDuringCheckStoresNoReport() {
		this.sync.check(ADMIN);
		long reports = this.jdbc.sql("SELECT count(*) FROM sync_reports").query(Long.class).single();
		this.emulator.faults().failNext(Operation.LIST, Fault.SERVICE_UNAVAILABLE, 20);

		assertThatExceptionOfType(CarrierUnavailableException.class).isThrownBy(() -> this.sync.check(ADMIN));

		assertThat(this.jdbc.sql("SELECT count(*) FROM sync_reports").query(Long.class).single()).isEqualTo(reports);
	}

	@Test
	void twilioOutageDuringCheckIsA503Problem() {
		this.emulator.faults().failNext(Operation.LIST, Fault.SERVICE_UNAVAILABLE, 20);

		Response response = admin().post("/api/admin/twilio/sync", "");

		assertThat(response.status()).isEqualTo(503);
		assertThat(response.isProblem()).isTrue();
		assertThat(response.json().get("type").asString()).endsWith("/twilio-unavailable");
	}

	@Test
	void apiRunsTheCheckAndAnswersTheLatestReport() {
		String untracked = addUntracked();
		TrackedNumber missing = buyThenReleaseOnlyInTwilio();

		Response check = admin().post("/api/admin/twilio/sync", "");

		assertThat(check.status()).as(check.body()).isEqualTo(200);
		assertThat(check.json().get("untracked").findValuesAsString("sid")).contains(untracked);
		assertThat(check.json().get("missing").findValuesAsString("sid")).contains(missing.sid());
		Response latest = admin().get("/api/admin/twilio/sync");
		assertThat(latest.status()).isEqualTo(200);
		assertThat(latest.json().get("id").asLong()).isEqualTo(check.json().get("id").asLong());
		Response account = admin().get("/api/admin/twilio/account");
		assertThat(account.status()).isEqualTo(200);
		long untrackedCount = latest.json().get("untrackedCount").asLong();
		long missingCount = latest.json().get("missingCount").asLong();
		assertThat(account.json().at("/numbers/untracked").asLong()).isEqualTo(untrackedCount);
		assertThat(account.json().at("/numbers/missing").asLong()).isEqualTo(missingCount);
		assertThat(account.json().at("/numbers/outOfSync").asLong())
			.isGreaterThanOrEqualTo(untrackedCount + missingCount);
	}

	@Test
	void apiActionsAnswerTheirCounts() {
		String untracked = addUntracked();
		TrackedNumber missing = buyThenReleaseOnlyInTwilio();
		TrackedNumber differing = buyThenChangeWebhooksInTwilio();

		Response adopt = admin().post("/api/admin/twilio/sync/adopt", "");
		assertThat(adopt.status()).as(adopt.body()).isEqualTo(202);
		assertThat(adopt.json().get("kind").asString()).isEqualTo("ADOPT_UNTRACKED");
		awaitJob(adopt.json().get("id").asLong());
		Response fix = admin().post("/api/admin/twilio/sync/fix-webhooks", "");
		assertThat(fix.status()).as(fix.body()).isEqualTo(202);
		awaitJob(fix.json().get("id").asLong());
		Response close = admin().post("/api/admin/twilio/sync/close-missing", "");
		assertThat(close.status()).as(close.body()).isEqualTo(202);
		awaitJob(close.json().get("id").asLong());

		assertThat(admin().get("/api/admin/jobs/" + adopt.json().get("id").asLong()).json().get("done").asInt())
			.isGreaterThanOrEqualTo(1);
		assertThat(admin().get("/api/admin/jobs/" + fix.json().get("id").asLong()).json().get("done").asInt())
			.isGreaterThanOrEqualTo(1);
		assertThat(admin().get("/api/admin/jobs/" + close.json().get("id").asLong()).json().get("done").asInt())
			.isGreaterThanOrEqualTo(1);
		assertThat(this.lifecycle.findLive(NumberRef.ofSid(untracked)).state()).isEqualTo(PhoneNumberState.ACTIVE);
		assertThat(row(missing.id()).state()).isEqualTo(PhoneNumberState.RELEASED);
		assertThat(this.policy.matches(row(differing.id()).webhooks())).isTrue();
		assertThat(audit(untracked, "ADOPT", "SUCCEEDED")).isEqualTo(1);
		assertThat(audit(missing.sid(), "RECONCILE", "SUCCEEDED")).isEqualTo(1);
		assertThat(audit(differing.sid(), "CONFIGURE", "SUCCEEDED")).isEqualTo(1);
	}

	private void awaitJob(long id) {
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(60))
			.until(() -> admin().get("/api/admin/jobs/" + id)
				.json()
				.get("state")
				.asString()
				.matches("SUCCEEDED|FAILED|PARTLY_FAILED|CANCELLED"));
	}

	@Test
	void theScheduledCheckRunsOncePerPeriodWhoeverCallsIt() {
		this.jdbc.sql("""
				UPDATE shedlock SET lock_until = lock_until - interval '1 day', locked_at = locked_at - interval '1 day'
				WHERE name = 'number-sync'""").update();
		long reports = this.jdbc.sql("SELECT count(*) FROM sync_reports").query(Long.class).single();

		assertThat(this.sync.scheduled()).isTrue();
		assertThat(this.sync.scheduled()).isFalse();

		assertThat(this.jdbc.sql("SELECT count(*) FROM sync_reports").query(Long.class).single())
			.isEqualTo(reports + 1);
		assertThat(
				this.jdbc.sql("SELECT locked_by FROM shedlock WHERE name = 'number-sync'").query(String.class).single())
			.isEqualTo(this.jobs.instanceId());
	}

	@Test
	void latestReportIsA404ProblemBeforeAnyCheck() {
		this.jdbc.sql("DELETE FROM sync_reports").update();

		Response response = admin().get("/api/admin/twilio/sync");

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.isProblem()).isTrue();
		assertThat(response.json().get("type").asString()).endsWith("/sync-report-not-found");
		assertThat(this.sync.latest()).isEmpty();
	}

}
