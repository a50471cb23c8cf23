package io.twilioprovisioning.sandbox.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Start the sandbox over; {@code confirm} must be {@code RESET}.
 *
 * @param confirm the word RESET
 */
@Schema(example = "{\"confirm\":\"RESET\"}")
record ResetRequest(@NotBlank @Size(max = 16) String confirm) {

}
