package io.twilioprovisioning.clients;

import java.util.LinkedHashMap;
import java.util.Map;

import io.twilioprovisioning.platform.DomainException;

/**
 * A client cannot be deactivated while it holds numbers: they would keep being billed and
 * answer calls for a client nobody may give numbers to any more. The operator reassigns
 * or releases them first.
 */
public class ClientHoldsNumbersException extends DomainException {

	private static final long serialVersionUID = 1L;

	private final long clientId;

	private final long numbers;

	public ClientHoldsNumbersException(Client client, long numbers) {
		super(Kind.CONFLICT, "client-holds-numbers",
				"Client '" + client.name() + "' still holds " + numbers + ((numbers == 1) ? " number" : " numbers")
						+ " (owned, being bought or being released), so it was not deactivated. Reassign or release "
						+ ((numbers == 1) ? "it" : "them") + " first, then deactivate the client.");
		this.clientId = client.id();
		this.numbers = numbers;
	}

	public long clientId() {
		return this.clientId;
	}

	public long numbers() {
		return this.numbers;
	}

	@Override
	public Map<String, Object> properties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("numbers", this.numbers);
		properties.put("numbersUrl", "/api/admin/phone-numbers?clientId=" + this.clientId);
		return properties;
	}

}
