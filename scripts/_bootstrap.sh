# Sourced by scripts/review and scripts/test: a ready virtual environment, on a fresh machine too.
# Re-installs only when pyproject.toml or constraints.txt changed since the last install.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

pick_python() {
  for candidate in python3.11 python3.12 python3.13 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  return 1
}

if [ ! -x .venv/bin/python ]; then
  PY="$(pick_python)" || { echo "policykb needs Python 3.11 or newer on PATH" >&2; exit 2; }
  echo "creating .venv with $PY" >&2
  "$PY" -m venv .venv || { echo "could not create .venv (on Debian: apt-get install python3-venv)" >&2; exit 2; }
fi

stamp=.venv/.policykb-installed
want="$(cat pyproject.toml constraints.txt | sha256sum | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "installing policykb and its pinned dependencies into .venv" >&2
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]' >&2
  echo "$want" > "$stamp"
fi

export PATH="$ROOT/.venv/bin:$PATH"
export MPLBACKEND=Agg NO_MKDOCS_2_WARNING=1 DISABLE_MKDOCS_2_WARNING=true PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
