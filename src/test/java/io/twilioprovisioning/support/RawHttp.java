package io.twilioprovisioning.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP/1.1 over a plain socket, for what {@code java.net.http} will not do: send any
 * {@code Host} header, and connect from a chosen loopback address (127.0.0.2, 127.0.0.3…)
 * so the server sees distinct clients. One request per connection.
 */
public final class RawHttp {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final int port;

	private final String localAddress;

	private RawHttp(int port, String localAddress) {
		this.port = port;
		this.localAddress = localAddress;
	}

	public static RawHttp to(int port) {
		return new RawHttp(port, null);
	}

	/**
	 * Connects from this loopback address (the server's {@code getRemoteAddr()}).
	 */
	public RawHttp from(String loopbackAddress) {
		return new RawHttp(this.port, loopbackAddress);
	}

	/**
	 * Sends a request; {@code headers} may hold {@code Host}, else it is 127.0.0.1.
	 */
	public Response send(String method, String path, Map<String, String> headers, String body) {
		Map<String, String> all = new LinkedHashMap<>();
		all.put("Host", "127.0.0.1:" + this.port);
		all.putAll(headers);
		all.put("Connection", "close");
		byte[] bytes = (body != null) ? body.getBytes(StandardCharsets.UTF_8) : new byte[0];
		if (body != null) {
			all.put("Content-Length", Integer.toString(bytes.length));
		}
		StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
		all.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
		request.append("\r\n");
		try (Socket socket = new Socket()) {
			if (this.localAddress != null) {
				socket.bind(new InetSocketAddress(InetAddress.getByName(this.localAddress), 0));
			}
			socket.setSoTimeout(30_000);
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.write(bytes);
			out.flush();
			return Response.parse(readAll(socket.getInputStream()));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public Response get(String path, Map<String, String> headers) {
		return send("GET", path, headers, null);
	}

	/**
	 * Posts a form.
	 */
	public Response postForm(String path, Map<String, String> headers, Map<String, String> fields) {
		Map<String, String> all = new LinkedHashMap<>(headers);
		all.put("Content-Type", "application/x-www-form-urlencoded");
		StringBuilder body = new StringBuilder();
		fields.forEach((name, value) -> body.append((body.length() > 0) ? "&" : "")
			.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
			.append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
		return send("POST", path, all, body.toString());
	}

	/**
	 * Signs in with the login form, every request carrying {@code host} as its Host
	 * header.
	 * @param savedCookie a session cookie to start from (one that asked for a page
	 * first), or {@code null}
	 * @return the answer to the form post; its session cookie is the signed-in session
	 */
	public Response signIn(String host, String email, String password, String savedCookie) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Host", host);
		if (savedCookie != null) {
			headers.put("Cookie", savedCookie);
		}
		Response page = get("/login", headers);
		String cookie = (page.cookie("JSESSIONID") != null) ? "JSESSIONID=" + page.cookie("JSESSIONID") : savedCookie;
		Matcher token = CSRF.matcher(page.body());
		if (!token.find()) {
			throw new IllegalStateException("No CSRF token on the login page");
		}
		headers.put("Cookie", cookie);
		return postForm("/login", headers, Map.of("email", email, "password", password, "_csrf", token.group(1)));
	}

	private static byte[] readAll(InputStream in) throws IOException {
		ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		in.transferTo(buffer);
		return buffer.toByteArray();
	}

	/**
	 * A response: status, headers (names lower case, in order) and the raw body.
	 *
	 * @param status the status code
	 * @param headers every header line as name and value
	 * @param body the body, chunked transfer encoding undone
	 */
	public record Response(int status, List<Map.Entry<String, String>> headers, String body) {

		static Response parse(byte[] bytes) {
			String text = new String(bytes, StandardCharsets.UTF_8);
			int end = text.indexOf("\r\n\r\n");
			String head = (end >= 0) ? text.substring(0, end) : text;
			String body = (end >= 0) ? text.substring(end + 4) : "";
			String[] lines = head.split("\r\n");
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			List<Map.Entry<String, String>> headers = new ArrayList<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers.add(Map.entry(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
						lines[i].substring(colon + 1).strip()));
			}
			boolean chunked = headers.stream()
				.anyMatch((header) -> header.getKey().equals("transfer-encoding")
						&& header.getValue().contains("chunked"));
			return new Response(status, headers, chunked ? dechunk(body) : body);
		}

		private static String dechunk(String body) {
			StringBuilder text = new StringBuilder();
			int at = 0;
			while (at < body.length()) {
				int lineEnd = body.indexOf("\r\n", at);
				if (lineEnd < 0) {
					break;
				}
				int size = Integer.parseInt(body.substring(at, lineEnd).split(";")[0].strip(), 16);
				if (size == 0) {
					break;
				}
				// Sizes count bytes; the bodies here are ASCII or close to it.
				byte[] rest = body.substring(lineEnd + 2).getBytes(StandardCharsets.UTF_8);
				String chunk = new String(rest, 0, Math.min(size, rest.length), StandardCharsets.UTF_8);
				text.append(chunk);
				at = lineEnd + 2 + chunk.length() + 2;
			}
			return text.toString();
		}

		public Optional<String> header(String name) {
			return this.headers.stream()
				.filter((header) -> header.getKey().equals(name.toLowerCase(Locale.ROOT)))
				.map(Map.Entry::getValue)
				.findFirst();
		}

		public List<String> headers(String name) {
			return this.headers.stream()
				.filter((header) -> header.getKey().equals(name.toLowerCase(Locale.ROOT)))
				.map(Map.Entry::getValue)
				.toList();
		}

		/**
		 * The value of a cookie this response sets, or {@code null}.
		 */
		public String cookie(String name) {
			for (String setCookie : headers("set-cookie")) {
				if (setCookie.startsWith(name + "=")) {
					return setCookie.substring(name.length() + 1).split(";")[0];
				}
			}
			return null;
		}

	}

}
