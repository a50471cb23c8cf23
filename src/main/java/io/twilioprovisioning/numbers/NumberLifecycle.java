package io.twilioprovisioning.numbers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.twilioprovisioning.clients.Client;
import io.twilioprovisioning.clients.ClientManagement;
import io.twilioprovisioning.platform.DomainException;
import io.twilioprovisioning.platform.ProvisioningMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every step of a number's life: search, purchase, configure, reassign, release, and the
 * account overview. It keeps the invariants of docs/design.md: the purchase intent is
 * recorded before Twilio is called, an unknown outcome is resolved by looking before
 * buying again, an idempotency key replays its first result, release is idempotent,
 * reassignment is one locked transaction, and every step is published for the audit
 * trail.
 *
 * <p>
 * No database transaction stays open while Twilio is called. When the database fails
 * after Twilio acted, the caller gets an unknown outcome (502), never a generic error,
 * and the row stays in flight for recovery (docs/lifecycle.md).
 */
@Service
public class NumberLifecycle {

	static final String SYSTEM = "system";

	private static final Logger log = LoggerFactory.getLogger(NumberLifecycle.class);

	private final PhoneNumberRepository numbers;

	private final NumberCarrier carrier;

	private final ClientManagement clients;

	private final WebhookPolicy policy;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate tx;

	private final ProvisioningMode mode;

	private final Clock clock;

	private final FriendlyNames names;

	private final AreaCodePicker picker;

	private final NumberPlacement placement;

	private final NumberTransfers transfers;

	private final ReleaseProperties release;

	NumberLifecycle(PhoneNumberRepository numbers, NumberCarrier carrier, ClientManagement clients,
			WebhookPolicy policy, ApplicationEventPublisher events, PlatformTransactionManager transactionManager,
			ProvisioningMode mode, Clock clock, FriendlyNames names, AreaCodePicker picker,
			ObjectProvider<NumberPlacement> placement, NumberTransfers transfers, ReleaseProperties release) {
		this.transfers = transfers;
		this.release = release;
		this.placement = placement.getIfAvailable(() -> NumberPlacement.SHARED);
		this.numbers = numbers;
		this.carrier = carrier;
		this.clients = clients;
		this.policy = policy;
		this.events = events;
		this.tx = new TransactionTemplate(transactionManager);
		this.mode = mode;
		this.clock = clock;
		this.names = names;
		this.picker = picker;
	}

	/**
	 * Searches the numbers for sale.
	 */
	public SearchResult search(SearchCriteria criteria) {
		return new SearchResult(this.carrier.search(criteria), this.mode);
	}

	/**
	 * Buys a number for a client with the policy's webhooks and the client's name.
	 * @throws NumberConflictException when the number is already tracked or being bought,
	 * the idempotency key was used for another purchase, or no number is left for sale in
	 * the area code
	 * @throws CarrierRefusedException when Twilio refused (the intent ends
	 * {@code FAILED})
	 * @throws CarrierUnavailableException when Twilio failed and nothing was bought
	 * @throws CarrierOutcomeUnknownException when Twilio's answer was lost and could not
	 * be resolved yet, or the database failed after Twilio sold the number (recovery
	 * resolves both)
	 */
	public PurchaseResult purchase(PurchaseCommand command) {
		Client client = this.clients.getActive(command.clientId());
		String friendlyName = (command.friendlyName() != null) ? command.friendlyName() : friendlyNameFor(client);
		if (command.idempotencyKey() != null) {
			Optional<PhoneNumberRepository.Row> existing = this.numbers.findByIdempotencyKey(command.idempotencyKey());
			if (existing.isPresent()) {
				return replay(existing.get(), command);
			}
		}
		String e164 = (command.phoneNumber() != null) ? command.phoneNumber().value() : null;
		String areaCode = (command.phoneNumber() != null) ? null : command.areaCode();
		NumberPlacement.Placement placed = this.placement.prepare(client, command.phoneNumber());
		NumberCarrier account = this.carrier.inAccount(placed.accountSid());
		long id;
		try {
			id = this.tx.execute((status) -> {
				this.clients.lockActive(command.clientId());
				return this.numbers.insertPurchasing(e164, areaCode, command.clientId(), friendlyName,
						command.idempotencyKey(), command.fingerprint(), placed.accountSid());
			});
		}
		catch (DuplicateKeyException ex) {
			return onDuplicateIntent(command);
		}
		E164Number target = (command.phoneNumber() != null) ? command.phoneNumber()
				: pickInAreaCode(id, command.areaCode(), command.actor());
		OwnedNumber owned;
		try {
			owned = account.purchase(PurchaseOrder.number(target, friendlyName, this.policy.defaults())
				.withRequirements(placed.addressSid(), placed.bundleSid()));
		}
		catch (CarrierRefusedException ex) {
			fail(id, ex, ex.carrierCode(), "REFUSED", command.actor());
			throw ex;
		}
		catch (CarrierUnavailableException ex) {
			fail(id, ex, ex.carrierCode(), "FAILED", command.actor());
			throw ex;
		}
		catch (CarrierOutcomeUnknownException ex) {
			return joined(resolveLostPurchase(account, id, target, command.actor(), ex), placed, command.actor());
		}
		return joined(new PurchaseResult(completeBought(id, owned, target, command.actor(), false), false, false),
				placed, command.actor());
	}

