package io.twilioprovisioning.twilio;

import io.twilioprovisioning.support.RunningServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import io.twilioprovisioning.numbers.E164Number;
import io.twilioprovisioning.numbers.NumberCarrier;
import io.twilioprovisioning.numbers.OwnedNumber;
import io.twilioprovisioning.numbers.PurchaseOrder;
import io.twilioprovisioning.numbers.SearchCriteria;
import io.twilioprovisioning.numbers.WebhookConfig;
import io.twilioprovisioning.sandbox.TwilioEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In sandbox mode the application's own carrier reaches the in-process emulator under
 * {@code /sandbox/twilio} on the port the server got at start ({@code server.port=0}).
 */
@RunningServerTest
class SandboxModeCarrierTests {

	@Autowired
	NumberCarrier carrier;

	@Autowired
	TwilioEmulator emulator;

	@Autowired
	Environment environment;

	@BeforeEach
	@AfterEach
	void reset() {
		this.emulator.reset();
	}

	@Test
	void theAdapterUsesTheEmulatorDocumentedCredentials() {
		assertThat(this.environment.getProperty(TwilioEndpoint.SANDBOX_ACCOUNT_SID))
			.isEqualTo(TwilioEmulator.DEFAULT_ACCOUNT_SID);
		assertThat(this.environment.getProperty(TwilioEndpoint.SANDBOX_AUTH_TOKEN))
			.isEqualTo(TwilioEmulator.DEFAULT_AUTH_TOKEN);
		assertThat(this.carrier.account().sid()).isEqualTo(this.emulator.accountSid());
	}

	@Test
	void theAdapterSearchesBuysFindsAndReleasesThroughTheInProcessEmulator() {
		assertThat(this.carrier.search(SearchCriteria.local("US").withAreaCode("415"))).isNotEmpty();

		OwnedNumber bought = this.carrier.purchase(
				PurchaseOrder.number(new E164Number(TwilioEmulator.MAGIC_AVAILABLE), "Sandbox", WebhookConfig.NONE));

		assertThat(this.emulator.owned(bought.sid())).isPresent();
		assertThat(this.carrier.findByPhoneNumber(bought.phoneNumber())).get()
			.extracting(OwnedNumber::sid)
			.isEqualTo(bought.sid());
		assertThat(this.carrier.listOwned(10)).extracting(OwnedNumber::sid).containsExactly(bought.sid());
		assertThat(this.carrier.release(bought.sid())).isTrue();
		assertThat(this.emulator.owned(bought.sid())).isEmpty();
	}

}
