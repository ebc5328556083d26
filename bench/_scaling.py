"""Generated rulebooks and bundles of a chosen size, for measuring how cost grows.

A rulebook of N finding rules is the shipped rulebook's 97 rules copied as often
as needed (copy k of rule r is ``r__k``, and its ``finding(...)`` tests name copy
k too), so every rule is a real one; the grading, the questions and the framework
are the shipped ones. A bundle of M records is a generated bundle cut to M records
or padded with renamed copies of its own records.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

import judgment
from bench._common import SHIPPED_RULES

_FINDING_CALL = re.compile(r"finding\((\w+)\)")


def scaled_rulebook(rules: int, into: Path | None = None) -> judgment.Rulebook:
    yaml = YAML(typ="safe")
    shipped: list[dict[str, Any]] = []
    for path in sorted((SHIPPED_RULES / "findings").glob("*.yaml")):
        shipped += yaml.load(path.read_text(encoding="utf-8"))["findings"]
    # Rules that other rules depend on come first, so a cut never leaves a dangling finding(...).
    named = {m for rule in shipped for m in _FINDING_CALL.findall(rule["when"])}
    shipped.sort(key=lambda rule: rule["id"] not in named)
    made = []
    for index in range(rules):
        rule, copy = dict(shipped[index % len(shipped)]), index // len(shipped)
        rule["id"] = f"{rule['id']}__{copy}"
        rule["when"] = _FINDING_CALL.sub(lambda m, c=copy: f"finding({m.group(1)}__{c})", rule["when"])
        made.append(rule)
    folder = Path(tempfile.mkdtemp(prefix=f"judgment-bench-{rules}-")) if into is None else into
    for name in ("rulebook.yaml", "grading.yaml"):
        shutil.copy(SHIPPED_RULES / name, folder / name)
    (folder / "findings").mkdir(exist_ok=True)
    for start in range(0, len(made), 250):  # several files, as a large rulebook would be kept
        with (folder / "findings" / f"generated-{start // 250:02d}.yaml").open("w", encoding="utf-8") as stream:
            yaml.dump({"findings": made[start:start + 250]}, stream)
    return judgment.load_rulebook(folder)


def resized(bundle: judgment.Bundle, records: int) -> judgment.Bundle:
    """The bundle with exactly `records` records: its first ones, or its own copied under new ids."""
    have = list(bundle.records)
    if len(have) >= records:
        return bundle.replace_records(have[:records])
    extra = [have[i % len(have)].model_copy(update={"id": f"{have[i % len(have)].id}-copy{i}"})
             for i in range(records - len(have))]
    return bundle.replace_records(have + extra)
