package io.twilioprovisioning.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.util.StringUtils;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * What Spring MVC accepts as input, in one place: strict conversion of parameters and
 * path variables ({@link StrictConverters}), JSON as the only structured body format (the
 * XML, YAML, CBOR and Smile converters that libraries on the classpath would add are
 * removed, for reading and writing; the JSON converter reads with the strict request
 * mapper of {@link StrictJsonConfiguration}), and on the API a 415 for a body that is not
 * JSON, even where the route reads no body.
 */
@Configuration(proxyBeanMethods = false)
class WebInputConfiguration implements WebMvcConfigurer {

	private final JacksonJsonHttpMessageConverter json;

	WebInputConfiguration(JsonMapper json) {
		this.json = new StrictJsonConverter(StrictJsonConfiguration.forRequests(json));
	}

	@Override
	public void addFormatters(FormatterRegistry registry) {
		StrictConverters.register(registry);
	}

	@Override
	public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
		builder.withJsonConverter(this.json).configureMessageConvertersList((converters) -> {
			converters.removeIf(WebInputConfiguration::isForeign);
			converters.replaceAll(
					(converter) -> (converter instanceof JacksonJsonHttpMessageConverter) ? this.json : converter);
		});
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new JsonBodiesOnly()).addPathPatterns("/api/**");
	}

	/**
	 * Whether a converter speaks a structured format other than JSON.
	 */
	static boolean isForeign(HttpMessageConverter<?> converter) {
		return converter.getSupportedMediaTypes().stream().anyMatch((type) -> {
			String subtype = type.getSubtype().toLowerCase(java.util.Locale.ROOT);
			return subtype.equals("xml") || subtype.endsWith("+xml") || subtype.contains("yaml")
					|| subtype.contains("cbor") || subtype.contains("smile");
		});
	}

	/**
	 * Refuses an API request that carries a body in anything but JSON.
	 */
	static final class JsonBodiesOnly implements HandlerInterceptor {

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
				throws HttpMediaTypeNotSupportedException {
			boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
			if (!hasBody) {
				return true;
			}
			String header = request.getContentType();
			MediaType type = null;
			if (StringUtils.hasText(header)) {
				try {
					type = MediaType.parseMediaType(header);
				}
				catch (IllegalArgumentException ex) {
					throw new HttpMediaTypeNotSupportedException("Content-Type '" + header + "' is not a media type");
				}
			}
			if (type == null || !(MediaType.APPLICATION_JSON.includes(type) || isJsonSuffix(type))) {
				throw new HttpMediaTypeNotSupportedException(type, java.util.List.of(MediaType.APPLICATION_JSON),
						org.springframework.http.HttpMethod.valueOf(request.getMethod()));
			}
			return true;
		}

		private static boolean isJsonSuffix(MediaType type) {
			return "application".equals(type.getType()) && type.getSubtype().endsWith("+json");
		}

	}

}
