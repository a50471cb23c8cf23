package io.twilioprovisioning.numbers;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a release happens (ADR 0031): at once, or after an undo window during which the
 * number stays owned and routed and an operator can take the release back.
 *
 * @param undoWindow how long a release waits; zero (the default) releases at once
 * @param sweepInterval how often due releases are looked for
 * @param sweepBatchSize how many due numbers one sweep releases at most
 */
@ConfigurationProperties("provisioning.release")
public record ReleaseProperties(@DefaultValue("0s") Duration undoWindow, @DefaultValue("1m") Duration sweepInterval,
		@DefaultValue("100") int sweepBatchSize) {

	public ReleaseProperties {
		if (undoWindow.isNegative()) {
			throw new IllegalArgumentException("provisioning.release.undo-window must not be negative");
		}
		if (sweepInterval.isNegative() || sweepInterval.isZero() || sweepBatchSize < 1) {
			throw new IllegalArgumentException(
					"provisioning.release.sweep-interval and sweep-batch-size must be positive");
		}
	}

	/**
	 * Whether releases are scheduled rather than done at once.
	 */
	public boolean windowOn() {
		return !this.undoWindow.isZero() && !this.undoWindow.isNegative();
	}

}
