package io.twilioprovisioning.numbers;

/**
 * What to list from the inventory.
 *
 * @param clientId only this client's numbers, or {@code null}
 * @param state only numbers in this state, or {@code null}
 * @param text digits of the number, part of the friendly name, or a SID; or {@code null}
 * @param includeClosed with no {@code state}: also list released and failed numbers
 * @param sort the order
 */
public record NumberQuery(Long clientId, PhoneNumberState state, String text, boolean includeClosed, NumberSort sort) {

	public NumberQuery {
		text = (text == null || text.isBlank()) ? null : text.strip();
		if (sort == null) {
			sort = NumberSort.DEFAULT;
		}
	}

	public static NumberQuery live() {
		return new NumberQuery(null, null, null, false, NumberSort.DEFAULT);
	}

	public static NumberQuery ofClient(long clientId) {
		return new NumberQuery(clientId, null, null, false, NumberSort.DEFAULT);
	}

}
