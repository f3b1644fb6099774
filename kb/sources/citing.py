"""Which cited entries each named source in a sentence refers to.

Computed once per knowledge base (the CIT rules share it) and linear in the
document: each sentence is read once, each name is looked up in the
``SourceIndex``. A name pairs only with markers of its own sentence; a name
in one sentence and a marker at the end of the next one are not a pair, with
one exception: 'Zhan (2016) evaluated ... Zhan conducted ...[57]' names the
same author again next to the marker, so the year carries over. In a table
row a name pairs only with markers of its own cell.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace

from kb.patterns import lazy
from kb.read.model import CitationMarker, Sentence
from kb.sources.claims import run
from kb.sources.named import GROUP_WORDS, Mention, read_mentions
from kb.sources.index import SourceIndex, build_index


@dataclass(frozen=True)
class Cited:
    """A sentence with its markers located in its text (offsets of each ``[...]``)."""

    sentence: Sentence
    markers: tuple[CitationMarker, ...]
    spans: tuple[tuple[int, int], ...]
    mentions: tuple[Mention, ...]


@dataclass(frozen=True)
class Pairing:
    mention: Mention
    sentence: Sentence
    marker: CitationMarker  # the marker a finding points at
    scope: tuple[int, ...]  # reference numbers the name may stand for


@dataclass(frozen=True)
class Analysis:
    index: SourceIndex
    cited: tuple[Cited, ...]  # sentences with at least one marker
    pairings: tuple[Pairing, ...]
    unmarked: tuple[tuple[Mention, Sentence], ...]  # dated author names in sentences with no marker
    cited_near: dict  # reference number -> sentence indexes that cite it


def memo(kb, key: str, compute):
    """Cache a result on the knowledge base (a frozen dataclass without slots: its __dict__ is writable)."""
    if key not in kb.__dict__:
        kb.__dict__[key] = compute(kb)
    return kb.__dict__[key]


def locate(text: str, markers) -> tuple[tuple[int, int], ...]:
    """Offsets of each marker's '[...]' in the sentence text, in order."""
    spans, cursor = [], 0
    for marker in markers:
        at = text.find(f"[{marker.inner}]", cursor)
        width = len(marker.inner) + 2
        if at < 0:
            m = re.compile(r"\[\s*" + re.escape(marker.inner) + r"\s*\]").search(text, cursor)
            at, width = (m.start(), m.end() - m.start()) if m else (text.find(marker.inner, cursor), len(marker.inner))
        if at < 0:
            at, width = len(text), 0
        spans.append((at, at + width))
        cursor = at + width
    return tuple(spans)


def analyse(kb) -> Analysis:
    return memo(kb, "_cit_analysis", _analyse)


def _analyse(kb) -> Analysis:
    sentences = kb.doc.sentences
    index = build_index(kb.references, "\n".join(s.text for s in sentences if "(" in s.text))
    by_sentence: dict[int, list[CitationMarker]] = defaultdict(list)
    for marker in kb.doc.markers:
        if marker.sentence_index is not None:
            by_sentence[marker.sentence_index].append(marker)
    cited, pairings, unmarked = [], [], []
    by_number = kb.doc.citation_style == "numbered"
    cited_near: dict[int, list[int]] = defaultdict(list)
    previous: tuple[Sentence, list[Mention]] | None = None
    for sentence in sentences:
        markers = by_sentence.get(sentence.index, [])
        # Where the text cites by author and year, the names are the citations (CIT107 checks them).
        mentions = read_mentions(sentence.text, index) if by_number and _may_name(sentence.text) else []
        if markers:
            for marker in markers:
                for n in marker.numbers:
                    cited_near[n].append(sentence.index)
            mentions = _carry_years(mentions, previous, sentence)
            spans = locate(sentence.text, markers)
            entry = Cited(sentence, tuple(markers), spans, tuple(mentions))
            cited.append(entry)
            pairings += _pair(entry)
        else:
            unmarked += [(m, sentence) for m in mentions if m.kind == "person" and m.year and not m.carried]
        previous = (sentence, mentions) if not markers else None
    carried = {(p.mention.name, p.mention.year, p.sentence.index) for p in pairings if p.mention.carried}
    unmarked = [(m, s) for m, s in unmarked if (m.name, m.year, s.index + 1) not in carried]
    return Analysis(index, tuple(cited), tuple(pairings), tuple(unmarked), dict(cited_near))


_MAY_NAME = lazy(r"\d|(?<=\s)[A-Z]")


def _may_name(text: str) -> bool:
    """Cheap gate: a sentence without a capital after its first word, or a digit, names no source."""
    return bool(_MAY_NAME.search(text))


def _carry_years(mentions: list[Mention], previous, sentence: Sentence) -> list[Mention]:
    """A bare surname that the sentence just before (unmarked, same paragraph) gave with a year."""
    if not previous or previous[0].end_line < sentence.line - 1:
        return mentions
    dated = {m.name: m.year for m in previous[1] if m.kind == "person" and m.year}
    return [replace(m, year=dated[m.name], carried=True)
            if m.kind == "person" and m.year is None and m.name in dated else m for m in mentions]


