"""Whether a difference between records A and B comes from changed evidence, changed rules, or both.

Between A (evidence a, rules a) and B (evidence b, rules b) stands C: evidence a judged by rules b.
A difference that A and C already show is due to the rules; one that only C and B show is due to
the evidence; one that both steps show (a grade that moved one way with the rules and again with
the evidence) is due to both. C is known without judging when only one input changed (it is A when
the rules are the same, B when the evidence is); when both changed it is judged (see _rejudge). When
it could not be, the hashes alone say "both". When neither hash changed, a difference comes from
neither (another version of judgment, another option)."""

from __future__ import annotations

from typing import Literal

Cause = Literal["evidence", "rules", "both", "neither"]
#: How the causes were told apart: nothing changed, one hash changed, re-judged, or both hashes changed
#: and the re-judging could not be done.
Method = Literal["unchanged", "hashes", "rejudged", "hashes_only"]
_ABSENT = object()


def cause_of(a: object, c: object, b: object, method: Method) -> Cause:
    """The cause of a difference between `a` and `b` (values of one grade, or a finding's presence),
    given `c`, the value under A's evidence and B's rules (ignored unless `method` is rejudged)."""
    if method == "unchanged":
        return "neither"
    if method == "hashes_only":
        return "both"
    by_rules, by_evidence = a != c, c != b
    if by_rules and by_evidence:
        return "both"
    if by_rules:
        return "rules"
    return "evidence" if by_evidence else "neither"
