"""Forest plots: ``forest_plot(rows, ax=None, ...) -> Axes`` draws onto a given Axes.

It never saves or shows anything (``kb.outputs.figures`` does that). Ratio measures
go on a log axis with the null line at 1, differences on a linear axis with
the null at 0; one panel never mixes the two. Rows carry their numbers as
printed, so the text columns show exactly what the policy says, and a row
that failed a consistency check is drawn in red, marked and explained in a
note under the panel. Artists carry ids (``gid``) so tests can find them:
``ci:<row>``, ``est:<row>``, ``null``, ``overlap:<label>``.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

DESIGNS = {  # design -> (marker, filled, legend label)
    "meta-analysis": ("D", True, "systematic review / meta-analysis"),
    "sham-controlled trial": ("s", True, "sham-controlled trial"),
    "open trial": ("s", False, "open (non-sham) trial"),
    "observational": ("o", False, "observational study"),
    "other": ("^", False, "other source"),
}
RATIO, DIFFERENCE = "ratio", "difference"
FLAG = "\u26a0"
INK, FLAG_INK, MUTED = "#1f3b57", "#c0392b", "#7f8c8d"
LABEL_CHARS = 44  # what fits left of the axis at 9 pt


@dataclass(frozen=True)
class ForestRow:
    id: str
    label: str  # "Xie (2017) [3]"
    detail: str  # "1 week", "EQ-5D": what distinguishes rows of one source
    estimate: float
    low: float
    high: float
    estimate_text: str
    low_text: str
    high_text: str
    scale: str  # "ratio" or "difference"
    design: str = "other"
    flag: str = ""  # why the numbers are inconsistent ("EST101 ...")
    note: str = ""  # anything else a reader must know (e.g. the text names another author)
    favours: str = ""  # the treatment it favours, "no clear difference" or "not judged" ("" when not asked)

    @property
    def text(self) -> str:
        """The row's label: source and detail, the detail cut at a word so the label fits beside the axis."""
        if not self.detail:
            return self.label
        room = max(12, LABEL_CHARS - len(self.label) - 3)
        detail = self.detail if len(self.detail) <= room else self.detail[:room].rsplit(" ", 1)[0] + "\u2026"
        return f"{self.label} \u00b7 {detail}"


def _ordered(rows: list[ForestRow], overlap_groups) -> tuple[list[ForestRow], list[tuple[str, list[str]]]]:
    """Rows with each overlap group made contiguous where its first member stood."""
    groups = [(label, [r for r in ids if any(x.id == r for x in rows)]) for label, ids in (overlap_groups or [])]
    groups = [(label, ids) for label, ids in groups if len(ids) >= 2]
    placed, out = set(), []
    for row in rows:
        if row.id in placed:
            continue
        group = next((ids for _, ids in groups if row.id in ids), None)
        members = [r for r in rows if group and r.id in group] if group else [row]
        out += members
        placed.update(r.id for r in members)
    return out, groups


def _positions(rows: list[ForestRow], groups) -> list[float]:
    """y of each row, top row at 0; an overlap group gets room above it for its label."""
    starts = {next(r.id for r in rows if r.id in ids) for _, ids in groups}
    ys, y = [], 0.0
    for i, row in enumerate(rows):
        if row.id in starts and i:
            y -= 0.6
        ys.append(y)
        y -= 1.0
    if rows and rows[0].id in starts:
        ys = [v - 0.6 for v in ys]
    return ys


def _limits(rows: list[ForestRow], scale: str) -> tuple[float, float]:
    values = [v for r in rows for v in (r.estimate, r.low, r.high) if math.isfinite(v)]
    null = 1.0 if scale == RATIO else 0.0
    if scale == RATIO:
        values = [v for v in values if v > 0] + [null]
        lo, hi = math.log(min(values)), math.log(max(values))
        pad = max(0.15, 0.08 * (hi - lo))
        return math.exp(lo - pad), math.exp(hi + pad)
    values.append(null)
    lo, hi = min(values), max(values)
    pad = max(0.05 * (hi - lo), 0.1)
    return lo - pad, hi + pad


