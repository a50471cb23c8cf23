package io.twilioprovisioning.platform;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.NullMarked;

/**
 * One page of a list that is paged in the database.
 *
 * @param <T> the item type
 * @param content the items of this page
 * @param page the zero-based page index
 * @param size the requested page size
 * @param totalElements how many items match in all
 */
@NullMarked
public record PageResult<T>(List<T> content, int page, int size, long totalElements) {

	public PageResult {
		content = List.copyOf(content);
	}

	@JsonProperty("totalPages")
	public int totalPages() {
		return (size == 0) ? 0 : (int) ((totalElements + size - 1) / size);
	}

	public boolean hasNext() {
		return (long) (page + 1) * size < totalElements;
	}

	public boolean hasPrevious() {
		return page > 0;
	}

	public <R> PageResult<R> map(Function<? super T, ? extends R> mapper) {
		return new PageResult<>(content.stream().<R>map(mapper).toList(), page, size, totalElements);
	}

}
