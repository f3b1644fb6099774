"""Draw a policy's forest plots as the site's SVG files: ``python -m kb.site.pages.draw POLICY FOLDER``.

The site build starts this in its own process as soon as the policy is
known, so matplotlib's import and drawing run beside MkDocs reading the
pages instead of before it (``FigureJob`` is the plugin's handle on it). It
writes ``FOLDER/forest/<name>.svg`` for every figure of
``kb.site.pages.stages.figure_plan``: the same plan, code and bytes as drawing
in-process. Exit 0 drawn, 2 an input error (one line on stderr).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def main(argv: list[str]) -> int:
    from kb.errors import KbError
    from kb.estimates import estimates_of
    from kb.io import write_atomic
    from kb.knowledge.base import load_knowledge_base
    from kb.site.pages.stages import svg_files

    policy, folder = argv
    try:
        kb = load_knowledge_base(policy)
        for path, data in svg_files(kb, estimates_of(kb).estimates).items():
            (Path(folder) / path).parent.mkdir(parents=True, exist_ok=True)
            write_atomic(Path(folder) / path, data)
    except KbError as exc:
        print(f"kb: {exc}", file=sys.stderr)
        return 2
    return 0


class FigureJob:
    """The drawing process of one build: started with the policy, waited for before files are copied."""

    def __init__(self, policy: str):
        self.folder = Path(tempfile.mkdtemp(prefix="kb-figures-"))
        env = dict(os.environ, MPLBACKEND="Agg")
        self.proc = subprocess.Popen([sys.executable, "-m", "kb.site.pages.draw", str(policy), str(self.folder)],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)

    def path(self, docs_path: str) -> Path:
        return self.folder / docs_path

    def wait(self, expected) -> str | None:
        """None when every expected file was drawn, else what went wrong (one line)."""
        _, err = self.proc.communicate()
        if self.proc.returncode != 0:
            lines = err.decode("utf-8", "replace").strip().splitlines()
            return lines[-1] if lines else f"the drawing process exited {self.proc.returncode}"
        missing = [p for p in expected if not self.path(p).is_file()]
        return f"the drawing process did not write {missing[0]}" if missing else None

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
