package io.twilioprovisioning.numbers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.twilioprovisioning.platform.ClusterJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sync with Twilio (docs/design.md, invariant 7): compares Twilio's inventory with the
 * database and reports numbers owned in Twilio but not tracked, numbers tracked as active
 * but gone from Twilio, and active numbers whose webhooks in Twilio differ from the
 * policy or whose friendly name there is not their client's; on request it adopts, fixes
 * or closes them, each change audited.
 *
 * <p>
 * Neither side is loaded whole: Twilio's inventory is streamed page by page (1000 a page)
 * and each page is looked up in one query; the tracked active numbers are read through a
 * database cursor. To find the tracked numbers Twilio no longer lists, a run keeps the
 * SIDs it saw in a set (strings only, about 10 MB for 100,000 numbers), which is simpler
 * than a temporary table and small enough for the 2-core instance of docs/design.md. No
 * database transaction stays open while Twilio is called. The scheduled run only checks;
 * it never fixes anything on its own.
 */
@Service
public class NumberSync {

	static final int PAGE_SIZE = 1000;

	private static final Logger log = LoggerFactory.getLogger(NumberSync.class);

	/** After this, a crashed instance's hold on the scheduled check expires. */
	private static final Duration LONGEST_RUN = Duration.ofMinutes(50);

	private final PhoneNumberRepository numbers;

	private final SyncReportRepository reports;

	private final NumberCarrier carrier;

	private final NumberLifecycle lifecycle;

	private final WebhookPolicy policy;

	private final SyncProperties properties;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate tx;

	private final TransactionTemplate readOnlyTx;

	private final Clock clock;

	private final ClusterJobs jobs;

	private final FriendlyNames names;

	NumberSync(PhoneNumberRepository numbers, SyncReportRepository reports, NumberCarrier carrier,
			NumberLifecycle lifecycle, WebhookPolicy policy, SyncProperties properties,
			ApplicationEventPublisher events, PlatformTransactionManager transactionManager, Clock clock,
			ClusterJobs jobs, FriendlyNames names) {
		this.numbers = numbers;
		this.lifecycle = lifecycle;
		this.reports = reports;
		this.carrier = carrier;
		this.policy = policy;
		this.properties = properties;
		this.events = events;
		this.tx = new TransactionTemplate(transactionManager);
		this.readOnlyTx = new TransactionTemplate(transactionManager);
		this.readOnlyTx.setReadOnly(true);
		this.clock = clock;
		this.jobs = jobs;
		this.names = names;
	}

	/**
	 * The scheduled check: once per {@code provisioning.sync.interval} across all
	 * instances.
	 * @return whether this call ran it (another instance may have in this period)
	 */
	@Scheduled(initialDelayString = "${provisioning.sync.initial-delay:5m}",
			fixedDelayString = "${provisioning.sync.interval:1h}")
	public boolean scheduled() {
		return this.jobs.runOncePerPeriod("number-sync", this.properties.interval(), LONGEST_RUN, this::scheduledCheck);
	}

	private void scheduledCheck() {
		try {
			SyncReport report = check(NumberLifecycle.SYSTEM);
			log.info("Sync checked {} number(s): {} untracked, {} missing, {} with other webhooks, {} with other names",
					report.checked(), report.untrackedCount(), report.missingCount(), report.webhooksDifferCount(),
					report.namesDifferCount());
		}
		catch (CarrierException ex) {
			log.warn("Sync could not check Twilio: {}", ex.getMessage());
		}
	}

	/**
	 * Checks as the system (the scheduled run).
	 * @see #check(String)
	 */
	public SyncReport check() {
		return check(NumberLifecycle.SYSTEM);
	}