	/**
	 * Lets the placement join the bought number to its client's Messaging Service; what
	 * fails there is a warning, the number is bought.
	 */
	private PurchaseResult joined(PurchaseResult result, NumberPlacement.Placement placed, String actor) {
		if (result.number().state() != PhoneNumberState.ACTIVE) {
			return result;
		}
		List<String> warnings = this.placement.afterPurchase(result.number(), placed.accountSid(), actor);
		return warnings.isEmpty() ? result
				: new PurchaseResult(result.number(), result.replayed(), result.adopted(), warnings);
	}

	/**
	 * The carrier acting on the account a tracked number lives in.
	 */
	NumberCarrier carrierFor(long id) {
		return this.carrier.inAccount(this.numbers.accountSid(id));
	}

	private PurchaseResult onDuplicateIntent(PurchaseCommand command) {
		if (command.idempotencyKey() != null) {
			Optional<PhoneNumberRepository.Row> sameKey = this.numbers.findByIdempotencyKey(command.idempotencyKey());
			if (sameKey.isPresent()) {
				return replay(sameKey.get(), command);
			}
		}
		if (command.phoneNumber() == null) {
			throw NumberConflictException.purchaseInProgress("area code " + command.areaCode());
		}
		String e164 = command.phoneNumber().value();
		TrackedNumber existing = this.numbers.findLiveByE164(e164)
			.map(PhoneNumberRepository.Row::number)
			.orElseThrow(() -> NumberConflictException.purchaseInProgress(e164));
		if (existing.state() == PhoneNumberState.PURCHASING) {
			throw NumberConflictException.purchaseInProgress(e164);
		}
		throw NumberConflictException.alreadyTracked(existing);
	}

	private PurchaseResult replay(PhoneNumberRepository.Row row, PurchaseCommand command) {
		if (!command.fingerprint().equals(row.fingerprint())) {
			throw NumberConflictException.idempotencyKeyReused();
		}
		TrackedNumber number = row.number();
		return switch (number.state()) {
			case PURCHASING -> throw NumberConflictException.purchaseInProgress(
					(number.e164() != null) ? number.e164() : "area code " + number.requestedAreaCode());
			case FAILED -> throw replayedFailure(row);
			default -> new PurchaseResult(number, true, false);
		};
	}

	/**
	 * The failure of a purchase again, as the same problem: Twilio's code only when
	 * Twilio sent one.
	 */
	private static DomainException replayedFailure(PhoneNumberRepository.Row row) {
		TrackedNumber number = row.number();
		String reason = "This idempotency key's purchase failed: " + number.failureReason();
		Integer code = number.failureCode();
		String link = (code != null) ? "https://www.twilio.com/docs/errors/" + code : null;
		if (NumberConflictException.NO_NUMBER_FOR_SALE.equals(row.failureProblem())) {
			return new NumberConflictException(NumberConflictException.NO_NUMBER_FOR_SALE, reason);
		}
		if ("twilio-refused".equals(row.failureProblem()) || (row.failureProblem() == null && code != null)) {
			return new CarrierRefusedException(reason, code, null, link, null, null);
		}
		return new CarrierUnavailableException(reason, code, null, link, null, null);
	}

	/**
	 * Resolves a purchase by area code to one exact number ({@link AreaCodePicker}).
	 * @throws NumberConflictException {@code no-number-for-sale} when no number is left,
	 * without a Twilio code: Twilio refused nothing
	 */
	private E164Number pickInAreaCode(long id, String areaCode, String actor) {
		Optional<E164Number> picked;
		try {
			picked = this.picker.pick(id, areaCode);
		}
		catch (CarrierException ex) {
			fail(id, ex, ex.carrierCode(), (ex instanceof CarrierRefusedException) ? "REFUSED" : "FAILED", actor);
			throw ex;
		}
		if (picked.isPresent()) {
			return picked.get();
		}
		NumberConflictException none = NumberConflictException.noNumberForSale(areaCode);
		fail(id, none, null, "FAILED", actor);
		throw none;
	}

