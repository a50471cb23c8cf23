package io.twilioprovisioning.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A separate load process for the list benchmarks: sends a bounded number of requests
 * (and stops after a time limit) to a running server on loopback and prints the median,
 * p90, p99 and max latency per scenario.
 *
 * <p>
 * Usage: {@code LoadClient <baseUrl> <email> <password> <requests> <concurrency>
 * <maxClientId> <minClientId>}
 */
public final class LoadClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private LoadClient() {
	}

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String email = args[1];
		String password = args[2];
		int requests = Integer.parseInt(args[3]);
		int[] concurrencies = java.util.Arrays.stream(args[4].split(",")).mapToInt(Integer::parseInt).toArray();
		long maxClient = Long.parseLong(args[5]);
		long minClient = Long.parseLong(args[6]);
		String basic = "Basic "
				+ Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
		HttpClient api = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		login(browser, base, email, password);

		List<Scenario> scenarios = List.of(
				new Scenario("API  newest first, page 1", (i) -> "/api/admin/phone-numbers?size=50", true),
				new Scenario("API  one client's numbers",
						(i) -> "/api/admin/phone-numbers?size=50&clientId="
								+ (minClient + Math.floorMod(i * 7919L, maxClient - minClient + 1)),
						true),
				new Scenario("API  ACTIVE by number, deep page",
						(i) -> "/api/admin/phone-numbers?status=ACTIVE&sort=phoneNumber,asc&size=50&page="
								+ Math.floorMod(i * 31, 1900),
						true),
				new Scenario("API  search digits, by name",
						(i) -> "/api/admin/phone-numbers?size=50&sort=friendlyName,asc&q="
								+ (1000 + Math.floorMod(i * 37, 9000)),
						true),
				new Scenario("PAGE console, newest first", (i) -> "/admin/phone-numbers?page=" + Math.floorMod(i, 20),
						false),
				new Scenario("PAGE console, client filter",
						(i) -> "/admin/phone-numbers?clientId="
								+ (minClient + Math.floorMod(i * 7919L, maxClient - minClient + 1)),
						false),
				new Scenario("PAGE console, ACTIVE sorted by number, deep",
						(i) -> "/admin/phone-numbers?state=ACTIVE&sort=phoneNumber,asc&page="
								+ Math.floorMod(i * 31, 1900),
						false));

		System.out.printf(Locale.ROOT, "%-44s %5s %8s %9s %9s %9s %9s %7s%n", "scenario", "conc", "requests", "median",
				"p90", "p99", "max", "errors");
		for (int concurrency : concurrencies) {
			for (Scenario scenario : scenarios) {
				measure(scenario, requests, concurrency, api, browser, base, basic);
			}
		}
	}

	private static void measure(Scenario scenario, int requests, int concurrency, HttpClient api, HttpClient browser,
			String base, String basic) throws InterruptedException {
		run(scenario, Math.min(50, requests), concurrency, api, browser, base, basic, null);
		List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger errors = new AtomicInteger();
		run(scenario, requests, concurrency, api, browser, base, basic, new Sink(latencies, errors));
		List<Double> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		System.out.printf(Locale.ROOT, "%-44s %5d %8d %7.1fms %7.1fms %7.1fms %7.1fms %7d%n", scenario.name(),
				concurrency, sorted.size(), percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99),
				sorted.isEmpty() ? 0.0 : sorted.get(sorted.size() - 1), errors.get());
	}

	private static void run(Scenario scenario, int requests, int concurrency, HttpClient api, HttpClient browser,
			String base, String basic, Sink sink) throws InterruptedException {
		ExecutorService pool = Executors.newFixedThreadPool(concurrency);
		AtomicInteger next = new AtomicInteger();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		for (int t = 0; t < concurrency; t++) {
			pool.execute(() -> {
				int i;
				while ((i = next.getAndIncrement()) < requests && System.nanoTime() < deadline) {
					HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + scenario.path().apply(i)))
						.timeout(Duration.ofSeconds(30));
					if (scenario.api()) {
						request.header("Authorization", basic).header("Accept", "application/json");
					}
					else {
						request.header("Accept", "text/html");
					}
					long start = System.nanoTime();
					try {
						HttpResponse<String> response = (scenario.api() ? api : browser).send(request.build(),
								HttpResponse.BodyHandlers.ofString());
						double millis = (System.nanoTime() - start) / 1_000_000.0;
						if (sink != null) {
							if (response.statusCode() == 200) {
								sink.latencies().add(millis);
							}
							else {
								sink.errors().incrementAndGet();
							}
						}
					}
					catch (Exception ex) {
						if (sink != null) {
							sink.errors().incrementAndGet();
						}
					}
				}
			});
		}
		pool.shutdown();
		pool.awaitTermination(150, TimeUnit.SECONDS);
	}

	private static void login(HttpClient browser, String base, String email, String password) throws Exception {
		String html = browser
			.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher matcher = CSRF.matcher(html);
		if (!matcher.find()) {
			throw new IllegalStateException("No CSRF token on the login page");
		}
		String form = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + matcher.group(1);
		HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 302 || response.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("Login failed: " + response.statusCode());
		}
	}

	private static double percentile(List<Double> sorted, int p) {
		if (sorted.isEmpty()) {
			return 0;
		}
		int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
	}

	record Scenario(String name, java.util.function.IntFunction<String> path, boolean api) {

	}

	record Sink(List<Double> latencies, AtomicInteger errors) {

	}

}
