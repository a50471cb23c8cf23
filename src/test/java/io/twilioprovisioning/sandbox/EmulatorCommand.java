package io.twilioprovisioning.sandbox;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The standalone emulator started in-process through the entry point of
 * {@code java -jar … --emulator} ({@link StandaloneEmulatorApplication#run}), on a free
 * loopback port.
 */
public final class EmulatorCommand implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private EmulatorCommand(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/**
	 * Runs the command.
	 * @param settings more {@code --name=value} arguments; a free port unless they name
	 * one
	 * @return the running emulator; close it when done
	 */
	public static EmulatorCommand start(String... settings) {
		List<String> args = new ArrayList<>(
				List.of(StandaloneEmulatorApplication.FLAG, "--spring.main.banner-mode=off"));
		args.addAll(List.of(settings));
		if (args.stream().noneMatch((arg) -> arg.startsWith("--sandbox.emulator.port="))) {
			args.add("--sandbox.emulator.port=0");
		}
		return new EmulatorCommand(StandaloneEmulatorApplication.run(args.toArray(String[]::new)));
	}

	public StandaloneTwilioEmulator server() {
		return this.context.getBean(StandaloneTwilioEmulator.class);
	}

	public ConfigurableApplicationContext context() {
		return this.context;
	}

	@Override
	public void close() {
		this.context.close();
	}

}
