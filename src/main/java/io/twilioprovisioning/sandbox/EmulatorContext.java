package io.twilioprovisioning.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * What every resource handler shares: the state, the clock, new SIDs and the shapes of an
 * answer.
 *
 * @param state the emulated accounts and their resources
 * @param clock the clock for dates
 */
record EmulatorContext(EmulatorState state, Clock clock) {

	private static final HexFormat HEX = HexFormat.of();

	/**
	 * Now, to the second (Twilio's dates have no fraction).
	 */
	Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
	}

	/**
	 * A new random SID.
	 * @param prefix e.g. {@code PN}
	 * @param taken whether a SID is already in use
	 */
	static String newSid(String prefix, Predicate<String> taken) {
		String sid;
		do {
			sid = prefix + randomHex();
		}
		while (taken.test(sid));
		return sid;
	}

	/**
	 * 32 random hex digits.
	 */
	static String randomHex() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return HEX.toHexDigits(random.nextLong()) + HEX.toHexDigits(random.nextLong());
	}

	static EmulatorResponse json(int status, Map<String, ?> body) {
		return new EmulatorResponse(status, TwilioJson.write(body), Map.of());
	}

	static EmulatorResponse noContent() {
		return new EmulatorResponse(204, "", Map.of());
	}

	static EmulatorResponse error(TwilioErrorException ex) {
		return error(ex.status(), ex.code(), ex.getMessage(), Map.of());
	}

	static EmulatorResponse error(int status, int code, String message, Map<String, String> headers) {
		return new EmulatorResponse(status, TwilioJson.write(TwilioJson.error(status, code, message)), headers);
	}

	/**
	 * A JSON object with fields in the order they are put.
	 */
	static Map<String, Object> object() {
		return new LinkedHashMap<>();
	}

}
