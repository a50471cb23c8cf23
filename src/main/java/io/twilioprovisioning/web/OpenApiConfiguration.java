package io.twilioprovisioning.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The title, description and security scheme of the OpenAPI description served at
 * {@code /v3/api-docs}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI provisioningOpenApi() {
		return new OpenAPI()
			.info(new Info().title("twilio-provisioning admin API")
				.version("v1")
				.description("Search, buy, configure, reassign and release the Twilio numbers of client businesses. "
						+ "Admins only (HTTP Basic). Errors are RFC 9457 problem details: 400 with the bad fields, "
						+ "404, 409, 422 when Twilio refused (with twilioCode and moreInfo), 503 when Twilio is "
						+ "unavailable, 502 when the outcome of a purchase is not known yet.")
				.license(new License().name("Apache-2.0")))
			.components(new Components().addSecuritySchemes("basicAuth",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
			.addSecurityItem(new SecurityRequirement().addList("basicAuth"));
	}

}
