package io.twilioprovisioning.web.hostile;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.twilioprovisioning.support.RawHttpSession;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The console's hostile cases, generated from its pages as an admin sees them: every
 * {@code <form>} (fields, hidden inputs and selects, posted with the CSRF token) and
 * every query parameter its links and htmx requests use, each with every text variant of
 * {@link HostileVariants} while the other fields keep their values. Forms that change a
 * number or buy one are sent to the released number and the inactive client of
 * {@link Fixtures}; forms without fields (sync, deactivate, sign out) are left alone.
 */
final class ConsoleCases {

	private static final Map<String, String> HTML = Map.of("Accept", "text/html");

	private final RawHttpSession session;

	private final String csrf;

	private final Fixtures fixtures;

	private final Map<String, Map<String, String>> posts = new LinkedHashMap<>();

	private final Map<String, Map<String, String>> gets = new LinkedHashMap<>();

	ConsoleCases(RawHttpSession session, String csrf, Fixtures fixtures) {
		this.session = session;
		this.csrf = csrf;
		this.fixtures = fixtures;
	}

	List<HostileCase> all() {
		for (String page : new String[] { "/admin/twilio", "/admin/phone-numbers",
				"/admin/phone-numbers/" + this.fixtures.activeNumber().id(), "/admin/clients",
				"/admin/clients/" + this.fixtures.active().id() + "/phone", "/admin/users", "/admin/audit" }) {
			RawHttpSession.Response response = this.session.get(page, HTML);
			if (response.status() != 200) {
				throw new IllegalStateException(page + " answered " + response.status());
			}
			read(Jsoup.parse(response.body(), "http://console" + page));
		}
		List<HostileCase> cases = new ArrayList<>();
		this.gets.forEach((path, fields) -> fields.keySet()
			.forEach((field) -> cases.addAll(variants("GET", path, fields, field))));
		this.posts.forEach((action, fields) -> fields.keySet()
			.forEach((field) -> cases.addAll(variants("POST", action, fields, field))));
		return cases;
	}

	/**
	 * The forms of a page, and the query parameters of its links and htmx requests.
	 */
	private void read(Document page) {
		for (Element form : page.select("form")) {
			String action = pathOf(form.absUrl("action"));
			Map<String, String> fields = fields(form);
			fields.remove("_csrf");
			if (fields.isEmpty() || action.equals("/logout")) {
				continue;
			}
			if (form.attr("method").equalsIgnoreCase("post")) {
				String target = retarget(action);
				Map<String, String> known = this.posts.computeIfAbsent(target, (key) -> new LinkedHashMap<>());
				fields.forEach(known::putIfAbsent);
				deadBaseline(target, known);
			}
			else {
				fields.forEach(this.gets.computeIfAbsent(action, (key) -> new LinkedHashMap<>())::putIfAbsent);
			}
		}
		for (Element link : page.select("a[href*=?]")) {
			String url = link.absUrl("href");
			String path = pathOf(url);
			if (path.startsWith("/admin/") && url.contains("?")) {
				Map<String, String> fields = this.gets.computeIfAbsent(path, (key) -> new LinkedHashMap<>());
				for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
					String[] parts = pair.split("=", 2);
					fields.putIfAbsent(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
							(parts.length > 1) ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
				}
			}
		}
		for (Element htmx : page.select("[hx-get][name]")) {
			this.gets.computeIfAbsent(pathOf(htmx.absUrl("hx-get")), (key) -> new LinkedHashMap<>())
				.putIfAbsent(htmx.attr("name"), htmx.val());
		}
	}

	private static Map<String, String> fields(Element form) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (Element input : form.select("input[name], select[name], textarea[name]")) {
			String type = input.attr("type").toLowerCase(java.util.Locale.ROOT);
			String name = input.attr("name");
			if (input.tagName().equals("select")) {
				Element option = input.selectFirst("option[selected]:not([disabled])");
				option = (option != null) ? option : input.selectFirst("option:not([disabled])");
				fields.putIfAbsent(name, (option != null) ? option.val() : "");
			}
			else if (type.equals("checkbox") || type.equals("radio")) {
				fields.putIfAbsent(name, input.hasAttr("checked") ? input.val() : "");
			}
			else if (!type.equals("submit") && !type.equals("button")) {
				fields.putIfAbsent(name, input.val());
			}
		}
		return fields;
	}

	/**
	 * Forms that change a number go to the released one, a purchase to the inactive
	 * client.
	 */
	private String retarget(String action) {
		String number = "/admin/phone-numbers/" + this.fixtures.activeNumber().id() + "/";
		if (action.startsWith(number)) {
			return "/admin/phone-numbers/" + this.fixtures.released().id() + "/" + action.substring(number.length());
		}
		String buy = "/admin/clients/" + this.fixtures.active().id() + "/phone/buy";
		if (action.equals(buy)) {
			return "/admin/clients/" + this.fixtures.inactive().id() + "/phone/buy";
		}
		return action;
	}

	/**
	 * Baseline values that make a form write nothing: a duplicate client name or user
	 * email, a number to buy for the inactive client, the released number to confirm.
	 */
	private void deadBaseline(String action, Map<String, String> fields) {
		switch (action) {
			case "/admin/clients" -> fields.put("name", this.fixtures.active().name());
			case "/admin/users" -> {
				fields.put("email", this.fixtures.adminEmail());
				fields.put("password", "long-enough-password");
			}
			default -> {
				if (action.endsWith("/phone/buy")) {
					fields.put("phoneNumber", "+15005550006");
				}
				if (action.endsWith("/release")) {
					fields.put("confirm", this.fixtures.released().e164());
				}
			}
		}
	}

	private List<HostileCase> variants(String method, String action, Map<String, String> fields, String field) {
		boolean keptFromWriting = method.equals("POST") && ((action.equals("/admin/clients") && field.equals("name"))
				|| (action.equals("/admin/users") && field.equals("email")));
		List<HostileCase> cases = new ArrayList<>();
		for (HostileVariants.Text value : HostileVariants.text(HostileVariants.isUrl(field))) {
			cases.add(send(method, action, fields, field, field + "=" + value.raw(), value.label(),
					keptFromWriting && !value.refusedAnywhere()));
		}
		cases.add(send(method, action, fields, field, field + "=1&" + field + "=2", "repeated", false));
		cases.add(send(method, action, fields, field, field, "without =", keptFromWriting));
		return cases;
	}

	private HostileCase send(String method, String action, Map<String, String> fields, String field, String raw,
			String label, boolean mayWrite) {
		StringBuilder form = new StringBuilder();
		fields.forEach((name, value) -> {
			if (!name.equals(field) && !value.isEmpty()) {
				form.append(encode(name)).append('=').append(encode(value)).append('&');
			}
		});
		form.append(raw);
		String name = method + " " + action + " " + field + " " + label;
		if (method.equals("GET")) {
			return new HostileCase(name, method, action + "?" + form, HTML, null, true, false);
		}
		form.append("&_csrf=").append(this.csrf);
		Map<String, String> headers = new LinkedHashMap<>(HTML);
		headers.put("Content-Type", "application/x-www-form-urlencoded");
		return new HostileCase(name, method, action, headers, form.toString().getBytes(StandardCharsets.ISO_8859_1),
				true, mayWrite);
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static String pathOf(String url) {
		String path = url.replaceFirst("^https?://[^/]+", "");
		int query = path.indexOf('?');
		return (query >= 0) ? path.substring(0, query) : path;
	}

}
