package io.twilioprovisioning.twilio;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A plain JDK HTTP server on 127.0.0.1 that records every request and answers with
 * scripted replies, in order, then with a fallback reply. Tracks how many requests were
 * being handled at once.
 */
final class FakeTwilioServer implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final List<Recorded> requests = new CopyOnWriteArrayList<>();

	private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();

	private volatile Reply fallback = Reply.json(404,
			"{\"code\":20404,\"message\":\"The requested resource was not found\",\"more_info\":\"https://www.twilio.com/docs/errors/20404\",\"status\":404}");

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger maxInFlight = new AtomicInteger();

	private static final String ANSWERED = "fake-twilio.answered";

	private FakeTwilioServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	static FakeTwilioServer start() {
		try {
			return new FakeTwilioServer();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	URI baseUrl() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	/**
	 * Answers the next requests with these replies, in order.
	 */
	FakeTwilioServer enqueue(Reply... replies) {
		Collections.addAll(this.script, replies);
		return this;
	}

	/**
	 * Answers every request after the script with this reply.
	 */
	FakeTwilioServer otherwise(Reply reply) {
		this.fallback = reply;
		return this;
	}

	List<Recorded> requests() {
		return List.copyOf(this.requests);
	}

	Recorded onlyRequest() {
		if (this.requests.size() != 1) {
			throw new AssertionError("Expected exactly one request, got " + this.requests);
		}
		return this.requests.get(0);
	}

	Recorded lastRequest() {
		return this.requests.get(this.requests.size() - 1);
	}

	int maxInFlight() {
		return this.maxInFlight.get();
	}

	int inFlight() {
		return this.inFlight.get();
	}

	private void handle(HttpExchange exchange) throws IOException {
		int now = this.inFlight.incrementAndGet();
		this.maxInFlight.accumulateAndGet(now, Math::max);
		AtomicBoolean counted = new AtomicBoolean(true);
		Runnable answered = () -> {
			if (counted.getAndSet(false)) {
				this.inFlight.decrementAndGet();
			}
		};
		// a request stops being in flight as its answer starts: the client may send its
		// next
		// one as soon as it has read this answer, before this handler returns
		exchange.setAttribute(ANSWERED, answered);
		try {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			URI uri = exchange.getRequestURI();
			String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
			Map<String, List<String>> form = (contentType != null
					&& contentType.startsWith("application/x-www-form-urlencoded")) ? parse(body) : Map.of();
			this.requests.add(new Recorded(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(),
					parse(uri.getRawQuery()), form, exchange.getRequestHeaders().getFirst("Authorization"), contentType,
					body));
			Reply reply = this.script.poll();
			((reply != null) ? reply : this.fallback).answer(exchange);
		}
		finally {
			answered.run();
		}
	}

	/**
	 * Ends the request's time in flight, then sends the status line and headers.
	 */
	static void sendHeaders(HttpExchange exchange, int status, long length) throws IOException {
		if (exchange.getAttribute(ANSWERED) instanceof Runnable answered) {
			answered.run();
		}
		exchange.sendResponseHeaders(status, length);
	}

	private static Map<String, List<String>> parse(String encoded) {
		Map<String, List<String>> params = new LinkedHashMap<>();
		if (encoded == null || encoded.isEmpty()) {
			return params;
		}
		for (String pair : encoded.split("&")) {
			int eq = pair.indexOf('=');
			String name = URLDecoder.decode((eq < 0) ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
			String value = (eq < 0) ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
			params.computeIfAbsent(name, (key) -> new ArrayList<>()).add(value);
		}
		return params;
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	/**
	 * A request as the server saw it.
	 */
	record Recorded(String method, String path, String rawQuery, Map<String, List<String>> query,
			Map<String, List<String>> form, String authorization, String contentType, String body) {

		String queryParam(String name) {
			List<String> values = this.query.get(name);
			return (values != null) ? values.get(0) : null;
		}

		String formParam(String name) {
			List<String> values = this.form.get(name);
			return (values != null) ? values.get(0) : null;
		}

	}

	/**
	 * How the server answers one request.
	 */
	@FunctionalInterface
	interface Reply {

		void answer(HttpExchange exchange) throws IOException;

		static Reply json(int status, String json) {
			return (exchange) -> {
				byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				sendHeaders(exchange, status, bytes.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(bytes);
				}
			};
		}

		static Reply text(int status, String contentType, String text) {
			return (exchange) -> {
				byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", contentType);
				sendHeaders(exchange, status, (bytes.length == 0) ? -1 : bytes.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(bytes);
				}
			};
		}

		static Reply noContent() {
			return (exchange) -> {
				sendHeaders(exchange, 204, -1);
				exchange.close();
			};
		}

		/**
		 * Never answers: waits until the server closes, so a client with any read timeout
		 * times out, whatever the machine's speed.
		 */
		static Reply hang() {
			return (exchange) -> {
				try {
					new CountDownLatch(1).await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			};
		}

		/**
		 * Waits until the gate opens (or the server closes), then answers.
		 */
		static Reply after(CountDownLatch gate, Reply reply) {
			return (exchange) -> {
				try {
					gate.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				reply.answer(exchange);
			};
		}

		/**
		 * Reads the request and closes the connection without an answer.
		 */
		static Reply drop() {
			return (exchange) -> {
				throw new IOException("dropping the connection on purpose");
			};
		}

	}

}
