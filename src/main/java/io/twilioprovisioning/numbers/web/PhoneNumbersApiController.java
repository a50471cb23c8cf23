package io.twilioprovisioning.numbers.web;

import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.twilioprovisioning.numbers.NumberLifecycle;
import io.twilioprovisioning.numbers.NumberListing;
import io.twilioprovisioning.numbers.NumberQuery;
import io.twilioprovisioning.numbers.NumberSort;
import io.twilioprovisioning.numbers.PhoneNumberState;
import io.twilioprovisioning.numbers.TrackedNumber;
import io.twilioprovisioning.platform.ApiProblems;
import io.twilioprovisioning.platform.Cursor;
import io.twilioprovisioning.platform.InvalidParameterException;
import io.twilioprovisioning.platform.PageRequest;
import io.twilioprovisioning.platform.PageResult;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.NullMarked;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static io.twilioprovisioning.platform.DomainException.Kind.CONFLICT;
import static io.twilioprovisioning.platform.DomainException.Kind.NOT_FOUND;

/**
 * Routes 6 and 7 of docs/design.md: reassign a number, list the inventory; and one number
 * with its assignment history.
 */
@RestController
@RequestMapping("/api/admin/phone-numbers")
@Tag(name = "Phone numbers", description = "The inventory: list, inspect, reassign between clients")
class PhoneNumbersApiController {

	private final NumberLifecycle lifecycle;

	private final NumberListing listing;

	private final NumberViews views;

	PhoneNumbersApiController(NumberLifecycle lifecycle, NumberListing listing, NumberViews views) {
		this.lifecycle = lifecycle;
		this.listing = listing;
		this.views = views;
	}

	@GetMapping
	@Operation(operationId = "listPhoneNumbers",
			summary = "A page of the inventory, filtered and sorted in the database",
			description = "status: PURCHASING, ACTIVE, RELEASING, RELEASED, FAILED or ALL (default: the live ones). "
					+ "q: digits of the number in any format (text of digits, spaces and +()-. only): anywhere in "
					+ "the number (415555, 415-55), or its start when the text starts with + (+1 415) or with an "
					+ "area code in parentheses, as the console shows North American numbers ((415) 55 is +1 415 "
					+ "55…); part of the client's name (or, when it names no client, of the friendly name); "
					+ "or a SID. "
					+ "sort: createdAt|purchasedAt|phoneNumber|friendlyName|state, optionally ,asc or ,desc; "
					+ "ties are broken by id, so the order is total. "
					+ "Paging: follow nextCursor / previousCursor (cursor=...): a keyset walk whose pages cost "
					+ "the same at any depth and neither skip nor repeat rows that change between requests. "
					+ "page=N is kept for the first " + PageRequest.MAX_OFFSET + " rows only (400 beyond); "
					+ "give page or cursor, not both. totalElements is exact when totalIsExact is true; "
					+ "otherwise the count stopped at " + NumberListing.COUNT_CAP + " and means 'at least'. "
					+ "With q the matches are not counted beyond the page: totalIsExact is true only when the "
					+ "first page holds them all, else totalElements counts the rows up to this page's end and "
					+ "means 'at least'.")
	PageResult<NumberView> list(@RequestParam(required = false) @Min(1) Long clientId,
			@RequestParam(required = false) @Pattern(regexp = "^(?i)(PURCHASING|ACTIVE|RELEASING|RELEASED|FAILED|ALL)$",
					message = "must be PURCHASING, ACTIVE, RELEASING, RELEASED, FAILED or ALL") String status,
			@RequestParam(required = false) @Size(max = 64) @Pattern(regexp = Validation.PLAIN_TEXT,
					message = Validation.PLAIN_TEXT_MESSAGE) String q,
			@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
			@RequestParam(required = false) @Size(max = Cursor.MAX_TOKEN_LENGTH) String cursor,
			@RequestParam(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_SIZE) int size,
			@RequestParam(required = false) @Size(max = 32) @Pattern(regexp = "^[A-Za-z]+(,(?i)(asc|desc))?$",
					message = "must be field or field,asc|desc") String sort) {
		boolean all = "ALL".equalsIgnoreCase(status);
		PhoneNumberState state = (status != null && !all)
				? PhoneNumberState.valueOf(status.toUpperCase(java.util.Locale.ROOT)) : null;
		NumberSort order;
		try {
			order = NumberSort.parse(sort);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidParameterException("sort", ex.getMessage());
		}
		NumberQuery query = new NumberQuery(clientId, state, q, all, order);
		if (cursor != null && page > 0) {
			throw new InvalidParameterException("cursor", "give page or cursor, not both");
		}
		PageResult<TrackedNumber> result = (page > 0) ? this.listing.list(query, new PageRequest(page, size))
				: this.listing.list(query, cursor, size);
		return new PageResult<>(this.views.list(result.content()), (cursor != null) ? null : page, result.size(),
				result.totalElements(), result.totalIsExact(), result.nextCursor(), result.previousCursor());
	}

	@ApiProblems(NOT_FOUND)
	@GetMapping("/{id}")
	@Operation(operationId = "getPhoneNumber", summary = "One number with who had it when")
	NumberDetail get(@PathVariable long id) {
		return new NumberDetail(this.views.of(this.lifecycle.get(id)), this.lifecycle.history(id));
	}

	@ApiProblems({ NOT_FOUND, CONFLICT })
	@PostMapping("/reassign")
	@Operation(operationId = "reassignNumber",
			summary = "Move a number to another client; fromClientId, when given, must match")
	NumberResponse reassign(@Valid @RequestBody ReassignRequest request, Principal principal) {
		NumberLifecycle.ReassignResult result = this.lifecycle.reassign(request.toRef(), request.toClientId(),
				request.fromClientId(), principal.getName());
		return new NumberResponse(this.views.of(result.number()), false, false, result.warnings());
	}

	@ApiProblems({ NOT_FOUND, CONFLICT })
	@PostMapping("/{id}/release/undo")
	@Operation(operationId = "undoRelease",
			summary = "Take back a release scheduled with an undo window; nothing happens at Twilio",
			description = "The number stays owned, routed and assigned as it was; 409 when no release of it is "
					+ "waiting (never scheduled, undone already, or the window ended and it was released).")
	NumberResponse undoRelease(@PathVariable long id, Principal principal) {
		return NumberResponse.of(this.views.of(this.lifecycle.undoRelease(id, principal.getName())));
	}

	/**
	 * A number and its assignment history.
	 *
	 * @param number the number
	 * @param assignments who had it when, oldest first
	 */
	@NullMarked
	record NumberDetail(NumberView number, List<NumberLifecycle.Assignment> assignments) {

	}

}
