package io.twilioprovisioning.platform.logging;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;

import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * Spring Boot's {@code %wEx} stack traces, with the message of every exception in the
 * chain escaped by {@link LogText}: an exception may quote a request ("For input string:
 * ..."), and its line breaks must not start forged lines.
 */
public class SafeThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

	@Override
	protected String throwableProxyToString(IThrowableProxy proxy) {
		return super.throwableProxyToString(new Escaped(proxy));
	}

	private record Escaped(IThrowableProxy proxy) implements IThrowableProxy {

		@Override
		public String getOverridingMessage() {
			return LogText.escape(this.proxy.getOverridingMessage());
		}

		@Override
		public String getMessage() {
			return LogText.escape(this.proxy.getMessage());
		}

		@Override
		public String getClassName() {
			return this.proxy.getClassName();
		}

		@Override
		public StackTraceElementProxy[] getStackTraceElementProxyArray() {
			return this.proxy.getStackTraceElementProxyArray();
		}

		@Override
		public int getCommonFrames() {
			return this.proxy.getCommonFrames();
		}

		@Override
		public IThrowableProxy getCause() {
			return (this.proxy.getCause() != null) ? new Escaped(this.proxy.getCause()) : null;
		}

		@Override
		public IThrowableProxy[] getSuppressed() {
			IThrowableProxy[] suppressed = this.proxy.getSuppressed();
			if (suppressed == null) {
				return null;
			}
			IThrowableProxy[] escaped = new IThrowableProxy[suppressed.length];
			for (int i = 0; i < suppressed.length; i++) {
				escaped[i] = new Escaped(suppressed[i]);
			}
			return escaped;
		}

		@Override
		public boolean isCyclic() {
			return this.proxy.isCyclic();
		}

	}

}
