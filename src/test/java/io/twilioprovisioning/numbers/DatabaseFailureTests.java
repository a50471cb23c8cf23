package io.twilioprovisioning.numbers;

import java.util.UUID;

import io.twilioprovisioning.clients.Client;
import io.twilioprovisioning.clients.ClientManagement;
import io.twilioprovisioning.sandbox.Fault;
import io.twilioprovisioning.sandbox.Operation;
import io.twilioprovisioning.sandbox.TwilioEmulator;
import io.twilioprovisioning.support.ApiClient;
import io.twilioprovisioning.support.ApiClient.Response;
import io.twilioprovisioning.support.FreshNumbers;
import io.twilioprovisioning.support.RunningServerTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database dies right after Twilio carried a step out: the connection that would
 * record it is terminated by the server ({@code pg_terminate_backend}, as when PostgreSQL
 * restarts or fails over), from a trigger armed for one number and one step. The caller
 * gets a 502 "outcome unknown" instead of a 500, nothing is done twice, and recovery
 * finishes what was left in flight.
 */
@RunningServerTest
@TestInstance(Lifecycle.PER_CLASS)
class DatabaseFailureTests {

	static final String ADMIN = "db-ops@test.local";

	@LocalServerPort
	int port;

	@Autowired
	NumberLifecycle lifecycle;

	@Autowired
	NumberRecovery recovery;

	@Autowired
	ClientManagement clients;

	@Autowired
	TwilioEmulator emulator;

	@Autowired
	JdbcClient jdbc;

	Client client;

	@BeforeAll
	void armable() {
		this.jdbc.sql("CREATE TABLE IF NOT EXISTS test_database_failures (e164 VARCHAR(16), step VARCHAR(16))")
			.update();
		this.jdbc.sql("""
				CREATE OR REPLACE FUNCTION test_fail_number_step() RETURNS trigger AS $$
				BEGIN
				  IF EXISTS (SELECT 1 FROM test_database_failures f WHERE f.e164 = NEW.e164 AND (
				       (f.step = 'ACTIVE' AND OLD.state = 'PURCHASING' AND NEW.state = 'ACTIVE')
				    OR (f.step = 'FAILED' AND OLD.state = 'PURCHASING' AND NEW.state = 'FAILED')
				    OR (f.step = 'RELEASED' AND OLD.state = 'RELEASING' AND NEW.state = 'RELEASED')
				    OR (f.step = 'WEBHOOKS' AND NEW.voice_url IS DISTINCT FROM OLD.voice_url))) THEN
				    PERFORM pg_terminate_backend(pg_backend_pid());
				  END IF;
				  RETURN NEW;
				END $$ LANGUAGE plpgsql""").update();
		this.jdbc
			.sql("""
					CREATE OR REPLACE FUNCTION test_fail_audit() RETURNS trigger AS $$
					BEGIN
					  IF EXISTS (SELECT 1 FROM test_database_failures f WHERE f.e164 = NEW.e164 AND f.step = NEW.action) THEN
					    PERFORM pg_terminate_backend(pg_backend_pid());
					  END IF;
					  RETURN NEW;
					END $$ LANGUAGE plpgsql""")
			.update();
		this.jdbc.sql("DROP TRIGGER IF EXISTS test_fail_number_step ON phone_numbers").update();
		this.jdbc.sql("""
				CREATE TRIGGER test_fail_number_step BEFORE UPDATE ON phone_numbers
				FOR EACH ROW EXECUTE FUNCTION test_fail_number_step()""").update();
		this.jdbc.sql("DROP TRIGGER IF EXISTS test_fail_audit ON audit_events").update();
		this.jdbc.sql("""
				CREATE TRIGGER test_fail_audit BEFORE INSERT ON audit_events
				FOR EACH ROW EXECUTE FUNCTION test_fail_audit()""").update();
	}

