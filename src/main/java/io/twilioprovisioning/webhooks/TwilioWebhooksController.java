package io.twilioprovisioning.webhooks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.twilioprovisioning.numbers.TrackedNumber;

/**
 * The URLs every number bought by the platform points at: voice answers TwiML naming the
 * client the number belongs to, SMS is acknowledged without a reply, status callbacks are
 * acknowledged. Each request must carry a valid {@code X-Twilio-Signature}, else 403.
 */
@RestController
@RequestMapping("/webhooks/twilio")
class TwilioWebhooksController {

	private static final Logger log = LoggerFactory.getLogger(TwilioWebhooksController.class);

	private static final String TEXT_XML = "text/xml;charset=UTF-8";

	private static final String TEXT_PLAIN = "text/plain;charset=UTF-8";

	private final WebhookSignatures signatures;

	private final AssignedNumbers assigned;

	private final ApplicationEventPublisher events;

	private final WebhookMetrics metrics;

	TwilioWebhooksController(WebhookSignatures signatures, AssignedNumbers assigned, ApplicationEventPublisher events,
			WebhookMetrics metrics) {
		this.signatures = signatures;
		this.assigned = assigned;
		this.events = events;
		this.metrics = metrics;
	}

	@PostMapping("/voice")
	void voice(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (!authentic(request)) {
			forbidden(response);
			return;
		}
		Optional<TrackedNumber> number = this.assigned.find(request.getParameter("To"));
		number.ifPresent((tracked) -> traffic(tracked, InboundTraffic.Kind.CALL));
		String twiml = number.map((tracked) -> Twiml.say(greeting(tracked)))
			.orElseGet(() -> Twiml.sayAndHangUp("Sorry, this number is not in service. Goodbye."));
		write(response, HttpServletResponse.SC_OK, TEXT_XML, twiml);
	}

	@PostMapping("/sms")
	void sms(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (!authentic(request)) {
			forbidden(response);
			return;
		}
		String to = request.getParameter("To");
		Optional<TrackedNumber> number = this.assigned.find(to);
		if (number.isPresent()) {
			traffic(number.get(), InboundTraffic.Kind.MESSAGE);
			log.debug("SMS received for {} (client {})", number.get().e164(), number.get().clientId());
		}
		else {
			log.info("SMS received for {}, which is not an active number assigned to a client", printable(to));
		}
		write(response, HttpServletResponse.SC_OK, TEXT_XML, Twiml.empty());
	}

	@PostMapping("/status")
	void status(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (!authentic(request)) {
			forbidden(response);
			return;
		}
		log.debug("Status callback for {}: {}", printable(request.getParameter("To")),
				printable(request.getParameter("CallStatus")));
		response.setStatus(HttpServletResponse.SC_NO_CONTENT);
	}

	/**
	 * Checks the signature against the public URL (see {@link WebhookSignatures}); logs a
	 * refusal without the signature.
	 */
	private boolean authentic(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String query = request.getQueryString();
		String url = this.signatures.publicUrl(path, query);
		WebhookSignatures.Verdict verdict = this.signatures.verify(url,
				WebhookSignatures.formParameters(request.getParameterMap(), query),
				request.getHeader(WebhookSignatures.HEADER));
		this.metrics.received(path, verdict);
		if (verdict == WebhookSignatures.Verdict.VALID) {
			return true;
		}
		log.warn("Refused a Twilio webhook to {} from {}: {}", printable(url), request.getRemoteAddr(),
				verdict.reason());
		return false;
	}

	private void traffic(TrackedNumber number, InboundTraffic.Kind kind) {
		this.events.publishEvent(new InboundTraffic(number.id(), kind, Instant.now()));
	}

	private static String greeting(TrackedNumber number) {
		String name = number.friendlyName();
		String target = (name != null && !name.isBlank()) ? name.strip() + ", client " + number.clientId()
				: "client " + number.clientId();
		return "Hello. The platform received your call for " + target + ".";
	}

	private static void forbidden(HttpServletResponse response) throws IOException {
		write(response, HttpServletResponse.SC_FORBIDDEN, TEXT_PLAIN,
				"Forbidden: missing or invalid X-Twilio-Signature\n");
	}

	/**
	 * Writes the answer straight to the response: the body is a string of known type, so
	 * Spring's content negotiation and message converters (a tenth of a webhook's cost,
	 * docs/benchmarks.md section 7) have nothing to choose.
	 */
	private static void write(HttpServletResponse response, int status, String contentType, String body)
			throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		response.setStatus(status);
		response.setContentType(contentType);
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
	}

	/**
	 * A request value fit for a log line: no line breaks, bounded length.
	 */
	private static String printable(String value) {
		if (value == null) {
			return "-";
		}
		String flat = value.replaceAll("[\\p{Cntrl}]", "?");
		return (flat.length() > 200) ? flat.substring(0, 200) + "…" : flat;
	}

}
