package io.twilioprovisioning.sandbox;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The numbers the emulated accounts own (IncomingPhoneNumbers): by SID, by number, and
 * per account in number order (the order lists page in). A number belongs to one account
 * at a time. Not thread-safe: {@link EmulatorState} guards it.
 */
final class NumberStore {

	private final Map<String, OwnedRecord> bySid = new HashMap<>();

	private final TreeMap<String, OwnedRecord> byNumber = new TreeMap<>();

	private final Map<String, TreeMap<String, OwnedRecord>> byAccount = new HashMap<>();

	private final StateJournal journal;

	private int purchases;

	private int preloadCursor;

	NumberStore(StateJournal journal) {
		this.journal = journal;
	}

	Optional<OwnedRecord> find(String sid) {
		return Optional.ofNullable(this.bySid.get(sid));
	}

	Optional<OwnedRecord> findByNumber(String e164) {
		return Optional.ofNullable((e164 != null) ? this.byNumber.get(e164) : null);
	}

	boolean isOwned(String e164) {
		return this.byNumber.containsKey(e164);
	}

	boolean isSidTaken(String sid) {
		return this.bySid.containsKey(sid);
	}

	/**
	 * The numbers of one account, ordered by number; a read-only view.
	 */
	NavigableMap<String, OwnedRecord> ofAccount(String accountSid) {
		TreeMap<String, OwnedRecord> numbers = this.byAccount.get(accountSid);
		return (numbers != null) ? Collections.unmodifiableNavigableMap(numbers) : Collections.emptyNavigableMap();
	}

	/**
	 * Stores a new or changed number, also when it moved to another account.
	 */
	void save(OwnedRecord number) {
		OwnedRecord previous = this.bySid.put(number.sid(), number);
		if (previous != null && !previous.accountSid().equals(number.accountSid())) {
			this.byAccount.get(previous.accountSid()).remove(previous.phoneNumber());
		}
		this.byNumber.put(number.phoneNumber(), number);
		this.byAccount.computeIfAbsent(number.accountSid(), (key) -> new TreeMap<>()).put(number.phoneNumber(), number);
		this.journal.record(StateChange.saved(StateChange.Kind.NUMBER, number.sid(), number));
	}

	void remove(OwnedRecord number) {
		this.bySid.remove(number.sid());
		this.byNumber.remove(number.phoneNumber());
		TreeMap<String, OwnedRecord> numbers = this.byAccount.get(number.accountSid());
		if (numbers != null) {
			numbers.remove(number.phoneNumber());
		}
		this.journal.record(StateChange.removed(StateChange.Kind.NUMBER, number.sid()));
	}

	int count() {
		return this.bySid.size();
	}

	List<OwnedRecord> all() {
		return List.copyOf(this.byNumber.values());
	}

	void countPurchase() {
		this.purchases++;
	}

	int purchases() {
		return this.purchases;
	}

	int preloadCursor() {
		return this.preloadCursor;
	}

	void restoreCounters(int storedPurchases, int storedPreloadCursor) {
		this.purchases = storedPurchases;
		this.preloadCursor = storedPreloadCursor;
	}

	/**
	 * The next index of the preload sequence, advancing it.
	 */
	int nextPreloadIndex() {
		return this.preloadCursor++;
	}

	/**
	 * The number at an index of the preload sequence: exchange 555 of the NANP expansion
	 * area codes N9X (290–299, 390–399, … 990–999), which are never in service.
	 */
	static String preloadNumber(int index) {
		int block = index / 10_000;
		int areaCode = (2 + block / 10) * 100 + 90 + block % 10;
		return "+1" + areaCode + "555" + String.format(Locale.ROOT, "%04d", index % 10_000);
	}

	void clear() {
		this.bySid.clear();
		this.byNumber.clear();
		this.byAccount.clear();
		this.purchases = 0;
		this.preloadCursor = 0;
	}

}
