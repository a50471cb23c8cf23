package io.twilioprovisioning.numbers;

import java.util.List;

import io.twilioprovisioning.platform.Cursor;
import io.twilioprovisioning.platform.InvalidParameterException;
import io.twilioprovisioning.platform.Keyset;
import io.twilioprovisioning.platform.PageRequest;
import io.twilioprovisioning.platform.PageResult;

import org.springframework.stereotype.Service;

/**
 * Pages of the inventory for the API and the console, at a cost that does not grow with
 * the inventory (docs/adr/0021): pages by keyset cursor, each a range scan of the index
 * of its order; shallow pages also by number; counts that stop at {@link #COUNT_CAP}. A
 * search ({@link NumberQuery#text()}) is not counted beyond its page (docs/adr/0019): its
 * total is exact only when the first page holds every match, else a lower bound.
 */
@Service
public class NumberListing {

	/** Counts stop here: beyond it the total is reported as "at least" this many. */
	public static final long COUNT_CAP = 10_000;

	private final PhoneNumberRepository numbers;

	NumberListing(PhoneNumberRepository numbers) {
		this.numbers = numbers;
	}

	/**
	 * One page of the inventory by page number. Only shallow pages are offered this way
	 * ({@link PageRequest#MAX_OFFSET} rows); deeper ones are reached by cursor. The page
	 * carries cursors, so a caller can continue from it by cursor.
	 * @throws InvalidParameterException when the page lies deeper than the offset limit
	 */
	public PageResult<TrackedNumber> list(NumberQuery query, PageRequest page) {
		if (page.offset() + page.size() > PageRequest.MAX_OFFSET) {
			throw new InvalidParameterException("page", "page numbers reach the first " + PageRequest.MAX_OFFSET
					+ " rows; go further with the nextCursor of a response (cursor=...)");
		}
		return page(query, this.numbers.search(query, page.size() + 1, page.offset()), page.size(), null, page.page());
	}

	/**
	 * One page of the inventory by keyset: the rows after (or, for a "previous" cursor,
	 * before) the position a cursor names, or the first page without one. The walk is
	 * stable: rows inserted, released or reassigned between two requests move the
	 * position of no other row, so none is skipped or repeated (docs/adr/0021).
	 * @param cursor a {@code nextCursor} or {@code previousCursor} from an earlier page
	 * of the same order, or {@code null} for the first page
	 * @throws InvalidParameterException when the cursor is malformed, altered or belongs
	 * to another order
	 */
	public PageResult<TrackedNumber> list(NumberQuery query, String cursor, int size) {
		if (cursor == null || cursor.isBlank()) {
			return page(query, this.numbers.seek(query, query.sort().descending(), null, null, size + 1), size, null,
					null);
		}
		Cursor position = Cursor.decode(cursor, query.sort().apiValue(), "cursor");
		if (query.sort().field().timestamp() && position.key() != null) {
			try {
				java.time.Instant.parse(position.key());
			}
			catch (java.time.format.DateTimeParseException ex) {
				throw Cursor.invalid("cursor");
			}
		}
		boolean descending = query.sort().descending() != position.backward();
		return page(query, this.numbers.seek(query, descending, position.key(), position.id(), size + 1), size,
				position, null);
	}

	private PageResult<TrackedNumber> page(NumberQuery query, List<PhoneNumberRepository.Keyed> rows, int size,
			Cursor from, Integer pageNumber) {
		long count;
		long cap;
		if (query.text() == null) {
			count = this.numbers.countUpTo(query, COUNT_CAP);
			cap = COUNT_CAP;
		}
		else {
			// A search is not counted beyond its page: a broad text matches thousands of
			// rows, and counting them costs more than finding the page (docs/adr/0019).
			// Known: the rows before a numbered page (when it is not past the end) and
			// this one.
			long before = (pageNumber != null && !rows.isEmpty()) ? (long) pageNumber * size : 0;
			boolean whole = from == null && rows.size() <= size
					&& (before > 0 || pageNumber == null || pageNumber == 0);
			cap = before + Math.min(rows.size(), size);
			count = whole ? cap : cap + 1;
		}
		return Keyset
			.page(rows, size, from, pageNumber, query.sort().apiValue(), PhoneNumberRepository.Keyed::key,
					(keyed) -> keyed.row().number().id(), count, cap)
			.map((keyed) -> keyed.row().number());
	}

}
