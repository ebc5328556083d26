"""The JSON Schema of a bundle, for editors and other tools."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any, Union

from pydantic import ConfigDict, Field, create_model

from judgment._bundle._model import Inspection
from judgment._io._versions import CURRENT_BUNDLE_FORMAT
from judgment.evidence import Record, Vocabulary


def bundle_json_schema(vocabulary: Vocabulary) -> dict[str, Any]:
    """The JSON Schema of a bundle whose records come from `vocabulary`."""
    models: Sequence[type[Record]] = [vocabulary.models[k] for k in vocabulary.kinds]
    record_union = Annotated[Union[tuple(models)], Field(discriminator="kind")]  # type: ignore[valid-type]
    schema_model = create_model(
        "Bundle",
        __config__=ConfigDict(extra="forbid"),
        format=(str, Field(default=CURRENT_BUNDLE_FORMAT, json_schema_extra={"const": CURRENT_BUNDLE_FORMAT},
                           description="the bundle format; absent means judgment.bundle/1")),
        vocabulary=(str, Field(json_schema_extra={"const": vocabulary.id})),
        inspection=(Inspection, ...),
        records=(list[record_union], Field(default_factory=list)),  # type: ignore[valid-type]
    )
    return schema_model.model_json_schema()
