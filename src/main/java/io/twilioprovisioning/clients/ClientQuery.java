package io.twilioprovisioning.clients;

/**
 * What to look for in the client list.
 *
 * @param text matches anywhere in the name or contact email, case-insensitive; may be
 * {@code null}
 * @param status only clients with this status; may be {@code null}
 */
public record ClientQuery(String text, ClientStatus status) {

	public ClientQuery {
		text = (text == null || text.isBlank()) ? null : text.strip();
	}

	public static ClientQuery all() {
		return new ClientQuery(null, null);
	}

}
