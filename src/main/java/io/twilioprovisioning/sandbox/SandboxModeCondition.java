package io.twilioprovisioning.sandbox;

import io.twilioprovisioning.platform.ProvisioningMode;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the service runs in {@link ProvisioningMode#SANDBOX sandbox mode}.
 */
public class SandboxModeCondition implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return ProvisioningMode.resolve(context.getEnvironment()) == ProvisioningMode.SANDBOX;
	}

}
