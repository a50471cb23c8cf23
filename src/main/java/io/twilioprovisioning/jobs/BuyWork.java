package io.twilioprovisioning.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.twilioprovisioning.clients.ClientManagement;
import io.twilioprovisioning.jobs.JobRepository.ClaimedItem;
import io.twilioprovisioning.jobs.JobRepository.ItemResult;
import io.twilioprovisioning.jobs.JobRepository.PlannedItem;
import io.twilioprovisioning.numbers.AvailableNumber;
import io.twilioprovisioning.numbers.E164Number;
import io.twilioprovisioning.numbers.NumberLifecycle;
import io.twilioprovisioning.numbers.NumberType;
import io.twilioprovisioning.numbers.PurchaseCommand;
import io.twilioprovisioning.numbers.PurchaseResult;
import io.twilioprovisioning.numbers.SearchCriteria;

import org.springframework.stereotype.Component;

/**
 * Buys N numbers for a client by area code, region or digits. Each item first chooses one
 * exact number and stores it, then buys it with an idempotency key of its own, so an item
 * that runs again after a crash replays its purchase instead of buying a second number.
 * When Twilio has no more numbers that match, the remaining items are skipped and the job
 * ends. Items run one at a time, so two never choose the same number.
 */
@Component
class BuyWork implements JobWork {

	static final int MAX_COUNT = 1000;

	private final NumberLifecycle lifecycle;

	private final ClientManagement clients;

	private final JobRepository repository;

	BuyWork(NumberLifecycle lifecycle, ClientManagement clients, JobRepository repository) {
		this.lifecycle = lifecycle;
		this.clients = clients;
		this.repository = repository;
	}

	@Override
	public JobKind kind() {
		return JobKind.BUY_NUMBERS;
	}

	@Override
	public int maxConcurrency() {
		return 1;
	}

	@Override
	public void validate(JobParameters parameters) {
		if (parameters.clientId() == null) {
			throw new InvalidJobException("clientId", "names the client that gets the numbers");
		}
		if (parameters.count() == null || parameters.count() < 1 || parameters.count() > MAX_COUNT) {
			throw new InvalidJobException("count", "must be between 1 and " + MAX_COUNT);
		}
		if (parameters.areaCode() != null && !parameters.areaCode().matches("\\d{3}")) {
			throw new InvalidJobException("areaCode", "must be 3 digits");
		}
		if (parameters.region() != null && !parameters.region().matches("[A-Za-z]{2}")) {
			throw new InvalidJobException("region", "must be a 2-letter state or province code");
		}
		if (parameters.contains() != null && !parameters.contains().matches("[0-9A-Za-z*]{2,16}")) {
			throw new InvalidJobException("contains", "must be 2-16 digits, letters or *");
		}
		this.clients.getActive(parameters.clientId());
	}

	@Override
	public void plan(long jobId, JobParameters parameters, Consumer<List<PlannedItem>> items) {
		List<PlannedItem> page = new ArrayList<>();
		for (int i = 1; i <= parameters.count(); i++) {
			page.add(new PlannedItem("#" + i, null));
		}
		items.accept(page);
	}

	@Override
	public ItemResult process(long jobId, JobParameters parameters, ClaimedItem item, String actor) {
		String chosen = (item.payload() != null) ? item.payload().replaceAll("[^+0-9]", "") : null;
		if (chosen == null || chosen.isEmpty()) {
			List<AvailableNumber> found = this.lifecycle
				.search(new SearchCriteria("US", NumberType.LOCAL, parameters.areaCode(), parameters.contains(),
						parameters.region(), null, null, null, null, null, null, false, SearchCriteria.MAX_LIMIT))
				.numbers();
			if (found.isEmpty()) {
				return new ItemResult(item.seq(), ItemOutcome.SKIPPED, null, "Twilio has no more numbers that match",
						true);
			}
			chosen = found.get(0).phoneNumber().value();
			this.repository.updatePayload(jobId, item.seq(), "\"" + chosen + "\"");
		}
		PurchaseResult result = this.lifecycle.purchase(new PurchaseCommand(E164Number.parse(chosen), null,
				parameters.clientId(), null, "job-" + jobId + "-" + item.seq(), actor));
		return ItemResult.done(item.seq(),
				"bought " + result.number().e164() + (result.replayed() ? " (before a restart)" : ""));
	}

}
