"""The reference page of the Python result objects, written from their own docstrings and field
descriptions, so that the page and the code cannot drift apart (tests/test_api_reference.py).

`python -m judgment._apidoc` rewrites docs/reference/api.md; `--check` says whether it is stale.
The generator knows no class by heart beyond the list it is given: a field added to a model
needs only its description to appear on the page (and a test fails until it has one).
"""

from judgment._apidoc._page import classes, render_page, undocumented

__all__ = ["classes", "render_page", "undocumented"]
