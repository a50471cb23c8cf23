package io.twilioprovisioning.users;

import java.security.SecureRandom;
import java.util.Base64;

import io.twilioprovisioning.platform.ProvisioningMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Makes sure there is a first admin: the one of
 * {@code ADMIN_EMAIL}/{@code ADMIN_PASSWORD} when set, else, in sandbox mode only,
 * {@code admin@localhost} with a generated password printed once.
 */
@Component
class FirstAdmin implements ApplicationRunner {

	static final String SANDBOX_ADMIN = "admin@localhost";

	private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

	private final UserManagement users;

	private final UserRepository repository;

	private final LoginProperties properties;

	private final ProvisioningMode mode;

	FirstAdmin(UserManagement users, UserRepository repository, LoginProperties properties, ProvisioningMode mode) {
		this.users = users;
		this.repository = repository;
		this.properties = properties;
		this.mode = mode;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (StringUtils.hasText(this.properties.adminEmail()) && StringUtils.hasText(this.properties.adminPassword())) {
			if (this.users.findByEmail(this.properties.adminEmail()).isEmpty()) {
				this.users.create(this.properties.adminEmail(), this.properties.adminPassword(), Role.ADMIN);
				log.info("Created the first admin {} from ADMIN_EMAIL", this.properties.adminEmail());
			}
			return;
		}
		if (this.repository.existsByRole(Role.ADMIN)) {
			return;
		}
		if (!this.mode.isSandbox()) {
			log.warn("No admin exists and ADMIN_EMAIL/ADMIN_PASSWORD are not set: nobody can log in. "
					+ "Set both and restart.");
			return;
		}
		String password = generatePassword();
		this.users.create(SANDBOX_ADMIN, password, Role.ADMIN);
		log.warn("""

				================================================================
				 Sandbox admin created (shown once, not stored in clear):
				   email:    {}
				   password: {}
				 Set ADMIN_EMAIL and ADMIN_PASSWORD to choose your own.
				================================================================""", SANDBOX_ADMIN, password);
	}

	private static String generatePassword() {
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
