package io.twilioprovisioning.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.twilioprovisioning.TwilioProvisioningApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded PostgreSQL is the major {@link EmbeddedPostgresVersion#MAJOR} says, and a
 * data directory made by another major stops the start untouched, saying what to do.
 */
class EmbeddedPostgresVersionTests {

	@TempDir
	Path dataDir;

	@Test
	void theBundledServerIsTheDeclaredMajor() throws Exception {
		try (EmbeddedPostgres server = EmbeddedPostgres.start();
				Connection connection = server.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SHOW server_version_num")) {
			rs.next();
			assertThat(Integer.parseInt(rs.getString(1)) / 10_000).isEqualTo(EmbeddedPostgresVersion.MAJOR);
		}
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void aDataDirectoryOfPostgres14StopsTheStartAndStaysAsItWas(CapturedOutput output) throws IOException {
		Path cluster = this.dataDir.resolve("postgres");
		oldCluster(cluster, "14");
		Map<String, String> before = snapshot(cluster);

		assertThatThrownBy(() -> new SpringApplicationBuilder(TwilioProvisioningApplication.class).run(
				"--server.port=0", "--provisioning.database.embedded.ephemeral=false",
				"--provisioning.database.embedded.data-dir=" + cluster))
			.rootCause()
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("was created by PostgreSQL 14")
			.hasMessageContaining("bundles PostgreSQL " + EmbeddedPostgresVersion.MAJOR)
			.hasMessageContaining("Nothing in it was changed")
			.hasMessageContaining("mv " + cluster + " " + cluster + "-pg14")
			.hasMessageContaining("PROVISIONING_DATABASE_EMBEDDED_DATA_DIR")
			.hasMessageContaining(EmbeddedPostgresVersion.UPGRADE_DOC);
		assertThat(snapshot(cluster)).isEqualTo(before);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Nothing in it was changed.\n\nAction:\n\nTo start over with an empty database");
	}

	@Test
	void aDataDirectoryOfANewerMajorIsRefusedToo() throws IOException {
		oldCluster(this.dataDir, String.valueOf(EmbeddedPostgresVersion.MAJOR + 1));

		assertThatIllegalStateException().isThrownBy(() -> EmbeddedPostgresVersion.requireCompatible(this.dataDir))
			.withMessageContaining("was created by PostgreSQL " + (EmbeddedPostgresVersion.MAJOR + 1) + ", newer")
			.withMessageContaining("PROVISIONING_DATABASE_EMBEDDED_DATA_DIR");
	}

	@Test
	void aPrePostgres10DirectoryIsReadAsItsMajor() throws IOException {
		oldCluster(this.dataDir, "9.6");

		assertThat(EmbeddedPostgresVersion.majorOf(this.dataDir)).hasValue(9);
		assertThatIllegalStateException().isThrownBy(() -> EmbeddedPostgresVersion.requireCompatible(this.dataDir))
			.withMessageContaining("was created by PostgreSQL 9;");
	}

	@Test
	void aNewOrCurrentDirectoryPasses() throws IOException {
		assertThatNoException().isThrownBy(() -> EmbeddedPostgresVersion.requireCompatible(this.dataDir));
		assertThatNoException()
			.isThrownBy(() -> EmbeddedPostgresVersion.requireCompatible(this.dataDir.resolve("not-yet-created")));

		oldCluster(this.dataDir, String.valueOf(EmbeddedPostgresVersion.MAJOR));
		assertThatNoException().isThrownBy(() -> EmbeddedPostgresVersion.requireCompatible(this.dataDir));
	}

	@Test
	void aPgVersionFileWithoutAVersionIsNamed() throws IOException {
		oldCluster(this.dataDir, "not a version\u0007" + "x".repeat(100));

		assertThatIllegalStateException().isThrownBy(() -> EmbeddedPostgresVersion.requireCompatible(this.dataDir))
			.withMessageContaining("does not name a PostgreSQL version")
			.withMessageNotContaining("x".repeat(30));
	}

	/**
	 * The files by which a cluster is recognised: its version and configuration, a
	 * table's file, a postmaster.pid a stopped server left.
	 */
	private static void oldCluster(Path dir, String version) throws IOException {
		Files.createDirectories(dir.resolve("base/16384"));
		Files.writeString(dir.resolve("PG_VERSION"), version + "\n", StandardCharsets.US_ASCII);
		Files.writeString(dir.resolve("postgresql.conf"), "# old cluster\n", StandardCharsets.US_ASCII);
		Files.write(dir.resolve("base/16384/2619"), new byte[] { 1, 2, 3 });
		Files.writeString(dir.resolve("postmaster.pid"), "999999999\n" + dir + "\n1700000000\n54314\n",
				StandardCharsets.US_ASCII);
		FileTime old = FileTime.fromMillis(1_700_000_000_000L);
		try (Stream<Path> files = Files.walk(dir)) {
			for (Path file : files.toList()) {
				Files.setLastModifiedTime(file, old);
			}
		}
	}

	/**
	 * Every file and directory under a path with its size, time and content.
	 */
	private static Map<String, String> snapshot(Path dir) throws IOException {
		Map<String, String> entries = new TreeMap<>();
		try (Stream<Path> files = Files.walk(dir)) {
			for (Path file : files.toList()) {
				String content = Files.isRegularFile(file)
						? new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1) : "<dir>";
				entries.put(dir.relativize(file).toString(), Files.getLastModifiedTime(file) + " " + content);
			}
		}
		return entries;
	}

}
