package io.twilioprovisioning.sandbox;

import java.util.List;
import java.util.Map;

import io.twilioprovisioning.platform.DomainException;

/**
 * A sandbox reset was not confirmed by typing {@value SandboxConsole#RESET_CONFIRMATION}.
 */
public class ResetNotConfirmedException extends DomainException {

	private static final long serialVersionUID = 1L;

	public ResetNotConfirmedException() {
		super(Kind.INVALID, "reset-not-confirmed",
				"To reset the sandbox, type " + SandboxConsole.RESET_CONFIRMATION + " in 'confirm'.");
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("errors", List.of(Map.of("field", "confirm", "message",
				"must be " + SandboxConsole.RESET_CONFIRMATION + " to confirm the reset")));
	}

}
