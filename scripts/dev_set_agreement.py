"""Print the development set's agreement: each force's produced grades beside its published ones.

Issue 16, point 1: the bundles in rules/hmic-crime-2014/tests/forces/ and their published
2014 PEEL grades (published.yaml) are not yet the rulebook's test cases (the rulebook disagrees
with many, and a failing case would break the suite). This prints the figure to improve on:
forces matched on all three questions, and question grades matched.

    .venv/bin/python scripts/dev_set_agreement.py [RULES_DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

import judgment

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "rules" / "hmic-crime-2014"
SHORT = {"outstanding": "O", "good": "G", "adequate": "A", "requires_improvement": "RI", "inadequate": "I"}


def published(rules: Path) -> list[dict[str, Any]]:
    """The development forces, as listed beside their bundles."""
    with open(rules / "tests" / "forces" / "published.yaml", encoding="utf-8") as handle:
        forces: list[dict[str, Any]] = yaml.safe_load(handle)["forces"]
    return forces


def short(grade: str | None) -> str:
    """A grade as the table shows it: O, G, RI, I; '-' for a question left ungraded."""
    return "-" if grade is None else SHORT.get(grade, grade)


def rows(rules: Path) -> list[tuple[str, list[str], list[str | None]]]:
    """(force, published grades, produced grades) for each force, in the rulebook's question order."""
    rulebook = judgment.load_rulebook(rules)
    questions = list(published(rules)[0]["grades"])
    result = []
    for force in published(rules):
        bundle = judgment.load_bundle(rules / "tests" / "forces" / force["bundle"])
        produced = judgment.judge(rulebook, bundle).grades
        result.append((force["force"], [force["grades"][q] for q in questions],
                       [produced.get(q) for q in questions]))
    return result


def main(argv: list[str]) -> int:
    rules = Path(argv[1]) if len(argv) > 1 else RULES
    table = rows(rules)
    print(f"{'force':34} {'published':14} {'produced':14} match")
    forces_matched = questions_matched = questions = 0
    for force, want, got in table:
        hits = [w == g for w, g in zip(want, got)]
        forces_matched += all(hits)
        questions_matched += sum(hits)
        questions += len(hits)
        print(f"{force:34} {'/'.join(map(short, want)):14} {'/'.join(map(short, got)):14} "
              f"{sum(hits)}/{len(hits)}{'' if all(hits) else '  <- differs'}")
    print(f"forces matched on all questions: {forces_matched}/{len(table)}; "
          f"question grades matched: {questions_matched}/{questions}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
