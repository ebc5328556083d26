"""`python -m judgment._apidoc [--check] [PATH]`: write (or check) the API reference page."""

from __future__ import annotations

import sys
from pathlib import Path

from judgment._apidoc import render_page, undocumented

DEFAULT = Path("docs/reference/api.md")


def main(argv: list[str]) -> int:
    check = "--check" in argv
    paths = [a for a in argv if a != "--check"]
    path = Path(paths[0]) if paths else DEFAULT
    missing = undocumented()
    if missing:
        print("undocumented: " + ", ".join(missing), file=sys.stderr)
        return 1
    page = render_page()
    if check:
        current = path.read_text(encoding="utf-8") if path.is_file() else ""
        if current != page:
            print(f"{path} is stale: run python -m judgment._apidoc", file=sys.stderr)
            return 1
        return 0
    path.write_text(page, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
