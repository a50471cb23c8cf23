package io.twilioprovisioning.usage;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The charts' SVG: escaped data, values written as text, no inline style.
 */
class SvgTests {

	@Test
	void barsEscapeLabelsAndWriteEachValue() {
		String svg = Svg.bars("c", "Cost <by> client", List.of("<script>alert(1)</script>", "Others (3 clients)"),
				List.of(new BigDecimal("2.30"), new BigDecimal("0.45")), "USD");

		assertThat(svg).doesNotContain("<script>")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
			.contains("<title id=\"c-title\">Cost &lt;by&gt; client</title>")
			.contains(">2.30 USD</text>")
			.contains(">0.45 USD</text>")
			.contains("url(#c-hatch)")
			.contains("url(#c-dots)")
			.doesNotContain("style=");
	}

	@Test
	void linesTellSeriesApartByDashesAndLabelTheirLastValue() {
		String svg = Svg.lines("s", "States", List.of("1 Nov", "2 Nov", "3 Nov"), List
			.of(new Svg.Series("assigned", List.of(1L, 2L, 3L)), new Svg.Series("unassigned", List.of(0L, 1L, 1L))));

		assertThat(svg).contains("role=\"img\"")
			.contains(">assigned: 3</text>")
			.contains(">unassigned: 1</text>")
			.contains("stroke-dasharray=\"8 4\"")
			.doesNotContain("style=");
	}

	@Test
	void axisStepsAreRound() {
		assertThat(Svg.niceStep(3)).isEqualTo(1);
		assertThat(Svg.niceStep(17)).isEqualTo(5);
		assertThat(Svg.niceStep(230)).isEqualTo(100);
	}

}
