package io.twilioprovisioning.numbers;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class E164NumberTests {

	@ParameterizedTest
	@ValueSource(strings = { "(415) 555-0100", "+1 415 555 0100", "4155550100", "415.555.0100", " +14155550100 ",
			"1-415-555-0100" })
	void parsesWhatPeopleTypeIntoE164(String input) {
		assertThat(E164Number.parse(input).value()).isEqualTo("+14155550100");
	}

	@Test
	void usesTheDefaultRegionForNationalNumbers() {
		assertThat(E164Number.parse("020 7946 0018", "GB").value()).isEqualTo("+442079460018");
	}

	@Test
	void acceptsTwilioTestNumbers() {
		assertThat(E164Number.parse("+15005550006").value()).isEqualTo("+15005550006");
	}

	@Test
	void formatsForDisplay() {
		E164Number number = E164Number.parse("+14155550100");
		assertThat(number.national()).isEqualTo("(415) 555-0100");
		assertThat(number.international()).isEqualTo("+1 415-555-0100");
		assertThat(number.region()).isEqualTo("US");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "12", "hello", "<script>alert(1)</script>", "4155550100' OR '1'='1",
			"+1 415 555 0100 0000 0000 0000 00", "４１５５５５０１００", "+1415555\u202E0100" })
	void refusesWhatIsNotAPhoneNumber(String input) {
		assertThat(E164Number.tryParse(input, "US")).isEmpty();
		assertThatExceptionOfType(InvalidPhoneNumberException.class).isThrownBy(() -> E164Number.parse(input))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("is not a valid phone number"));
	}

	@Test
	void refusesNull() {
		assertThat(E164Number.tryParse(null, "US")).isEmpty();
	}

	@Test
	void constructorRequiresE164() {
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> new E164Number("4155550100"));
	}

}
