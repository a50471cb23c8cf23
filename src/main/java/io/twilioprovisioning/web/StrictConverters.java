package io.twilioprovisioning.web;

import java.beans.PropertyEditorSupport;
import java.util.function.Function;

import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * How path variables, query parameters and form fields become numbers, booleans and
 * enums. Spring's defaults trim whitespace, decode {@code 0x10} and {@code #10} as hex,
 * accept Unicode digits and read {@code yes}/{@code on}/{@code 1} as true; here a number
 * is optional minus and ASCII decimal digits, a boolean is {@code true} or {@code false},
 * an enum is the exact name of a constant. An empty value stays "absent", as in Spring
 * (so a default applies). Anything else fails conversion, which is a 400 naming the
 * parameter.
 *
 * <p>
 * The rules are registered twice, because Spring MVC converts in two steps: the
 * conversion service ({@link #register(FormatterRegistry)}, from
 * {@code WebMvcConfigurer.addFormatters}), and when that fails, the binder's default
 * property editors, whose {@code CustomNumberEditor} decodes hex and trims, and whose
 * enum fallback trims. Custom editors ({@link Binding}, on every binder) take the place
 * of both.
 */
final class StrictConverters {

	private StrictConverters() {
	}

	static void register(FormatterRegistry registry) {
		registry.addConverter(String.class, Long.class, StrictConverters::toLong);
		registry.addConverter(String.class, Integer.class, StrictConverters::toInteger);
		registry.addConverter(String.class, Boolean.class, StrictConverters::toBoolean);
		registry.addConverterFactory(new EnumConverterFactory());
	}

	static void register(WebDataBinder binder) {
		binder.registerCustomEditor(long.class, new Editor(StrictConverters::toLong, false));
		binder.registerCustomEditor(Long.class, new Editor(StrictConverters::toLong, true));
		binder.registerCustomEditor(int.class, new Editor(StrictConverters::toInteger, false));
		binder.registerCustomEditor(Integer.class, new Editor(StrictConverters::toInteger, true));
		binder.registerCustomEditor(boolean.class, new Editor(StrictConverters::toBoolean, false));
		binder.registerCustomEditor(Boolean.class, new Editor(StrictConverters::toBoolean, true));
		binder.registerCustomEditor(Enum.class, new Editor(StrictConverters::exactName, true));
	}

	/**
	 * An enum constant's name as it was sent: letters, digits and underscores, nothing
	 * around them. Spring then looks the constant up by this exact name.
	 */
	static String exactName(String text) {
		if (text.isEmpty()) {
			return null;
		}
		if (!text.matches("[A-Za-z_][A-Za-z0-9_]*")) {
			throw new IllegalArgumentException("must be the name of a constant");
		}
		return text;
	}

	static Long toLong(String text) {
		return text.isEmpty() ? null : Long.valueOf(decimal(text));
	}

	static Integer toInteger(String text) {
		return text.isEmpty() ? null : Integer.valueOf(decimal(text));
	}

	static Boolean toBoolean(String text) {
		return switch (text) {
			case "" -> null;
			case "true" -> Boolean.TRUE;
			case "false" -> Boolean.FALSE;
			default -> throw new IllegalArgumentException("must be true or false");
		};
	}

	/**
	 * The text if it is an optional minus and 1 to 19 ASCII digits.
	 */
	private static String decimal(String text) {
		int start = text.startsWith("-") ? 1 : 0;
		int digits = text.length() - start;
		if (digits < 1 || digits > 19) {
			throw new IllegalArgumentException("must be a whole number in decimal digits");
		}
		for (int i = start; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				throw new IllegalArgumentException("must be a whole number in decimal digits");
			}
		}
		return text;
	}

	/**
	 * Applies the strict rules to every binder of every controller.
	 */
	@ControllerAdvice
	static final class Binding {

		@InitBinder
		void strictConversion(WebDataBinder binder) {
			register(binder);
		}

	}

	/**
	 * A property editor for one of the rules.
	 */
	static final class Editor extends PropertyEditorSupport {

		private final Function<String, Object> parse;

		private final boolean allowEmpty;

		Editor(Function<String, Object> parse, boolean allowEmpty) {
			this.parse = parse;
			this.allowEmpty = allowEmpty;
		}

		@Override
		public void setAsText(String text) {
			Object value = this.parse.apply(text);
			if (value == null && !this.allowEmpty) {
				throw new IllegalArgumentException("must not be empty");
			}
			setValue(value);
		}

	}

	/**
	 * Enums by the exact name of a constant.
	 */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	static final class EnumConverterFactory implements ConverterFactory<String, Enum> {

		@Override
		public <T extends Enum> Converter<String, T> getConverter(Class<T> targetType) {
			Class<?> enumType = targetType;
			while (enumType != null && !enumType.isEnum()) {
				enumType = enumType.getSuperclass();
			}
			Class<T> type = (Class<T>) enumType;
			return (text) -> text.isEmpty() ? null : (T) Enum.valueOf(type, text);
		}

	}

}
