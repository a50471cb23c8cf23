package io.twilioprovisioning.platform;

import java.io.File;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Runs in its own JVM for {@link EmbeddedDatabaseStaleServerTests}: starts the embedded
 * PostgreSQL on a data directory as the application does, prints {@code READY}, and waits
 * (at most five minutes) to be killed, which leaves the PostgreSQL running as a
 * {@code kill -9} of {@code ./mvnw spring-boot:run} does.
 *
 * <p>
 * Usage: {@code OrphanablePostgres <dataDir>}
 */
public final class OrphanablePostgres {

	private OrphanablePostgres() {
	}

	public static void main(String[] args) throws Exception {
		File dataDir = Path.of(args[0]).toFile();
		EmbeddedPostgres server = EmbeddedPostgres.builder()
			.setDataDirectory(dataDir)
			.setCleanDataDirectory(false)
			.start();
		System.out.println("READY " + server.getPort());
		System.out.flush();
		Thread.sleep(300_000);
		server.close();
	}

}
