"""Signs that a reference entry says where the work was published, even where no journal was read."""
from __future__ import annotations

import re

# Publication details printed where the reader did not find the journal's name: 'PLoS Biol 5: 2095-2097',
# '2009;6(2):e100', 'London: Random House', 'In: Smith A, editor', a DOI or a PMID. A company's name issues a
# product's leaflet ('SmPC of INFECTOKRUPP Inhal, INFECTOPHARM Arzneimittel und Consilium GmbH. 2008').
DETAILS = re.compile(r"\b\d+\s*(?:\([\w\s-]+\))?\s*:\s*[A-Za-z]?\d|\bdoi\b|\bPMID\b|\bIn:\s|"
                      r"\b(?:[A-Z]{1,2}\d{4,}|e\d{4,})\b|"
                      # a trial registration's number names its registry as a DOI its publisher: 'NCT02759783',
                      # 'ISRCTN12345678', 'ChiCTR2000029308', 'ACTRN12615000063516', 'EudraCT 2015-001234-56'
                      r"\b(?:NCT\d{8}|ISRCTN\d{8}|ACTRN\d{14}|ChiCTR[-A-Z]*\d{6,}|DRKS\d{8}|CTRI/\d{4}/\d+/\d+|"
                      r"EudraCT(?:\s+No\.?)?\s+\d{4}-\d{6}-\d{2}|UMIN\d{9}|jRCT\w{6,}|PACTR\d{15}|KCT\d{7})\b|"
                      # a physics journal abbreviated with no spaces, its volume and page: 'Phys.Rev.D63:063506'
                      r"\b[A-Z][a-z]*\.(?:[A-Z][a-z]*\.)+\s?[A-Z]?\d+:\d+|\b\d+\s*[\u2013-]\s*\d+\.?\s*$|"  # L10603, CD006198; pages at the end
                      r"\b[A-Z][a-z]+\.?\s(?:[A-Z][a-z]*\.?\s)*(?:J|Journal|Proc|Proceedings|Rev|Lett|Bull|"
                      r"Bulletin|Ann|Acta|Arch|Trans|Handb|Rep|Res|Sci|Med)\b|"  # a journal's name
                      # a general medical journal whose one-word name carries none of those words
                      r"\b(?:The\s)?(?:Lancet|BMJ|JAMA|NEJM)\b|"
                      # chemistry and materials journals' title-less form: 'Sci. Adv. 2016, 2, 1600200.'
                      r"\b[A-Z][A-Za-z]*\.?(?:\s[A-Z][a-z]*\.?){0,4}\s(?:19|20)\d\d,\s*\d+(?:\s*\(\d+\))?,\s*[A-Za-z]?\d+\b|"
                      # ... and ahead of print, the abbreviated journal and the year alone: 'J. Hepatol. 2025.'
                      r"\b(?:[A-Z][a-z]*\.\s){1,4}[A-Z][a-z]{2,}\.\s(?:19|20)\d\d\.?\s*$|"
                      r"\b(?:Media|Publishers?|Univ|Springer|Wiley|Elsevier|Blackwell|Routledge|Macmillan|"
                      r"McGraw|Karger|Thieme|Lippincott|Sage|CRC|Verlag|Press|Publishing|Company|LLC|Inc|GmbH|Ltd|edition|"
                      r"[Rr]eport|[Tt]hesis|[Dd]issertation|[Vv]ersion\s\d|Court|Proceedings|[Cc]onference|"
                      r"Symposium|Workshop|\d+\s*pp)\b|[A-Z]{2,}/[A-Z]{2,}/\d{4}|"  # a UN document's symbol
                      # ': The Commonwealth Fund.', 'Bombay: The Kothari Book Depot.': a publishing body after a colon
                      r":\s*(?:[\w ]*\s)?(?:Society|Association|Union|Institute|Fund|Foundation|Trust|Depot)\b[\w ]*\.?$|"
                      r"\b\d+\s+(?:U\.\s?S\.|F\.\s?\dd|S\.\s?Ct\.)\s+\d|:\s*\{[^}]+\}|"  # '485 U.S. 58'; '{Libraries Unlimited}'
                      r"\b(?:London|New York|Amsterdam|Berlin|Paris|Boston|Washington|Oxford|Cambridge|Geneva|"
                      r"Heidelberg|Philadelphia|Chicago|Tokyo)\b[\s,]+(?:[A-Z]{2}\b[\s,.]*)?(?:\d{4}|p\.\s*\d+)?[\s.,]*$|"
                      # 'London, Arnold.', 'Philadelphia: Lea & Febiger.', 'Paris: Retz.': a publishing town, then a
                      # short name closing the entry (PLOS prints a book's imprint so, after the title without a stop);
                      # a town after a preposition is the title's ('Care in Paris: Lessons Learned')
                      r"(?<!\bin\s)(?<!\bof\s)(?<!\bat\s)(?<!\bto\s)(?<!\bfor\s)(?<!\bfrom\s)\b(?:London|New York|Amsterdam|Berlin|Paris|Boston|Washington|Oxford|Cambridge|Geneva|"
                      r"Heidelberg|Philadelphia|Chicago|Tokyo|Baltimore|Toronto|Edinburgh|Stockholm|Copenhagen|Madrid|"
                      r"Rome|Milan|Munich|Vienna|Zurich|Basel|Sydney|Melbourne|New Delhi|Beijing|Singapore|"
                      r"San Francisco|San Diego|Los Angeles|Thousand Oaks|Hoboken)\s*[,:]\s*"
                      r"[A-Z][\w'-]*(?:\s(?:&|and|[A-Z][\w'-]*)){0,4}\.?\s*$|"
                      # 'Impro Improvisation and the Theatre: Methuen; 1987.': a book's publisher and year after a
                      # colon where the place was left out (Vancouver's 'Place: Publisher; Year.'); a stop may follow
                      # the semicolon where the publisher closed the book's source ('Baltimore: Williams & Wilkins;.
                      # 1992.', BioMed Central's <source> with the imprint in it, then the year)
                      r":\s*[A-Z][^:;.]{0,50};\.?\s*(?:19|20)\d\d[a-z]?\.?\s*$|"
                      # '... wastewater American Public Health Association, American Water Works Association': a
                      # body named in full (its nation or reach, then what it is) issues the work
                      r"\b(?:American|British|European|National|International|World|Canadian|Australian)\s+"
                      r"(?:[A-Z][\w-]*\s+){0,4}(?:Association|Society|Federation|Council|Organi[sz]ation|Academy)\b|"
                      r"\b[A-Z][\w.]+(?:\s[A-Z][\w.]+)*\s*:\s*[A-Z][\w&.,' -]*(?:Press|Publish\w*|Books|"
                      r"Wiley|Springer|Elsevier|House|University|Academic|Verlag|Sons|Inc|Ltd|Co|Corp|Corporation|"
                      r"LP|GmbH)\b|"
                      # 'College Station, TX: StataCorp LP': a town, a state's code and a colon before the publisher
                      r"\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)*,\s*[A-Z]{2}:\s*[A-Z]|"
                      # 'Brisbane: University of Queensland; 2011' (a thesis); 'Hanoi: 2012.' (the author's own report)
                      r"\b[A-Z][a-z]+:\s*(?:University\s+of\s+[A-Z]|(?:19|20)\d\d\.?\s*$)|"
                      # '*Title*, Massachusetts Institute of Technology, (1962).': a thesis names its university last
                      r"[,.;]\s*(?:The\s+)?(?:[A-Z][\w.'-]*\s+){0,4}(?:University|Institute\s+of\s+Technology|"
                      r"Polytechnic|College)\b[^.;()]{0,40}[,;]?\s*\(?(?:19|20)\d\d[a-z]?\)?\.?\s*$|"
                      # 'Brussels. European Communities Health Directorate.': an issuing body, in Portuguese or
                      # Spanish too ('São Paulo: Terra Virgem, Secretaria do Meio Ambiente do Estado de São Paulo');
                      # 'Law 29/2006 ... Official State Gazette no. 178': a law's official gazette is where it is
                      # published
                      r"\b(?:Directorate|Ministry|Agency|Bureau|Commission|Minist[eé]rio|Secretar[ií]a|Ag[eê]ncia|"
                      r"Comiss[aã]o|Comisi[oó]n|Gazette|Federal\s+Register|"
                      r"Bolet[i\u00ed]n\s+Oficial|Diario\s+Oficial|Journal\s+[Oo]fficiel)\b|"
                      # 'Tese de Doutorado, Instituto de Geociências, Universidade Estadual Paulista', 'PhD thesis,
                      # University of Leeds': a thesis named as one, and where it was written
                      r"\b(?:[Tt]hes[ie]s|[Tt]h[eè]se|[Tt]ese|[Tt]esis|[Dd]isserta(?:tion|[cç][aã]o)|[Dd]isertaci[oó]n)\b"
                      r"[^.;]{0,80}\b(?:Universit|Universidad|Universidade|Institut|Faculdade|Facultad|College|Escola|"
                      r"Escuela)|"
                      r"\.\s+[A-Z][\w.]+(?:\s[A-Z][\w.]+){0,2}:\s*[A-Z][\w&.,' -]+\.?\s*$|"
                      # 'Manila: World Health Organization; 2015. In press.': a book's imprint, place, publisher, year
                      r"\.\s+[A-Z][\w.]+(?:\s[A-Z][\w.]+){0,2}:\s*[A-Z][\w&.,' -]+;\s*(?:19|20)\d\d\b")