	/**
	 * Compares Twilio's inventory with the database and stores the report; changes
	 * nothing else.
	 * @param actor who asked
	 * @return the stored report
	 * @throws CarrierException when Twilio failed (no report is stored)
	 */
	public SyncReport check(String actor) {
		Instant startedAt = this.clock.instant();
		Set<String> seen = new HashSet<>();
		Capped untracked = new Capped(this.properties.listLimit());
		Capped webhooksDiffer = new Capped(this.properties.listLimit());
		Capped namesDiffer = new Capped(this.properties.listLimit());
		Capped missing = new Capped(this.properties.listLimit());
		try (Stream<OwnedNumber> owned = this.carrier.listOwned(PAGE_SIZE)) {
			forEachPage(owned, (page) -> {
				Tracked tracked = lookUp(page);
				for (OwnedNumber number : page) {
					seen.add(number.sid());
					TrackedNumber row = tracked.match(number);
					if (row == null) {
						untracked
							.add(new SyncItem(number.phoneNumber().value(), number.sid(), number.friendlyName(), null));
					}
					else if (row.state() == PhoneNumberState.ACTIVE && number.sid().equals(row.sid())) {
						if (!this.policy.matches(number.webhooks())) {
							webhooksDiffer.add(new SyncItem(row.e164(), row.sid(), row.friendlyName(), row.id()));
						}
						if (nameDiffers(number, row)) {
							namesDiffer.add(new SyncItem(row.e164(), row.sid(), row.friendlyName(), row.id(),
									number.friendlyName()));
						}
					}
				}
			});
		}
		this.readOnlyTx.executeWithoutResult((status) -> this.numbers.forEachActiveCreatedBefore(startedAt, (row) -> {
			if (!seen.contains(row.sid())) {
				missing.add(row);
			}
		}));
		SyncReport report = new SyncReport(0, startedAt, this.clock.instant(), actor, seen.size(), untracked.total,
				missing.total, webhooksDiffer.total, namesDiffer.total, untracked.items, missing.items,
				webhooksDiffer.items, namesDiffer.items);
		return this.tx.execute((status) -> this.reports.insert(report));
	}

	/**
	 * The latest report, from any instance.
	 */
	public Optional<SyncReport> latest() {
		return this.reports.findLatest();
	}

	/**
	 * Tracks every number Twilio lists that has no live row, as active and unassigned
	 * with what Twilio reports, each audited as {@code ADOPT}.
	 * @param actor who asked
	 * @throws CarrierException when Twilio's inventory could not be read (numbers adopted
	 * until then stay adopted)
	 */
	public SyncActionResult adoptUntracked(String actor) {
		int[] counts = new int[2];
		forEachUntracked((page) -> {
			int adopted = adoptAll(page, actor).size();
			counts[0] += adopted;
			counts[1] += page.size() - adopted;
		});
		if (counts[0] > 0) {
			log.info("Sync adopted {} untracked number(s)", counts[0]);
		}
		return new SyncActionResult("ADOPT", counts[0], counts[1], 0);
	}

	/**
	 * Hands over, page by page, the numbers Twilio lists that have no live row (what
	 * {@link #adoptUntracked(String)} adopts), without changing anything.
	 * @param pages receives each page's untracked numbers
	 * @throws CarrierException when Twilio's inventory could not be read
	 */
	public void forEachUntracked(Consumer<List<OwnedNumber>> pages) {
		try (Stream<OwnedNumber> owned = this.carrier.listOwned(PAGE_SIZE)) {
			forEachPage(owned, (page) -> {
				Tracked tracked = lookUp(page);
				List<OwnedNumber> untracked = new ArrayList<>();
				for (OwnedNumber number : page) {
					if (tracked.match(number) == null) {
						untracked.add(number);
					}
				}
				if (!untracked.isEmpty()) {
					pages.accept(untracked);
				}
			});
		}
	}

	/**
	 * Hands over, page by page, the active numbers whose webhooks differ from the policy,
	 * in Twilio or as stored (what {@link #fixWebhooks(String)} fixes), without changing
	 * anything.
	 * @param pages receives each page's differing numbers
	 * @throws CarrierException when Twilio's inventory could not be read
	 */
	public void forEachOutOfPolicy(Consumer<List<TrackedNumber>> pages) {
		try (Stream<OwnedNumber> owned = this.carrier.listOwned(PAGE_SIZE)) {
			forEachPage(owned, (page) -> {
				Tracked tracked = lookUp(page);
				List<TrackedNumber> differing = new ArrayList<>();
				for (OwnedNumber number : page) {
					TrackedNumber row = tracked.bySid().get(number.sid());
					if (row != null && row.state() == PhoneNumberState.ACTIVE
							&& (!this.policy.matches(number.webhooks()) || !this.policy.matches(row.webhooks()))) {
						differing.add(row);
					}
				}
				if (!differing.isEmpty()) {
					pages.accept(differing);
				}
			});
		}
	}

	/**
	 * Adopts one number Twilio lists, unless a live row tracks it by now; audited as
	 * {@code ADOPT}.
	 * @param owned the number as Twilio lists it
	 * @param actor who asked
	 * @return whether it was adopted ({@code false}: tracked already)
	 */
	public boolean adopt(OwnedNumber owned, String actor) {
		return adoptOne(owned, actor);
	}