	@AfterAll
	void disarmable() {
		this.jdbc.sql("DROP TRIGGER IF EXISTS test_fail_number_step ON phone_numbers").update();
		this.jdbc.sql("DROP TRIGGER IF EXISTS test_fail_audit ON audit_events").update();
		this.jdbc.sql("DROP FUNCTION IF EXISTS test_fail_number_step()").update();
		this.jdbc.sql("DROP FUNCTION IF EXISTS test_fail_audit()").update();
		this.jdbc.sql("DROP TABLE IF EXISTS test_database_failures").update();
	}

	@BeforeEach
	void setUp() {
		this.emulator.faults().clear();
		this.client = this.clients.create("Db " + UUID.randomUUID(), null);
	}

	@AfterEach
	void disarm() {
		this.jdbc.sql("DELETE FROM test_database_failures").update();
		this.emulator.faults().clear();
	}

	/** The database dies when this number's row takes this step. */
	void failWhen(String e164, String step) {
		this.jdbc.sql("INSERT INTO test_database_failures (e164, step) VALUES (:e164, :step)")
			.param("e164", e164)
			.param("step", step)
			.update();
	}

	/** As if recovery's waiting time had passed. */
	void makeStale(long id) {
		this.jdbc.sql("UPDATE phone_numbers SET updated_at = now() - interval '1 hour' WHERE id = :id")
			.param("id", id)
			.update();
	}

	TrackedNumber row(String e164) {
		return this.lifecycle.get(this.jdbc.sql("SELECT max(id) FROM phone_numbers WHERE e164 = :e164")
			.param("e164", e164)
			.query(Long.class)
			.single());
	}

	ApiClient admin() {
		return ApiClient.as(this.port, RunningServerTest.ADMIN_EMAIL, RunningServerTest.ADMIN_PASSWORD);
	}

	TrackedNumber bought() {
		return this.lifecycle
			.purchase(new PurchaseCommand(FreshNumbers.forSale(this.lifecycle, this.jdbc, "303"), null,
					this.client.id(), null, null, ADMIN))
			.number();
	}

	@Test
	void aPurchaseTwilioCarriedOutButTheDatabaseCouldNotRecordIsA502AndRecoveryAdoptsIt() {
		String number = FreshNumbers.forSale(this.lifecycle, this.jdbc, "303").value();
		int before = this.emulator.purchaseCount();
		failWhen(number, "ACTIVE");

		Response answer = admin().post("/api/admin/twilio/purchase",
				"{\"phoneNumber\":\"" + number + "\",\"clientId\":" + this.client.id() + "}");

		assertThat(answer.status()).as(answer.body()).isEqualTo(502);
		assertThat(answer.json().get("type").asString()).endsWith("/twilio-outcome-unknown");
		assertThat(answer.json().get("detail").asString()).contains("database failed")
			.contains("will not be bought twice");
		assertThat(answer.body()).doesNotContain("terminating connection").doesNotContain("SQL");
		TrackedNumber inFlight = row(number);
		assertThat(inFlight.state()).isEqualTo(PhoneNumberState.PURCHASING);
		assertThat(this.emulator.ownedByNumber(number)).isPresent();
		assertThat(this.emulator.purchaseCount()).isEqualTo(before + 1);

		this.jdbc.sql("DELETE FROM test_database_failures").update();
		makeStale(inFlight.id());
		this.recovery.recover();

		TrackedNumber adopted = this.lifecycle.get(inFlight.id());
		assertThat(adopted.state()).isEqualTo(PhoneNumberState.ACTIVE);
		assertThat(adopted.sid()).isEqualTo(this.emulator.ownedByNumber(number).orElseThrow().sid());
		assertThat(adopted.clientId()).isEqualTo(this.client.id());
		assertThat(this.lifecycle.history(adopted.id())).singleElement()
			.satisfies((a) -> assertThat(a.clientId()).isEqualTo(this.client.id()));
		assertThat(this.emulator.purchaseCount()).isEqualTo(before + 1);
	}

