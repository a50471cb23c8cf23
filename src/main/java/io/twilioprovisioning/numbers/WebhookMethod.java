package io.twilioprovisioning.numbers;

/**
 * The HTTP method Twilio uses to call a webhook.
 */
public enum WebhookMethod {

	GET, POST

}
