"""Where the user's project and its references live, and which policy is the default.

The project is the folder holding ``references/``: ``KB_PROJECT`` when set,
else the working directory or the nearest folder above it that has one (as
git finds its repository), else the working directory. It is never where the
package is installed: an installed ``kb`` works on the user's files.
"""
from __future__ import annotations

import os
from pathlib import Path

from .errors import KbError

POLICY_FILE = "policy.md"
REFERENCES = "references"


def project_root(start: Path | None = None) -> Path:
    """The user's project: ``KB_PROJECT``, or the nearest folder from ``start`` (the cwd) up with a references/."""
    named = os.environ.get("KB_PROJECT")
    if named:
        return Path(named).resolve()
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / REFERENCES).is_dir():
            return folder
    return here


def references_dir(root: Path | None = None) -> Path:
    """``KB_REFERENCES``, else the references/ of ``root`` (default: the project found from the cwd)."""
    named = os.environ.get("KB_REFERENCES")
    return Path(named) if named else (root or project_root()) / REFERENCES


def policy_dirs(base: Path | None = None) -> list[Path]:
    """Every policy folder: a folder under references/ holding a policy.md."""
    base = base or references_dir()
    if not base.is_dir():
        return []
    return sorted(p for p in base.iterdir() if (p / POLICY_FILE).is_file())


def default_policy(root: Path | None = None) -> Path:
    """The bundled policy: the only folder, or the one named in references/DEFAULT."""
    base = references_dir(root)
    named = base / "DEFAULT"
    if named.is_file():
        choice = base / named.read_text(encoding="utf-8").strip() / POLICY_FILE
        if choice.is_file():
            return choice
        raise KbError(f"names a policy folder that has no {POLICY_FILE}", str(named), 1)
    dirs = policy_dirs(base)
    if len(dirs) == 1:
        return dirs[0] / POLICY_FILE
    if not dirs:
        raise KbError(f"no policy folder with a {POLICY_FILE} was found", str(base))
    raise KbError("several policies are bundled; name one, or write its folder name in DEFAULT", str(base))


def _display(path: Path) -> Path:
    """Relative to the working directory when inside it: findings read 'references/x/policy.md:12'."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return path


def resolve_policy(arg: str | None, root: Path | None = None) -> Path:
    """A policy argument: a file, a policy folder, a folder name under references/, or None for the default.
    Relative paths are read from the cwd; ``root`` is the project whose references/ holds the named folders."""
    if arg is None:
        return _display(default_policy(root))
    if not arg.strip():  # 'kb check "$POLICY"' with POLICY unset must not quietly check the bundled policy
        raise KbError("an empty policy path was given")
    path = Path(arg)
    if path.is_dir() and (path / POLICY_FILE).is_file():
        return path / POLICY_FILE
    if not path.exists() and (references_dir(root) / arg / POLICY_FILE).is_file():
        return _display(references_dir(root) / arg / POLICY_FILE)
    return path


def policy_name(path: Path | str) -> str:
    """A policy's short name: its folder ('regence-surgery-107'), or its file name when it has no folder of its own."""
    path = Path(path)
    return path.parent.name if path.name == POLICY_FILE and path.parent.name else path.name


PREVIOUS = "previous"  # a policy folder's earlier version lives in <folder>/previous/policy.md


def previous_version(policy: Path | str) -> Path | None:
    """The earlier version kept beside a policy for the annual review, if there is one."""
    candidate = Path(policy).parent / PREVIOUS / POLICY_FILE
    return candidate if Path(policy).name == POLICY_FILE and candidate.is_file() else None
