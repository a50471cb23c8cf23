package io.twilioprovisioning.platform;

/**
 * A validated page request: zero-based index and a size between 1 and {@link #MAX_SIZE}.
 *
 * @param page zero-based page index
 * @param size items per page
 */
public record PageRequest(int page, int size) {

	public static final int MAX_SIZE = 200;

	/**
	 * How deep page numbers reach into a list paged by keyset: the rows up to here are
	 * walked by {@code OFFSET}; beyond, a cursor is needed (docs/adr/0021).
	 */
	public static final long MAX_OFFSET = 10_000;

	public PageRequest {
		if (page < 0) {
			throw new IllegalArgumentException("page must be >= 0");
		}
		if (size < 1 || size > MAX_SIZE) {
			throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
		}
	}

	public long offset() {
		return (long) page * size;
	}

}
