package io.twilioprovisioning.clients.web;

import io.twilioprovisioning.clients.ClientStatus;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A client to create or update, from the API or the clients page. Names are trimmed;
 * control characters, invisible formatting characters and angle brackets are refused.
 *
 * @param name the client's name, 1 to 120 characters
 * @param contactEmail who to contact, optional
 * @param status active or inactive; new clients are active when absent
 */
record ClientForm(@NotBlank @Size(max = 120) @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE) String name,
		@Email @Size(max = 254) String contactEmail, ClientStatus status) {

	static final String NAME_PATTERN = "^[^\\p{Cc}\\p{Cf}<>]*$";

	static final String NAME_MESSAGE = "must not contain control characters or < >";

	static ClientForm empty() {
		return new ClientForm("", "", null);
	}

}
