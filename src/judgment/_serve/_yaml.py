"""The edited bundle as YAML that `judgment check` and `judgment run` accept."""

from __future__ import annotations

import yaml

from judgment._bundle import Bundle


def bundle_yaml(bundle: Bundle) -> str:
    header = ("# Evidence bundle edited in the judgment workbench (judgment serve).\n"
              "# Quotes and provenance are the original bundle's; the changed values are the workbench's.\n")
    return header + yaml.safe_dump(bundle.to_data(), sort_keys=False, allow_unicode=True, width=100)