	private PurchaseResult resolveLostPurchase(NumberCarrier account, long id, E164Number target, String actor,
			CarrierOutcomeUnknownException lost) {
		Optional<OwnedNumber> owned;
		try {
			owned = account.findByPhoneNumber(target);
		}
		catch (CarrierException lookupFailed) {
			recordUnknownPurchase(id, target, actor, lost.carrierCode(),
					"Twilio's answer was lost and the number could not be looked up yet; recovery will resolve it");
			throw new CarrierOutcomeUnknownException("Twilio's answer to the purchase of " + target.value()
					+ " was lost and Twilio could not be asked whether it went through. The number stays 'purchasing' "
					+ "and will be resolved automatically; it will not be bought twice.", lost.carrierCode(),
					lost.carrierMessage(), lost.moreInfo(), lost.httpStatus(), lost);
		}
		if (owned.isPresent()) {
			log.warn("Purchase answer for {} was lost, but the account owns it: adopting {}", target,
					owned.get().sid());
			return new PurchaseResult(completeBought(id, owned.get(), target, actor, true), false, true);
		}
		CarrierUnavailableException notBought = new CarrierUnavailableException(
				"Twilio's answer to the purchase of " + target.value()
						+ " was lost and the account does not own the number: nothing was bought.",
				lost.carrierCode(), lost.carrierMessage(), lost.moreInfo(), lost.httpStatus(), lost);
		fail(id, notBought, notBought.carrierCode(), "FAILED", actor);
		throw notBought;
	}

	/**
	 * {@link #complete} for a number Twilio just sold: when the database fails before the
	 * purchase is recorded, the outcome is unknown to the caller (502), the intent stays
	 * {@code PURCHASING}, and recovery adopts the number later; it is never bought twice.
	 */
	private TrackedNumber completeBought(long id, OwnedNumber owned, E164Number target, String actor, boolean adopted) {
		try {
			return complete(id, owned, actor, adopted);
		}
		catch (DataAccessException | TransactionException ex) {
			log.error("Twilio sold {} ({}) but the database failed before the purchase was recorded; recovery will "
					+ "adopt it: {}", target, owned.sid(), ex.getMessage());
			recordUnknownPurchase(id, target, actor, null,
					"Twilio sold the number but the database failed before it was recorded; recovery will adopt it");
			throw new CarrierOutcomeUnknownException("Twilio sold " + target.value()
					+ ", but the database failed before the purchase was recorded. The number stays 'purchasing' "
					+ "and will be adopted automatically; it will not be bought twice.", null, null, null, null, ex);
		}
	}

	/**
	 * Keeps a purchase in flight for recovery, audited as {@code UNKNOWN}; when the
	 * database is down too, recovery finds the row as it is.
	 */
	private void recordUnknownPurchase(long id, E164Number target, String actor, Integer code, String detail) {
		try {
			this.tx.executeWithoutResult((status) -> {
				this.numbers.touch(id);
				this.events.publishEvent(new NumberStepFailed(actor, this.clock.instant(), "PURCHASE", "UNKNOWN", id,
						target.value(), null, null, code, detail));
			});
		}
		catch (DataAccessException | TransactionException ex) {
			log.warn("Could not record the unknown outcome of purchase row {}: {}", id, ex.getMessage());
		}
	}

	/**
	 * Moves a purchase intent to {@code ACTIVE} with what Twilio reported, opens the
	 * client's assignment and publishes {@code NumberPurchased}; when the intent was
	 * closed meanwhile, the number is still tracked (unassigned) so it is never lost.
	 */
	TrackedNumber complete(long id, OwnedNumber owned, String actor, boolean adopted) {
		TrackedNumber number = this.tx.execute((status) -> {
			TrackedNumber intent = this.numbers.findById(id).orElseThrow().number();
			if (this.numbers.markActive(id, owned) == 1) {
				if (intent.clientId() != null) {
					this.numbers.openAssignment(id, intent.clientId(), actor);
				}
				TrackedNumber active = this.numbers.findById(id).orElseThrow().number();
				this.events.publishEvent(new NumberPurchased(actor, this.clock.instant(), active, adopted));
				return active;
			}
			return intent;
		});
		if (number == null || number.state() != PhoneNumberState.ACTIVE || !owned.sid().equals(number.sid())) {
			return adoptUntracked(id, owned, actor);
		}
		return number;
	}

	/**
	 * A number Twilio sold us whose intent row was meanwhile closed (recovery decided
	 * before the answer came): track it anyway, unassigned, so it is never lost.
	 */
	private TrackedNumber adoptUntracked(long intentId, OwnedNumber owned, String actor) {
		return this.tx.execute((status) -> {
			Optional<PhoneNumberRepository.Row> live = this.numbers.findLiveBySid(owned.sid());
			if (live.isPresent()) {
				return live.get().number();
			}
			long id = this.numbers.insertAdopted(owned);
			this.numbers.setAccount(id, this.numbers.accountSid(intentId));
			TrackedNumber adopted = this.numbers.findById(id).orElseThrow().number();
			log.error("Twilio sold {} after its purchase was closed; tracked as unassigned row {}", owned.phoneNumber(),
					id);
			this.events.publishEvent(new NumberPurchased(actor, this.clock.instant(), adopted, true));
			return adopted;
		});
	}

