package io.twilioprovisioning.webhooks;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.twilioprovisioning.numbers.E164Number;
import io.twilioprovisioning.numbers.NumberLifecycle;
import io.twilioprovisioning.numbers.NumberNotFoundException;
import io.twilioprovisioning.numbers.NumberRef;
import io.twilioprovisioning.numbers.PhoneNumberState;
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

	private static final MediaType TEXT_XML = new MediaType("text", "xml", StandardCharsets.UTF_8);

	private final WebhookSignatures signatures;

	private final NumberLifecycle numbers;

	private final ApplicationEventPublisher events;

	private final WebhookMetrics metrics;

	TwilioWebhooksController(WebhookSignatures signatures, NumberLifecycle numbers, ApplicationEventPublisher events,
			WebhookMetrics metrics) {
		this.signatures = signatures;
		this.numbers = numbers;
		this.events = events;
		this.metrics = metrics;
	}

	@PostMapping("/voice")
	ResponseEntity<String> voice(HttpServletRequest request) {
		if (!authentic(request)) {
			return forbidden();
		}
		Optional<TrackedNumber> number = assigned(request.getParameter("To"));
		number.ifPresent((tracked) -> traffic(tracked, InboundTraffic.Kind.CALL));
		String twiml = number.map((tracked) -> Twiml.say(greeting(tracked)))
			.orElseGet(() -> Twiml.sayAndHangUp("Sorry, this number is not in service. Goodbye."));
		return ResponseEntity.ok().contentType(TEXT_XML).body(twiml);
	}

	@PostMapping("/sms")
	ResponseEntity<String> sms(HttpServletRequest request) {
		if (!authentic(request)) {
			return forbidden();
		}
		String to = request.getParameter("To");
		Optional<TrackedNumber> number = assigned(to);
		if (number.isPresent()) {
			traffic(number.get(), InboundTraffic.Kind.MESSAGE);
			log.info("SMS received for {} (client {})", number.get().e164(), number.get().clientId());
		}
		else {
			log.info("SMS received for {}, which is not an active number assigned to a client", printable(to));
		}
		return ResponseEntity.ok().contentType(TEXT_XML).body(Twiml.empty());
	}

	@PostMapping("/status")
	ResponseEntity<Void> status(HttpServletRequest request) {
		if (!authentic(request)) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
		}
		log.debug("Status callback for {}: {}", printable(request.getParameter("To")),
				printable(request.getParameter("CallStatus")));
		return ResponseEntity.noContent().build();
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

	private Optional<TrackedNumber> assigned(String to) {
		Optional<E164Number> number = E164Number.tryParse(to, E164Number.DEFAULT_REGION);
		if (number.isEmpty()) {
			return Optional.empty();
		}
		try {
			TrackedNumber tracked = this.numbers.findLive(NumberRef.of(number.get()));
			return (tracked.state() == PhoneNumberState.ACTIVE && tracked.clientId() != null) ? Optional.of(tracked)
					: Optional.empty();
		}
		catch (NumberNotFoundException ex) {
			return Optional.empty();
		}
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

	private static ResponseEntity<String> forbidden() {
		return ResponseEntity.status(HttpStatus.FORBIDDEN)
			.contentType(MediaType.TEXT_PLAIN)
			.body("Forbidden: missing or invalid X-Twilio-Signature\n");
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
