package io.twilioprovisioning.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import io.twilioprovisioning.numbers.NumberCarrier;
import io.twilioprovisioning.numbers.NumberUpdate;
import io.twilioprovisioning.numbers.WebhookConfig;
import io.twilioprovisioning.numbers.WebhookMethod;
import io.twilioprovisioning.platform.BulkWork;
import io.twilioprovisioning.sandbox.OwnedRecord;
import io.twilioprovisioning.sandbox.TwilioEmulator;
import io.twilioprovisioning.support.RunningServerTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Re-points the webhooks of N numbers (default 10,000) through the application's real
 * Twilio adapter against its in-app emulator, with a fixed latency L = 100 ms and an
 * account concurrency limit of 16 (429 above it), on a pool of threads marked as bulk
 * work, the way a job runs its items. Prints the wall time against the ideal N·L/16, the
 * one-at-a-time figure N·L of twilio-cli (measured per call on a sample, sent
 * interactively), how often Twilio answered 429, and where the adaptive limit settled
 * (sampled every 10 ms from the {@code twilio.bulk.concurrency.*} gauges).
 *
 * <p>
 * Not part of the normal build:
 * {@code ./mvnw test -Dgroups=benchmark -DexcludedGroups= -Dtest=BulkRepointBenchmark};
 * add {@code -Dbench.numbers=2000} for fewer numbers, {@code -Dbench.threads=32} for the
 * size of the pool, and any {@code -Dprovisioning.twilio.bulk.*} setting (e.g.
 * {@code -Dprovisioning.twilio.bulk.backoff-ratio=0.5}) to compare.
 */
@Tag("benchmark")
@RunningServerTest
class BulkRepointBenchmark {

	private static final Duration LATENCY = Duration.ofMillis(100);

	private static final int ACCOUNT_LIMIT = 16;

	private static final int SEQUENTIAL_SAMPLE = 50;

	private static final WebhookConfig REPOINTED = new WebhookConfig("https://new.example.com/webhooks/twilio/voice",
			WebhookMethod.POST, null, "https://new.example.com/webhooks/twilio/sms", WebhookMethod.POST, null,
			"https://new.example.com/webhooks/twilio/status");

	@Autowired
	NumberCarrier carrier;

	@Autowired
	TwilioEmulator emulator;

	@Autowired
	MeterRegistry registry;

	@Autowired
	Environment environment;

	@AfterEach
	void reset() {
		this.emulator.reset();
	}

	@Test
	void repointsEveryNumberNearTheAccountLimit() throws Exception {
		int numbers = Integer.getInteger("bench.numbers", 10_000);
		int threads = Integer.getInteger("bench.threads", 32);
		this.emulator.preload(numbers);
		List<String> sids = this.emulator.ownedNumbers().stream().map(OwnedRecord::sid).toList();
		assertThat(sids).hasSize(numbers);

		warmUp(sids.subList(0, Math.min(300, numbers)));
		this.emulator.faults().latency(LATENCY).concurrencyLimit(ACCOUNT_LIMIT);
		double sequentialMillis = sequentialMillisPerCall(sids.subList(0, SEQUENTIAL_SAMPLE));

		double overloadsBefore = overloads();
		List<int[]> samples = Collections.synchronizedList(new ArrayList<>());
		ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		AtomicInteger failed = new AtomicInteger();
		long start = System.nanoTime();
		sampler.scheduleAtFixedRate(() -> samples.add(new int[] { (int) gauge("twilio.bulk.concurrency.limit"),
				(int) gauge("twilio.bulk.concurrency.in_flight") }), 0, 10, TimeUnit.MILLISECONDS);
		try {
			List<Future<?>> calls = new ArrayList<>(numbers);
			for (String sid : sids) {
				calls.add(pool.submit(() -> BulkWork.run(() -> {
					try {
						this.carrier.update(sid, new NumberUpdate("Re-pointed", REPOINTED));
					}
					catch (RuntimeException ex) {
						if (failed.incrementAndGet() <= 3) {
							System.out.println("failed: " + ex);
						}
					}
				})));
			}
			for (Future<?> call : calls) {
				call.get(30, TimeUnit.MINUTES);
			}
		}
		finally {
			sampler.shutdownNow();
			pool.shutdownNow();
		}
		double wallSeconds = (System.nanoTime() - start) / 1e9;
		double overloads = overloads() - overloadsBefore;

		double ideal = numbers * LATENCY.toMillis() / 1000.0 / ACCOUNT_LIMIT;
		double oneAtATime = numbers * LATENCY.toMillis() / 1000.0;
		List<int[]> run = List.copyOf(samples);
		List<int[]> secondHalf = run.subList(run.size() / 2, run.size());
		List<Integer> settled = secondHalf.stream().map((sample) -> sample[0]).sorted().toList();
		System.out.printf(Locale.ROOT,
				"%n== BulkRepointBenchmark: %,d numbers, L = %d ms, account limit %d, "
						+ "%d bulk threads, backoff ratio %s, bounds %s..%s ==%n",
				numbers, LATENCY.toMillis(), ACCOUNT_LIMIT, threads,
				this.environment.getProperty("provisioning.twilio.bulk.backoff-ratio", "0.9 (default)"),
				this.environment.getProperty("provisioning.twilio.bulk.min-concurrency", "1"),
				this.environment.getProperty("provisioning.twilio.bulk.max-concurrency", "32"));
		System.out.printf(Locale.ROOT, "wall time               %8.1f s  = %.2f x N*L/16 (%.1f s)%n", wallSeconds,
				wallSeconds / ideal, ideal);
		System.out.printf(Locale.ROOT,
				"one at a time (N*L)     %8.1f s  (measured %.1f ms per call on %d calls -> %.1f s)%n", oneAtATime,
				sequentialMillis, SEQUENTIAL_SAMPLE, sequentialMillis * numbers / 1000);
		System.out.printf(Locale.ROOT, "speed-up over one at a time %.1f x%n", oneAtATime / wallSeconds);
		System.out.printf(Locale.ROOT, "429s                    %8.0f  (%.1f%% of %,d calls)%n", overloads,
				100 * overloads / numbers, numbers);
		System.out.printf(Locale.ROOT,
				"limit, second half      median %d, mean %.1f, min %d, max %d (account limit %d)%n",
				settled.get(settled.size() / 2), mean(secondHalf, 0), settled.get(0), settled.get(settled.size() - 1),
				ACCOUNT_LIMIT);
		System.out.printf(Locale.ROOT, "bulk calls in flight    mean %.1f over the run, %.1f in the second half%n",
				mean(run, 1), mean(secondHalf, 1));
		System.out.printf(Locale.ROOT, "failed                  %d%n%n", failed.get());

		assertThat(failed).hasValue(0);
		assertThat(this.emulator.ownedNumbers()).extracting(OwnedRecord::voiceUrl).containsOnly(REPOINTED.voiceUrl());
	}

	/**
	 * Gets the code paths compiled without faults, one call at a time, so the limit stays
	 * where it starts.
	 */
	private void warmUp(List<String> sids) {
		for (String sid : sids) {
			BulkWork.run(() -> this.carrier.update(sid, new NumberUpdate("Warm-up", null)));
		}
	}

	/**
	 * One call after another, as twilio-cli does, sent as interactive calls.
	 */
	private double sequentialMillisPerCall(List<String> sids) {
		long start = System.nanoTime();
		for (String sid : sids) {
			this.carrier.update(sid, new NumberUpdate("One at a time", REPOINTED));
		}
		return (System.nanoTime() - start) / 1e6 / sids.size();
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

}
