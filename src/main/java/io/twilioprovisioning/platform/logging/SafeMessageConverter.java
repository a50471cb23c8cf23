package io.twilioprovisioning.platform.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.slf4j.helpers.MessageFormatter;

/**
 * The log message ({@code %m}, {@code %msg}, {@code %message}) with everything a request
 * may have brought escaped by {@link LogText}: the arguments of every message; and, for
 * loggers outside this application and Spring Boot (whose code may put request data into
 * the text itself), the whole message. The templates of this application keep their line
 * breaks (the sandbox admin banner).
 */
public class SafeMessageConverter extends ClassicConverter {

	private static final String[] TEMPLATES_TRUSTED = { "io.twilioprovisioning.", "org.springframework.boot." };

	@Override
	public String convert(ILoggingEvent event) {
		if (!templateTrusted(event.getLoggerName())) {
			return LogText.escape(event.getFormattedMessage());
		}
		Object[] arguments = event.getArgumentArray();
		if (arguments == null || arguments.length == 0) {
			return event.getMessage();
		}
		Object[] escaped = new Object[arguments.length];
		for (int i = 0; i < arguments.length; i++) {
			escaped[i] = (arguments[i] != null) ? LogText.escape(asText(arguments[i])) : null;
		}
		return MessageFormatter.basicArrayFormat(event.getMessage(), escaped);
	}

	private static String asText(Object argument) {
		return MessageFormatter.arrayFormat("{}", new Object[] { argument }).getMessage();
	}

	private static boolean templateTrusted(String loggerName) {
		if (loggerName == null) {
			return false;
		}
		for (String prefix : TEMPLATES_TRUSTED) {
			if (loggerName.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

}
