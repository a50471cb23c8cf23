package io.twilioprovisioning.numbers;

import io.twilioprovisioning.platform.DomainException;

/**
 * The inventory has no such number.
 */
public class NumberNotFoundException extends DomainException {

	private static final long serialVersionUID = 1L;

	public NumberNotFoundException(NumberRef ref) {
		super(Kind.NOT_FOUND, "number-not-found", "No tracked number matches " + ref + ".");
	}

}
