package io.twilioprovisioning.sandbox;

import java.time.Instant;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * Everything the emulated Twilio remembers, one state holder per resource, and the lock
 * that makes each request see and change them as one unit (the role a database
 * transaction would play if the holders were backed by tables). Handlers reach the
 * holders only inside {@link #read} or {@link #write}.
 */
final class EmulatorState {

	private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

	private final AccountStore accounts;

	private final NumberStore numbers = new NumberStore();

	private final AddressStore addresses = new AddressStore();

	private final MessagingStore messaging = new MessagingStore();

	private final BundleStore bundles = new BundleStore();

	EmulatorState(AccountStore accounts) {
		this.accounts = accounts;
		this.bundles.seed(accounts.main().sid(), accounts.main().dateCreated());
	}

	<T> T read(Function<EmulatorState, T> work) {
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
			return work.apply(this);
		}
		finally {
			this.lock.writeLock().unlock();
		}
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
			this.accounts.clear();
			this.numbers.clear();
			this.addresses.clear();
			this.messaging.clear();
			this.bundles.clear();
			this.bundles.seed(this.accounts.main().sid(), now);
			return null;
		});
	}

}
