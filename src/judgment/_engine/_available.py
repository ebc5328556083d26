"""Whether durable_rules can be imported here: it is an optional engine, not a promise.

durable_rules 2.0.28 is installed only on Python before 3.13 (an environment marker), and its C
extension does not import on 3.13 (it calls the removed ``PyEval_CallObject``). Where it does not
import, the compiled engine is the engine of record. ``JUDGMENT_ENGINE=compiled`` in the
environment makes it so where durable_rules does import too (to do what 3.13 does, or to judge
without it); every judgment then says durable_rules was unavailable. The answer is found once per
process.
"""

from __future__ import annotations

import os
import sys
from functools import cache

#: The environment variable, and the one value it takes.
SWITCH, COMPILED = "JUDGMENT_ENGINE", "compiled"


@cache
def durable_missing() -> str | None:
    """None where durable_rules is the engine of record; else why not, in a sentence."""
    chosen = os.environ.get(SWITCH, "")
    if chosen == COMPILED:
        return f"durable_rules is turned off ({SWITCH}={COMPILED})"
    try:
        from judgment._durable import _native  # noqa: F401  (the fence: the one importer of the C extension)
    except ImportError as error:  # not installed, or installed but not loadable (an undefined symbol)
        python = ".".join(map(str, sys.version_info[:3]))
        why = "is not installed" if isinstance(error, ModuleNotFoundError) else "does not import"
        return f"durable_rules {why} on this Python ({python})"
    return None
