"""The bundle a workbench starts from when none is given: no records, an unnamed inspection.

It is dated at the start of the rulebook's validity (its period that day alone), so it fits the
rulebook, and its organisation says it is not named: records are added in the page (the add form)
and the edited bundle downloaded, where the inspection can be named before it is used.
"""

from __future__ import annotations

from judgment._bundle import Bundle, Inspection
from judgment._rulebook._model import Rulebook

#: The organisation of a bundle started empty: a placeholder, shown as such on the page.
UNNAMED = "(organisation not named: started empty in the workbench)"


def empty_bundle(rulebook: Rulebook) -> Bundle:
    """A bundle with no records for `rulebook`, dated on the first day of its validity."""
    day = rulebook.valid_from
    inspection = Inspection.model_validate({"organisation": UNNAMED, "framework": rulebook.id,
                                            "period": {"start": day, "end": day}, "date": day})
    return Bundle(vocabulary=rulebook.vocabulary.id, inspection=inspection)
