package io.twilioprovisioning.web.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import io.twilioprovisioning.clients.Client;
import io.twilioprovisioning.clients.ClientManagement;
import io.twilioprovisioning.numbers.E164Number;
import io.twilioprovisioning.numbers.NumberLifecycle;
import io.twilioprovisioning.numbers.NumberRef;
import io.twilioprovisioning.numbers.PurchaseCommand;
import io.twilioprovisioning.numbers.TrackedNumber;
import io.twilioprovisioning.support.FreshNumbers;
import io.twilioprovisioning.support.RawHttpSession;
import io.twilioprovisioning.support.RunningServerTest;
import io.twilioprovisioning.users.Role;
import io.twilioprovisioning.users.UserManagement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated hostile-input suite: every API operation of the app's own OpenAPI
 * description and every console form and query parameter, each field with every variant
 * of {@link HostileVariants}, against one running server. For each request: no 5xx, an
 * error body that is a problem detail (API) or a whole HTML page (console) without a
 * stack trace, and nothing written to clients, users, phone_numbers, number_assignments
 * or audit_events (except where {@link HostileCase#mayWrite()} says the variant is
 * acceptable in the one field that kept the request from writing). At the end, no ERROR
 * line in the log.
 */
@RunningServerTest
@ExtendWith(OutputCaptureExtension.class)
class HostileInputTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Parallel connections: the server runs on the same two cores. */
	private static final int THREADS = 3;

	/** Cases between two snapshots of the database. */
	private static final int BATCH = 150;

	private static final Pattern STACK_TRACE = Pattern
		.compile("(\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\([\\w$]+\\.java:\\d+\\))|Caused by:|[a-z]\\.[A-Z]\\w*Exception\\b");

	private static final String SNAPSHOT = """
			SELECT concat_ws('|',
			  (SELECT count(*) FROM clients), (SELECT max(updated_at) FROM clients),
			  (SELECT count(*) FROM users),
			  (SELECT md5(string_agg(id || '/' || email || '/' || role || '/' || enabled || '/' || password_hash,
			     ',' ORDER BY id)) FROM users),
			  (SELECT count(*) FROM phone_numbers), (SELECT max(updated_at) FROM phone_numbers),
			  (SELECT count(*) FROM number_assignments),
			  (SELECT max(coalesce(unassigned_at, assigned_at)) FROM number_assignments),
			  (SELECT count(*) FROM audit_events), (SELECT max(id) FROM audit_events))""";

	@LocalServerPort
	int port;

	@Autowired
	ClientManagement clients;

	@Autowired
	UserManagement users;

	@Autowired
	NumberLifecycle lifecycle;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyFieldOfEveryRouteAndFormRefusesHostileInputWithout5xxOrWrites(CapturedOutput output) throws Exception {
		Fixtures fixtures = fixtures();
		Map<String, String> api = Map.of("Accept", "application/json", "Authorization",
				"Basic " + Base64.getEncoder()
					.encodeToString((RunningServerTest.ADMIN_EMAIL + ":" + RunningServerTest.ADMIN_PASSWORD)
						.getBytes(StandardCharsets.UTF_8)));
		RawHttpSession apiHttp = new RawHttpSession(this.port);
		RawHttpSession console = new RawHttpSession(this.port);
		RawHttpSession.Response description = apiHttp.get("/v3/api-docs", api);
		assertThat(description.status()).isEqualTo(200);
		List<HostileCase> apiCases = new ApiCases(JSON.readTree(description.body()), fixtures, api).all();
		String csrf = console.logIn(RunningServerTest.ADMIN_EMAIL, RunningServerTest.ADMIN_PASSWORD);
		List<HostileCase> consoleCases = new ConsoleCases(console, csrf, fixtures).all();
		List<HostileCase> all = new ArrayList<>(apiCases);
		all.addAll(consoleCases);

		List<String> failures = new CopyOnWriteArrayList<>();
		long started = System.nanoTime();
		ExecutorService workers = Executors.newFixedThreadPool(THREADS);
		try {
			BlockingQueue<RawHttpSession> apiConnections = connections(apiHttp);
			BlockingQueue<RawHttpSession> consoleConnections = connections(console);
			List<HostileCase> checked = all.stream().filter((hostile) -> !hostile.mayWrite()).toList();
			for (int from = 0; from < checked.size(); from += BATCH) {
				List<HostileCase> batch = checked.subList(from, Math.min(from + BATCH, checked.size()));
				String before = snapshot();
				send(batch, workers, apiConnections, consoleConnections, failures);
				if (!before.equals(snapshot())) {
					findWrites(batch, apiConnections, consoleConnections, failures);
				}
			}
			send(all.stream().filter(HostileCase::mayWrite).toList(), workers, apiConnections, consoleConnections,
					failures);
			apiConnections.forEach(RawHttpSession::close);
			consoleConnections.forEach(RawHttpSession::close);
		}
		finally {
			workers.shutdownNow();
		}
		long seconds = (System.nanoTime() - started) / 1_000_000_000;
		long mayWrite = all.stream().filter(HostileCase::mayWrite).count();
		System.out.printf("Hostile-input suite: %d cases (%d API, %d console), %d checked for writes, %d s%n",
				all.size(), apiCases.size(), consoleCases.size(), all.size() - mayWrite, seconds);

		assertThat(all).hasSizeGreaterThanOrEqualTo(2000);
		assertThat(consoleCases).extracting(HostileCase::method).contains("GET", "POST");
		assertThat(failures).as("%d of the hostile requests failed", failures.size()).isEmpty();
		List<String> errors = output.getAll().lines().filter((line) -> line.contains(" ERROR ")).limit(20).toList();
		assertThat(errors).as("ERROR lines in the log").isEmpty();
	}

	private static BlockingQueue<RawHttpSession> connections(RawHttpSession session) {
		BlockingQueue<RawHttpSession> connections = new ArrayBlockingQueue<>(THREADS);
		connections.add(session);
		for (int i = 1; i < THREADS; i++) {
			connections.add(session.copy());
		}
		return connections;
	}

	/**
	 * Sends cases in parallel and checks each answer.
	 */
	private static void send(List<HostileCase> cases, ExecutorService workers, BlockingQueue<RawHttpSession> api,
			BlockingQueue<RawHttpSession> console, List<String> failures) throws Exception {
		List<Callable<Void>> tasks = new ArrayList<>();
		for (HostileCase hostile : cases) {
			tasks.add(() -> {
				BlockingQueue<RawHttpSession> pool = hostile.console() ? console : api;
				RawHttpSession http = pool.take();
				try {
					String problem = check(hostile, exchange(http, hostile));
					if (problem != null) {
						failures.add(hostile.label() + ": " + problem);
					}
				}
				finally {
					pool.put(http);
				}
				return null;
			});
		}
		for (Future<Void> done : workers.invokeAll(tasks)) {
			done.get();
		}
	}

	/**
	 * A batch wrote: sends it again one case at a time, to name the cases that write.
	 */
	private void findWrites(List<HostileCase> batch, BlockingQueue<RawHttpSession> api,
			BlockingQueue<RawHttpSession> console, List<String> failures) throws InterruptedException {
		int found = 0;
		for (HostileCase hostile : batch) {
			BlockingQueue<RawHttpSession> pool = hostile.console() ? console : api;
			RawHttpSession http = pool.take();
			try {
				String before = snapshot();
				exchange(http, hostile);
				String after = snapshot();
				if (!before.equals(after)) {
					found++;
					failures.add(hostile.label() + ": wrote to the database (" + before + " -> " + after + ")");
				}
			}
			finally {
				pool.put(http);
			}
		}
		if (found == 0) {
			failures.add("a request between " + batch.get(0).label() + " and " + batch.get(batch.size() - 1).label()
					+ " wrote to the database (not again when repeated)");
		}
	}

	private static RawHttpSession.Response exchange(RawHttpSession http, HostileCase hostile) {
		return http.send(hostile.method(), hostile.target(), hostile.headers(), hostile.body());
	}

	private static String check(HostileCase hostile, RawHttpSession.Response response) {
		if (response.status() == 0) {
			return hostile.headTooLarge() ? null : "no answer: " + response.body();
		}
		if (response.status() >= 500) {
			return "server error " + abbreviate(response.body());
		}
		String body = response.body();
		if (STACK_TRACE.matcher(body).find()) {
			return "stack trace in the body: " + abbreviate(body);
		}
		boolean fromApp = response.header("X-Request-Id") != null;
		if (!hostile.console()) {
			if (fromApp && response.status() >= 400) {
				if (!response.contentType().startsWith("application/problem+json")) {
					return "not a problem detail: " + response.contentType();
				}
				JsonNode problem = JSON.readTree(body);
				if (problem.path("status").asInt() != response.status() || !problem.has("type")) {
					return "malformed problem detail: " + abbreviate(body);
				}
			}
			return null;
		}
		if (response.status() == 401 || response.status() == 403) {
			return "the console session or its CSRF token was refused";
		}
		String location = String.valueOf(response.header("Location"));
		if (response.status() == 302 && location.contains("/login")) {
			return "sent to the login page";
		}
		if (fromApp && response.status() >= 400 && !response.contentType().startsWith("text/html")) {
			return "not an HTML error page: " + response.contentType();
		}
		if (response.contentType().startsWith("text/html") && body.startsWith("<!DOCTYPE")
				&& !body.stripTrailing().endsWith("</html>")) {
			return "page broken off: ..." + body.substring(Math.max(0, body.length() - 200));
		}
		return null;
	}

	private String snapshot() {
		return this.jdbc.sql(SNAPSHOT).query(String.class).single();
	}

	private Fixtures fixtures() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		Client active = this.clients.create("Hostile active " + tag, null);
		Client inactive = this.clients.deactivate(this.clients.create("Hostile inactive " + tag, null).id());
		long userId = this.users.create("hostile-" + tag + "@test.example", "hostile-password-" + tag, Role.USER).id();
		TrackedNumber activeNumber = buy(active);
		TrackedNumber released = buy(active);
		released = this.lifecycle.release(NumberRef.ofSid(released.sid()), released.e164(), "test");
		return new Fixtures(active, inactive, userId, activeNumber, released, RunningServerTest.ADMIN_EMAIL);
	}

	private TrackedNumber buy(Client client) {
		E164Number number = FreshNumbers.forSale(this.lifecycle, this.jdbc, "702");
		return this.lifecycle.purchase(new PurchaseCommand(number, null, client.id(), null, null, "test")).number();
	}

	private static String abbreviate(String text) {
		return (text.length() > 300) ? text.substring(0, 300) + "…" : text;
	}

}
