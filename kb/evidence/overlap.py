"""Overlap of reviews that pool the same trials: the corrected covered area (CCA).

CCA = (N - r) / (r * c - r)  (Pieper D, et al. J Clin Epidemiol 2014;67:368-75), where
N counts every inclusion of a primary study by a review (repeats counted), r is
the number of distinct primary studies and c the number of reviews. Reading
bands from the same paper: slight under 5%, moderate 5 to under 10%, high 10
to 15%, very high over 15%. CCA needs at least two reviews and one study.

Only inclusions the policy states or the curated table records are known, so a
review whose pooled trials are not named contributes nothing: the figures
describe the overlap among what the policy tells us, not among the reviews'
full reference lists.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from .queries import edges_of_kind, studies_behind
from kb.ids import ref_id


@dataclass(frozen=True)
class Overlap:
    reviews: tuple[int, ...]
    inclusions: int  # N
    studies: int  # r
    cca: float | None  # None when c < 2 or r == 0
    shared: tuple[str, ...]  # studies included by two or more of the reviews

    @property
    def band(self) -> str | None:
        return band(self.cca)

    def as_dict(self) -> dict:
        return {"reviews": list(self.reviews), "N": self.inclusions, "r": self.studies, "c": len(self.reviews),
                "cca": self.cca, "band": self.band, "shared": list(self.shared)}


def band(cca: float | None) -> str | None:
    if cca is None:
        return None
    if cca < 0.05:
        return "slight"
    if cca < 0.10:
        return "moderate"
    return "high" if cca <= 0.15 else "very high"


def corrected_covered_area(included: dict[int, set[str]]) -> Overlap:
    """CCA of the reviews in ``included`` (review number -> the studies it includes)."""
    reviews = tuple(sorted(included))
    n = sum(len(s) for s in included.values())
    distinct = set().union(*included.values()) if included else set()
    r, c = len(distinct), len(reviews)
    value = (n - r) / (r * c - r) if r and c > 1 else None
    counts = {s: sum(1 for v in included.values() if s in v) for s in distinct}
    return Overlap(reviews, n, r, value, tuple(sorted(s for s, k in counts.items() if k > 1)))


def pairwise(included: dict[int, set[str]]) -> list[Overlap]:
    return [corrected_covered_area({a: included[a], b: included[b]}) for a, b in combinations(sorted(included), 2)]


def trials_included_by(g, review: int) -> set[str]:
    """Study ids a review or guideline pools (its includes edges, reports resolved to studies)."""
    return set().union(*(studies_behind(g, t) for _, t, _ in edges_of_kind(g, ref_id(review), "includes",
                                                                     incoming=False))) if ref_id(review) in g else set()


def reviews_with_inclusions(g) -> dict[int, set[str]]:
    """Every review or guideline with known inclusions -> the studies it pools."""
    reviews = {int(u.split(":", 1)[1]) for u, _, d in g.edges(data=True) if d.get("kind") == "includes"}
    return {n: trials_included_by(g, n) for n in sorted(reviews)}


def overlapping_reviews(g) -> list[tuple[int, int, tuple[str, ...]]]:
    """Pairs of reviews that pool at least one same trial, with the shared study ids."""
    included = reviews_with_inclusions(g)
    out = []
    for a, b in combinations(sorted(included), 2):
        shared = included[a] & included[b]
        if shared:
            out.append((a, b, tuple(sorted(shared))))
    return out


def topic_of(g, review: int) -> str:
    """A review's topic: the top-level rationale section where the policy first cites it."""
    cites = [(d.get("line", 0), u) for u, _, d in edges_of_kind(g, ref_id(review), "cites", incoming=True)]
    if not cites:
        return "uncited"
    return min(cites)[1].split(":", 1)[1].split("/")[0]


def reviews_by_topic(g, kinds=("systematic-review", "guideline")) -> dict[str, list[int]]:
    """Topic -> reviews (and guidelines) cited there, whether or not their inclusions are known.

    A reference with ``includes`` edges counts as a review whatever its kind says.
    """
    pooling = {u for u, _, d in g.edges(data=True) if d.get("kind") == "includes"}
    out: dict[str, list[int]] = {}
    for node, data in g.nodes(data=True):
        if data.get("kind") == "reference" and (data.get("ref_kind") in kinds or node in pooling):
            out.setdefault(topic_of(g, data["number"]), []).append(data["number"])
    return {t: sorted(v) for t, v in sorted(out.items())}


def overlap_by_topic(g) -> dict[str, tuple[list[int], Overlap]]:
    """Topic -> (reviews cited there, CCA over those of them with known inclusions)."""
    known = reviews_with_inclusions(g)
    out = {}
    for topic, reviews in reviews_by_topic(g).items():
        out[topic] = (reviews, corrected_covered_area({n: known[n] for n in reviews if known.get(n)}))
    return out
