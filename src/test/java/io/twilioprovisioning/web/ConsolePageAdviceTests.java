package io.twilioprovisioning.web;

import java.util.List;
import java.util.Set;

import io.twilioprovisioning.platform.ConsolePage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Controller;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerTypePredicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The advices that build the console layout's model reach every page controller and no
 * API or webhook controller: a page without them would render without its banners, and an
 * API call or a webhook with them would look up alerts it never shows.
 */
class ConsolePageAdviceTests {

	@Test
	void everyPageControllerIsMarkedAndNoJsonControllerIs() {
		List<Class<?>> controllers = scan(Controller.class);
		assertThat(controllers).hasSizeGreaterThan(20);
		for (Class<?> controller : controllers) {
			boolean json = AnnotatedElementUtils.hasAnnotation(controller, ResponseBody.class);
			boolean advice = AnnotatedElementUtils.hasAnnotation(controller, ControllerAdvice.class);
			if (advice) {
				continue;
			}
			assertThat(AnnotatedElementUtils.hasAnnotation(controller, ConsolePage.class))
				.as("%s is a %s controller", controller.getName(), json ? "JSON" : "page")
				.isEqualTo(!json);
		}
	}

	@Test
	void theModelAdvicesApplyToPagesOnly() {
		List<Class<?>> advices = scan(ControllerAdvice.class).stream()
			.filter((type) -> List.of(type.getDeclaredMethods())
				.stream()
				.anyMatch((method) -> method.isAnnotationPresent(ModelAttribute.class)))
			.toList();
		assertThat(advices).extracting(Class::getSimpleName).contains("PageModel", "AlertBanner", "SandboxBanner");
		List<Class<?>> controllers = scan(Controller.class);
		for (Class<?> advice : advices) {
			ControllerAdvice annotation = AnnotatedElementUtils.findMergedAnnotation(advice, ControllerAdvice.class);
			HandlerTypePredicate applies = HandlerTypePredicate.builder()
				.annotation(annotation.annotations())
				.basePackage(annotation.basePackages())
				.assignableType(annotation.assignableTypes())
				.build();
			for (Class<?> controller : controllers) {
				boolean page = AnnotatedElementUtils.hasAnnotation(controller, ConsolePage.class);
				if (!AnnotatedElementUtils.hasAnnotation(controller, ControllerAdvice.class)) {
					assertThat(applies.test(controller))
						.as("%s applies to %s", advice.getSimpleName(), controller.getSimpleName())
						.isEqualTo(page);
				}
			}
		}
	}

	private static List<Class<?>> scan(Class<? extends java.lang.annotation.Annotation> annotation) {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(annotation));
		Set<BeanDefinition> found = scanner.findCandidateComponents("io.twilioprovisioning");
		return found.stream()
			.<Class<?>>map((definition) -> ClassUtils.resolveClassName(definition.getBeanClassName(),
					ConsolePageAdviceTests.class.getClassLoader()))
			.filter((type) -> !type.getName().contains("Test"))
			.toList();
	}

}
