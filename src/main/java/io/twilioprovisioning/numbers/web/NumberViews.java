package io.twilioprovisioning.numbers.web;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.twilioprovisioning.clients.Client;
import io.twilioprovisioning.clients.ClientManagement;
import io.twilioprovisioning.numbers.TrackedNumber;
import io.twilioprovisioning.numbers.WebhookPolicy;

import org.springframework.stereotype.Component;

/**
 * Turns tracked numbers into API views, loading their clients in one query per page.
 */
@Component
class NumberViews {

	private final ClientManagement clients;

	private final WebhookPolicy policy;

	NumberViews(ClientManagement clients, WebhookPolicy policy) {
		this.clients = clients;
		this.policy = policy;
	}

	NumberView of(TrackedNumber number) {
		return list(List.of(number)).get(0);
	}

	List<NumberView> list(List<TrackedNumber> numbers) {
		List<Long> ids = numbers.stream().map(TrackedNumber::clientId).filter(Objects::nonNull).distinct().toList();
		Map<Long, Client> byId = this.clients.getAll(ids)
			.stream()
			.collect(Collectors.toMap(Client::id, Function.identity()));
		return numbers.stream().map((n) -> NumberView.of(n, byId, this.policy.matches(n.webhooks()))).toList();
	}

}
