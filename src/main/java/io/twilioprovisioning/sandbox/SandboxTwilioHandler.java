package io.twilioprovisioning.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.HttpRequestHandler;

/**
 * Turns a servlet request under {@value SandboxProperties#MOUNT_PATH} into an
 * {@link EmulatorRequest} and writes the emulator's answer. A servlet cannot drop a
 * connection before answering, so {@link Fault#DROP_AFTER_COMMIT} breaks the answer off
 * instead: it announces a longer body than it sends and closes the connection, and the
 * client gets an end of stream in the middle of the answer, at once and whatever its read
 * timeout.
 */
class SandboxTwilioHandler implements HttpRequestHandler {

	private final TwilioEmulator emulator;

	SandboxTwilioHandler(TwilioEmulator emulator) {
		this.emulator = emulator;
	}

	@Override
	public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith(SandboxProperties.MOUNT_PATH)) {
			path = path.substring(SandboxProperties.MOUNT_PATH.length());
		}
		Map<String, List<String>> query = FormEncoding.decode(request.getQueryString());
		EmulatorResponse answer = this.emulator.handle(new EmulatorRequest(request.getMethod(), path, query,
				formParameters(request, query), request.getHeader("Authorization")));
		if (answer.dropConnection()) {
			breakOff(response, answer.status());
			return;
		}
		response.setStatus(answer.status());
		answer.headers().forEach(response::setHeader);
		if (answer.hasBody()) {
			byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
			response.setContentLength(body.length);
			response.getOutputStream().write(body);
		}
	}

	/**
	 * The body's form parameters: the servlet container merges the query string and the
	 * form body into one parameter map, query values first, so the query's share is taken
	 * off each name.
	 */
	private static Map<String, List<String>> formParameters(HttpServletRequest request,
			Map<String, List<String>> query) {
		String contentType = request.getContentType();
		if (contentType == null
				|| !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
			return Map.of();
		}
		Map<String, List<String>> form = new LinkedHashMap<>();
		request.getParameterMap().forEach((name, values) -> {
			int fromQuery = query.getOrDefault(name, List.of()).size();
			if (values.length > fromQuery) {
				form.put(name, new ArrayList<>(Arrays.asList(values).subList(fromQuery, values.length)));
			}
		});
		return form;
	}

	/**
	 * Sends the start of an answer that can never be complete, then closes the
	 * connection: the declared length is longer than what is written.
	 */
	private static void breakOff(HttpServletResponse response, int status) throws IOException {
		byte[] start = "{\"sid\":".getBytes(StandardCharsets.UTF_8);
		response.setStatus(status);
		response.setHeader("Connection", "close");
		response.setContentType("application/json");
		response.setContentLength(start.length + 1024);
		response.getOutputStream().write(start);
		response.flushBuffer();
	}

}
