package io.twilioprovisioning.jobs;

import java.util.List;
import java.util.Map;

import io.twilioprovisioning.platform.DomainException;

/**
 * A job's parameters do not fit its kind, e.g. a release without the client's name typed
 * again.
 */
public class InvalidJobException extends DomainException {

	private static final long serialVersionUID = 1L;

	private final String field;

	public InvalidJobException(String field, String message) {
		super(Kind.INVALID, "validation", message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("errors", List.of(Map.of("field", this.field, "message", getMessage())));
	}

}