	/**
	 * Closes a purchase that bought nothing, audited. When the database fails too, the
	 * intent stays {@code PURCHASING} and recovery closes it; the caller still gets the
	 * failure itself.
	 * @param code Twilio's error code, only when Twilio sent one
	 */
	private void fail(long id, DomainException ex, Integer code, String outcome, String actor) {
		try {
			this.tx.executeWithoutResult((status) -> {
				TrackedNumber intent = this.numbers.findById(id).orElseThrow().number();
				this.numbers.markFailed(id, code, ex.getMessage(), ex.problem());
				this.events.publishEvent(new NumberStepFailed(actor, this.clock.instant(), "PURCHASE", outcome, id,
						intent.e164(), null, intent.clientId(), code, ex.getMessage()));
			});
		}
		catch (DataAccessException | TransactionException dbFailed) {
			log.warn("Could not record the failed purchase row {}; recovery will close it: {}", id,
					dbFailed.getMessage());
			ex.addSuppressed(dbFailed);
		}
	}

	/**
	 * Sets a number's webhooks: the given values (others unchanged), or the policy's.
	 * @throws CarrierOutcomeUnknownException when Twilio applied them but the database
	 * failed before they were recorded (repeating is safe)
	 */
	public TrackedNumber configure(NumberRef ref, WebhookConfig requested, boolean useDefaults, String actor) {
		TrackedNumber before = findLive(ref);
		if (before.state() != PhoneNumberState.ACTIVE) {
			throw NumberConflictException.notActive(before, "configure");
		}
		refuseWhenScheduled(before, "configure");
		WebhookConfig target = useDefaults ? this.policy.defaults() : merge(before.webhooks(), requested);
		this.policy.validate(target);
		if (target.voiceFallbackUrl() != null && target.voiceUrl() == null) {
			throw new InvalidWebhookUrlException("voiceFallbackUrl", "needs a voiceUrl");
		}
		if (target.smsFallbackUrl() != null && target.smsUrl() == null) {
			throw new InvalidWebhookUrlException("smsFallbackUrl", "needs an smsUrl");
		}
		return applyWebhooks(before, target, actor).orElseThrow(() -> NumberConflictException.concurrentChange(before));
	}

	/**
	 * Like {@link #configure}, for a request that may have reached Twilio before its
	 * caller stopped (a job resumed after a crash): asks Twilio first and, when the
	 * number there already has the target webhooks, only records them, so Twilio is not
	 * changed twice.
	 * @return the number after
	 */
	public TrackedNumber configureAfterInterruption(NumberRef ref, WebhookConfig requested, boolean useDefaults,
			String actor) {
		TrackedNumber before = findLive(ref);
		if (before.state() != PhoneNumberState.ACTIVE) {
			throw NumberConflictException.notActive(before, "configure");
		}
		WebhookConfig target = useDefaults ? this.policy.defaults() : merge(before.webhooks(), requested);
		Optional<OwnedNumber> inTwilio = this.carrier.fetch(before.sid());
		if (inTwilio.isEmpty() || !includes(inTwilio.get().webhooks(), target)) {
			return configure(ref, requested, useDefaults, actor);
		}
		return Optional.ofNullable(this.tx.execute((status) -> {
			if (this.numbers.updateWebhooks(before.id(), inTwilio.get().webhooks()) != 1) {
				return null;
			}
			TrackedNumber after = this.numbers.findById(before.id()).orElseThrow().number();
			this.events.publishEvent(new NumberConfigured(actor, this.clock.instant(), before, after));
			return after;
		})).orElseThrow(() -> NumberConflictException.concurrentChange(before));
	}

	private static boolean includes(WebhookConfig actual, WebhookConfig target) {
		WebhookConfig a = (actual != null) ? actual : WebhookConfig.NONE;
		return same(target.voiceUrl(), a.voiceUrl()) && same(target.voiceMethod(), a.voiceMethod())
				&& same(target.voiceFallbackUrl(), a.voiceFallbackUrl()) && same(target.smsUrl(), a.smsUrl())
				&& same(target.smsMethod(), a.smsMethod()) && same(target.smsFallbackUrl(), a.smsFallbackUrl())
				&& same(target.statusCallback(), a.statusCallback());
	}

	private static boolean same(Object wanted, Object actual) {
		return wanted == null || wanted.equals(actual);
	}

