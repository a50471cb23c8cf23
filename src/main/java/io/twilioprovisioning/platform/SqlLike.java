package io.twilioprovisioning.platform;

import java.util.Locale;

/**
 * Builds {@code LIKE} patterns from what people type, with {@code %}, {@code _} and
 * {@code \} taken literally (use with {@code ESCAPE '\'}).
 */
public final class SqlLike {

	private SqlLike() {
	}

	/**
	 * A case-insensitive "contains" pattern: compare it with {@code lower(column)}.
	 */
	public static String containsIgnoringCase(String text) {
		String escaped = text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		return "%" + escaped + "%";
	}

}
