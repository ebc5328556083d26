"""z3 is an optional extra: without it judgment._prove still imports, and says how to install it when used."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from judgment._lang._parser import parse_expression


def test_importing_the_room_does_not_import_z3() -> None:
    code = "import sys, judgment._prove; print('z3' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_without_z3_translating_says_to_install_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    from judgment._prove import ProveUnavailable, translate_condition
    from judgment._rulebook._loader import load_rulebook

    vocabulary = load_rulebook(Path(__file__).parent.parent / "rules" / "hmic-crime-2014").vocabulary
    monkeypatch.setitem(sys.modules, "z3", None)  # as if z3-solver were not installed
    with pytest.raises(ProveUnavailable, match=r"pip install 'judgment\[prove\]'"):
        translate_condition(parse_expression("1 > 0"), (), vocabulary)
