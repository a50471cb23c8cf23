package io.twilioprovisioning.numbers;

import java.util.Locale;

/**
 * The orders the inventory can be listed in, each backed by an index and ending with the
 * id so pages are stable.
 *
 * @param field the sort field
 * @param descending whether newest/highest comes first
 */
public record NumberSort(Field field, boolean descending) {

	/** Newest first. */
	public static final NumberSort DEFAULT = new NumberSort(Field.CREATED_AT, true);

	public NumberSort {
		if (field == null) {
			field = Field.CREATED_AT;
		}
	}

	/**
	 * Reads {@code field,asc|desc}, e.g. {@code phoneNumber,asc}.
	 * @throws IllegalArgumentException for an unknown field or direction
	 */
	public static NumberSort parse(String text) {
		if (text == null || text.isBlank()) {
			return DEFAULT;
		}
		String[] parts = text.split(",", -1);
		if (parts.length > 2) {
			throw new IllegalArgumentException("sort must be 'field' or 'field,asc|desc'");
		}
		Field field = Field.fromApiName(parts[0].strip());
		boolean descending = field == Field.CREATED_AT || field == Field.PURCHASED_AT;
		if (parts.length == 2) {
			String direction = parts[1].strip().toLowerCase(Locale.ROOT);
			if (!direction.equals("asc") && !direction.equals("desc")) {
				throw new IllegalArgumentException("sort direction must be asc or desc");
			}
			descending = direction.equals("desc");
		}
		return new NumberSort(field, descending);
	}

	/**
	 * The ORDER BY clause. It keeps PostgreSQL's default placement of NULLs (last when
	 * ascending, first when descending) so that one index serves both directions.
	 */
	String orderBy() {
		return orderBy(this.descending);
	}

	/**
	 * The ORDER BY clause of this field in the given direction, the id breaking ties.
	 */
	String orderBy(boolean descending) {
		String direction = descending ? " DESC" : " ASC";
		return this.field.column + direction + ", id" + direction;
	}

	/**
	 * The same order as {@link #orderBy(boolean)}, on an expression of the field that no
	 * index serves (NULLs stay NULL, so they keep their place): the planner then finds
	 * the rows by their filter and sorts them, instead of walking the field's index until
	 * the filter has passed enough of them (see PhoneNumberRepository#ordered).
	 */
	String orderByMatches(boolean descending) {
		String direction = descending ? " DESC" : " ASC";
		String expression = this.field.timestamp ? "(" + this.field.column + " + interval '0 seconds')"
				: "(" + this.field.column + " || '')";
		return expression + direction + ", id" + direction;
	}

	public String apiValue() {
		return this.field.apiName + "," + (this.descending ? "desc" : "asc");
	}

	/**
	 * The sortable fields, with their API names.
	 */
	public enum Field {

		CREATED_AT("createdAt", "created_at", false, true), PURCHASED_AT("purchasedAt", "purchased_at", true, true),
		PHONE_NUMBER("phoneNumber", "e164", true, false),
		FRIENDLY_NAME("friendlyName", "lower(friendly_name)", true, false), STATE("state", "state", false, false);

		private final String apiName;

		private final String column;

		private final boolean nullable;

		private final boolean timestamp;

		Field(String apiName, String column, boolean nullable, boolean timestamp) {
			this.apiName = apiName;
			this.column = column;
			this.nullable = nullable;
			this.timestamp = timestamp;
		}

		/**
		 * The SQL expression the rows are ordered by (an index exists for each).
		 */
		String column() {
			return this.column;
		}

		/**
		 * Whether rows may have no value: they come last ascending, first descending.
		 */
		boolean nullable() {
			return this.nullable;
		}

		/**
		 * Whether the key is a point in time (else text).
		 */
		boolean timestamp() {
			return this.timestamp;
		}

		public String apiName() {
			return this.apiName;
		}

		static Field fromApiName(String name) {
			for (Field field : values()) {
				if (field.apiName.equalsIgnoreCase(name)) {
					return field;
				}
			}
			throw new IllegalArgumentException("Unknown sort field '" + name
					+ "': use createdAt, purchasedAt, phoneNumber, friendlyName or state");
		}

	}

}
