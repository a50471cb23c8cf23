package io.twilioprovisioning.numbers.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.twilioprovisioning.clients.Client;
import io.twilioprovisioning.clients.ClientManagement;
import io.twilioprovisioning.clients.ClientQuery;
import io.twilioprovisioning.clients.ClientStatus;
import io.twilioprovisioning.numbers.E164Number;
import io.twilioprovisioning.numbers.NumberLifecycle;
import io.twilioprovisioning.numbers.NumberListing;
import io.twilioprovisioning.numbers.NumberQuery;
import io.twilioprovisioning.numbers.NumberRef;
import io.twilioprovisioning.numbers.NumberSort;
import io.twilioprovisioning.numbers.PhoneNumberState;
import io.twilioprovisioning.numbers.TrackedNumber;
import io.twilioprovisioning.numbers.WebhookConfig;
import io.twilioprovisioning.numbers.WebhookMethod;
import io.twilioprovisioning.numbers.WebhookPolicy;
import io.twilioprovisioning.platform.Cursor;
import io.twilioprovisioning.platform.DomainException;
import io.twilioprovisioning.platform.Flash;
import io.twilioprovisioning.platform.InvalidParameterException;
import io.twilioprovisioning.platform.PageRequest;
import io.twilioprovisioning.platform.PageResult;
import io.twilioprovisioning.platform.ConsolePage;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The phone-number console: the inventory as a table with search, filters, sorting,
 * paging and CSV export, and a page per number to reassign, configure or release it.
 */
@Controller
@ConsolePage
@RequestMapping("/admin/phone-numbers")
class PhoneNumbersPageController {

	static final int PAGE_SIZE = 50;

	private static final java.time.format.DateTimeFormatter RELEASE_TIME = java.time.format.DateTimeFormatter
		.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(java.time.ZoneOffset.UTC);

	private final NumberLifecycle lifecycle;

	private final NumberListing listing;

	private final ClientManagement clients;

	private final WebhookPolicy policy;

