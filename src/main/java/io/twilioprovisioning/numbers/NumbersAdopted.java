package io.twilioprovisioning.numbers;

import java.util.List;

/**
 * Several untracked numbers were adopted together (one chunk of an adopt job), in one
 * transaction: listeners that keep a row per number write them in one batch instead of
 * one statement each. Each element is the same step a single adopt publishes on its own.
 *
 * @param adopted the numbers adopted, one event each
 */
public record NumbersAdopted(List<NumberAdopted> adopted) {

	public NumbersAdopted {
		adopted = List.copyOf(adopted);
	}

}