	/**
	 * Sends webhooks to Twilio and stores what Twilio applied, audited as
	 * {@code CONFIGURE} (a Twilio failure too).
	 * @return the number after, or empty when the row stopped being active meanwhile
	 */
	Optional<TrackedNumber> applyWebhooks(TrackedNumber before, WebhookConfig target, String actor) {
		OwnedNumber updated;
		try {
			updated = carrierFor(before.id()).update(before.sid(), new NumberUpdate(null, target));
		}
		catch (CarrierException ex) {
			recordFailure("CONFIGURE", before, ex, actor);
			throw ex;
		}
		WebhookConfig applied = (updated.webhooks() != null) ? updated.webhooks() : target;
		try {
			return Optional.ofNullable(this.tx.execute((status) -> {
				TrackedNumber current = this.numbers.findById(before.id()).orElseThrow().number();
				if (this.numbers.updateWebhooks(before.id(), applied) != 1) {
					return null;
				}
				TrackedNumber after = this.numbers.findById(before.id()).orElseThrow().number();
				this.events.publishEvent(new NumberConfigured(actor, this.clock.instant(), current, after));
				return after;
			}));
		}
		catch (DataAccessException | TransactionException ex) {
			log.error("Twilio applied the webhooks of {} but the database failed before they were recorded: {}",
					before.e164(), ex.getMessage());
			throw new CarrierOutcomeUnknownException("Twilio applied the webhooks of " + before.e164()
					+ ", but the database failed before they were recorded, so the number's page may show the old "
					+ "ones. Repeat the request when the database is back; repeating it is safe.", null, null, null,
					null, ex);
		}
	}

	private static WebhookConfig merge(WebhookConfig current, WebhookConfig requested) {
		WebhookConfig base = (current != null) ? current : WebhookConfig.NONE;
		return new WebhookConfig(pick(requested.voiceUrl(), base.voiceUrl()),
				pick(requested.voiceMethod(), base.voiceMethod()),
				pick(requested.voiceFallbackUrl(), base.voiceFallbackUrl()), pick(requested.smsUrl(), base.smsUrl()),
				pick(requested.smsMethod(), base.smsMethod()), pick(requested.smsFallbackUrl(), base.smsFallbackUrl()),
				pick(requested.statusCallback(), base.statusCallback()));
	}

	private static <T> T pick(T requested, T current) {
		return (requested != null) ? requested : current;
	}

	/**
	 * Moves a number to another client in one locked transaction; the friendly name
	 * follows the new client, in the inventory at once and in Twilio after the commit,
	 * where the last owner's name wins over renames of earlier reassignments that arrive
	 * late ({@link FriendlyNames}).
	 * @param fromClientId when not {@code null}, the client the number must belong to now
	 * @return the result, with a warning when Twilio's friendly name could not follow
	 */
	public ReassignResult reassign(NumberRef ref, long toClientId, Long fromClientId, String actor) {
		Client to = this.clients.getActive(toClientId);
		TrackedNumber located = findLive(ref);
		refuseWhenScheduled(located, "reassign");
		if (located.state() == PhoneNumberState.ACTIVE) {
			String fromAccount = this.numbers.accountSid(located.id());
			String toAccount = this.placement.accountFor(to);
			if (!java.util.Objects.equals(fromAccount, toAccount)) {
				return this.transfers.transfer(located, to, fromClientId, fromAccount, toAccount, actor);
			}
		}
		String friendlyName = friendlyNameFor(to);
		TrackedNumber[] change;
		try {
			change = this.tx.execute((status) -> {
				TrackedNumber before = this.numbers.findByIdForUpdateNoWait(located.id()).orElseThrow().number();
				if (before.state() != PhoneNumberState.ACTIVE) {
					throw NumberConflictException.notActive(before, "reassign");
				}
				refuseWhenScheduled(before, "reassign");
				if (fromClientId != null && !fromClientId.equals(before.clientId())) {
					throw NumberConflictException.clientMismatch(before, fromClientId);
				}
				if (Long.valueOf(to.id()).equals(before.clientId())) {
					throw NumberConflictException.sameClient(before);
				}
				this.clients.lockActive(to.id());
				this.numbers.assignClient(before.id(), to.id(), before.version());
				if (before.clientId() != null) {
					this.numbers.closeAssignment(before.id(), actor);
				}
				this.numbers.openAssignment(before.id(), to.id(), actor);
				this.numbers.setFriendlyName(before.id(), friendlyName);
				TrackedNumber after = this.numbers.findById(before.id()).orElseThrow().number();
				this.events.publishEvent(new NumberReassigned(actor, this.clock.instant(), before, after));
				return new TrackedNumber[] { before, after };
			});
		}
		catch (PessimisticLockingFailureException ex) {
			throw NumberConflictException.concurrentChange(located);
		}
		TrackedNumber after = change[1];
		FriendlyNames.Outcome renamed = this.names.follow(after.id(), actor);
		List<String> warnings = new java.util.ArrayList<>(switch (renamed.status()) {
			case RENAMED, NOT_ACTIVE -> List.<String>of();
			case FAILED -> List.of("The number now belongs to " + to.name()
					+ ", but its friendly name in Twilio could not be changed: " + renamed.problem());
			case UNCONFIRMED -> List.of("The number now belongs to " + to.name() + ". " + renamed.problem());
		});
		String account = this.numbers.accountSid(after.id());
		warnings.addAll(this.placement.afterMove(change[0], after, account, account, actor));
		return new ReassignResult(after, List.copyOf(warnings));
	}

