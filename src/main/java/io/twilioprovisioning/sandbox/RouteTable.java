package io.twilioprovisioning.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emulated resources: for each host, path patterns such as
 * {@code /2010-04-01/Accounts/{Account}/Addresses/{Sid}.json} and, per HTTP method, the
 * {@link Operation} it is and the {@link Handler} that answers it. A segment
 * {@code {Name}} matches any value, {@code {Name:regex}} only values matching the regex;
 * literal text around it (such as {@code .json}) must match too. Routes are tried in the
 * order they were added. A route with an {@code {Account}} segment is scoped to that
 * account: the caller must be it or its parent.
 */
final class RouteTable {

	/** The path parameter naming the account a route acts on. */
	static final String ACCOUNT = "Account";

	private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z]+)(?::([^}]+))?}");

	private final List<Route> routes = new ArrayList<>();

	/**
	 * Starts a route; add its methods with {@link Route#get}, {@link Route#post} and
	 * {@link Route#delete}.
	 */
	Route route(TwilioHost host, String pattern) {
		Route route = new Route(host, pattern);
		this.routes.add(route);
		return route;
	}

	/**
	 * The route a path after the base URL names.
	 * @return the match, or {@code null} when no resource has that path
	 */
	Match match(String path) {
		TwilioHost host = TwilioHost.of(path);
		String hostPath = path.substring(host.prefix().length());
		String[] segments = hostPath.split("/", -1);
		for (Route route : this.routes) {
			if (route.host == host) {
				Map<String, String> parameters = route.match(segments);
				if (parameters != null) {
					return new Match(route, parameters);
				}
			}
		}
		return null;
	}

	/**
	 * Answers one operation.
	 */
	@FunctionalInterface
	interface Handler {

		EmulatorResponse handle(Call call);

	}

	/**
	 * What a method of a route is.
	 *
	 * @param operation the operation, for counting and faults
	 * @param handler who answers it
	 */
	record Endpoint(Operation operation, Handler handler) {

	}

	/**
	 * A route that matched a path, with the values of its parameters.
	 *
	 * @param route the route
	 * @param parameters the values by parameter name
	 */
	record Match(Route route, Map<String, String> parameters) {

		String parameter(String name) {
			return this.parameters.get(name);
		}

	}

	/**
	 * One path pattern and its methods.
	 */
	static final class Route {

		private final TwilioHost host;

		private final List<Segment> segments = new ArrayList<>();

		private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();

		private Route(TwilioHost host, String pattern) {
			this.host = host;
			for (String segment : pattern.split("/", -1)) {
				this.segments.add(Segment.parse(segment));
			}
		}

		Route get(Operation operation, Handler handler) {
			return method("GET", operation, handler);
		}

		Route post(Operation operation, Handler handler) {
			return method("POST", operation, handler);
		}

		Route delete(Operation operation, Handler handler) {
			return method("DELETE", operation, handler);
		}

		TwilioHost host() {
			return this.host;
		}

		/**
		 * The endpoint of a method, or {@code null} when the route does not allow it.
		 */
		Endpoint endpoint(String method) {
			return (method != null) ? this.endpoints.get(method.toUpperCase(Locale.ROOT)) : null;
		}

		/**
		 * The methods the route allows, for the {@code Allow} header of a 405.
		 */
		String allowedMethods() {
			return String.join(", ", new TreeSet<>(this.endpoints.keySet()));
		}

		private Route method(String method, Operation operation, Handler handler) {
			this.endpoints.put(method, new Endpoint(operation, handler));
			return this;
		}

		private Map<String, String> match(String[] values) {
			if (values.length != this.segments.size()) {
				return null;
			}
			Map<String, String> parameters = new LinkedHashMap<>();
			for (int i = 0; i < values.length; i++) {
				if (!this.segments.get(i).match(values[i], parameters)) {
					return null;
				}
			}
			return parameters;
		}

	}

	/**
	 * A literal path segment, or one with a parameter and literal text around it.
	 */
	private record Segment(String literal, String prefix, String name, Pattern value, String suffix) {

		static Segment parse(String text) {
			Matcher matcher = PARAMETER.matcher(text);
			if (!matcher.find()) {
				return new Segment(text, null, null, null, null);
			}
			Pattern value = Pattern.compile((matcher.group(2) != null) ? matcher.group(2) : "[^/]+");
			return new Segment(null, text.substring(0, matcher.start()), matcher.group(1), value,
					text.substring(matcher.end()));
		}

		boolean match(String text, Map<String, String> parameters) {
			if (this.literal != null) {
				return this.literal.equals(text);
			}
			if (text.length() <= this.prefix.length() + this.suffix.length() || !text.startsWith(this.prefix)
					|| !text.endsWith(this.suffix)) {
				return false;
			}
			String value = text.substring(this.prefix.length(), text.length() - this.suffix.length());
			if (!this.value.matcher(value).matches()) {
				return false;
			}
			parameters.put(this.name, value);
			return true;
		}

	}

}
