package io.twilioprovisioning.sandbox;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.twilioprovisioning.sandbox.PurchaseTests.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read-only regulatory Bundles on the numbers host, served under {@code /numbers}, and
 * the bundle British mobile numbers need.
 */
class BundlesTests extends StandaloneEmulatorTest {

	private static final String BUNDLES = "/numbers/v2/RegulatoryCompliance/Bundles";

	@Test
	void everyAccountHasThePresetBundles() {
		JsonNode page = this.client.get(BUNDLES).json();

		assertThat(names(page)).containsExactly("Sandbox GB local business bundle", "Sandbox GB mobile business bundle",
				"Sandbox GB toll-free bundle (draft)");
		JsonNode bundle = page.get("results").get(1);
		assertThat(bundle.get("sid").asString()).matches("BU[0-9a-f]{32}");
		assertThat(bundle.get("regulation_sid").asString()).matches("RN[0-9a-f]{32}");
		assertThat(bundle.get("account_sid").asString()).isEqualTo(TwilioEmulator.DEFAULT_ACCOUNT_SID);
		assertThat(bundle.get("status").asString()).isEqualTo("twilio-approved");
		assertThat(bundle.get("url").asString())
			.isEqualTo("https://numbers.twilio.com/v2/RegulatoryCompliance/Bundles/" + bundle.get("sid").asString());
		assertThat(page.get("meta").get("key").asString()).isEqualTo("results");
	}

	@Test
	void theSameAccountGetsTheSameBundleSidsOnEveryRun() {
		String first = this.client.get(BUNDLES).json().get("results").get(0).get("sid").asString();

		this.emulator.reset();

		assertThat(this.client.get(BUNDLES).json().get("results").get(0).get("sid").asString()).isEqualTo(first);
	}

	@Test
	void listFiltersAndFetch() {
		assertThat(names(this.client.get(BUNDLES + "?Status=draft").json()))
			.containsExactly("Sandbox GB toll-free bundle (draft)");
		assertThat(names(this.client.get(BUNDLES + "?NumberType=mobile&IsoCountry=GB").json()))
			.containsExactly("Sandbox GB mobile business bundle");
		String sid = mobileBundle(this.client);
		assertThat(this.client.get(BUNDLES + "/" + sid).text("friendly_name"))
			.isEqualTo("Sandbox GB mobile business bundle");
		assertError(this.client.get(BUNDLES + "/BU" + "0".repeat(32)), 404, 20404);
	}

	@Test
	void bundlesAreReadOnly() {
		EmulatorClient.Reply reply = this.client.post(BUNDLES, "FriendlyName", "mine");

		assertError(reply, 405, 20004);
		assertThat(reply.headers().firstValue("Allow")).hasValue("GET");
	}

	@Test
	void subaccountsHaveTheirOwnBundles() {
		Subaccount sub = subaccount("bundles");

		assertThat(mobileBundle(sub.client())).isNotEqualTo(mobileBundle(this.client));
		assertError(sub.client().get(BUNDLES + "/" + mobileBundle(this.client)), 404, 20404);
	}

	@Test
	void aBritishMobileNumberNeedsAnApprovedBundleOfTheAccount() {
		String draft = this.client.get(BUNDLES + "?Status=draft").json().get("results").get(0).get("sid").asString();
		String approved = mobileBundle(this.client);

		assertError(buy("PhoneNumber", "+447700900101"), 400, 21649);
		assertError(buy("PhoneNumber", "+447700900101", "BundleSid", draft), 400, 21649);
		EmulatorClient.Reply bought = buy("PhoneNumber", "+447700900101", "BundleSid", approved);
		assertThat(bought.status()).isEqualTo(201);
		assertThat(bought.text("bundle_sid")).isEqualTo(approved);
	}

	private static String mobileBundle(EmulatorClient client) {
		return client.get(BUNDLES + "?NumberType=mobile").json().get("results").get(0).get("sid").asString();
	}

	private static List<String> names(JsonNode page) {
		List<String> names = new ArrayList<>();
		page.get("results").forEach((bundle) -> names.add(bundle.get("friendly_name").asString()));
		return names;
	}

}