	/**
	 * Moves a number into the account its client's numbers belong in (the migration of a
	 * shared inventory into per-client subaccounts, one number at a time), with the
	 * transfer's safety; a number already there, or without a client, is left as it is.
	 * @return the number, and whether it moved
	 */
	public RelocationResult relocate(NumberRef ref, String actor) {
		TrackedNumber located = findLive(ref);
		if (located.state() != PhoneNumberState.ACTIVE) {
			throw NumberConflictException.notActive(located, "move");
		}
		if (located.clientId() == null) {
			return new RelocationResult(located, false, List.of("The number has no client, so it stays where it is."));
		}
		Client client = this.clients.get(located.clientId());
		String fromAccount = this.numbers.accountSid(located.id());
		String toAccount = this.placement.accountFor(client);
		if (java.util.Objects.equals(fromAccount, toAccount)) {
			return new RelocationResult(located, false, List.of());
		}
		ReassignResult moved = this.transfers.transfer(located, client, null, fromAccount, toAccount, actor, true);
		return new RelocationResult(moved.number(), true, moved.warnings());
	}

	/**
	 * Whether the number lives in the account its client's numbers belong in.
	 */
	public boolean inPlace(TrackedNumber number) {
		if (number.clientId() == null || number.state() != PhoneNumberState.ACTIVE) {
			return true;
		}
		return java.util.Objects.equals(this.numbers.accountSid(number.id()),
				this.placement.accountFor(this.clients.get(number.clientId())));
	}

	/**
	 * The live number with this SID, if any.
	 */
	public Optional<TrackedNumber> findLiveBySid(String sid) {
		return this.numbers.findLiveBySid(sid).map(PhoneNumberRepository.Row::number);
	}

	/**
	 * Records the account Twilio has a number in (drift found by a check across
	 * accounts), audited as {@code RECONCILE}.
	 */
	public void recordAccount(long id, String accountSid, String actor) {
		if (java.util.Objects.equals(this.numbers.accountSid(id), accountSid)) {
			return;
		}
		this.tx.executeWithoutResult((status) -> {
			TrackedNumber number = this.numbers.findById(id).orElseThrow().number();
			this.numbers.setAccount(id, accountSid);
			this.events.publishEvent(new NumberTransferred(actor, this.clock.instant(), id, number.e164(), number.sid(),
					number.clientId(), "Twilio has the number in "
							+ ((accountSid == null) ? "the main account" : "another subaccount") + "; recorded."));
		});
	}

	/**
	 * The Twilio account a tracked number lives in; {@code null} is the main account.
	 */
	public String accountOf(long id) {
		return this.numbers.accountSid(id);
	}

	/**
	 * Releases a number back to Twilio. Idempotent: a released number answers as such,
	 * and Twilio's 404 means it is already gone.
	 * @param confirm must repeat the number
	 * @throws CarrierOutcomeUnknownException when Twilio released it but the database
	 * failed before it was recorded (recovery finishes it)
	 */
	public TrackedNumber release(NumberRef ref, String confirm, String actor) {
		TrackedNumber before = findLatest(ref);
		Optional<E164Number> confirmed = E164Number.tryParse(confirm, before.phoneNumber().region());
		if (confirmed.isEmpty() || !confirmed.get().equals(before.phoneNumber())) {
			throw new ConfirmationMismatchException(before.e164());
		}
		if (before.state() == PhoneNumberState.RELEASED) {
			return before;
		}
		if (before.state() == PhoneNumberState.ACTIVE) {
			Integer moved = this.tx.execute((status) -> this.numbers.markReleasing(before.id()));
			if (moved == null || moved != 1) {
				throw NumberConflictException.concurrentChange(before);
			}
		}
		else if (before.state() != PhoneNumberState.RELEASING) {
			throw NumberConflictException.notActive(before, "release");
		}
		return finishRelease(before, actor);
	}

	/**
	 * Releases a number the way this installation is configured to: at once, or scheduled
	 * after the undo window ({@code provisioning.release.undo-window}, ADR 0031).
	 * @param confirm must repeat the number
	 * @return the number after: released, or still active with
	 * {@link TrackedNumber#releaseScheduledAt()} set
	 */
	public TrackedNumber requestRelease(NumberRef ref, String confirm, String actor) {
		return this.release.windowOn() ? scheduleRelease(ref, confirm, this.release.undoWindow(), actor)
				: release(ref, confirm, actor);
	}

	/**
	 * Whether releases wait for an undo window.
	 */
	public boolean releaseWindowOn() {
		return this.release.windowOn();
	}

