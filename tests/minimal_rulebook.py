"""The smallest rulebook.yaml a test rulebook needs: one question, two grades, one polarity. Tests that
probe a rule or two write their findings beside it."""

from __future__ import annotations

TEMPLATE = """\
rulebook: {{id: {id}, title: Probe, version: 1.0.0, valid_from: 2000-01-01, vocabulary: {vocabulary},
           framework: {{title: t, citation: c}}}}
scale: [{{id: good, label: Good}}, {{id: inadequate, label: Inadequate}}]
polarities: [{{id: plus, label: Plus, sense: positive}}]
questions: [{{id: q, title: Q}}]
overall: {{title: O, method: worst}}
"""


def minimal_rulebook_yaml(rulebook_id: str, vocabulary: str = "hmic-crime") -> str:
    """rulebook.yaml for a probe rulebook named `rulebook_id` over `vocabulary`."""
    return TEMPLATE.format(id=rulebook_id, vocabulary=vocabulary)
