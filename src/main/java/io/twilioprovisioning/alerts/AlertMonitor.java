package io.twilioprovisioning.alerts;

import java.time.Clock;
import java.time.Duration;

import io.twilioprovisioning.numbers.AccountBalance;
import io.twilioprovisioning.numbers.CarrierException;
import io.twilioprovisioning.numbers.NumberCarrier;
import io.twilioprovisioning.numbers.NumberStatistics;
import io.twilioprovisioning.platform.ClusterJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Checks the conditions behind the standing alerts once per
 * {@code provisioning.alerts.check-interval} across the instances ({@link ClusterJobs}):
 * the Twilio balance against {@code low-balance}, numbers stuck in flight, and the drift
 * of the latest sync check. Each check fires or resolves through {@link Alerts}, which
 * makes a condition that stays true fire only once. A balance Twilio cannot tell leaves
 * the balance alert as it was.
 */
@Component
class AlertMonitor {

	private static final Logger log = LoggerFactory.getLogger(AlertMonitor.class);

	private static final Duration LONGEST_RUN = Duration.ofMinutes(5);

	private final Alerts alerts;

	private final NumberCarrier carrier;

	private final NumberStatistics statistics;

	private final AlertProperties properties;

	private final ClusterJobs jobs;

	private final Clock clock;

	AlertMonitor(Alerts alerts, NumberCarrier carrier, NumberStatistics statistics, AlertProperties properties,
			ClusterJobs jobs, Clock clock) {
		this.alerts = alerts;
		this.carrier = carrier;
		this.statistics = statistics;
		this.properties = properties;
		this.jobs = jobs;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${provisioning.alerts.initial-delay:30s}",
			fixedDelayString = "${provisioning.alerts.check-interval:1m}")
	boolean scheduled() {
		return this.jobs.runOncePerPeriod("alert-check", this.properties.checkInterval(), LONGEST_RUN, this::check);
	}

	/**
	 * Checks every condition now.
	 */
	void check() {
		checkBalance();
		NumberStatistics.Snapshot figures = this.statistics.refresh();
		checkStuck(figures);
		checkDrift(figures.drift());
		this.alerts.resolveOlderThan(AlertType.JOB_FAILED,
				this.clock.instant().minus(this.properties.jobFailedShownFor()),
				"Shown for " + this.properties.jobFailedShownFor().toHours() + " h; see the job for details.");
	}

	void checkBalance() {
		if (this.properties.lowBalance() == null) {
			this.alerts.resolve(AlertType.LOW_BALANCE, null, "No low-balance threshold is configured any more.");
			return;
		}
		AccountBalance balance;
		try {
			balance = this.carrier.balance();
		}
		catch (CarrierException ex) {
			log.debug("Balance not checked: {}", ex.getMessage());
			return;
		}
		if (balance == null || balance.amount() == null) {
			return;
		}
		String currency = (balance.currency() != null) ? " " + balance.currency() : "";
		String threshold = this.properties.lowBalance().toPlainString() + currency;
		String amount = balance.amount().toPlainString() + currency;
		if (balance.amount().compareTo(this.properties.lowBalance()) < 0) {
			this.alerts.raise(AlertType.LOW_BALANCE, null, "The Twilio balance is " + amount + ", below the threshold "
					+ threshold + ". Top the account up before Twilio suspends it and every number stops.");
		}
		else {
			this.alerts.resolve(AlertType.LOW_BALANCE, null,
					"The Twilio balance is " + amount + ", at or above the threshold " + threshold + ".");
		}
	}

	private void checkStuck(NumberStatistics.Snapshot figures) {
		if (figures.stuck() >= this.properties.stuckThreshold()) {
			this.alerts.raise(AlertType.NUMBERS_STUCK, null,
					figures.stuck()
							+ " number(s) are still purchasing or releasing after recovery should have resolved them:"
							+ " Twilio may be unreachable. See the dashboard.");
		}
		else {
			this.alerts.resolve(AlertType.NUMBERS_STUCK, null, "No number is stuck between states any more.");
		}
	}

	private void checkDrift(NumberStatistics.SyncDrift drift) {
		if (drift.total() >= this.properties.driftThreshold()) {
			this.alerts.raise(AlertType.SYNC_DRIFT, null,
					"The latest sync check found " + drift.untracked() + " untracked, " + drift.missing() + " missing, "
							+ drift.webhooksDiffer() + " with other webhooks and " + drift.namesDiffer()
							+ " with other names. Review it on the dashboard.");
		}
		else {
			this.alerts.resolve(AlertType.SYNC_DRIFT, null,
					"The latest sync check found Twilio and the inventory in" + " agreement.");
		}
	}

}
