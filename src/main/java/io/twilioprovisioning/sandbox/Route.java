package io.twilioprovisioning.sandbox;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which emulated resource a request path names, and which operation its method is.
 *
 * @param resource the resource
 * @param accountSid the account SID in the path
 * @param country the country of a search, else {@code null}
 * @param name the search type ({@code Local}…), the typed list ({@code Local}…) or the
 * number SID, else {@code null}
 * @param operation the operation, or {@code null} when the method is not allowed
 */
record Route(Resource resource, String accountSid, String country, String name, Operation operation) {

	private static final String PREFIX = "/" + TwilioJson.API_VERSION + "/Accounts/";

	private static final String JSON = ".json";

	private static final Set<String> NUMBER_TYPES = Set.of("Local", "Mobile", "TollFree");

	/**
	 * Parses a path after the base URL.
	 * @return the route, or {@code null} when no resource has that path
	 */
	static Route parse(String method, String path) {
		if (path == null || !path.startsWith(PREFIX)) {
			return null;
		}
		String[] segments = path.substring(PREFIX.length()).split("/", -1);
		String verb = (method != null) ? method.toUpperCase(Locale.ROOT) : "";
		if (segments.length == 1 && isJson(segments[0])) {
			return route(Resource.ACCOUNT, strip(segments[0]), null, null, verb);
		}
		if (segments.length == 2 && segments[1].equals("Balance.json")) {
			return route(Resource.BALANCE, segments[0], null, null, verb);
		}
		if (segments.length == 2 && segments[1].equals("IncomingPhoneNumbers.json")) {
			return route(Resource.INCOMING_NUMBERS, segments[0], null, null, verb);
		}
		if (segments.length == 3 && segments[1].equals("IncomingPhoneNumbers") && isJson(segments[2])) {
			String name = strip(segments[2]);
			Resource resource = NUMBER_TYPES.contains(name) ? Resource.INCOMING_NUMBERS : Resource.INCOMING_NUMBER;
			return route(resource, segments[0], null, name, verb);
		}
		if (segments.length == 4 && segments[1].equals("AvailablePhoneNumbers") && isJson(segments[3])) {
			return route(Resource.AVAILABLE_NUMBERS, segments[0], segments[2], strip(segments[3]), verb);
		}
		return null;
	}

	private static Route route(Resource resource, String accountSid, String country, String name, String verb) {
		if (accountSid.isEmpty()) {
			return null;
		}
		return new Route(resource, accountSid, country, name, resource.operations.get(verb));
	}

	private static boolean isJson(String segment) {
		return segment.length() > JSON.length() && segment.endsWith(JSON);
	}

	private static String strip(String segment) {
		return segment.substring(0, segment.length() - JSON.length());
	}

	/**
	 * The methods a resource allows, for the {@code Allow} header of a 405.
	 */
	String allowedMethods() {
		return String.join(", ", this.resource.operations.keySet().stream().sorted().toList());
	}

	/**
	 * The emulated resources and the operation each method maps to.
	 */
	enum Resource {

		ACCOUNT(Map.of("GET", Operation.ACCOUNT)),

		BALANCE(Map.of("GET", Operation.BALANCE)),

		AVAILABLE_NUMBERS(Map.of("GET", Operation.SEARCH)),

		INCOMING_NUMBERS(Map.of("GET", Operation.LIST, "POST", Operation.PURCHASE)),

		INCOMING_NUMBER(Map.of("GET", Operation.FETCH, "POST", Operation.UPDATE, "DELETE", Operation.RELEASE));

		private final Map<String, Operation> operations;

		Resource(Map<String, Operation> operations) {
			this.operations = operations;
		}

	}

}
