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

	/**
	 * How long ago, roughly: {@code just now}, {@code 12 s ago}, {@code 3 min ago},
	 * {@code 2 h ago}, {@code 4 days ago}.
	 */
	public String age(java.time.Duration age) {
		if (age == null) {
			return "never";
		}
		long seconds = age.toSeconds();
		if (seconds < 1) {
			return "just now";
		}
		if (seconds < 120) {
			return seconds + " s ago";
		}
		if (seconds < 7200) {
			return (seconds / 60) + " min ago";
		}
		if (seconds < 172_800) {
			return (seconds / 3600) + " h ago";
		}
		return (seconds / 86_400) + " days ago";
	}

	public String date(Instant instant) {
		return (instant != null) ? DATE.format(instant) : "—";
	}

}
