package io.twilioprovisioning.twilio;

import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.twilio.constant.EnumConstants;
import com.twilio.http.HttpClient;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.twilioprovisioning.platform.BulkWork;
import io.twilioprovisioning.twilio.BulkConcurrencyLimit.Outcome;
import io.twilioprovisioning.twilio.BulkConcurrencyLimit.Permit;
import io.twilioprovisioning.twilio.TwilioTransportException.Failure;

/**
 * The SDK's HTTP transport, on {@link java.net.http.HttpClient}: sends every request to
 * the configurable base URL of its Twilio host ({@link TwilioHosts}: {@code api},
 * {@code messaging}, {@code pricing}, {@code numbers}) instead of Twilio's (keeping path
 * and query, which also covers the paging links of list pages), with our connect and read
 * timeouts, our {@link RetryPolicy} instead of the SDK's (which repeats a 5xx POST), and
 * a bound on the calls in flight: interactive calls share a fixed cap of
 * {@code maxConcurrency}; bulk calls (made inside
 * {@link io.twilioprovisioning.platform.BulkWork}) wait for the adaptive
 * {@link BulkConcurrencyLimit} instead, so an operator's call never queues behind a job.
 * Either is held for one attempt and given back during a retry's backoff.
 *
 * <p>
 * A call that gets no answer throws a {@link TwilioTransportException} saying whether the
 * request may have reached Twilio. An error answer is handed to the SDK with a JSON body
 * whose {@code status} is the real HTTP status, so the SDK's {@code ApiException} always
 * carries it, even when Twilio or a proxy answered with an empty or HTML body.
 */
