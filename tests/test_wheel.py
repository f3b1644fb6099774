"""The installed package, not the checkout: build a wheel, install it into a fresh venv outside the checkout,
and run kb and a plain ``mkdocs build`` on a copy of the bundled policy in a project folder of the user's.

Offline and quick: the wheel is built without build isolation, and the fresh venv sees this environment's
third-party packages through a folder of links (everything but policykb itself), so pip installs the wheel
with ``--no-index`` and still checks its declared dependencies.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # about two minutes (two site builds), kept in the default run

ROOT = Path(__file__).resolve().parent.parent
POLICY = "regence-surgery-107"


def _run(cmd, cwd, env, ok=(0,)):
    proc = subprocess.run([str(c) for c in cmd], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode in ok, f"{cmd} -> {proc.returncode}\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    return proc


def _clean_env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KB_", "PYTHON", "PIP_", "VIRTUAL_ENV"))}
    return dict(env, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true", MPLBACKEND="Agg", **extra)


def _dependencies_without_policykb(folder: Path) -> Path:
    """A folder linking every installed distribution here except policykb (the checkout's editable install)."""
    folder.mkdir()
    for lib in dict.fromkeys([sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]]):
        for entry in Path(lib).iterdir():
            name = entry.name.lower()
            if name.startswith(("policykb", "__editable__", "kb", "_policykb")) or name.endswith(".pth"):
                continue
            if not (folder / entry.name).exists():
                (folder / entry.name).symlink_to(entry)
    return folder


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("wheel")
    src = tmp / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    shutil.copytree(ROOT / "kb", src / "kb", ignore=shutil.ignore_patterns("__pycache__"))
    env = _clean_env()
    _run([sys.executable, "-m", "pip", "--isolated", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
          "-q", "-w", tmp / "dist", src], tmp, env)
    wheel = next((tmp / "dist").glob("policykb-*.whl"))
    venv = tmp / "env"
    _run([sys.executable, "-m", "venv", "--without-pip", venv], tmp, env)
    target = venv / "bin" / "python"
    purelib = _run([target, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], tmp, env)
    deps = _dependencies_without_policykb(tmp / "deps")
    Path(purelib.stdout.strip(), "deps.pth").write_text(f"{deps}\n")
    _run([sys.executable, "-m", "pip", "--isolated", "--python", target, "install", "--no-index", "-q", wheel],
         tmp, env)
    project = tmp / "project"
    shutil.copytree(ROOT / "references" / POLICY, project / "references" / POLICY,
                    ignore=shutil.ignore_patterns("previous"))
    return venv / "bin", project, env


def test_the_installed_kb_is_the_wheel_not_the_checkout(installed):
    bin_, project, env = installed
    proc = _run([bin_ / "python", "-c", "import kb, kb.site; print(kb.__file__)"], project, env)
    assert Path(proc.stdout.strip()).is_relative_to(bin_.parent)
    assert (Path(proc.stdout.strip()).parent / "site" / "docs" / "how-to-read.md").is_file()


def test_kb_checks_and_exports_from_the_project_and_below_it(installed):
    bin_, project, env = installed
    top = _run([bin_ / "kb", "check", "--format", "json"], project, env, ok=(0, 1))
    below = _run([bin_ / "kb", "check", "--format", "json"], project / "references", env, ok=(0, 1))
    import json

    findings = json.loads(top.stdout)["findings"]
    assert findings and json.loads(below.stdout)["findings"] == findings
    _run([bin_ / "kb", "export", "bibtex", "-o", project / "refs.bib"], project, env)
    assert "@article" in (project / "refs.bib").read_text(encoding="utf-8").lower()
    elsewhere = _run([bin_ / "kb", "info"], project.parent, dict(env, KB_PROJECT=str(project)))
    assert POLICY in elsewhere.stdout


def test_kb_site_builds_without_a_mkdocs_yml_in_the_project(installed):
    bin_, project, env = installed
    assert not (project / "mkdocs.yml").exists()
    _run([bin_ / "kb", "site", "-o", project / "out"], project, env)
    assert (project / "out" / "how-to-read" / "index.html").is_file()
    assert (project / "out" / "stylesheets" / "kb.css").is_file()
    assert len(list((project / "out").rglob("*.html"))) > 50


def test_a_plain_mkdocs_build_with_the_plugin(installed, tmp_path):
    bin_, project, env = installed
    user = tmp_path / "user"
    shutil.copytree(project / "references", user / "references")
    (user / "docs").mkdir()
    (user / "docs" / "index.md").write_text("# Our review\n\nWritten by us.\n", encoding="utf-8")
    (user / "mkdocs.yml").write_text("site_name: Our review\ntheme:\n  name: material\n  font: false\n"
                                     "plugins:\n  - search\n  - policykb\n", encoding="utf-8")
    # Never add -q or -v: with either, --strict stops failing the build.
    _run([bin_ / "python", "-m", "mkdocs", "build", "--strict"], user, env)
    home = (user / "site" / "index.html").read_text(encoding="utf-8")
    assert "Written by us." in home
    assert (user / "site" / "how-to-read" / "index.html").is_file()  # a shipped page the project lacks
    assert (user / "site" / "policy" / "index.html").is_file()
