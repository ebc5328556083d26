"""Ed25519 signatures of decision records: who made a record, and that nobody without the key changed it.

The seal is an unkeyed hash: anyone who edits a record can compute a new one. A signature
can only be made with the private key. What is signed is the canonical JSON (RFC 8785) of
the record with its seal and without its `signature` block, which holds the algorithm,
the key id (SHA-256 of the 32 raw bytes of the public key, in hex) and the signature in
base64. Keys are PEM files: PKCS#8 for the private key, SubjectPublicKeyInfo for the
public one, so that other tools (openssl) read them too.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from judgment._diagnostics import Code, Diagnostic, Location, excerpt
from judgment._errors import InputFileError
from judgment._io._read import named
from judgment._records._read import read_bounded
from judgment._records._record import canonical

ALGORITHM = "ed25519"
MAX_KEY_BYTES = 16 * 1024


def key_id(public_key: Ed25519PublicKey) -> str:
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()


def signed_bytes(record: dict[str, Any]) -> bytes:
    return canonical({k: v for k, v in record.items() if k != "signature"})


def sign_record(record: dict[str, Any], private_key: Ed25519PrivateKey) -> dict[str, Any]:
    """The sealed record with its signature block added (the seal does not cover the signature)."""
    signature = private_key.sign(signed_bytes(record))
    return {**record, "signature": {"algorithm": ALGORITHM, "key_id": key_id(private_key.public_key()),
                                    "value": base64.b64encode(signature).decode("ascii")}}


def signature_problem(record: dict[str, Any], public_key: Ed25519PublicKey) -> str | None:
    """Why the record's signature does not show that the holder of `public_key` made it; None if it does."""
    block = record.get("signature")
    if not isinstance(block, dict):
        return "the record is not signed"
    if block.get("key_id") != key_id(public_key):
        return f"signed by another key ({excerpt(block.get('key_id'), 16)}), not {key_id(public_key)[:16]}..."
    try:
        public_key.verify(base64.b64decode(str(block.get("value")), validate=True), signed_bytes(record))
    except (InvalidSignature, binascii.Error, ValueError):
        return "the signature does not match the record: it was changed after it was signed"
    return None


def write_key_pair(private_path: Path, public_path: Path) -> str:
    """A new key pair in two new files (the private one readable by its owner only); the key id."""
    for path in (private_path, public_path):
        if path.exists() or path.is_symlink():
            raise _key_error(path, "already exists; keygen does not overwrite a key")
    key = Ed25519PrivateKey.generate()
    private_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption())
    public_pem = key.public_key().public_bytes(serialization.Encoding.PEM,
                                               serialization.PublicFormat.SubjectPublicKeyInfo)
    _create(private_path, private_pem, 0o600)
    try:
        _create(public_path, public_pem, 0o644)
    except InputFileError:
        private_path.unlink()
        raise
    return key_id(key.public_key())


def load_private_key(path: Path) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(_read_key(path), password=None)
    except (ValueError, TypeError):
        key = None
    if not isinstance(key, Ed25519PrivateKey):
        raise _key_error(path, "is not an Ed25519 private key in PEM (make one with `judgment keygen`)")
    return key


def load_public_key(path: Path) -> Ed25519PublicKey:
    try:
        key = serialization.load_pem_public_key(_read_key(path))
    except (ValueError, TypeError):
        key = None
    if not isinstance(key, Ed25519PublicKey):
        raise _key_error(path, "is not an Ed25519 public key in PEM (the .pub file `judgment keygen` wrote)")
    return key


def _read_key(path: Path) -> bytes:
    try:
        return read_bounded(path, MAX_KEY_BYTES)
    except OSError as exc:
        raise _key_error(path, f"cannot be read: {exc.strerror}", "FILE_NOT_FOUND") from None
    except ValueError as error:
        raise _key_error(path, f"is {error}") from None


def _create(path: Path, data: bytes, mode: int) -> None:
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    except OSError as exc:
        raise _key_error(path, f"cannot be created: {exc.strerror}", "FILE_NOT_FOUND") from None
    with os.fdopen(handle, "wb") as stream:
        stream.write(data)
    os.chmod(path, mode)  # the umask may have taken bits away from the public key


def _key_error(path: Path, message: str, code: Code = "BAD_VALUE") -> InputFileError:
    """Key files are inputs the command line names: a problem with one is an I/O or usage error (exit 2)."""
    return InputFileError([Diagnostic(code, f"key file {named(str(path))} {message}", Location(str(path)))])
