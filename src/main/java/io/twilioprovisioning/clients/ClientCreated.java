package io.twilioprovisioning.clients;

/**
 * A client was created (published in the creating transaction), so modules that give
 * clients resources elsewhere (a Twilio subaccount) can prepare them.
 *
 * @param client the new client
 */
public record ClientCreated(Client client) {

}
