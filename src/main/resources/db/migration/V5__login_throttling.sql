-- Login throttling without account lockout (docs/adr/0004-login-throttling.md) and sessions that end
-- at once when an account changes (docs/security.md, "Authentication and sessions").

-- Bumped whenever an account is disabled, enabled, changes role or password: a session remembers the
-- value it signed in with and ends on the first request that finds another one.
ALTER TABLE users ADD COLUMN security_version BIGINT NOT NULL DEFAULT 0;

-- The old lockout (5 wrong passwords lock the account for everyone) is gone: anyone could use it to
-- keep an admin out.
ALTER TABLE users DROP COLUMN failed_logins, DROP COLUMN locked_until;

-- One rate limit per bucket (an address, an account, an account from one address, a device cookie),
-- kept as the theoretical arrival time of the generic cell rate algorithm: a wrong password moves
-- tat forward by window/limit; a bucket is full while tat lies more than window - window/limit ahead.
-- bucket is a kind followed by a SHA-256 of the subject, so an attacker's input never grows a row.
CREATE TABLE login_throttle (
    bucket  VARCHAR(80)  PRIMARY KEY,
    tat     TIMESTAMPTZ  NOT NULL
);

CREATE INDEX login_throttle_tat ON login_throttle (tat);

-- Browsers that signed in to an account before (OWASP "device cookies"): such a browser is not held
-- back by the per-account limit that a guesser elsewhere may have filled. Only a hash of the token.
CREATE TABLE login_devices (
    token_hash  VARCHAR(64)  PRIMARY KEY,
    user_id     BIGINT       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    expires_at  TIMESTAMPTZ  NOT NULL
);

CREATE INDEX login_devices_user ON login_devices (user_id);
CREATE INDEX login_devices_expiry ON login_devices (expires_at);