	/**
	 * Adopts several untracked numbers at once (a chunk of an adopt job), in the caller's
	 * transaction when there is one: one multi-row insert that leaves out every number a
	 * live row tracks already (by SID or number), and one audit entry per number adopted,
	 * written in batch. Rolled back with the caller, so a chunk and its outcomes commit
	 * together.
	 * @param owned the numbers, as Twilio listed them (at most a few thousand)
	 * @param actor who asked
	 * @return the SIDs of the numbers adopted; the others were tracked already
	 */
	public Set<String> adoptAll(List<OwnedNumber> owned, String actor) {
		Set<String> adopted = new HashSet<>();
		this.tx.executeWithoutResult((status) -> {
			Instant now = this.clock.instant();
			List<NumberAdopted> events = new ArrayList<>(owned.size());
			for (int from = 0; from < owned.size(); from += PAGE_SIZE) {
				List<OwnedNumber> slice = owned.subList(from, Math.min(owned.size(), from + PAGE_SIZE));
				for (PhoneNumberRepository.Row row : this.numbers.insertAdoptedBatch(slice)) {
					adopted.add(row.number().sid());
					events.add(new NumberAdopted(actor, now, row.number()));
				}
			}
			if (!events.isEmpty()) {
				this.events.publishEvent(new NumbersAdopted(events));
			}
		});
		return adopted;
	}