	/**
	 * Schedules a number's release after an undo window: the number stays active and
	 * routed, marked as releasing, until the window ends and {@link #releaseDue} releases
	 * it. Idempotent: a number already scheduled keeps its first time, a released number
	 * answers as such.
	 * @param confirm must repeat the number
	 * @param window how long the release waits
	 * @return the number after
	 */
	public TrackedNumber scheduleRelease(NumberRef ref, String confirm, Duration window, String actor) {
		TrackedNumber before = findLatest(ref);
		Optional<E164Number> confirmed = E164Number.tryParse(confirm, before.phoneNumber().region());
		if (confirmed.isEmpty() || !confirmed.get().equals(before.phoneNumber())) {
			throw new ConfirmationMismatchException(before.e164());
		}
		if (before.state() == PhoneNumberState.RELEASED || before.releaseScheduledAt() != null) {
			return before;
		}
		if (before.state() != PhoneNumberState.ACTIVE) {
			throw NumberConflictException.notActive(before, "release");
		}
		Instant at = this.clock.instant().plus(window);
		return this.tx.execute((status) -> {
			if (this.numbers.scheduleRelease(before.id(), at, actor) != 1) {
				TrackedNumber now = this.numbers.findById(before.id()).orElseThrow().number();
				if (now.releaseScheduledAt() != null || now.state() == PhoneNumberState.RELEASED) {
					return now;
				}
				throw NumberConflictException.concurrentChange(before);
			}
			TrackedNumber after = this.numbers.findById(before.id()).orElseThrow().number();
			this.events.publishEvent(new NumberReleaseScheduled(actor, this.clock.instant(), before, after));
			return after;
		});
	}

	/**
	 * Takes back a scheduled release: the number stays as it was, nothing happens at
	 * Twilio.
	 * @throws NumberConflictException when no release is scheduled (or it already
	 * started)
	 */
	public TrackedNumber undoRelease(long id, String actor) {
		TrackedNumber before = get(id);
		return this.tx.execute((status) -> {
			if (this.numbers.undoRelease(before.id()) != 1) {
				TrackedNumber now = this.numbers.findById(before.id()).orElseThrow().number();
				throw NumberConflictException.notScheduled(now);
			}
			TrackedNumber after = this.numbers.findById(before.id()).orElseThrow().number();
			this.events.publishEvent(new NumberReleaseUndone(actor, this.clock.instant(), before, after));
			return after;
		});
	}

	/**
	 * Releases the numbers whose undo window has ended, through the same steps, audit and
	 * recovery as an immediate release. Safe on every instance at once: a number moves to
	 * {@code RELEASING} only when it is still active and still due, so only one caller
	 * releases it and an Undo that came first wins.
	 * @return how many numbers this call released (Twilio failures are audited and
	 * retried by recovery)
	 */
	public int releaseDue(String actor) {
		return releaseDue(this.clock.instant(), actor);
	}

	/**
	 * {@link #releaseDue(String)} as if it were {@code now}: the tests' controllable
	 * clock.
	 */
	int releaseDue(Instant now, String actor) {
		int released = 0;
		for (long id : this.numbers.releaseDue(now, this.release.sweepBatchSize())) {
			TrackedNumber before = get(id);
			Integer moved = this.tx.execute((status) -> this.numbers.markReleasingIfDue(id, now));
			if (moved == null || moved != 1) {
				continue;
			}
			try {
				finishRelease(before, actor);
				released++;
			}
			catch (CarrierException ex) {
				log.warn("The scheduled release of {} failed; recovery retries it: {}", before.e164(), ex.getMessage());
			}
		}
		return released;
	}

	/**
	 * Deletes the number in Twilio and records it released. When the database fails after
	 * Twilio released it, the row stays {@code RELEASING} and recovery finishes it
	 * (Twilio then answers 404, "already gone").
	 * @throws CarrierOutcomeUnknownException when the database failed after Twilio
	 * released the number
	 */
	TrackedNumber finishRelease(TrackedNumber before, String actor) {
		boolean released;
		try {
			released = carrierFor(before.id()).release(before.sid());
		}
		catch (CarrierException ex) {
			recordFailure("RELEASE", before, ex, actor);
			try {
				this.tx.executeWithoutResult((status) -> this.numbers.touch(before.id()));
			}
			catch (DataAccessException | TransactionException dbFailed) {
				ex.addSuppressed(dbFailed);
			}
			throw ex;
		}
		try {
			return this.tx.execute((status) -> {
				if (this.numbers.markReleased(before.id()) == 1) {
					this.numbers.closeAssignment(before.id(), actor);
					TrackedNumber after = this.numbers.findById(before.id()).orElseThrow().number();
					this.events.publishEvent(new NumberReleased(actor, this.clock.instant(), before, after, !released));
					return after;
				}
				return this.numbers.findById(before.id()).orElseThrow().number();
			});
		}
		catch (DataAccessException | TransactionException ex) {
			log.error("Twilio released {} but the database failed before it was recorded; recovery will finish it: {}",
					before.e164(), ex.getMessage());
			throw new CarrierOutcomeUnknownException("Twilio released " + before.e164()
					+ ", but the database failed before it was recorded. The number stays 'releasing' and will be "
					+ "finished automatically.", null, null, null, null, ex);
		}
	}

	private static void refuseWhenScheduled(TrackedNumber number, String step) {
		if (number.releaseScheduledAt() != null) {
			throw NumberConflictException.releaseScheduled(number, step);
		}
	}

