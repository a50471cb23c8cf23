package io.twilioprovisioning.numbers;

import io.twilioprovisioning.platform.ProvisioningMode;

/**
 * The Twilio account at a glance.
 *
 * @param mode sandbox or live
 * @param account the account, or {@code null} when Twilio could not be asked
 * @param balance the balance, or {@code null} when Twilio could not be asked
 * @param counts the inventory counts, from the database
 * @param carrierError why Twilio could not be asked, or {@code null}
 */
public record AccountOverview(ProvisioningMode mode, AccountInfo account, AccountBalance balance, Counts counts,
		CarrierException carrierError) {

	/**
	 * How many numbers there are.
	 *
	 * @param owned active numbers
	 * @param assigned active numbers that belong to a client
	 * @param unassigned active numbers that belong to no client
	 * @param purchasing numbers whose purchase is not resolved yet
	 * @param releasing numbers whose release is not finished yet
	 * @param webhooksDiffer active numbers whose webhooks differ from the policy
	 */
	public record Counts(long owned, long assigned, long unassigned, long purchasing, long releasing,
			long webhooksDiffer) {

		/**
		 * Numbers that need an operator's eye: stuck between states or configured
		 * differently from the policy.
		 */
		public long outOfSync() {
			return this.purchasing + this.releasing + this.webhooksDiffer;
		}

	}

}
