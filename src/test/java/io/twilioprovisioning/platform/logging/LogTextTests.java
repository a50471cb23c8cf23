package io.twilioprovisioning.platform.logging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogTextTests {

	@Test
	void lineBreaksTabsAndControlCharactersBecomeVisibleEscapes() {
		assertThat(LogText.escape("a\r\nb\tc\u0000d\u007fe\u0085f")).isEqualTo("a\\r\\nb\\tc\\u0000d\\u007fe\\u0085f");
	}

	@Test
	void invisibleAndDirectionChangingCharactersBecomeVisibleEscapes() {
		assertThat(LogText.escape("admin\u202Egpj.exe\u2066x\u2028y\u200Bz\uFEFF"))
			.isEqualTo("admin\\u202egpj.exe\\u2066x\\u2028y\\u200bz\\ufeff");
	}

	@Test
	void ordinaryTextIsLeftAlone() {
		String text = "Zoë's café — 東京 📞 +1 (415) 555-0101 \\n";
		assertThat(LogText.escape(text)).isSameAs(text);
	}

	@Test
	void aLoneSurrogateIsEscaped() {
		assertThat(LogText.escape("x\uD83Dy")).isEqualTo("x\\ud83dy");
	}

	@Test
	void jsonVariantLeavesLineBreaksToTheJsonEncoder() {
		assertThat(LogText.escapeInvisible("a\nb\u202Ec")).isEqualTo("a\nb\\u202ec");
	}

}
