package io.twilioprovisioning.twilio;

/**
 * The Twilio calls the adapter makes, with what is safe to assume when one fails.
 */
enum TwilioCall {

	SEARCH("search the numbers for sale", Effect.READ),

	PURCHASE("buy a number", Effect.PURCHASE),

	FETCH("fetch a number", Effect.READ),

	FIND("look a number up", Effect.READ),

	UPDATE("configure a number", Effect.UPDATE),

	RELEASE("release a number", Effect.RELEASE),

	LIST("list the owned numbers", Effect.READ),

	ACCOUNT("fetch the account", Effect.READ),

	BALANCE("fetch the balance", Effect.READ),

	TRANSFER("move a number to another account", Effect.CREATE),

	SUBACCOUNT_CREATE("create a subaccount", Effect.CREATE),

	SUBACCOUNT_FIND("look subaccounts up", Effect.READ),

	SERVICE_CREATE("create a Messaging Service", Effect.CREATE),

	SERVICE_FIND("look Messaging Services up", Effect.READ),

	SERVICE_JOIN("add a number to a Messaging Service", Effect.UPDATE),

	SERVICE_LEAVE("remove a number from a Messaging Service", Effect.RELEASE),

	SERVICE_NUMBERS("list a Messaging Service's numbers", Effect.READ),

	CAMPAIGNS("read the A2P 10DLC campaigns", Effect.READ),

	ADDRESS_CREATE("create an Address", Effect.CREATE),

	PRICES("fetch the number prices", Effect.READ);

	private final String description;

	private final Effect effect;

	TwilioCall(String description, Effect effect) {
		this.description = description;
		this.effect = effect;
	}

	/**
	 * What the call does, to complete "could not …", e.g. {@code buy a number}.
	 */
	String description() {
		return this.description;
	}

	Effect effect() {
		return this.effect;
	}

	/**
	 * What a call changes at Twilio.
	 */
	enum Effect {

		/** Nothing: a GET, repeated by the transport on failure. */
		READ,

		/** Buys a number: a lost answer leaves the outcome unknown. */
		PURCHASE,

		/**
		 * Sets fields of a number: a lost answer is ambiguous, but repeating the same
		 * update is harmless.
		 */
		UPDATE,

		/** Releases a number: a DELETE, repeated by the transport on failure. */
		RELEASE,

		/**
		 * Creates or moves something once (a transfer, a subaccount, a service): a lost
		 * answer leaves the outcome unknown, to be looked up before trying again.
		 */
		CREATE

	}

}
