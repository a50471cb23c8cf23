package io.twilioprovisioning.twilio;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import io.twilioprovisioning.numbers.CarrierOutcomeUnknownException;
import io.twilioprovisioning.numbers.CarrierRefusedException;
import io.twilioprovisioning.numbers.CarrierUnavailableException;

/**
 * The adapter's metrics in one place, so the carrier and the transport each add one line
 * per event: every Twilio call by operation and outcome with its latency
 * ({@code twilio.calls}, a histogram), every retry by reason ({@code twilio.retries}) and
 * every 429 Twilio answered ({@code twilio.rate.limited}). See docs/metrics.md.
 */
final class TwilioMetrics implements BaseUrlHttpClient.Observer {

	static final String CALLS = "twilio.calls";

	static final String RETRIES = "twilio.retries";

	static final String RATE_LIMITED = "twilio.rate.limited";

	private final MeterRegistry registry;

	private final Counter rateLimited;

	TwilioMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.rateLimited = Counter.builder(RATE_LIMITED)
			.description("429 answers from Twilio (each one is retried while retries are left)")
			.register(registry);
	}

	/**
	 * One Twilio call of either carrier: its failures translated
	 * ({@link TwilioErrors#translating}), its latency and outcome recorded.
	 */
	<T> T call(TwilioCall operation, Supplier<T> action) {
		return record(operation, () -> TwilioErrors.translating(operation, action));
	}

	/**
	 * Runs one Twilio call and records its latency and outcome: {@code success},
	 * {@code refused} (a 4xx with Twilio's code), {@code unavailable} (429 after the
	 * retries, 5xx, no connection) or {@code unknown} (a purchase whose answer was lost).
	 */
	<T> T record(TwilioCall operation, Supplier<T> call) {
		long start = System.nanoTime();
		String outcome = "success";
		try {
			return call.get();
		}
		catch (CarrierRefusedException ex) {
			outcome = "refused";
			throw ex;
		}
		catch (CarrierOutcomeUnknownException ex) {
			outcome = "unknown";
			throw ex;
		}
		catch (CarrierUnavailableException ex) {
			outcome = "unavailable";
			throw ex;
		}
		catch (RuntimeException ex) {
			outcome = "error";
			throw ex;
		}
		finally {
			timer(operation, outcome).record(Duration.ofNanos(System.nanoTime() - start));
		}
	}

	private Timer timer(TwilioCall operation, String outcome) {
		return Timer.builder(CALLS)
			.description("Twilio calls by operation and outcome, retries included")
			.tag("operation", operation.name().toLowerCase(Locale.ROOT))
			.tag("outcome", outcome)
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(5))
			.maximumExpectedValue(Duration.ofSeconds(60))
			.register(this.registry);
	}

	@Override
	public void answered(int status) {
		if (status == 429) {
			this.rateLimited.increment();
		}
	}

	@Override
	public void retrying(String reason) {
		Counter.builder(RETRIES)
			.description("Twilio calls tried again, by reason")
			.tag("reason", reason)
			.register(this.registry)
			.increment();
	}

}
