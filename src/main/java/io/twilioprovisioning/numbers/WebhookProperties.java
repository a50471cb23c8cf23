package io.twilioprovisioning.numbers;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Twilio calls the platform back.
 *
 * @param baseUrl the public base URL of the platform ({@code APP_BASE_URL})
 */
@ConfigurationProperties("app")
public record WebhookProperties(@DefaultValue("http://localhost:8080") String baseUrl) {

}
