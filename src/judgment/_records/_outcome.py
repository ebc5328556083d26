"""What `verify` found, and the one exit code it ends with.

Every check that fails is reported; the exit code is that of the first in _ORDER. The
order goes from what undermines everything else to what is merely different: a record
that is not one, or whose seal is broken (3), says nothing reliable; a bad signature (7)
means it may not be what its maker made; then the causes a replay can name, a changed
rulebook (4) or changed evidence (5); then a record that could not be replayed at all (6),
which is never "identical"; last, a replay that differs (1).
"""

from __future__ import annotations

from dataclasses import dataclass, field

IDENTICAL, OUTCOME_DIFFERS, SEAL_BROKEN, RULEBOOK_CHANGED, EVIDENCE_CHANGED = 0, 1, 3, 4, 5
COULD_NOT_REPLAY, SIGNATURE_INVALID = 6, 7
_ORDER = (SEAL_BROKEN, SIGNATURE_INVALID, RULEBOOK_CHANGED, EVIDENCE_CHANGED, COULD_NOT_REPLAY, OUTCOME_DIFFERS)
TITLES = {SEAL_BROKEN: "record tampered with", SIGNATURE_INVALID: "signature not valid",
          RULEBOOK_CHANGED: "rulebook changed", EVIDENCE_CHANGED: "evidence changed",
          COULD_NOT_REPLAY: "could not replay", OUTCOME_DIFFERS: "outcome differs"}
MAX_LINES = 40  # per outcome: a changed rulebook can change hundreds of values in the trace


@dataclass
class Verification:
    """What replaying a decision record found: one list of (title, line) per outcome found, and
    notes that change no exit code. ``exit_code`` is 0 only when the record is intact and replays
    to the very same record; ``render()`` is what `judgment verify` prints."""

    findings: dict[int, list[tuple[str, str]]] = field(default_factory=dict, metadata={
        "description": "for each outcome found (by its exit code: 3 seal broken or not a record, 7 signature "
                       "not valid, 4 rulebook changed, 5 evidence changed, 6 could not replay, 1 outcome "
                       "differs), the (title, line) pairs that say what"})
    notes: list[str] = field(default_factory=list, metadata={
        "description": "what was found that changes no exit code, e.g. that a signature was not checked"})

    def add(self, code: int, line: str, title: str | None = None) -> None:
        """Record one thing found, under its outcome's exit code (the verifier's own use)."""
        self.findings.setdefault(code, []).append((title or TITLES[code], line))

    def note(self, line: str) -> None:
        """Record a note that changes no exit code (the verifier's own use)."""
        self.notes.append(line)

    @property
    def exit_code(self) -> int:
        """The exit code of the first outcome found, in the order 3, 7, 4, 5, 6, 1; 0 when identical."""
        return next((code for code in _ORDER if code in self.findings), IDENTICAL)

    @property
    def identical(self) -> bool:
        """True when the record is intact and replays to the same record in every field but its
        timestamp, seal and signature."""
        return self.exit_code == IDENTICAL

    def render(self) -> str:
        """Text for a terminal: each outcome's title once, its lines after it; nothing from the record raw."""
        from judgment._records._diff import safe  # here: its canonical JSON costs `import judgment` 5 ms

        if not self.findings:
            lines = ["identical: the record is intact and replays to the same outcome"]
        else:
            lines = []
            for code in _ORDER:
                entries = self.findings.get(code, [])
                title = None
                for entry_title, line in entries[:MAX_LINES]:
                    lines.append(f"{entry_title}: {line}" if entry_title != title else f"  {line}")
                    title = entry_title
                if len(entries) > MAX_LINES:
                    lines.append(f"  ... and {len(entries) - MAX_LINES} more")
        return "".join(safe(line) + "\n" for line in lines + self.notes)
