package io.twilioprovisioning.numbers;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The annotated string, when present, is a phone number in any common format that
 * {@link E164Number#parse(String, String)} accepts. {@code null} is valid; combine with
 * {@code @NotBlank} when required.
 */
@Documented
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PhoneNumberText.Validator.class)
public @interface PhoneNumberText {

	String message() default "must be a phone number, e.g. +14155550100 or (415) 555-0100";

	/**
	 * Region for numbers written without a country code.
	 * @return ISO 3166 alpha-2 code
	 */
	String defaultRegion() default E164Number.DEFAULT_REGION;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/**
	 * Checks the annotated text with libphonenumber.
	 */
	class Validator implements ConstraintValidator<PhoneNumberText, String> {

		private String region = E164Number.DEFAULT_REGION;

		@Override
		public void initialize(PhoneNumberText annotation) {
			this.region = annotation.defaultRegion();
		}

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || E164Number.isParsable(value, this.region);
		}

	}

}
