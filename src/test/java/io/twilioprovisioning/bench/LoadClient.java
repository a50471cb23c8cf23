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
 * Usage: {@code LoadClient <baseUrl> <email> <password> <requests> <concurrencies>
 * <minClientId> <maxClientId> <minNumberId> <numbers> [lists|dashboard]}
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
		long minClient = Long.parseLong(args[5]);
		long maxClient = Long.parseLong(args[6]);
		long minNumber = Long.parseLong(args[7]);
		int size = Integer.parseInt(args[8]);
		boolean dashboard = args.length > 9 && args[9].equals("dashboard");
		String basic = "Basic "
				+ Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
		HttpClient api = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		login(browser, base, email, password);
		Inventory inventory = new Inventory(minClient, maxClient, minNumber, size);
		List<Scenario> scenarios = new ArrayList<>();
		if (dashboard) {
			scenarios.add(new Scenario("PAGE dashboard (Twilio answers after 2 s)", (i) -> "/admin/twilio", false));
		}
		else {
			for (boolean isApi : new boolean[] { true, false }) {
				String prefix = isApi ? "API  " : "PAGE ";
				String path = isApi ? "/api/admin/phone-numbers?size=50" : "/admin/phone-numbers?x=1";
				scenarios.add(new Scenario(prefix + "newest first", (i) -> path, isApi));
				scenarios
					.add(new Scenario(prefix + "one client", (i) -> path + "&clientId=" + inventory.client(i), isApi));
				scenarios.add(new Scenario(prefix + "deep page (cursor, by number)",
						(i) -> path + "&status=ACTIVE&sort=phoneNumber,asc&cursor=" + inventory.deepCursor(i), isApi));
				for (int format = 0; format < Inventory.DIGITS_FORMATS.size(); format++) {
					int chosen = format;
					scenarios.add(new Scenario(prefix + "digits " + Inventory.DIGITS_FORMATS.get(format),
							(i) -> path + "&q=" + encode(inventory.digits(i, chosen)), isApi));
				}
				scenarios.add(new Scenario(prefix + "client name search",
						(i) -> path + "&q=" + encode(inventory.clientName(i)), isApi));
				scenarios.add(new Scenario(prefix + "sorted by number", (i) -> path + "&sort=phoneNumber,asc", isApi));
			}
		}

		// This JVM and its HTTP client start cold for every size, and so does the
		// server's code
		// for the first size: one unmeasured round of every scenario before any is
		// measured,
		// so the first scenario measured is not the one that pays for the JIT compiler.
		for (Scenario scenario : scenarios) {
			run(scenario, Math.min(100, requests), 1, api, browser, base, basic, null);
		}
		System.out.printf(Locale.ROOT, "%-46s %5s %8s %9s %9s %9s %9s %9s %7s%n", "scenario", "conc", "requests", "min",
				"median", "p90", "p99", "max", "errors");
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
		System.out.printf(Locale.ROOT, "%-46s %5d %8d %7.1fms %7.1fms %7.1fms %7.1fms %7.1fms %7d%n", scenario.name(),
				concurrency, sorted.size(), sorted.isEmpty() ? 0.0 : sorted.get(0), percentile(sorted, 50),
				percentile(sorted, 90), percentile(sorted, 99), sorted.isEmpty() ? 0.0 : sorted.get(sorted.size() - 1),
				errors.get());
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

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	/**
	 * What the benchmark seeded (see InventoryListBenchmark): number g (1-based) is
	 * {@code +1 (2025550000 + 7g)} with id {@code minNumber + g - 1}; client k is named
	 * {@code Bench Client} and k padded to six digits.
	 */
	record Inventory(long minClient, long maxClient, long minNumber, int size) {

		long client(int i) {
			return this.minClient + Math.floorMod(i * 7919L, this.maxClient - this.minClient + 1);
		}

		long g(int i) {
			return 1 + Math.floorMod(i * 104_729L, this.size);
		}

		/**
		 * The digits searches, one scenario each: anywhere, and two ways to write a
		 * start.
		 */
		static final List<String> DIGITS_FORMATS = List.of("anywhere (555123)", "start ((202) 55)",
				"start (+1 202 555)");

		String digits(int i, int format) {
			String n = Long.toString(2025550000L + g(i) * 7);
			return switch (format) {
				case 0 -> n.substring(3, 9);
				case 1 -> "(" + n.substring(0, 3) + ") " + n.substring(3, 5);
				default -> "+1 " + n.substring(0, 3) + " " + n.substring(3, 6);
			};
		}

		String clientName(int i) {
			return String.format(Locale.ROOT, "Bench Client %06d", 1 + Math.floorMod(i * 7919L, 10_000));
		}

		/**
		 * A cursor somewhere in the second half of the list by number, as the API would
		 * give after walking that far (the load client can make one: the token is opaque
		 * to callers, not secret).
		 */
		String deepCursor(int i) {
			long g = this.size / 2 + Math.floorMod(i * 104_729L, this.size / 2);
			if (g % 50 == 0) {
				g++;
			}
			String e164 = "+1" + (2025550000L + g * 7);
			return new io.twilioprovisioning.platform.Cursor(false, e164, this.minNumber + g - 1)
				.encode("phoneNumber,asc");
		}

	}

	record Scenario(String name, java.util.function.IntFunction<String> path, boolean api) {

	}

	record Sink(List<Double> latencies, AtomicInteger errors) {

	}

}
