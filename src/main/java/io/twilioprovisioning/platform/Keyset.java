package io.twilioprovisioning.platform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import org.jspecify.annotations.Nullable;

/**
 * Turns the rows of a keyset query into a {@link PageResult} with its cursors
 * (docs/adr/0021), the same way for every list: the query fetched up to {@code size + 1}
 * rows in the direction of the walk (reversed for a "previous" cursor), the extra row
 * only saying that there is more.
 */
public final class Keyset {

	private Keyset() {
	}

	/**
	 * The page.
	 * @param rows up to {@code size + 1} rows, in the walk's direction
	 * @param from the cursor the page was asked with, or {@code null} for the first page
	 * or a page asked by number
	 * @param pageNumber the page number when asked by number, else {@code null}
	 * @param order what the cursors are bound to (the list's sort)
	 * @param key the sort key of a row, in the text form the query reads back
	 * @param id the id of a row
	 * @param count the matching rows counted no further than {@code cap + 1}, which means
	 * "more than {@code cap}"
	 * @param cap where the count stopped
	 */
	public static <T> PageResult<T> page(List<T> rows, int size, @Nullable Cursor from, @Nullable Integer pageNumber,
			String order, Function<T, @Nullable String> key, ToLongFunction<T> id, long count, long cap) {
		boolean more = rows.size() > size;
		List<T> content = new ArrayList<>(rows.subList(0, Math.min(size, rows.size())));
		String next;
		String previous;
		if (from != null && from.backward()) {
			Collections.reverse(content);
			previous = more ? cursor(true, content.get(0), key, id, order) : null;
			next = content.isEmpty() ? new Cursor(false, from.key(), from.id()).encode(order)
					: cursor(false, content.get(content.size() - 1), key, id, order);
		}
		else {
			next = (more && !content.isEmpty()) ? cursor(false, content.get(content.size() - 1), key, id, order) : null;
			boolean after = from != null || (pageNumber != null && pageNumber > 0);
			if (!after) {
				previous = null;
			}
			else if (content.isEmpty()) {
				previous = (from != null) ? new Cursor(true, from.key(), from.id()).encode(order) : null;
			}
			else {
				previous = cursor(true, content.get(0), key, id, order);
			}
		}
		boolean exact = count <= cap;
		return new PageResult<>(content, pageNumber, size, exact ? count : cap, exact, next, previous);
	}

	private static <T> String cursor(boolean backward, T row, Function<T, @Nullable String> key, ToLongFunction<T> id,
			String order) {
		return new Cursor(backward, key.apply(row), id.applyAsLong(row)).encode(order);
	}

}
