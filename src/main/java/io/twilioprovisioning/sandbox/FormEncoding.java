package io.twilioprovisioning.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes {@code application/x-www-form-urlencoded} text (a query string or a form body).
 */
final class FormEncoding {

	private FormEncoding() {
	}

	static Map<String, List<String>> decode(String encoded) {
		Map<String, List<String>> parameters = new LinkedHashMap<>();
		if (encoded == null || encoded.isEmpty()) {
			return parameters;
		}
		for (String pair : encoded.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = (equals >= 0) ? pair.substring(0, equals) : pair;
			String value = (equals >= 0) ? pair.substring(equals + 1) : "";
			try {
				parameters.computeIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8), (key) -> new ArrayList<>())
					.add(URLDecoder.decode(value, StandardCharsets.UTF_8));
			}
			catch (IllegalArgumentException ex) {
				// a malformed escape: ignored, as a lenient server would
			}
		}
		return parameters;
	}

}
