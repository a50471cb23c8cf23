package io.twilioprovisioning.numbers;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import io.twilioprovisioning.platform.ClusterJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Resolves numbers left in {@code PURCHASING} or {@code RELEASING} by a crash or a lost
 * answer, by asking Twilio: a purchase the account owns is adopted, one it does not own
 * has failed; a release is finished; a transfer between accounts is finished or cancelled
 * by looking in both accounts ({@link NumberTransfers}). Runs at start and on a schedule,
 * on one instance at once per period across the instances ({@link ClusterJobs}).
 */
@Component
public class NumberRecovery {

	private static final Logger log = LoggerFactory.getLogger(NumberRecovery.class);

	/** After this, a crashed instance's hold on the job expires. */
	private static final Duration LONGEST_RUN = Duration.ofMinutes(10);

	private final PhoneNumberRepository numbers;

	private final NumberCarrier carrier;

	private final NumberLifecycle lifecycle;

	private final RecoveryProperties properties;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final ClusterJobs jobs;

	private final NumberTransfers transfers;

	NumberRecovery(PhoneNumberRepository numbers, NumberCarrier carrier, NumberLifecycle lifecycle,
			RecoveryProperties properties, ApplicationEventPublisher events,
			PlatformTransactionManager transactionManager, Clock clock, ClusterJobs jobs, NumberTransfers transfers) {
		this.transfers = transfers;
		this.numbers = numbers;
		this.carrier = carrier;
		this.lifecycle = lifecycle;
		this.properties = properties;
		this.events = events;
		this.tx = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.jobs = jobs;
	}

	/**
	 * The scheduled run: once per {@code provisioning.recovery.interval} across all
	 * instances.
	 * @return whether this call ran it (another instance may have in this period)
	 */
	@Scheduled(initialDelayString = "${provisioning.recovery.initial-delay:10s}",
			fixedDelayString = "${provisioning.recovery.interval:1m}")
	public boolean scheduled() {
		return this.jobs.runOncePerPeriod("number-recovery", this.properties.interval(), LONGEST_RUN, this::recover);
	}

	/**
	 * Resolves the numbers that have been in flight for longer than
	 * {@code provisioning.recovery.stale-after}.
	 * @return how many were resolved
	 */
	public int recover() {
		int resolved = 0;
		for (PhoneNumberRepository.Row row : this.numbers.findInFlightOlderThan(
				this.clock.instant().minus(this.properties.staleAfter()), this.properties.batchSize())) {
			try {
				if (resolve(row.number())) {
					resolved++;
				}
			}
			catch (RuntimeException ex) {
				log.warn("Recovery could not resolve number row {} yet: {}", row.number().id(), ex.getMessage());
			}
		}
		resolved += this.transfers.recover(this.clock.instant().minus(this.properties.staleAfter()),
				this.properties.batchSize());
		if (resolved > 0) {
			log.info("Recovery resolved {} number(s)", resolved);
		}
		return resolved;
	}

	private boolean resolve(TrackedNumber number) {
		if (number.state() == PhoneNumberState.RELEASING) {
			this.lifecycle.finishRelease(number, NumberLifecycle.SYSTEM);
			return true;
		}
		if (number.phoneNumber() == null) {
			return closeFailed(number,
					"The purchase by area code stopped before a number was chosen; nothing was bought.");
		}
		Optional<OwnedNumber> owned = this.carrier.inAccount(this.numbers.accountSid(number.id()))
			.findByPhoneNumber(number.phoneNumber());
		if (owned.isEmpty()) {
			return closeFailed(number,
					"Twilio does not have " + number.e164() + " in the account: nothing was bought.");
		}
		return this.lifecycle.complete(number.id(), owned.get(), NumberLifecycle.SYSTEM, true).id() == number.id();
	}

	private boolean closeFailed(TrackedNumber number, String reason) {
		return Boolean.TRUE.equals(this.tx.execute((status) -> {
			if (this.numbers.markFailed(number.id(), null, reason, null) != 1) {
				return false;
			}
			this.events.publishEvent(new NumberStepFailed(NumberLifecycle.SYSTEM, this.clock.instant(), "PURCHASE",
					"FAILED", number.id(), number.e164(), null, number.clientId(), null, reason));
			return true;
		}));
	}

}
