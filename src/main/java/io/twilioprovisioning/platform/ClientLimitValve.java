package io.twilioprovisioning.platform;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.apache.coyote.ContinueResponseTiming;
import org.apache.tomcat.util.buf.ByteChunk;
import org.apache.tomcat.util.net.ApplicationBufferHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps slow or greedy clients from taking the server's worker threads. Tomcat reads
 * request headers without holding a thread, but a servlet reading a body blocks one
 * thread per connection until the body has arrived, and Tomcat's timeout for that is per
 * read: a few hundred connections trickling bodies hold every thread and stall every
 * other request, health checks included. First in the application's pipeline, this valve:
 * <ul>
 * <li>answers 429, and closes the connection without reading its body, when one client
 * address already has {@link ClientLimitProperties#maxRequestsPerClient()} requests in
 * progress;</li>
 * <li>reads a body that has not fully arrived with its headers with Servlet non-blocking
 * I/O, so no thread waits for it, and only then runs the application on a worker thread,
 * with the body replayed through Tomcat's own mechanism for a saved request body (the one
 * its FORM authentication uses), so request parameters and streams work as usual;</li>
 * <li>answers 408 and closes the connection when such a body is not complete within
 * {@link ClientLimitProperties#bodyTimeout()}.</li>
 * </ul>
 * See docs/adr/0006-slow-clients.md for the measurements behind it.
 */
final class ClientLimitValve extends ValveBase {

	private static final Logger log = LoggerFactory.getLogger(ClientLimitValve.class);

	private final ClientLimitProperties properties;

	private final ClientLimits limits;

	ClientLimitValve(ClientLimitProperties properties, ClientLimits limits) {
		super(true);
		this.properties = properties;
		this.limits = limits;
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		if (request.getDispatcherType() != DispatcherType.REQUEST || request.isAsyncDispatching()) {
			getNext().invoke(request, response);
			return;
		}
		String client = request.getRemoteAddr();
		if (!this.limits.tryEnter(client)) {
			refuse(request, response, 429, "1");
			log.debug("Refused a request from {}: {} requests already in progress", client,
					this.properties.maxRequestsPerClient());
			return;
		}
		boolean buffering = false;
		try {
			if (this.properties.bufferSlowBodies() && bodyStillToCome(request, response)) {
				buffering = startBuffering(request, response, client);
			}
			if (!buffering) {
				getNext().invoke(request, response);
			}
		}
		finally {
			if (!buffering) {
				leaveWhenDone(request, client);
			}
		}
	}

	/**
	 * Whether the request has a body of a size worth buffering that has not arrived whole
	 * with its headers.
	 */
	private boolean bodyStillToCome(Request request, Response response) {
		org.apache.coyote.Request coyote = request.getCoyoteRequest();
		long length = coyote.getContentLengthLong();
		boolean chunked = isChunked(request);
		if ((length <= 0 && !chunked) || length > this.properties.maxBufferedBody().toBytes()) {
			return false;
		}
		// a client that waits for "100 Continue" sends its body only after it
		response.sendAcknowledgement(ContinueResponseTiming.IMMEDIATELY);
		if (chunked) {
			return true;
		}
		coyote.action(ActionCode.AVAILABLE, Boolean.TRUE);
		return coyote.getAvailable() < length;
	}

	private static boolean isChunked(Request request) {
		String encoding = request.getHeader("Transfer-Encoding");
		return encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked");
	}

	private boolean startBuffering(Request request, Response response, String client) {
		AsyncContext async = request.startAsync();
		async.setTimeout(this.properties.bodyTimeout().toMillis());
		BodyBuffer body = new BodyBuffer(request, response, client, async);
		async.addListener(body);
		this.limits.bufferingStarted();
		request.getCoyoteRequest().setReadListener(body);
		return true;
	}

	private void leaveWhenDone(Request request, String client) {
		if (request.isAsync()) {
			request.getAsyncContext().addListener(new LeaveOnComplete(this.limits, client));
		}
		else {
			this.limits.leave(client);
		}
	}

	/**
	 * Answers with a small problem detail and closes the connection after it, without
	 * reading (or waiting for) the rest of the body. Written here rather than through the
	 * application's error page, so that refusing a flood costs next to nothing.
	 */
	private static void refuse(Request request, Response response, int status, String retryAfter) throws IOException {
		request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
		Refusal refusal = Refusal.of(status);
		byte[] body = refusal.json().getBytes(StandardCharsets.UTF_8);
		response.setStatus(status);
		response.setHeader("Connection", "close");
		if (retryAfter != null) {
			response.setHeader("Retry-After", retryAfter);
		}
		response.setContentType("application/problem+json");
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
		response.flushBuffer();
		// answered: no error page on top of it
		response.getCoyoteResponse().setErrorReported();
	}

	/**
	 * The problem details this valve answers with.
	 */
	private enum Refusal {

		TOO_MANY_REQUESTS(429, "too-many-requests", "Too Many Requests",
				"Too many requests at once from your address; try again shortly."),

		REQUEST_TIMEOUT(408, "request-timeout", "Request Timeout", "The request body did not arrive in time."),

		PAYLOAD_TOO_LARGE(413, "payload-too-large", "Payload Too Large", "The request body is too large."),

		SERVICE_UNAVAILABLE(503, "service-unavailable", "Service Unavailable",
				"The server is busy receiving other request bodies; try again shortly.");

		private final int status;

		private final String json;

		Refusal(int status, String slug, String title, String detail) {
			this.status = status;
			this.json = "{\"type\":\"" + ProblemTypes.of(slug) + "\",\"title\":\"" + title + "\",\"status\":" + status
					+ ",\"detail\":\"" + detail + "\"}";
		}

		String json() {
			return this.json;
		}

		static Refusal of(int status) {
			for (Refusal refusal : values()) {
				if (refusal.status == status) {
					return refusal;
				}
			}
			throw new IllegalArgumentException("No refusal with status " + status);
		}

	}

	/**
	 * Reads one request body without a thread, then runs the application with it.
	 */
	private final class BodyBuffer implements ReadListener, AsyncListener, ApplicationBufferHandler {

		private final Request request;

		private final Response response;

		private final String client;

		private final AsyncContext async;

		private final AtomicBoolean finished = new AtomicBoolean();

		private ByteBuffer current = ApplicationBufferHandler.EMPTY_BUFFER;

		private byte[] bytes = new byte[1024];

		private int size;

		private long reserved;

		BodyBuffer(Request request, Response response, String client, AsyncContext async) {
			this.request = request;
			this.response = response;
			this.client = client;
			this.async = async;
		}

		@Override
		public void onDataAvailable() throws IOException {
			org.apache.coyote.Request coyote = this.request.getCoyoteRequest();
			int idleReads = 0;
			while (!coyote.isFinished() && coyote.isReady()) {
				int read = coyote.doRead(this);
				if (read < 0) {
					break;
				}
				if (read == 0) {
					if (++idleReads > 8) {
						return;
					}
					continue;
				}
				idleReads = 0;
				if (!append(read)) {
					return;
				}
			}
		}

		private boolean append(int read) throws IOException {
			ByteBuffer chunk = this.current;
			int length = Math.min(read, chunk.remaining());
			if (this.size + length > ClientLimitValve.this.properties.maxBufferedBody().toBytes()) {
				fail(413, null, "body over " + ClientLimitValve.this.properties.maxBufferedBody());
				return false;
			}
			if (!ClientLimitValve.this.limits.reserve(length)) {
				fail(503, "5", "memory for buffered bodies is full");
				return false;
			}
			this.reserved += length;
			if (this.size + length > this.bytes.length) {
				this.bytes = Arrays.copyOf(this.bytes, Math.max(this.bytes.length * 2, this.size + length));
			}
			chunk.get(this.bytes, this.size, length);
			this.size += length;
			return true;
		}

		@Override
		public void onAllDataRead() throws IOException {
			if (!this.finished.compareAndSet(false, true)) {
				return;
			}
			ClientLimitValve.this.limits.bufferingEnded();
			ByteChunk body = new ByteChunk();
			body.setBytes(this.bytes, 0, this.size);
			this.request.getCoyoteRequest().action(ActionCode.REQ_SET_BODY_REPLAY, body);
			this.request.setRequest(new BufferedBodyRequest(this.request.getRequest(), this.bytes, this.size));
			// the connection may hold bytes of a pipelined request that the replay
			// dropped
			this.response.setHeader("Connection", "close");
			try {
				getNext().invoke(this.request, this.response);
			}
			catch (ServletException ex) {
				throw new IOException(ex);
			}
			finally {
				this.async.complete();
			}
		}

		@Override
		public void onError(Throwable failure) {
			if (this.finished.compareAndSet(false, true)) {
				ClientLimitValve.this.limits.bufferingEnded();
				log.debug("Request body from {} failed: {}", this.client, failure.toString());
				this.async.complete();
			}
		}

		@Override
		public void onTimeout(AsyncEvent event) throws IOException {
			if (this.finished.get()) {
				return;
			}
			ClientLimitValve.this.limits.timedOut();
			log.debug("Request body from {} incomplete after {}: {} bytes", this.client,
					ClientLimitValve.this.properties.bodyTimeout(), this.size);
			fail(HttpServletResponse.SC_REQUEST_TIMEOUT, null, "timed out");
		}

		private void fail(int status, String retryAfter, String reason) throws IOException {
			if (!this.finished.compareAndSet(false, true)) {
				return;
			}
			ClientLimitValve.this.limits.bufferingEnded();
			log.debug("Cut the request body from {}: {}", this.client, reason);
			try {
				refuse(this.request, this.response, status, retryAfter);
			}
			finally {
				this.async.complete();
			}
		}

		@Override
		public void onError(AsyncEvent event) {
			onError(event.getThrowable());
		}

		@Override
		public void onComplete(AsyncEvent event) {
			ClientLimitValve.this.limits.release(this.reserved);
			this.reserved = 0;
			ClientLimitValve.this.limits.leave(this.client);
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
			// the application does not restart async processing on a buffered request
		}

		@Override
		public void setByteBuffer(ByteBuffer buffer) {
			this.current = buffer;
		}

		@Override
		public ByteBuffer getByteBuffer() {
			return this.current;
		}

		@Override
		public void expand(int size) {
			// the protocol owns the buffer; each chunk is copied out as it is read
		}

	}

	/**
	 * Ends a client's request in progress when the application's own asynchronous
	 * processing completes.
	 */
	private record LeaveOnComplete(ClientLimits limits, String client) implements AsyncListener {

		@Override
		public void onComplete(AsyncEvent event) {
			this.limits.leave(this.client);
		}

		@Override
		public void onTimeout(AsyncEvent event) {
		}

		@Override
		public void onError(AsyncEvent event) {
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
			event.getAsyncContext().addListener(this);
		}

	}

}
