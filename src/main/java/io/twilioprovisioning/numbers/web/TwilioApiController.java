package io.twilioprovisioning.numbers.web;

import java.math.BigDecimal;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.twilioprovisioning.numbers.AccountOverview;
import io.twilioprovisioning.numbers.AvailableNumber;
import io.twilioprovisioning.numbers.Capabilities;
import io.twilioprovisioning.numbers.E164Number;
import io.twilioprovisioning.numbers.NumberLifecycle;
import io.twilioprovisioning.numbers.NumberSync;
import io.twilioprovisioning.numbers.PurchaseCommand;
import io.twilioprovisioning.numbers.PurchaseResult;
import io.twilioprovisioning.numbers.SearchResult;
import io.twilioprovisioning.numbers.SyncReport;
import io.twilioprovisioning.numbers.TrackedNumber;
import io.twilioprovisioning.platform.ApiProblems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static io.twilioprovisioning.platform.DomainException.Kind.CONFLICT;
import static io.twilioprovisioning.platform.DomainException.Kind.NOT_FOUND;
import static io.twilioprovisioning.platform.DomainException.Kind.REFUSED;
import static io.twilioprovisioning.platform.DomainException.Kind.UNAVAILABLE;
import static io.twilioprovisioning.platform.DomainException.Kind.UNKNOWN_OUTCOME;

/**
 * Routes 1–5 of docs/design.md: search, purchase, configure, release, account.
 */
@RestController
@RequestMapping("/api/admin/twilio")
@Tag(name = "Twilio", description = "Search, buy, configure and release numbers; the account at a glance")
class TwilioApiController {

	private final NumberLifecycle lifecycle;

	private final NumberViews views;

	private final NumberSync sync;

	TwilioApiController(NumberLifecycle lifecycle, NumberViews views, NumberSync sync) {
		this.lifecycle = lifecycle;
		this.views = views;
		this.sync = sync;
	}

	@ApiProblems({ REFUSED, UNAVAILABLE })
	@PostMapping("/search")
	@Operation(operationId = "searchNumbers", summary = "Search the numbers for sale (one page of at most 30)")
	SearchResponse search(@Valid @RequestBody SearchRequest request) {
		SearchResult result = this.lifecycle.search(request.toCriteria());
		return new SearchResponse(result.numbers().stream().map(AvailableNumberView::of).toList(),
				result.mode().label());
	}