	/**
	 * Audits a step Twilio refused or failed; when the database is down too, the failure
	 * is logged and the caller still gets Twilio's answer.
	 */
	void recordFailure(String action, TrackedNumber number, CarrierException ex, String actor) {
		String outcome = (ex instanceof CarrierRefusedException) ? "REFUSED"
				: (ex instanceof CarrierOutcomeUnknownException) ? "UNKNOWN" : "FAILED";
		try {
			this.tx.executeWithoutResult((status) -> this.events
				.publishEvent(new NumberStepFailed(actor, this.clock.instant(), action, outcome, number.id(),
						number.e164(), number.sid(), number.clientId(), ex.carrierCode(), ex.getMessage())));
		}
		catch (DataAccessException | TransactionException dbFailed) {
			log.warn("Could not audit the failed {} of number row {}: {}", action, number.id(), dbFailed.getMessage());
			ex.addSuppressed(dbFailed);
		}
	}

	/**
	 * The account, its balance and the inventory counts. Twilio failures are reported in
	 * the overview, not thrown, so a dashboard still renders.
	 */
	public AccountOverview overview() {
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
		return new AccountOverview(this.mode, account, balance, counts(), error);
	}

	/**
	 * The inventory counts, from the database alone.
	 */
	public AccountOverview.Counts counts() {
		Map<PhoneNumberState, Long> byState = this.numbers.countByState();
		long owned = byState.getOrDefault(PhoneNumberState.ACTIVE, 0L);
		long assigned = this.numbers.countActiveAssigned();
		return new AccountOverview.Counts(owned, assigned, owned - assigned,
				byState.getOrDefault(PhoneNumberState.PURCHASING, 0L),
				byState.getOrDefault(PhoneNumberState.RELEASING, 0L),
				this.numbers.countActiveWithWebhooksOtherThan(this.policy.defaults()));
	}

	/**
	 * Every number matching the query, streamed from a database cursor (for exports).
	 * Must run inside a read-only transaction so PostgreSQL can use the cursor.
	 */
	public void forEach(NumberQuery query, java.util.function.Consumer<TrackedNumber> consumer) {
		this.tx.executeWithoutResult((status) -> this.numbers.forEach(query, consumer));
	}

	/**
	 * A tracked number by its database id.
	 */
	public TrackedNumber get(long id) {
		return this.numbers.findById(id)
			.map(PhoneNumberRepository.Row::number)
			.orElseThrow(() -> new NumberNotFoundException(NumberRef.ofSid("id " + id)));
	}

	/**
	 * Who had the number when, oldest first.
	 */
	public List<Assignment> history(long id) {
		return this.numbers.assignments(id)
			.stream()
			.map((a) -> new Assignment(a.clientId(), a.assignedAt(), a.assignedBy(), a.unassignedAt(),
					a.unassignedBy()))
			.toList();
	}

	/**
	 * The live row of a number: purchasing, active or releasing.
	 */
	public TrackedNumber findLive(NumberRef ref) {
		Optional<PhoneNumberRepository.Row> row = (ref.phoneNumber() != null)
				? this.numbers.findLiveByE164(ref.phoneNumber().value()) : this.numbers.findLiveBySid(ref.sid());
		return row.map(PhoneNumberRepository.Row::number).orElseThrow(() -> new NumberNotFoundException(ref));
	}

	private TrackedNumber findLatest(NumberRef ref) {
		return this.numbers.findLatest((ref.phoneNumber() != null) ? ref.phoneNumber().value() : null, ref.sid())
			.map(PhoneNumberRepository.Row::number)
			.filter((number) -> number.phoneNumber() != null && number.sid() != null)
			.orElseThrow(() -> new NumberNotFoundException(ref));
	}

	static String friendlyNameFor(Client client) {
		String name = client.name();
		return (name.length() > 64) ? name.substring(0, 64) : name;
	}

	/**
	 * One period during which a client had a number.
	 *
	 * @param clientId the client
	 * @param assignedAt from when
	 * @param assignedBy who gave it
	 * @param unassignedAt until when, or {@code null} while it lasts
	 * @param unassignedBy who took it away
	 */
	@org.jspecify.annotations.NullMarked
	public record Assignment(long clientId, java.time.Instant assignedAt, String assignedBy,
			java.time.@org.jspecify.annotations.Nullable Instant unassignedAt,
			@org.jspecify.annotations.Nullable String unassignedBy) {

	}

	/**
	 * What a reassignment ended with.
	 *
	 * @param number the number as tracked now
	 * @param warnings what did not fully work, for the operator
	 */
	public record ReassignResult(TrackedNumber number, List<String> warnings) {

	}

	/**
	 * What moving a number into its client's account ended with.
	 *
	 * @param number the number as tracked now
	 * @param moved whether Twilio moved it now
	 * @param warnings what did not fully work, for the operator
	 */
	public record RelocationResult(TrackedNumber number, boolean moved, List<String> warnings) {

	}

}
