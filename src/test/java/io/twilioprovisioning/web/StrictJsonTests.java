package io.twilioprovisioning.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The JSON request mapper reads only what a request says literally: no number as an enum
 * or boolean, no string as a number or boolean, no number as a string, no control
 * characters, no duplicate keys; and each refusal names the field.
 */
class StrictJsonTests {

	enum Role {

		ADMIN, USER

	}

	record Body(String name, Role role, Boolean flag, Integer limit, Long id) {

	}

	static final JsonMapper JSON = requestMapper();

	static JsonMapper requestMapper() {
		JsonMapper.Builder builder = JsonMapper.builder();
		StrictJsonConfiguration.strict(builder);
		return StrictJsonConfiguration.forRequests(builder.build());
	}

	@Test
	void wellTypedValuesAreRead() {
		Body body = JSON.readValue(
				"{\"name\":\"Acme \\u00e9 \\ud83d\\ude00\",\"role\":\"USER\",\"flag\":true,\"limit\":5,\"id\":7}",
				Body.class);
		assertThat(body).isEqualTo(new Body("Acme é 😀", Role.USER, true, 5, 7L));
		assertThat(JSON.readValue("{\"name\":null,\"flag\":null}", Body.class))
			.isEqualTo(new Body(null, null, null, null, null));
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"role\":0}", "{\"role\":1}", "{\"role\":1.0}", "{\"role\":\"\"}", "{\"role\":true}",
			"{\"role\":[\"USER\"]}", "{\"role\":\"user\"}" })
	void aNumberOrAnythingElseIsNotAnEnum(String json) {
		assertRefused(json, "role");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"flag\":123}", "{\"flag\":0}", "{\"flag\":1.5}", "{\"flag\":\"\"}",
			"{\"flag\":\"true\"}", "{\"flag\":\"yes\"}", "{\"flag\":[true]}", "{\"flag\":{}}" })
	void onlyTrueAndFalseAreBooleans(String json) {
		assertRefused(json, "flag");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"limit\":\"5\"}", "{\"limit\":\"\"}", "{\"limit\":1.5}", "{\"limit\":1e1}",
			"{\"limit\":true}", "{\"limit\":[5]}", "{\"limit\":99999999999}", "{\"id\":\"0x10\"}", "{\"id\":\" 1\"}",
			"{\"id\":1.0}", "{\"id\":99999999999999999999}", "{\"id\":{}}" })
	void onlyIntegerLiteralsAreNumbers(String json) {
		assertRefused(json, json.contains("limit") ? "limit" : "id");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"name\":123}", "{\"name\":1.5}", "{\"name\":true}", "{\"name\":[\"a\"]}",
			"{\"name\":{\"a\":1}}", "{\"name\":\"a\\u0000b\"}", "{\"name\":\"line\\nbreak\"}",
			"{\"name\":\"tab\\tin\"}", "{\"name\":\"esc\\u001b[31m\"}", "{\"name\":\"c1\\u0085\"}",
			"{\"name\":\"lone \\ud800 surrogate\"}", "{\"name\":\"\\udc00\"}" })
	void onlyPlainJsonStringsAreStrings(String json) {
		assertRefused(json, "name");
	}

	@Test
	void duplicateKeysAreRefused() {
		assertThatExceptionOfType(JacksonException.class)
			.isThrownBy(() -> JSON.readValue("{\"role\":\"USER\",\"role\":\"ADMIN\"}", Body.class))
			.withMessageContaining("\"role\"");
	}

	@Test
	void trailingContentIsRefused() {
		assertThatExceptionOfType(JacksonException.class)
			.isThrownBy(() -> JSON.readValue("{\"role\":\"USER\"} {\"role\":\"ADMIN\"}", Body.class));
	}

	private static void assertRefused(String json, String field) {
		assertThatExceptionOfType(JacksonException.class).as(json)
			.isThrownBy(() -> JSON.readValue(json, Body.class))
			.satisfies((ex) -> assertThat(names(ex.getPath())).as(json).containsExactly(field));
	}

	private static List<String> names(List<JacksonException.Reference> path) {
		return path.stream().map(JacksonException.Reference::getPropertyName).toList();
	}

}
