"""Where a reference entry's source is, and its year, volume, issue and pages, once its authors are taken off.

Two readings: ``journal_and_pub`` for entries whose year follows the source
(NLM/Vancouver and AMA ``*Journal*. 2009;361(6):557-68``, BMC ``Journal 2009,
6:100``, Elsevier ``Journal 12 (2009) 100-110``, reports ``Geneva: WHO; 2019``),
and ``after_year`` for those that print the year after the authors (PLOS and
APA-like ``(2009) Title. Journal 6: e100``). Each returns the source (or None),
the text before it (the title) and the publication details found.
Pure functions, split from ``kb.read.reference_list``.
"""
from __future__ import annotations

import re

from kb.patterns import lazy
from kb.read.entry_edges import PAGES_THEN_PUBLISHER, YEAR_LAST

def clean(text: str) -> str:
    """Emphasis marks and surrounding punctuation off, runs of spaces made one."""
    return re.sub(r"\s+", " ", text.replace("*", "")).strip(" .;,")


_ITALIC = lazy(r"(?<!\*)\*(?!\*)(?P<v>[^*]+?)\*(?!\*)|(?<!_)_(?P<u>[^_]+?)_(?!_)")
YEAR_RX = r"(?:1[89]|20)\d{2}"
# "2014;29(6):1346-55", "2015;4:CD006349", "2021;9(10)", "2015;25 Suppl 1:S77-85", "2017."
# "2010;15(2):100-110"; also Euro Surveillance's article numbers "2010;15:19547:1\u201319547:5" and "2014;19:pii: 20759".
_PUB = lazy(
    # the date may carry its month and day as words or, as reference managers export them, as numbers:
    # '2009 Mar 1;', '2015 3 1;136(5):E359-86', or as an ISO year and month, '2014-01;71:116' (a month of two
    # digits, then the volume's semicolon: '2014-15' or a page range is no date)
    rf"(?P<year>{YEAR_RX})[a-z]?(?:\s+[A-Z][a-z]{{2}}(?:\s+\d{{1,2}})?|"
    r"\s+(?:0?[1-9]|1[0-2])(?:\s+(?:0?[1-9]|[12]\d|3[01]))?(?=\s*;)|-(?:0[1-9]|1[0-2])(?=\s*;))?"
    r"(?:\s*;\s*(?P<volume>[\w -]+?)?\s*(?:\((?P<issue>[^)]*)\))?\s*(?::\s*(?P<pages>(?:pii:\s*)?[\w\-\u2013]+(?::[\w\-\u2013]+)*(?:;\s*discussion\s*[\w\-]+)?))?)?"
    r"(?=\s*[.;]|\s*$|\s+PMID|\s+doi)"
)
# A year standing alone: not inside a longer number or an e-locator, not pages after "18: " or "pp. ",
# not the first half of a page range "1905-1910", not a volume before its pages "2093: 1-10".
# A decade ("Women's Health in the 1990s") is no year. A year before a volume and its pages is ("Prev Sci, 2005: 6:
# 151-175", "Nature 2012: 481, 497-499", "BMJ 2008: 337, a2338", "PLOS One 2013: 8(1), e52168"), and so is one
# before the record's PsycINFO number, which opens with the year ("J Psychother Integr. 2016: 2016-24946-001"), or
# before a preprint's bioRxiv number, dated so too ("bioRxiv. 2023: 2023.05.31.543175").
_YEAR = lazy(rf"(?<![\w:/\-\u2013])(?<!\d\.)(?<!: )(?<!\bpp\. )(?<!\bp\. )(?P<y>{YEAR_RX})(?![\d\u2013])(?!s\b)"
             rf"(?!-(?![A-Za-z]{{3}}\b))(?!: (?!\d+(?:\s?\(\d+\))?\s?[:,]\s?[A-Za-z]{{0,2}}\d|(?P=y)-\d{{5}}-\d{{3}}\b|"
             r"(?P=y)\.\d\d\.\d\d\.\d{6}\b|[A-Z][a-z]{2,}))")
