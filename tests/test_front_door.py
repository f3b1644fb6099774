"""The front door: the README's two commands, CI calling the test command, a strict site build."""
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")


def test_readme_starts_with_the_two_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```bash\n(.*?)```", text, re.S).group(1)
    commands = [line.split("#")[0].strip() for line in block.splitlines() if line.strip()]
    assert commands == ["./scripts/review", "./scripts/test"]
    assert text.index("```bash") < text.index("## ")


def test_scripts_are_executable_and_ci_runs_the_test_command():
    for name in ("scripts/review", "scripts/test", ".ci/run"):
        assert os.access(ROOT / name, os.X_OK), name
    assert "./scripts/test" in (ROOT / ".ci/run").read_text()


def test_test_script_turns_no_tests_into_failure():
    text = (ROOT / "scripts/test").read_text()
    assert '"$status" -eq 5' in text


def _build(tmp_path, docs: Path) -> subprocess.CompletedProcess:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text())
    config["docs_dir"] = str(docs)
    config["site_dir"] = str(tmp_path / "out")
    cfg = tmp_path / "mkdocs.yml"
    cfg.write_text(yaml.safe_dump(config))
    # Never add -q or -v here: with either, --strict stops failing the build.
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(cfg)],
                          capture_output=True, text=True, env=ENV, cwd=ROOT)


def test_strict_build_passes(tmp_path):
    proc = _build(tmp_path, ROOT / "kb" / "site" / "docs")
    assert proc.returncode == 0, proc.stderr


def test_a_broken_link_fails_the_strict_build(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "kb" / "site" / "docs", docs)
    with open(docs / "index.md", "a", encoding="utf-8") as fh:
        fh.write("\n[broken](no-such-page.md)\n")
    proc = _build(tmp_path, docs)
    assert proc.returncode != 0
    assert "no-such-page.md" in proc.stderr
