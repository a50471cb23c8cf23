package io.twilioprovisioning.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The regulatory Bundles of every account. They are read-only in the emulator: each
 * account gets the same presets when it is created, with SIDs derived from its own SID so
 * they are the same on every run: an approved bundle for British local numbers, one for
 * British mobile numbers (which need a bundle to be bought), and a draft one for British
 * toll-free numbers. Not thread-safe: {@link EmulatorState} guards it.
 */
final class BundleStore {

	private static final List<Preset> PRESETS = List.of(
			new Preset("gb-local", "Sandbox GB local business bundle", BundleRecord.APPROVED, "GB", Catalog.LOCAL),
			new Preset("gb-mobile", "Sandbox GB mobile business bundle", BundleRecord.APPROVED, "GB", Catalog.MOBILE),
			new Preset("gb-toll-free", "Sandbox GB toll-free bundle (draft)", "draft", "GB", Catalog.TOLL_FREE));

	private final Map<String, BundleRecord> bundles = new LinkedHashMap<>();

	/**
	 * Gives an account the preset bundles.
	 */
	void seed(String accountSid, Instant now) {
		for (Preset preset : PRESETS) {
			BundleRecord bundle = new BundleRecord(derivedSid("BU", accountSid + ":" + preset.key()), accountSid,
					derivedSid("RN", preset.country() + ":" + preset.type()), preset.name(), preset.status(),
					preset.country(), preset.type(), "business", "compliance@sandbox.invalid", now, now);
			this.bundles.put(bundle.sid(), bundle);
		}
	}

	Optional<BundleRecord> find(String accountSid, String sid) {
		return Optional.ofNullable((sid != null) ? this.bundles.get(sid) : null)
			.filter((bundle) -> bundle.accountSid().equals(accountSid));
	}

	List<BundleRecord> ofAccount(String accountSid) {
		return this.bundles.values().stream().filter((bundle) -> bundle.accountSid().equals(accountSid)).toList();
	}

	/**
	 * An approved bundle of the account for numbers of this country and type, if it has
	 * one.
	 */
	Optional<BundleRecord> approvedFor(String accountSid, String country, String type) {
		return ofAccount(accountSid).stream().filter((bundle) -> bundle.covers(country, type)).findFirst();
	}

	void clear() {
		this.bundles.clear();
	}

	/**
	 * {@code prefix} + 32 hex digits of a SHA-256 of the seed.
	 */
	static String derivedSid(String prefix, String seed) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
			return prefix + HexFormat.of().formatHex(hash, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	private record Preset(String key, String name, String status, String country, String type) {

	}

}
