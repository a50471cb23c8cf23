package io.twilioprovisioning.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import io.twilioprovisioning.clients.ClientManagement;
import io.twilioprovisioning.jobs.JobRepository.ClaimedItem;
import io.twilioprovisioning.jobs.JobRepository.ItemResult;
import io.twilioprovisioning.jobs.JobRepository.PlannedItem;
import io.twilioprovisioning.numbers.E164Number;
import io.twilioprovisioning.numbers.NumberLifecycle;
import io.twilioprovisioning.numbers.NumberQuery;
import io.twilioprovisioning.numbers.NumberRef;
import io.twilioprovisioning.numbers.NumberSync;
import io.twilioprovisioning.numbers.PhoneNumberState;
import io.twilioprovisioning.numbers.TrackedNumber;
import io.twilioprovisioning.numbers.WebhookConfig;
import io.twilioprovisioning.numbers.WebhookMethod;
import io.twilioprovisioning.numbers.WebhookPolicy;

import org.springframework.stereotype.Component;

/**
 * Re-points webhooks: of every active number, one client's, given numbers, or those that
 * differ from the policy; to the policy's URLs or to given ones. A number whose stored
 * webhooks already are the target is skipped without calling Twilio, except when Twilio's
 * differ ({@code OUT_OF_POLICY} on its first attempt).
 */
@Component
class RepointWork implements JobWork {

	static final Set<String> SCOPES = Set.of("ALL", "CLIENT", "NUMBERS", "OUT_OF_POLICY");

	private final NumberLifecycle lifecycle;

	private final NumberSync sync;

	private final WebhookPolicy policy;

	private final ClientManagement clients;

	RepointWork(NumberLifecycle lifecycle, NumberSync sync, WebhookPolicy policy, ClientManagement clients) {
		this.lifecycle = lifecycle;
		this.sync = sync;
		this.policy = policy;
		this.clients = clients;
	}

	@Override
	public JobKind kind() {
		return JobKind.REPOINT_WEBHOOKS;
	}

	@Override
	public void validate(JobParameters parameters) {
		String scope = scope(parameters);
		if (!SCOPES.contains(scope)) {
			throw new InvalidJobException("scope", "must be one of ALL, CLIENT, NUMBERS, OUT_OF_POLICY");
		}
		if ("CLIENT".equals(scope)) {
			if (parameters.clientId() == null) {
				throw new InvalidJobException("clientId", "is needed with scope CLIENT");
			}
			this.clients.get(parameters.clientId());
		}
		if ("NUMBERS".equals(scope)) {
			if (parameters.phoneNumbers() == null || parameters.phoneNumbers().isEmpty()) {
				throw new InvalidJobException("phoneNumbers", "is needed with scope NUMBERS");
			}
			if (parameters.phoneNumbers().size() > 10_000) {
				throw new InvalidJobException("phoneNumbers", "at most 10000 numbers");
			}
			for (String number : parameters.phoneNumbers()) {
				if (number == null || E164Number.tryParse(number, "US").isEmpty()) {
					throw new InvalidJobException("phoneNumbers", "must be phone numbers, e.g. +14155550100");
				}
			}
		}
		if ("OUT_OF_POLICY".equals(scope) && !parameters.usesPolicy()) {
			throw new InvalidJobException("scope", "OUT_OF_POLICY re-points to the policy: give no URLs");
		}
		if (!parameters.usesPolicy()) {
			this.policy.validate(target(parameters));
		}
	}

	@Override
	public void plan(long jobId, JobParameters parameters, Consumer<List<PlannedItem>> items) {
		switch (scope(parameters)) {
			case "CLIENT" -> NumberItems.active(this.lifecycle, NumberQuery.ofClient(parameters.clientId()), items);
			case "NUMBERS" -> {
				List<PlannedItem> page = new ArrayList<>();
				for (String text : parameters.phoneNumbers()) {
					try {
						TrackedNumber number = this.lifecycle
							.findLive(NumberRef.of(E164Number.tryParse(text, "US").orElseThrow()));
						if (number.state() == PhoneNumberState.ACTIVE) {
							page.add(NumberItems.of(number));
						}
					}
					catch (RuntimeException ex) {
						page.add(new PlannedItem(E164Number.tryParse(text, "US").map(E164Number::value).orElse(text),
								"{\"id\":0}"));
					}
				}
				items.accept(page);
			}
			case "OUT_OF_POLICY" -> this.sync.forEachOutOfPolicy((page) -> items.accept(page.stream()
				.map((number) -> new PlannedItem(number.e164(), "{\"id\":" + number.id() + ",\"force\":true}"))
				.toList()));
			default -> NumberItems.active(this.lifecycle, NumberQuery.live(), items);
		}
	}

	@Override
	public ItemResult process(long jobId, JobParameters parameters, ClaimedItem item, String actor) {
		long id = NumberItems.id(item.payload());
		if (id == 0) {
			return new ItemResult(item.seq(), ItemOutcome.FAILED, null, "not tracked", false);
		}
		TrackedNumber number = this.lifecycle.get(id);
		if (number.state() != PhoneNumberState.ACTIVE) {
			return ItemResult.skipped(item.seq(), "not active any more");
		}
		boolean force = item.payload().contains("\"force\"");
		WebhookConfig target = parameters.usesPolicy() ? this.policy.defaults() : null;
		boolean already = parameters.usesPolicy() ? this.policy.matches(number.webhooks())
				: hasTarget(number.webhooks(), parameters);
		if (already && (!force || item.attempts() > 1)) {
			return (item.attempts() > 1) ? ItemResult.done(item.seq(), "applied before a restart")
					: ItemResult.skipped(item.seq(), "already pointed there");
		}
		WebhookConfig requested = Optional.ofNullable(target).orElseGet(() -> target(parameters));
		if (item.attempts() > 1) {
			this.lifecycle.configureAfterInterruption(NumberRef.ofSid(number.sid()), requested, parameters.usesPolicy(),
					actor);
			return ItemResult.done(item.seq(), "checked in Twilio after a restart");
		}
		this.lifecycle.configure(NumberRef.ofSid(number.sid()), requested, parameters.usesPolicy(), actor);
		return ItemResult.done(item.seq(), null);
	}

	private static boolean hasTarget(WebhookConfig stored, JobParameters parameters) {
		WebhookConfig current = (stored != null) ? stored : WebhookConfig.NONE;
		return (parameters.voiceUrl() == null || Objects.equals(parameters.voiceUrl(), current.voiceUrl()))
				&& (parameters.smsUrl() == null || Objects.equals(parameters.smsUrl(), current.smsUrl()))
				&& (parameters.statusCallback() == null
						|| Objects.equals(parameters.statusCallback(), current.statusCallback()));
	}

	private static WebhookConfig target(JobParameters parameters) {
		return new WebhookConfig(parameters.voiceUrl(), (parameters.voiceUrl() != null) ? WebhookMethod.POST : null,
				null, parameters.smsUrl(), (parameters.smsUrl() != null) ? WebhookMethod.POST : null, null,
				parameters.statusCallback());
	}

	private static String scope(JobParameters parameters) {
		return (parameters.scope() != null) ? parameters.scope() : "ALL";
	}

}
