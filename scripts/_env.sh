# Shared by scripts/judge and scripts/test: make a virtual environment and install the project
# into it, again whenever pyproject.toml changes.
#
#   .venv        Python 3.11 or 3.12, with durable_rules: the engine of record, cross-checked
#   .venv-3.13   JUDGMENT_PYTHON=3.13: durable_rules does not import there, so the compiled
#                engine is the engine of record (and every output says so)
#
# The interpreter comes from PATH, then pyenv's versions, then Debian's packages (apt-get).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

want="${JUDGMENT_PYTHON:-}"
VENV=".venv${want:+-$want}"

fits() {  # the candidate runs, and is the version wanted (3.11 or 3.12 by default)
  "$1" -c "import sys; v = '%d.%d' % sys.version_info[:2]; sys.exit(not (v == '$want' if '$want' else v in ('3.11', '3.12')))" 2>/dev/null
}

pick_python() {
  local names=(python3.12 python3.11 python3)
  [ -n "$want" ] && names=("python$want")
  local root; root=$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")
  for candidate in ${PYTHON:-} "${names[@]}" "$root"/versions/${want:-3.1[12]}*/bin/python; do
    if command -v "$candidate" >/dev/null 2>&1 && fits "$candidate"; then
      echo "$candidate"; return 0
    fi
  done
  if [ -n "$want" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 &&
     { apt-get install -y -qq "python$want" "python$want-venv" >/tmp/judgment-apt-python.log 2>&1; } &&
     fits "python$want"; then
    echo "python$want"; return 0
  fi
  echo "judgment's tests need Python ${want:-3.11 or 3.12} (none found on PATH, in pyenv or from apt-get)" >&2
  return 1
}

stamp="$VENV/.installed-$(sha256sum pyproject.toml | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  python=$(pick_python)
  [ -x "$VENV/bin/python" ] || "$python" -m venv "$VENV"
  echo "installing judgment into $VENV (log: $VENV/install.log) ..." >&2
  if ! "$VENV/bin/python" -m pip install --disable-pip-version-check -e '.[test,serve,dask,prove]' > "$VENV/install.log" 2>&1; then
    cat "$VENV/install.log" >&2
    exit 2
  fi
  rm -f "$VENV"/.installed-*
  touch "$stamp"
fi
