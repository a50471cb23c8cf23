package io.twilioprovisioning.sandbox;

/**
 * One change to what the emulator remembers, as a persistent {@link EmulatorStorage}
 * applies it: a record saved or removed under its key, or everything removed.
 *
 * @param kind what sort of record
 * @param key its key within the kind (a SID; a number's SID for a Messaging Service
 * sender)
 * @param value the record saved, {@code null} when it was removed
 */
record StateChange(Kind kind, String key, Object value) {

	/** Everything is gone (a reset). */
	static final StateChange EVERYTHING_REMOVED = new StateChange(Kind.EVERYTHING, "*", null);

	static StateChange saved(Kind kind, String key, Object value) {
		return new StateChange(kind, key, value);
	}

	static StateChange removed(Kind kind, String key) {
		return new StateChange(kind, key, null);
	}

	boolean isRemoval() {
		return this.value == null;
	}

	/**
	 * The records the emulator keeps, each with its record type. Bundles are not among
	 * them: they are presets derived from each account.
	 */
	enum Kind {

		/** An {@link AccountRecord} (subaccounts, and the main account once changed). */
		ACCOUNT(AccountRecord.class),

		/** An {@link OwnedRecord}. */
		NUMBER(OwnedRecord.class),

		/** An {@link AddressRecord}. */
		ADDRESS(AddressRecord.class),

		/** A {@link MessagingServiceRecord}. */
		SERVICE(MessagingServiceRecord.class),

		/** A {@link MessagingStore.Sender}, keyed by the number's SID. */
		SENDER(MessagingStore.Sender.class),

		/** Every record of every kind; only removed. */
		EVERYTHING(Void.class);

		private final Class<?> type;

		Kind(Class<?> type) {
			this.type = type;
		}

		Class<?> type() {
			return this.type;
		}

	}

}