# A year before a colon is a year, not a volume, when a word follows it ("... humans 2012: Available at: http...")
# or it follows a title translated in square brackets, as NLM prints a foreign work ("[Report of ...]. 2000: 8-22
# [Japanese]."): a volume follows its journal ('*J Biol*. 2093: 1-10' stays a volume).
_YEAR_OPENS = lazy(rf"\]\.\s+(?P<y>{YEAR_RX}):\s*\d")
# A year glued to the number before it by a full stop, closing that sentence of the entry ("Technical Report Series
# 804.1990. whqlibdoc.who.int/..."): read only when no year stands alone, as a decimal is no year.
_YEAR_GLUED = lazy(rf"(?<=\d\.)(?P<y>{YEAR_RX})\.(?=\s|$)")
# "Journal 6: e100", "Journal 6(2): 100-110", "Journal, 6(2), 100-110", "Journal 12 (2009) 100-110"
# Also "Bioinformatics 19 Suppl 2: ii215-ii225" and roman pages "124: xvi-xviii".
_VOLUME_PAGES = re.compile(
    r"^(?P<source>[^.]*?[^\s,.])\s*,?\s+(?P<volume>\d+[A-Za-z]?(?:\s+Suppl\.?\s*\d*)?)\s*"
    r"(?:\((?P<issue>[^)]{1,20})\))?\s*[:,]\s*"
    r"(?P<pages>[A-Za-z]{0,3}\d+[\w\-\u2013]*|[ivxlc]+(?:[\-\u2013][ivxlc]+)?)\.?$")
# BMC: "Journal 2009, 6:100", "Journal 2009, 6(Suppl 1):S1"
_BMC = lazy(
    rf"^(?P<source>[^.]*?[^\s,.])\s+(?P<year>{YEAR_RX}),\s*(?P<volume>\d+)(?:\((?P<issue>[^)]{{1,20}})\))?"
    r"(?::\s*(?P<pages>[\w\-\u2013]+))?\.?$")
# Elsevier: "Title, Journal 12 (2009) 100-110"
_ELSEVIER = lazy(
    rf",\s*(?P<source>[^,]*?[^\s,.])\.?\s+(?P<volume>\d+)\s+\((?P<year>{YEAR_RX})\)\s+(?P<pages>[\w\-\u2013]+)\.?$")


# Elsevier's mixed citations print the year between the volume and the pages: 'Lancet. 388: 2016; 505–517',
# 'Alzheimers Dement. 3: 2017; 416–431' (a page is never followed by a semicolon and a page range).
_YEAR_BETWEEN = lazy(rf"(?<=\d): (?P<y>{YEAR_RX});\s*[A-Za-z]{{0,2}}\d+\s*[\u2013-]\s*[A-Za-z]{{0,2}}\d+\b")


# A book's year after its publisher and a colon where a semicolon belongs ("Rochester, NY: University of Rochester
# Press: 2002 p. 65-86"): a publisher has no volume, so the number is its year.
_YEAR_AFTER_PUBLISHER = lazy(rf"\b(?:Press|Publishers?|Publishing|Books|Inc|Ltd)\.?:\s(?P<y>{YEAR_RX})(?![\d\u2013-])")