final class BaseUrlHttpClient extends HttpClient implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(BaseUrlHttpClient.class);

	private static final Set<String> RESERVED_HEADERS = Set.of("authorization", "host", "connection", "content-length",
			"content-type", "expect", "upgrade", "user-agent", "accept");

	private static final String USER_AGENT = "twilio-provisioning (twilio-java; java.net.http)";

	private static final long GRACE_MILLIS = 250;

	private static final AtomicInteger CLIENTS = new AtomicInteger();

	private final TwilioHosts hosts;

	private final Duration connectTimeout;

	private final Duration readTimeout;

	private final RetryPolicy retryPolicy;

	private final Semaphore permits;

	private final BulkConcurrencyLimit bulkLimit;

	private final Sleeper sleeper;

	private final ExecutorService executor;

	private final java.net.http.HttpClient http;

	private volatile Observer observer = Observer.NONE;

	private final ObjectMapper json = new ObjectMapper();

	/**
	 * Creates the client for one base URL, every other host derived from it
	 * ({@link TwilioHosts#derivedFrom}).
	 * @param baseUrl where API requests go, asked once per call (it may be known only
	 * after start, as in sandbox mode)
	 * @param connectTimeout how long to wait for a connection
	 * @param readTimeout how long to wait for the whole answer
	 * @param maxConcurrency how many interactive calls may be in flight at once
	 * @param retryPolicy when and how long to wait before trying again
	 * @param sleeper waits between attempts
	 */
	BaseUrlHttpClient(Supplier<URI> baseUrl, Duration connectTimeout, Duration readTimeout, int maxConcurrency,
			RetryPolicy retryPolicy, Sleeper sleeper) {
		this(TwilioHosts.derivedFrom(baseUrl), connectTimeout, readTimeout, maxConcurrency, retryPolicy, sleeper,
				new BulkConcurrencyLimit(BulkConcurrencyProperties.defaults(), readTimeout));
	}

	/**
	 * Creates the client.
	 * @param hosts where the requests for each Twilio host go
	 * @param connectTimeout how long to wait for a connection
	 * @param readTimeout how long to wait for the whole answer
	 * @param maxConcurrency how many interactive calls may be in flight at once
	 * @param retryPolicy when and how long to wait before trying again
	 * @param sleeper waits between attempts
	 * @param bulkLimit the adaptive limit of bulk calls
	 */
	BaseUrlHttpClient(TwilioHosts hosts, Duration connectTimeout, Duration readTimeout, int maxConcurrency,
			RetryPolicy retryPolicy, Sleeper sleeper, BulkConcurrencyLimit bulkLimit) {
		this.hosts = hosts;
		this.bulkLimit = bulkLimit;
		this.connectTimeout = connectTimeout;
		this.readTimeout = readTimeout;
		this.retryPolicy = retryPolicy;
		this.permits = new Semaphore(maxConcurrency, true);
		this.sleeper = sleeper;
		this.executor = Executors.newCachedThreadPool(daemonThreads("twilio-http-" + CLIENTS.incrementAndGet()));
		this.http = java.net.http.HttpClient.newBuilder()
			.version(java.net.http.HttpClient.Version.HTTP_1_1)
			.connectTimeout(connectTimeout)
			.followRedirects(java.net.http.HttpClient.Redirect.NEVER)
			.executor(this.executor)
			.build();
	}

	BaseUrlHttpClient(TwilioHosts hosts, TwilioProperties properties) {
		this(hosts, properties,
				new BulkConcurrencyLimit(BulkConcurrencyProperties.defaults(), properties.readTimeout()));
	}

	BaseUrlHttpClient(TwilioHosts hosts, TwilioProperties properties, BulkConcurrencyLimit bulkLimit) {
		this(hosts, properties.connectTimeout(), properties.readTimeout(), properties.maxConcurrency(),
				properties.retryPolicy(), Sleeper.THREAD, bulkLimit);
	}

	/**
	 * Sends the request with our retry policy. The SDK calls
	 * {@link #reliableRequest(Request)}; all entry points behave the same.
	 */
	@Override
	public Response makeRequest(Request request) {
		return execute(request);
	}

	@Override
	public Response reliableRequest(Request request) {
		return execute(request);
	}

	/**
	 * Ignores the SDK's retry arguments: only {@link RetryPolicy} applies.
	 */
	@Override
	public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
		return execute(request);
	}

	/**
	 * Tells the observer about every answer and retry (the adapter's metrics); set once
	 * when the client is wired.
	 */
	void observeWith(Observer observer) {
		this.observer = observer;
	}

	/**
	 * How many more interactive calls could start now without waiting.
	 */
	int availablePermits() {
		return this.permits.availablePermits();
	}

	/**
	 * The adaptive limit of bulk calls.
	 */
	BulkConcurrencyLimit bulkLimit() {
		return this.bulkLimit;
	}

	private Response execute(Request request) {
		HttpMethod method = request.getMethod();
		boolean repeatable = method == HttpMethod.GET || method == HttpMethod.DELETE || method == HttpMethod.HEAD;
		HttpRequest httpRequest = toHttpRequest(request);
		String label = method + " " + Secrets.maskSids(httpRequest.uri().getRawPath());
		boolean bulk = BulkWork.isBulk();
		int retry = 0;
		while (true) {
			try {
				Response response = attempt(httpRequest, label, bulk);
				int status = response.getStatusCode();
				boolean retryable = status == 429 || (repeatable && status >= 500);
				if (!retryable) {
					return response;
				}
				if (retry >= maxRetries(bulk, status)) {
					log.warn("Twilio {} answered {} after {} attempt(s); giving up", label, status, retry + 1);
					return response;
				}
				log.debug("Twilio {} answered {}; retrying", label, status);
				this.observer.retrying((status == 429) ? "rate_limited" : "server_error");
			}
			catch (TwilioTransportException ex) {
				boolean retryable = repeatable && (ex.failure() == Failure.CONNECT_FAILED
						|| ex.failure() == Failure.TIMED_OUT || ex.failure() == Failure.CONNECTION_LOST);
				if (!retryable || retry >= this.retryPolicy.maxRetries()) {
					throw ex;
				}
				log.debug("Twilio {} failed ({}); retrying", label, ex.failure());
				this.observer.retrying("transport");
			}
			retry++;
			pause(this.retryPolicy.backoff(retry), label);
		}
	}

	/**
	 * How many retries an answer allows: a bulk call answered 429 may be tried again
	 * {@code overloadRetries} times, as each retry waits for a permit of the bulk limit
	 * (which the 429 cut), so its retries never add load beyond what Twilio accepts.
	 */
	private int maxRetries(boolean bulk, int status) {
		int retries = this.retryPolicy.maxRetries();
		return (bulk && status == 429) ? Math.max(retries, this.bulkLimit.properties().overloadRetries()) : retries;
	}

	private void pause(Duration backoff, String label) {
		try {
			this.sleeper.sleep(backoff);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TwilioTransportException(Failure.INTERRUPTED_BEFORE_SENDING,
					"Interrupted while waiting to retry Twilio " + label, ex);
		}
	}

	/**
	 * One attempt, holding a slot of the bulk limit or of the interactive cap while it
	 * lasts.
	 */
	private Response attempt(HttpRequest httpRequest, String label, boolean bulk) {
		Permit permit = bulk ? this.bulkLimit.acquire(label) : interactivePermit(label);
		Outcome outcome = Outcome.NEUTRAL;
		try {
			Response response = send(httpRequest, label);
			outcome = Outcome.ofStatus(response.getStatusCode());
			return response;
		}
		catch (TwilioTransportException ex) {
			outcome = Outcome.ofFailure(ex.failure());
			throw ex;
		}
		finally {
			permit.release(outcome);
		}
	}

	private Permit interactivePermit(String label) {
		try {
			this.permits.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TwilioTransportException(Failure.INTERRUPTED_BEFORE_SENDING,
					"Interrupted while waiting for a free Twilio connection for " + label, ex);
		}
		return (outcome) -> this.permits.release();
	}

	private Response send(HttpRequest httpRequest, String label) {
		CompletableFuture<HttpResponse<String>> future = this.http.sendAsync(httpRequest, BodyHandlers.ofString());
		HttpResponse<String> response;
		try {
			response = future.get(this.connectTimeout.plus(this.readTimeout).toMillis() + GRACE_MILLIS,
					TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			future.cancel(true);
			throw new TwilioTransportException(Failure.TIMED_OUT,
					"No answer from Twilio to " + label + " within " + this.readTimeout, ex);
		}
		catch (InterruptedException ex) {
			future.cancel(true);
			Thread.currentThread().interrupt();
			throw new TwilioTransportException(Failure.INTERRUPTED,
					"Interrupted while waiting for Twilio's answer to " + label, ex);
		}
		catch (ExecutionException ex) {
			throw failure(ex.getCause(), label);
		}
		log.debug("Twilio {} -> {}", label, response.statusCode());
		this.observer.answered(response.statusCode());
		return toResponse(response);
	}

	private TwilioTransportException failure(Throwable cause, String label) {
		if (isConnectFailure(cause)) {
			return new TwilioTransportException(Failure.CONNECT_FAILED,
					"Could not connect to Twilio for " + label + " (" + describe(cause) + ")", cause);
		}
		if (cause instanceof HttpTimeoutException) {
			return new TwilioTransportException(Failure.TIMED_OUT,
					"No answer from Twilio to " + label + " within " + this.readTimeout, cause);
		}
		return new TwilioTransportException(Failure.CONNECTION_LOST,
				"The connection to Twilio was lost before it answered " + label + " (" + describe(cause) + ")", cause);
	}

	private static boolean isConnectFailure(Throwable error) {
		for (Throwable t = error; t != null; t = t.getCause()) {
			if (t instanceof HttpConnectTimeoutException || t instanceof ConnectException
					|| t instanceof UnresolvedAddressException) {
				return true;
			}
		}
		return false;
	}

	private static String describe(Throwable error) {
		String message = (error != null) ? error.getMessage() : null;
		String type = (error != null) ? error.getClass().getSimpleName() : "unknown";
		return (message != null) ? type + ": " + Secrets.maskSids(message) : type;
	}

	private HttpRequest toHttpRequest(Request request) {
		URI target = rewrite(request);
		HttpRequest.Builder builder = HttpRequest.newBuilder(target)
			.timeout(this.readTimeout)
			.header("User-Agent", USER_AGENT)
			.header("Accept", "application/json");
		String auth = request.getAuthString();
		if (auth != null && !auth.isEmpty()) {
			builder.header("Authorization", auth);
		}
		for (Map.Entry<String, List<String>> header : request.getHeaderParams().entrySet()) {
			if (!RESERVED_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT))) {
				header.getValue().forEach((value) -> builder.header(header.getKey(), value));
			}
		}
		HttpMethod method = request.getMethod();
		if (method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH) {
			boolean jsonBody = request.getContentType() == EnumConstants.ContentType.JSON && request.getBody() != null;
			String body = jsonBody ? request.getBody() : request.encodeFormBody();
			builder.header("Content-Type",
					jsonBody ? "application/json" : "application/x-www-form-urlencoded; charset=UTF-8");
			builder.method(method.toString(), BodyPublishers.ofString(body));
		}
		else {
			builder.method(method.toString(), BodyPublishers.noBody());
		}
		return builder.build();
	}

	/**
	 * The request's path and query on the base URL of its host.
	 */
	private URI rewrite(Request request) {
		try {
			return this.hosts.target(request.constructURL().toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException("The SDK built an invalid URL", ex);
		}
	}

	private Response toResponse(HttpResponse<String> response) {
		int status = response.statusCode();
		List<Header> headers = new ArrayList<>();
		response.headers()
			.map()
			.forEach((name, values) -> values.forEach((v) -> headers.add(new BasicHeader(name, v))));
		String body = (response.body() != null) ? response.body() : "";
		if (status >= 400) {
			body = normalizedErrorBody(body, status);
		}
		return new Response(body, status, headers.toArray(new Header[0]));
	}

	/**
	 * Twilio's JSON error with {@code status} set to the real HTTP status, or a minimal
	 * one when the body is not a JSON object.
	 */
	private String normalizedErrorBody(String body, int status) {
		ObjectNode error = null;
		if (!body.isBlank()) {
			try {
				JsonNode parsed = this.json.readTree(body);
				if (parsed instanceof ObjectNode object) {
					error = object;
				}
			}
			catch (JsonProcessingException ex) {
				// not JSON: answered by a proxy or a load balancer, replaced below
			}
		}
		if (error == null) {
			error = this.json.createObjectNode();
			error.put("message", "Twilio answered HTTP " + status + " without error details");
		}
		error.put("status", status);
		if (error.path("code").isTextual()) {
			try {
				error.put("code", Integer.parseInt(error.path("code").asText()));
			}
			catch (NumberFormatException ex) {
				error.remove("code");
			}
		}
		return error.toString();
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

	private static ThreadFactory daemonThreads(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	/**
	 * Waits between attempts; tests replace it to record the backoff.
	 */
	@FunctionalInterface
	interface Sleeper {

		Sleeper THREAD = (duration) -> Thread.sleep(duration.toMillis());

		void sleep(Duration duration) throws InterruptedException;

	}

	/**
	 * Hears of every answer's status and every retry, for the adapter's metrics.
	 */
	interface Observer {

		Observer NONE = new Observer() {
		};

		default void answered(int status) {
		}

		default void retrying(String reason) {
		}

	}

}
