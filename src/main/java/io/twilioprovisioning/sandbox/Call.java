package io.twilioprovisioning.sandbox;

/**
 * One authenticated request on its way to a resource handler.
 *
 * @param operation what it is
 * @param request the request
 * @param host the Twilio host it is for
 * @param path its path on that host, without the query, e.g. {@code /v1/Services/MG…}
 * @param match the route and its path parameters
 * @param caller the account whose credentials were given
 * @param account the account the request acts on: the {@code {Account}} of the path, or
 * else the caller
 */
record Call(Operation operation, EmulatorRequest request, TwilioHost host, String path, RouteTable.Match match,
		AccountRecord caller, AccountRecord account) {

	String parameter(String name) {
		return this.match.parameter(name);
	}

	TwilioErrorException notFound() {
		return TwilioErrorException.notFound(this.path);
	}

}