# 'Rockville (MD): CDER: 2002 Dec [online].': a year and a month after a colon, where NLM puts a semicolon, is the date
# of publication (a volume has no month); an access date after its own colon ('[cited: 2012 Jul 31]') is not.
_YEAR_MONTH_AFTER_COLON = lazy(rf"(?<![Cc]ited)(?<![Aa]ccessed)(?<![Rr]etrieved):\s(?P<y>{YEAR_RX})\s+"
                               r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b")


# A meeting abstract in a journal's supplement, as JCO prints ASCO's: 'J Clin Oncol 34: 2016 (15 suppl)', 'J Clin
# Oncol 34, 2016 (suppl; abstr 9036)': the volume, then the year, then the supplement in parentheses.
_YEAR_BEFORE_SUPPLEMENT = lazy(rf"(?<=\d)[:,]\s(?P<y>{YEAR_RX})\s*\((?:[^()]{{0,20}}\s)?suppl\b", re.IGNORECASE)


# 'Royal Decree 1344/2007, of 11th October, ...': a law's or decree's number carries the year it was enacted.
_ENACTED = lazy(rf"\b(?:Law|Decree|Act|Order|Resolution)\s+(?:No\.?\s*)?\d{{1,5}}/(?P<y>{YEAR_RX})\b")


def year_in(text: str) -> int | None:
    """The first publication year standing alone in a text, never pages or e-locators."""
    m = (_YEAR.search(text) or _YEAR_OPENS.search(text) or _YEAR_AFTER_PUBLISHER.search(text)
         or _YEAR_GLUED.search(text) or _YEAR_MONTH_AFTER_COLON.search(text) or _ENACTED.search(text)
         or _YEAR_BETWEEN.search(text) or _YEAR_BEFORE_SUPPLEMENT.search(text))
    return int(m.group("y")) if m else None


# Publication details right after an italic journal: "*Lancet*. 2015;385", "*J*. 2010;1:1-2", "*BMJ*. 2018."
_DETAILS_AFTER = re.compile(rf"[\s.,;:]*(?:{YEAR_RX}[a-z]?\s*(?:[;.(]|$)|\d+\s*[:(;,]|\d+\.?\s*$|$)")


_TITLE_GOES_ON = re.compile(r"\s+[a-z]{2,}\b(?!\.)")  # a lower-case word after the italic carries its sentence on


def _source_italic(body: str):
    """The italic span that names the journal, not one inside a title (a species, a book's own title).

    A journal follows the end of the title ('Title. *Journal*'); an italic that
    opens the text after the authors is the journal only when publication details
    follow it (the title is then missing), otherwise it begins the title
    ('*Conus* of the southeastern United States', '*Poisson Processes*. Oxford: OUP').
    """
    for m in _ITALIC.finditer(body):
        before = body[: m.start()].rstrip()
        if _TITLE_GOES_ON.match(body, m.end()):
            continue  # 'map: *Plasmodium falciparum* endemicity in 2010. Malar J.': a species inside the title
        if (not before and _DETAILS_AFTER.match(body, m.end())) or (before and before[-1] in ".?!,;:"):
            return m
    return None


# Science and PNAS: "Title. Nat. Rev. Earth Environ. 3, 241-254 (2022).", "Title. EGUsphere, 1-29 (2023)."
_SCIENCE = lazy(rf"\.\s+(?P<source>[A-Z][^,()]*?[^\s,.])\.?(?:\s+(?P<volume>\d+[A-Za-z]?))?,\s+"
                rf"(?P<pages>[A-Za-z]{{0,3}}\d+[\w\-\u2013]*)\s+\((?P<year>{YEAR_RX})\)\.?$")


def _science(body: str):
    """The journal part of a Science-style entry, or None: the first stop after which a journal's name (capitals
    and abbreviations only) leads to the volume, pages and year in parentheses."""
    for m in _SCIENCE.finditer(body.strip()):
        if _JOURNAL_LIKE.match(m.group("source")):
            return m
    return None


def journal_and_pub(body: str) -> tuple[str | None, str, dict]:
    """Find the source (italic if marked) and the 'year;vol(issue):pages' after it."""
    italic = _source_italic(body)
    if italic:
        source = clean(italic.group("v") or italic.group("u"))
        before = body[: italic.start()]
        after = body[italic.end():]
        pub = _PUB.search(after)
        info = pub.groupdict() if pub else {}
        if not pub:
            year = year_in(after) or year_in(before)
            info = {"year": str(year)} if year else {}
            tail = _VOLUME_PAGES.match(clean(source) + " " + after.strip(" .,"))
            if tail:
                info.update({k: tail.group(k) for k in ("volume", "issue", "pages")})
        return source, before, info
    endnote = _ENDNOTE.search(body)  # "Title. iScience, 2021. 24(): p. 102243.", "Annu Rev Physiol, 1985. 47: p. 483-99."
    if endnote:
        return clean(endnote.group("source")), body[: endnote.start() + 1], endnote.groupdict()
    last = YEAR_LAST.search(body)  # "Title. Muscle Nerve 55: E15-E16, 2017."
    if last:
        return clean(last.group("source")), body[: last.start() + 1], last.groupdict()
    imprint = _IMPRINT.search(body)  # a report or book: "Title. Geneva: World Health Organization; 2019."
    if imprint:
        return clean(imprint.group("source")), body[: imprint.start() + 1], {"year": imprint.group("y"), "imprint": "1"}
    imprint = _IMPRINT_COMMA.search(body)  # "Handbuch kognitives Training, Göttingen: Hogrefe, 2001."
    if imprint:
        return clean(imprint.group("source")), body[: imprint.start()], {"year": imprint.group("y"), "imprint": "1"}
    science = _science(body) if body.rstrip(" .").endswith(")") else None
    if science:
        return clean(science.group("source")), body.strip()[: science.start() + 1], science.groupdict()
    pub = None
    for candidate in _PUB.finditer(body):
        if candidate.group("volume") or candidate.group("pages"):
            pub = candidate
            break
    if pub:
        before = body[: pub.start()].rstrip(" .")
        head, _, source = before.rpartition(". ")
        return (clean(source) or None) if head else None, head or before, pub.groupdict()
    elsevier = _ELSEVIER.search(body.strip())
    if elsevier:
        return clean(elsevier.group("source")), body.strip()[: elsevier.start()], elsevier.groupdict()
    head, _, last = body.rstrip(" .").rpartition(". ")
    bmc = _BMC.match(last.strip()) if head else None
    if bmc:
        return clean(bmc.group("source")), head, bmc.groupdict()
    ending = _YEAR_ENDS.search(body)  # "GenBank 2024 update. Nucleic Acids Res. 2023;": the year printed last
    # A year the title holds ('... the British 1946 birth cohort. Lancet (1994) 344(8934):1398-402', '... from, 2002
    # to 2008. BEH InVS. 2012;10-11:125') is not the one the journal's details print.
    ending = ending or _YEAR_BEFORE_VOLUME.search(body) or ([None] + list(_YEAR_BEFORE_SEMICOLON.finditer(body)))[-1]
    # 'Assessing ... coronavirus disease 2019 (COVID-19) patients. Ophthalmology. 2020. doi: ... S0161-6420(20)30311-0':
    # with a tail no pattern reads, the year printed as a sentence of its own after the journal is the entry's,
    # not the first one the title holds.
    ending = ending or ([None] + list(_YEAR_AFTER_STOP.finditer(body)))[-1]
    year = ending.group("y") if ending else year_in(body)
    return None, body, ({"year": str(year)} if year else {})


# Frontiers: 'Journal (1994) 344(8934):1398-402'; Vancouver with a volume no pattern reads: 'Journal. 2012;10-11:125'.
_YEAR_BEFORE_VOLUME = lazy(rf"\((?P<y>{YEAR_RX})\)\s+\d+[A-Za-z]?(?:\s*\([^()]{{1,12}}\))?\s*:\s*[A-Za-z]?\d")
_YEAR_BEFORE_SEMICOLON = lazy(rf"\.\s+(?P<y>{YEAR_RX})[a-z]?;\s*[A-Za-z]?\d")
_YEAR_ENDS = lazy(rf"[.;,]\s+(?P<y>{YEAR_RX})[a-z]?\s*[.;]?\s*$")
# A year printed as a sentence of its own ('Pediatrics. 2020. doi: ...'); not a page's 'p. 2022.12.19.22283675' (a
# preprint's id: a stop then a digit continues the number), nor one before a PsycINFO record of another year
# ('2016: 2015-24946-001').
# Nor a volume before its year ('Biochim Biophys Acta. 1838: 2014; 1477-1487').
_YEAR_AFTER_STOP = lazy(rf"(?<!\bp)(?<!\bpp)\.\s+(?P<y>{YEAR_RX})[a-z]?"
                        rf"(?=[;,]|:\s*(?!(?:19|20)\d\d\b)\d+(?![-\d])|\.(?!\d)|\s*$)")
# A book whose title, place, publisher and year are set apart by commas only ('Handbuch kognitives Training,
# Göttingen: Hogrefe, 2001.'): a place of one or two capitalised words, a colon and a publisher of a few words.
_IMPRINT_COMMA = lazy(rf",\s+(?P<source>[A-Z][^\W\d_]+(?:[ -][A-Z][^\W\d_]+)?:\s*[A-Z][^.:;,]{{1,60}}?),\s*"
                      rf"(?P<y>{YEAR_RX})[a-z]?\.?\s*$")
_IMPRINT = lazy(rf"[.?]\s+(?P<source>[A-Z][^.:;]{{1,40}}:\s*[^.:;]{{2,100}}?);\s*(?P<y>{YEAR_RX})[a-z]?\.?\s*$")
# "Journal 2" (a volume only), "Oxford, UK: Blackwell" (place and publisher), "Princeton University Press"
_VOLUME_ONLY = lazy(r"^(?P<source>[^.]*?[^\s,.])\s+(?P<volume>\d+[A-Za-z]?)$")
_PUBLISHER = lazy(r"^(?:[^.:]{2,60}:\s*)?(?P<source>[^.:]{2,80}?)$")
_PUBLISHER_WORDS = lazy(r"\b(?:Press|Publish\w*|Verlag|Springer|Wiley|Elsevier|Blackwell|Academic|Books?|"
                              r"University|Sinauer|Wiley|Saunders|Lippincott|McGraw|Oxford|Cambridge)\b")
_JOURNAL_LIKE = lazy(r"^(?:[A-Z][\w&\-]*\.?|of|and|the|in|for|&)(?:\s+(?:[A-Z][\w&\-]*\.?|of|and|the|in|for|&|[-\u2013]))"
                           r"{0,7}$")


# EndNote's numbered style: the journal, a comma, the year and a stop, then volume, issue and 'p.' pages
_ENDNOTE = lazy(rf"[.?]\s+(?P<source>[A-Za-z][^.;:]{{0,80}}?[^\s.,]),\s+(?P<year>{YEAR_RX})[a-z]?(?:\.\s+|:\s*)"
                rf"(?:(?P<volume>\d+[A-Za-z]?)(?:\s*\((?P<issue>[^)]{{1,12}})\))?)?:?\s*(?:p\.\s*)?"
                rf"(?P<pages>[A-Za-z]?\d+[A-Za-z]?(?:\s*[-\u2013]\s*[A-Za-z]?\d+[A-Za-z]?)?)?\.?\s*$")
_WORD_STOP = lazy(r"[A-Za-z]{6,}\.\s")  # a whole word and a stop: a sentence's end, not an abbreviation's
_BARE_VOLUME_PAGES = lazy(r"^(?P<volume>\d+[A-Za-z]?),\s*(?P<pages>[A-Za-z]?\d+(?:[\-\u2013][A-Za-z]?\d+)?)$")
_SENTENCE_STOP = re.compile(r"([.?!])\s+(?=\S)")


def after_year(body: str) -> tuple[str | None, str, dict]:
    """Title and source after a '(2009)' (PLOS, APA-like): 'Title. Journal 6: e100.'"""
    body = re.sub(r"[\s,]*\(?\bin press\b\)?\.?\s*$", "", body, flags=re.IGNORECASE)
    proceedings = PAGES_THEN_PUBLISHER.search(body)
    if proceedings:
        return clean(proceedings.group("source")), body[: proceedings.start()], {**proceedings.groupdict(), "imprint": "1"}
    text = body.strip().rstrip(".")
    stops = list(_SENTENCE_STOP.finditer(text))  # the last sentence is the source's; a '?' stays with the title
    head = text[: stops[-1].start() + (stops[-1].group(1) != ".")] if stops else ""
    last = text[stops[-1].end():].strip() if stops else text
    if head:
        for pattern in (_VOLUME_PAGES, _VOLUME_ONLY):
            m = pattern.match(last)
            if m:
                return clean(m.group("source")), head, m.groupdict()
        # "(2016) SNAP-25, a Known Protein, Front Synaptic Neurosci. 8, 7.": a comma between title and journal,
        # whose abbreviation's stop leaves only the volume and pages as the last sentence
        bare = _BARE_VOLUME_PAGES.match(last)
        title, comma, journal = head.rpartition(", ")
        if bare and comma and _JOURNAL_LIKE.match(journal) and not _WORD_STOP.search(journal):  # ', Antarctica. Can. J
            return clean(journal), title, bare.groupdict()
    italic = _source_italic(body)
    if italic:
        return clean(italic.group("v") or italic.group("u")), body[: italic.start()], {}
    if head and _PUBLISHER_WORDS.search(last) and _PUBLISHER.match(last):
        return clean(_PUBLISHER.match(last).group("source")), head, {"imprint": "1"}  # a book: no volume to wait for
    if head and _JOURNAL_LIKE.match(last):
        return clean(last), head, {}  # "PLoS Med" before "(in press)"
    return None, body, {}
