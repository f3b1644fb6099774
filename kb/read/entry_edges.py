"""The edges of a reference entry: what is printed before its authors, and what follows a title when the
reader found no journal (a book's publisher, a report's series, a preprint server).

Pure. Books, chapters, reports, theses, preprints and newspaper pieces print
their source in free forms (``Title. Place: Publisher; 2001.``, ``Title.
Technical Report 12, Institute.``, ``Title. arXiv:1505.0710.``). The reader
does not name what kind of source it is; it only keeps the title to its first
sentence and the text after it as the source, marked as guessed, so that the
checks know it was not read as a journal.
"""
from __future__ import annotations

import datetime
import re

_YEAR_RX = r"(?:1[5-9]|20)\d{2}"
# The end of the title: a full stop, question or exclamation mark before a capital, a digit or an
# opening bracket; never after a lone capital ("U.S.", "J. A.") or a short abbreviation ("Vol.", "ed.").
_TITLE_END = re.compile(r"(?<!\b[A-Z])(?<!\bVol)(?<!\bvol)(?<!\bNo)(?<!\bno)(?<!\bed)(?<!\bEd)(?<!\bpp)(?<!\bSt)"
                        r"(?<!\bDr)(?<!\bvs)(?<!\bCo)([.?!])\s+(?=[\w(\[{])")
# What is not a source on its own: a year, pages, 'In press', 'p.', an empty bracket.
_NOT_SOURCE = re.compile(rf"\b{_YEAR_RX}[a-z]?\b|\bp{{1,2}}\.|\b\d+\s*pp?\b|\bin press\b|\bforthcoming\b|"
                         r"\(\s*\)|\[\s*\]|[\d\-\u2013.,;:()\s]", re.IGNORECASE)
# A word worth calling a source: three letters, or an acronym of two capitals (ACM, WHO).
_WORD = re.compile(r"[^\W\d_]{3,}|\b[A-Z]{2,}\b")
# The title going on: "Volume 2: Bony fishes", "Part II".
_MORE_TITLE = re.compile(r"(?:Volume|Vol\.?|Part|Book|Chapter|Section|Appendix)\s+[\dIVXivx]", re.IGNORECASE)
# Entries that have no source by their nature: they say so, and a reader knows what they are.
# ('Email sent to Christine O'Farrelly on 14th May 2014.': a message, as personal as a communication)
NO_SOURCE_BY_NATURE = re.compile(r"\bpersonal communication\b|\bunpublished\b|\bmimeo\b|\bin preparation\b|"
                                 r"\bsubmitted\b|\bdata not shown\b|\b(?:e-?mail|letter)s?\s+(?:sent\s+)?to\b|"
                                 r"\((?:in|under) review\)|\((?:in )?manuscript(?: in preparation)?\)",
                                 re.IGNORECASE)


# Internal Medicine and other Japanese journals: "Title. Muscle Nerve 55: E15-E16, 2017." (the year last).
YEAR_LAST = re.compile(rf"[.?]\s+(?P<source>[A-Z][^.;:]{{1,80}}?)\s+(?P<volume>\d+[A-Za-z]?)(?:\s*\((?P<issue>[^)]{{1,12}})\))?"
                       rf"\s*:\s*(?P<pages>[A-Za-z]?\d+[A-Za-z]?(?:\s*[-\u2013]\s*[A-Za-z]?\d+[A-Za-z]?)?),\s*"
                       rf"(?P<year>{_YEAR_RX})[a-z]?\.?\s*$")


# Springer's conference papers: "Title, 4220–4224 (IEEE)": pages, then the publisher in parentheses.
PAGES_THEN_PUBLISHER = re.compile(r"(?:,\s*|\s+)(?P<pages>[A-Za-z]?\d+(?:\s*[-\u2013]\s*[A-Za-z]?\d+)?)\s*"
                                  r"\((?P<source>[A-Z][\w&.\- ]{1,40})\)\.?\s*$")


def split_rest(title: str) -> tuple[str, str | None]:
    """'Title. Place: Publisher; 2001' -> ('Title', 'Place: Publisher'); 'Title. 2015' -> ('Title', None):
    a year or pages alone, or a note such as 'personal communication', is no source."""
    m = _TITLE_END.search(title)
    while m and _MORE_TITLE.match(title, m.end()):  # "Manual. Volume 1: Indo-Pacific Region. Place: Publisher"
        m = _TITLE_END.search(title, m.end())
    if not m:
        return title, None
    head = title[: m.start()] + ("" if m.group(1) == "." else m.group(1))
    rest = title[m.end():].strip(" .,;:")
    if NO_SOURCE_BY_NATURE.search(rest) or not _WORD.search(_NOT_SOURCE.sub(" ", rest)):
        return head.strip(" .,;"), None  # 'Title. 2015.', 'Title. personal communication.'
    if not rest[:1].isupper() and not rest[:1].isdigit() and not rest.lower().startswith("arxiv"):
        return title, None  # a lower-case continuation of the title
    rest = re.sub(rf"[\s,;:.]*(?:\(?\b{_YEAR_RX}[a-z]?\)?|\bin press|\(\s*\)|\[\s*\])\.?\s*$", "", rest,
                  flags=re.IGNORECASE)
    return head.strip(" .,;"), rest.strip(" .,;:") or None


