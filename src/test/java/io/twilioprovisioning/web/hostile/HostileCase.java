package io.twilioprovisioning.web.hostile;

import java.util.Map;

/**
 * One hostile request of the suite.
 *
 * @param label route, field and variant, for failure messages
 * @param method the HTTP method
 * @param target the request target exactly as sent
 * @param headers the request's headers
 * @param body the body, or {@code null}
 * @param console whether it goes to a console page (HTML) rather than the API
 * @param mayWrite whether the request may legitimately change data: only a variant the
 * field's rules allow, in the one field whose value kept the request from writing (the
 * name of a new client, the email of a new user); every other case must write nothing
 */
record HostileCase(String label, String method, String target, Map<String, String> headers, byte[] body,
		boolean console, boolean mayWrite) {

	/**
	 * Whether the request line and headers exceed what Tomcat reads (8 KiB), so that it
	 * may close the connection instead of answering.
	 */
	boolean headTooLarge() {
		int size = this.target.length();
		for (Map.Entry<String, String> header : this.headers.entrySet()) {
			size += header.getKey().length() + header.getValue().length() + 4;
		}
		return size > 8000;
	}

}