# A name with no year is tied only to a marker printed close after it ('Smith et al. [12]',
# 'Tedder and colleagues [19]'), or, as the sentence's subject, to the markers after it; a name
# a clause away from the marker may be someone else's work.
NEAR = 60
_JOINED = re.compile(r"^[\s,;]*(?:(?:and|&)\s+)?$")  # 'Buchbinder (2015) and Kallmes (2009) [4, 6]'
_SEE = re.compile(r"(?:\bsee(?:\s+also)?|\breviewed\s+in|\bcf\.?|\be\.g\.,?)[\s(]*$", re.I)
_SUBJECT = re.compile(r"^(?:[A-Z][^,;()\[\]]{0,40},\s*)?$")  # nothing, or a short opening phrase and a comma
_DATED_ASIDE = re.compile(r"\([^()]*\b(?:19|20)\d\d[a-z]?\b[^()]*\)")  # another source, named in passing
_QUOTE = re.compile(r"\u201c[^\u201d]*\u201d|\"[^\"]*\"")
# 'Lee et al. showed that ...[34]', 'Shabir et al., who demonstrated ...[25]': a named group that does
# something is the clause's subject, and the sentence's one marker after it is their paper.
_GROUP = re.compile(rf"\bet\s+al\b|\band\s+{GROUP_WORDS}\b")
# 'As Singer has observed, "..." [24]': the quotation's source is the speaker's paper.
_SAYS_QUOTE = re.compile(r"[\s,]*(?:(?:has|had|once|also)\s+)?(?:observed|noted|wrote|said|argued|remarked|stated|"
                         r"commented|put\s+it|asserted|claimed)(?:\s+that)?[\s,:]*(?=[\u201c\"])")
_BY_AFTER = re.compile(r"^\s*,?\s*(?:by|from)\s+$")  # 'a sham-controlled trial [1] by Kallmes et al.'
_WHO = re.compile(r",?\s+who\b")
# 'similar to numbers reported by Hetzel et al., yet higher than numbers reported by others [23,24]': a marker after
# 'by others' or 'other studies' is theirs, not the name's ('Smith and others [6]' is the name's own group).
_OTHERS = re.compile(r"\b(?:by|in|from)\s+others\b|\bother\s+(?:studies|authors|groups|trials|reports|"
                     r"investigators|researchers)\b", re.I)
_ACCORDING = re.compile(r"\b[Aa]ccording\s+to\s+$")
# 'The systematic review conducted by Fayaz et al. in the UK found ...', 'The study of Huang et al. is ...':
# the group did the work cited.
_AGENT = re.compile(r"\b(?:(?:conducted|performed|carried\s+out|undertaken|led)\s+by|"
                    r"(?:study|trial|work|review|analysis)\s+(?:of|by))\s+$", re.I)
_GROUP_AFTER = re.compile(rf"\s+and\s+{GROUP_WORDS}\b")
_DOES = re.compile(r"[\s.,*]*(?:who\s+)?(?:(?:also|have|has|had|recently|first|then|later|previously|further|"
                   r"elegantly|independently)\s+){0,2}(?:[a-z]+ed|found|showed|shown|shows|demonstrates|reports|"
                   r"proposes|suggests|describes|finds|made|ran|built|took|gave|wrote|undertook|led|began)\b")


def _pair(entry: Cited) -> list[Pairing]:
    """Each mention with the markers it may refer to (see the module docstring).

    Left out: a name inside a quotation (the quoted author's source), and a marker after
    'see also' or 'reviewed in' (offered as further reading, not as the named source).
    """
    text = entry.sentence.text
    quoted = [q.span() for q in _QUOTE.finditer(text)]
    further = {k for k, (a, _) in enumerate(entry.spans) if _SEE.search(text[max(0, a - 20):a])}
    further = {j for k in further for j in run(text, entry.spans, k)}
    usable = [k for k in range(len(entry.spans)) if entry.markers[k].numbers and k not in further]
    mentions = [m for m in entry.mentions if not any(a <= m.start < b for a, b in quoted)]
    out = []
    for i, mention in enumerate(mentions):
        same_kind = [m for m in mentions if m.kind == mention.kind]
        later = [m for m in mentions[i + 1:] if m.kind == mention.kind]
        if mention.kind == "person" and mention.year is None:
            if _SUBJECT.match(text[:mention.start]):
                # The sentence's subject ('Zhang conducted a review of four RCTs [5-8] ... [61]') stands
                # for any marker after it, up to the next name.
                dated = _DATED_ASIDE.search(text, mention.end)  # '(Thalmann, Haubold & Martin, 1989)'
                limit = min([len(text), dated.start() if dated else len(text)] + [m.start for m in later[:1]])
                chosen = [k for k in usable if mention.end <= entry.spans[k][0] <= limit]
            else:
                limit = min([mention.end + NEAR] + [m.start for m in later[:1]])
                first = next((k for k in usable if mention.end <= entry.spans[k][0] <= limit
                              and not _OTHERS.search(text, mention.end, entry.spans[k][0])), None)
                chosen = list(run(text, entry.spans, first)) if first is not None else []
                if not chosen and later == [] and _acts(text, mention):
                    chosen = _only_run_after(text, entry, usable, mention.end)
                if not chosen:
                    chosen = _quoted_or_after(text, entry, usable, mention)
        elif len(same_kind) == 1:
            chosen = usable
        else:
            nxt = later[0].start if later else None
            chosen = [k for k in usable if entry.spans[k][0] >= mention.end and (nxt is None or entry.spans[k][0] < nxt)]
            if not chosen:
                chosen = _shared(text, entry, usable, mention, later)
        chosen = [k for k in chosen if k in usable and _same_cell(text, mention.start, entry.spans[k][0])]
        closed = _closed_aside(text, mention)
        if closed is not None:
            chosen = [k for k in chosen if entry.spans[k][0] <= closed]
        if not chosen:
            continue
        after = [k for k in chosen if entry.spans[k][0] >= mention.end]
        primary = entry.markers[(after or chosen)[0]]
        scope = tuple(dict.fromkeys(n for k in chosen for n in entry.markers[k].numbers))
        out.append(Pairing(mention, entry.sentence, primary, scope))
    return out


