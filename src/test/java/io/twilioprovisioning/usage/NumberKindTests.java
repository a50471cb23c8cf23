package io.twilioprovisioning.usage;

import io.twilioprovisioning.numbers.E164Number;
import io.twilioprovisioning.numbers.NumberType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The country and type that price a number, for the sandbox's ranges and Twilio's test
 * numbers.
 */
class NumberKindTests {

	@Test
	void northAmericanNumbersAreLocalInTheirCountryAndTollFreeByPrefix() {
		assertThat(NumberKind.of(new E164Number("+14155550100"))).isEqualTo(new NumberKind("US", NumberType.LOCAL));
		assertThat(NumberKind.of(new E164Number("+14165550100"))).isEqualTo(new NumberKind("CA", NumberType.LOCAL));
		assertThat(NumberKind.of(new E164Number("+18005550100"))).isEqualTo(new NumberKind("US", NumberType.TOLL_FREE));
		assertThat(NumberKind.of(new E164Number("+15005550006"))).isEqualTo(new NumberKind("US", NumberType.LOCAL));
	}

	@Test
	void britishMobileNumbersAreMobileEvenWhenNotAllocated() {
		assertThat(NumberKind.of(new E164Number("+442079460100"))).isEqualTo(new NumberKind("GB", NumberType.LOCAL));
		assertThat(NumberKind.of(new E164Number("+447700900100"))).isEqualTo(new NumberKind("GB", NumberType.MOBILE));
		assertThat(NumberKind.of(new E164Number("+448081570100")))
			.isEqualTo(new NumberKind("GB", NumberType.TOLL_FREE));
	}

}
