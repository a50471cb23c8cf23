package io.twilioprovisioning.tenancy.web;

import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.twilioprovisioning.numbers.NumberLifecycle;
import io.twilioprovisioning.platform.ApiProblems;
import io.twilioprovisioning.tenancy.AddressForm;
import io.twilioprovisioning.tenancy.Tenancy;
import io.twilioprovisioning.tenancy.TenancyDrift;
import io.twilioprovisioning.tenancy.TenancyView;
import io.twilioprovisioning.tenancy.TenancyViews;
import jakarta.validation.Valid;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static io.twilioprovisioning.platform.DomainException.Kind.CONFLICT;
import static io.twilioprovisioning.platform.DomainException.Kind.NOT_FOUND;
import static io.twilioprovisioning.platform.DomainException.Kind.REFUSED;
import static io.twilioprovisioning.platform.DomainException.Kind.UNAVAILABLE;
import static io.twilioprovisioning.platform.DomainException.Kind.UNKNOWN_OUTCOME;

/**
 * Each client's Twilio resources: its subaccount, Messaging Service with the A2P 10DLC
 * status, Address and Bundle; and the migration of a number into its client's subaccount.
 */
@RestController
@Tag(name = "Tenancy", description = "Each client's Twilio subaccount, Messaging Service, Address and Bundle")
@RequestMapping("/api/admin")
class TenancyApiController {

	private final Tenancy tenancy;

	private final TenancyViews views;

	private final NumberLifecycle lifecycle;

	private final TenancyDrift drift;

	TenancyApiController(Tenancy tenancy, TenancyViews views, NumberLifecycle lifecycle, TenancyDrift drift) {
		this.drift = drift;
		this.tenancy = tenancy;
		this.views = views;
		this.lifecycle = lifecycle;
	}

	@Operation(operationId = "getClientTenancy",
			summary = "A client's subaccount, Messaging Service, A2P 10DLC campaigns (read from Twilio), Address "
					+ "and Bundle; a2pWarning when it holds US local numbers without a registered campaign")
	@ApiProblems(NOT_FOUND)
	@GetMapping("/clients/{id}/tenancy")
	TenancyView get(@PathVariable long id) {
		return this.views.of(id);
	}

	@Operation(operationId = "provisionClientTenancy",
			summary = "Create the client's subaccount (subaccount-per-client mode) and, when messaging is on, its "
					+ "Messaging Service; what exists already is kept")
	@ApiProblems({ NOT_FOUND, CONFLICT, REFUSED, UNAVAILABLE, UNKNOWN_OUTCOME })
	@PostMapping("/clients/{id}/tenancy/provision")
	TenancyView provision(@PathVariable long id, Principal principal) {
		this.tenancy.provision(id, principal.getName());
		return this.views.of(id);
	}

	@Operation(operationId = "updateClientTenancy",
			summary = "Switch the client's Messaging Service on or off and set the Bundle its mobile purchases carry")
	@ApiProblems(NOT_FOUND)
	@PutMapping("/clients/{id}/tenancy")
	TenancyView update(@PathVariable long id, @Valid @RequestBody TenancySettingsRequest request, Principal principal) {
		this.tenancy.update(id, request.messagingEnabled(), request.bundleSid(), principal.getName());
		return this.views.of(id);
	}

	@Operation(operationId = "createClientAddress",
			summary = "Create the client's Address in Twilio (in its subaccount, or the main account in shared mode); "
					+ "purchases of numbers that need one carry it")
	@ApiProblems({ NOT_FOUND, CONFLICT, REFUSED, UNAVAILABLE, UNKNOWN_OUTCOME })
	@PostMapping("/clients/{id}/tenancy/address")
	TenancyView createAddress(@PathVariable long id, @Valid @RequestBody AddressForm address, Principal principal) {
		this.tenancy.createAddress(id, address, principal.getName());
		return this.views.of(id);
	}

	@Operation(operationId = "relocateNumber",
			summary = "Move one number into the account its client's numbers belong in (migrating a shared "
					+ "inventory into per-client subaccounts), with the transfer's safety")
	@ApiProblems({ NOT_FOUND, CONFLICT, REFUSED, UNAVAILABLE, UNKNOWN_OUTCOME })
	@PostMapping("/tenancy/relocate")
	RelocateResponse relocate(@Valid @RequestBody RelocateRequest request, Principal principal) {
		NumberLifecycle.RelocationResult result = this.lifecycle.relocate(request.toRef(), principal.getName());
		return new RelocateResponse(result.number().id(), result.number().e164(), result.number().clientId(),
				result.moved(), this.lifecycle.accountOf(result.number().id()) != null, result.warnings());
	}

	@Operation(operationId = "checkTenancyDrift",
			summary = "Walk the main account and every client subaccount in Twilio and list the numbers in the wrong "
					+ "account (or untracked in a subaccount)")
	@ApiProblems(UNAVAILABLE)
	@GetMapping("/tenancy/drift")
	TenancyDrift.Report drift() {
		return this.drift.check();
	}

	@Operation(operationId = "fixTenancyDrift",
			summary = "Record where Twilio has each drifted number and move it into its client's account")
	@ApiProblems(UNAVAILABLE)
	@PostMapping("/tenancy/drift/fix")
	TenancyDrift.FixResult fixDrift(Principal principal) {
		return this.drift.fix(principal.getName());
	}

	@Operation(operationId = "getTenancy", summary = "The tenancy mode")
	@GetMapping("/tenancy")
	TenancyModeResponse mode() {
		return new TenancyModeResponse(this.tenancy.mode().label());
	}

	/**
	 * The tenancy mode.
	 *
	 * @param mode {@code shared} or {@code subaccount-per-client}
	 */
	@NullMarked
	record TenancyModeResponse(String mode) {

	}

	/**
	 * A number after its relocation.
	 *
	 * @param id its inventory id
	 * @param phoneNumber E.164
	 * @param clientId its client
	 * @param moved whether Twilio moved it now
	 * @param inSubaccount whether it lives in a subaccount now
	 * @param warnings what did not fully work
	 */
	@NullMarked
	record RelocateResponse(long id, @Nullable String phoneNumber, @Nullable Long clientId, boolean moved,
			boolean inSubaccount, List<String> warnings) {

	}

}
