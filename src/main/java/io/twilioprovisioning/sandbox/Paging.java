package io.twilioprovisioning.sandbox;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Paging of the emulator's small lists (accounts, addresses, services, bundles…) in the
 * two envelopes Twilio uses: the 2010 API's ({@code first_page_uri},
 * {@code next_page_uri}… relative to {@code https://api.twilio.com}) and the newer hosts'
 * ({@code meta} with absolute {@code *_page_url}s on Twilio's host). {@code PageSize} is
 * 1–1000 (20007 otherwise), {@code Page} is the client's page index, {@code PageToken}
 * (opaque to clients, {@code PT} + the offset of the page) is only ever taken from a
 * paging link (21481 otherwise).
 */
final class Paging {

	static final int DEFAULT_PAGE_SIZE = 50;

	static final int MAX_PAGE_SIZE = 1000;

	private Paging() {
	}

	static int pageSize(String value) {
		if (value == null || value.isBlank()) {
			return DEFAULT_PAGE_SIZE;
		}
		try {
			int size = Integer.parseInt(value.strip());
			if (size >= 1 && size <= MAX_PAGE_SIZE) {
				return size;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw TwilioErrorException.badRequest(20007,
				"PageSize must be an integer between 1 and " + MAX_PAGE_SIZE + ", was " + value);
	}

	static int pageIndex(String value) {
		if (value == null || value.isBlank()) {
			return 0;
		}
		try {
			int page = Integer.parseInt(value.strip());
			if (page >= 0) {
				return page;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw TwilioErrorException.badRequest(20001, "Page must be a non-negative integer, was " + value);
	}

	/**
	 * The page of a list a request asks for.
	 * @param all every item, filtered and in order
	 * @param request the request with {@code PageSize}, {@code Page}, {@code PageToken}
	 */
	static <T> Slice<T> slice(List<T> all, EmulatorRequest request) {
		int pageSize = pageSize(request.queryParam("PageSize"));
		int page = pageIndex(request.queryParam("Page"));
		String token = request.queryParam("PageToken");
		long start = (long) page * pageSize;
		if (token != null) {
			if (!token.matches("PT\\d{1,9}")) {
				throw TwilioErrorException.badRequest(21481, "Invalid PageToken");
			}
			start = Long.parseLong(token.substring(2));
		}
		int from = (int) Math.min(start, all.size());
		int to = Math.min(from + pageSize, all.size());
		return new Slice<>(List.copyOf(all.subList(from, to)), page, pageSize, from, to < all.size());
	}

	/**
	 * The 2010 API's list envelope.
	 * @param key the name of the array, e.g. {@code accounts}
	 * @param items the page's items, rendered
	 * @param slice the page
	 * @param path the list's path
	 * @param filters the list's filters as {@code Name=value&} pairs, kept in every link
	 */
	static Map<String, Object> legacyEnvelope(String key, List<?> items, Slice<?> slice, String path, String filters) {
		String base = path + "?" + filters + "PageSize=" + slice.pageSize();
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("end", slice.items().isEmpty() ? slice.start() : slice.start() + slice.items().size() - 1);
		json.put("first_page_uri", base + "&Page=0");
		json.put(key, items);
		json.put("next_page_uri", slice.hasNext()
				? base + "&Page=" + (slice.page() + 1) + "&PageToken=PT" + (slice.start() + slice.items().size())
				: null);
		json.put("page", slice.page());
		json.put("page_size", slice.pageSize());
		json.put("previous_page_uri", (slice.start() > 0) ? base + "&Page=" + Math.max(0, slice.page() - 1)
				+ "&PageToken=PT" + Math.max(0, slice.start() - slice.pageSize()) : null);
		json.put("start", slice.start());
		json.put("uri", base + "&Page=" + slice.page());
		return json;
	}

	/**
	 * The v1/v2 APIs' list envelope, with links on Twilio's host.
	 * @param key the name of the array, e.g. {@code services}
	 * @param items the page's items, rendered
	 * @param slice the page
	 * @param host the host of the list
	 * @param path the list's path on that host
	 * @param filters the list's filters as {@code Name=value&} pairs, kept in every link
	 */
	static Map<String, Object> metaEnvelope(String key, List<?> items, Slice<?> slice, TwilioHost host, String path,
			String filters) {
		String base = host.url(path) + "?" + filters + "PageSize=" + slice.pageSize();
		Map<String, Object> meta = new LinkedHashMap<>();
		meta.put("page", slice.page());
		meta.put("page_size", slice.pageSize());
		meta.put("first_page_url", base + "&Page=0");
		meta.put("previous_page_url", (slice.start() > 0) ? base + "&Page=" + Math.max(0, slice.page() - 1)
				+ "&PageToken=PT" + Math.max(0, slice.start() - slice.pageSize()) : null);
		meta.put("url", base + "&Page=" + slice.page());
		meta.put("next_page_url", slice.hasNext()
				? base + "&Page=" + (slice.page() + 1) + "&PageToken=PT" + (slice.start() + slice.items().size())
				: null);
		meta.put("key", key);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put(key, items);
		json.put("meta", meta);
		return json;
	}

	/**
	 * The filters a request sent, as {@code Name=value&} pairs for paging links.
	 */
	static String filters(EmulatorRequest request, String... names) {
		StringBuilder filters = new StringBuilder();
		for (String name : names) {
			String value = request.queryParam(name);
			if (value != null) {
				filters.append(name).append('=').append(encode(value)).append('&');
			}
		}
		return filters.toString();
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/**
	 * One page of a list.
	 *
	 * @param items the items on it
	 * @param page the client's page index
	 * @param pageSize the page size
	 * @param start the offset of the first item in the whole list
	 * @param hasNext whether items follow
	 */
	record Slice<T>(List<T> items, int page, int pageSize, int start, boolean hasNext) {

	}

}
