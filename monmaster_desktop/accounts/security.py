"""Password hashing (argon2id) and activation tokens.

No Qt import here. Passwords arrive already NFKC-normalized by ``validation.normalize_password``
and leave only as argon2id hashes; they are never logged, and exceptions raised here never carry
them (argon2-cffi's own exceptions do not either). Any string is accepted, lone surrogates included:
it is encoded with ``surrogatepass``, which gives the same bytes as UTF-8 for every valid string (so
existing hashes keep verifying) and bytes no valid string has for the others.
"""

from __future__ import annotations

import hashlib
import secrets

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from monmaster_desktop.settings import HashingParameters

# 32 random bytes: 256 bits, twice the 128 bits the design asks for.
ACTIVATION_TOKEN_BYTES = 32


class PasswordHashing:
    """argon2id with parameters kept inside each hash, so old hashes can be upgraded at sign-in."""

    def __init__(self, parameters: HashingParameters) -> None:
        self._hasher = PasswordHasher(
            time_cost=parameters.time_cost,
            memory_cost=parameters.memory_cost_kib,
            parallelism=parameters.parallelism,
            type=Type.ID,
        )
        # Verified against when an address is unknown, so that a failed sign-in takes the same
        # time whether or not the account exists.
        self._decoy_hash = self._hasher.hash(secrets.token_urlsafe(16))

    def hash(self, normalized_password: str) -> str:
        return self._hasher.hash(_password_bytes(normalized_password))

    def verify(self, stored_hash: str, normalized_password: str) -> bool:
        try:
            return self._hasher.verify(stored_hash, _password_bytes(normalized_password))
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

    def spend_verification_time(self, normalized_password: str) -> None:
        self.verify(self._decoy_hash, normalized_password)

    def needs_rehash(self, stored_hash: str) -> bool:
        try:
            return self._hasher.check_needs_rehash(stored_hash)
        except InvalidHashError:
            return True


def _password_bytes(password: str) -> bytes:
    return password.encode("utf-8", "surrogatepass")


def new_activation_token() -> str:
    return secrets.token_urlsafe(ACTIVATION_TOKEN_BYTES)


def token_digest(token: str) -> str:
    """What the database keeps of a token: its SHA-256, so a copy of the file cannot activate anything."""
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()
