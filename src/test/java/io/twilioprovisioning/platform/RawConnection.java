package io.twilioprovisioning.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * One HTTP/1.1 connection written by hand, from a chosen loopback address, so a test can
 * send a request in pieces and see exactly what the server answers and when it closes.
 */
final class RawConnection implements AutoCloseable {

	private final Socket socket;

	private RawConnection(Socket socket) {
		this.socket = socket;
	}

	static RawConnection open(String fromAddress, int port) throws IOException {
		Socket socket = new Socket();
		socket.bind(new InetSocketAddress(InetAddress.getByName(fromAddress), 0));
		socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
		return new RawConnection(socket);
	}

	RawConnection send(String text) throws IOException {
		this.socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
		this.socket.getOutputStream().flush();
		return this;
	}

	/**
	 * Reads until the server closes the connection or has sent a whole response with a
	 * Content-Length, or the time is up.
	 * @return what arrived, or {@code null} when nothing did in time
	 */
	String readResponse(Duration within) throws IOException {
		this.socket.setSoTimeout((int) within.toMillis());
		ByteArrayOutputStream received = new ByteArrayOutputStream();
		InputStream in = this.socket.getInputStream();
		byte[] buffer = new byte[8192];
		try {
			int read;
			while ((read = in.read(buffer)) != -1) {
				received.write(buffer, 0, read);
				if (isComplete(received.toString(StandardCharsets.ISO_8859_1))) {
					break;
				}
			}
		}
		catch (SocketTimeoutException ex) {
			if (received.size() == 0) {
				return null;
			}
		}
		catch (IOException ex) {
			// a reset after the answer: keep what arrived
		}
		return received.toString(StandardCharsets.UTF_8);
	}

	/**
	 * Whether the server closed the connection (after anything it still sends).
	 */
	boolean closedByServer(Duration within) throws IOException {
		this.socket.setSoTimeout((int) within.toMillis());
		try {
			InputStream in = this.socket.getInputStream();
			byte[] buffer = new byte[8192];
			while (in.read(buffer) != -1) {
				// drain
			}
			return true;
		}
		catch (SocketTimeoutException ex) {
			return false;
		}
		catch (IOException ex) {
			return true;
		}
	}

	static int status(String response) {
		if (response == null || response.length() < 12 || !response.startsWith("HTTP/1.1 ")) {
			throw new AssertionError("Expected an HTTP response but got: " + response);
		}
		return Integer.parseInt(response.substring(9, 12));
	}

	static String header(String response, String name) {
		for (String line : response.substring(0, headEnd(response)).split("\r\n")) {
			int colon = line.indexOf(':');
			if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
				return line.substring(colon + 1).trim();
			}
		}
		return null;
	}

	static String body(String response) {
		int end = headEnd(response);
		return (end < response.length()) ? response.substring(end + 4) : "";
	}

	private static int headEnd(String response) {
		int end = response.indexOf("\r\n\r\n");
		return (end >= 0) ? end : response.length();
	}

	private static boolean isComplete(String received) {
		int end = received.indexOf("\r\n\r\n");
		if (end < 0) {
			return false;
		}
		String length = header(received, "Content-Length");
		if (length != null) {
			return received.length() - end - 4 >= Integer.parseInt(length);
		}
		String encoding = header(received, "Transfer-Encoding");
		return encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")
				&& received.endsWith("0\r\n\r\n");
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
