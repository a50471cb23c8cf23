package io.twilioprovisioning.sandbox;

import java.math.BigDecimal;
import java.time.Clock;

import io.twilioprovisioning.platform.SandboxReset;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What an admin does with the in-app sandbox at run time (sandbox mode only): change the
 * emulator's fault plan, and start over on both sides. The reset empties the emulated
 * account and, through {@link SandboxReset}, the modules that track what was bought there
 * (the number inventory), in one transaction.
 */
public class SandboxConsole {

	/** What an admin types to confirm a reset. */
	public static final String RESET_CONFIRMATION = "RESET";

	private final TwilioEmulator emulator;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	SandboxConsole(TwilioEmulator emulator, ApplicationEventPublisher events, TransactionTemplate transactions,
			Clock clock) {
		this.emulator = emulator;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * The emulator's faults; per instance, in memory.
	 * @return the plan to read or change
	 */
	public FaultPlan faults() {
		return this.emulator.faults();
	}

	/**
	 * Empties the emulated account (numbers, subaccounts, addresses, services, counts,
	 * faults; the balance starts over) and the inventory that tracked it, together.
	 * @param actor the admin
	 * @param confirmation must be {@value #RESET_CONFIRMATION}
	 * @throws ResetNotConfirmedException without the confirmation
	 */
	public void reset(String actor, String confirmation) {
		if (confirmation == null || !RESET_CONFIRMATION.equals(confirmation.strip())) {
			throw new ResetNotConfirmedException();
		}
		this.transactions.executeWithoutResult((status) -> {
			this.events.publishEvent(new SandboxReset(actor, this.clock.instant()));
			this.emulator.reset();
		});
	}

	/**
	 * The emulated main account's balance.
	 * @return USD
	 */
	public BigDecimal balance() {
		return this.emulator.balance();
	}

	/**
	 * How many numbers the emulated accounts own.
	 * @return the count
	 */
	public int ownedNumbers() {
		return this.emulator.ownedCount();
	}

}
