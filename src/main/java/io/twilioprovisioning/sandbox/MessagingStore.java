package io.twilioprovisioning.sandbox;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Messaging Services of every account and the phone numbers in each (a number is in
 * at most one service), in creation order. Not thread-safe: {@link EmulatorState} guards
 * it.
 */
final class MessagingStore {

	private final Map<String, MessagingServiceRecord> services = new LinkedHashMap<>();

	private final Map<String, Sender> senders = new LinkedHashMap<>();

	private final StateJournal journal;

	MessagingStore(StateJournal journal) {
		this.journal = journal;
	}

	Optional<MessagingServiceRecord> find(String accountSid, String sid) {
		return Optional.ofNullable(this.services.get(sid)).filter((service) -> service.accountSid().equals(accountSid));
	}

	boolean isSidTaken(String sid) {
		return this.services.containsKey(sid);
	}

	List<MessagingServiceRecord> ofAccount(String accountSid) {
		return this.services.values().stream().filter((service) -> service.accountSid().equals(accountSid)).toList();
	}

	void save(MessagingServiceRecord service) {
		this.services.put(service.sid(), service);
		this.journal.record(StateChange.saved(StateChange.Kind.SERVICE, service.sid(), service));
	}

	/**
	 * Deletes a service; its numbers stay with the account, in no service.
	 */
	void remove(MessagingServiceRecord service) {
		this.services.remove(service.sid());
		this.journal.record(StateChange.removed(StateChange.Kind.SERVICE, service.sid()));
		senders(service.sid()).forEach((sender) -> removeSender(sender.numberSid()));
	}

	/**
	 * The service a number is in, if any.
	 */
	Optional<Sender> senderOf(String numberSid) {
		return Optional.ofNullable(this.senders.get(numberSid));
	}

	List<Sender> senders(String serviceSid) {
		return this.senders.values().stream().filter((sender) -> sender.serviceSid().equals(serviceSid)).toList();
	}

	void add(Sender sender) {
		this.senders.put(sender.numberSid(), sender);
		this.journal.record(StateChange.saved(StateChange.Kind.SENDER, sender.numberSid(), sender));
	}

	/**
	 * Takes a number out of its service, e.g. when it is released or moves to another
	 * account.
	 */
	void removeSender(String numberSid) {
		if (this.senders.remove(numberSid) != null) {
			this.journal.record(StateChange.removed(StateChange.Kind.SENDER, numberSid));
		}
	}

	void clear() {
		this.services.clear();
		this.senders.clear();
	}

	/**
	 * A phone number in a Messaging Service.
	 *
	 * @param serviceSid the service
	 * @param numberSid the IncomingPhoneNumber's SID
	 * @param dateCreated when it was added
	 */
	record Sender(String serviceSid, String numberSid, Instant dateCreated) {

	}

}
