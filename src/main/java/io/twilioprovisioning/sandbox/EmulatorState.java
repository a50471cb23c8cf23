package io.twilioprovisioning.sandbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

import io.twilioprovisioning.sandbox.EmulatorStorage.Snapshot;
import io.twilioprovisioning.sandbox.EmulatorStorage.Totals;

/**
 * Everything the emulated Twilio remembers, one state holder per resource, and the lock
 * that makes each request see and change them as one unit. Handlers reach the holders
 * only inside {@link #read} or {@link #write}.
 *
 * <p>
 * With a persistent {@link EmulatorStorage} the holders are a cache of the stored state:
 * each {@link #write} locks the stored revision, reloads everything when another instance
 * moved it, runs the change and stores what the holders reported to their
 * {@link StateJournal}, all in one transaction; each {@link #read} first checks the
 * revision. A change that fails half-way, or whose transaction does not commit, makes the
 * next request reload.
 */
final class EmulatorState {

	private static final long UNKNOWN = -1;

	private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

	private final EmulatorStorage storage;

	private final AccountStore accounts;

	private final NumberStore numbers;

	private final AddressStore addresses;

	private final MessagingStore messaging;

	private final BundleStore bundles = new BundleStore();

	private final List<StateChange> changes = new ArrayList<>();

	private volatile long loadedRevision = UNKNOWN;

	private boolean loading;

	private Totals stored;

	EmulatorState(AccountRecord main, BigDecimal initialBalance, EmulatorStorage storage) {
		this.storage = storage;
		StateJournal journal = this::journal;
		this.accounts = new AccountStore(main, initialBalance, journal);
		this.numbers = new NumberStore(journal);
		this.addresses = new AddressStore(journal);
		this.messaging = new MessagingStore(journal);
		this.bundles.seed(main.sid(), main.dateCreated());
		if (storage.persistent()) {
			write((state) -> null);
		}
	}

	<T> T read(Function<EmulatorState, T> work) {
		if (this.storage.persistent() && this.storage.revision() != this.loadedRevision) {
			write((state) -> null);
		}
		this.lock.readLock().lock();
		try {
			return work.apply(this);
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	<T> T write(Function<EmulatorState, T> work) {
		this.lock.writeLock().lock();
		try {
			if (!this.storage.persistent()) {
				return work.apply(this);
			}
			return this.storage.inTransaction(() -> writeThrough(work), this::invalidate);
		}
		finally {
			this.changes.clear();
			this.lock.writeLock().unlock();
		}
	}

	private <T> T writeThrough(Function<EmulatorState, T> work) {
		long revision = this.storage.lockRevision();
		if (revision != this.loadedRevision) {
			reload(this.storage.load());
			this.loadedRevision = revision;
		}
		this.changes.clear();
		T result;
		try {
			result = work.apply(this);
		}
		catch (RuntimeException ex) {
			if (isDirty()) {
				invalidate();
			}
			throw ex;
		}
		if (isDirty()) {
			Totals totals = totals();
			long next;
			try {
				next = this.storage.store(List.copyOf(this.changes), totals);
			}
			catch (RuntimeException ex) {
				invalidate();
				throw ex;
			}
			this.stored = totals;
			this.loadedRevision = next;
		}
		this.changes.clear();
		return result;
	}

	private boolean isDirty() {
		return !this.changes.isEmpty() || !totals().sameAs(this.stored);
	}

	/**
	 * Forgets what is in memory: the next request reloads the stored state.
	 */
	private void invalidate() {
		this.loadedRevision = UNKNOWN;
	}

	private Totals totals() {
		return new Totals(this.accounts.balance(), this.numbers.purchases(), this.numbers.preloadCursor());
	}

	private void journal(StateChange change) {
		if (!this.loading && this.storage.persistent()) {
			this.changes.add(change);
		}
	}

	/**
	 * Replaces what is in memory with the stored state.
	 */
	private void reload(Snapshot snapshot) {
		this.loading = true;
		try {
			clearAll();
			AccountRecord main = this.accounts.main();
			this.bundles.seed(main.sid(), main.dateCreated());
			for (StateChange record : snapshot.records()) {
				switch (record.kind()) {
					case ACCOUNT -> {
						AccountRecord account = (AccountRecord) record.value();
						if (account.sid().equals(main.sid())) {
							account = new AccountRecord(main.sid(), main.sid(), account.friendlyName(),
									account.status(), main.authToken(), main.dateCreated(), account.dateUpdated());
						}
						else {
							this.bundles.seed(account.sid(), account.dateCreated());
						}
						this.accounts.save(account);
					}
					case NUMBER -> this.numbers.save((OwnedRecord) record.value());
					case ADDRESS -> this.addresses.save((AddressRecord) record.value());
					case SERVICE -> this.messaging.save((MessagingServiceRecord) record.value());
					case SENDER -> this.messaging.add((MessagingStore.Sender) record.value());
					case EVERYTHING -> throw new IllegalStateException("Not a record: " + record);
				}
			}
			Totals totals = snapshot.totals();
			this.accounts.restoreBalance(totals.balance());
			this.numbers.restoreCounters(totals.purchases(), totals.preloadCursor());
			this.stored = totals;
		}
		finally {
			this.loading = false;
		}
	}

	private void clearAll() {
		this.accounts.clear();
		this.numbers.clear();
		this.addresses.clear();
		this.messaging.clear();
		this.bundles.clear();
	}

	AccountStore accounts() {
		return this.accounts;
	}

	NumberStore numbers() {
		return this.numbers;
	}

	AddressStore addresses() {
		return this.addresses;
	}

	MessagingStore messaging() {
		return this.messaging;
	}

	BundleStore bundles() {
		return this.bundles;
	}

	/**
	 * Forgets everything but the main account, whose balance starts over.
	 */
	void reset(Instant now) {
		write((state) -> {
			journal(StateChange.EVERYTHING_REMOVED);
			clearAll();
			this.bundles.seed(this.accounts.main().sid(), now);
			return null;
		});
	}

}
