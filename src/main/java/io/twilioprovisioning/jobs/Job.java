package io.twilioprovisioning.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A job and its progress.
 *
 * @param id the job's id
 * @param kind what it does
 * @param parameters what it was started with
 * @param startedBy who started it
 * @param state where it is
 * @param planned whether its items are all known ({@code total} is final)
 * @param total how many items it has
 * @param done how many were done
 * @param failed how many failed
 * @param skipped how many needed nothing
 * @param problem why the job failed as a whole, or {@code null}
 * @param createdAt when it was started
 * @param startedAt when an instance first took it, or {@code null}
 * @param finishedAt when it ended, or {@code null}
 */
public record Job(long id, JobKind kind, Map<String, Object> parameters, String startedBy, JobState state,
		boolean planned, int total, int done, int failed, int skipped, String problem, Instant createdAt,
		Instant startedAt, Instant finishedAt) {

	/**
	 * How many items have no outcome yet.
	 */
	@JsonProperty
	public int remaining() {
		return Math.max(0, this.total - this.done - this.failed - this.skipped);
	}

	/**
	 * The share of items with an outcome, 0 to 100; while the job still lists its items
	 * ({@code planned} false), of the items listed so far (an adopt job does its items as
	 * it lists them).
	 */
	@JsonProperty
	public int percent() {
		return (this.total == 0) ? (this.state.finished() ? 100 : 0)
				: (int) (100L * (this.total - remaining()) / this.total);
	}

	/**
	 * Items per second since the job started, or 0.
	 */
	@JsonProperty
	public double ratePerSecond() {
		if (this.startedAt == null) {
			return 0;
		}
		Instant end = (this.finishedAt != null) ? this.finishedAt : Instant.now();
		double seconds = Duration.between(this.startedAt, end).toMillis() / 1000.0;
		return (seconds <= 0) ? 0 : (this.total - remaining()) / seconds;
	}

	/**
	 * Seconds left at the current rate, or {@code null} when it cannot be told: ended,
	 * nothing done yet, or its items not all listed.
	 */
	@JsonProperty
	public Long secondsLeft() {
		double rate = ratePerSecond();
		if (this.state.finished() || !this.planned || rate <= 0) {
			return null;
		}
		return (long) Math.ceil(remaining() / rate);
	}

}