# Printed before the authors: a stray stop (". Lipp MEN."), the entry's own number again ("4. Prata A"),
# or the year of an organisation's document ("(2000) Adolescent Medicine Network.").
_LEAD = re.compile(r"^(?:[.,;]\s*)+")
_OWN_NUMBER = re.compile(r"(?P<n>\d{1,4})(?:\.\s+(?=[A-Z])|\s+(?=[A-Z][\w'-]+ [A-Z]{1,3},))")  # "4. Prata", "18 Meretoja R,"
_LEAD_YEAR = re.compile(rf"^\((?P<y>{_YEAR_RX})(?:[a-z]|\s?[\u2013-]\s?{_YEAR_RX})?\)\s*")  # '(2010-2011) Survey.'
# "c2014 May" (copyright year of a web page or software); a year ending a book's line, old ones
# included ("Leipzig: G. E. Beer; 1791.", "USP: 2010."), never after a volume's colon (pages: "18: 1905").
_COPYRIGHT = re.compile(r"\bc(?P<y>(?:1[89]|20)\d{2})\b")
# "12/14/11" or "12/14/2011" (a decision's date; month first, as US courts print it).
_US_DATE = re.compile(r"(?<![\d/])(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])/(?P<y>\d{4}|\d{2})(?![\d/])")
# A date in ISO order closing the entry, as China's and other governments' regulations are cited by the day they take
# effect: 'Administrative Regulations on Medical Institution. 1994-09-01.' An access date is not the year of
# publication ('Accessed 2020-05-01'): after such a word the date is left to the access-date reading.
_ISO_DATE_LAST = re.compile(rf"(?<![\w/.-])(?P<y>{_YEAR_RX})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$")
# ... nor is the day a copy was archived ('Archived from the original on 2014-04-06.', Wikipedia's citations).
_ACCESS_WORD = re.compile(r"\b(?:access|cited|retriev|view|updat|consult)\w*\W*$|"
                          r"\barchived(?:\s+from\s+the\s+original)?(?:\s+on)?\W*$", re.IGNORECASE)
# Florida Blue's guidelines date an entry by month and two-digit year where the year stands: 'Stenting, 06/24.',
# 'J Vasc Surg. 08/05; 42(2): 213-9.' (a date closing the entry, or the source's before its volume)
_MONTH_YEAR = re.compile(r"(?<![\d/.])(?:0?[1-9]|1[0-2])/(?P<y>\d{2})(?![\d/])(?=\s*(?:\.?\s*$|;))")
# ('; 1840–1878': the years a work of several volumes came out over; the first is its year)
# ('1.1-2 ed2014': R's citation() glues the year to its 'ed' of a package's version; '6-10-1996': a date)
# ('Cholula, Mexico2006.', 'Reports of the Surgeon General2014.': PMC's copies lose the space before the year)
_LAST_YEAR = re.compile(rf"(?:[;,]|(?<=[^\W\d_]):|(?<=\sed)|(?<=[\s,][A-Z]{{2}})|(?<=[a-z]{{3}})(?=\d)|(?<![\d-])\d{{1,2}}-\d{{1,2}}-)\s*(?P<y>{_YEAR_RX})"
                        rf"(?:\s*[\u2013-]\s*{_YEAR_RX})?\.?$")


def leading(number: int, text: str) -> tuple[str, str | None]:
    """The entry without what precedes its authors, and a year printed there."""
    text = _LEAD.sub("", text)
    own = _OWN_NUMBER.match(text)
    if own and int(own.group("n")) == number:
        text = text[own.end():]
    year = _LEAD_YEAR.match(text)
    return (text[year.end():], year.group("y")) if year else (text, None)


