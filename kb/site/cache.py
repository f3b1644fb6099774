"""Keys for a library's cached policy sites: a hash of everything a policy's pages are made from.

A policy's built site is reused while its key is unchanged. The key covers
the policy folder (the text and every curated table, waiver, record and
earlier version in it), the tool (``kb.__version__``, every file of the kb
package, and the versions of MkDocs and the packages that render the pages),
the site configuration (mkdocs.yml and every hand-written file in its docs
folder), the path the pages show for the policy, and a ``SOURCE_DATE_EPOCH``
the user set. Anything else changing a page would be a bug here: the
library's test compares an incremental build with a clean one byte for byte.
"""
from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from kb.paths import POLICY_FILE

KB_PACKAGE = Path(__file__).resolve().parent.parent
# Packages whose version changes what a page looks like.
RENDERERS = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "matplotlib", "jinja2")


def _hash_files(digest, base: Path, files) -> None:
    for path in sorted(files):
        digest.update(path.relative_to(base).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())


def _tree(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts]


@functools.lru_cache(maxsize=1)
def tool_fingerprint() -> str:
    """The kb package as installed (its version and every source and data file) and the renderers' versions."""
    from importlib.metadata import PackageNotFoundError, version

    import kb

    digest = hashlib.sha256(f"kb {kb.__version__}\0".encode())
    for name in RENDERERS:
        try:
            digest.update(f"{name} {version(name)}\0".encode())
        except PackageNotFoundError:
            digest.update(f"{name} -\0".encode())
    _hash_files(digest, KB_PACKAGE, [p for p in _tree(KB_PACKAGE) if p.suffix != ".pyc"])
    return digest.hexdigest()


def config_fingerprint(config: Path, docs: Path) -> str:
    """The MkDocs configuration and the hand-written pages (and stylesheets, images) of its docs folder."""
    digest = hashlib.sha256(config.read_bytes())
    if docs.is_dir():
        _hash_files(digest, docs, _tree(docs))
    return digest.hexdigest()


def policy_files(policy: Path) -> list[Path]:
    """What a policy is read from: its whole folder, or for a file of another name, it and its folder's files."""
    folder = policy.parent
    if policy.name == POLICY_FILE:
        return _tree(folder)
    return [p for p in folder.iterdir() if p.is_file()]


def policy_key(policy: Path, shown_as: str, tool: str, config: str, epoch: str | None) -> str:
    """The key of one policy's site; ``shown_as`` is the path its pages print."""
    digest = hashlib.sha256(f"{tool}\0{config}\0{shown_as}\0{epoch or ''}\0".encode())
    _hash_files(digest, policy.parent, policy_files(policy))
    return digest.hexdigest()[:32]
