package io.twilioprovisioning.web.hostile;

import java.util.LinkedHashMap;
import java.util.Map;

import io.twilioprovisioning.clients.Client;
import io.twilioprovisioning.numbers.TrackedNumber;

/**
 * What the hostile requests point at. Every request targets something that makes it write
 * nothing even when the mutated field happens to be acceptable: an inactive client to buy
 * for, a released number to configure, reassign or release, the name of an existing
 * client and the email of an existing user to create. Ids mutated into non-decimal forms
 * are built around real ids (a lenient parser would reach the real client or user), every
 * other id is {@link #DEAD}.
 *
 * @param active an active client
 * @param inactive an inactive client
 * @param userId a user (not the admin the suite signs in as)
 * @param activeNumber an active number of the active client
 * @param released a released number
 * @param adminEmail the admin's email
 */
record Fixtures(Client active, Client inactive, long userId, TrackedNumber activeNumber, TrackedNumber released,
		String adminEmail) {

	/** An id nothing has. */
	static final long DEAD = Long.MAX_VALUE;

	/**
	 * The real id a path variable of this route stands for, for the non-decimal forms.
	 */
	long anchor(String path) {
		if (path.startsWith("/api/admin/clients/")) {
			return this.active.id();
		}
		if (path.startsWith("/api/admin/users/")) {
			return this.userId;
		}
		if (path.startsWith("/api/admin/phone-numbers/")) {
			return this.activeNumber.id();
		}
		return DEAD;
	}

	/**
	 * A request body that reaches validation and then writes nothing, as raw JSON values
	 * by field; empty for a body the suite does not know.
	 */
	Map<String, String> body(String schema, String method) {
		Map<String, String> body = new LinkedHashMap<>();
		switch (schema) {
			case "SearchRequest" -> {
				body.put("country", "\"US\"");
				body.put("limit", "1");
			}
			case "PurchaseRequest" -> {
				body.put("phoneNumber", "\"+15005550006\"");
				body.put("clientId", Long.toString(this.inactive.id()));
			}
			case "ConfigureRequest" -> {
				body.put("phoneNumber", HostileVariants.quote(this.released.e164()));
				body.put("useDefaults", "true");
			}
			case "ReleaseRequest" -> {
				body.put("phoneNumber", HostileVariants.quote(this.released.e164()));
				body.put("confirm", HostileVariants.quote(this.released.e164()));
			}
			case "ReassignRequest" -> {
				body.put("phoneNumber", HostileVariants.quote(this.released.e164()));
				body.put("toClientId", Long.toString(this.active.id()));
			}
			case "ClientForm" -> body.put("name",
					HostileVariants.quote(method.equals("POST") ? this.active.name() : "Hostile baseline"));
			case "CreateUserRequest" -> {
				body.put("email", HostileVariants.quote(this.adminEmail));
				body.put("password", "\"long-enough-password\"");
				body.put("role", "\"USER\"");
			}
			default -> {
			}
		}
		return body;
	}

	/**
	 * The field whose baseline value keeps a request from writing (a duplicate), or
	 * {@code null}.
	 */
	static String keptFromWritingBy(String schema, String method) {
		if (!method.equals("POST")) {
			return null;
		}
		return switch (schema) {
			case "ClientForm" -> "name";
			case "CreateUserRequest" -> "email";
			default -> null;
		};
	}

	/**
	 * A body that takes the URL fields of a configure request past validation to the
	 * webhook policy, on the active number: the suite's URL variants are all invalid
	 * there, so it must refuse them before calling Twilio.
	 */
	Map<String, String> liveConfigure() {
		Map<String, String> body = new LinkedHashMap<>();
		body.put("phoneNumber", HostileVariants.quote(this.activeNumber.e164()));
		return body;
	}

}
