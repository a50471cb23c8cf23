package io.twilioprovisioning.alerts;

import java.time.Instant;

/**
 * An alert that fired and has not resolved yet.
 *
 * @param key the condition: the type, or the type and a subject ({@code JOB_FAILED:42})
 * @param type what kind of alert
 * @param message what is wrong, for an operator
 * @param firedAt when it fired
 */
public record ActiveAlert(String key, AlertType type, String message, Instant firedAt) {

	public String title() {
		return this.type.title();
	}

}
