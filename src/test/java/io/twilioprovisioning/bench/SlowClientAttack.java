package io.twilioprovisioning.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A bounded slow-body attack on a server on loopback, with a health probe beside it.
 * Every attacker connection sends a POST's headers (a 10,000-byte body announced) and
 * then trickles 10 bytes every 3 seconds; when the server answers or closes, the attacker
 * reconnects one to two seconds later, so the number of connections tried stays constant.
 * One selector thread drives them all. Meanwhile a probe asks {@code /actuator/health}
 * from 127.0.0.1 four times a second, each on a new connection, and times the whole
 * answer.
 */
final class SlowClientAttack {

	static final String[] TARGETS = { "/webhooks/twilio/voice", "/login" };

	private static final Duration TRICKLE_EVERY = Duration.ofSeconds(3);

	private static final byte[] TRICKLE = "a=aaaaaaa&".getBytes(StandardCharsets.US_ASCII);

	private static final Duration RECONNECT_AFTER = Duration.ofSeconds(1);

	private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

	private final int port;

	private final List<InetAddress> sources;

	private final int connections;

	private final Duration hold;

	private final AtomicBoolean stop = new AtomicBoolean();

	private final List<Double> healthMillis = Collections.synchronizedList(new ArrayList<>());

	private final List<Integer> openSamples = Collections.synchronizedList(new ArrayList<>());

	private final Map<String, List<Double>> cutsByAnswer = new TreeMap<>();

	private int healthTimeouts;

	private int healthNotOk;

	private int opened;

	private int open;

	SlowClientAttack(int port, List<InetAddress> sources, int connections, Duration hold) {
		this.port = port;
		this.sources = sources;
		this.connections = connections;
		this.hold = hold;
	}

