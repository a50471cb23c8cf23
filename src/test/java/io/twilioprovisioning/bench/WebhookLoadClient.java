package io.twilioprovisioning.bench;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The load side of {@link WebhookRateBenchmark}, run in a JVM of its own so that its work
 * is not counted in the service's: sends prepared HTTP/1.1 requests (the raw bytes,
 * signed beforehand) open-loop on a fixed schedule, over a fixed number of keep-alive
 * connections, each connection one request at a time (so the connection count bounds the
 * requests in flight). Request {@code i} is due at {@code start + i / rate} on connection
 * {@code i mod connections}; its time is measured from when it was due, so a stall of the
 * service or of the client counts in full, and from when it was actually written. A
 * connection the server closes (keep-alive limit) is opened again. Bounded: stops after
 * {@code rate × seconds} requests or 120 s, whichever comes first.
 *
 * <p>
 * Arguments: host, port, file of requests (one base64 line each), rate per second,
 * seconds, connections, warm-up seconds. Prints one {@code RESULT} line and the
 * percentiles.
 */
public final class WebhookLoadClient {

	private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(120);

	private WebhookLoadClient() {
	}

	public static void main(String[] args) throws Exception {
		String host = args[0];
		int port = Integer.parseInt(args[1]);
		List<byte[]> requests = Files.readAllLines(Path.of(args[2]))
			.stream()
			.filter((line) -> !line.isBlank())
			.map((line) -> Base64.getDecoder().decode(line.strip()))
			.toList();
		int rate = Integer.parseInt(args[3]);
		int seconds = Integer.parseInt(args[4]);
		int connections = Integer.parseInt(args[5]);
		int warmUp = Integer.parseInt(args[6]);
		if (warmUp > 0) {
			run(host, port, requests, rate, warmUp, connections);
		}
		Run run = run(host, port, requests, rate, seconds, connections);
		long[] fromDue = run.answered(run.fromDue());
		long[] fromSend = run.answered(run.fromSend());
		System.out.printf(Locale.ROOT, "RESULT total=%d ok=%d other=%d failed=%d sendSeconds=%.2f statuses=%s%n",
				run.total(), run.ok(), run.other(), run.failed(), run.sendSeconds(), run.statuses());
		System.out.printf(Locale.ROOT, "| scheduled send | %s |%n", percentiles(fromDue));
		System.out.printf(Locale.ROOT, "| actual send | %s |%n", percentiles(fromSend));
	}