	private boolean adoptOne(OwnedNumber owned, String actor) {
		try {
			return Boolean.TRUE.equals(this.tx.execute((status) -> {
				if (this.numbers.findLiveBySid(owned.sid()).isPresent()
						|| this.numbers.findLiveByE164(owned.phoneNumber().value()).isPresent()) {
					return false;
				}
				long id = this.numbers.insertAdopted(owned);
				TrackedNumber adopted = this.numbers.findById(id).orElseThrow().number();
				this.events.publishEvent(new NumberAdopted(actor, this.clock.instant(), adopted));
				return true;
			}));
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/**
	 * Applies the policy's webhooks to every active number whose webhooks differ from it,
	 * in Twilio or as stored, with at most {@link SyncProperties#concurrency()} Twilio
	 * calls at once. A number Twilio fails for is counted, audited and skipped; the
	 * others go on.
	 * @param actor who asked
	 * @throws CarrierException when Twilio's inventory could not be read (numbers fixed
	 * until then stay fixed)
	 */
	public SyncActionResult fixWebhooks(String actor) {
		SyncActionResult result = fixEach("FIX_WEBHOOKS",
				(number, row) -> !this.policy.matches(number.webhooks()) || !this.policy.matches(row.webhooks()),
				(number, row) -> fix(row.id(), actor));
		log.info("Sync fixed the webhooks of {} number(s), {} failed", result.changed(), result.failed());
		return result;
	}

	/**
	 * Sets Twilio's friendly name of every active number whose name there is not the
	 * inventory's (the name of its client) back to the inventory's, through the same
	 * rename a reassignment uses, with at most {@link SyncProperties#concurrency()}
	 * Twilio calls at once. Each rename is audited ({@code RENAME}); a number Twilio
	 * fails for is counted, audited and skipped.
	 * @param actor who asked
	 * @throws CarrierException when Twilio's inventory could not be read (names fixed
	 * until then stay fixed)
	 */
	public SyncActionResult fixNames(String actor) {
		SyncActionResult result = fixEach("FIX_NAMES", NumberSync::nameDiffers,
				(number, row) -> rename(row.id(), number.friendlyName(), actor));
		log.info("Sync set the friendly names of {} number(s) in Twilio, {} failed", result.changed(), result.failed());
		return result;
	}

	private boolean rename(long id, String twilioName, String actor) {
		FriendlyNames.Outcome outcome = this.names.follow(id, actor);
		return switch (outcome.status()) {
			case RENAMED -> {
				this.tx.executeWithoutResult((status) -> this.events
					.publishEvent(new NumberRenamed(actor, this.clock.instant(), outcome.number(), twilioName)));
				yield true;
			}
			case NOT_ACTIVE -> false;
			case FAILED, UNCONFIRMED -> throw new IllegalStateException(outcome.problem());
		};
	}

	private static boolean nameDiffers(OwnedNumber number, TrackedNumber row) {
		return row.friendlyName() != null && !row.friendlyName().equals(number.friendlyName());
	}

	/**
	 * Fixes every active number that differs, read from Twilio's inventory page by page,
	 * with at most {@link SyncProperties#concurrency()} fixes at once.
	 * @param fix {@code true} when it changed the number, {@code false} when the number
	 * changed meanwhile; throws when it failed
	 */
	private SyncActionResult fixEach(String action, BiPredicate<OwnedNumber, TrackedNumber> differs,
			BiPredicate<OwnedNumber, TrackedNumber> fix) {
		int concurrency = this.properties.concurrency();
		AtomicInteger changed = new AtomicInteger();
		AtomicInteger skipped = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		Semaphore permits = new Semaphore(concurrency * 2);
		ExecutorService pool = Executors.newFixedThreadPool(concurrency, threads());
		try (Stream<OwnedNumber> owned = this.carrier.listOwned(PAGE_SIZE)) {
			forEachPage(owned, (page) -> {
				Tracked tracked = lookUp(page);
				for (OwnedNumber number : page) {
					TrackedNumber row = tracked.bySid().get(number.sid());
					if (row == null || row.state() != PhoneNumberState.ACTIVE || !differs.test(number, row)) {
						continue;
					}
					permits.acquireUninterruptibly();
					pool.execute(() -> {
						try {
							(fix.test(number, row) ? changed : skipped).incrementAndGet();
						}
						catch (RuntimeException ex) {
							failed.incrementAndGet();
							log.warn("Sync could not fix number row {} ({}): {}", row.id(), action, ex.getMessage());
						}
						finally {
							permits.release();
						}
					});
				}
			});
		}
		finally {
			awaitAll(pool);
		}
		return new SyncActionResult(action, changed.get(), skipped.get(), failed.get());
	}

	private boolean fix(long id, String actor) {
		TrackedNumber before = this.numbers.findById(id).orElseThrow().number();
		if (before.state() != PhoneNumberState.ACTIVE) {
			return false;
		}
		return this.lifecycle.applyWebhooks(before, this.policy.defaults(), actor).isPresent();
	}

	/**
	 * Records as released, "gone from Twilio", every number tracked as active that Twilio
	 * no longer lists, after asking Twilio for each one again; each audited as
	 * {@code RECONCILE}.
	 * @param actor who asked
	 * @throws CarrierException when Twilio's inventory could not be read (nothing is
	 * closed then)
	 */
	public SyncActionResult closeMissing(String actor) {
		return closeMissing(actor, this.properties.closeMissingLimit());
	}

	/**
	 * Closes missing numbers unless more than {@code limit} look missing at once: so many
	 * numbers do not vanish from an account, wrong credentials or a wrong account SID do,
	 * and closing them would lose track of numbers that are still owned and billed.
	 */
	SyncActionResult closeMissing(String actor, int limit) {
		int changed = 0;
		int skipped = 0;
		int failed = 0;
		for (long id : missingCandidates(limit)) {
			try {
				if (closeIfGone(id, actor) == CloseOutcome.CLOSED) {
					changed++;
				}
				else {
					skipped++;
				}
			}
			catch (CarrierException ex) {
				failed++;
			}
		}
		if (changed > 0) {
			log.info("Sync closed {} number(s) gone from Twilio", changed);
		}
		return new SyncActionResult("CLOSE_MISSING", changed, skipped, failed);
	}

	/**
	 * The row ids of the active numbers Twilio does not list, unless more than
	 * {@code provisioning.sync.close-missing-limit} look missing at once: so many numbers
	 * do not vanish from an account, wrong credentials or a wrong account SID do, and
	 * closing them would lose track of numbers that are still owned and billed.
	 * @return the candidates, in the order of the inventory
	 * @throws NumberConflictException when more than the limit look missing
	 * @throws CarrierException when Twilio's inventory could not be read
	 */
	public List<Long> missingCandidates() {
		return missingCandidates(this.properties.closeMissingLimit());
	}

	List<Long> missingCandidates(int limit) {
		Instant startedAt = this.clock.instant();
		Set<String> seen = new HashSet<>();
		try (Stream<OwnedNumber> owned = this.carrier.listOwned(PAGE_SIZE)) {
			owned.forEach((number) -> seen.add(number.sid()));
		}
		List<Long> candidates = new ArrayList<>();
		this.readOnlyTx.executeWithoutResult((status) -> this.numbers.forEachActiveCreatedBefore(startedAt, (row) -> {
			if (!seen.contains(row.sid())) {
				candidates.add(row.numberId());
			}
		}));
		if (candidates.size() > limit) {
			throw new NumberConflictException("sync-guard", "Twilio does not list " + candidates.size()
					+ " of the tracked numbers, more than the " + limit
					+ " that may be closed at once. That looks like "
					+ "the wrong Twilio account or credentials, so nothing was closed. Check TWILIO_ACCOUNT_SID, or raise "
					+ "provisioning.sync.close-missing-limit to close them anyway.");
		}
		return candidates;
	}

	/**
	 * Records one active number as released, "gone from Twilio", after asking Twilio for
	 * it again; audited as {@code RECONCILE} (a Twilio failure too).
	 * @param id the number's row
	 * @param actor who asked
	 * @return what happened
	 * @throws CarrierException when Twilio could not be asked (audited)
	 */
	public CloseOutcome closeIfGone(long id, String actor) {
		TrackedNumber before = this.numbers.findById(id).orElseThrow().number();
		if (before.state() != PhoneNumberState.ACTIVE) {
			return CloseOutcome.NOT_ACTIVE;
		}
		try {
			if (this.carrier.fetch(before.sid()).isPresent()) {
				return CloseOutcome.STILL_LISTED;
			}
		}
		catch (CarrierException ex) {
			this.lifecycle.recordFailure("RECONCILE", before, ex, actor);
			throw ex;
		}
		return Boolean.TRUE.equals(this.tx.execute((status) -> {
			if (this.numbers.markGone(id) != 1) {
				return false;
			}
			this.numbers.closeAssignment(id, actor);
			TrackedNumber after = this.numbers.findById(id).orElseThrow().number();
			this.events.publishEvent(new NumberFoundGone(actor, this.clock.instant(), before, after));
			return true;
		})) ? CloseOutcome.CLOSED : CloseOutcome.NOT_ACTIVE;
	}

	/**
	 * What {@link #closeIfGone(long, String)} did.
	 */
	public enum CloseOutcome {

		/** Recorded as released: Twilio no longer has it. */
		CLOSED,
		/** Twilio still has it: nothing changed. */
		STILL_LISTED,
		/** Not active (any more): nothing changed. */
		NOT_ACTIVE

	}

	/**
	 * The live rows of one Twilio page, found in one query.
	 */
	private Tracked lookUp(List<OwnedNumber> page) {
		List<String> sids = new ArrayList<>(page.size());
		List<String> e164s = new ArrayList<>(page.size());
		for (OwnedNumber number : page) {
			sids.add(number.sid());
			e164s.add(number.phoneNumber().value());
		}
		Tracked tracked = new Tracked(new HashMap<>(), new HashMap<>());
		for (PhoneNumberRepository.Row row : this.numbers.findLiveBySidsOrE164s(sids, e164s)) {
			TrackedNumber number = row.number();
			if (number.sid() != null) {
				tracked.bySid().put(number.sid(), number);
			}
			if (number.e164() != null) {
				tracked.byE164().put(number.e164(), number);
			}
		}
		return tracked;
	}

	private static void forEachPage(Stream<OwnedNumber> owned, Consumer<List<OwnedNumber>> consumer) {
		Iterator<OwnedNumber> iterator = owned.iterator();
		List<OwnedNumber> page = new ArrayList<>(PAGE_SIZE);
		while (iterator.hasNext()) {
			page.add(iterator.next());
			if (page.size() == PAGE_SIZE) {
				consumer.accept(page);
				page = new ArrayList<>(PAGE_SIZE);
			}
		}
		if (!page.isEmpty()) {
			consumer.accept(page);
		}
	}

	private static ThreadFactory threads() {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, "sync-fix-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	private static void awaitAll(ExecutorService pool) {
		pool.shutdown();
		try {
			if (!pool.awaitTermination(1, TimeUnit.HOURS)) {
				pool.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			pool.shutdownNow();
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * The live rows of one page, by SID and by number (a purchase in flight has no SID
	 * yet but is tracked).
	 */
	private record Tracked(Map<String, TrackedNumber> bySid, Map<String, TrackedNumber> byE164) {

		TrackedNumber match(OwnedNumber number) {
			TrackedNumber row = this.bySid.get(number.sid());
			return (row != null) ? row : this.byE164.get(number.phoneNumber().value());
		}

	}

	/**
	 * A list that keeps its first items and counts them all.
	 */
	private static final class Capped {

		private final int limit;

		private final List<SyncItem> items = new ArrayList<>();

		private long total;

		Capped(int limit) {
			this.limit = limit;
		}

		void add(SyncItem item) {
			this.total++;
			if (this.items.size() < this.limit) {
				this.items.add(item);
			}
		}

	}

}
