package io.twilioprovisioning.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Addresses of every account, in creation order. Not thread-safe:
 * {@link EmulatorState} guards it.
 */
final class AddressStore {

	private final Map<String, AddressRecord> addresses = new LinkedHashMap<>();

	private final StateJournal journal;

	AddressStore(StateJournal journal) {
		this.journal = journal;
	}

	Optional<AddressRecord> find(String sid) {
		return Optional.ofNullable((sid != null) ? this.addresses.get(sid) : null);
	}

	/**
	 * The address with this SID if the account owns it.
	 */
	Optional<AddressRecord> find(String accountSid, String sid) {
		return find(sid).filter((address) -> address.accountSid().equals(accountSid));
	}

	List<AddressRecord> ofAccount(String accountSid) {
		return this.addresses.values().stream().filter((address) -> address.accountSid().equals(accountSid)).toList();
	}

	void save(AddressRecord address) {
		this.addresses.put(address.sid(), address);
		this.journal.record(StateChange.saved(StateChange.Kind.ADDRESS, address.sid(), address));
	}

	void remove(AddressRecord address) {
		this.addresses.remove(address.sid());
		this.journal.record(StateChange.removed(StateChange.Kind.ADDRESS, address.sid()));
	}

	void clear() {
		this.addresses.clear();
	}

}
