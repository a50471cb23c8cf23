package io.twilioprovisioning.clients;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

import io.twilioprovisioning.platform.Cursor;
import io.twilioprovisioning.platform.InvalidParameterException;
import io.twilioprovisioning.platform.Keyset;
import io.twilioprovisioning.platform.PageRequest;
import io.twilioprovisioning.platform.PageResult;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The client businesses numbers are handed to: list, create, update, deactivate. A client
 * that holds numbers cannot be deactivated ({@link ClientHoldings} asks the modules that
 * hand them out); giving a client a number locks its row against a concurrent
 * deactivation ({@link #lockActive(long)}).
 */
@Service
public class ClientManagement {

	/** Counts of clients stop here: beyond it the total means "at least". */
	public static final long COUNT_CAP = 10_000;

	private static final String ORDER = "name,asc";

	private final ClientRepository clients;

	private final ObjectProvider<ClientHoldings> holdings;

	private final ApplicationEventPublisher events;

	ClientManagement(ClientRepository clients, ObjectProvider<ClientHoldings> holdings,
			ApplicationEventPublisher events) {
		this.clients = clients;
		this.holdings = holdings;
		this.events = events;
	}

	/**
	 * A page of the clients by name, by page number (the first
	 * {@link PageRequest#MAX_OFFSET} clients; the count stops at {@link #COUNT_CAP}).
	 * @throws InvalidParameterException when the page lies deeper
	 */
	@Transactional(readOnly = true)
	public PageResult<Client> search(ClientQuery query, PageRequest page) {
		if (page.offset() + page.size() > PageRequest.MAX_OFFSET) {
			throw new InvalidParameterException("page", "page numbers reach the first " + PageRequest.MAX_OFFSET
					+ " clients; go further with the nextCursor of a response (cursor=...)");
		}
		return Keyset
			.page(this.clients.search(query, page.size() + 1, page.offset()), page.size(), null, page.page(), ORDER,
					ClientRepository.Keyed::key, (keyed) -> keyed.client().id(),
					this.clients.countUpTo(query, COUNT_CAP), COUNT_CAP)
			.map(ClientRepository.Keyed::client);
	}

	/**
	 * A page of the clients by name, by keyset (docs/adr/0021): after (or before) the
	 * client a cursor names, or the first page without one.
	 * @throws InvalidParameterException when the cursor is malformed or altered
	 */
	@Transactional(readOnly = true)
	public PageResult<Client> search(ClientQuery query, String cursor, int size) {
		Cursor from = (cursor == null || cursor.isBlank()) ? null : Cursor.decode(cursor, ORDER, "cursor");
		if (from != null && from.key() == null) {
			throw Cursor.invalid("cursor");
		}
		List<ClientRepository.Keyed> rows = this.clients.seek(query, (from != null) ? from.key() : null,
				(from != null) ? from.id() : 0, from != null && from.backward(), size + 1);
		return Keyset
			.page(rows, size, from, null, ORDER, ClientRepository.Keyed::key, (keyed) -> keyed.client().id(),
					this.clients.countUpTo(query, COUNT_CAP), COUNT_CAP)
			.map(ClientRepository.Keyed::client);
	}

	@Transactional(readOnly = true)
	public Client get(long id) {
		return this.clients.findById(id).orElseThrow(() -> new ClientNotFoundException(id));
	}

	/**
	 * Returns the client when it exists and is active.
	 * @throws ClientNotFoundException when it does not exist
	 * @throws InactiveClientException when it is inactive
	 */
	@Transactional(readOnly = true)
	public Client getActive(long id) {
		Client client = get(id);
		if (!client.isActive()) {
			throw new InactiveClientException(client);
		}
		return client;
	}

	/**
	 * Returns the client when it is active and keeps it from being deactivated until the
	 * caller's transaction ends, so a number given to it in that transaction is counted
	 * by any deactivation that follows.
	 * @throws ClientNotFoundException when it does not exist
	 * @throws InactiveClientException when it is inactive
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Client lockActive(long id) {
		Client client = this.clients.findByIdLocked(id, false).orElseThrow(() -> new ClientNotFoundException(id));
		if (!client.isActive()) {
			throw new InactiveClientException(client);
		}
		return client;
	}

	@Transactional(readOnly = true)
	public List<Client> getAll(Collection<Long> ids) {
		return this.clients.findAllById(ids);
	}

	/**
	 * Creates an active client.
	 * @throws DuplicateClientNameException when the name is taken
	 */
	@Transactional
	public Client create(String name, String contactEmail) {
		String trimmed = normalizeName(name);
		Client created = this.clients.insert(trimmed, normalizeEmail(contactEmail))
			.orElseThrow(() -> new DuplicateClientNameException(trimmed));
		this.events.publishEvent(new ClientCreated(created));
		return created;
	}

	/**
	 * Renames a client, changes its contact or status.
	 * @throws DuplicateClientNameException when another client has the name
	 * @throws ClientHoldsNumbersException when it would become inactive while it holds
	 * numbers
	 */
	@Transactional
	public Client update(long id, String name, String contactEmail, ClientStatus status) {
		Client current = this.clients.findByIdLocked(id, true).orElseThrow(() -> new ClientNotFoundException(id));
		if (status == ClientStatus.INACTIVE && current.isActive()) {
			refuseWhileHoldingNumbers(current);
		}
		String trimmed = normalizeName(name);
		if (this.clients.nameTakenByOther(trimmed, id)) {
			throw new DuplicateClientNameException(trimmed);
		}
		try {
			return this.clients.update(id, trimmed, normalizeEmail(contactEmail), status)
				.orElseThrow(() -> new ClientNotFoundException(id));
		}
		catch (DuplicateKeyException ex) {
			throw new DuplicateClientNameException(trimmed);
		}
	}

	/**
	 * Makes a client inactive: no number can be bought for it or moved to it any more.
	 * @throws ClientHoldsNumbersException when it still holds numbers (reassign or
	 * release them first)
	 */
	@Transactional
	public Client deactivate(long id) {
		Client client = this.clients.findByIdLocked(id, true).orElseThrow(() -> new ClientNotFoundException(id));
		if (!client.isActive()) {
			return client;
		}
		refuseWhileHoldingNumbers(client);
		return this.clients.update(id, client.name(), client.contactEmail(), ClientStatus.INACTIVE)
			.orElseThrow(() -> new ClientNotFoundException(id));
	}

	private void refuseWhileHoldingNumbers(Client client) {
		long held = this.holdings.orderedStream().mapToLong((h) -> h.numbersHeldBy(client.id())).sum();
		if (held > 0) {
			throw new ClientHoldsNumbersException(client, held);
		}
	}

	static String normalizeName(String name) {
		return (name != null) ? name.strip().replaceAll("\\s+", " ") : "";
	}

	static String normalizeEmail(String email) {
		return (email == null || email.isBlank()) ? null : email.strip().toLowerCase(Locale.ROOT);
	}

}
