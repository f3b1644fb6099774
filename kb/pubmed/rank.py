"""Okapi BM25 over records, one query per criterion: the standard lexical relevance score.

BM25 (Robertson and Zaragoza, "The Probabilistic Relevance Framework: BM25
and Beyond", 2009) in a dozen lines: an inverted index of the records'
words, then per query term idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b *
len / avglen)), with idf = ln(1 + (N - n + 0.5) / (n + 0.5)). Written here
rather than taken from a package: the one on PyPI (rank-bm25) scores every
document for every term and pulls in numpy; the index below touches only
the records that hold a query's words, which keeps 10,000 records times
dozens of criteria well under a second.
"""
from __future__ import annotations

import math
import re
from collections import Counter

K1 = 1.2
B = 0.75
_WORD = re.compile(r"[a-z][a-z0-9]+")
# Words that say nothing about a record's topic; criteria are full of them ("may be considered medically").
STOPWORDS = frozenset("""
a an and are as at be been being by can for from has have in is it its may more most must no not of on or
other such than that the their there these this those to was were which with within without when where who
all any both each either following one two three after before under over between into per considered
medically necessary investigational patients patient individuals individual policy criteria criterion met
meet following use used using least only also including include includes
""".split())


class _Normal(dict):
    """Word -> its indexed form (None for a stopword), filled on first sight: a search's vocabulary is
    small next to its word count, so each distinct word is normalised once."""

    def __missing__(self, w: str) -> str | None:
        if w in STOPWORDS:
            value = None
        elif len(w) > 4 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
            value = w[:-1]  # plural s, lightly: 'fractures' finds 'fracture'
        else:
            value = w
        self[w] = value
        return value


_NORMAL = _Normal()


def words(text: str) -> list[str]:
    """Lower-case word tokens without stopwords, plural s removed."""
    return [w for w in map(_NORMAL.__getitem__, _WORD.findall(text.lower())) if w]


class BM25:
    """``vocabulary``: index only these terms (the queries' words); lengths still count every word."""

    def __init__(self, documents: list[list[str]], vocabulary: set[str] | None = None):
        self.n = len(documents)
        self.lengths = [len(d) for d in documents]
        self.avg = (sum(self.lengths) / self.n) if self.n else 0.0
        postings: dict[str, list[tuple[int, int]]] = {}
        for i, doc in enumerate(documents):
            counts = Counter(doc)
            for term in (counts.keys() & vocabulary if vocabulary is not None else counts):
                entry = postings.get(term)
                if entry is None:
                    postings[term] = [(i, counts[term])]
                else:
                    entry.append((i, counts[term]))
        self.postings = postings

    def idf(self, term: str) -> float:
        n = len(self.postings.get(term, ()))
        return math.log(1 + (self.n - n + 0.5) / (n + 0.5))

    def scores(self, query: list[str]) -> dict[int, float]:
        """Document index -> score, for the documents that hold at least one query term."""
        out: dict[int, float] = {}
        avg = self.avg or 1.0
        for term in set(query):
            idf = self.idf(term)
            for i, tf in self.postings.get(term, ()):
                norm = tf + K1 * (1 - B + B * self.lengths[i] / avg)
                out[i] = out.get(i, 0.0) + idf * tf * (K1 + 1) / norm
        return out
