"""Draw forest plots of the policy's effect estimates, one figure per question and outcome.

Writes DIR/<question>-<outcome>.svg and .png with a .csv of the figure's
rows beside them, plus one overview per question whose estimates span
several outcomes. Ratios are drawn on a log axis (null at 1), differences on
a linear axis (null at 0), in separate panels. With several policies each gets
its own folder DIR/<policy>/. Rows that fail an EST
consistency check are drawn in red with a note. The SVG is byte-identical
for the same input.
"""
from __future__ import annotations

import os
import sys

from .common import add_policy_argument, check_output, load_path, policy_paths


def add_arguments(parser) -> None:
    add_policy_argument(parser)
    parser.add_argument("-o", "--output", metavar="DIR", required=True,
                        help="folder for the figures (created if missing; existing files are replaced atomically)")


def run(args) -> int:
    from pathlib import Path

    from ..errors import KbError
    from ..paths import policy_name

    os.environ.setdefault("MPLBACKEND", "Agg")
    folder = Path(args.output)
    if folder.exists() and not folder.is_dir():
        raise KbError("is not a folder", str(folder))
    paths = policy_paths(args)
    check_output(folder, paths)
    kbs = [load_path(p) for p in paths]  # every policy read before anything is written
    from kb.outputs.figures import write_figures

    for kb, path in zip(kbs, paths):
        target = folder / policy_name(path) if len(paths) > 1 else folder
        try:
            target.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise KbError(f"cannot be created ({exc.strerror or exc})", str(target)) from None
        written = write_figures(kb, target)
        figures = sum(1 for name in written if name.endswith(".svg"))
        print(f"wrote {figures} figures ({len(written)} files: SVG, PNG and CSV) to {target}", file=sys.stderr)
    return 0
