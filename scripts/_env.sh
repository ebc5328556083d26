# Shared by scripts/judge and scripts/test: make .venv with a supported Python
# (3.11 or 3.12; durable_rules does not import on 3.13) and install the project
# into it, again whenever pyproject.toml changes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

pick_python() {
  for candidate in ${PYTHON:-} python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(not ((3, 11) <= sys.version_info[:2] < (3, 13)))' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  echo "judgment needs Python 3.11 or 3.12 (durable_rules does not import on 3.13)" >&2
  return 1
}

stamp=".venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  python=$(pick_python)
  [ -x .venv/bin/python ] || "$python" -m venv .venv
  echo "installing judgment into .venv (log: .venv/install.log) ..." >&2
  if ! .venv/bin/python -m pip install --disable-pip-version-check -e '.[test,serve,dask,prove]' > .venv/install.log 2>&1; then
    cat .venv/install.log >&2
    exit 2
  fi
  rm -f .venv/.installed-*
  touch "$stamp"
fi
