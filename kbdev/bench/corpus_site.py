"""The library site: kb site --all on 10 and 50 synthetic policies of 80 references, built from nothing.

Prints the build time, the number of pages, the time per page and the growth
(the incremental rebuild is the suite ``library``).
"""
from __future__ import annotations

import tempfile
import time
from pathlib import Path

from kbdev.bench import PYTHON, bench_env, growth, time_command

DESCRIPTION = "kb site --all on 10 / 50 synthetic policies of 80 references (time, pages, growth)"


def run(options) -> list[str]:
    from kbdev.synthetic.corpus import write_corpus

    sizes = [2, 4] if options.quick else [10, 50]
    lines, seconds = [], []
    with tempfile.TemporaryDirectory(prefix="kb-library-") as tmp:
        for n in sizes:
            base = Path(tmp) / f"library-{n}"
            write_corpus(base, n, n_references=80, seed=0)
            out = Path(tmp) / f"site-{n}"
            # The project is the temporary folder: the library's cache (.kb-cache/) goes there, not into the checkout.
            env = dict(bench_env(), KB_REFERENCES=str(base), KB_PROJECT=tmp, NO_MKDOCS_2_WARNING="1",
                       DISABLE_MKDOCS_2_WARNING="true")
            start = time.perf_counter()
            time_command([PYTHON, "-m", "kb", "site", "--all", "-o", str(out)], env)
            seconds.append(time.perf_counter() - start)
            pages = sum(1 for _ in out.rglob("*.html"))
            lines.append(f"{n:>3} policies: {seconds[-1]:6.1f} s for {pages} pages "
                         f"({seconds[-1] / pages * 1000:.1f} ms a page)")
    lines.append("growth: " + growth(sizes, seconds))
    return lines
