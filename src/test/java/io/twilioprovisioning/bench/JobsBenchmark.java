package io.twilioprovisioning.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.twilioprovisioning.numbers.NumberCarrier;
import io.twilioprovisioning.numbers.NumberUpdate;
import io.twilioprovisioning.numbers.WebhookConfig;
import io.twilioprovisioning.numbers.WebhookMethod;
import io.twilioprovisioning.sandbox.OwnedRecord;
import io.twilioprovisioning.sandbox.TwilioEmulator;
import io.twilioprovisioning.support.ApiClient;
import io.twilioprovisioning.support.RunningServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bulk work as jobs through the API ({@code POST /api/admin/jobs}), on the application's
 * real Twilio adapter against its in-app emulator (issue 9's "Done when" figures):
 * <ul>
 * <li>{@link #adoptsAHundredThousandUntrackedNumbersWithAFlatHeap}: adopt N untracked
 * numbers (default 100,000, preloaded in the emulator), wall time from the POST to the
 * job's success, with the CPU this JVM (by thread) and PostgreSQL used meanwhile; then a
 * second job adopts N more while the used heap after a full GC is sampled every 2 s (min
 * / max / last; the forced GCs would slow the timed job); with {@code -Dbench.warmup=N} a
 * first adopt job of N other numbers runs before, so the measured one runs in a JVM that
 * has compiled the adopt's code already (in the first job of a fresh JVM the JIT compiler
 * takes about half the JVM's CPU); with {@code -Dbench.repoint=true} it then re-points
 * all of them as one 2N-item job at no latency, sampling the heap the same way (minutes
 * on 2 cores);</li>
 * <li>{@link #repointsThroughAJobNearTheAccountLimit}: re-point N numbers (default
 * 10,000) as a job at a fixed latency L = 100 ms with an account concurrency limit of 16
 * (429 above it): wall time against N·L/16 and twilio-cli's one-at-a-time N·L, and where
 * the adaptive limit settled ({@code twilio.bulk.concurrency.*} gauges sampled every 10
 * ms).</li>
 * </ul>
 * Each starts from an empty inventory, so run one per JVM, e.g.
 * {@code ./mvnw test -Dgroups=benchmark -DexcludedGroups= -Dtest='JobsBenchmark#repointsThroughAJobNearTheAccountLimit'}
 * (add {@code -Dbench.numbers=2000} for fewer numbers).
 */
@Tag("benchmark")
@RunningServerTest
class JobsBenchmark {

	private static final Duration LATENCY = Duration.ofMillis(100);

	private static final int ACCOUNT_LIMIT = 16;

	private static final int SEQUENTIAL_SAMPLE = 50;

	private static final String TARGET = "https://new.example.com/webhooks/twilio/voice";

	@LocalServerPort
	int port;

	@Autowired
	TwilioEmulator emulator;

	@Autowired
	NumberCarrier carrier;

	@Autowired
	MeterRegistry registry;

	@Autowired
	Environment environment;

	@Autowired
	JdbcClient jdbc;

	ApiClient api;

	@BeforeEach
	void setUp() {
		this.emulator.reset();
		this.api = ApiClient.as(this.port, RunningServerTest.ADMIN_EMAIL, RunningServerTest.ADMIN_PASSWORD);
		assertThat(liveNumbers()).as("run one benchmark method per JVM: it starts from an empty inventory").isZero();
	}

	@AfterEach
	void reset() {
		this.emulator.reset();
	}

	@Test
	void adoptsAHundredThousandUntrackedNumbersWithAFlatHeap() {
		int numbers = Integer.getInteger("bench.numbers", 100_000);
		int warmup = Integer.getInteger("bench.warmup", 0);
		if (warmup > 0) {
			this.emulator.preload(warmup);
			assertThat(run("{\"kind\":\"ADOPT_UNTRACKED\"}", null, Duration.ofMinutes(10)).get("done").asInt())
				.isEqualTo(warmup);
		}
		this.emulator.preload(numbers);
		assertThat(this.emulator.ownedCount()).isEqualTo(warmup + numbers);

		// an operator starts an adopt on a server that is up, not while its JIT still
		// compiles what starting it (and preloading the emulator) made hot
		String compilers = ThreadCpu.awaitIdleCompilers();
		// timed without the heap sampler, whose forced full GCs cost CPU and pauses
		ThreadCpu threads = new ThreadCpu();
		double[] cpuBefore = cpuSeconds();
		String loadBefore = loadAverage();
		long start = System.nanoTime();
		JsonNode adopted = run("{\"kind\":\"ADOPT_UNTRACKED\"}", null, Duration.ofMinutes(10));
		double adoptSeconds = (System.nanoTime() - start) / 1e9;
		double[] cpuAfter = cpuSeconds();
		threads.stop();

		assertThat(adopted.get("state").asString()).isEqualTo("SUCCEEDED");
		assertThat(adopted.get("done").asInt()).isEqualTo(numbers);
		assertThat(liveNumbers()).isEqualTo(warmup + numbers);
		assertThat(audits("ADOPT")).isEqualTo(warmup + numbers);
		long pricing = System.nanoTime();
		await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100)).until(() -> unpriced() == 0);
		double pricingSeconds = (System.nanoTime() - pricing) / 1e9;
		double[] cpuPriced = cpuSeconds();

		// the heap, sampled after a full GC every 2 s, while a second job adopts as many
		// more (the code is compiled by now: its time is a warm server's)
		this.emulator.preload(numbers);
		HeapSampler adoptHeap = new HeapSampler();
		String loadBeforeSecond = loadAverage();
		double[] cpuBeforeSecond = cpuSeconds();
		start = System.nanoTime();
		JsonNode second = run("{\"kind\":\"ADOPT_UNTRACKED\"}", adoptHeap, Duration.ofMinutes(10));
		double secondSeconds = (System.nanoTime() - start) / 1e9;
		double[] cpuAfterSecond = cpuSeconds();
		adoptHeap.stop();
		assertThat(second.get("state").asString()).isEqualTo("SUCCEEDED");
		assertThat(second.get("done").asInt()).isEqualTo(numbers);
		assertThat(liveNumbers()).isEqualTo(warmup + 2L * numbers);

		boolean repoint = Boolean.getBoolean("bench.repoint");
		HeapSampler repointHeap = new HeapSampler();
		JsonNode repointed = null;
		double repointSeconds = 0;
		if (repoint) {
			start = System.nanoTime();
			repointed = run("{\"kind\":\"REPOINT_WEBHOOKS\",\"parameters\":{\"scope\":\"ALL\",\"voiceUrl\":\"" + TARGET
					+ "\"}}", repointHeap, Duration.ofMinutes(60));
			repointSeconds = (System.nanoTime() - start) / 1e9;
			repointHeap.stop();
		}

		System.out.printf(Locale.ROOT, "%n== JobsBenchmark: %,d untracked numbers, max heap %d MB, %d cores%s ==%n",
				numbers, Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(),
				(warmup > 0) ? String.format(Locale.ROOT, ", after a first adopt job of %,d", warmup) : "");
		System.out.printf(Locale.ROOT, "adopt job               %8.1f s  (%,.0f numbers/s), %s%n", adoptSeconds,
				numbers / adoptSeconds, adopted.get("state").asString());
		System.out.printf(Locale.ROOT,
				"  CPU used              %8.1f s by this JVM (app and emulator), %.1f s by PostgreSQL%n",
				cpuAfter[0] - cpuBefore[0], cpuAfter[1] - cpuBefore[1]);
		System.out.printf(Locale.ROOT, "  of which, by thread   %s%n", threads);
		System.out.printf(Locale.ROOT, "  before the job        %s%n", compilers);
		System.out.printf(Locale.ROOT,
				"  then pricing them     %8.1f s until none was unpriced, %.1f s CPU by this JVM, %.1f s by PostgreSQL%n",
				pricingSeconds, cpuPriced[0] - cpuAfter[0], cpuPriced[1] - cpuAfter[1]);
		System.out.printf(Locale.ROOT, "  load average          %s before, %s after%n", loadBefore, loadAverage());
		System.out.printf(Locale.ROOT,
				"second adopt job        %8.1f s  (%,.0f numbers/s), %s, heap sampled; CPU %.1f s JVM, %.1f s PostgreSQL; load average %s before%n",
				secondSeconds, numbers / secondSeconds, second.get("state").asString(),
				cpuAfterSecond[0] - cpuBeforeSecond[0], cpuAfterSecond[1] - cpuBeforeSecond[1], loadBeforeSecond);
		System.out.printf(Locale.ROOT, "  used heap after GC    %s%n", adoptHeap);
		if (repointed != null) {
			System.out.printf(Locale.ROOT,
					"re-point job            %8.1f s  (%,.0f numbers/s), %s, done %d, failed %d%n", repointSeconds,
					2.0 * numbers / repointSeconds, repointed.get("state").asString(), repointed.get("done").asInt(),
					repointed.get("failed").asInt());
			System.out.printf(Locale.ROOT, "  used heap after GC    %s%n", repointHeap);
			assertThat(repointed.get("state").asString()).isEqualTo("SUCCEEDED");
			assertThat(this.emulator.ownedNumbers()).extracting(OwnedRecord::voiceUrl).containsOnly(TARGET);
		}
		System.out.println();
	}

	@Test
	void repointsThroughAJobNearTheAccountLimit() {
		int numbers = Integer.getInteger("bench.numbers", 10_000);
		this.emulator.preload(numbers);
		JsonNode adopted = run("{\"kind\":\"ADOPT_UNTRACKED\"}", null, Duration.ofMinutes(10));
		assertThat(adopted.get("done").asInt()).isEqualTo(numbers);
		List<String> sids = this.emulator.ownedNumbers().stream().map(OwnedRecord::sid).toList();

		this.emulator.faults().latency(LATENCY).concurrencyLimit(ACCOUNT_LIMIT);
		double sequentialMillis = sequentialMillisPerCall(sids.subList(0, SEQUENTIAL_SAMPLE));
		double overloadsBefore = overloads();

		List<int[]> samples = Collections.synchronizedList(new ArrayList<>());
		ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
		sampler.scheduleAtFixedRate(() -> samples.add(new int[] { (int) gauge("twilio.bulk.concurrency.limit"),
				(int) gauge("twilio.bulk.concurrency.in_flight") }), 0, 10, TimeUnit.MILLISECONDS);
		long start = System.nanoTime();
		JsonNode repointed;
		try {
			repointed = run("{\"kind\":\"REPOINT_WEBHOOKS\",\"parameters\":{\"scope\":\"ALL\",\"voiceUrl\":\"" + TARGET
					+ "\"}}", null, Duration.ofMinutes(60));
		}
		finally {
			sampler.shutdownNow();
		}
		double wallSeconds = (System.nanoTime() - start) / 1e9;
		double overloads = overloads() - overloadsBefore;

		double ideal = numbers * LATENCY.toMillis() / 1000.0 / ACCOUNT_LIMIT;
		double oneAtATime = numbers * LATENCY.toMillis() / 1000.0;
		List<int[]> run = List.copyOf(samples);
		List<int[]> secondHalf = run.subList(run.size() / 2, run.size());
		List<Integer> settled = secondHalf.stream().map((sample) -> sample[0]).sorted().toList();
		System.out.printf(Locale.ROOT,
				"%n== JobsBenchmark: re-point job of %,d numbers, L = %d ms, account limit %d, "
						+ "jobs pool %s, chunk %s, bulk bounds %s..%s ==%n",
				numbers, LATENCY.toMillis(), ACCOUNT_LIMIT,
				this.environment.getProperty("provisioning.jobs.max-concurrency", "32"),
				this.environment.getProperty("provisioning.jobs.chunk-size", "100"),
				this.environment.getProperty("provisioning.twilio.bulk.min-concurrency", "1"),
				this.environment.getProperty("provisioning.twilio.bulk.max-concurrency", "32"));
		System.out.printf(Locale.ROOT, "wall time (POST to SUCCEEDED) %8.1f s  = %.2f x N*L/16 (%.1f s)%n", wallSeconds,
				wallSeconds / ideal, ideal);
		System.out.printf(Locale.ROOT,
				"one at a time (N*L)           %8.1f s  (measured %.1f ms per call on %d calls -> %.1f s)%n",
				oneAtATime, sequentialMillis, SEQUENTIAL_SAMPLE, sequentialMillis * numbers / 1000);
		System.out.printf(Locale.ROOT, "speed-up over one at a time   %.1f x%n", oneAtATime / wallSeconds);
		System.out.printf(Locale.ROOT, "429s                          %8.0f  (%.1f%% of %,d calls)%n", overloads,
				100 * overloads / numbers, numbers);
		System.out.printf(Locale.ROOT,
				"limit, second half            median %d, mean %.1f, min %d, max %d (account limit %d)%n",
				settled.get(settled.size() / 2), mean(secondHalf, 0), settled.get(0), settled.get(settled.size() - 1),
				ACCOUNT_LIMIT);
		System.out.printf(Locale.ROOT,
				"bulk calls in flight          mean %.1f over the run, %.1f in the second half%n", mean(run, 1),
				mean(secondHalf, 1));
		System.out.printf(Locale.ROOT, "job                           %s, done %d, failed %d%n%n",
				repointed.get("state").asString(), repointed.get("done").asInt(), repointed.get("failed").asInt());

		assertThat(repointed.get("state").asString()).isEqualTo("SUCCEEDED");
		assertThat(this.emulator.ownedNumbers()).extracting(OwnedRecord::voiceUrl).containsOnly(TARGET);
	}

	/**
	 * Starts a job through the API and waits until it has finished.
	 */
	private JsonNode run(String request, HeapSampler heap, Duration atMost) {
		ApiClient.Response started = this.api.post("/api/admin/jobs", request);
		assertThat(started.status()).as(started.body()).isEqualTo(202);
		long id = started.json().get("id").asLong();
		if (heap != null) {
			heap.start();
		}
		await().atMost(atMost)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> isFinished(this.api.get("/api/admin/jobs/" + id).json()));
		return this.api.get("/api/admin/jobs/" + id).json();
	}

	private static boolean isFinished(JsonNode job) {
		return List.of("SUCCEEDED", "FAILED", "PARTLY_FAILED", "CANCELLED").contains(job.get("state").asString());
	}

	/**
	 * One call after another, as twilio-cli does, sent as interactive calls.
	 */
	private double sequentialMillisPerCall(List<String> sids) {
		long start = System.nanoTime();
		for (String sid : sids) {
			this.carrier.update(sid, new NumberUpdate("One at a time",
					new WebhookConfig(TARGET, WebhookMethod.POST, null, null, null, null, null)));
		}
		return (System.nanoTime() - start) / 1e6 / sids.size();
	}

	/**
	 * CPU seconds used so far by this JVM and by the PostgreSQL processes serving it (its
	 * backends and background processes, from {@code /proc}): what a run costs whatever
	 * else runs on the machine, unlike its wall time.
	 */
	private double[] cpuSeconds() {
		double jvm = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
		double postgres = 0;
		for (Integer pid : this.jdbc.sql("SELECT pid FROM pg_stat_activity").query(Integer.class).list()) {
			try {
				String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid.toString(), "stat"));
				String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
				postgres += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
			}
			catch (java.io.IOException | RuntimeException ex) {
				// a process that ended, or no /proc: left out
			}
		}
		return new double[] { jvm, postgres };
	}

	private static String loadAverage() {
		try {
			return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
		}
		catch (java.io.IOException ex) {
			return "unknown";
		}
	}

	private long liveNumbers() {
		return this.jdbc.sql("SELECT count(*) FROM phone_numbers WHERE state IN ('PURCHASING', 'ACTIVE', 'RELEASING')")
			.query(Long.class)
			.single();
	}

	/**
	 * Live numbers whose usage row has no price yet (the pricer fills them in after the
	 * adopt commits, from the emulator's Pricing API).
	 */
	private long unpriced() {
		return this.jdbc.sql("SELECT count(*) FROM usage_number_prices WHERE monthly_price IS NULL")
			.query(Long.class)
			.single();
	}

	private long audits(String action) {
		return this.jdbc.sql("SELECT count(*) FROM audit_events WHERE action = ?")
			.param(action)
			.query(Long.class)
			.single();
	}

	private double gauge(String name) {
		return this.registry.get(name).gauge().value();
	}

	private double overloads() {
		return this.registry.get("twilio.bulk.concurrency.overloads").functionCounter().count();
	}

	private static double mean(List<int[]> samples, int index) {
		return samples.stream().mapToInt((sample) -> sample[index]).average().orElse(0);
	}

	/**
	 * Samples the used heap after a full GC every few seconds while a job runs.
	 */
	private static final class HeapSampler {

		private static final long PERIOD_SECONDS = 2;

		private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

		private final List<Long> samples = Collections.synchronizedList(new ArrayList<>());

		private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

		void start() {
			this.timer.scheduleWithFixedDelay(this::sample, 0, PERIOD_SECONDS, TimeUnit.SECONDS);
		}

		void stop() {
			this.timer.shutdownNow();
			sample();
		}

		private void sample() {
			this.memory.gc();
			this.samples.add(this.memory.getHeapMemoryUsage().getUsed() >> 20);
		}

		@Override
		public String toString() {
			List<Long> all = List.copyOf(this.samples);
			return String.format(Locale.ROOT, "min %d MB, max %d MB, last %d MB over %d samples every %d s: %s",
					Collections.min(all), Collections.max(all), all.get(all.size() - 1), all.size(), PERIOD_SECONDS,
					all);
		}

	}

	/**
	 * CPU seconds of this JVM's threads while the job runs, by thread name without its
	 * number ({@code job-1-chunks-}, {@code http-nio-…-exec-}, {@code C2 CompilerThre},
	 * {@code GC Thread#}), read from {@code /proc/self/task} every 100 ms so threads that
	 * end with the job are counted: where the JVM's CPU went, including the JIT compiler
	 * and the garbage collector, which a Java profiler does not sample.
	 */
	private static final class ThreadCpu {

		private final java.util.Map<String, long[]> before = read();

		private final java.util.Map<String, long[]> last = new java.util.concurrent.ConcurrentHashMap<>();

		private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

		ThreadCpu() {
			this.timer.scheduleWithFixedDelay(() -> this.last.putAll(read()), 0, 100, TimeUnit.MILLISECONDS);
		}

		void stop() {
			this.timer.shutdownNow();
			this.last.putAll(read());
		}

		/**
		 * Waits until the JIT compiler threads use less than 5 % of a core over a second
		 * (at most a minute).
		 * @return how long it waited and the compilers' CPU until then
		 */
		static String awaitIdleCompilers() {
			long start = System.nanoTime();
			long previous = compilerTicks();
			long first = previous;
			int seconds = 0;
			while (seconds < 60) {
				try {
					Thread.sleep(1000);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					break;
				}
				seconds++;
				long now = compilerTicks();
				if (now - previous <= 5) {
					break;
				}
				previous = now;
			}
			return String.format(Locale.ROOT,
					"compilers idle after %.1f s (%.1f s of JIT CPU since start, %.1f s of it waiting)",
					(System.nanoTime() - start) / 1e9, previous / 100.0, (previous - first) / 100.0);
		}

		private static long compilerTicks() {
			return read().entrySet()
				.stream()
				.filter((task) -> task.getKey().contains(" C1 CompilerThre")
						|| task.getKey().contains(" C2 CompilerThre"))
				.mapToLong((task) -> task.getValue()[0])
				.sum();
		}

		/**
		 * Each task's name and CPU ticks (user + system), by task id.
		 */
		private static java.util.Map<String, long[]> read() {
			java.util.Map<String, long[]> ticks = new java.util.HashMap<>();
			java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
			for (java.io.File task : (tasks != null) ? tasks : new java.io.File[0]) {
				try {
					String stat = java.nio.file.Files.readString(task.toPath().resolve("stat"));
					String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
					String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
					long cpu = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
					ticks.put(task.getName() + " " + name, new long[] { cpu });
				}
				catch (java.io.IOException | RuntimeException ex) {
					// a thread that ended meanwhile
				}
			}
			return ticks;
		}

		@Override
		public String toString() {
			java.util.Map<String, Double> groups = new java.util.TreeMap<>();
			this.last.forEach((task, ticks) -> {
				long[] earlier = this.before.get(task);
				double seconds = (ticks[0] - ((earlier != null) ? earlier[0] : 0)) / 100.0;
				String group = task.substring(task.indexOf(' ') + 1).replaceAll("[0-9]+$", "");
				groups.merge(group, seconds, Double::sum);
			});
			return groups.entrySet()
				.stream()
				.filter((group) -> group.getValue() >= 0.05)
				.sorted(java.util.Map.Entry.<String, Double>comparingByValue().reversed())
				.map((group) -> String.format(Locale.ROOT, "%s %.1f s", group.getKey(), group.getValue()))
				.collect(java.util.stream.Collectors.joining(", "));
		}

	}

}
