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
		RELEASE

	}

}
