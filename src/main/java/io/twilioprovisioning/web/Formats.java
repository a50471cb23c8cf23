package io.twilioprovisioning.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/**
 * Formatting helpers for templates, as {@code @formats} in expressions.
 */
@Component("formats")
public class Formats {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

	public String dateTime(Instant instant) {
		return (instant != null) ? DATE_TIME.format(instant) : "—";
	}

	public String date(Instant instant) {
		return (instant != null) ? DATE.format(instant) : "—";
	}

}
