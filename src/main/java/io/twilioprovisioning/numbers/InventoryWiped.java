package io.twilioprovisioning.numbers;

import java.time.Instant;

/**
 * The whole inventory was removed because the sandbox started over
 * ({@link io.twilioprovisioning.platform.SandboxReset}); the audit trail keeps it, and
 * keeps every entry about the removed numbers.
 *
 * @param actor who reset the sandbox
 * @param occurredAt when
 * @param numbers how many inventory rows were removed
 */
public record InventoryWiped(String actor, Instant occurredAt, long numbers) implements NumberEvent {

	@Override
	public String action() {
		return "SANDBOX_RESET";
	}

	@Override
	public String outcome() {
		return "SUCCEEDED";
	}

	@Override
	public Long numberId() {
		return null;
	}

	@Override
	public String phoneNumber() {
		return null;
	}

	@Override
	public String sid() {
		return null;
	}

	@Override
	public Long clientId() {
		return null;
	}

	@Override
	public String detail() {
		return "Sandbox reset: the emulated Twilio account and the inventory started over; " + this.numbers
				+ " numbers, their assignments and the sync reports were removed";
	}

}