	@Test
	void aRefusalStillSaysWhatTwilioSaidWhenTheDatabaseCannotRecordIt() {
		failWhen(TwilioEmulator.MAGIC_UNAVAILABLE, "FAILED");

		Response answer = admin().post("/api/admin/twilio/purchase",
				"{\"phoneNumber\":\"" + TwilioEmulator.MAGIC_UNAVAILABLE + "\",\"clientId\":" + this.client.id() + "}");

		assertThat(answer.status()).as(answer.body()).isEqualTo(422);
		assertThat(answer.json().get("twilioCode").asInt()).isEqualTo(21422);
		TrackedNumber inFlight = row(TwilioEmulator.MAGIC_UNAVAILABLE);
		assertThat(inFlight.state()).isEqualTo(PhoneNumberState.PURCHASING);

		this.jdbc.sql("DELETE FROM test_database_failures").update();
		makeStale(inFlight.id());
		this.recovery.recover();

		assertThat(this.lifecycle.get(inFlight.id()).state()).isEqualTo(PhoneNumberState.FAILED);
	}

	@Test
	void webhooksTwilioAppliedButTheDatabaseCouldNotRecordAreA502AndARepeatRecordsThem() {
		TrackedNumber number = bought();
		failWhen(number.e164(), "WEBHOOKS");
		String body = "{\"sid\":\"" + number.sid() + "\",\"voiceUrl\":\"https://hooks.example.com/voice\"}";

		Response answer = admin().post("/api/admin/twilio/configure", body);

		assertThat(answer.status()).as(answer.body()).isEqualTo(502);
		assertThat(answer.json().get("detail").asString()).contains("database failed").contains("Repeat");
		assertThat(this.emulator.owned(number.sid()).orElseThrow().voiceUrl())
			.isEqualTo("https://hooks.example.com/voice");
		assertThat(this.lifecycle.get(number.id()).webhooks().voiceUrl())
			.isNotEqualTo("https://hooks.example.com/voice");

		this.jdbc.sql("DELETE FROM test_database_failures").update();
		Response repeated = admin().post("/api/admin/twilio/configure", body);

		assertThat(repeated.status()).as(repeated.body()).isEqualTo(200);
		assertThat(this.lifecycle.get(number.id()).webhooks().voiceUrl()).isEqualTo("https://hooks.example.com/voice");
	}

	@Test
	void aReleaseTwilioCarriedOutButTheDatabaseCouldNotRecordIsA502AndRecoveryFinishesIt() {
		TrackedNumber number = bought();
		failWhen(number.e164(), "RELEASED");

		Response answer = admin().post("/api/admin/twilio/release",
				"{\"sid\":\"" + number.sid() + "\",\"confirm\":\"" + number.e164() + "\"}");

		assertThat(answer.status()).as(answer.body()).isEqualTo(502);
		assertThat(answer.json().get("detail").asString()).contains("database failed").contains("releasing");
		assertThat(this.lifecycle.get(number.id()).state()).isEqualTo(PhoneNumberState.RELEASING);
		assertThat(this.emulator.owned(number.sid())).isEmpty();

		this.jdbc.sql("DELETE FROM test_database_failures").update();
		makeStale(number.id());
		this.recovery.recover();

		TrackedNumber released = this.lifecycle.get(number.id());
		assertThat(released.state()).isEqualTo(PhoneNumberState.RELEASED);
		assertThat(released.clientId()).isNull();
	}

	@Test
	void aReassignWhoseRenameCannotBeAuditedStillAnswersWithAWarning() {
		TrackedNumber number = bought();
		Client other = this.clients.create("Db other " + UUID.randomUUID(), null);
		this.emulator.faults().failNext(Operation.UPDATE, Fault.SERVICE_UNAVAILABLE, 1);
		failWhen(number.e164(), "RENAME");

		Response answer = admin().post("/api/admin/phone-numbers/reassign",
				"{\"sid\":\"" + number.sid() + "\",\"toClientId\":" + other.id() + "}");

		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		assertThat(answer.body()).contains("could not be changed");
		assertThat(this.lifecycle.get(number.id()).clientId()).isEqualTo(other.id());
	}

}