	@ApiProblems({ NOT_FOUND, CONFLICT, REFUSED, UNAVAILABLE, UNKNOWN_OUTCOME })
	@ApiResponse(responseCode = "201", description = "Bought; Location is the number's URL",
			headers = @Header(name = "Location", description = "/api/admin/phone-numbers/{id}",
					schema = @Schema(type = "string", format = "uri-reference")))
	@ApiResponse(responseCode = "200", description = "A replay of an idempotency key: the first purchase's number",
			headers = @Header(name = "Location", description = "/api/admin/phone-numbers/{id}",
					schema = @Schema(type = "string", format = "uri-reference")))
	@PostMapping("/purchase")
	@Operation(operationId = "purchaseNumber",
			summary = "Buy a number for a client, with the policy's webhooks and the client's name",
			description = "Records the intent first; a lost answer from Twilio is resolved by looking the number up, "
					+ "never by buying again. The same idempotencyKey (or Idempotency-Key header) returns the first "
					+ "result. 201 for a new purchase, 200 for a replay.")
	ResponseEntity<NumberResponse> purchase(@Valid @RequestBody PurchaseRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 100) @Pattern(
					regexp = "^[A-Za-z0-9._:-]+$", message = "may hold letters, digits and . _ : -") String headerKey,
			Principal principal) {
		String key = (request.idempotencyKey() != null) ? request.idempotencyKey() : headerKey;
		boolean byNumber = request.phoneNumber() != null && !request.phoneNumber().isBlank();
		PurchaseResult result = this.lifecycle.purchase(new PurchaseCommand(
				byNumber ? E164Number.parse(request.phoneNumber()) : null, byNumber ? null : request.areaCode(),
				request.clientId(), request.friendlyName(), key, principal.getName()));
		NumberResponse body = new NumberResponse(this.views.of(result.number()), result.replayed(), result.adopted(),
				result.warnings());
		return ResponseEntity.status(result.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
			.location(URI.create("/api/admin/phone-numbers/" + result.number().id()))
			.body(body);
	}

	@ApiProblems({ NOT_FOUND, CONFLICT, REFUSED, UNAVAILABLE })
	@PostMapping("/configure")
	@Operation(operationId = "configureNumber",
			summary = "Set a number's webhooks, explicitly or to the platform's defaults")
	NumberResponse configure(@Valid @RequestBody ConfigureRequest request, Principal principal) {
		return NumberResponse.of(this.views.of(this.lifecycle.configure(request.toRef(), request.toWebhooks(),
				Boolean.TRUE.equals(request.useDefaults()), principal.getName())));
	}

	@ApiProblems({ NOT_FOUND, CONFLICT, REFUSED, UNAVAILABLE })
	@ApiResponse(responseCode = "200", description = "Released (or released already)")
	@ApiResponse(responseCode = "202",
			description = "Scheduled: with an undo window (provisioning.release.undo-window) the number stays owned "
					+ "and routed until number.releaseScheduledAt; POST /api/admin/phone-numbers/{id}/release/undo "
					+ "takes it back. Repeating the request keeps the first time.")
	@PostMapping("/release")
	@Operation(operationId = "releaseNumber",
			summary = "Release a number back to Twilio; confirm must repeat the number. Idempotent.",
			description = "Releases at once (200), or, when this installation has an undo window, schedules the "
					+ "release at the end of it (202 with number.releaseScheduledAt; docs/lifecycle.md).")
	ResponseEntity<NumberResponse> release(@Valid @RequestBody ReleaseRequest request, Principal principal) {
		TrackedNumber after = this.lifecycle.requestRelease(request.toRef(), request.confirm(), principal.getName());
		HttpStatus status = (after.releaseScheduledAt() != null) ? HttpStatus.ACCEPTED : HttpStatus.OK;
		return ResponseEntity.status(status).body(NumberResponse.of(this.views.of(after)));
	}

	@ApiProblems({ REFUSED, UNAVAILABLE })
	@GetMapping("/account")
	@Operation(operationId = "getAccount", summary = "The Twilio account, its balance and the inventory counts")
	AccountResponse account() {
		AccountOverview overview = this.lifecycle.overview();
		if (overview.carrierError() != null) {
			throw overview.carrierError();
		}
		AccountOverview.Counts counts = overview.counts();
		SyncReport report = this.sync.latest().orElse(null);
		long untracked = (report != null) ? report.untrackedCount() : 0;
		long missing = (report != null) ? report.missingCount() : 0;
		long namesDiffer = (report != null) ? report.namesDifferCount() : 0;
		return new AccountResponse(overview.mode().label(), overview.account().maskedSid(),
				overview.account().friendlyName(), overview.account().status(), overview.account().type(),
				new Balance(overview.balance().amount(), overview.balance().currency()),
				new NumberCounts(counts.owned(), counts.assigned(), counts.unassigned(),
						counts.outOfSync() + untracked + missing + namesDiffer, counts.purchasing(), counts.releasing(),
						counts.webhooksDiffer(), untracked, missing, namesDiffer));
	}

	/**
	 * The answer of a search.
	 *
	 * @param numbers the numbers found
	 * @param mode sandbox or live
	 */
	@NullMarked
	record SearchResponse(List<AvailableNumberView> numbers, @Schema(allowableValues = {
			"sandbox", "live" }) String mode){

	}

	/**
	 * A number for sale.
	 *
	 * @param phoneNumber E.164
	 * @param nationalFormat as written in its country
	 * @param friendlyName Twilio's formatted form
	 * @param locality city
	 * @param region state or province
	 * @param postalCode postal code
	 * @param isoCountry country
	 * @param capabilities what it can receive
	 * @param addressRequirements none, any, local or foreign
	 * @param beta new to Twilio
	 */
	@NullMarked
	record AvailableNumberView(@Schema(pattern = NumberView.E164) String phoneNumber, String nationalFormat,
			@Nullable String friendlyName, @Nullable String locality, @Nullable String region,
			@Nullable String postalCode, @Nullable String isoCountry, Capabilities capabilities,
			@Schema(allowableValues = {
					"none", "any", "local", "foreign" }) String addressRequirements,
			boolean beta){

		static AvailableNumberView of(AvailableNumber number) {
			return new AvailableNumberView(number.phoneNumber().value(), number.phoneNumber().national(),
					number.friendlyName(), number.locality(), number.region(), number.postalCode(), number.isoCountry(),
					number.capabilities(), number.addressRequirements().name().toLowerCase(Locale.ROOT), number.beta());
		}

	}

	/**
	 * The account overview.
	 *
	 * @param mode sandbox or live
	 * @param accountSid the account SID, masked
	 * @param friendlyName the account's name
	 * @param status active, suspended or closed
	 * @param type Trial or Full
	 * @param balance the balance
	 * @param numbers the inventory counts
	 */
	@NullMarked
	record AccountResponse(@Schema(allowableValues = {
			"sandbox", "live" }) String mode, String accountSid, @Nullable String friendlyName, @Nullable String status,
			@Nullable String type, Balance balance, NumberCounts numbers){

	}

	/**
	 * A balance.
	 *
	 * @param amount the amount
	 * @param currency ISO 4217
	 */
	@NullMarked
	record Balance(@Nullable BigDecimal amount, @Nullable String currency) {

	}

	/**
	 * Inventory counts.
	 *
	 * @param owned active numbers
	 * @param assigned active numbers with a client
	 * @param unassigned active numbers without a client
	 * @param outOfSync numbers stuck between states, with webhooks other than the
	 * policy's, or (as of the latest sync check) untracked, gone from Twilio or named
	 * otherwise in Twilio
	 * @param purchasing purchases not resolved yet
	 * @param releasing releases not finished yet
	 * @param webhooksDiffer active numbers whose webhooks differ from the policy
	 * @param untracked owned in Twilio but not tracked, as of the latest sync check
	 * @param missing tracked as active but gone from Twilio, as of the latest sync check
	 * @param namesDiffer active numbers whose friendly name in Twilio is not their
	 * client's, as of the latest sync check
	 */
	record NumberCounts(long owned, long assigned, long unassigned, long outOfSync, long purchasing, long releasing,
			long webhooksDiffer, long untracked, long missing, long namesDiffer) {

	}

}
