package io.twilioprovisioning.platform.logging;

import org.springframework.boot.json.JsonWriter.Members;
import org.springframework.boot.json.JsonWriter.ValueProcessor;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Structured (JSON) logs: JSON already escapes line breaks and control characters; this
 * also escapes invisible and direction-changing characters in every string value, so a
 * log viewer shows them as they are. Set by {@code logging.structured.json.customizer}.
 */
public class SafeJsonLogCustomizer implements StructuredLoggingJsonMembersCustomizer<Object> {

	@Override
	public void customize(Members<Object> members) {
		members.applyingValueProcessor(ValueProcessor.of(String.class, LogText::escapeInvisible));
	}

}
