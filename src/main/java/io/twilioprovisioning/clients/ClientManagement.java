package io.twilioprovisioning.clients;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

import io.twilioprovisioning.platform.PageRequest;
import io.twilioprovisioning.platform.PageResult;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The client businesses numbers are handed to: list, create, update, deactivate.
 */
@Service
public class ClientManagement {

	private final ClientRepository clients;

	ClientManagement(ClientRepository clients) {
		this.clients = clients;
	}

	@Transactional(readOnly = true)
	public PageResult<Client> search(ClientQuery query, PageRequest page) {
		return new PageResult<>(this.clients.search(query, page.size(), page.offset()), page.page(), page.size(),
				this.clients.count(query));
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
		return this.clients.insert(trimmed, normalizeEmail(contactEmail))
			.orElseThrow(() -> new DuplicateClientNameException(trimmed));
	}

	/**
	 * Renames a client, changes its contact or status.
	 * @throws DuplicateClientNameException when another client has the name
	 */
	@Transactional
	public Client update(long id, String name, String contactEmail, ClientStatus status) {
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

	@Transactional
	public Client deactivate(long id) {
		Client client = get(id);
		return this.clients.update(id, client.name(), client.contactEmail(), ClientStatus.INACTIVE)
			.orElseThrow(() -> new ClientNotFoundException(id));
	}

	static String normalizeName(String name) {
		return (name != null) ? name.strip().replaceAll("\\s+", " ") : "";
	}

	static String normalizeEmail(String email) {
		return (email == null || email.isBlank()) ? null : email.strip().toLowerCase(Locale.ROOT);
	}

}
