package io.twilioprovisioning.numbers;

import java.util.Map;

import io.twilioprovisioning.platform.DomainException;

/**
 * A webhook URL Twilio could not or should not call.
 */
public class InvalidWebhookUrlException extends DomainException {

	private static final long serialVersionUID = 1L;

	private final String field;

	public InvalidWebhookUrlException(String field, String reason) {
		super(Kind.INVALID, "invalid-webhook-url", field + " " + reason);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("errors", java.util.List.of(Map.of("field", this.field, "message", getMessage())));
	}

}
