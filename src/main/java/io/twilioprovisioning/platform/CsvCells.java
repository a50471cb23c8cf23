package io.twilioprovisioning.platform;

/**
 * One cell of a CSV export that a spreadsheet opens as text: a value that starts like a
 * formula ({@code = + - @}, tab, carriage return) gets a leading apostrophe, except a
 * phone number in E.164 ({@code +14155550100}); a value with a comma, quote or line break
 * is quoted.
 */
public final class CsvCells {

	private CsvCells() {
	}

	/**
	 * The value as a CSV cell.
	 * @param value the value, or {@code null} for an empty cell
	 * @return the cell
	 */
	public static String cell(String value) {
		if (value == null) {
			return "";
		}
		String safe = value;
		if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0 && !safe.matches("\\+\\d+")) {
			safe = "'" + safe;
		}
		if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
			return "\"" + safe.replace("\"", "\"\"") + "\"";
		}
		return safe;
	}

}
