/**
 * A Twilio-compatible emulator of the endpoints this service needs on four Twilio hosts:
 * the 2010-04-01 API (AvailablePhoneNumbers, IncomingPhoneNumbers, Accounts and
 * subaccounts, Balance, Addresses), Messaging Services, Pricing and regulatory Bundles,
 * with Twilio's JSON shapes, error codes, paging, HTTP Basic auth, magic test numbers and
 * injectable faults. Tests start it on a random loopback port
 * ({@link StandaloneTwilioEmulator}); sandbox mode serves it in-process under
 * {@code /sandbox/twilio}, the hosts other than the API under {@code /messaging},
 * {@code /pricing} and {@code /numbers} below it. It offers only fictional numbers.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sandbox", allowedDependencies = "platform")
package io.twilioprovisioning.sandbox;
