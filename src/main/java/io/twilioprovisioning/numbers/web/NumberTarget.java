package io.twilioprovisioning.numbers.web;

import io.twilioprovisioning.numbers.E164Number;
import io.twilioprovisioning.numbers.NumberRef;

/**
 * Requests that name a tracked number by {@code phoneNumber} or {@code sid}.
 */
interface NumberTarget {

	String phoneNumber();

	String sid();

	default boolean namesOneNumber() {
		return (phoneNumber() == null || phoneNumber().isBlank()) != (sid() == null || sid().isBlank());
	}

	default NumberRef toRef() {
		return (sid() != null && !sid().isBlank()) ? NumberRef.ofSid(sid())
				: NumberRef.of(E164Number.parse(phoneNumber()));
	}

}
