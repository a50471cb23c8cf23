package io.twilioprovisioning.clients.web;

import java.net.URI;

import io.twilioprovisioning.clients.Client;
import io.twilioprovisioning.clients.ClientManagement;
import io.twilioprovisioning.clients.ClientQuery;
import io.twilioprovisioning.clients.ClientStatus;
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

	@GetMapping
	PageResult<Client> list(@RequestParam(required = false) @Size(max = 120) String q,
			@RequestParam(required = false) ClientStatus status, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
		return this.clients.search(new ClientQuery(q, status), new PageRequest(page, size));
	}

	@PostMapping
	ResponseEntity<Client> create(@Valid @RequestBody ClientForm form) {
		Client client = this.clients.create(form.name(), form.contactEmail());
		if (form.status() == ClientStatus.INACTIVE) {
			client = this.clients.deactivate(client.id());
		}
		return ResponseEntity.created(URI.create("/api/admin/clients/" + client.id())).body(client);
	}

	@GetMapping("/{id}")
	Client get(@PathVariable long id) {
		return this.clients.get(id);
	}

	@PutMapping("/{id}")
	Client update(@PathVariable long id, @Valid @RequestBody ClientForm form) {
		ClientStatus status = (form.status() != null) ? form.status() : this.clients.get(id).status();
		return this.clients.update(id, form.name(), form.contactEmail(), status);
	}

	/**
	 * Deactivates a client; 409 {@code client-holds-numbers} (with how many and where to
	 * find them) while it still holds numbers.
	 */
	@PostMapping("/{id}/deactivate")
	Client deactivate(@PathVariable long id) {
		return this.clients.deactivate(id);
	}

}