	PhoneNumbersPageController(NumberLifecycle lifecycle, NumberListing listing, ClientManagement clients,
			WebhookPolicy policy) {
		this.lifecycle = lifecycle;
		this.listing = listing;
		this.clients = clients;
		this.policy = policy;
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) Long clientId,
			@RequestParam(required = false) String state, @RequestParam(required = false) String sort,
			@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String cursor,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		Filters filters = Filters.of(q, clientId, state, sort);
		PageResult<TrackedNumber> numbers = page(filters, page, cursor);
		model.addAttribute("filters", filters);
		model.addAttribute("numbers", numbers);
		model.addAttribute("clientsById", clientsOf(numbers.content()));
		model.addAttribute("filterClient", (filters.clientId() != null) ? findClient(filters.clientId()) : null);
		model.addAttribute("states", PhoneNumberState.values());
		model.addAttribute("policy", this.policy);
		return (htmx != null) ? "numbers/list :: results" : "numbers/list";
	}

	/**
	 * The page a link asks for: by cursor (the pager's links), by a shallow page number
	 * (old bookmarks), or the first page when the cursor no longer fits the filters.
	 */
	private PageResult<TrackedNumber> page(Filters filters, int page, String cursor) {
		if (cursor != null && !cursor.isBlank() && cursor.length() <= Cursor.MAX_TOKEN_LENGTH) {
			try {
				return this.listing.list(filters.query(), cursor, PAGE_SIZE);
			}
			catch (InvalidParameterException ex) {
				return this.listing.list(filters.query(), null, PAGE_SIZE);
			}
		}
		int deepest = (int) (PageRequest.MAX_OFFSET / PAGE_SIZE) - 1;
		int shallow = Math.max(0, Math.min(page, deepest));
		return (shallow == 0) ? this.listing.list(filters.query(), null, PAGE_SIZE)
				: this.listing.list(filters.query(), new PageRequest(shallow, PAGE_SIZE));
	}

	@GetMapping(path = "/export.csv")
	void export(@RequestParam(required = false) String q, @RequestParam(required = false) Long clientId,
			@RequestParam(required = false) String state, @RequestParam(required = false) String sort,
			HttpServletResponse response) throws IOException {
		Filters filters = Filters.of(q, clientId, state, sort);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"phone-numbers.csv\"");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		PrintWriter out = response.getWriter();
		out.println("phone_number,national_format,sid,friendly_name,state,client_id,voice,sms,mms,fax,"
				+ "webhooks_match_policy,voice_url,sms_url,status_callback,purchased_at,released_at");
		ClientNames names = new ClientNames(this.clients);
		this.lifecycle.forEach(filters.query(), (number) -> out.println(String.join(",", csv(number.e164()),
				csv(number.nationalFormat()), csv(number.sid()), csv(number.friendlyName()), number.state().name(),
				csv((number.clientId() != null) ? number.clientId() + " " + names.name(number.clientId()) : null),
				String.valueOf(number.capabilities().voice()), String.valueOf(number.capabilities().sms()),
				String.valueOf(number.capabilities().mms()), String.valueOf(number.capabilities().fax()),
				String.valueOf(this.policy.matches(number.webhooks())), csv(number.webhooks().voiceUrl()),
				csv(number.webhooks().smsUrl()), csv(number.webhooks().statusCallback()),
				csv((number.purchasedAt() != null) ? number.purchasedAt().toString() : null),
				csv((number.releasedAt() != null) ? number.releasedAt().toString() : null))));
		out.flush();
	}

	@GetMapping("/{id}")
	String detail(@PathVariable long id, @RequestParam(required = false) String clientQuery, Model model) {
		TrackedNumber number = this.lifecycle.get(id);
		model.addAttribute("number", number);
		model.addAttribute("releaseWindowOn", this.lifecycle.releaseWindowOn());
		model.addAttribute("client", (number.clientId() != null) ? findClient(number.clientId()) : null);
		List<NumberLifecycle.Assignment> history = this.lifecycle.history(id);
		model.addAttribute("history", history);
		model.addAttribute("historyClients",
				clientsOfIds(history.stream().map(NumberLifecycle.Assignment::clientId).toList()));
		model.addAttribute("policy", this.policy);
		model.addAttribute("policyDefaults", this.policy.defaults());
		model.addAttribute("clientOptions", clientOptions(clientQuery));
		model.addAttribute("clientQuery", clientQuery);
		return "numbers/detail";
	}

	@GetMapping("/client-options")
	String clientOptionsFragment(@RequestParam(required = false) String clientQuery, Model model) {
		model.addAttribute("clientOptions", clientOptions(clientQuery));
		return "numbers/detail :: clientOptions";
	}

	@PostMapping("/{id}/reassign")
	String reassign(@PathVariable long id, @RequestParam(required = false) Long toClientId,
			@RequestParam(required = false) Long fromClientId, Principal principal, RedirectAttributes redirect) {
		if (toClientId == null) {
			redirect.addFlashAttribute("flashError", "Pick the client that should get the number.");
			return "redirect:/admin/phone-numbers/" + id;
		}
		TrackedNumber number = this.lifecycle.get(id);
		try {
			NumberLifecycle.ReassignResult result = this.lifecycle.reassign(NumberRef.ofSid(number.sid()), toClientId,
					fromClientId, principal.getName());
			Flash.success(redirect, number.nationalFormat() + " now belongs to " + findClient(toClientId).name() + "."
					+ String.join(" ", result.warnings()));
		}
		catch (DomainException ex) {
			Flash.error(redirect, ex);
		}
		return "redirect:/admin/phone-numbers/" + id;
	}

	@PostMapping("/{id}/configure")
	String configure(@PathVariable long id, @RequestParam(defaultValue = "false") boolean useDefaults,
			@RequestParam(required = false) String voiceUrl, @RequestParam(required = false) String voiceMethod,
			@RequestParam(required = false) String voiceFallbackUrl, @RequestParam(required = false) String smsUrl,
			@RequestParam(required = false) String smsMethod, @RequestParam(required = false) String smsFallbackUrl,
			@RequestParam(required = false) String statusCallback, Principal principal, RedirectAttributes redirect) {
		TrackedNumber number = this.lifecycle.get(id);
		try {
			WebhookConfig requested = useDefaults ? null
					: new WebhookConfig(voiceUrl, method("voiceMethod", voiceMethod), voiceFallbackUrl, smsUrl,
							method("smsMethod", smsMethod), smsFallbackUrl, statusCallback);
			this.lifecycle.configure(NumberRef.ofSid(number.sid()), requested, useDefaults, principal.getName());
			Flash.success(redirect, "Webhooks of " + number.nationalFormat() + " saved in Twilio.");
		}
		catch (DomainException ex) {
			Flash.error(redirect, ex);
		}
		return "redirect:/admin/phone-numbers/" + id;
	}

	@PostMapping("/{id}/release")
	String release(@PathVariable long id, @RequestParam(defaultValue = "") String confirm, Principal principal,
			RedirectAttributes redirect) {
		TrackedNumber number = this.lifecycle.get(id);
		try {
			TrackedNumber after = this.lifecycle.requestRelease(NumberRef.ofSid(number.sid()), confirm,
					principal.getName());
			if (after.releaseScheduledAt() != null) {
				Flash.success(redirect, number.nationalFormat() + " will be released at "
						+ RELEASE_TIME.format(after.releaseScheduledAt()) + ". Until then Undo takes it back.");
			}
			else {
				Flash.success(redirect, number.nationalFormat() + " was released back to Twilio.");
			}
		}
		catch (DomainException ex) {
			Flash.error(redirect, ex);
		}
		return "redirect:/admin/phone-numbers/" + id;
	}

	@PostMapping("/{id}/release/undo")
	String undoRelease(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
		TrackedNumber number = this.lifecycle.get(id);
		try {
			this.lifecycle.undoRelease(id, principal.getName());
			Flash.success(redirect, "The release of " + number.nationalFormat() + " was undone; it stays as it was.");
		}
		catch (DomainException ex) {
			Flash.error(redirect, ex);
		}
		return "redirect:/admin/phone-numbers/" + id;
	}

	private static WebhookMethod method(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return switch (value.strip().toUpperCase(Locale.ROOT)) {
			case "GET" -> WebhookMethod.GET;
			case "POST" -> WebhookMethod.POST;
			default -> throw new InvalidParameterException(field, field + " must be GET or POST.");
		};
	}

	private List<Client> clientOptions(String query) {
		String text = (query != null && query.length() > 120) ? query.substring(0, 120) : query;
		return this.clients.search(new ClientQuery(text, ClientStatus.ACTIVE), null, 50).content();
	}

	private Client findClient(long id) {
		return this.clients.getAll(List.of(id)).stream().findFirst().orElse(null);
	}

	private Map<Long, Client> clientsOf(List<TrackedNumber> numbers) {
		return clientsOfIds(numbers.stream().map(TrackedNumber::clientId).toList());
	}

	private Map<Long, Client> clientsOfIds(List<Long> ids) {
		return this.clients.getAll(ids.stream().filter(java.util.Objects::nonNull).distinct().toList())
			.stream()
			.collect(Collectors.toMap(Client::id, Function.identity()));
	}

	static String csv(String value) {
		return io.twilioprovisioning.platform.CsvCells.cell(value);
	}

	/**
	 * Client names looked up once each during an export.
	 */
	static final class ClientNames {

		private final ClientManagement clients;

		private final Map<Long, String> names = new java.util.HashMap<>();

		ClientNames(ClientManagement clients) {
			this.clients = clients;
		}

		String name(long id) {
			return this.names.computeIfAbsent(id,
					(key) -> this.clients.getAll(List.of(key)).stream().findFirst().map(Client::name).orElse(""));
		}

	}

	/**
	 * The console's filters, cleaned of what a URL may carry.
	 *
	 * @param q text to look for
	 * @param clientId only this client's numbers
	 * @param state a state, {@code ALL}, or {@code null} for the live ones
	 * @param sort the sort in API form
	 */
	record Filters(String q, Long clientId, String state, String sort) {

		static Filters of(String q, Long clientId, String state, String sort) {
			String text = (q == null || q.isBlank()) ? null : q.strip();
			if (text != null && text.length() > 64) {
				text = text.substring(0, 64);
			}
			String cleanState = null;
			if (state != null && !state.isBlank()) {
				String upper = state.strip().toUpperCase(Locale.ROOT);
				if (upper.equals("ALL")
						|| java.util.Arrays.stream(PhoneNumberState.values()).anyMatch((s) -> s.name().equals(upper))) {
					cleanState = upper;
				}
			}
			String cleanSort;
			try {
				cleanSort = NumberSort.parse(sort).apiValue();
			}
			catch (IllegalArgumentException ex) {
				cleanSort = NumberSort.DEFAULT.apiValue();
			}
			return new Filters(text, (clientId != null && clientId > 0) ? clientId : null, cleanState, cleanSort);
		}

		NumberQuery query() {
			boolean all = "ALL".equals(this.state);
			PhoneNumberState parsed = (this.state != null && !all) ? PhoneNumberState.valueOf(this.state) : null;
			String text = this.q;
			if (text != null) {
				text = E164Number.tryParse(text, "US").map(E164Number::value).orElse(text);
			}
			return new NumberQuery(this.clientId, parsed, text, all, NumberSort.parse(this.sort));
		}

		/**
		 * The sort to link from a column header: this field, flipping the direction when
		 * it is the current sort.
		 */
		public String sortLink(String field) {
			NumberSort current = NumberSort.parse(this.sort);
			if (current.field().apiName().equals(field)) {
				return field + "," + (current.descending() ? "asc" : "desc");
			}
			return field;
		}

		public String sortIndicator(String field) {
			NumberSort current = NumberSort.parse(this.sort);
			if (!current.field().apiName().equals(field)) {
				return "";
			}
			return current.descending() ? " ▼" : " ▲";
		}

		public String ariaSort(String field) {
			NumberSort current = NumberSort.parse(this.sort);
			if (!current.field().apiName().equals(field)) {
				return "none";
			}
			return current.descending() ? "descending" : "ascending";
		}

	}

}
