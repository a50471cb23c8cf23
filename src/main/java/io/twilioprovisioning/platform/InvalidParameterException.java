package io.twilioprovisioning.platform;

import java.util.List;
import java.util.Map;

/**
 * A request parameter whose value is well-formed but means nothing here, such as an
 * unknown sort field.
 */
public class InvalidParameterException extends DomainException {

	private static final long serialVersionUID = 1L;

	private final String field;

	public InvalidParameterException(String field, String message) {
		super(Kind.INVALID, "validation", message);
		this.field = field;
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("errors", List.of(Map.of("field", this.field, "message", getMessage())));
	}

}
