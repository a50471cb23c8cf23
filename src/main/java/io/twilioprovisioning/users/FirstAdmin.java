package io.twilioprovisioning.users;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

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
 *
 * <p>
 * An existing admin's password changes only when asked with
 * {@code ADMIN_PASSWORD_RESET=true}: to {@code ADMIN_PASSWORD}, or, in sandbox mode
 * without it, to a new generated one printed once (the way to recover a lost sandbox
 * password). Without the flag, an {@code ADMIN_PASSWORD} that differs from the stored one
 * is reported as ignored. Passwords are never logged, except a generated sandbox one.
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
		String email = StringUtils.hasText(this.properties.adminEmail()) ? this.properties.adminEmail() : null;
		String password = StringUtils.hasText(this.properties.adminPassword()) ? this.properties.adminPassword() : null;
		if (email != null && password != null) {
			fromEnvironment(email, password);
			return;
		}
		if (this.properties.adminPasswordReset() && resetGenerated((email != null) ? email : SANDBOX_ADMIN)) {
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
		String generated = generatePassword();
		this.users.create(SANDBOX_ADMIN, generated, Role.ADMIN);
		log.warn("""

				================================================================
				 Sandbox admin created (shown once, not stored in clear):
				   email:    {}
				   password: {}
				 Set ADMIN_EMAIL and ADMIN_PASSWORD to choose your own.
				================================================================""", SANDBOX_ADMIN, generated);
	}

	private void fromEnvironment(String email, String password) {
		Optional<UserAccount> existing = this.users.findByEmail(email);
		if (existing.isEmpty()) {
			this.users.create(email, password, Role.ADMIN);
			log.info("Created the first admin {} from ADMIN_EMAIL", email);
			return;
		}
		UserAccount user = existing.get();
		if (this.properties.adminPasswordReset()) {
			this.users.changePassword(user.id(), password);
			log.warn(
					"Reset the password of {} to ADMIN_PASSWORD (ADMIN_PASSWORD_RESET=true); its sessions have "
							+ "ended. Remove ADMIN_PASSWORD_RESET so that later starts leave the password alone.{}",
					user.email(), standing(user));
			return;
		}
		if (!this.users.hasPassword(user.id(), password)) {
			log.warn("ADMIN_PASSWORD was ignored: {} already exists and keeps its password. To rotate it, "
					+ "start once with ADMIN_PASSWORD_RESET=true (see README, First login).", user.email());
		}
	}

	/**
	 * Sandbox only: gives an existing account a new generated password, printed once.
	 * @return whether the account existed
	 */
	private boolean resetGenerated(String email) {
		if (!this.mode.isSandbox()) {
			log.warn("ADMIN_PASSWORD_RESET=true was ignored: in live mode it needs ADMIN_EMAIL and ADMIN_PASSWORD.");
			return false;
		}
		Optional<UserAccount> existing = this.users.findByEmail(email);
		if (existing.isEmpty()) {
			log.warn("ADMIN_PASSWORD_RESET=true was ignored: no user {} exists.", email);
			return false;
		}
		String generated = generatePassword();
		this.users.changePassword(existing.get().id(), generated);
		log.warn("""

				================================================================
				 Sandbox password reset (ADMIN_PASSWORD_RESET=true), shown once:
				   email:    {}
				   password: {}
				 Remove ADMIN_PASSWORD_RESET, or every start makes a new one.{}
				================================================================""", existing.get().email(), generated,
				standing(existing.get()));
		return true;
	}

	private static String standing(UserAccount user) {
		if (!user.enabled()) {
			return " Note: the account is disabled; another admin must enable it.";
		}
		if (user.role() != Role.ADMIN) {
			return " Note: the account has the role " + user.role() + ", not ADMIN.";
		}
		return "";
	}

	private static String generatePassword() {
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
