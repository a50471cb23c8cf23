package io.twilioprovisioning.support;

import io.twilioprovisioning.numbers.AvailableNumber;
import io.twilioprovisioning.numbers.E164Number;
import io.twilioprovisioning.numbers.NumberLifecycle;
import io.twilioprovisioning.numbers.SearchCriteria;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Picks numbers for tests that share one database and one emulator: a number the sandbox
 * sells that no row has ever tracked.
 */
public final class FreshNumbers {

	private FreshNumbers() {
	}

	/**
	 * A number for sale in the area code, never tracked before. (The emulator never
	 * offers a number its account owns.)
	 */
	public static E164Number forSale(NumberLifecycle lifecycle, JdbcClient jdbc, String areaCode) {
		return lifecycle.search(SearchCriteria.local("US").withAreaCode(areaCode).withLimit(SearchCriteria.MAX_LIMIT))
			.numbers()
			.stream()
			.map(AvailableNumber::phoneNumber)
			.filter((number) -> jdbc.sql("SELECT count(*) FROM phone_numbers WHERE e164 = :e164")
				.param("e164", number.value())
				.query(Long.class)
				.single() == 0)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(
					"Every number the sandbox offers in area code " + areaCode + " is already tracked"));
	}

}
