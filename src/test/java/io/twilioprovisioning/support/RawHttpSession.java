package io.twilioprovisioning.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP/1.1 client over one kept-alive socket that sends the request target and body
 * exactly as given: bad percent-encoding ({@code %ZZ}), raw bytes, repeated parameters,
 * which {@code java.net.URI} and the JDK's client refuse to send. Keeps the cookies the
 * server sets, like a browser session. Not thread-safe: one per thread.
 */
public final class RawHttpSession implements AutoCloseable {

	private static final int TIMEOUT_MILLIS = 30_000;

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final int port;

	private final Map<String, String> cookies = new LinkedHashMap<>();

	private Socket socket;

	private InputStream in;

	private OutputStream out;

	public RawHttpSession(int port) {
		this.port = port;
	}

	/**
	 * Another connection in the same session (with the same cookies).
	 */
	public RawHttpSession copy() {
		RawHttpSession copy = new RawHttpSession(this.port);
		copy.cookies.putAll(this.cookies);
		return copy;
	}

	/**
	 * Sends a request and reads the whole answer. A connection the server closed while
	 * idle is reopened once.
	 * @param target the request target as sent, e.g. {@code /api/admin/clients?q=%ZZ};
	 * characters up to U+00FF are sent as one byte each
	 * @param headers extra headers (Host, Content-Length and cookies are added)
	 * @param body the body, or {@code null} for none
	 * @return the response; status 0 when the server closed the connection without one
	 */
	public Response send(String method, String target, Map<String, String> headers, byte[] body) {
		for (int attempt = 0;; attempt++) {
			boolean reused = this.socket != null;
			try {
				return exchange(method, target, headers, body);
			}
			catch (IOException ex) {
				close();
				if (!reused || attempt > 0) {
					return new Response(0, Map.of(), ex.toString().getBytes(StandardCharsets.UTF_8));
				}
			}
		}
	}

	public Response get(String target, Map<String, String> headers) {
		return send("GET", target, headers, null);
	}

	/**
	 * Signs in through the console's login form, as a browser does.
	 * @return the CSRF token to post forms with
	 */
	public String logIn(String email, String password) {
		String token = csrfToken(get("/login", Map.of("Accept", "text/html")).body());
		String form = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + token;
		Response login = send("POST", "/login",
				Map.of("Accept", "text/html", "Content-Type", "application/x-www-form-urlencoded"),
				form.getBytes(StandardCharsets.UTF_8));
		if (login.status() != 302 || String.valueOf(login.header("Location")).contains("error")) {
			throw new IllegalStateException("Login failed: " + login.status() + " " + login.header("Location"));
		}
		return csrfToken(get("/admin/clients", Map.of("Accept", "text/html")).body());
	}

	/**
	 * The CSRF token of the first form of a page.
	 */
	public static String csrfToken(String html) {
		Matcher matcher = CSRF.matcher(html);
		if (!matcher.find()) {
			throw new IllegalStateException("No CSRF token in the page");
		}
		return matcher.group(1);
	}

	private Response exchange(String method, String target, Map<String, String> headers, byte[] body)
			throws IOException {
		if (this.socket == null) {
			this.socket = new Socket();
			this.socket.connect(new InetSocketAddress("127.0.0.1", this.port), TIMEOUT_MILLIS);
			this.socket.setSoTimeout(TIMEOUT_MILLIS);
			this.socket.setTcpNoDelay(true);
			this.in = new BufferedInputStream(this.socket.getInputStream(), 16 * 1024);
			this.out = this.socket.getOutputStream();
		}
		StringBuilder head = new StringBuilder(256 + target.length());
		head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
		head.append("Host: 127.0.0.1:").append(this.port).append("\r\n");
		headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		if (!this.cookies.isEmpty()) {
			head.append("Cookie: ");
			this.cookies.forEach((name, value) -> head.append(name).append('=').append(value).append("; "));
			head.setLength(head.length() - 2);
			head.append("\r\n");
		}
		if (body != null) {
			head.append("Content-Length: ").append(body.length).append("\r\n");
		}
		head.append("\r\n");
		ByteArrayOutputStream request = new ByteArrayOutputStream(head.length() + ((body != null) ? body.length : 0));
		request.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
		if (body != null) {
			request.writeBytes(body);
		}
		try {
			this.out.write(request.toByteArray());
			this.out.flush();
		}
		catch (IOException ex) {
			// the server may have answered and closed before reading everything: read on
		}
		Response response = read(method);
		if ("close".equalsIgnoreCase(response.header("Connection"))) {
			close();
		}
		return response;
	}

	private Response read(String method) throws IOException {
		String status = line();
		while (status.isEmpty()) {
			status = line();
		}
		String[] parts = status.split(" ", 3);
		if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
			throw new IOException("Not an HTTP response: " + status);
		}
		int code = Integer.parseInt(parts[1]);
		Map<String, String> headers = new LinkedHashMap<>();
		for (String line = line(); !line.isEmpty(); line = line()) {
			int colon = line.indexOf(':');
			String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
			String value = line.substring(colon + 1).trim();
			if (name.equals("set-cookie")) {
				String pair = value.split(";", 2)[0];
				int equals = pair.indexOf('=');
				this.cookies.put(pair.substring(0, equals), pair.substring(equals + 1));
			}
			headers.merge(name, value, (a, b) -> a + ", " + b);
		}
		if (code == 100) {
			return read(method);
		}
		byte[] body;
		if (method.equals("HEAD") || code == 204 || code == 304) {
			body = new byte[0];
		}
		else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			body = chunked();
		}
		else if (headers.containsKey("content-length")) {
			body = this.in.readNBytes(Integer.parseInt(headers.get("content-length")));
		}
		else {
			body = this.in.readAllBytes();
			headers.put("connection", "close");
		}
		return new Response(code, headers, body);
	}

	private byte[] chunked() throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (;;) {
			String size = line().split(";", 2)[0].trim();
			int length = Integer.parseInt(size, 16);
			if (length == 0) {
				while (!line().isEmpty()) {
					// trailers
				}
				return body.toByteArray();
			}
			body.writeBytes(this.in.readNBytes(length));
			line();
		}
	}

	private String line() throws IOException {
		StringBuilder line = new StringBuilder();
		for (int b = this.in.read(); b != '\n'; b = this.in.read()) {
			if (b < 0) {
				throw new IOException("Connection closed");
			}
			if (b != '\r') {
				line.append((char) b);
			}
		}
		return line.toString();
	}

	@Override
	public void close() {
		if (this.socket != null) {
			try {
				this.socket.close();
			}
			catch (IOException ex) {
				// closing anyway
			}
		}
		this.socket = null;
		this.in = null;
		this.out = null;
	}

	/**
	 * An answer.
	 *
	 * @param status the HTTP status, 0 when the server closed the connection without one
	 * @param headers the headers, names in lower case
	 * @param bytes the body
	 */
	public record Response(int status, Map<String, String> headers, byte[] bytes) {

		public String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

		public String body() {
			return new String(this.bytes, StandardCharsets.UTF_8);
		}

		public String contentType() {
			String type = header("Content-Type");
			return (type != null) ? type : "";
		}

	}

}
