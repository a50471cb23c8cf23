package io.twilioprovisioning.clients.web;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.twilioprovisioning.clients.Client;
import io.twilioprovisioning.clients.ClientManagement;
import io.twilioprovisioning.clients.ClientQuery;
import io.twilioprovisioning.clients.ClientStatus;
import io.twilioprovisioning.platform.ApiProblems;
import io.twilioprovisioning.platform.Cursor;
import io.twilioprovisioning.platform.InvalidParameterException;
import io.twilioprovisioning.platform.PageRequest;
import io.twilioprovisioning.platform.PageResult;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static io.twilioprovisioning.platform.DomainException.Kind.CONFLICT;
import static io.twilioprovisioning.platform.DomainException.Kind.NOT_FOUND;

/**
 * Client businesses: list with paging and search, create, fetch, update, deactivate.
 */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = "Clients", description = "The client businesses numbers are handed to")
@RequestMapping("/api/admin/clients")
class ClientsApiController {

	private final ClientManagement clients;

	ClientsApiController(ClientManagement clients) {
		this.clients = clients;
	}

	@Operation(operationId = "listClients", summary = "A page of the clients, by name; q searches the name",
			description = "Ordered by name, ties broken by id. Paging: follow nextCursor / previousCursor (cursor=...), "
					+ "a keyset walk that costs the same at any depth; page=N is kept for the first "
					+ PageRequest.MAX_OFFSET + " clients only (400 beyond); give page or cursor, not both. "
					+ "totalElements is exact when totalIsExact is true; otherwise the count stopped at "
					+ ClientManagement.COUNT_CAP + " and means 'at least'.")
	@GetMapping
	PageResult<Client> list(@RequestParam(required = false) @Size(max = 120) String q,
			@RequestParam(required = false) ClientStatus status, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(required = false) @Size(max = Cursor.MAX_TOKEN_LENGTH) String cursor,
			@RequestParam(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
		if (cursor != null && page > 0) {
			throw new InvalidParameterException("cursor", "give page or cursor, not both");
		}
		ClientQuery query = new ClientQuery(q, status);
		return (page > 0) ? this.clients.search(query, new PageRequest(page, size))
				: this.clients.search(query, cursor, size);
	}

	@Operation(operationId = "createClient", summary = "Create a client; active unless status says INACTIVE")
	@ApiResponse(responseCode = "201", description = "Created; Location is the client's URL",
			headers = @Header(name = "Location", description = "/api/admin/clients/{id}",
					schema = @Schema(type = "string", format = "uri-reference")))
	@ApiProblems(CONFLICT)
	@PostMapping
	ResponseEntity<Client> create(@Valid @RequestBody ClientForm form) {
		Client client = this.clients.create(form.name(), form.contactEmail());
		if (form.status() == ClientStatus.INACTIVE) {
			client = this.clients.deactivate(client.id());
		}
		return ResponseEntity.created(URI.create("/api/admin/clients/" + client.id())).body(client);
	}

	@Operation(operationId = "getClient", summary = "One client")
	@ApiProblems(NOT_FOUND)
	@GetMapping("/{id}")
	Client get(@PathVariable long id) {
		return this.clients.get(id);
	}

	@Operation(operationId = "updateClient", summary = "Change a client's name, contact or status")
	@ApiProblems({ NOT_FOUND, CONFLICT })
	@PutMapping("/{id}")
	Client update(@PathVariable long id, @Valid @RequestBody ClientForm form) {
		ClientStatus status = (form.status() != null) ? form.status() : this.clients.get(id).status();
		return this.clients.update(id, form.name(), form.contactEmail(), status);
	}

	/**
	 * Deactivates a client; 409 {@code client-holds-numbers} (with how many and where to
	 * find them) while it still holds numbers.
	 */
	@Operation(operationId = "deactivateClient",
			summary = "Stop serving a client: no number is bought for or moved to it")
	@ApiProblems({ NOT_FOUND, CONFLICT })
	@PostMapping("/{id}/deactivate")
	Client deactivate(@PathVariable long id) {
		return this.clients.deactivate(id);
	}

}
