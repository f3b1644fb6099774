"""The forest plots a site shows: records only, read by the pages and made by ``stages``."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ForestPlot:
    """A figure that bears on a criterion: an image file in the site, its caption, its own page."""

    image: str  # docs-relative path of the image (added to the site by whoever drew it)
    caption: str
    page: str | None = None  # docs-relative path of the page with its table and notes
    via: tuple[int, ...] = ()  # the criterion's supporting references whose estimates it plots


@dataclass(frozen=True)
class ForestFigure:
    """One drawn forest plot: what kb.outputs.figures drew, with the rows and notes as the figure prints them."""

    slug: str
    title: str
    subtitle: str
    question: str
    outcome: str  # "all outcomes" for an overview
    overview: bool
    estimates: tuple  # kb.estimates EffectEstimate, in drawing order
    rows: tuple  # kb.outputs.forest ForestRow, one per estimate, same order
    notes: tuple[str, ...] = ()  # the notes under the figure (flagged rows, source remarks)
