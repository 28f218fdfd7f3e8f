"""Password hashing (argon2id) and activation tokens.

No Qt import here. Passwords arrive already NFKC-normalized by ``validation.normalize_password``
and leave only as argon2id hashes; they are never logged, and exceptions raised here never carry
them (argon2-cffi's own exceptions do not either). Any string is accepted, lone surrogates included:
it is encoded with ``surrogatepass``, which gives the same bytes as UTF-8 for every valid string (so
existing hashes keep verifying) and bytes no valid string has for the others. argon2, like hashlib
and secrets (which load OpenSSL), is imported where it is first needed, never at start: the
operator's commands (``accounts list``) never need them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from monmaster_desktop.settings import HashingParameters

if TYPE_CHECKING:
    from argon2 import PasswordHasher

# 32 random bytes: 256 bits, twice the 128 bits the design asks for.
ACTIVATION_TOKEN_BYTES = 32


class PasswordHashing:
    """argon2id with parameters kept inside each hash, so old hashes can be upgraded at sign-in.

    Creating it costs nothing: the hasher is made at first use, and the decoy an unknown address is
    verified against is made up rather than computed (see ``spend_verification_time``).
    """

    def __init__(self, parameters: HashingParameters) -> None:
        self._parameters = parameters
        self._made_hasher: PasswordHasher | None = None
        self._decoy_hash: str | None = None

    @property
    def _hasher(self) -> PasswordHasher:
        if self._made_hasher is None:
            from argon2 import PasswordHasher, Type

            self._made_hasher = PasswordHasher(
                time_cost=self._parameters.time_cost,
                memory_cost=self._parameters.memory_cost_kib,
                parallelism=self._parameters.parallelism,
                type=Type.ID,
            )
        return self._made_hasher

    def hash(self, normalized_password: str) -> str:
        return self._hasher.hash(_password_bytes(normalized_password))

    def verify(self, stored_hash: str, normalized_password: str) -> bool:
        from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

        try:
            return self._hasher.verify(stored_hash, _password_bytes(normalized_password))
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

    def spend_verification_time(self, normalized_password: str) -> None:
        """Take as long as verifying a real account's password, when the address has no account.

        A failed sign-in then takes the same time whether or not the account exists. The decoy is an
        argon2id hash with this hasher's very parameters, salt and digest lengths — so verifying
        against it runs the same argon2id computation — whose salt and digest are random bytes: no
        password matches it, and nothing had to be hashed to make it (a real hash of a random
        password cost ~150 ms at every start).
        """
        self.verify(self.decoy_hash(), normalized_password)

    def decoy_hash(self) -> str:
        if self._decoy_hash is None:
            import base64
            import secrets

            from argon2.low_level import ARGON2_VERSION

            hasher = self._hasher

            def encoded(size: int) -> str:
                return base64.b64encode(secrets.token_bytes(size)).decode("ascii").rstrip("=")

            self._decoy_hash = (
                f"$argon2id$v={ARGON2_VERSION}$m={hasher.memory_cost},t={hasher.time_cost},"
                f"p={hasher.parallelism}${encoded(hasher.salt_len)}${encoded(hasher.hash_len)}"
            )
        return self._decoy_hash

    def needs_rehash(self, stored_hash: str) -> bool:
        from argon2.exceptions import InvalidHashError

        try:
            return self._hasher.check_needs_rehash(stored_hash)
        except InvalidHashError:
            return True


def _password_bytes(password: str) -> bytes:
    return password.encode("utf-8", "surrogatepass")


def new_activation_token() -> str:
    import secrets  # with hmac, loads OpenSSL: only where a token is made

    return secrets.token_urlsafe(ACTIVATION_TOKEN_BYTES)


def token_digest(token: str) -> str:
    """What the database keeps of a token: its SHA-256, so a copy of the file cannot activate anything."""
    import hashlib  # loads OpenSSL: only where a token is made or followed

    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()