# A year standing where the volume goes, before the pages ('Population Studies 1979: 395-413.',
# 'Proceedings of the ... Conference. 2013: 2568-2574.', 'NBER Working Paper; 2013: No. 19316.') or the page a
# report was cited at ('... (CDER), 2012: 17.'): read only when nothing else gives a year, since a series may
# number its volumes past 1800.
# A book's front-matter page in roman numerals counts too ('New York: McGraw-Hill; 1991: xiii.'), and so do a
# book's ISBN and pages written with 'p.'.
# EndNote's proceedings with the volume's number and the year run together, a sentence of their own before the pages
# or at the end: 'Proceedings of SPIE. 56302005. 538-43.' (volume 5630, 2005), '... Proceedings of SPIE. 85652013.'
_VOLUME_GLUED_YEAR = re.compile(r"\.\s+\d{3,4}(?P<y>(?:19|20)\d\d)\.(?=\s+(?:p\.\s*)?\d+\s*[\u2013-]\s*\d+\.?$|$)")
_YEAR_BEFORE_PAGES = re.compile(rf"(?:^|[\s.;,])(?P<y>{_YEAR_RX})\s*:\s*"
                                # a chapter's own pages, numbered within it ('Health, 2018: 22-1\u201322-80', Diabetes
                                # in America), before the plain pages
                                rf"(?:\d{{1,3}}-\d{{1,4}}\s*[\u2013-]\s*\d{{1,3}}-\d{{1,4}}"
                                rf"|[A-Za-z]?\d+(?:\s*[\u2013-]\s*[A-Za-z]?\d+)?|No\.\s*\d+"
                                rf"|[ivxlc]+(?:\s*[\u2013-]\s*[ivxlc]+)?"
                                # '... Orthotics; 2004: ISBN 87-89809-14-9.', 'Eur J Nutr. 2016: p. 1–16.': the
                                # book's number or the pages after the year
                                rf"|ISBN[\s:]*[\dXx][\dXx\s-]{{8,}}|pp?\.\s*\d+(?:\s*[\u2013-]\s*\d+)?"
                                # 'medRxiv, 2022: p. 2022.12.19.22283675.': a preprint's id as its page (EndNote)
                                rf"|p\.\s*\d{{4}}\.\d\d\.\s?\d\d\.\d{{6,8}}(?:v\d+)?)\.?"
                                # the entry's DOI may close it after the pages
                                rf"(?:\s+(?i:doi):?\s*10\.\S+?)?\.?$")
# 'London: 1965. Report No.: ISBN ...': a book's place and year, with no publisher between them.
_PLACE_YEAR = re.compile(rf"\b[A-Z][a-z]{{2,}}:\s*(?P<y>{_YEAR_RX})\.(?:\s|$)")
# 'Geneva: 2000 WHO/FCH/CAH/00.1.': the place, the year, then the report's code closing the entry.
_YEAR_BEFORE_CODE = re.compile(rf"(?<=[^\W\d_]):\s*(?P<y>{_YEAR_RX})\s+[A-Z][A-Z0-9]*[/\-][\w./\-]*$")
# 'Hospital Authority guideline on ... SARS. Aug 1, 2003:http://...': a day's date with its month's name, the
# address glued after it; what is left of a removed access date ('()') may close the entry after it.
_NAMED_DATE = re.compile(rf"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(?:0?[1-9]|[12]\d|3[01]),"
                         rf"\s*(?P<y>{_YEAR_RX}):?(?:\s*\(\s*\)|\s*\[\s*\])?$")
# '... risks to humans 2012: Available at: http://...': the year, then a colon whose address was taken off the end.
_YEAR_BEFORE_ADDRESS = re.compile(rf"(?<=[^\W\d_])\s+(?P<y>{_YEAR_RX}):$")



def late_year(body: str) -> str | None:
    """A year the usual places did not give: a copyright year, one ending the entry (or a report's code or the
    page cited after it), or a court's date."""
    end = body.rstrip(" .")
    m = (_COPYRIGHT.search(body) or _LAST_YEAR.search(end) or _YEAR_BEFORE_CODE.search(end)
         or _YEAR_BEFORE_ADDRESS.search(end))
    if m:
        return m.group("y")
    iso = _ISO_DATE_LAST.search(end)
    if iso and not _ACCESS_WORD.search(end[max(0, iso.start() - 40):iso.start()]):
        return iso.group("y")
    named = _NAMED_DATE.search(end)
    if named and not _ACCESS_WORD.search(end[max(0, named.start() - 40):named.start()]):
        return named.group("y")
    date = _US_DATE.search(body) or _MONTH_YEAR.search(body)
    if date:
        y = date.group("y")
        return y if len(y) == 4 else str((2000 if int(y) <= 30 else 1900) + int(y))
    place = _PLACE_YEAR.search(body)
    if place:
        return place.group("y")
    m = _YEAR_BEFORE_PAGES.search(body.rstrip(" ")) or _VOLUME_GLUED_YEAR.search(body.rstrip(" "))
    # A volume may look like a year; one not yet come ('J Biol. 2093: 1-10') is the volume.
    return m.group("y") if m and int(m.group("y")) <= datetime.date.today().year + 1 else None
