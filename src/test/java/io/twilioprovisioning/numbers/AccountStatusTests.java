package io.twilioprovisioning.numbers;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.twilioprovisioning.sandbox.Fault;
import io.twilioprovisioning.sandbox.Operation;
import io.twilioprovisioning.sandbox.TwilioEmulator;
import io.twilioprovisioning.support.BrowserSession;
import io.twilioprovisioning.support.RunningServerTest;
import io.twilioprovisioning.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's copy of the account (docs/adr/0022): reading it never waits on Twilio,
 * a failed refresh keeps the last good values and says why, and an old copy is marked
 * stale.
 */
@RunningServerTest
class AccountStatusTests {

	@LocalServerPort
	int port;

	@Autowired
	AccountStatus status;

	@Autowired
	TwilioEmulator emulator;

	@Autowired
	NumberCarrier carrier;

	@Autowired
	NumberLifecycle lifecycle;

	@BeforeEach
	@AfterEach
	void clearFaults() {
		this.emulator.faults().clear();
		waitUntil(() -> !this.status.peek().refreshing());
	}

	@Test
	void theDashboardRendersWhileTwilioHoldsTheRefresh() throws Exception {
		this.emulator.faults().latency(Duration.ofHours(1));
		assertThat(this.status.refreshInBackground()).isTrue();
		waitUntil(() -> this.emulator.faults().waiting() > 0);

		BrowserSession admin = new BrowserSession(this.port);
		admin.login(RunningServerTest.ADMIN_EMAIL, RunningServerTest.ADMIN_PASSWORD);
		String html = CompletableFuture.supplyAsync(() -> admin.get("/admin/twilio").html()).get(60, TimeUnit.SECONDS);

		assertThat(this.status.peek().refreshing()).isTrue();
		assertThat(html).contains("Numbers owned")
			.contains("refreshing")
			.contains("hx-get=\"/admin/twilio/account-status\"");
		this.emulator.faults().clear().releaseWaits();
		waitUntil(() -> !this.status.peek().refreshing());
		assertThat(this.status.peek().account()).isNotNull();
		assertThat(admin.get("/admin/twilio/account-status").html()).contains("as of").doesNotContain("hx-get");
	}

	@Test
	void aFailedRefreshKeepsTheLastAccountAndSaysWhy() {
		this.status.refreshNow();
		AccountStatus.View good = this.status.peek();
		this.emulator.faults().failNext(Operation.ACCOUNT, Fault.SERVICE_UNAVAILABLE, 10);

		this.status.refreshNow();
		AccountStatus.View failing = this.status.peek();

		assertThat(good.failing()).isFalse();
		assertThat(good.account()).isNotNull();
		assertThat(failing.failing()).isTrue();
		assertThat(failing.error()).isInstanceOf(CarrierUnavailableException.class);
		assertThat(failing.account()).isEqualTo(good.account());
		assertThat(failing.fetchedAt()).isEqualTo(good.fetchedAt());
		assertThat(failing.counts()).isNotNull();
		BrowserSession admin = new BrowserSession(this.port);
		admin.login(RunningServerTest.ADMIN_EMAIL, RunningServerTest.ADMIN_PASSWORD);
		assertThat(admin.get("/admin/twilio/account-status").html()).contains("Twilio could not be reached")
			.contains("failing")
			.contains(good.account().friendlyName());
	}

	@Test
	void aCopyOlderThanStaleAfterIsMarkedStale() {
		MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
		AccountStatus own = new AccountStatus(this.carrier, this.lifecycle,
				new AccountStatusProperties(Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofMinutes(5)), clock);
		try {
			assertThat(own.peek().stale()).as("never read").isTrue();
			own.refreshNow();
			assertThat(own.peek().stale()).isFalse();
			assertThat(own.peek().age()).isEqualTo(Duration.ZERO);
			clock.advance(Duration.ofMinutes(6));
			assertThat(own.peek().stale()).isTrue();
			assertThat(own.peek().age()).isEqualTo(Duration.ofMinutes(6));
		}
		finally {
			own.destroy();
		}
	}

	private static void waitUntil(BooleanSupplier condition) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("condition not met within 60 s");
			}
			Thread.onSpinWait();
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

}
