package io.twilioprovisioning.numbers;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes Twilio's friendly name of a number the inventory's (the name of its current
 * client). Renames sent after concurrent reassignments can reach Twilio in any order, so
 * a rename is not done when Twilio acknowledged it but when the inventory still holds the
 * name that was sent afterwards: otherwise a newer name was committed meanwhile and is
 * sent too. The last rename Twilio carries out was therefore checked against the
 * inventory after Twilio had applied it, and the last owner's name wins, across threads
 * and instances, without a lock held while Twilio is called.
 */
@Component
class FriendlyNames {

	/** Renames one call sends at most before it leaves the rest to the newer ones. */
	static final int MAX_RENAMES = 5;

	private static final Logger log = LoggerFactory.getLogger(FriendlyNames.class);

	private final PhoneNumberRepository numbers;

	private final NumberCarrier carrier;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate tx;

	private final Clock clock;

	FriendlyNames(PhoneNumberRepository numbers, NumberCarrier carrier, ApplicationEventPublisher events,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.numbers = numbers;
		this.carrier = carrier;
		this.events = events;
		this.tx = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/**
	 * Sends the number's current friendly name to Twilio until the inventory still holds
	 * the name sent last. A Twilio failure is audited as a failed {@code RENAME}.
	 * @param id the inventory row
	 * @param actor who asked
	 * @return what happened
	 */
	Outcome follow(long id, String actor) {
		String sent = null;
		TrackedNumber current = null;
		try {
			for (int renames = 0; renames <= MAX_RENAMES; renames++) {
				current = this.numbers.findById(id).map(PhoneNumberRepository.Row::number).orElse(null);
				if (current == null || current.state() != PhoneNumberState.ACTIVE || current.friendlyName() == null) {
					return new Outcome(Status.NOT_ACTIVE, current, null);
				}
				if (current.friendlyName().equals(sent)) {
					return new Outcome(Status.RENAMED, current, null);
				}
				if (renames == MAX_RENAMES) {
					break;
				}
				sent = current.friendlyName();
				this.carrier.inAccount(this.numbers.accountSid(id)).update(current.sid(), new NumberUpdate(sent, null));
			}
			log.info("The friendly name of number row {} kept changing; newer renames set it", id);
			return new Outcome(Status.UNCONFIRMED, current, "Twilio's friendly name was changed " + MAX_RENAMES
					+ " times while other changes of this number went on; the next sync check reports it if it differs.");
		}
		catch (CarrierException ex) {
			audit(current, ex, actor);
			return new Outcome(Status.FAILED, current, ex.getMessage());
		}
		catch (DataAccessException | TransactionException ex) {
			log.warn("Could not confirm the friendly name of number row {} in Twilio: the database failed ({})", id,
					ex.getMessage());
			return new Outcome(Status.UNCONFIRMED, current,
					"The database failed while Twilio's friendly name was being checked, so it could not be confirmed;"
							+ " the next sync check reports it if it differs.");
		}
	}

	private void audit(TrackedNumber number, CarrierException ex, String actor) {
		String outcome = (ex instanceof CarrierRefusedException) ? "REFUSED"
				: (ex instanceof CarrierOutcomeUnknownException) ? "UNKNOWN" : "FAILED";
		try {
			this.tx.executeWithoutResult((status) -> this.events
				.publishEvent(new NumberStepFailed(actor, this.clock.instant(), "RENAME", outcome, number.id(),
						number.e164(), number.sid(), number.clientId(), ex.carrierCode(), ex.getMessage())));
		}
		catch (DataAccessException | TransactionException auditFailed) {
			log.warn("Could not audit the failed rename of number row {}: {}", number.id(), auditFailed.getMessage());
		}
	}

	/**
	 * How a rename ended.
	 *
	 * @param status what happened
	 * @param number the number as last read, or {@code null}
	 * @param problem for the operator when it did not end {@code RENAMED}, or
	 * {@code null}
	 */
	record Outcome(Status status, TrackedNumber number, String problem) {

	}

	/**
	 * What a rename did.
	 */
	enum Status {

		/** Twilio has the inventory's name, confirmed after it applied it. */
		RENAMED,
		/** Nothing to rename: the number is no longer active (or unknown). */
		NOT_ACTIVE,
		/** Twilio refused or failed; audited. */
		FAILED,
		/** Sent, but not confirmed (the database failed, or the name kept changing). */
		UNCONFIRMED

	}

}
