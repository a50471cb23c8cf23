package io.twilioprovisioning.numbers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import io.twilioprovisioning.platform.BackgroundRefresh;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The dashboard's copy of the Twilio account, its balance and the inventory counts, so a
 * page never waits on Twilio nor counts a large inventory (docs/adr/0022). A background
 * job refreshes it every {@code provisioning.account.refresh-interval}; a read of a copy
 * older than {@code refresh-after} starts one more refresh in the background and returns
 * the copy it has at once. At most one refresh runs at a time per instance. A failed
 * refresh keeps the last good account and balance and records why it failed.
 */
@Service
public class AccountStatus implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(AccountStatus.class);

	private final NumberCarrier carrier;

	private final NumberLifecycle lifecycle;

	private final AccountStatusProperties properties;

	private final Clock clock;

	private final AtomicReference<Snapshot> snapshot = new AtomicReference<>(Snapshot.NONE);

	private final BackgroundRefresh refresher = new BackgroundRefresh("account-status-refresh", this::refreshNow);

	AccountStatus(NumberCarrier carrier, NumberLifecycle lifecycle, AccountStatusProperties properties, Clock clock) {
		this.carrier = carrier;
		this.lifecycle = lifecycle;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * The copy as it is, at once; starts a background refresh when it is older than
	 * {@code refresh-after} (or there is none yet).
	 */
	public View current() {
		Snapshot current = this.snapshot.get();
		Instant now = this.clock.instant();
		if (current.attemptedAt() == null
				|| Duration.between(current.attemptedAt(), now).compareTo(this.properties.refreshAfter()) >= 0) {
			refreshInBackground();
		}
		return view(this.snapshot.get(), now);
	}

	/**
	 * The copy as it is, starting nothing (for the card that waits for a refresh to end).
	 */
	public View peek() {
		return view(this.snapshot.get(), this.clock.instant());
	}

	/**
	 * Starts a refresh on the background thread unless one is running.
	 * @return whether this call started one
	 */
	public boolean refreshInBackground() {
		return this.refresher.start();
	}

	@Scheduled(initialDelayString = "${provisioning.account.initial-delay:0s}",
			fixedDelayString = "${provisioning.account.refresh-interval:60s}")
	void scheduledRefresh() {
		refreshInBackground();
	}

	/**
	 * Asks Twilio for the account and balance and recounts the inventory, on the calling
	 * thread; keeps the last good values of what failed.
	 */
	void refreshNow() {
		Instant started = this.clock.instant();
		AccountInfo account = null;
		AccountBalance balance = null;
		CarrierException error = null;
		try {
			account = this.carrier.account();
			balance = this.carrier.balance();
		}
		catch (CarrierException ex) {
			error = ex;
		}
		catch (RuntimeException ex) {
			log.warn("Refreshing the Twilio account failed unexpectedly: {}", ex.toString());
			error = new CarrierUnavailableException("The account could not be read.", null, null, null, null, ex);
		}
		AccountOverview.Counts counts = null;
		try {
			counts = this.lifecycle.counts();
		}
		catch (DataAccessException ex) {
			log.warn("Counting the inventory failed: {}", ex.getMostSpecificCause().toString());
		}
		Instant finished = this.clock.instant();
		Snapshot previous;
		Snapshot next;
		do {
			previous = this.snapshot.get();
			boolean ok = error == null;
			next = new Snapshot(ok ? account : previous.account(), ok ? balance : previous.balance(),
					ok ? finished : previous.fetchedAt(), ok ? null : error, ok ? null : finished, started,
					(counts != null) ? counts : previous.counts(), (counts != null) ? finished : previous.countedAt());
		}
		while (!this.snapshot.compareAndSet(previous, next));
	}

	private View view(Snapshot snapshot, Instant now) {
		Duration stale = this.properties.staleAfter();
		boolean accountStale = snapshot.fetchedAt() == null
				|| Duration.between(snapshot.fetchedAt(), now).compareTo(stale) > 0;
		return new View(snapshot.account(), snapshot.balance(), snapshot.fetchedAt(), age(snapshot.fetchedAt(), now),
				accountStale, snapshot.error(), snapshot.failedAt(), snapshot.counts(), snapshot.countedAt(),
				age(snapshot.countedAt(), now), this.refresher.running());
	}

	private static @Nullable Duration age(@Nullable Instant at, Instant now) {
		return (at != null) ? Duration.between(at, now).abs() : null;
	}

	@Override
	public void destroy() {
		this.refresher.close();
	}

	/**
	 * What the dashboard shows.
	 *
	 * @param account the account as last read, or {@code null} when never read
	 * @param balance the balance as last read, or {@code null}
	 * @param fetchedAt when the account and balance were last read
	 * @param age how old that reading is
	 * @param stale whether it is older than {@code stale-after}, or missing
	 * @param error why the latest refresh failed, or {@code null} when it succeeded
	 * @param failedAt when the latest refresh failed
	 * @param counts the inventory counts as last counted, or {@code null}
	 * @param countedAt when they were counted
	 * @param countsAge how old the counts are
	 * @param refreshing whether a refresh is running now
	 */
	public record View(@Nullable AccountInfo account, @Nullable AccountBalance balance, @Nullable Instant fetchedAt,
			@Nullable Duration age, boolean stale, @Nullable CarrierException error, @Nullable Instant failedAt,
			AccountOverview.@Nullable Counts counts, @Nullable Instant countedAt, @Nullable Duration countsAge,
			boolean refreshing) {

		/**
		 * Whether the last refresh failed.
		 */
		public boolean failing() {
			return this.error != null;
		}

	}

	private record Snapshot(@Nullable AccountInfo account, @Nullable AccountBalance balance,
			@Nullable Instant fetchedAt, @Nullable CarrierException error, @Nullable Instant failedAt,
			@Nullable Instant attemptedAt, AccountOverview.@Nullable Counts counts, @Nullable Instant countedAt) {

		static final Snapshot NONE = new Snapshot(null, null, null, null, null, null, null, null);

	}

}
