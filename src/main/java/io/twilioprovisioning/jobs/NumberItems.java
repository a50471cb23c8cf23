package io.twilioprovisioning.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.twilioprovisioning.jobs.JobRepository.PlannedItem;
import io.twilioprovisioning.numbers.NumberLifecycle;
import io.twilioprovisioning.numbers.NumberQuery;
import io.twilioprovisioning.numbers.PhoneNumberState;
import io.twilioprovisioning.numbers.TrackedNumber;

/**
 * Items that are tracked numbers: the key is the E.164 number, the payload the row's id.
 */
final class NumberItems {

	private NumberItems() {
	}

	static PlannedItem of(TrackedNumber number) {
		return new PlannedItem(number.e164(), "{\"id\":" + number.id() + "}");
	}

	static long id(String payload) {
		String digits = payload.replaceAll("[^0-9]", "");
		return Long.parseLong(digits);
	}

	/**
	 * Hands over the active numbers of a query, a thousand at a time.
	 */
	static void active(NumberLifecycle lifecycle, NumberQuery query, Consumer<List<PlannedItem>> items) {
		List<PlannedItem> page = new ArrayList<>();
		lifecycle.forEach(query, (number) -> {
			if (number.state() == PhoneNumberState.ACTIVE && number.e164() != null) {
				page.add(of(number));
				if (page.size() == 1000) {
					items.accept(List.copyOf(page));
					page.clear();
				}
			}
		});
		if (!page.isEmpty()) {
			items.accept(page);
		}
	}

}
