package io.twilioprovisioning.numbers;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.twilioprovisioning.clients.Client;
import io.twilioprovisioning.clients.ClientManagement;
import io.twilioprovisioning.platform.InvalidParameterException;
import io.twilioprovisioning.platform.PageRequest;
import io.twilioprovisioning.platform.PageResult;
import io.twilioprovisioning.support.RunningServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Keyset paging of the inventory at its edges (docs/adr/0021): walks that stay exact
 * while rows are inserted, released and reassigned between two pages, total orders with
 * ties and missing values, and cursors that are refused when altered. Rows are written
 * straight to the table for one client of each test and closed afterwards, so other tests
 * (sync) never see them live.
 */
@RunningServerTest
class NumberListingTests {

	@Autowired
	NumberListing listing;

	@Autowired
	ClientManagement clients;

	@Autowired
	JdbcClient jdbc;

	Client client;

	Client other;

	final List<Long> inserted = new ArrayList<>();

	@BeforeEach
	void setUp() {
		this.client = this.clients.create("Keyset " + UUID.randomUUID(), null);
		this.other = this.clients.create("Keyset other " + UUID.randomUUID(), null);
	}

	@AfterEach
	void closeRows() {
		if (!this.inserted.isEmpty()) {
			this.jdbc.sql("""
					UPDATE phone_numbers SET state = 'RELEASED', released_at = now(), client_id = NULL
					WHERE id IN (:ids) AND state <> 'FAILED'""").param("ids", this.inserted).update();
		}
	}

