package io.twilioprovisioning.numbers;

import java.util.List;

import io.twilioprovisioning.platform.ProvisioningMode;

/**
 * Numbers for sale, and whether they come from the sandbox or the live account.
 *
 * @param numbers the numbers found, at most 30
 * @param mode sandbox or live
 */
public record SearchResult(List<AvailableNumber> numbers, ProvisioningMode mode) {

	public SearchResult {
		numbers = List.copyOf(numbers);
	}

}