def has_source(e) -> bool:
    """Where a reader finds the work: a journal or publisher, a web address, or the issuing body.

    An organisation that authored a guideline is also its publisher, so an
    organisational entry without a journal still says where it comes from; so
    does an entry printing a volume and pages, a DOI or a publisher's place.
    """
    return bool(e.source or e.url or e.organisation or _ACRONYM_AUTHOR.match(e.raw) or DETAILS.search(e.raw)
                or _BARE_ADDRESS.search(e.raw))


# A web address printed without its scheme or 'www.': 'ImageJ User Guide ... imagej.nih.gov/ij/docs/guide/'. A host
# ending in a common top-level domain and followed by a path is an address, not a word.
_BARE_ADDRESS = re.compile(r"(?<![\w@./-])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:gov|org|com|net|edu|int|info|"
                           r"(?:ac|co|gov|nhs|org)\.uk)/[\w./?=&%#~-]*", re.IGNORECASE)


# 'USAID (2008) Programming Guidance ...', 'WHO (2010) ...': an agency's acronym alone where the authors go is the
# body that issued the work (a person's name in capitals comes with initials: 'ZHANG Y'); so are several
# agencies' acronyms that author a joint report together ('UNICEF, WHO. Progress on Sanitation ... 2010.').
_ACRONYM_AUTHOR = re.compile(r"(?:\d+\.\s*)?[A-Z]{2,8}(?:\s*(?:,|&|and)\s*[A-Z]{2,8})*\s*"
                             r"(?:\((?:19|20)\d\d[a-z]?\)|\.\s+[A-Z])")