	@Test
	void aWalkByCursorSeesEveryRowOnceWhileRowsAreInsertedReleasedAndReassigned() {
		Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.DAYS);
		for (int i = 0; i < 30; i++) {
			// three rows per second: ties on created_at, broken by id
			insert(this.client.id(), base.plusSeconds(i / 3), "n" + i, base);
		}
		NumberQuery query = NumberQuery.ofClient(this.client.id());
		List<Long> original = ids(this.listing.list(query, null, 100));
		List<Long> seen = new ArrayList<>();
		Set<Long> gone = new HashSet<>();
		Set<Long> behind = new HashSet<>();
		Set<Long> ahead = new HashSet<>();
		PageResult<TrackedNumber> page = this.listing.list(query, null, 7);
		int turn = 0;
		while (true) {
			seen.addAll(ids(page));
			if (page.nextCursor() == null) {
				break;
			}
			turn++;
			// between two requests: release a row already seen and one not yet seen, move
			// one
			// not yet seen to another client, insert two rows behind the position (a
			// newer one,
			// and one at the same instant as the last row seen, which its higher id puts
			// before
			// that row) and one ahead of it (older than all)
			List<Long> unseen = new ArrayList<>(original);
			unseen.removeAll(seen);
			unseen.removeAll(gone);
			release(seen.get(0));
			if (unseen.size() > 2) {
				release(unseen.get(unseen.size() - 1));
				gone.add(unseen.get(unseen.size() - 1));
				reassign(unseen.get(unseen.size() - 2), this.other.id());
				gone.add(unseen.get(unseen.size() - 2));
			}
			behind.add(insert(this.client.id(), Instant.now(), "newer " + turn, base));
			TrackedNumber last = page.content().get(page.content().size() - 1);
			behind.add(insert(this.client.id(), last.createdAt(), "tie " + turn, base));
			ahead.add(insert(this.client.id(), base.minusSeconds(turn), "older " + turn, base));
			page = this.listing.list(query, page.nextCursor(), 7);
		}
		List<Long> expected = new ArrayList<>(original);
		expected.removeAll(gone);
		assertThat(seen).doesNotHaveDuplicates();
		assertThat(seen).containsAll(expected);
		assertThat(seen).doesNotContainAnyElementsOf(gone);
		assertThat(seen).doesNotContainAnyElementsOf(behind);
		assertThat(seen).containsAll(ahead);
		assertThat(seen).hasSize(expected.size() + ahead.size());
	}

	@Test
	void aWalkByPageNumberSkipsARowWhenAnEarlierOneIsReleased() {
		Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.DAYS);
		for (int i = 0; i < 10; i++) {
			insert(this.client.id(), base.plusSeconds(i), "p" + i, base);
		}
		NumberQuery query = NumberQuery.ofClient(this.client.id());
		PageResult<TrackedNumber> first = this.listing.list(query, new PageRequest(0, 5));
		PageResult<TrackedNumber> firstByCursor = this.listing.list(query, null, 5);
		release(first.content().get(0).id());
		PageResult<TrackedNumber> second = this.listing.list(query, new PageRequest(1, 5));
		PageResult<TrackedNumber> secondByCursor = this.listing.list(query, firstByCursor.nextCursor(), 5);

		List<Long> byNumber = new ArrayList<>(ids(first));
		byNumber.addAll(ids(second));
		List<Long> byCursor = new ArrayList<>(ids(firstByCursor));
		byCursor.addAll(ids(secondByCursor));
		assertThat(byNumber).as("OFFSET skips the row that moved up a page").hasSize(9);
		assertThat(byCursor).hasSize(10).doesNotHaveDuplicates();
	}

	@Test
	void tiesAreBrokenByIdInBothDirections() {
		Instant same = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(2, ChronoUnit.DAYS);
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			ids.add(insert(this.client.id(), same, "same", same));
		}
		NumberQuery newest = NumberQuery.ofClient(this.client.id());
		NumberQuery oldest = new NumberQuery(this.client.id(), null, null, false,
				new NumberSort(NumberSort.Field.CREATED_AT, false));
		NumberQuery byName = new NumberQuery(this.client.id(), null, null, false, NumberSort.parse("friendlyName,asc"));

		List<Long> descending = new ArrayList<>(ids);
		Collections.reverse(descending);
		assertThat(walk(newest, 3)).containsExactlyElementsOf(descending);
		assertThat(walk(oldest, 3)).containsExactlyElementsOf(ids);
		assertThat(walk(byName, 3)).containsExactlyElementsOf(ids);
	}

	@Test
	void rowsWithoutTheSortValueComeLastAscendingAndFirstDescendingAndAreWalkedBothWays() {
		Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(3, ChronoUnit.DAYS);
		List<Long> named = new ArrayList<>();
		List<Long> unnamed = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			named.add(insert(this.client.id(), base.plusSeconds(i), "name " + (char) ('a' + i), base));
			unnamed.add(insert(this.client.id(), base.plusSeconds(i), null, (i % 2 == 0) ? null : base));
		}
		NumberQuery ascending = new NumberQuery(this.client.id(), null, null, false,
				NumberSort.parse("friendlyName,asc"));
		List<Long> expected = new ArrayList<>(named);
		expected.addAll(unnamed);
		assertThat(walk(ascending, 4)).containsExactlyElementsOf(expected);
		assertThat(walkBack(ascending, 4)).containsExactlyElementsOf(expected);

		NumberQuery descending = new NumberQuery(this.client.id(), null, null, false,
				NumberSort.parse("friendlyName,desc"));
		List<Long> reversed = new ArrayList<>(expected);
		Collections.reverse(reversed);
		assertThat(walk(descending, 4)).containsExactlyElementsOf(reversed);
		assertThat(walkBack(descending, 4)).containsExactlyElementsOf(reversed);

		NumberQuery purchased = new NumberQuery(this.client.id(), null, null, false,
				NumberSort.parse("purchasedAt,desc"));
		List<Long> all = walk(purchased, 5);
		assertThat(all).hasSize(12).doesNotHaveDuplicates();
		assertThat(all.subList(0, 3)).as("no purchase time first when descending")
			.containsExactlyInAnyOrder(unnamed.get(4), unnamed.get(2), unnamed.get(0));
		assertThat(walkBack(purchased, 5)).containsExactlyElementsOf(all);
	}

	@Test
	void thePreviousCursorLeadsBackToTheSamePage() {
		Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(4, ChronoUnit.DAYS);
		for (int i = 0; i < 12; i++) {
			insert(this.client.id(), base.plusSeconds(i), "b" + i, base);
		}
		NumberQuery query = NumberQuery.ofClient(this.client.id());
		PageResult<TrackedNumber> first = this.listing.list(query, null, 5);
		PageResult<TrackedNumber> second = this.listing.list(query, first.nextCursor(), 5);
		PageResult<TrackedNumber> back = this.listing.list(query, second.previousCursor(), 5);

		assertThat(first.previousCursor()).isNull();
		assertThat(ids(back)).containsExactlyElementsOf(ids(first));
		assertThat(back.previousCursor()).isNull();
		assertThat(back.nextCursor()).isNotNull();
	}

	@Test
	void anAlteredOrForeignCursorIsRefusedAsABadCursorParameter() {
		insert(this.client.id(), Instant.now(), "x", null);
		insert(this.client.id(), Instant.now(), "y", null);
		NumberQuery query = NumberQuery.ofClient(this.client.id());
		String cursor = this.listing.list(query, null, 1).nextCursor();
		char flipped = (cursor.charAt(3) == 'A') ? 'B' : 'A';
		String altered = cursor.substring(0, 3) + flipped + cursor.substring(4);
		NumberQuery byNumber = new NumberQuery(this.client.id(), null, null, false,
				NumberSort.parse("phoneNumber,asc"));

		for (String bad : List.of(altered, cursor.substring(0, cursor.length() - 2), "not-a-cursor", "a.b", "....")) {
			assertThatExceptionOfType(InvalidParameterException.class)
				.isThrownBy(() -> this.listing.list(query, bad, 5))
				.satisfies((ex) -> assertThat(ex.properties().toString()).contains("field=cursor"));
		}
		assertThatExceptionOfType(InvalidParameterException.class)
			.isThrownBy(() -> this.listing.list(byNumber, cursor, 5))
			.withMessageContaining("another sort order");
	}

	@Test
	void countsStopAtTheCapAndSaySo() {
		this.jdbc.sql("""
				INSERT INTO phone_numbers (state, requested_area_code, client_id, created_at)
				SELECT 'FAILED', '555', :client, now() - (g || ' seconds')::interval FROM generate_series(1, :n) g""")
			.param("client", this.client.id())
			.param("n", NumberListing.COUNT_CAP + 5)
			.update();
		NumberQuery failed = new NumberQuery(this.client.id(), PhoneNumberState.FAILED, null, false, null);
		PageResult<TrackedNumber> capped = this.listing.list(failed, null, 50);
		insert(this.client.id(), Instant.now(), "one", null);
		PageResult<TrackedNumber> exact = this.listing.list(NumberQuery.ofClient(this.client.id()), null, 50);

		assertThat(capped.totalIsExact()).isFalse();
		assertThat(capped.totalElements()).isEqualTo(NumberListing.COUNT_CAP);
		assertThat(capped.totalPages()).isNull();
		assertThat(capped.content()).hasSize(50);
		assertThat(exact.totalIsExact()).isTrue();
		assertThat(exact.totalElements()).isEqualTo(1);
	}

	@Test
	void pageNumbersStopWhereTheyWouldWalkTooFar() {
		NumberQuery query = NumberQuery.ofClient(this.client.id());
		int tooDeep = (int) (PageRequest.MAX_OFFSET / 50);
		assertThatExceptionOfType(InvalidParameterException.class)
			.isThrownBy(() -> this.listing.list(query, new PageRequest(tooDeep, 50)))
			.withMessageContaining("cursor");
		assertThat(this.listing.list(query, new PageRequest(tooDeep - 1, 50)).content()).isEmpty();
	}

	@Test
	void searchFindsDigitsInAnyFormatAndTheNameOfTheClient() {
		long id = insert(this.client.id(), Instant.now(), "Front desk", null);
		String e164 = this.jdbc.sql("SELECT e164 FROM phone_numbers WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		String digits = e164.substring(1);
		String uniqueName = this.client.name().substring("Keyset ".length());
		for (String text : List.of(digits.substring(3, 10), digits.substring(2, 5) + "-" + digits.substring(5, 9),
				"+" + digits.substring(0, 2) + " " + digits.substring(2, 5) + " " + digits.substring(5), e164,
				uniqueName.toUpperCase(java.util.Locale.ROOT))) {
			assertThat(ids(this.listing.list(new NumberQuery(null, null, text, false, null), null, 50))).as(text)
				.contains(id);
		}
		// An area code in parentheses is the start of a North American number, as the
		// console shows it: not the same digits further in another number
		long american = insert(this.client.id(), Instant.now(), "Front desk", null);
		String national = Long.toString(2_000_000_000L + ThreadLocalRandom.current().nextLong(7_000_000_000L));
		this.jdbc.sql("UPDATE phone_numbers SET e164 = :e164 WHERE id = :id")
			.param("e164", "+1" + national)
			.param("id", american)
			.update();
		for (String text : List.of("(" + national.substring(0, 3) + ") " + national.substring(3, 5),
				"(" + national.substring(0, 3) + ")" + national.substring(3, 6) + "-" + national.substring(6))) {
			assertThat(ids(this.listing.list(new NumberQuery(null, null, text, false, null), null, 50))).as(text)
				.contains(american);
		}
		assertThat(ids(this.listing.list(
				new NumberQuery(null, null, "(" + digits.substring(2, 5) + ") " + digits.substring(5, 9), false, null),
				null, 50)))
			.doesNotContain(id);
		assertThat(ids(this.listing.list(new NumberQuery(null, null, "Keyset other", false, null), null, 50)))
			.doesNotContain(id);
	}

	@Test
	void aTextThatNamesAClientFindsItsNumbersByClientAndNotOtherClientsFriendlyNames() {
		long own = insert(this.client.id(), Instant.now(), "Front desk", null);
		long namedLikeIt = insert(this.other.id(), Instant.now(), this.client.name(), null);
		String name = this.client.name().toLowerCase(java.util.Locale.ROOT);

		List<Long> found = ids(this.listing.list(new NumberQuery(null, null, name, false, null), null, 50));

		assertThat(found).contains(own).doesNotContain(namedLikeIt);
	}

	@Test
	void aTextThatNamesNoClientLooksInTheFriendlyNames() {
		String renamed = "Lobby " + UUID.randomUUID();
		long id = insert(this.client.id(), Instant.now(), renamed, null);

		List<Long> found = ids(this.listing.list(
				new NumberQuery(null, null, renamed.substring(3).toUpperCase(java.util.Locale.ROOT), false, null), null,
				50));

		assertThat(found).containsExactly(id);
	}

	@Test
	void textWithLettersIsNotSearchedAsDigits() {
		long id = insert(this.client.id(), Instant.now(), "Front desk", null);
		String e164 = this.jdbc.sql("SELECT e164 FROM phone_numbers WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single();

		assertThat(ids(this.listing.list(new NumberQuery(null, null, e164.substring(3, 10), false, null), null, 50)))
			.contains(id);
		assertThat(ids(
				this.listing.list(new NumberQuery(null, null, "desk " + e164.substring(3, 10), false, null), null, 50)))
			.doesNotContain(id);
	}

	@Test
	void aNumberThatStartsWithPlusIsTheStartOfTheNumberAndOthersAreFoundAnywhere() {
		long id = insert(this.client.id(), Instant.now(), "Front desk", null);
		String e164 = this.jdbc.sql("SELECT e164 FROM phone_numbers WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		String middle = e164.substring(4, 10);

		assertThat(ids(this.listing.list(new NumberQuery(null, null, e164.substring(0, 8), false, null), null, 50)))
			.contains(id);
		assertThat(ids(this.listing.list(new NumberQuery(null, null, "+" + middle, false, null), null, 50)))
			.doesNotContain(id);
		assertThat(ids(this.listing.list(new NumberQuery(null, null, middle, false, null), null, 50))).contains(id);
	}

	@Test
	void aSearchIsCountedOnlyAsFarAsItsPage() {
		Instant now = Instant.now();
		List<Long> ids = List.of(insert(this.client.id(), now, "a", null),
				insert(this.client.id(), now.minusSeconds(1), "b", null),
				insert(this.client.id(), now.minusSeconds(2), "c", null));
		NumberQuery search = new NumberQuery(null, null, this.client.name(), false, null);

		PageResult<TrackedNumber> whole = this.listing.list(search, null, 5);
		PageResult<TrackedNumber> first = this.listing.list(search, null, 2);
		PageResult<TrackedNumber> second = this.listing.list(search, first.nextCursor(), 2);
		PageResult<TrackedNumber> byNumber = this.listing.list(search, new PageRequest(1, 2));
		PageResult<TrackedNumber> pastTheEnd = this.listing.list(search, new PageRequest(3, 2));

		assertThat(ids(whole)).isEqualTo(ids);
		assertThat(whole.totalIsExact()).isTrue();
		assertThat(whole.totalElements()).isEqualTo(3);
		assertThat(first.totalIsExact()).isFalse();
		assertThat(first.totalElements()).isEqualTo(2);
		assertThat(first.totalPages()).isNull();
		assertThat(ids(second)).containsExactly(ids.get(2));
		assertThat(second.nextCursor()).isNull();
		assertThat(ids(byNumber)).containsExactly(ids.get(2));
		assertThat(byNumber.totalIsExact()).isTrue();
		assertThat(byNumber.totalElements()).isEqualTo(3);
		assertThat(pastTheEnd.content()).isEmpty();
		assertThat(pastTheEnd.totalIsExact()).isFalse();
	}

	private List<Long> walk(NumberQuery query, int size) {
		List<Long> seen = new ArrayList<>();
		PageResult<TrackedNumber> page = this.listing.list(query, null, size);
		seen.addAll(ids(page));
		for (int guard = 0; page.nextCursor() != null && guard < 1000; guard++) {
			page = this.listing.list(query, page.nextCursor(), size);
			seen.addAll(ids(page));
		}
		return seen;
	}

	/**
	 * Walks to the last page, then back to the first by previous cursors.
	 */
	private List<Long> walkBack(NumberQuery query, int size) {
		PageResult<TrackedNumber> page = this.listing.list(query, null, size);
		for (int guard = 0; page.nextCursor() != null && guard < 1000; guard++) {
			page = this.listing.list(query, page.nextCursor(), size);
		}
		List<List<Long>> pages = new ArrayList<>();
		pages.add(ids(page));
		for (int guard = 0; page.previousCursor() != null && guard < 1000; guard++) {
			page = this.listing.list(query, page.previousCursor(), size);
			pages.add(ids(page));
		}
		Collections.reverse(pages);
		return pages.stream().flatMap(List::stream).toList();
	}

	private static List<Long> ids(PageResult<TrackedNumber> page) {
		return page.content().stream().map(TrackedNumber::id).toList();
	}

	private long insert(long clientId, Instant createdAt, String friendlyName, Instant purchasedAt) {
		String e164 = "+88" + (100_000_000_000L + ThreadLocalRandom.current().nextLong(800_000_000_000L));
		String sid = "PN" + UUID.randomUUID().toString().replace("-", "");
		long id = this.jdbc.sql("""
				INSERT INTO phone_numbers (state, e164, twilio_sid, friendly_name, client_id, purchased_at, created_at)
				VALUES ('ACTIVE', :e164, :sid, :name, :client, :purchased, :created) RETURNING id""")
			.param("e164", e164)
			.param("sid", sid)
			.param("name", friendlyName)
			.param("client", clientId)
			.param("purchased", (purchasedAt != null) ? Timestamp.from(purchasedAt) : null)
			.param("created", Timestamp.from(createdAt))
			.query(Long.class)
			.single();
		this.inserted.add(id);
		return id;
	}

	private void release(long id) {
		this.jdbc.sql("""
				UPDATE phone_numbers SET state = 'RELEASED', released_at = now(), client_id = NULL
				WHERE id = :id AND state = 'ACTIVE'""").param("id", id).update();
	}

	private void reassign(long id, long clientId) {
		this.jdbc.sql("UPDATE phone_numbers SET client_id = :client WHERE id = :id")
			.param("id", id)
			.param("client", clientId)
			.update();
	}

}
