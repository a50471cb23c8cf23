package io.twilioprovisioning.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A {@link TwilioEmulator} served over HTTP by the JDK's server, on 127.0.0.1 and a
 * random port for tests of Twilio clients, or where {@link StandaloneEmulatorApplication}
 * says: point the client at {@link #baseUrl()} instead of {@code https://api.twilio.com},
 * and at {@code baseUrl()/messaging}, {@code /pricing} and {@code /numbers} instead of
 * the other Twilio hosts. {@link Fault#DROP_AFTER_COMMIT} really drops the connection:
 * the client gets no status line, only end of stream.
 */
public final class StandaloneTwilioEmulator implements AutoCloseable {

	/** Worker threads unless {@link #start(TwilioEmulator, int)} says otherwise. */
	public static final int DEFAULT_THREADS = 32;

	private final TwilioEmulator emulator;

	private final HttpServer server;

	private final ExecutorService executor;

	private StandaloneTwilioEmulator(TwilioEmulator emulator, HttpServer server, ExecutorService executor) {
		this.emulator = emulator;
		this.server = server;
		this.executor = executor;
	}

	/**
	 * Serves the emulator with {@value #DEFAULT_THREADS} worker threads.
	 * @param emulator the emulator
	 * @return the running server; close it when done
	 */
	public static StandaloneTwilioEmulator start(TwilioEmulator emulator) {
		return start(emulator, DEFAULT_THREADS);
	}

	/**
	 * Serves the emulator.
	 * @param emulator the emulator
	 * @param threads how many requests it handles at once (hanging faults hold a thread)
	 * @return the running server; close it when done
	 */
	public static StandaloneTwilioEmulator start(TwilioEmulator emulator, int threads) {
		return start(emulator, InetAddress.getLoopbackAddress(), 0, threads);
	}

	/**
	 * Serves the emulator on a given address and port.
	 * @param emulator the emulator
	 * @param address the interface to listen on
	 * @param port the port, or 0 for a free one
	 * @param threads how many requests it handles at once (hanging faults hold a thread)
	 * @return the running server; close it when done
	 */
	public static StandaloneTwilioEmulator start(TwilioEmulator emulator, InetAddress address, int port, int threads) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 128);
			ExecutorService executor = Executors.newFixedThreadPool(threads, new DaemonThreads());
			StandaloneTwilioEmulator standalone = new StandaloneTwilioEmulator(emulator, server, executor);
			server.createContext("/", standalone::serve);
			server.setExecutor(executor);
			server.start();
			return standalone;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start the Twilio emulator on " + address.getHostAddress() + " port "
					+ port + " (" + ex.getMessage() + "); is the port taken?", ex);
		}
	}

	/**
	 * Where the emulated API lives.
	 * @return {@code http://127.0.0.1:PORT} (the address listened on, or 127.0.0.1 when
	 * that is every interface), without a trailing slash
	 */
	public String baseUrl() {
		InetAddress address = this.server.getAddress().getAddress();
		String host = address.isAnyLocalAddress() ? "127.0.0.1" : address.getHostAddress();
		return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
	}

	/**
	 * The address and port the server listens on.
	 * @return e.g. {@code 127.0.0.1:8089}, or {@code 0.0.0.0:8089} on every interface
	 */
	public String listening() {
		return this.server.getAddress().getAddress().getHostAddress() + ":" + port();
	}

	public int port() {
		return this.server.getAddress().getPort();
	}

	public TwilioEmulator emulator() {
		return this.emulator;
	}

	/**
	 * Stops the server and the emulator's injected waits, so no request stays asleep in a
	 * fault.
	 */
	@Override
	public void close() {
		this.emulator.stop();
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private void serve(HttpExchange exchange) throws IOException {
		try (exchange; InputStream body = exchange.getRequestBody()) {
			String form = new String(body.readAllBytes(), StandardCharsets.UTF_8);
			String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
			boolean isForm = contentType == null
					|| contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
			EmulatorRequest request = new EmulatorRequest(exchange.getRequestMethod(),
					exchange.getRequestURI().getRawPath(), FormEncoding.decode(exchange.getRequestURI().getRawQuery()),
					isForm ? FormEncoding.decode(form) : Map.of(),
					exchange.getRequestHeaders().getFirst("Authorization"));
			EmulatorResponse response = this.emulator.handle(request);
			if (response.dropConnection()) {
				throw new DroppedConnection();
			}
			response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
			byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(response.status(), bytes.length > 0 ? bytes.length : -1);
			if (bytes.length > 0) {
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(bytes);
				}
			}
		}
	}

	/**
	 * Thrown out of the handler so the JDK server closes the connection without writing a
	 * response.
	 */
	private static final class DroppedConnection extends RuntimeException {

		private static final long serialVersionUID = 1L;

		DroppedConnection() {
			super("Connection dropped on purpose after the change was committed", null, false, false);
		}

	}

	private static final class DaemonThreads implements ThreadFactory {

		private final AtomicInteger count = new AtomicInteger();

		@Override
		public Thread newThread(Runnable task) {
			Thread thread = new Thread(task, "twilio-emulator-" + this.count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}

	}

}
