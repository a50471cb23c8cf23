package io.twilioprovisioning.jobs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import io.twilioprovisioning.jobs.JobRepository.ClaimedItem;
import io.twilioprovisioning.jobs.JobRepository.ItemResult;
import io.twilioprovisioning.jobs.JobRepository.PlannedItem;
import io.twilioprovisioning.numbers.Capabilities;
import io.twilioprovisioning.numbers.E164Number;
import io.twilioprovisioning.numbers.NumberSync;
import io.twilioprovisioning.numbers.OwnedNumber;
import io.twilioprovisioning.numbers.WebhookConfig;
import io.twilioprovisioning.numbers.WebhookMethod;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Adopts the numbers Twilio lists that are not tracked: the plan keeps what Twilio said
 * of each, and each item tracks one, unless a live row tracks it by now. A chunk is
 * adopted in one statement (docs/benchmarks.md: 100,000 numbers in seconds, where one
 * transaction per number took minutes).
 */
@Component
class AdoptWork implements JobWork {

	/** Items adopted in one statement and one transaction (one Twilio page). */
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

	@Override
	public void plan(long jobId, JobParameters parameters, Consumer<List<PlannedItem>> items) {
		this.sync.forEachUntracked((page) -> items.accept(
				page.stream().map((number) -> new PlannedItem(number.phoneNumber().value(), write(number))).toList()));
	}

	/**
	 * What Twilio listed of the number, as a JSON array of its fields' text, in the order
	 * {@link #read(String)} takes them: Jackson writes and reads an array of strings
	 * without the per-field work of mapping records (writing and reading each listed
	 * number as an object was an eighth of the adopt job's Java time).
	 */
	String write(OwnedNumber number) {
		Capabilities capabilities = (number.capabilities() != null) ? number.capabilities() : Capabilities.NONE;
		WebhookConfig webhooks = (number.webhooks() != null) ? number.webhooks() : WebhookConfig.NONE;
		return this.json.writeValueAsString(new String[] { number.sid(), number.phoneNumber().value(),
				number.friendlyName(), flags(capabilities), webhooks.voiceUrl(), name(webhooks.voiceMethod()),
				webhooks.voiceFallbackUrl(), webhooks.smsUrl(), name(webhooks.smsMethod()), webhooks.smsFallbackUrl(),
				webhooks.statusCallback(), text(number.createdAt()), text(number.updatedAt()) });
	}

	/**
	 * The number {@link #write(OwnedNumber)} wrote, or one written as a JSON object by a
	 * version before it (a job listed before a deploy goes on after it).
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

	private static String flags(Capabilities capabilities) {
		return (capabilities.voice() ? "1" : "0") + (capabilities.sms() ? "1" : "0") + (capabilities.mms() ? "1" : "0")
				+ (capabilities.fax() ? "1" : "0");
	}

	private static String name(WebhookMethod method) {
		return (method != null) ? method.name() : null;
	}

	private static WebhookMethod method(String name) {
		return (name != null) ? WebhookMethod.valueOf(name) : null;
	}

	/**
	 * An instant as its epoch second and nanosecond ({@code 1700000000:500000000}):
	 * exact, and read without a date parser.
	 */
	private static String text(Instant instant) {
		return (instant != null) ? instant.getEpochSecond() + ":" + instant.getNano() : null;
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
	 * Two chunks at once: a chunk is half database (the inserts into the indexed
	 * inventory, the audit and usage rows, the outcomes) and half Java (reading the
	 * listed numbers, working out their prices' country and type), so two keep both
	 * halves busy.
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
