"""Decision records from Python: what `judgment run --record [--sign]` writes, and what
`judgment verify` checks, without the command line and without private modules."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from judgment._bundle import Bundle
from judgment._judgment import Judgment
from judgment._records._outcome import Verification
from judgment._rulebook._library import RulebookChoice
from judgment._rulebook._model import Rulebook

if TYPE_CHECKING:  # cryptography is imported when a record is signed or checked, not with judgment
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

KeyFile = str | os.PathLike[str]


def decision_record(result: Judgment, rulebook: Rulebook | RulebookChoice, bundle: Bundle, *, any_date: bool = False,
                    private_key: Ed25519PrivateKey | KeyFile | None = None) -> str:
    """The sealed decision record of `result`, as `judgment run --record` writes it: canonical
    JSON text (sorted keys, UTF-8, a newline at the end), signed with `private_key` (a key, or
    the path of a key file from `judgment keygen`) when given.

    `rulebook` may be the choice a library made (``library.choose(bundle)``): the record then
    names the library, the version chosen and why, as `judgment run --rules LIBRARY` does.
    `result` must be the judgment of `bundle` by `rulebook` (judged with the same `any_date`):
    the record embeds all three, and `verify_record` replays them. A result from another
    rulebook or of another inspection is a ``ValueError``; a value of the wrong type a ``TypeError``."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from judgment._records._record import build_record, render_record
    from judgment._records._sign import load_private_key, sign_record

    choice = rulebook if isinstance(rulebook, RulebookChoice) else None
    rulebook = rulebook.rulebook if isinstance(rulebook, RulebookChoice) else rulebook
    _check_types(result, rulebook, bundle)
    if result.rulebook.sha256 != rulebook.sha256 or result.rulebook.id != rulebook.id:
        raise ValueError(f"the result was judged by rulebook {result.rulebook.id!r} ({result.rulebook.sha256[:12]}), "
                         f"not by the one given ({rulebook.id!r}, {rulebook.sha256[:12]})")
    if result.model_dump(mode="json", include={"inspection"})["inspection"] != bundle.inspection.model_dump(mode="json"):
        raise ValueError("the result is the judgment of another inspection than the bundle's")
    key = private_key
    if key is not None and not isinstance(key, Ed25519PrivateKey):
        if not isinstance(key, str | os.PathLike):
            raise TypeError(f"private_key is an Ed25519PrivateKey or a key file's path, not {type(key).__name__}")
        key = load_private_key(Path(key))
    made = build_record(result, rulebook, bundle, any_date=any_date, choice=choice)
    return render_record(sign_record(made, key) if key is not None else made)


def verify_record(record: KeyFile, *, rules: KeyFile | None = None, bundle: KeyFile | None = None,
                  public_key: Ed25519PublicKey | KeyFile | None = None) -> Verification:
    """Replay the decision record in the file `record`, as `judgment verify` does: its seal, its
    signature (when `public_key` is given: a key, or a public key file's path), its rulebook (the
    folder it names, or `rules`) and its evidence (embedded, or `bundle`). The result says what
    was found; ``exit_code`` is the command's exit code, 0 when the record replays identically."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    from judgment._records._sign import load_public_key
    from judgment._records._verify import verify

    for name, value in (("record", record), ("rules", rules), ("bundle", bundle)):
        if value is not None and not isinstance(value, str | os.PathLike):
            raise TypeError(f"{name} is a file's path, not {type(value).__name__}")
    key = public_key
    if key is not None and not isinstance(key, Ed25519PublicKey):
        if not isinstance(key, str | os.PathLike):
            raise TypeError(f"public_key is an Ed25519PublicKey or a key file's path, not {type(key).__name__}")
        key = load_public_key(Path(key))
    return verify(Path(record), Path(rules) if rules is not None else None,
                  Path(bundle) if bundle is not None else None, key)


def _check_types(result: object, rulebook: object, bundle: object) -> None:
    for name, value, kind in (("result", result, Judgment), ("rulebook", rulebook, Rulebook),
                              ("bundle", bundle, Bundle)):
        if not isinstance(value, kind):
            raise TypeError(f"{name} is a {kind.__name__}, not {type(value).__name__}")
