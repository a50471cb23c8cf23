package io.twilioprovisioning.numbers;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.twilioprovisioning.clients.Client;
import io.twilioprovisioning.clients.ClientManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A reassignment between clients whose numbers live in different Twilio accounts: the
 * number is transferred ({@code AccountSid} on update, the main account's credentials)
 * with the purchase's safety. The intent (gaining account and client) is recorded on the
 * locked row first; Twilio is called with no transaction open; a lost answer is resolved
 * by looking in the gaining account, then in the losing one; while neither can be asked
 * the intent stays and {@link NumberRecovery} resolves it. The reassignment, its history
 * and the audit entries are written only once Twilio moved the number, so the number is
 * always tracked once, with the account that owns it.
 */
@Component
class NumberTransfers {

	private static final Logger log = LoggerFactory.getLogger(NumberTransfers.class);

	private final PhoneNumberRepository numbers;

	private final NumberCarrier carrier;

	private final ClientManagement clients;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final FriendlyNames names;

	private final NumberPlacement placement;

	private volatile String mainAccount;

	NumberTransfers(PhoneNumberRepository numbers, NumberCarrier carrier, ClientManagement clients,
			ApplicationEventPublisher events, PlatformTransactionManager transactionManager, Clock clock,
			FriendlyNames names, ObjectProvider<NumberPlacement> placement) {
		this.numbers = numbers;
		this.carrier = carrier;
		this.clients = clients;
		this.events = events;
		this.tx = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.names = names;
		this.placement = placement.getIfAvailable(() -> NumberPlacement.SHARED);
	}

	/**
	 * Moves the number to the client's account and then to the client.
	 * @throws CarrierRefusedException when Twilio refused (21613: the gaining account has
	 * no Address the number needs), explained; nothing changed
	 * @throws CarrierOutcomeUnknownException when Twilio's answer was lost and neither
	 * account could be asked yet (recovery resolves it)
	 */
	NumberLifecycle.ReassignResult transfer(TrackedNumber located, Client to, Long fromClientId, String fromAccount,
			String toAccount, String actor) {
		return transfer(located, to, fromClientId, fromAccount, toAccount, actor, false);
	}

	/**
	 * The transfer, to another client or (a relocation) to the account its own client's
	 * numbers belong in.
	 */
	NumberLifecycle.ReassignResult transfer(TrackedNumber located, Client to, Long fromClientId, String fromAccount,
			String toAccount, String actor, boolean relocation) {
		String target = (toAccount != null) ? toAccount : mainAccount();
		try {
			this.tx.executeWithoutResult((status) -> {
				TrackedNumber before = this.numbers.findByIdForUpdateNoWait(located.id()).orElseThrow().number();
				if (before.state() != PhoneNumberState.ACTIVE) {
					throw NumberConflictException.notActive(before, "reassign");
				}
				if (fromClientId != null && !fromClientId.equals(before.clientId())) {
					throw NumberConflictException.clientMismatch(before, fromClientId);
				}
				if (!relocation && Long.valueOf(to.id()).equals(before.clientId())) {
					throw NumberConflictException.sameClient(before);
				}
				if (relocation && !Long.valueOf(to.id()).equals(before.clientId())) {
					throw NumberConflictException.concurrentChange(before);
				}
				this.clients.lockActive(to.id());
				if (this.numbers.startTransfer(before.id(), target, to.id()) != 1) {
					throw new NumberConflictException("transfer-in-progress", before.e164()
							+ " is being moved between Twilio accounts; wait until that finishes and try again.");
				}
			});
		}
		catch (PessimisticLockingFailureException ex) {
			throw NumberConflictException.concurrentChange(located);
		}
		try {
			this.carrier.inAccount(fromAccount).transfer(located.sid(), target);
		}
		catch (CarrierOutcomeUnknownException lost) {
			return resolve(located.id(), actor, lost);
		}
		catch (CarrierException ex) {
			cancel(located, ex, actor, to);
			throw explained(ex, located, to);
		}
		return finish(located.id(), actor, "Moved from " + describe(fromAccount) + " to " + describe(toAccount) + ".");
	}

	/**
	 * Resolves a transfer whose outcome is not known: the gaining account owns the number
	 * → finished; the losing one still does → cancelled; neither can be asked → left for
	 * recovery.
	 * @param lost the lost answer, or {@code null} when recovery asks
	 */
	NumberLifecycle.ReassignResult resolve(long id, String actor, CarrierOutcomeUnknownException lost) {
		Optional<PhoneNumberRepository.Transfer> pending = this.numbers.transfer(id);
		TrackedNumber number = this.numbers.findById(id).orElseThrow().number();
		if (pending.isEmpty()) {
			return new NumberLifecycle.ReassignResult(number, List.of());
		}
		PhoneNumberRepository.Transfer transfer = pending.get();
		boolean inTarget;
		boolean inSource = false;
		try {
			inTarget = this.carrier.inAccount(transfer.toAccount()).fetch(number.sid()).isPresent();
			if (!inTarget) {
				inSource = this.carrier.inAccount(transfer.fromAccount()).fetch(number.sid()).isPresent();
			}
		}
		catch (CarrierException ex) {
			return unresolved(number, actor, lost);
		}
		if (inTarget) {
			log.warn("Twilio's answer to the transfer of {} was lost, but the gaining account owns it", number.e164());
			return finish(id, actor, "Twilio's answer was lost; the number was found in the gaining account ("
					+ describe(transfer.toAccount()) + ").");
		}
		if (inSource) {
			CarrierUnavailableException notMoved = new CarrierUnavailableException(
					"Twilio's answer to the move of " + number.e164() + " was lost and the number is still in "
							+ describe(transfer.fromAccount()) + ": nothing moved. Try again.",
					null, null, null, null, lost);
			cancel(number, notMoved, actor, null);
			throw notMoved;
		}
		return unresolved(number, actor, lost);
	}

	/**
	 * Recovery: resolves transfers in flight since before the cut-off.
	 */
	int recover(java.time.Instant before, int limit) {
		int resolved = 0;
		for (long id : this.numbers.findTransfersOlderThan(before, limit)) {
			try {
				resolve(id, NumberLifecycle.SYSTEM, null);
				if (this.numbers.transfer(id).isEmpty()) {
					resolved++;
				}
			}
			catch (RuntimeException ex) {
				log.warn("Recovery could not resolve the transfer of number row {} yet: {}", id, ex.getMessage());
			}
		}
		return resolved;
	}

	private NumberLifecycle.ReassignResult unresolved(TrackedNumber number, String actor,
			CarrierOutcomeUnknownException lost) {
		String detail = "Twilio's answer to the move of " + number.e164()
				+ " between accounts was lost and neither account could be asked yet. It stays with its current client "
				+ "until recovery finds where it is; it is never lost or tracked twice.";
		try {
			this.tx.executeWithoutResult((status) -> {
				this.numbers.touch(number.id());
				this.events.publishEvent(new NumberStepFailed(actor, this.clock.instant(), "TRANSFER", "UNKNOWN",
						number.id(), number.e164(), number.sid(), number.clientId(),
						(lost != null) ? lost.carrierCode() : null, detail));
			});
		}
		catch (RuntimeException ex) {
			log.warn("Could not record the unknown transfer of row {}: {}", number.id(), ex.getMessage());
		}
		throw new CarrierOutcomeUnknownException(detail, (lost != null) ? lost.carrierCode() : null, null, null, null,
				lost);
	}

	private NumberLifecycle.ReassignResult finish(long id, String actor, String how) {
		TrackedNumber[] change;
		String[] accounts = new String[2];
		String main = mainAccount();
		try {
			change = this.tx.execute((status) -> {
				TrackedNumber before = this.numbers.findByIdForUpdateNoWait(id).orElseThrow().number();
				Optional<PhoneNumberRepository.Transfer> pending = this.numbers.transfer(id);
				if (pending.isEmpty()) {
					return new TrackedNumber[] { before, before };
				}
				PhoneNumberRepository.Transfer transfer = pending.get();
				accounts[0] = transfer.fromAccount();
				accounts[1] = transfer.toAccount().equals(main) ? null : transfer.toAccount();
				Client to = this.clients.get(transfer.toClient());
				this.numbers.endTransfer(id, accounts[1], true);
				if (Long.valueOf(to.id()).equals(before.clientId())) {
					TrackedNumber same = this.numbers.findById(id).orElseThrow().number();
					this.events.publishEvent(new NumberTransferred(actor, this.clock.instant(), id, same.e164(),
							same.sid(), to.id(), how));
					return new TrackedNumber[] { before, same };
				}
				this.numbers.assignClient(id, to.id(), before.version());
				if (before.clientId() != null) {
					this.numbers.closeAssignment(id, actor);
				}
				this.numbers.openAssignment(id, to.id(), actor);
				this.numbers.setFriendlyName(id, NumberLifecycle.friendlyNameFor(to));
				TrackedNumber after = this.numbers.findById(id).orElseThrow().number();
				this.events.publishEvent(new NumberTransferred(actor, this.clock.instant(), id, after.e164(),
						after.sid(), to.id(), how));
				this.events.publishEvent(new NumberReassigned(actor, this.clock.instant(), before, after));
				return new TrackedNumber[] { before, after };
			});
		}
		catch (PessimisticLockingFailureException ex) {
			TrackedNumber current = this.numbers.findById(id).orElseThrow().number();
			throw NumberConflictException.concurrentChange(current);
		}
		TrackedNumber after = change[1];
		if (change[0] == change[1]) {
			return new NumberLifecycle.ReassignResult(after, List.of());
		}
		List<String> warnings = new ArrayList<>();
		FriendlyNames.Outcome renamed = this.names.follow(id, actor);
		if (renamed.status() == FriendlyNames.Status.FAILED || renamed.status() == FriendlyNames.Status.UNCONFIRMED) {
			warnings
				.add("The number moved, but its friendly name in Twilio could not be confirmed: " + renamed.problem());
		}
		warnings.addAll(this.placement.afterMove(change[0], after, accounts[0], accounts[1], actor));
		return new NumberLifecycle.ReassignResult(after, warnings);
	}

	private void cancel(TrackedNumber number, CarrierException ex, String actor, Client to) {
		String outcome = (ex instanceof CarrierRefusedException) ? "REFUSED" : "FAILED";
		try {
			this.tx.executeWithoutResult((status) -> {
				this.numbers.endTransfer(number.id(), null, false);
				this.events.publishEvent(new NumberStepFailed(actor, this.clock.instant(), "TRANSFER", outcome,
						number.id(), number.e164(), number.sid(), (to != null) ? to.id() : number.clientId(),
						ex.carrierCode(), ex.getMessage()));
			});
		}
		catch (RuntimeException dbFailed) {
			log.warn("Could not record the failed transfer of row {}: {}", number.id(), dbFailed.getMessage());
			ex.addSuppressed(dbFailed);
		}
	}

	/**
	 * Twilio's refusal with what the operator can do about it.
	 */
	private static CarrierException explained(CarrierException ex, TrackedNumber number, Client to) {
		if (!(ex instanceof CarrierRefusedException)) {
			return ex;
		}
		Integer code = ex.carrierCode();
		String advice;
		if (Integer.valueOf(21613).equals(code) || Integer.valueOf(21631).equals(code)) {
			advice = "Twilio requires an Address that satisfies " + number.e164() + " in " + to.name()
					+ "'s subaccount before the number can move there. Add the client's address on its phone page "
					+ "(Tenancy), then reassign again.";
		}
		else if (Integer.valueOf(21472).equals(code)) {
			advice = to.name() + "'s subaccount is not active (suspended or closed) in Twilio; reactivate it first.";
		}
		else if (Integer.valueOf(21473).equals(code) || Integer.valueOf(21470).equals(code)) {
			advice = to.name() + "'s subaccount is not a subaccount of this Twilio account; check the client's "
					+ "tenancy settings.";
		}
		else if (Integer.valueOf(21474).equals(code)) {
			advice = "Only the main account's credentials can move numbers: the service must run with them.";
		}
		else {
			return ex;
		}
		return new CarrierRefusedException("Twilio refused to move " + number.e164() + " to " + to.name() + " (Twilio "
				+ "error " + code + "): " + advice + " Nothing changed.", code, ex.carrierMessage(), ex.moreInfo(),
				ex.httpStatus(), ex);
	}

	private String mainAccount() {
		String main = this.mainAccount;
		if (main == null) {
			main = this.carrier.account().sid();
			this.mainAccount = main;
		}
		return main;
	}

	private static String describe(String account) {
		return (account == null) ? "the main account" : "the client's subaccount";
	}

}
