package io.twilioprovisioning.numbers.web;

import java.util.List;

import org.jspecify.annotations.NullMarked;

/**
 * The answer of a lifecycle step: the number as it is now.
 *
 * @param number the number
 * @param replayed whether a repeated idempotency key answered without buying
 * @param adopted whether Twilio's answer was lost and the number was found owned
 * @param warnings what did not fully work
 */
@NullMarked
record NumberResponse(NumberView number, boolean replayed, boolean adopted, List<String> warnings) {

	static NumberResponse of(NumberView number) {
		return new NumberResponse(number, false, false, List.of());
	}

}
