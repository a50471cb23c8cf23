package io.twilioprovisioning.numbers;

import java.util.List;
import java.util.Map;

import io.twilioprovisioning.platform.DomainException;

/**
 * A release was not confirmed by repeating the number.
 */
public class ConfirmationMismatchException extends DomainException {

	private static final long serialVersionUID = 1L;

	public ConfirmationMismatchException(String number) {
		super(Kind.INVALID, "confirmation-mismatch",
				"To release " + number + ", repeat the number exactly in 'confirm'.");
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("errors", List.of(Map.of("field", "confirm", "message", "must repeat the number to release")));
	}

}
