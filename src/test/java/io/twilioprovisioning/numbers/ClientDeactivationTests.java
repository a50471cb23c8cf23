package io.twilioprovisioning.numbers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.twilioprovisioning.clients.Client;
import io.twilioprovisioning.clients.ClientHoldsNumbersException;
import io.twilioprovisioning.clients.ClientManagement;
import io.twilioprovisioning.clients.ClientStatus;
import io.twilioprovisioning.platform.DomainException;
import io.twilioprovisioning.support.ApiClient;
import io.twilioprovisioning.support.ApiClient.Response;
import io.twilioprovisioning.support.BrowserSession;
import io.twilioprovisioning.support.BrowserSession.Page;
import io.twilioprovisioning.support.FreshNumbers;
import io.twilioprovisioning.support.RunningServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that holds numbers is not deactivated: the API answers 409 with how many and
 * where they are, the console sends the operator to them; once they are reassigned or
 * released the client can be deactivated. A purchase racing a deactivation never leaves
 * an inactive client with a number.
 */
@RunningServerTest
class ClientDeactivationTests {

	static final String ADMIN = "deactivation-ops@test.local";

	@LocalServerPort
	int port;

	@Autowired
	NumberLifecycle lifecycle;

	@Autowired
	ClientManagement clients;

	@Autowired
	JdbcClient jdbc;

	Client client;

	Client other;

	@BeforeEach
	void setUp() {
		this.client = this.clients.create("Leaving " + UUID.randomUUID(), null);
		this.other = this.clients.create("Staying " + UUID.randomUUID(), null);
	}

	TrackedNumber buyFor(Client owner) {
		return this.lifecycle
			.purchase(new PurchaseCommand(FreshNumbers.forSale(this.lifecycle, this.jdbc, "512"), null, owner.id(),
					null, null, ADMIN))
			.number();
	}

	ApiClient admin() {
		return ApiClient.as(this.port, RunningServerTest.ADMIN_EMAIL, RunningServerTest.ADMIN_PASSWORD);
	}

	@Test
	void theApiRefusesToDeactivateAClientThatHoldsNumbersAndSaysWhatToDo() {
		TrackedNumber first = buyFor(this.client);
		TrackedNumber second = buyFor(this.client);

		Response refused = admin().post("/api/admin/clients/" + this.client.id() + "/deactivate", "");
		Response refusedUpdate = admin().put("/api/admin/clients/" + this.client.id(),
				"{\"name\":\"" + this.client.name() + "\",\"status\":\"INACTIVE\"}");

		assertThat(refused.status()).as(refused.body()).isEqualTo(409);
		assertThat(refused.json().get("type").asString()).endsWith("/client-holds-numbers");
		assertThat(refused.json().get("numbers").asLong()).isEqualTo(2);
		assertThat(refused.json().get("numbersUrl").asString())
			.isEqualTo("/api/admin/phone-numbers?clientId=" + this.client.id());
		assertThat(refused.json().get("detail").asString()).contains("still holds 2 numbers")
			.contains("Reassign or release");
		assertThat(refusedUpdate.status()).as(refusedUpdate.body()).isEqualTo(409);
		assertThat(this.clients.get(this.client.id()).status()).isEqualTo(ClientStatus.ACTIVE);

		this.lifecycle.reassign(NumberRef.ofSid(first.sid()), this.other.id(), this.client.id(), ADMIN);
		this.lifecycle.release(NumberRef.ofSid(second.sid()), second.e164(), ADMIN);
		Response deactivated = admin().post("/api/admin/clients/" + this.client.id() + "/deactivate", "");

		assertThat(deactivated.status()).as(deactivated.body()).isEqualTo(200);
		assertThat(deactivated.json().get("status").asString()).isEqualTo("INACTIVE");
	}

	@Test
	void theConsoleRefusesAndShowsTheClientsNumbers() {
		TrackedNumber number = buyFor(this.client);
		BrowserSession session = new BrowserSession(this.port);
		session.login(RunningServerTest.ADMIN_EMAIL, RunningServerTest.ADMIN_PASSWORD);

		Page refused = session.postForm("/admin/clients/" + this.client.id() + "/deactivate", "/admin/clients",
				Map.of());

		assertThat(refused.status()).isEqualTo(302);
		assertThat(refused.location()).endsWith("/admin/phone-numbers?clientId=" + this.client.id());
		String page = session.get("/admin/phone-numbers?clientId=" + this.client.id()).html();
		assertThat(page).contains("still holds 1 number")
			.contains("Reassign or release it first")
			.contains(number.nationalFormat());
		assertThat(this.clients.get(this.client.id()).status()).isEqualTo(ClientStatus.ACTIVE);
	}

	@Test
	void aPurchaseRacingADeactivationNeverLeavesAnInactiveClientWithANumber() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 6; round++) {
				Client racing = this.clients.create("Racing " + UUID.randomUUID(), null);
				E164Number number = FreshNumbers.forSale(this.lifecycle, this.jdbc, "512");
				CountDownLatch start = new CountDownLatch(1);
				List<CompletableFuture<Object>> both = new ArrayList<>();
				both.add(
						CompletableFuture.supplyAsync(
								() -> attempt(start,
										() -> this.lifecycle.purchase(
												new PurchaseCommand(number, null, racing.id(), null, null, ADMIN))),
								pool));
				both.add(CompletableFuture.supplyAsync(() -> attempt(start, () -> this.clients.deactivate(racing.id())),
						pool));
				start.countDown();
				for (CompletableFuture<Object> one : both) {
					one.get(60, TimeUnit.SECONDS);
				}

				boolean inactive = this.clients.get(racing.id()).status() == ClientStatus.INACTIVE;
				long held = this.jdbc.sql("""
						SELECT count(*) FROM phone_numbers
						WHERE client_id = :client AND state IN ('PURCHASING', 'ACTIVE', 'RELEASING')""")
					.param("client", racing.id())
					.query(Long.class)
					.single();
				assertThat(inactive && held > 0).as("inactive client holding %d number(s)", held).isFalse();
				assertThat(inactive || held == 1).isTrue();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static Object attempt(CountDownLatch start, java.util.function.Supplier<Object> step) {
		try {
			start.await();
			return step.get();
		}
		catch (DomainException ex) {
			return ex;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return ex;
		}
	}

	@Test
	void aClientWithoutNumbersIsDeactivatedAsBefore() {
		assertThat(this.clients.deactivate(this.client.id()).status()).isEqualTo(ClientStatus.INACTIVE);
		assertThat(new ClientHoldsNumbersException(this.client, 1).getMessage()).contains("still holds 1 number ");
	}

}
