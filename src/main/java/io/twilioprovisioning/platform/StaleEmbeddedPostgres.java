package io.twilioprovisioning.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deals with a PostgreSQL still running on the embedded data directory before the
 * embedded server starts. A run that was killed ({@code kill -9}, a crashed IDE) leaves
 * its postmaster behind, and io.zonky's embedded PostgreSQL then waits 10 s for a server
 * that cannot start and fails without saying why. This stops such an orphan; it refuses,
 * with the command to run, when the server belongs to another running instance or cannot
 * be stopped.
 */
final class StaleEmbeddedPostgres {

	private static final Logger log = LoggerFactory.getLogger(StaleEmbeddedPostgres.class);

	/**
	 * The file io.zonky's embedded PostgreSQL holds a lock on while it owns the
	 * directory.
	 */
	static final String OWNER_LOCK = "epg-lock";

	private StaleEmbeddedPostgres() {
	}

	/**
	 * Stops an orphaned PostgreSQL on the data directory, if there is one.
	 * @param dataDir the embedded cluster's directory
	 * @param wait how long the orphan may take to stop
	 * @throws IllegalStateException when another running instance owns the directory, or
	 * a server on it cannot be stopped; the message says what to do
	 */
	static void clear(Path dataDir, Duration wait) {
		Optional<Postmaster> found = Postmaster.read(dataDir.resolve("postmaster.pid"));
		if (found.isEmpty()) {
			return;
		}
		Postmaster postmaster = found.get();
		if (ownedByAnotherProcess(dataDir.resolve(OWNER_LOCK))) {
			throw new IllegalStateException("The embedded PostgreSQL under " + dataDir
					+ " belongs to another running instance of this application (postmaster PID " + postmaster.pid()
					+ ", port " + postmaster.port() + "). Stop that instance first, or give this one its own "
					+ "data directory with PROVISIONING_DATABASE_EMBEDDED_DATA_DIR.");
		}
		Optional<ProcessHandle> process = ProcessHandle.of(postmaster.pid()).filter(ProcessHandle::isAlive);
		if (process.isEmpty()) {
			// a leftover file of a server that is gone: PostgreSQL replaces it itself
			return;
		}
		Optional<String> command = process.get().info().command();
		if (command.isPresent() && !command.get().contains("postgres")) {
			log.warn("Removing {}: its PID {} now belongs to another program ({})", dataDir.resolve("postmaster.pid"),
					postmaster.pid(), command.get());
			delete(dataDir.resolve("postmaster.pid"));
			return;
		}
		if (command.isEmpty()) {
			throw new IllegalStateException(stuck(dataDir, postmaster, "is still running and cannot be inspected"));
		}
		log.warn("Stopping the embedded PostgreSQL (PID {}, port {}) that an earlier run left running under {} "
				+ "(it was killed before it could stop it)", postmaster.pid(), postmaster.port(), dataDir);
		process.get().destroy();
		try {
			process.get().onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException(stuck(dataDir, postmaster,
					"did not stop within " + wait.toSeconds() + " s (a client such as psql may still be connected)"));
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(stuck(dataDir, postmaster, "could not be stopped"), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(
					stuck(dataDir, postmaster, "was being stopped when start-up was interrupted"));
		}
		log.info("Stopped the orphaned embedded PostgreSQL (PID {}); starting it again", postmaster.pid());
	}

	/**
	 * What to run by hand when a server on the directory is in the way.
	 */
	static String stuck(Path dataDir, Postmaster postmaster, String what) {
		return "An embedded PostgreSQL left by an earlier run (PID " + postmaster.pid() + ", port " + postmaster.port()
				+ ") " + what + " under " + dataDir + ". Stop it with: kill -INT " + postmaster.pid()
				+ " (or pg_ctl -D " + dataDir + " stop -m fast), then start again; the data is kept.";
	}

	private static boolean ownedByAnotherProcess(Path lockFile) {
		if (!Files.exists(lockFile)) {
			return false;
		}
		try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
				FileLock lock = channel.tryLock()) {
			return lock == null;
		}
		catch (OverlappingFileLockException ex) {
			return true;
		}
		catch (NoSuchFileException ex) {
			return false;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not check " + lockFile, ex);
		}
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not remove " + file, ex);
		}
	}

	/**
	 * The first lines of PostgreSQL's {@code postmaster.pid}: the server's PID, its data
	 * directory, its start time and its port.
	 *
	 * @param pid the postmaster's process id
	 * @param port the port it listens on, or -1 when the file does not say
	 */
	record Postmaster(long pid, int port) {

		static Optional<Postmaster> read(Path pidFile) {
			List<String> lines;
			try {
				lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
			}
			catch (NoSuchFileException ex) {
				return Optional.empty();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not read " + pidFile, ex);
			}
			try {
				long pid = Long.parseLong(lines.get(0).strip());
				int port = (lines.size() > 3) ? Integer.parseInt(lines.get(3).strip()) : -1;
				return Optional.of(new Postmaster(pid, port));
			}
			catch (NumberFormatException | IndexOutOfBoundsException ex) {
				return Optional.empty();
			}
		}

	}

}