	/**
	 * Health latencies of a quiet server: {@code count} probes, one after another.
	 */
	static List<Double> quietHealth(int port, int count) {
		List<Double> millis = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			double taken = probe(port);
			if (taken >= 0) {
				millis.add(taken);
			}
		}
		return millis;
	}

	Result run() throws Exception {
		Thread prober = new Thread(this::probeUntilStopped, "health-probe");
		long start = System.nanoTime();
		long end = start + this.hold.toNanos();
		try (Selector selector = Selector.open()) {
			List<Attacker> attackers = new ArrayList<>();
			for (int i = 0; i < this.connections; i++) {
				Attacker attacker = new Attacker(this.sources.get(i % this.sources.size()),
						TARGETS[i % TARGETS.length]);
				attackers.add(attacker);
				attacker.connect(selector, start);
			}
			prober.start();
			long nextSample = System.nanoTime();
			while (System.nanoTime() < end) {
				selector.select(100);
				long now = System.nanoTime();
				for (SelectionKey key : selector.selectedKeys()) {
					((Attacker) key.attachment()).ready(key, now);
				}
				selector.selectedKeys().clear();
				for (Attacker attacker : attackers) {
					attacker.tick(selector, now);
				}
				if (now >= nextSample) {
					this.openSamples.add(this.open);
					nextSample = now + Duration.ofSeconds(1).toNanos();
				}
			}
			this.stop.set(true);
			for (Attacker attacker : attackers) {
				attacker.close();
			}
		}
		prober.join();
		return new Result(this.opened, this.openSamples, this.cutsByAnswer, this.healthMillis, this.healthTimeouts,
				this.healthNotOk);
	}

	private void probeUntilStopped() {
		while (!this.stop.get()) {
			long started = System.nanoTime();
			double taken = probe(this.port);
			synchronized (this) {
				if (taken == -1) {
					this.healthTimeouts++;
				}
				else if (taken == -2) {
					this.healthNotOk++;
				}
				else {
					this.healthMillis.add(taken);
				}
			}
			long rest = Duration.ofMillis(250).toNanos() - (System.nanoTime() - started);
			if (rest > 0) {
				try {
					Thread.sleep(rest / 1_000_000);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	/**
	 * One health request from 127.0.0.1 on a new connection.
	 * @return milliseconds to the whole answer, -1 on timeout, -2 when not 200
	 */
	private static double probe(int port) {
		long started = System.nanoTime();
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
					(int) PROBE_TIMEOUT.toMillis());
			socket.setSoTimeout((int) PROBE_TIMEOUT.toMillis());
			socket.getOutputStream()
				.write("GET /actuator/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
					.getBytes(StandardCharsets.US_ASCII));
			InputStream in = socket.getInputStream();
			byte[] buffer = new byte[4096];
			StringBuilder head = new StringBuilder();
			int read;
			while ((read = in.read(buffer)) != -1) {
				if (head.length() < 12) {
					head.append(new String(buffer, 0, read, StandardCharsets.US_ASCII));
				}
			}
			double millis = (System.nanoTime() - started) / 1_000_000.0;
			return head.toString().startsWith("HTTP/1.1 200") ? millis : -2;
		}
		catch (SocketTimeoutException ex) {
			return -1;
		}
		catch (IOException ex) {
			return -2;
		}
	}

	/**
	 * Latency figures of a list of milliseconds.
	 */
	static String percentiles(List<Double> millis) {
		List<Double> sorted = new ArrayList<>(millis);
		Collections.sort(sorted);
		if (sorted.isEmpty()) {
			return "n/a";
		}
		return String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d answers)", at(sorted, 50),
				at(sorted, 99), sorted.get(sorted.size() - 1), sorted.size());
	}

	static double at(List<Double> sorted, int percent) {
		if (sorted.isEmpty()) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
	}

	/**
	 * What an attack run saw.
	 *
	 * @param opened connections the attackers opened (reconnects included)
	 * @param openSamples attacker connections open, sampled every second
	 * @param cutsByAnswer how long each connection the server ended had lived, by the
	 * server's answer ("closed" without one)
	 * @param healthMillis health answers during the attack
	 * @param healthTimeouts health probes without an answer within 10 s
	 * @param healthNotOk health probes answered with something else than 200
	 */
	record Result(int opened, List<Integer> openSamples, Map<String, List<Double>> cutsByAnswer,
			List<Double> healthMillis, int healthTimeouts, int healthNotOk) {

		int minOpen() {
			return this.openSamples.stream().skip(2).mapToInt(Integer::intValue).min().orElse(0);
		}

		int maxOpen() {
			return this.openSamples.stream().mapToInt(Integer::intValue).max().orElse(0);
		}

	}

	/**
	 * One attacker connection and its reconnects.
	 */
	private final class Attacker {

		private final InetAddress source;

		private final byte[] head;

		private SocketChannel channel;

		private long connectedAt;

		private long nextTrickle;

		private long reconnectAt = -1;

		private final StringBuilder answer = new StringBuilder();

		Attacker(InetAddress source, String path) {
			this.source = source;
			this.head = ("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
					+ "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 10000\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII);
		}

		void connect(Selector selector, long now) throws IOException {
			this.channel = SocketChannel.open();
			this.channel.bind(new InetSocketAddress(this.source, 0));
			this.channel.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), SlowClientAttack.this.port));
			this.channel.configureBlocking(false);
			this.channel.register(selector, SelectionKey.OP_READ, this);
			this.channel.write(ByteBuffer.wrap(this.head));
			this.connectedAt = System.nanoTime();
			this.nextTrickle = this.connectedAt + TRICKLE_EVERY.toNanos();
			this.answer.setLength(0);
			this.reconnectAt = -1;
			SlowClientAttack.this.opened++;
			SlowClientAttack.this.open++;
		}

		void ready(SelectionKey key, long now) {
			ByteBuffer buffer = ByteBuffer.allocate(2048);
			try {
				int read = this.channel.read(buffer);
				if (read > 0 && this.answer.length() < 12) {
					this.answer.append(new String(buffer.array(), 0, read, StandardCharsets.US_ASCII));
				}
				if (read < 0 || this.answer.length() >= 12) {
					cut(key, now);
				}
			}
			catch (IOException ex) {
				cut(key, now);
			}
		}

		private void cut(SelectionKey key, long now) {
			key.cancel();
			closeQuietly();
			String status = (this.answer.length() >= 12) ? this.answer.substring(9, 12) : "closed";
			SlowClientAttack.this.cutsByAnswer.computeIfAbsent(status, (answer) -> new ArrayList<>())
				.add((now - this.connectedAt) / 1e9);
			SlowClientAttack.this.open--;
			// spread over a second, as independent clients would be, not all at once
			this.reconnectAt = now + RECONNECT_AFTER.toNanos()
					+ ThreadLocalRandom.current().nextLong(RECONNECT_AFTER.toNanos());
		}

		void tick(Selector selector, long now) throws IOException {
			if (this.channel == null && this.reconnectAt > 0 && now >= this.reconnectAt) {
				connect(selector, now);
			}
			else if (this.channel != null && now >= this.nextTrickle) {
				try {
					this.channel.write(ByteBuffer.wrap(TRICKLE));
				}
				catch (IOException ex) {
					// the server closed it: the read side records the cut
				}
				this.nextTrickle = now + TRICKLE_EVERY.toNanos();
			}
		}

		void close() {
			if (this.channel != null) {
				closeQuietly();
			}
		}

		private void closeQuietly() {
			try {
				this.channel.close();
			}
			catch (IOException ex) {
				// already gone
			}
			this.channel = null;
		}

	}

}
