package io.twilioprovisioning.numbers;

import java.util.Map;

/**
 * A lifecycle step that went through: the number as it is after the step, and, for steps
 * that change an existing number, as it was before.
 */
public interface NumberChanged extends NumberEvent {

	/** The number after the step. */
	TrackedNumber number();

	/** The number before the step, or {@code null} for a purchase. */
	default TrackedNumber previous() {
		return null;
	}

	@Override
	default String outcome() {
		return "SUCCEEDED";
	}

	@Override
	default Long numberId() {
		return number().id();
	}

	@Override
	default String phoneNumber() {
		return number().e164();
	}

	@Override
	default String sid() {
		return number().sid();
	}

	@Override
	default Long clientId() {
		return number().clientId();
	}

	@Override
	default Map<String, Object> beforeSnapshot() {
		return (previous() != null) ? NumberSnapshots.of(previous()) : Map.of();
	}

	@Override
	default Map<String, Object> afterSnapshot() {
		return NumberSnapshots.of(number());
	}

}
