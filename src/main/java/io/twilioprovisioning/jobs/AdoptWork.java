package io.twilioprovisioning.jobs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import io.twilioprovisioning.jobs.JobRepository.ClaimedItem;
import io.twilioprovisioning.jobs.JobRepository.ItemResult;
import io.twilioprovisioning.jobs.JobRepository.DoneItem;
import io.twilioprovisioning.numbers.Capabilities;
import io.twilioprovisioning.numbers.E164Number;
import io.twilioprovisioning.numbers.NumberSync;
import io.twilioprovisioning.numbers.OwnedNumber;
import io.twilioprovisioning.numbers.WebhookConfig;
import io.twilioprovisioning.numbers.WebhookMethod;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Adopts the numbers Twilio lists that are not tracked, a page at a time as Twilio lists
 * them: each item tracks one, unless a live row tracks it by now. A page is adopted in
 * one statement, in the transaction that records its items (docs/benchmarks.md: 100,000
 * numbers in seconds, where one transaction per number took minutes). Items of a job
 * listed by an earlier version, which stored every item before adopting any, are adopted
 * a chunk at a time from what the listing kept of each number.
 */
@Component
class AdoptWork implements JobWork {

	/** Stored items adopted in one statement and one transaction. */
	static final int CHUNK = 1000;

	private final NumberSync sync;

	private final JsonMapper json = JsonMapper.builder().build();

	AdoptWork(NumberSync sync) {
		this.sync = sync;
	}

	@Override
	public JobKind kind() {
		return JobKind.ADOPT_UNTRACKED;
	}

	@Override
	public void validate(JobParameters parameters) {
	}

	/**
	 * Hands over each page of untracked numbers Twilio lists, to be adopted in the
	 * transaction that records its items: a page commits whole or not at all, and a
	 * listing again after a stop no longer lists the numbers adopted (they are tracked).
	 */
	@Override
	public boolean doesAsItLists() {
		return true;
	}

	@Override
	public void listAndDo(long jobId, JobParameters parameters, Consumer<ListedPage> pages) {
		this.sync.forEachUntracked((page) -> pages.accept(new UntrackedPage(page)));
	}

	/**
	 * A page of numbers nobody tracked when Twilio listed them: a number tracked by the
	 * time its page is adopted (somebody else adopted or bought it) is skipped.
	 */
	private final class UntrackedPage implements ListedPage {

		private final List<OwnedNumber> numbers;

		UntrackedPage(List<OwnedNumber> numbers) {
			this.numbers = numbers;
		}

		@Override
		public List<String> keys() {
			return this.numbers.stream().map(AdoptWork::key).toList();
		}

		@Override
		public List<DoneItem> doItems(Set<String> recorded, String actor) {
			List<OwnedNumber> todo = recorded.isEmpty() ? this.numbers
					: this.numbers.stream().filter((number) -> !recorded.contains(key(number))).toList();
			Set<String> adopted = AdoptWork.this.sync.adoptAll(todo, actor);
			List<DoneItem> results = new ArrayList<>(todo.size());
			for (OwnedNumber number : todo) {
				results.add(adopted.contains(number.sid()) ? DoneItem.done(key(number))
						: DoneItem.skipped(key(number), "tracked already"));
			}
			return results;
		}

	}

	private static String key(OwnedNumber number) {
		return number.phoneNumber().value();
	}

	/**
	 * A number an adopt job listed before it did pages as it listed them, and kept as its
	 * item's payload until adopted: a JSON array of its fields' text (instants as their
	 * epoch second and nanosecond, {@code 1700000000:500000000}), or a JSON object from
	 * the version before that. A job listed before a deploy goes on after it.
	 */
	OwnedNumber read(String payload) {
		if (payload.startsWith("{")) {
			return this.json.readValue(payload, OwnedNumber.class);
		}
		String[] fields = this.json.readValue(payload, String[].class);
		Capabilities capabilities = new Capabilities(fields[3].charAt(0) == '1', fields[3].charAt(1) == '1',
				fields[3].charAt(2) == '1', fields[3].charAt(3) == '1');
		WebhookConfig webhooks = new WebhookConfig(fields[4], method(fields[5]), fields[6], fields[7],
				method(fields[8]), fields[9], fields[10]);
		return new OwnedNumber(fields[0], new E164Number(fields[1]), fields[2], capabilities, webhooks,
				instant(fields[11]), instant(fields[12]));
	}

	private static WebhookMethod method(String name) {
		return (name != null) ? WebhookMethod.valueOf(name) : null;
	}

	private static Instant instant(String text) {
		if (text == null) {
			return null;
		}
		int colon = text.indexOf(':');
		return Instant.ofEpochSecond(Long.parseLong(text, 0, colon, 10),
				Integer.parseInt(text, colon + 1, text.length(), 10));
	}

	@Override
	public ItemResult process(long jobId, JobParameters parameters, ClaimedItem item, String actor) {
		OwnedNumber number = read(item.payload());
		if (this.sync.adopt(number, actor)) {
			return ItemResult.done(item.seq(), null);
		}
		return (item.attempts() > 1) ? ItemResult.done(item.seq(), "adopted before a restart")
				: ItemResult.skipped(item.seq(), "tracked already");
	}

	@Override
	public boolean chunked() {
		return true;
	}

	/**
	 * Adopts the chunk's numbers in one statement, in the transaction that records the
	 * outcomes: a crash before the commit leaves neither, so a rerun adopts each number
	 * once and a number found tracked is one somebody else tracks.
	 */
	@Override
	public List<ItemResult> processChunk(long jobId, JobParameters parameters, List<ClaimedItem> chunk, String actor) {
		List<OwnedNumber> numbers = chunk.stream().map((item) -> read(item.payload())).toList();
		Set<String> adopted = this.sync.adoptAll(numbers, actor);
		List<ItemResult> results = new ArrayList<>(chunk.size());
		for (int i = 0; i < chunk.size(); i++) {
			results.add(adopted.contains(numbers.get(i).sid()) ? ItemResult.done(chunk.get(i).seq(), null)
					: ItemResult.skipped(chunk.get(i).seq(), "tracked already"));
		}
		return results;
	}

	/**
	 * Two pages (or stored chunks) at once: a page is half database (the inserts into the
	 * indexed inventory, the audit and usage rows, the items) and half Java (working out
	 * the numbers' prices' country and type), so two keep both halves busy while the
	 * listing goes on.
	 */
	@Override
	public int chunkWorkers() {
		return 2;
	}

	@Override
	public int chunkSize(int configured) {
		return Math.max(configured, CHUNK);
	}

}
