package io.twilioprovisioning.jobs;

import java.time.Instant;

import io.twilioprovisioning.numbers.Capabilities;
import io.twilioprovisioning.numbers.E164Number;
import io.twilioprovisioning.numbers.OwnedNumber;
import io.twilioprovisioning.numbers.WebhookConfig;
import io.twilioprovisioning.numbers.WebhookMethod;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an adopt job listed by an earlier version kept of each number between listing it
 * and adopting it (such a job goes on after a deploy).
 */
class AdoptWorkTests {

	private final AdoptWork work = new AdoptWork(null);

	@Test
	void keepsEverythingTwilioListedOfANumber() {
		OwnedNumber number = new OwnedNumber("PN0123456789abcdef0123456789abcdef", new E164Number("+14155550100"),
				"Front desk, \"main\" line", new Capabilities(true, false, true, false),
				new WebhookConfig("https://example.com/voice?a=1&b=2", WebhookMethod.GET,
						"https://example.com/fallback", "https://example.com/sms", WebhookMethod.POST, null,
						"https://example.com/status"),
				Instant.parse("2024-02-03T04:05:06Z"), Instant.parse("2025-06-07T08:09:10.000123456Z"));

		String payload = """
				["PN0123456789abcdef0123456789abcdef","+14155550100","Front desk, \\"main\\" line","1010",\
				"https://example.com/voice?a=1&b=2","GET","https://example.com/fallback","https://example.com/sms",\
				"POST",null,"https://example.com/status","1706933106:0","1749283750:123456"]""";

		assertThat(this.work.read(payload)).isEqualTo(number);
	}

	@Test
	void keepsANumberWithoutNameWebhooksOrDates() {
		OwnedNumber number = new OwnedNumber("PN0123456789abcdef0123456789abcdef", new E164Number("+447700900100"),
				null, new Capabilities(false, true, false, true), WebhookConfig.NONE, null, null);
		OwnedNumber before1970 = new OwnedNumber("PN0123456789abcdef0123456789abcdef", new E164Number("+447700900100"),
				"", Capabilities.NONE, WebhookConfig.NONE, Instant.parse("1969-12-31T23:59:59.5Z"), Instant.EPOCH);

		assertThat(this.work.read("""
				["PN0123456789abcdef0123456789abcdef","+447700900100","","0000",null,null,null,null,null,null,null,\
				"-1:500000000","0:0"]""")).isEqualTo(before1970);

		assertThat(this.work.read("""
				["PN0123456789abcdef0123456789abcdef","+447700900100",null,"0101",null,null,null,null,null,null,null,\
				null,null]""")).isEqualTo(number);
	}

	@Test
	void readsANumberListedAsAnObjectBeforeAnUpgrade() {
		OwnedNumber number = new OwnedNumber("PN0123456789abcdef0123456789abcdef", new E164Number("+14155550100"),
				"Old", new Capabilities(true, true, false, false),
				new WebhookConfig("https://example.com/voice", WebhookMethod.POST, null, null, null, null, null),
				Instant.parse("2024-02-03T04:05:06Z"), null);
		String listedBefore = JsonMapper.builder().build().writeValueAsString(number);

		assertThat(this.work.read(listedBefore)).isEqualTo(number);
	}

}
