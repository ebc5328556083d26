"""z3 is an optional extra (``judgment[prove]``): imported when first used, never at import time.

The rest of judgment must import and run without it; only proving needs it, and then a missing
solver is one clear message, not an ImportError from deep inside a translation.
"""

from __future__ import annotations

import importlib
from typing import Any

INSTALL = "proving a rulebook needs the z3 solver: pip install 'judgment[prove]' (PyPI z3-solver)"


class ProveUnavailable(RuntimeError):
    """z3 is not installed: the extra judgment[prove] is missing."""


def z3() -> Any:
    """The z3 module, or ProveUnavailable with how to install it."""
    try:
        return importlib.import_module("z3")
    except ImportError as error:
        raise ProveUnavailable(INSTALL) from error
