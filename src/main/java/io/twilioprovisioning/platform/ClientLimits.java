package io.twilioprovisioning.platform;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The counters behind {@link ClientLimitValve}: requests in progress per client address,
 * memory taken by bodies being buffered, and how many bodies were cut. One per web
 * server.
 */
final class ClientLimits {

	private final int maxPerClient;

	private final long maxBuffered;

	private final ConcurrentHashMap<String, Integer> inProgress = new ConcurrentHashMap<>();

	private final AtomicLong buffered = new AtomicLong();

	private final AtomicInteger buffering = new AtomicInteger();

	private final AtomicLong timedOut = new AtomicLong();

	ClientLimits(ClientLimitProperties properties) {
		this.maxPerClient = properties.maxRequestsPerClient();
		this.maxBuffered = properties.maxBufferedTotal().toBytes();
	}

	/**
	 * Counts a request of this client in, unless it already has as many in progress as
	 * allowed.
	 */
	boolean tryEnter(String client) {
		if (this.maxPerClient <= 0) {
			return true;
		}
		boolean[] entered = new boolean[1];
		this.inProgress.compute(client, (key, count) -> {
			int now = (count != null) ? count : 0;
			if (now >= this.maxPerClient) {
				return count;
			}
			entered[0] = true;
			return now + 1;
		});
		return entered[0];
	}

	void leave(String client) {
		if (this.maxPerClient > 0) {
			this.inProgress.computeIfPresent(client, (key, count) -> (count > 1) ? count - 1 : null);
		}
	}

	int inProgress(String client) {
		return this.inProgress.getOrDefault(client, 0);
	}

	boolean reserve(long bytes) {
		if (this.buffered.addAndGet(bytes) > this.maxBuffered) {
			this.buffered.addAndGet(-bytes);
			return false;
		}
		return true;
	}

	void release(long bytes) {
		this.buffered.addAndGet(-bytes);
	}

	long bufferedBytes() {
		return this.buffered.get();
	}

	void bufferingStarted() {
		this.buffering.incrementAndGet();
	}

	void bufferingEnded() {
		this.buffering.decrementAndGet();
	}

	/**
	 * Bodies being read without a thread right now.
	 */
	int buffering() {
		return this.buffering.get();
	}

	void timedOut() {
		this.timedOut.incrementAndGet();
	}

	long timedOutBodies() {
		return this.timedOut.get();
	}

}
