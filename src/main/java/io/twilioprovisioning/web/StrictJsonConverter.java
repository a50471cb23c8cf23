package io.twilioprovisioning.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;

/**
 * The JSON converter of the API: reads with the strict request mapper of
 * {@link StrictJsonConfiguration}, and only bodies that are well-formed UTF-8. Jackson
 * decodes overlong forms ({@code C0 AF} for {@code /}) instead of refusing them, so a
 * value could pass a check in one spelling and mean another; the body (at most the 64 KiB
 * of {@link RequestSizeLimitFilter}) is decoded strictly first.
 */
class StrictJsonConverter extends JacksonJsonHttpMessageConverter {

	StrictJsonConverter(JsonMapper mapper) {
		super(mapper);
	}

	@Override
	public Object read(ResolvableType type, HttpInputMessage input, Map<String, Object> hints) throws IOException {
		MediaType contentType = input.getHeaders().getContentType();
		Charset charset = (contentType != null && contentType.getCharset() != null) ? contentType.getCharset()
				: StandardCharsets.UTF_8;
		if (!StandardCharsets.UTF_8.equals(charset)) {
			return super.read(type, input, hints);
		}
		byte[] body = input.getBody().readAllBytes();
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body));
		}
		catch (CharacterCodingException ex) {
			throw new HttpMessageNotReadableException("The request body is not well-formed UTF-8", ex, input);
		}
		return super.read(type, new HttpInputMessage() {

			@Override
			public InputStream getBody() {
				return new ByteArrayInputStream(body);
			}

			@Override
			public HttpHeaders getHeaders() {
				return input.getHeaders();
			}

		}, hints);
	}

}