	static Run run(String host, int port, List<byte[]> requests, int rate, int seconds, int connections)
			throws InterruptedException {
		int total = rate * seconds;
		long interval = TimeUnit.SECONDS.toNanos(1) / rate;
		long[] fromDue = new long[total];
		long[] fromSend = new long[total];
		int[] status = new int[total];
		AtomicInteger failed = new AtomicInteger();
		long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
		long[] lastWritten = new long[connections];
		List<Thread> threads = new ArrayList<>();
		for (int c = 0; c < connections; c++) {
			int connection = c;
			Thread thread = new Thread(() -> {
				Connection open = null;
				for (int i = connection; i < total; i += connections) {
					long due = start + i * interval;
					long wait = due - System.nanoTime();
					if (wait > 0) {
						LockSupport.parkNanos(wait);
					}
					if (System.nanoTime() - start > GIVE_UP_NANOS) {
						failed.incrementAndGet();
						continue;
					}
					try {
						if (open == null) {
							open = new Connection(host, port);
						}
						long sent = System.nanoTime();
						lastWritten[connection] = sent;
						status[i] = open.exchange(requests.get(i % requests.size()));
						long now = System.nanoTime();
						fromDue[i] = (now - due) / 1000;
						fromSend[i] = (now - sent) / 1000;
						if (open.closed()) {
							open.close();
							open = null;
						}
					}
					catch (IOException ex) {
						failed.incrementAndGet();
						if (open != null) {
							open.close();
						}
						open = null;
					}
				}
				if (open != null) {
					open.close();
				}
			}, "webhook-load-" + c);
			thread.setDaemon(true);
			threads.add(thread);
			thread.start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		long lastSend = Arrays.stream(lastWritten).max().orElse(start);
		return new Run(total, fromDue, fromSend, status, failed.get(), (lastSend - start) / 1e9);
	}

	private static String percentiles(long[] micros) {
		if (micros.length == 0) {
			return "- | - | - | -";
		}
		long[] sorted = micros.clone();
		Arrays.sort(sorted);
		return String.format(Locale.ROOT, "%.2f ms | %.2f ms | %.2f ms | %.2f ms", pct(sorted, 50), pct(sorted, 90),
				pct(sorted, 99), sorted[sorted.length - 1] / 1000.0);
	}

	private static double pct(long[] sorted, int percentile) {
		int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, index)] / 1000.0;
	}

	/**
	 * What one run measured, by request index; a status of 0 is a request that got no
	 * answer.
	 */
	record Run(int total, long[] fromDue, long[] fromSend, int[] status, int failed, double sendSeconds) {

		long[] answered(long[] micros) {
			List<Long> kept = new ArrayList<>();
			for (int i = 0; i < this.total; i++) {
				if (this.status[i] != 0) {
					kept.add(micros[i]);
				}
			}
			return kept.stream().mapToLong(Long::longValue).toArray();
		}

		int ok() {
			return (int) Arrays.stream(this.status).filter((s) -> s == 200).count();
		}

		int other() {
			return (int) Arrays.stream(this.status).filter((s) -> s != 200 && s != 0).count();
		}

		Map<Integer, Integer> statuses() {
			Map<Integer, Integer> counts = new TreeMap<>();
			Arrays.stream(this.status).forEach((s) -> counts.merge(s, 1, Integer::sum));
			return counts;
		}

	}

	/**
	 * One keep-alive HTTP/1.1 connection that reads just enough of an answer to find its
	 * status, its end (Content-Length or chunked) and whether the server closes it.
	 */
	static final class Connection {

		private final Socket socket;

		private final InputStream in;

		private final OutputStream out;

		private boolean closed;

		Connection(String host, int port) throws IOException {
			this.socket = new Socket(host, port);
			this.socket.setTcpNoDelay(true);
			this.socket.setSoTimeout(30_000);
			this.in = new BufferedInputStream(this.socket.getInputStream(), 8192);
			this.out = this.socket.getOutputStream();
		}

		int exchange(byte[] request) throws IOException {
			this.out.write(request);
			this.out.flush();
			String statusLine = line();
			int status = Integer.parseInt(statusLine.substring(9, 12));
			long length = -1;
			boolean chunked = false;
			for (String header = line(); !header.isEmpty(); header = line()) {
				String lower = header.toLowerCase(Locale.ROOT);
				if (lower.startsWith("content-length:")) {
					length = Long.parseLong(lower.substring(15).strip());
				}
				else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
					chunked = true;
				}
				else if (lower.startsWith("connection:") && lower.contains("close")) {
					this.closed = true;
				}
			}
			if (chunked) {
				for (long size = Long.parseLong(line().strip(), 16); size > 0; size = Long.parseLong(line().strip(),
						16)) {
					skip(size);
					line();
				}
				line();
			}
			else if (length > 0) {
				skip(length);
			}
			return status;
		}

		boolean closed() {
			return this.closed;
		}

		private String line() throws IOException {
			StringBuilder line = new StringBuilder(64);
			for (int b = this.in.read(); b != '\n'; b = this.in.read()) {
				if (b < 0) {
					throw new EOFException("connection closed mid-answer");
				}
				if (b != '\r') {
					line.append((char) b);
				}
			}
			return line.toString();
		}

		private void skip(long bytes) throws IOException {
			long left = bytes;
			while (left > 0) {
				long skipped = this.in.skip(left);
				if (skipped <= 0) {
					if (this.in.read() < 0) {
						throw new EOFException("connection closed mid-body");
					}
					skipped = 1;
				}
				left -= skipped;
			}
		}

		void close() {
			try {
				this.socket.close();
			}
			catch (IOException ex) {
				// closing anyway
			}
		}

	}

	static String raw(String host, int port, String path, String body, String signature) {
		return "POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
				+ "\r\nContent-Type: application/x-www-form-urlencoded\r\nX-Twilio-Signature: " + signature
				+ "\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
	}

}
