package io.twilioprovisioning.numbers;

import java.util.Locale;

/**
 * The kinds of number that can be searched and bought.
 */
public enum NumberType {

	LOCAL("local"), TOLL_FREE("toll-free"), MOBILE("mobile");

	private final String label;

	NumberType(String label) {
		this.label = label;
	}

	/**
	 * The API spelling: {@code local}, {@code toll-free}, {@code mobile}.
	 */
	public String label() {
		return this.label;
	}

	/**
	 * Reads the API spelling (also accepts {@code toll_free} and upper case).
	 * @throws IllegalArgumentException for anything else
	 */
	public static NumberType fromLabel(String text) {
		String normalized = (text != null) ? text.strip().toLowerCase(Locale.ROOT).replace('_', '-') : "";
		for (NumberType type : values()) {
			if (type.label.equals(normalized)) {
				return type;
			}
		}
		throw new IllegalArgumentException("Unknown number type '" + text + "': use local, toll-free or mobile");
	}

}
