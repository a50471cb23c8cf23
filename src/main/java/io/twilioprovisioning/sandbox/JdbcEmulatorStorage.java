package io.twilioprovisioning.sandbox;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the in-app emulator's state in the {@code sandbox} schema of the application's
 * PostgreSQL (migration V9, ADR 0014): a single {@code sandbox.state} row with the
 * revision and the totals, locked by every write so instances take turns, and one
 * {@code sandbox.resources} row per record as JSON. Each write joins the caller's
 * transaction if there is one (a reset of both sides commits together), else runs in its
 * own.
 */
final class JdbcEmulatorStorage implements EmulatorStorage {

	private static final Logger log = LoggerFactory.getLogger(JdbcEmulatorStorage.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final JsonMapper json = JsonMapper.builder()
		.changeDefaultVisibility((visibility) -> visibility.withVisibility(PropertyAccessor.ALL, Visibility.NONE)
			.withVisibility(PropertyAccessor.FIELD, Visibility.ANY))
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	JdbcEmulatorStorage(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * Makes sure a state row exists for this main account; the state of another main
	 * account (the sandbox's SID changed) is dropped, since its records could never be
	 * reached again.
	 */
	void initialize(String mainAccountSid, BigDecimal initialBalance) {
		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.update("""
					INSERT INTO sandbox.state (id, main_account_sid, revision, balance, purchases, preload_cursor)
					VALUES (1, ?, 1, ?, 0, 0) ON CONFLICT (id) DO NOTHING""", mainAccountSid, initialBalance);
			String stored = this.jdbc
				.queryForObject("SELECT main_account_sid FROM sandbox.state WHERE id = 1 FOR UPDATE", String.class);
			if (!mainAccountSid.equals(stored)) {
				log.warn("The stored sandbox state belongs to account {}, not {}: starting over", stored,
						mainAccountSid);
				this.jdbc.update("DELETE FROM sandbox.resources");
				this.jdbc.update("""
						UPDATE sandbox.state SET main_account_sid = ?, revision = revision + 1, balance = ?,
						  purchases = 0, preload_cursor = 0 WHERE id = 1""", mainAccountSid, initialBalance);
			}
		});
	}

	@Override
	public boolean persistent() {
		return true;
	}

	@Override
	public long revision() {
		Long revision = this.jdbc.queryForObject("SELECT revision FROM sandbox.state WHERE id = 1", Long.class);
		return (revision != null) ? revision : 0;
	}

	@Override
	public <T> T inTransaction(Supplier<T> work, Runnable onRollback) {
		return this.transactions.execute((status) -> {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCompletion(int completion) {
					if (completion != STATUS_COMMITTED) {
						onRollback.run();
					}
				}

			});
			return work.get();
		});
	}

	@Override
	public long lockRevision() {
		Long revision = this.jdbc.queryForObject("SELECT revision FROM sandbox.state WHERE id = 1 FOR UPDATE",
				Long.class);
		return (revision != null) ? revision : 0;
	}

	@Override
	public Snapshot load() {
		Totals totals = this.jdbc.queryForObject(
				"SELECT balance, purchases, preload_cursor FROM sandbox.state WHERE id = 1",
				(rs, row) -> new Totals(rs.getBigDecimal(1), rs.getInt(2), rs.getInt(3)));
		List<StateChange> records = new ArrayList<>();
		this.jdbc.query("SELECT kind, key, body::text FROM sandbox.resources ORDER BY seq", (rs) -> {
			StateChange.Kind kind = StateChange.Kind.valueOf(rs.getString(1));
			records.add(StateChange.saved(kind, rs.getString(2), this.json.readValue(rs.getString(3), kind.type())));
		});
		return new Snapshot(totals, records);
	}

	@Override
	public long store(List<StateChange> changes, Totals totals) {
		List<Object[]> upserts = new ArrayList<>();
		for (StateChange change : changes) {
			if (change.kind() == StateChange.Kind.EVERYTHING) {
				flush(upserts);
				this.jdbc.update("DELETE FROM sandbox.resources");
			}
			else if (change.isRemoval()) {
				flush(upserts);
				this.jdbc.update("DELETE FROM sandbox.resources WHERE kind = ? AND key = ?", change.kind().name(),
						change.key());
			}
			else {
				upserts.add(new Object[] { change.kind().name(), change.key(),
						this.json.writeValueAsString(change.value()) });
			}
		}
		flush(upserts);
		Long revision = this.jdbc.queryForObject("""
				UPDATE sandbox.state SET revision = revision + 1, balance = ?, purchases = ?, preload_cursor = ?
				WHERE id = 1 RETURNING revision""", Long.class, totals.balance(), totals.purchases(),
				totals.preloadCursor());
		return (revision != null) ? revision : 0;
	}

	/**
	 * Saves the records collected so far in one batch; a record saved twice keeps its
	 * first place in the order.
	 */
	private void flush(List<Object[]> upserts) {
		if (upserts.isEmpty()) {
			return;
		}
		this.jdbc.batchUpdate("""
				INSERT INTO sandbox.resources (kind, key, body) VALUES (?, ?, CAST(? AS jsonb))
				ON CONFLICT (kind, key) DO UPDATE SET body = EXCLUDED.body""", upserts);
		upserts.clear();
	}

}
