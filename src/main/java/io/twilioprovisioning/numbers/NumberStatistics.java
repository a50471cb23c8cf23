package io.twilioprovisioning.numbers;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The inventory's figures for metrics and alerts, counted at most once per
 * {@code provisioning.metrics.refresh-interval} (default 30 s) and served from memory in
 * between, so a Prometheus scrape or an alert check never counts a million rows: numbers
 * by state, numbers stuck in flight (still {@code PURCHASING} or {@code RELEASING} after
 * recovery's {@code stale-after}), and the drift the latest sync check found.
 */
@Component
public class NumberStatistics {

	private static final Logger log = LoggerFactory.getLogger(NumberStatistics.class);

	private final PhoneNumberRepository numbers;

	private final SyncReportRepository reports;

	private final RecoveryProperties recovery;

	private final Clock clock;

	private volatile Snapshot snapshot;

	NumberStatistics(PhoneNumberRepository numbers, SyncReportRepository reports, RecoveryProperties recovery,
			Clock clock) {
		this.numbers = numbers;
		this.reports = reports;
		this.recovery = recovery;
		this.clock = clock;
	}

	/**
	 * The latest figures; counted now only when nothing was counted yet.
	 */
	public Snapshot current() {
		Snapshot current = this.snapshot;
		return (current != null) ? current : refresh();
	}

	/**
	 * Counts again (scheduled on every instance; each keeps its own copy).
	 * @return the new figures, or the previous ones when the database could not be asked
	 */
	@Scheduled(fixedDelayString = "${provisioning.metrics.refresh-interval:30s}")
	public Snapshot refresh() {
		try {
			Instant now = this.clock.instant();
			Map<PhoneNumberState, Long> byState = new EnumMap<>(PhoneNumberState.class);
			for (PhoneNumberState state : PhoneNumberState.values()) {
				byState.put(state, 0L);
			}
			byState.putAll(this.numbers.countByState());
			long stuck = this.numbers.countInFlightOlderThan(now.minus(this.recovery.staleAfter()));
			SyncDrift drift = this.reports.findLatest()
				.map((report) -> new SyncDrift(report.untrackedCount(), report.missingCount(),
						report.webhooksDifferCount(), report.namesDifferCount(), report.finishedAt()))
				.orElse(SyncDrift.NONE);
			Snapshot counted = new Snapshot(Map.copyOf(byState), stuck, drift, now);
			this.snapshot = counted;
			return counted;
		}
		catch (DataAccessException ex) {
			log.warn("Could not count the inventory for metrics: {}", ex.getMessage());
			Snapshot previous = this.snapshot;
			return (previous != null) ? previous : Snapshot.EMPTY;
		}
	}

	/**
	 * The inventory's figures at one moment.
	 *
	 * @param byState numbers per state (every state present)
	 * @param stuck numbers in flight for longer than recovery waits
	 * @param drift what the latest sync check found
	 * @param countedAt when they were counted
	 */
	public record Snapshot(Map<PhoneNumberState, Long> byState, long stuck, SyncDrift drift, Instant countedAt) {

		static final Snapshot EMPTY = new Snapshot(Map.of(), 0, SyncDrift.NONE, Instant.EPOCH);

		public long count(PhoneNumberState state) {
			return this.byState.getOrDefault(state, 0L);
		}

	}

	/**
	 * The differences between Twilio and the inventory at the latest sync check.
	 *
	 * @param untracked owned in Twilio, not tracked here
	 * @param missing tracked as active, gone from Twilio
	 * @param webhooksDiffer webhooks in Twilio other than the policy's
	 * @param namesDiffer friendly names in Twilio other than the inventory's
	 * @param checkedAt when the check finished, or {@code null} before the first
	 */
	public record SyncDrift(long untracked, long missing, long webhooksDiffer, long namesDiffer, Instant checkedAt) {

		static final SyncDrift NONE = new SyncDrift(0, 0, 0, 0, null);

		/** Every difference counted together. */
		public long total() {
			return this.untracked + this.missing + this.webhooksDiffer + this.namesDiffer;
		}

	}

}
