package io.twilioprovisioning.sandbox;

import java.util.Map;

/**
 * The emulator's answer, for a transport to write out.
 *
 * @param status the HTTP status
 * @param body the JSON body, or an empty string (204)
 * @param headers response headers besides {@code Content-Type}
 * @param dropConnection when {@code true} the transport must not answer at all but drop
 * the connection, as when Twilio processed a request and the response was lost
 */
public record EmulatorResponse(int status, String body, Map<String, String> headers, boolean dropConnection) {

	public EmulatorResponse {
		body = (body != null) ? body : "";
		headers = (headers != null) ? Map.copyOf(headers) : Map.of();
	}

	public EmulatorResponse(int status, String body, Map<String, String> headers) {
		this(status, body, headers, false);
	}

	/**
	 * Whether there is a body to write.
	 * @return {@code true} unless the body is empty
	 */
	public boolean hasBody() {
		return !this.body.isEmpty();
	}

	EmulatorResponse dropped() {
		return new EmulatorResponse(this.status, this.body, this.headers, true);
	}

}
