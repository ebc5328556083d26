"""Bundles: an inspection plus its evidence records, loaded from YAML or JSON.

- ``_model``: the :class:`Bundle`, its :class:`Inspection` and :class:`Period`;
- ``_load``: :func:`load_bundle`, by the typed path for JSON (``_typed``) or the located reader
  (``_located``: every problem reported where it is written);
- ``_schema``: the JSON Schema of a bundle of a vocabulary.
"""

from judgment._bundle._located import bundle_from_data
from judgment._bundle._load import load_bundle
from judgment._bundle._model import MAX_RECORDS, Bundle, Inspection, Period
from judgment._bundle._schema import bundle_json_schema
from judgment._bundle._typed import typed_json_bundle

__all__ = ["MAX_RECORDS", "Bundle", "Inspection", "Period", "bundle_from_data", "bundle_json_schema",
           "load_bundle", "typed_json_bundle"]