def _ratio_ticks(ax, limits):
    from matplotlib.ticker import FixedLocator, FuncFormatter, NullLocator

    ticks = []
    for nice in ([0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100],
                 [0.1, 0.2, 0.3, 0.5, 0.7, 1, 1.5, 2, 3, 5, 7, 10],
                 [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 7, 10]):
        ticks = [t for t in nice if limits[0] <= t <= limits[1]]
        if len(ticks) >= 3:  # a narrow range gets the finer ladder
            break
    ax.xaxis.set_major_locator(FixedLocator(ticks))
    ax.xaxis.set_minor_locator(NullLocator())
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:g}"))


def _draw_row(ax, row: ForestRow, y: float, scale: str, limits):
    marker, filled, _ = DESIGNS.get(row.design, DESIGNS["other"])
    ink = FLAG_INK if row.flag else INK
    lo, hi = sorted((row.low, row.high))
    if scale == RATIO:
        lo, hi = max(lo, limits[0]), hi if hi > 0 else limits[0]
    ax.plot([lo, hi], [y, y], color=ink, lw=1.6, ls="--" if row.flag else "-", solid_capstyle="butt",
            gid=f"ci:{row.id}")
    if scale != RATIO or row.estimate > 0:
        ax.plot([row.estimate], [y], ls="none", marker=marker, ms=7.5, mec=ink, mew=1.4,
                mfc=ink if filled and not row.flag else "white", gid=f"est:{row.id}", zorder=3)


def _columns(ax, rows: list[ForestRow], ys: list[float], level: str):
    from matplotlib.transforms import blended_transform_factory

    tr = blended_transform_factory(ax.transAxes, ax.transData)
    top = max(0.0, ys[0]) + 0.9
    ax.text(1.16, top, "estimate", transform=tr, ha="right", va="center", fontsize=8.5, color=MUTED)
    ax.text(1.47, top, f"{level} CI", transform=tr, ha="right", va="center", fontsize=8.5, color=MUTED)
    for row, y in zip(rows, ys):
        ink = FLAG_INK if row.flag else "black"
        ax.text(1.16, y, row.estimate_text, transform=tr, ha="right", va="center", fontsize=9, color=ink,
                gid=f"text-est:{row.id}")
        ax.text(1.30, y, row.low_text, transform=tr, ha="right", va="center", fontsize=9, color=ink,
                gid=f"text-low:{row.id}")
        ax.text(1.335, y, "to", transform=tr, ha="center", va="center", fontsize=8, color=MUTED)
        ax.text(1.47, y, row.high_text, transform=tr, ha="right", va="center", fontsize=9, color=ink,
                gid=f"text-high:{row.id}")


def _overlaps(ax, rows: list[ForestRow], ys: list[float], groups):
    from matplotlib.transforms import blended_transform_factory

    tr = blended_transform_factory(ax.transAxes, ax.transData)
    for label, ids in groups:
        at = [y for r, y in zip(rows, ys) if r.id in ids]
        ax.axhspan(min(at) - 0.45, max(at) + 1.05, color="#f1c40f", alpha=0.16, lw=0, gid=f"overlap:{label}")
        ax.text(0.995, max(at) + 0.72, f"overlapping: {label}", transform=tr, ha="right", va="center",
                fontsize=7.5, color="#7d6608", style="italic")


def _axes(ax, rows, ys, scale) -> tuple[float, float]:
    """Scale, limits and the null line; returns the x limits."""
    limits = _limits(rows, scale)
    if scale == RATIO:
        ax.set_xscale("log")
        _ratio_ticks(ax, limits)
    ax.set_xlim(*limits)
    ax.set_ylim(ys[-1] - 0.7, max(0.0, ys[0]) + 1.3)
    ax.axvline(1.0 if scale == RATIO else 0.0, color=MUTED, lw=1, ls=(0, (4, 3)), gid="null", zorder=1)
    return limits


