package io.twilioprovisioning.numbers;

import io.twilioprovisioning.platform.SandboxReset;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forgets the whole inventory when the sandbox starts over: the numbers, their assignment
 * history and the sync reports go, in the transaction that empties the emulated account,
 * so both sides start over together. Clients, users and the audit trail stay; the trail
 * gets one entry ({@link InventoryWiped}).
 */
@Component
class InventoryReset {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	InventoryReset(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(SandboxReset reset) {
		this.jdbc.sql("DELETE FROM number_assignments").update();
		long numbers = this.jdbc.sql("DELETE FROM phone_numbers").update();
		this.jdbc.sql("DELETE FROM sync_reports").update();
		this.events.publishEvent(new InventoryWiped(reset.actor(), reset.occurredAt(), numbers));
	}

}
