package io.twilioprovisioning.sandbox;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Supplier;

/**
 * Where the emulator's state outlives the process, if anywhere. The emulator keeps its
 * whole state in memory ({@link EmulatorState}) and writes each request's changes through
 * to the storage in one transaction; a stored revision, locked for each write, tells an
 * instance when another one changed the state, and it reloads. {@link #MEMORY} keeps
 * nothing (tests, the standalone server, a preloaded benchmark inventory); the in-app
 * sandbox stores in PostgreSQL ({@code JdbcEmulatorStorage}).
 */
interface EmulatorStorage {

	/** Keeps nothing: the state lives and dies with the emulator. */
	EmulatorStorage MEMORY = new EmulatorStorage() {

		@Override
		public boolean persistent() {
			return false;
		}

		@Override
		public long revision() {
			return 0;
		}

		@Override
		public <T> T inTransaction(Supplier<T> work, Runnable onRollback) {
			return work.get();
		}

		@Override
		public long lockRevision() {
			return 0;
		}

		@Override
		public Snapshot load() {
			throw new UnsupportedOperationException("Nothing is stored in memory-only mode");
		}

		@Override
		public long store(List<StateChange> changes, Totals totals) {
			return 0;
		}

	};

	/**
	 * Whether anything is stored; when not, the other methods are never called.
	 */
	boolean persistent();

	/**
	 * The stored revision, without a lock: a cheap check whether the state in memory is
	 * still current.
	 */
	long revision();

	/**
	 * Runs work in one transaction (or in the caller's, which then decides).
	 * @param work the work
	 * @param onRollback run when the transaction did not commit, after the work ran
	 */
	<T> T inTransaction(Supplier<T> work, Runnable onRollback);

	/**
	 * Locks the stored state until the transaction ends, so writers take turns across
	 * instances.
	 * @return the stored revision
	 */
	long lockRevision();

	/**
	 * Everything stored, in the order it was first saved.
	 */
	Snapshot load();

	/**
	 * Applies changes and the totals and moves to a new revision.
	 * @return the new revision
	 */
	long store(List<StateChange> changes, Totals totals);

	/**
	 * What the account counts rather than lists.
	 *
	 * @param balance the main account's balance
	 * @param purchases how many purchases created a number
	 * @param preloadCursor the next index of the preload sequence
	 */
	record Totals(BigDecimal balance, int purchases, int preloadCursor) {

		boolean sameAs(Totals other) {
			return other != null && this.balance.compareTo(other.balance) == 0 && this.purchases == other.purchases
					&& this.preloadCursor == other.preloadCursor;
		}

	}

	/**
	 * The stored state.
	 *
	 * @param totals the counts
	 * @param records every record, as saved changes in the order first saved
	 */
	record Snapshot(Totals totals, List<StateChange> records) {

	}

}
