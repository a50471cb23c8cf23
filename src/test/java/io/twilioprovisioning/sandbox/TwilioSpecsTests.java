package io.twilioprovisioning.sandbox;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TwilioSpecsTests {

	private static final TwilioSpecs SPECS = new TwilioSpecs();

	@Test
	void twiliosOwnExamplesConform() {
		java.util.List<String> all = new java.util.ArrayList<>();
		for (TwilioHost host : TwilioHost.values()) {
			for (String operation : SPECS.operations(host, "/")) {
				String[] parts = operation.split(" ", 2);
				TwilioSpecs.SpecOperation op = SPECS.operation(host, parts[0], parts[1]);
				if (op == null) {
					continue;
				}
				for (String status : op.statuses()) {
					for (String example : SPECS.examples(op, Integer.parseInt(status))) {
						SPECS.validate(op, Integer.parseInt(status), example)
							.forEach((e) -> all.add(op.id() + " " + status + " " + e));
					}
				}
			}
		}
		assertThat(all).isEmpty();
	}

}
