package io.twilioprovisioning.platform;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose body {@link ClientLimitValve} has already read in full: its stream and
 * reader serve the bytes from memory. (Request parameters come from Tomcat, which reads
 * the same bytes through its replay of the body.)
 */
final class BufferedBodyRequest extends HttpServletRequestWrapper {

	private final ByteArrayInputStream bytes;

	private ServletInputStream stream;

	private BufferedReader reader;

	BufferedBodyRequest(HttpServletRequest request, byte[] bytes, int length) {
		super(request);
		this.bytes = new ByteArrayInputStream(bytes, 0, length);
	}

	@Override
	public ServletInputStream getInputStream() {
		if (this.reader != null) {
			throw new IllegalStateException("getReader() has already been called for this request");
		}
		if (this.stream == null) {
			this.stream = new BytesInputStream(this.bytes);
		}
		return this.stream;
	}

	@Override
	public BufferedReader getReader() throws UnsupportedEncodingException {
		if (this.stream != null) {
			throw new IllegalStateException("getInputStream() has already been called for this request");
		}
		if (this.reader == null) {
			String encoding = getCharacterEncoding();
			Charset charset;
			try {
				charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.ISO_8859_1;
			}
			catch (IllegalArgumentException ex) {
				throw new UnsupportedEncodingException(encoding);
			}
			this.reader = new BufferedReader(new InputStreamReader(this.bytes, charset));
		}
		return this.reader;
	}

	@Override
	public AsyncContext startAsync() {
		throw asyncRefused();
	}

	@Override
	public AsyncContext startAsync(ServletRequest request, ServletResponse response) {
		throw asyncRefused();
	}

	private static IllegalStateException asyncRefused() {
		return new IllegalStateException("A request whose body arrived slowly runs inside the asynchronous "
				+ "processing that read it (ClientLimitValve) and cannot start its own");
	}

	/**
	 * The buffered body as a servlet stream that is always ready.
	 */
	private static final class BytesInputStream extends ServletInputStream {

		private final ByteArrayInputStream bytes;

		BytesInputStream(ByteArrayInputStream bytes) {
			this.bytes = bytes;
		}

		@Override
		public int read() {
			return this.bytes.read();
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			return this.bytes.read(buffer, offset, length);
		}

		@Override
		public int available() {
			return this.bytes.available();
		}

		@Override
		public boolean isFinished() {
			return this.bytes.available() == 0;
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setReadListener(ReadListener listener) {
			try {
				if (!isFinished()) {
					listener.onDataAvailable();
				}
				listener.onAllDataRead();
			}
			catch (IOException ex) {
				listener.onError(ex);
			}
		}

	}

}
