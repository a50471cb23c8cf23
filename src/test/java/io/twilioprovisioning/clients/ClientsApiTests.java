package io.twilioprovisioning.clients;

import java.util.UUID;

import io.twilioprovisioning.support.ApiClient;
import io.twilioprovisioning.support.ApiClient.Response;
import io.twilioprovisioning.support.RunningServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@RunningServerTest
class ClientsApiTests {

	@LocalServerPort
	int port;

	@Autowired
	ClientManagement clients;

	ApiClient admin;

	@BeforeEach
	void setUp() {
		this.admin = ApiClient.as(this.port, RunningServerTest.ADMIN_EMAIL, RunningServerTest.ADMIN_PASSWORD);
	}

	@Test
	void createsATrimmedClientAndFetchesIt() {
		String name = "Acme " + UUID.randomUUID();
		Response created = this.admin.post("/api/admin/clients",
				"{\"name\":\"   " + name + "  \",\"contactEmail\":\"Ops@Acme.example\"}");
		assertThat(created.status()).isEqualTo(201);
		JsonNode body = created.json();
		assertThat(body.get("name").asString()).isEqualTo(name);
		assertThat(body.get("status").asString()).isEqualTo("ACTIVE");
		assertThat(body.get("contactEmail").asString()).isEqualTo("ops@acme.example");
		Response fetched = this.admin.get("/api/admin/clients/" + body.get("id").asLong());
		assertThat(fetched.status()).isEqualTo(200);
		assertThat(fetched.json().get("name").asString()).isEqualTo(name);
	}

	@Test
	void duplicateNameIsA409RegardlessOfCase() {
		String name = "Dup " + UUID.randomUUID();
		assertThat(this.admin.post("/api/admin/clients", "{\"name\":\"" + name + "\"}").status()).isEqualTo(201);
		Response duplicate = this.admin.post("/api/admin/clients", "{\"name\":\"" + name.toUpperCase() + "\"}");
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.isProblem()).isTrue();
		assertThat(duplicate.json().get("type").asString()).endsWith("/duplicate-client-name");
	}

	@Test
	void malformedBodyIsA400ListingTheBadFields() {
		Response response = this.admin.post("/api/admin/clients",
				"{\"name\":\"   \",\"contactEmail\":\"not-an-email\"}");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.isProblem()).isTrue();
		assertThat(response.json().get("errors").findValuesAsString("field")).contains("name", "contactEmail");
	}

	@Test
	void hostileNamesAreRefusedAndNothingIsStored() {
		long before = this.clients.search(ClientQuery.all(), new io.twilioprovisioning.platform.PageRequest(0, 1))
			.totalElements();
		for (String name : new String[] { "<script>alert(1)</script>", "evil\u202Ename", "tab\tname",
				"x".repeat(10_000) }) {
			Response response = this.admin.post("/api/admin/clients",
					"{\"name\":\"" + name.replace("\t", "\\t") + "\"}");
			assertThat(response.status()).as(name).isEqualTo(400);
			assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("name");
		}
		assertThat(this.clients.search(ClientQuery.all(), new io.twilioprovisioning.platform.PageRequest(0, 1))
			.totalElements()).isEqualTo(before);
	}

	@Test
	void sqlInNamesIsStoredAsPlainText() {
		String name = "Robert'); DROP TABLE clients;-- " + UUID.randomUUID();
		Response response = this.admin.post("/api/admin/clients", "{\"name\":\"" + name + "\"}");
		assertThat(response.status()).isEqualTo(201);
		assertThat(response.json().get("name").asString()).isEqualTo(name);
	}

	@Test
	void listIsPagedAndSearchable() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		for (int i = 0; i < 7; i++) {
			this.clients.create("Paging " + tag + " " + i, null);
		}
		Response page = this.admin.get("/api/admin/clients?q=paging%20" + tag + "&size=3&page=2");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.json().get("totalElements").asInt()).isEqualTo(7);
		assertThat(page.json().get("content").size()).isEqualTo(1);
		assertThat(page.json().get("totalPages").asInt()).isEqualTo(3);
		assertThat(page.json().get("content").get(0).get("name").asString()).isEqualTo("Paging " + tag + " 6");
	}

	@Test
	void searchTreatsLikeWildcardsLiterally() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		this.clients.create("Percent " + tag, null);
		Response response = this.admin.get("/api/admin/clients?q=%25" + tag);
		assertThat(response.json().get("totalElements").asInt()).isZero();
	}

	@Test
	void pageSizeOutOfRangeIsA400NamingTheParameter() {
		Response response = this.admin.get("/api/admin/clients?size=5000");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").findValuesAsString("field")).contains("size");
	}

	@Test
	void updatesAndDeactivates() {
		Client client = this.clients.create("Upd " + UUID.randomUUID(), null);
		String renamed = "Renamed " + UUID.randomUUID();
		Response updated = this.admin.put("/api/admin/clients/" + client.id(),
				"{\"name\":\"" + renamed + "\",\"contactEmail\":\"a@b.example\"}");
		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.json().get("name").asString()).isEqualTo(renamed);
		Response deactivated = this.admin.post("/api/admin/clients/" + client.id() + "/deactivate", "");
		assertThat(deactivated.status()).isEqualTo(200);
		assertThat(deactivated.json().get("status").asString()).isEqualTo("INACTIVE");
	}

	@Test
	void renamingOntoAnotherClientsNameIsA409() {
		Client first = this.clients.create("First " + UUID.randomUUID(), null);
		Client second = this.clients.create("Second " + UUID.randomUUID(), null);
		Response response = this.admin.put("/api/admin/clients/" + second.id(), "{\"name\":\"" + first.name() + "\"}");
		assertThat(response.status()).isEqualTo(409);
	}

	@Test
	void unknownClientIsA404Problem() {
		Response response = this.admin.get("/api/admin/clients/999999999");
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.json().get("type").asString()).endsWith("/client-not-found");
	}

}
