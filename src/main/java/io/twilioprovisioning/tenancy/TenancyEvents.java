package io.twilioprovisioning.tenancy;

import io.twilioprovisioning.clients.ClientCreated;
import io.twilioprovisioning.platform.SandboxReset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Gives a new client its Twilio resources once its creation committed (in
 * {@code subaccount-per-client} mode its subaccount, and its Messaging Service when
 * messaging is on); a failure leaves the client as it is, audited, and the first purchase
 * tries again. A sandbox reset forgets the emulated resources with the emulator.
 */
@Component
class TenancyEvents {

	private static final Logger log = LoggerFactory.getLogger(TenancyEvents.class);

	private final Tenancy tenancy;

	private final JdbcClient jdbc;

	TenancyEvents(Tenancy tenancy, JdbcClient jdbc) {
		this.tenancy = tenancy;
		this.jdbc = jdbc;
	}

	@TransactionalEventListener
	void on(ClientCreated created) {
		try {
			this.tenancy.provision(created.client().id(), "system");
		}
		catch (RuntimeException ex) {
			log.warn("Client {} was created, but its Twilio resources could not be prepared yet (the first purchase "
					+ "tries again): {}", created.client().id(), ex.getMessage());
		}
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(SandboxReset reset) {
		this.jdbc.sql("DELETE FROM client_tenancy").update();
	}

}