def forest_plot(rows, ax=None, *, title: str | None = None, xlabel: str | None = None, level: str = "95%",
                overlap_groups=None, legend: bool = True, sides: tuple[str, str] | None = None):
    """Draw ``rows`` (ForestRow, top to bottom in the given order) onto ``ax`` and return it.

    ``overlap_groups``: ``[(label, [row id, ...]), ...]`` for rows from reviews that pool the same trials;
    they are drawn together on a shaded band labelled "overlapping: <label>".
    ``sides``: ``("favours X", "favours Y")``, printed under the axis left and right of the null line.
    """
    rows = list(rows)
    if not rows:
        raise ValueError("a forest plot needs at least one row")
    scales = {r.scale for r in rows}
    if len(scales) != 1 or not scales <= {RATIO, DIFFERENCE}:
        raise ValueError(f"one panel holds one scale (ratio or difference), not {sorted(scales)}")
    scale = scales.pop()
    if ax is None:
        from matplotlib.figure import Figure

        height = 1.6 + 0.35 * len(rows)
        ax = Figure(figsize=(10, height)).add_axes((0.3, 1.1 / height, 0.4, 1 - 1.5 / height))
    rows, groups = _ordered(rows, overlap_groups)
    ys = _positions(rows, groups)
    limits = _axes(ax, rows, ys, scale)
    _overlaps(ax, rows, ys, groups)
    for row, y in zip(rows, ys):
        _draw_row(ax, row, y, scale, limits)
    ax.set_yticks(ys, [(f"{FLAG} " if row.flag else "") + row.text for row in rows], fontsize=9)
    for tick, row in zip(ax.get_yticklabels(), rows):
        tick.set_color(FLAG_INK if row.flag else "black")
    ax.tick_params(axis="y", length=0)
    _columns(ax, rows, ys, level)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.set_xlabel(xlabel or ("ratio (log scale); 1 = no difference" if scale == RATIO
                             else "difference; 0 = no difference"), fontsize=9, color="#333333",
                  labelpad=16 if sides else 4)
    if sides:
        _sides(ax, sides, 1.0 if scale == RATIO else 0.0)
    if title:
        ax.set_title(title, loc="left", fontsize=11, fontweight="bold", pad=14)
    if legend:
        _legend(ax, rows)
    return ax


def _sides(ax, sides: tuple[str, str], null: float):
    """'\u2190 favours X' left of the null and 'favours Y \u2192' right of it, just under the tick labels."""
    from matplotlib.transforms import ScaledTranslation, blended_transform_factory

    below = blended_transform_factory(ax.transData, ax.transAxes) + ScaledTranslation(0, -0.27, ax.figure.dpi_scale_trans)
    gap = ScaledTranslation(0.06, 0, ax.figure.dpi_scale_trans)
    ax.text(null, 0, f"\u2190 {sides[0]}", transform=below - gap, ha="right", va="top", fontsize=8.5,
            color=INK, fontweight="bold", gid="favours:left")
    ax.text(null, 0, f"{sides[1]} \u2192", transform=below + gap, ha="left", va="top", fontsize=8.5,
            color=INK, fontweight="bold", gid="favours:right")


def legend_handles(rows) -> list:
    """One legend entry per design among ``rows``, and one for flagged rows if any."""
    from matplotlib.lines import Line2D

    handles = []
    for design in dict.fromkeys(r.design for r in rows):
        marker, filled, label = DESIGNS.get(design, DESIGNS["other"])
        handles.append(Line2D([], [], ls="none", marker=marker, ms=7, mec=INK, mfc=INK if filled else "white",
                              label=label))
    if any(r.flag for r in rows):
        handles.append(Line2D([], [], color=FLAG_INK, ls="--", marker="o", mfc="white", mec=FLAG_INK,
                              label=f"{FLAG} fails a consistency check (see notes)"))
    return handles


def _legend(ax, rows):
    """Below the x-axis label: 0.6 inch under the axes whatever their height."""
    height = ax.get_position().height * ax.figure.get_figheight()
    ax.legend(handles=legend_handles(rows), loc="upper left", bbox_to_anchor=(0.0, -0.6 / height),
              ncol=min(3, len(rows)), frameon=False, fontsize=8, handletextpad=0.4, columnspacing=1.2)


def notes_of(rows) -> list[str]:
    """The footnotes a figure prints under its panels: one per flagged row, one per annotated source."""
    out = [f"{FLAG} {r.text}: {r.flag}" for r in rows if r.flag]
    shared: dict = {}
    for r in rows:
        if r.note:
            shared.setdefault((r.label, r.note), []).append(r)
    for (label, note), members in shared.items():
        out.append(f"\u2020 {members[0].text if len(members) == 1 else label}: {note}")
    return out