_ASIDE_CLOSES = re.compile(r"\s*\)\s?")


def _closed_aside(text: str, mention: Mention) -> int | None:
    """Where a parenthetical author-year citation ends ('68% use (Boisson et al 2010) and 83% use ... [51]'):
    it is a citation of its own, so only a marker inside it or right after it can be its number; None if the
    mention is no such citation."""
    opens = mention.text.startswith("(") or text[mention.start - 1:mention.start] == "("
    if mention.kind != "person" or mention.year is None or not opens:
        return None
    close = _ASIDE_CLOSES.match(text, mention.end)
    return close.end() if close else None


def _same_cell(text: str, a: int, b: int) -> bool:
    """A name and a marker in different cells of a table row are different works: in a table of included
    studies, 'Järvinen et al., 1991 [28] | ... | Eccles and Jenkins (1974)' names the index the study used."""
    return "|" not in text[min(a, b):max(a, b)]


def _shared(text: str, entry: Cited, usable: list[int], mention: Mention, later: list[Mention]) -> list[int]:
    """The marker a list of names shares ('Boonen in 2011 and Van Meirhaeghe in 2013 [26, 27]'),
    or else the marker just before the name; nothing when another name stands in between."""
    last = mention
    for m in later:
        if not _JOINED.match(text[last.end:m.start]):
            break
        last = m
    if later and last is mention:
        return []
    after = [k for k in usable if entry.spans[k][0] >= last.end]
    if after:
        return list(run(text, entry.spans, after[0]))
    before = [k for k in usable if entry.spans[k][0] < mention.start]
    return before[-1:]


def _acts(text: str, mention: Mention) -> bool:
    """'Lee et al. showed', 'Asumda and colleagues used', 'Shabir et al., who demonstrated', 'Bleakley,
    who has estimated', 'According to Samuel, ...', 'The review conducted by Fayaz et al. ...': the named
    person is the source of the clause."""
    if _ACCORDING.search(text, max(0, mention.start - 14), mention.start):
        return True
    if _GROUP.search(mention.text) and _AGENT.search(text, max(0, mention.start - 30), mention.start):
        return True
    group = _GROUP_AFTER.match(text, mention.end)
    if not group and not _GROUP.search(mention.text) and not _WHO.match(text, mention.end):
        return False
    return bool(_DOES.match(text, group.end() if group else mention.end))


def _only_run_after(text: str, entry: Cited, usable: list[int], start: int) -> list[int]:
    """The markers after ``start`` when they are one citation ending the sentence, and no aside dates
    another source in between; otherwise nothing (a second citation may be the one the name means)."""
    after = [k for k in range(len(entry.spans)) if entry.spans[k][0] >= start]
    if not after or after[0] not in usable or _DATED_ASIDE.search(text, start, entry.spans[after[0]][0]):
        return []
    chosen = list(run(text, entry.spans, after[0]))
    return chosen if chosen == after else []


def _quoted_or_after(text: str, entry: Cited, usable: list[int], mention: Mention) -> list[int]:
    """The marker closing a quotation the named person speaks, or the marker just before 'by <name>'."""
    says = _SAYS_QUOTE.match(text, mention.end)
    if says:
        quote = _QUOTE.match(text, says.end())
        after = [k for k in usable if quote and entry.spans[k][0] >= quote.end()]
        if after and _JOINED.match(text[quote.end():entry.spans[after[0]][0]].replace("(", "").replace(".", "")):
            return list(run(text, entry.spans, after[0]))
    before = [k for k in usable if entry.spans[k][1] <= mention.start]
    if before and _BY_AFTER.match(text[entry.spans[before[-1]][1]:mention.start]):
        return [before[-1]]
    return []
