package io.twilioprovisioning.web;

import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * Marks the members of a JSON answer that are always there as {@code required}, so a
 * reader of the description can tell them from the optional ones. A member is always
 * there when it cannot be null: a primitive, or a component of a {@link NullMarked}
 * record that is not {@link Nullable} (the JSON leaves out members without a value). A
 * method Jackson writes (a getter, or {@link JsonProperty}) counts when it returns a
 * primitive. Records that are not null-marked, such as request bodies, keep what
 * validation says.
 */
class NullMarkedRecordConverter implements ModelConverter {

	@Override
	@SuppressWarnings("rawtypes") // swagger-core's interface uses the raw type
	public Schema resolve(io.swagger.v3.core.converter.AnnotatedType type, ModelConverterContext context,
			Iterator<ModelConverter> chain) {
		Schema<?> schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
		Class<?> raw = (type.getType() != null) ? Json.mapper().constructType(type.getType()).getRawClass() : null;
		if (schema == null || raw == null || !raw.isRecord()) {
			return schema;
		}
		Schema<?> model = schema;
		if (schema.get$ref() != null) {
			String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
			model = context.getDefinedModels().get(name);
		}
		if (model != null && model.getProperties() != null) {
			markRequired(raw, model);
		}
		return schema;
	}

	@SuppressWarnings("rawtypes") // swagger-models keeps properties as raw schemas
	private static void markRequired(Class<?> record, Schema<?> model) {
		boolean nullMarked = record.isAnnotationPresent(NullMarked.class);
		Map<String, Schema> properties = model.getProperties();
		List<String> required = new ArrayList<>((model.getRequired() != null) ? model.getRequired() : List.of());
		for (RecordComponent component : record.getRecordComponents()) {
			String name = jsonName(component.getAccessor(), component.getName());
			boolean alwaysThere = component.getType().isPrimitive()
					|| (nullMarked && !isNullable(component.getAnnotatedType()));
			if (alwaysThere && properties.containsKey(name) && !required.contains(name)) {
				required.add(name);
			}
		}
		for (Method method : record.getMethods()) {
			String name = propertyName(method);
			if (name != null && method.getParameterCount() == 0 && method.getReturnType().isPrimitive()
					&& properties.containsKey(name) && !required.contains(name)) {
				required.add(name);
			}
		}
		model.setRequired(required.isEmpty() ? null : required);
	}

	private static String propertyName(Method method) {
		if (method.isAnnotationPresent(JsonProperty.class)) {
			return jsonName(method, method.getName());
		}
		String name = method.getName();
		if (name.startsWith("is") && name.length() > 2 && method.getReturnType() == boolean.class) {
			return Character.toLowerCase(name.charAt(2)) + name.substring(3);
		}
		if (name.startsWith("get") && name.length() > 3 && !name.equals("getClass")) {
			return Character.toLowerCase(name.charAt(3)) + name.substring(4);
		}
		return null;
	}

	private static boolean isNullable(AnnotatedType type) {
		return type.isAnnotationPresent(Nullable.class);
	}

	private static String jsonName(Method accessor, String fallback) {
		JsonProperty property = accessor.getAnnotation(JsonProperty.class);
		return (property != null && !property.value().isEmpty()) ? property.value() : fallback;
	}

}
