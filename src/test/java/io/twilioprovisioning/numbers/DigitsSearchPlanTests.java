package io.twilioprovisioning.numbers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.twilioprovisioning.platform.PageResult;
import io.twilioprovisioning.support.RunningServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A search for digits anywhere in the number finds its matches by the trigram index and
 * sorts them, with any pattern and whichever plan PostgreSQL's plan cache uses (custom or
 * generic): it never walks the index of the list's order filtering the pattern, which
 * reads most of the inventory when the matches lie together far from the start of that
 * order (docs/benchmarks.md §6). A search for the start of a number ({@code +1 700 01},
 * {@code (700) 02}) does the same from the range of the live-number index while its
 * matches are few (ADR 0034). The inventory is seeded like the benchmark's (each number
 * older than the one before it, so numbers sharing their leading digits lie together),
 * analyzed, and rolled back; the plans are asked of PostgreSQL, not timed.
 */
@RunningServerTest
class DigitsSearchPlanTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int SEEDED = 30_000;

	/**
	 * Digits anywhere: each finds ~1,400 numbers lying together among the oldest, in
	 * another format.
	 */
	private static final List<String> PATTERNS = List.of("700 020", "700 019", "700-018", "700.017", "7000 16",
			"70001 5", "70001 4");

	/**
	 * Starts of numbers: ~1,400 (area code and exchange) and ~14,000 (one digit less) of
	 * the oldest numbers, in both formats.
	 */
	private static final List<String> PREFIXES = List.of("(700) 020", "+1 700 019", "(700) 01", "+1 700 02");

	@Autowired
	PhoneNumberRepository numbers;

	@Autowired
	NumberListing listing;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@AfterEach
	void restoreStatistics() {
		// ANALYZE inside the rolled back transaction left the table's size estimate
		// behind
		this.jdbc.sql("ANALYZE phone_numbers").update();
	}

	@Test
	void aDigitsSearchSortsItsMatchesInsteadOfWalkingTheOrderIndexInCustomAndGenericPlans() {
		inSeededInventory(() -> {
			for (NumberSort sort : List.of(NumberSort.DEFAULT, NumberSort.parse("phoneNumber,asc"))) {
				for (String text : PATTERNS) {
					PhoneNumberRepository.Statement statement = this.numbers.partStatement(
							new NumberQuery(null, null, text, false, sort), sort.descending(), List.of(), Map.of(), 51);
					assertFindsByMatches(explainCustom(statement), text + " " + sort.apiValue() + ", custom plan");
					assertFindsByMatches(explainGeneric(statement), text + " " + sort.apiValue() + ", generic plan");
				}
			}
		});
	}

	@Test
	void aDigitsSearchStillWalksTheOrderIndexForListsWithoutDigits() {
		inSeededInventory(() -> {
			PhoneNumberRepository.Statement statement = this.numbers.partStatement(NumberQuery.live(), true, List.of(),
					Map.of(), 51);
			JsonNode plan = explainCustom(statement);
			assertThat(nodes(plan)).as(plan.toString())
				.anySatisfy((node) -> assertThat(node.path("Index Name").asString()).isEqualTo("phone_numbers_created"))
				.noneSatisfy((node) -> assertThat(node.path("Node Type").asString()).isEqualTo("Sort"));
			assertThat(PhoneNumberRepository.findsByMatches("+1 202 555")).isFalse();
			assertThat(PhoneNumberRepository.findsByMatches("2025")).isFalse();
			assertThat(PhoneNumberRepository.findsByMatches("Bench Client 20255")).isFalse();
			assertThat(PhoneNumberRepository.findsByMatches("(202) 55")).isFalse();
			assertThat(PhoneNumberRepository.findsByMatches("202-55")).isTrue();
			assertThat(PhoneNumberRepository.findsByMatches("202 55")).isTrue();
		});
	}

	@Test
	void theStartOfANumberIsWhatStartsWithPlusOrWithAnAreaCodeInParentheses() {
		assertThat(PhoneNumberRepository.numberPrefix("+1 415 55")).isEqualTo("+141555");
		assertThat(PhoneNumberRepository.numberPrefix("+44 20")).isEqualTo("+4420");
		assertThat(PhoneNumberRepository.numberPrefix("(415) 55")).isEqualTo("+141555");
		assertThat(PhoneNumberRepository.numberPrefix(" (415) 555-01")).isEqualTo("+141555501");
		assertThat(PhoneNumberRepository.numberPrefix("(415)")).isEqualTo("+1415");
		assertThat(PhoneNumberRepository.numberPrefix("415 55")).isNull();
		assertThat(PhoneNumberRepository.numberPrefix("415-555")).isNull();
		assertThat(PhoneNumberRepository.numberPrefix("(41) 55")).isNull();
		assertThat(PhoneNumberRepository.numberPrefix("(4155) 5")).isNull();
		assertThat(PhoneNumberRepository.numberPrefix("(415) Bench")).isNull();
		assertThat(PhoneNumberRepository.numberPrefix("+")).isNull();
	}

	@Test
	void aStartOfANumberWithFewMatchesSortsThemFromTheLiveNumberIndexAndABroadOneWalksTheOrder() {
		inSeededInventory(() -> {
			for (String text : PREFIXES) {
				PhoneNumberRepository.Statement statement = this.numbers
					.partStatement(new NumberQuery(null, null, text, false, null), true, List.of(), Map.of(), 51);
				assertSortsTheRange(explainCustom(statement), text + ", custom plan");
				assertSortsTheRange(explainGeneric(statement), text + ", generic plan");
				PhoneNumberRepository.Statement byNumber = this.numbers.partStatement(
						new NumberQuery(null, null, text, false, NumberSort.parse("phoneNumber,asc")), false, List.of(),
						Map.of(), 51);
				JsonNode plan = explainCustom(byNumber);
				assertThat(nodes(plan)).as(text + " by number: " + plan)
					.anySatisfy((node) -> assertThat(node.path("Index Name").asString()).contains("e164"))
					.noneSatisfy((node) -> assertThat(node.path("Index Name").asString()).contains("created"));
			}
			// 30,000 live numbers start with +1 7000: more than are sorted, so the list
			// walks its order
			String broad = this.numbers
				.partStatement(new NumberQuery(null, null, "(700) 0", false, null), true, List.of(), Map.of(), 51)
				.sql();
			assertThat(broad).contains("ORDER BY created_at DESC, id DESC").doesNotContain("interval");
		});
	}

	@Test
	void manyDigitsSearchesInARowGiveTheNewestMatchesFirstAndWalkThemByCursor() {
		inSeededInventory(() -> {
			for (int round = 0; round < 2; round++) {
				for (String text : concat(PATTERNS, PREFIXES)) {
					String digits = text.replaceAll("[^0-9]", "");
					boolean start = PREFIXES.contains(text);
					List<Long> expected = this.jdbc
						.sql("""
								SELECT id FROM phone_numbers WHERE state IN ('PURCHASING', 'ACTIVE', 'RELEASING')
								  AND strpos(e164, :digits) %s ORDER BY created_at DESC, id DESC LIMIT 50"""
							.formatted(start ? "= 1" : "> 0"))
						.param("digits", start && text.startsWith("(") ? "+1" + digits : (start ? "+" : "") + digits)
						.query(Long.class)
						.list();
					assertThat(expected).as(text).hasSize(50);
					assertThat(ids(this.listing.list(new NumberQuery(null, null, text, false, null), null, 50)))
						.as(text)
						.isEqualTo(expected);
				}
			}
			List<Long> all = this.jdbc.sql("""
					SELECT id FROM phone_numbers WHERE state IN ('PURCHASING', 'ACTIVE', 'RELEASING')
					  AND strpos(e164, '700020') > 0 ORDER BY e164, id""").query(Long.class).list();
			assertThat(all).hasSizeGreaterThan(1_000);
			for (String text : List.of(PATTERNS.get(0), PREFIXES.get(0))) {
				for (NumberSort sort : List.of(NumberSort.parse("phoneNumber,asc"), NumberSort.DEFAULT)) {
					NumberQuery query = new NumberQuery(null, null, text, false, sort);
					List<Long> walked = new ArrayList<>();
					PageResult<TrackedNumber> page = this.listing.list(query, null, 500);
					walked.addAll(ids(page));
					for (int guard = 0; page.nextCursor() != null && guard < 100; guard++) {
						page = this.listing.list(query, page.nextCursor(), 500);
						walked.addAll(ids(page));
					}
					assertThat(walked).as(text + " " + sort.apiValue()).containsExactlyInAnyOrderElementsOf(all);
					if (sort.field() == NumberSort.Field.PHONE_NUMBER) {
						assertThat(walked).as(text).isEqualTo(all);
					}
				}
			}
		});
	}

	/**
	 * Runs the work in a transaction holding {@link #SEEDED} numbers (analyzed), then
	 * rolls it back.
	 */
	private void inSeededInventory(Runnable work) {
		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
			status.setRollbackOnly();
			this.jdbc
				.sql("""
						INSERT INTO phone_numbers (state, e164, twilio_sid, friendly_name, released_at, created_at, updated_at)
						SELECT CASE WHEN g % 50 = 0 THEN 'RELEASED' ELSE 'ACTIVE' END, '+1' || (7000000000 + g * 7)::text,
						  'PN' || md5('plan' || g), 'Plan ' || g, CASE WHEN g % 50 = 0 THEN now() END,
						  now() - (g || ' minutes')::interval, now()
						FROM generate_series(1, :seeded) g""")
				.param("seeded", SEEDED)
				.update();
			this.jdbc.sql("ANALYZE phone_numbers").update();
			work.run();
		});
	}

	/** The plan for the statement's parameter values. */
	private JsonNode explainCustom(PhoneNumberRepository.Statement statement) {
		return JSON.readTree(this.jdbc.sql("EXPLAIN (FORMAT JSON) " + statement.sql())
			.params(statement.params())
			.query(String.class)
			.single());
	}

	/**
	 * The generic plan: the one the plan cache may choose for a prepared statement after
	 * five executions, planned without the parameters' values (which PostgreSQL shows as
	 * {@code $1}, {@code $2}, …). The statement is prepared in SQL with positional
	 * parameters and explained with {@code plan_cache_mode = force_generic_plan}.
	 */
	private JsonNode explainGeneric(PhoneNumberRepository.Statement statement) {
		ParsedSql parsed = NamedParameterUtils.parseSqlStatement(statement.sql());
		MapSqlParameterSource source = new MapSqlParameterSource(statement.params());
		Matcher marker = Pattern.compile("\\?").matcher(NamedParameterUtils.substituteNamedParameters(parsed, source));
		StringBuilder positional = new StringBuilder();
		int index = 0;
		while (marker.find()) {
			marker.appendReplacement(positional, "\\$" + (++index));
		}
		marker.appendTail(positional);
		String values = Arrays.stream(NamedParameterUtils.buildValueArray(parsed, source, null))
			.map((value) -> (value instanceof Number) ? value.toString()
					: "'" + value.toString().replace("'", "''") + "'")
			.collect(Collectors.joining(", "));
		this.jdbc.sql("PREPARE plan_probe AS " + positional).update();
		try {
			this.jdbc.sql("SET LOCAL plan_cache_mode = force_generic_plan").update();
			String plan = this.jdbc.sql("EXPLAIN (FORMAT JSON) EXECUTE plan_probe(" + values + ")")
				.query(String.class)
				.single();
			assertThat(plan).as("a plan without the values").contains("$1");
			return JSON.readTree(plan);
		}
		finally {
			this.jdbc.sql("SET LOCAL plan_cache_mode TO DEFAULT").update();
			this.jdbc.sql("DEALLOCATE plan_probe").update();
		}
	}

	private static List<String> concat(List<String> first, List<String> second) {
		List<String> both = new ArrayList<>(first);
		both.addAll(second);
		return both;
	}

	/**
	 * The plan reads the range of the live-number index (without the rows when it can)
	 * and sorts it; it never walks the order's index.
	 */
	private static void assertSortsTheRange(JsonNode plan, String description) {
		assertThat(nodes(plan)).as(description + ": " + plan)
			.anySatisfy((node) -> assertThat(node.path("Node Type").asString()).isEqualTo("Sort"))
			.anySatisfy((node) -> assertThat(node.path("Index Name").asString()).isEqualTo("phone_numbers_live_e164"))
			.noneSatisfy((node) -> assertThat(node.path("Index Name").asString()).contains("created"));
	}

	private static void assertFindsByMatches(JsonNode plan, String description) {
		List<JsonNode> nodes = nodes(plan);
		assertThat(nodes).as(description + ": " + plan)
			.anySatisfy((node) -> assertThat(node.path("Node Type").asString()).isEqualTo("Sort"))
			.noneSatisfy((node) -> {
				assertThat(node.path("Node Type").asString()).endsWith("Index Scan");
				assertThat(node.path("Filter").asString()).contains("~~");
			});
	}

	private static List<JsonNode> nodes(JsonNode explain) {
		List<JsonNode> nodes = new ArrayList<>();
		collect(explain.get(0).get("Plan"), nodes);
		return nodes;
	}

	private static void collect(JsonNode node, List<JsonNode> nodes) {
		nodes.add(node);
		for (JsonNode child : node.path("Plans")) {
			collect(child, nodes);
		}
	}

	private static List<Long> ids(PageResult<TrackedNumber> page) {
		return page.content().stream().map(TrackedNumber::id).toList();
	}

}
