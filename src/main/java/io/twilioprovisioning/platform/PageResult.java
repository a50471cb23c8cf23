package io.twilioprovisioning.platform;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * One page of a list that is paged in the database, by page number (small lists) or by
 * keyset cursor (docs/adr/0021). A count that would scan a large list is capped: then
 * {@code totalIsExact} is false and {@code totalElements} is a lower bound.
 *
 * @param <T> the item type
 * @param content the items of this page
 * @param page the zero-based page index, or {@code null} when the page was asked for by
 * cursor
 * @param size the requested page size
 * @param totalElements how many items match in all, or at least, when not exact
 * @param totalIsExact whether {@code totalElements} is the exact count
 * @param nextCursor the cursor of the page after this one, {@code null} on the last page
 * (always {@code null} for lists paged by number only)
 * @param previousCursor the cursor of the page before this one, {@code null} on the first
 */
@NullMarked
public record PageResult<T>(List<T> content, @Nullable Integer page, int size, long totalElements, boolean totalIsExact,
		@Nullable String nextCursor, @Nullable String previousCursor) {

	public PageResult {
		content = List.copyOf(content);
	}

	/**
	 * A page of a list paged by number, with an exact count.
	 */
	public PageResult(List<T> content, int page, int size, long totalElements) {
		this(content, page, size, totalElements, true, null, null);
	}

	/**
	 * How many pages there are, when the count is exact and the list is paged by number.
	 */
	@JsonProperty("totalPages")
	public @Nullable Integer totalPages() {
		if (!this.totalIsExact) {
			return null;
		}
		return (this.size == 0) ? 0 : (int) ((this.totalElements + this.size - 1) / this.size);
	}

	public boolean hasNext() {
		if (this.nextCursor != null) {
			return true;
		}
		return this.page != null && this.totalIsExact && (long) (this.page + 1) * this.size < this.totalElements;
	}

	public boolean hasPrevious() {
		return this.previousCursor != null || (this.page != null && this.page > 0);
	}

	public <R> PageResult<R> map(Function<? super T, ? extends R> mapper) {
		return new PageResult<>(this.content.stream().<R>map(mapper).toList(), this.page, this.size, this.totalElements,
				this.totalIsExact, this.nextCursor, this.previousCursor);
	}

}
