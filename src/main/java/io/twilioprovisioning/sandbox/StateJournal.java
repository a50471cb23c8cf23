package io.twilioprovisioning.sandbox;

/**
 * Where the state holders report each change they make, so {@link EmulatorState} can hand
 * the changes of a request to its {@link EmulatorStorage}.
 */
@FunctionalInterface
interface StateJournal {

	/** Forgets every change: the state lives in memory only. */
	StateJournal NONE = (change) -> {
	};

	void record(StateChange change);

}
