package io.twilioprovisioning.clients;

/**
 * What other modules still hold for a client, asked before the client is deactivated. The
 * numbers module implements it, so this module needs no knowledge of numbers and the
 * dependency keeps pointing from numbers to clients.
 */
public interface ClientHoldings {

	/**
	 * How many phone numbers the client holds: being bought, owned or being released.
	 * Called inside the deactivating transaction, after the client row was locked.
	 * @param clientId the client
	 * @return the count
	 */
	long numbersHeldBy(long clientId);

}
