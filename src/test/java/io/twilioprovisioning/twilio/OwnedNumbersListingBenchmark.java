package io.twilioprovisioning.twilio;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.twilioprovisioning.numbers.OwnedNumber;
import io.twilioprovisioning.sandbox.StandaloneTwilioEmulator;
import io.twilioprovisioning.sandbox.TwilioEmulator;
import io.twilioprovisioning.twilio.TwilioFixtures.Adapter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Streams an inventory of 10k, 50k and 100k owned numbers from the emulator (on a
 * loopback port, in this JVM) through {@code listOwned(1000)} and prints count, time and
 * heap, to show that the memory the stream holds does not grow with the inventory.
 *
 * <p>
 * Two heap figures per size, both relative to the heap after a GC before the stream
 * (which already holds the emulator's inventory): the peak heap used, sampled every 2 ms
 * (it includes garbage not yet collected, so it depends on the collector), and the peak
 * live heap, measured after a GC at every 10,000th number (what the stream retains).
 *
 * <p>
 * Not part of the normal build; run it with
 * {@code ./mvnw -Dgroups=benchmark -DexcludedGroups= -Dtest=OwnedNumbersListingBenchmark test}.
 */
@Tag("benchmark")
class OwnedNumbersListingBenchmark {

	private static final int PAGE_SIZE = 1000;

	private static final int CHECKPOINT = 10_000;

	private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

	@BeforeAll
	static void warmUp() {
		stream(5_000, false);
	}

	@ParameterizedTest
	@ValueSource(ints = { 10_000, 50_000, 100_000 })
	void streamsTheWholeInventoryInFlatMemory(int size) {
		assertThat(stream(size, true)).isEqualTo(size);
	}

	private static long stream(int size, boolean report) {
		TwilioEmulator emulator = new TwilioEmulator(TwilioFixtures.ACCOUNT_SID, TwilioFixtures.AUTH_TOKEN);
		emulator.preload(size);
		try (StandaloneTwilioEmulator server = StandaloneTwilioEmulator.start(emulator);
				Adapter adapter = TwilioFixtures.adapter(new TwilioProperties(TwilioFixtures.ACCOUNT_SID,
						TwilioFixtures.AUTH_TOKEN, null, null, URI.create(server.baseUrl()), Duration.ofSeconds(5),
						Duration.ofSeconds(30), 8, 4, Duration.ofMillis(50), Duration.ofSeconds(1)))) {
			long baseline = liveHeap();
			AtomicLong peak = new AtomicLong(baseline);
			AtomicLong peakLive = new AtomicLong(baseline);
			AtomicLong seen = new AtomicLong();
			Thread sampler = new Thread(() -> {
				while (!Thread.currentThread().isInterrupted()) {
					peak.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
					try {
						Thread.sleep(2);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			}, "heap-sampler");
			sampler.setDaemon(true);
			sampler.start();
			long started = System.nanoTime();
			long count;
			try (Stream<OwnedNumber> owned = adapter.carrier().listOwned(PAGE_SIZE)) {
				count = owned.peek((number) -> {
					if (report && seen.incrementAndGet() % CHECKPOINT == 0) {
						peakLive.accumulateAndGet(liveHeap(), Math::max);
					}
				}).count();
			}
			long elapsed = System.nanoTime() - started;
			sampler.interrupt();
			if (report) {
				System.out.printf(
						"listOwned(%d): %,7d numbers in %,6d ms (%,6d/s) | heap after GC before: %,4d MB | "
								+ "peak used: +%,4d MB | peak live (GC every %,d): +%,3d MB%n",
						PAGE_SIZE, count, elapsed / 1_000_000, count * 1_000_000_000L / Math.max(1, elapsed),
						mb(baseline), mb(peak.get() - baseline), CHECKPOINT, mb(peakLive.get() - baseline));
			}
			return count;
		}
	}

	private static long liveHeap() {
		System.gc();
		return MEMORY.getHeapMemoryUsage().getUsed();
	}

	private static long mb(long bytes) {
		return Math.max(0, bytes) / (1024 * 1024);
	}

}
