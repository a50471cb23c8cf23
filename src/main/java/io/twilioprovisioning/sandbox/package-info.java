/**
 * A Twilio-compatible emulator of the 2010-04-01 endpoints this service calls
 * (AvailablePhoneNumbers, IncomingPhoneNumbers, Account, Balance), with Twilio's JSON
 * shapes, error codes, paging, HTTP Basic auth, magic test numbers and injectable faults.
 * Tests start it on a random loopback port ({@link StandaloneTwilioEmulator}); sandbox
 * mode serves it in-process under {@code /sandbox/twilio}. It offers only fictional
 * numbers.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sandbox", allowedDependencies = "platform")
package io.twilioprovisioning.sandbox;
