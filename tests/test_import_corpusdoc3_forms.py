"""Forms met in WHO guidelines written by others (/work/corpusdoc2): a chapter's running title printed alone in
the header slot of its pages, a page number in bold beside a chapter's running title, a footnote mark on the
References heading, and an annex with a short reference list of its own after the guideline's list. The texts
are made here; each form has a positive and a clean case."""
from __future__ import annotations

from importtools import layout_line as _line
from kb.read.parse_policy import parse_policy


def _policy(listing: str, tail: str = "", heading: str = "References") -> str:
    return (f"# Example Health\n\n## Widget Therapy\n\n### Policy\n\nWidgets are covered.\n\n"
            f"### Rationale\n\nWidgets helped [1].\n\n### {heading}\n\n{listing}\n{tail}")


_WORDS = ("alder", "birch", "cedar", "dogwood", "elm", "fir", "ginkgo", "hazel", "ivy", "juniper", "kapok", "larch")

_LIST = ("1. Abbot A, Baker B. Widgets in knees. Knee. 2019;1:1-2.\n"
         "2. Cole C. Widgets in hips. Hip. 2020;2:3-4.\n"
         "3. Dunn D. Widgets in elbows. Elbow. 2021;3:5-6.\n")


def test_a_chapters_running_title_in_the_header_slot_is_dropped():
    """WHO: the guideline's title at the head of each left-hand page, the chapter's ('References') at the head
    of each right-hand page of that chapter, at the same height; the chapter's is on too few pages to count as
    the document's running header, and read as a heading it opened the list again on every right-hand page."""
    from kb.importers.pdf_furniture import drop_running_lines

    pages = []
    for n in range(1, 10):
        head = "*Widget guideline*" if n % 2 == 0 else "*References*" if n >= 5 else "*Methods*"
        pages.append([_line(head, 28, size=8.0), _line(f"{n}. Entry on {_WORDS[n]} widgets.", 80),
                      _line(f"Body text on {_WORDS[n]}.", 300)])
    kept, dropped = drop_running_lines(pages, [842.0] * 9)
    texts = [line.text for page in kept for line in page]
    assert not any(t in ("*References*", "*Methods*", "*Widget guideline*") for t in texts)
    assert dropped == 9
    # Clean case: the same title repeated at the head of the text block, below the header slot, is the text's
    # (a heading that opens each page of a form, say), and so is a header-slot line printed on one page only.
    pages = []
    for n in range(1, 10):
        head = [_line("*Widget guideline*", 28, size=8.0)] if n % 2 == 0 else []
        first = _line("References", 74) if n in (3, 5) else _line(f"Body text opening on {_WORDS[n]}.", 74)
        once = [_line("*Annex*", 28, size=8.0)] if n == 9 else []
        pages.append(head + once + [first, _line(f"Body text on {_WORDS[n]}.", 300)])
    kept, dropped = drop_running_lines(pages, [842.0] * 9)
    texts = [line.text for page in kept for line in page]
    assert texts.count("References") == 2 and "*Annex*" in texts and dropped == 4


def test_a_bold_page_number_beside_a_chapters_running_title_is_dropped():
    """WHO: 'References<tab>**31**' and '4. Other recommendations<tab>**19**' at the foot of right-hand pages,
    the page number in bold; read as text, the footer became a line of the reference list."""
    from kb.importers.pdf_furniture import drop_running_lines

    pages = []
    for n in range(1, 13):
        chapter = "Methods" if n < 5 else "References" if n < 9 else "Annex 1. Contributors"
        foot = f"{chapter}\t**{n}**" if n % 2 else f"{n}\tWidget guideline for everyone"
        pages.append([_line(f"Body text of page {n} about widgets.", 300), _line(foot, 800)])
    kept, dropped = drop_running_lines(pages, [842.0] * 12)
    texts = [line.text for page in kept for line in page]
    assert dropped == 12 and not any("\t" in t for t in texts)
    # Clean case: a table row in the body with a bold count after a gap is the table's.
    kept, dropped = drop_running_lines([[_line("Trials\t**31**", 300)], [_line("Trials\t**12**", 300)]],
                                       [842.0] * 2)
    assert dropped == 0


def test_a_footnote_mark_on_the_references_heading_still_heads_the_list():
    """WHO: 'References<sup>2</sup>' with the footnote '2 All references were accessed on 2 January 2025.'"""
    entries = parse_policy(_policy(_LIST, heading="References<sup>2</sup>")).references
    assert [e.first_author for e in entries] == ["Abbot", "Cole", "Dunn"]
    # Clean case: 'References 2' (a second part, with a space) or a word that only begins with 'Reference' is
    # no footnote mark.
    from kb.read.parse_policy import REFERENCE_HEADING

    assert not REFERENCE_HEADING.match("References 2") and not REFERENCE_HEADING.match("Referenced")
    assert REFERENCE_HEADING.match("References*") and REFERENCE_HEADING.match("References\u2020")


def test_an_annexs_own_reference_list_is_set_apart():
    """WHO: the guideline's list 1-92, then 'Annex 3. Protocol for the systematic review' with its own
    '3. References' 1-8; the reader takes the last References heading, so it read the annex's 8 entries."""
    from kb.importers.pdf_entries import set_apart_supplement_lists

    annex = ("\n### Annex 3. Protocol for the systematic review\n\nWe will use GRADE.<sup>1</sup>\n\n"
             "###### 3. References\n\n1. Guyatt G. GRADE guidelines. BMJ. 2008;336:924-6.\n")
    markdown, note = set_apart_supplement_lists(_policy(_LIST, annex))
    assert note and "Annex 3" in note
    assert [e.first_author for e in parse_policy(markdown).references] == ["Abbot", "Cole", "Dunn"]
    # Clean case: an annex before the only reference list, or an annex with no list, changes nothing.
    before = ("# Example Health\n\n## Annex 1. Coding\n\nCodes.\n\n## References\n\n" + _LIST)
    assert set_apart_supplement_lists(before) == (before, None)
    plain = _policy(_LIST, "\n### Annex 1. Case definitions\n\nA case is ...\n")
    assert set_apart_supplement_lists(plain) == (plain, None)


def _cited(text: str) -> list[tuple[int, ...]]:
    return [m.numbers for m in parse_policy(text).markers]


_NAMES = ("Abbot", "Baker", "Cole", "Dunn", "Eve", "Frost", "Gray", "Hale", "Ives", "Jones", "Kerr", "Lund",
          "Moss", "Nash", "Orr", "Pike", "Quinn", "Reid", "Sims", "Todd", "Urry", "Vance", "Webb", "Young")
_LONG = "".join(f"{n}. {name} A. Widgets, part {n}. Knee. 2019;{n}:1-2.\n" for n, name in enumerate(_NAMES, 1))


def test_raised_footnote_marks_in_a_document_that_cites_with_parentheses_leave_the_parentheses_markers():
    """WHO: the text cites '(1)' ... '(92)', its GRADE evidence tables mark notes 'serious imprecision<sup>1</sup>',
    'indirectness<sup>4</sup>' (37 of them); the raised numbers outvoted the parentheses, so the text's own
    citations went unread and the notes were read as citations of the list's first entries."""
    body = " ".join(f"Widgets helped in study {n} ({n})." for n in range(1, 25))
    notes = "\n\n".join(f"Certainty: low, serious {w}<sup>{n}</sup>" for n, w in enumerate(
        ("imprecision", "indirectness", "imprecision", "inconsistency", "imprecision"), 1))
    text = (f"# Example Health\n\n## Widget Therapy\n\n### Rationale\n\n{body}\n\n### Evidence profile\n\n{notes}\n\n"
            f"### References\n\n{_LONG}")
    assert _cited(text) == [(n,) for n in range(1, 25)]
    # Clean case: a document that cites with raised numbers across its list keeps them, its few numbers in
    # parentheses ('(1)', '(2)') being list labels or asides.
    body = " ".join(f"Widgets helped in study {n}.<sup>{n}</sup>" for n in range(1, 25))
    text = (f"# Example Health\n\n## Widget Therapy\n\n### Rationale\n\n{body} Two aims (1) cost (2) time (3) "
            f"harm.\n\n### References\n\n{_LONG}")
    assert _cited(text) == [(n,) for n in range(1, 25)]


def test_a_parenthesised_number_set_in_italics_inside_its_parentheses_is_a_marker():
    """WHO: '... reported from four countries (*22*).' among '*(16)*' and '(12)'; the italics inside the
    parentheses hid the marker, and reference 22 was reported as never cited."""
    body = " ".join(f"Widgets helped in study {n} ({n})." for n in range(1, 24)) + " Widgets helped again (*24*)."
    text = f"# Example Health\n\n## Widget Therapy\n\n### Rationale\n\n{body}\n\n### References\n\n{_LONG}"
    assert _cited(text)[-1] == (24,)
    # Clean case: an italic year in parentheses is no marker, nor a compound's number in bold ('(**3**)').
    body = " ".join(f"Widgets helped in study {n} ({n})." for n in range(1, 25)) + " A survey (*2009*) agreed " \
        "on widget (**3**)."
    text = f"# Example Health\n\n## Widget Therapy\n\n### Rationale\n\n{body}\n\n### References\n\n{_LONG}"
    assert _cited(text) == [(n,) for n in range(1, 25)]


def test_a_threshold_before_an_interval_is_no_estimate():
    """WHO: an evidence table read as lines, '... Odds ratio: 2.45 ... Patients with CD4 < 350' over
    '(95% CI 1.19 to 5.02)'; the threshold 350 was read as the estimate (EST102: outside its interval)."""
    from kb.estimates.find import find_estimates

    found = find_estimates("Odds ratio: 2.45 High Patients with CD4 < 350 (95% CI 1.19 to 5.02) are at risk.")
    assert [(f.value, f.low, f.high) for f in found] == [("", "1.19", "5.02")]
    # Clean case: an estimate printed before its interval is read, and so is one after 'was'.
    found = find_estimates("Risk was higher (OR 2.45, 95% CI 1.19 to 5.02) and the rate 12.5 (95% CI 10.1 to 14.9).")
    assert [f.value for f in found] == ["2.45", "12.5"]


def _org_findings(listing: str, body: str) -> list[str]:
    from kb.checks.cit_sources import named_org_or_trial_mismatch
    from checks.policy_text import run_rule

    text = (f"# Example Health\n\n## Widget Therapy\n\n### Rationale\n\n{body}\n\n### References\n\n{listing}")
    return [f.message for f in run_rule(named_org_or_trial_mismatch, text)]


def test_a_title_first_report_names_the_body_that_published_it():
    """WHO: 'WHO updated the manual on Laboratory and point-of-care diagnostic testing ... (12)', where 12 is
    'Laboratory and point-of-care diagnostic testing ... Geneva: World Health Organization; 2023': the
    report names its issuing body only as its publisher (CIT203 said it does not name WHO)."""
    body = "Widgets were tested [1]. The World Health Organization (WHO) updated the manual on widget testing [2]."
    first = "1. Abbot A. Widgets in knees. Knee. 2019;1:1-2.\n"
    listing = first + "2. Widget testing manual. Geneva: World Health Organization; 2023 (https://example.org).\n"
    assert _org_findings(listing, body) == []
    # Clean case: a report another body published does not name WHO.
    listing = first + "2. Widget testing manual. London: Widget Press; 2023 (https://example.org).\n"
    assert any("does not name WHO" in m for m in _org_findings(listing, body))


_BODY = ("## Introduction\n\nWidgets helped [1].\n\n## References\n\n"
         "1. Abbot A, Baker B. Widgets in knees. Knee. 2019;1:1-2.\n")


def test_a_cover_title_printed_again_on_the_title_page_and_broken_over_lines_is_the_title():
    """WHO: the cover and the inside title page print the title in large type, one heading a line
    ('Guidelines for the' / 'management of' / ...), twice; with several top headings no title was read."""
    cover = "# Guidelines for the\n\n# management of\n\n# widgets\n\n"
    meta = parse_policy(cover * 2 + "Some rights reserved.\n\n" + _BODY).metadata
    assert meta["title"] == "Guidelines for the management of widgets"
    repeated = "# **Clinical management of widgets**\n\n## Living guideline *May 2025*\n\n"
    meta = parse_policy(repeated * 2 + "Some rights reserved.\n\n" + _BODY).metadata
    assert meta["title"] == "Clinical management of widgets"
    # Clean case: top headings with text between them are sections, and no title is read from them.
    meta = parse_policy("# Part one\n\nText of part one.\n\n# Part two\n\nText of part two.\n\n" + _BODY).metadata
    assert meta["title"] is None


def test_the_copyright_line_at_the_front_names_the_issuer():
    """WHO: '© World Health Organization 2025' under the title page; no issuer was read."""
    text = "# Clinical management of widgets\n\n###### **© World Health Organization 2025**\n\nSome rights.\n\n" + _BODY
    assert parse_policy(text).metadata["issuer"] == "World Health Organization"
    # Clean case: a copyright line naming a person or far into the text names no issuer; nor does none.
    text = "# Clinical management of widgets\n\nSome rights.\n\n" + _BODY + "\n" + "Text.\n\n" * 80 + "© WHO 2025\n"
    assert parse_policy(text).metadata["issuer"] is None


def _own_voice(front: str) -> list[str]:
    from kb.checks.cit_sources import named_org_or_trial_mismatch
    from checks.policy_text import run_rule

    text = (f"# Widget guideline\n\n{front}\n\n## Rationale\n\nWidgets were studied [1]. The World Health "
            f"Organization (WHO) recommends widgets for all adults [2].\n\n## References\n\n"
            f"1. Abbot A, Baker B. Widgets in knees. Knee. 2019;1:1-2.\n"
            f"2. Cole C, Dunn D. Widgets in hips: a randomized trial. Hip. 2020;2:3-4.\n")
    return [f.message for f in run_rule(named_org_or_trial_mismatch, text)]


def test_the_issuer_speaking_in_its_own_guideline_is_not_the_cited_source():
    """WHO: 'WHO recommends to test for monkeypox virus ... [106]' in WHO's own guideline, 106 a review that
    supports the recommendation; the body named is the document's author, not the cited work's."""
    assert _own_voice("###### **\u00a9 World Health Organization 2025**") == []
    # Clean case: in another body's document the same sentence attributes the recommendation to WHO, and a
    # trial cited for it is not WHO's.
    assert any("does not name WHO" in m for m in _own_voice("\u00a9 Example Health Plan 2025"))


def _year_findings(sentence: str) -> list[str]:
    from kb.checks.cit_sources import named_year_mismatch
    from checks.policy_text import run_rule

    text = (f"# Example Health\n\n## Widget Therapy\n\n### Rationale\n\nWidgets were studied [2]. {sentence}\n\n"
            f"### References\n\n1. Widget Society. Widget case definitions and criteria. Boston: Widget Society; 2023.\n"
            f"2. Abbot A, Baker B. Widgets in knees. Knee. 2019;1:1-2.\n")
    return [f.message for f in run_rule(named_year_mismatch, text)]


def test_a_year_that_dates_an_event_after_conducted_in_is_not_the_bodys_document():
    """WHO: 'The Pan American Health Organization recently issued updated ... case definitions ... based on the
    systematic review of clinical features ... conducted in 2022 (12)', 12 PAHO's 2023 document: the year
    dates the review, not the body's document (CIT202 said the body was cited with the wrong year)."""
    assert _year_findings("The Widget Society (WS) recently issued case definitions based on the systematic "
                          "review conducted in 2022 [1].") == []
    # Clean case: a year that dates the body's act is checked.
    assert _year_findings("In 2022, the Widget Society (WS) issued case definitions [1].")


def test_a_citation_opening_a_wrapped_line_does_not_start_a_list_item():
    """WHO: 'counteract the efficacy of IpTp-SP as an antimalarial' over '(72) and thus reaffirms the existing
    WHO recommendation ...': the marker opening the line was taken for a list label, the sentence cut in two and
    the marker lost (CIT104: reference 72 not cited)."""
    from importtools import written_lines

    out = written_lines([_line("evidence that doses of folic acid counteract the widgets", 100, x1=300.0),
                         _line("(72) and thus reaffirms the existing recommendation on widgets.", 114, x1=500.0)])
    assert "widgets (72) and thus" in " ".join(out.split()) and "\n(72)" not in out
    # Clean case: after a line that ends its clause, '(2) the second ...' is a list item.
    out = written_lines([_line("Widgets come in two kinds:", 100, x1=200.0),
                         _line("(1) the first kind of widget, made of oak;", 114, x1=400.0),
                         _line("(2) the second kind of widget, made of elm.", 128, x1=400.0)])
    assert "\n(1) the first" in out and "\n(2) the second" in out
    # ... nor does an equation's number under a lone sum sign ('X' over '(5) inf = P(v, s)'): it stays its line.
    out = written_lines([_line("X", 100, x1=60.0), _line("(5) inf = P(v, s) + P(v, w) over the seeds", 114, x1=400.0)])
    assert "\n(5) inf" in out


_BACKGROUND = ("Sickle-cell widget disease is a group of inherited disorders that results from a change in the "
               "widget protein of the blood [1]. It is a common inherited condition worldwide, affecting many "
               "millions of people, and it is highly prevalent in several regions where widgets were once "
               "endemic, causing a significant disease burden in those regions and in many other countries too.")


def _repeats(first_heading: str) -> list[str]:
    from kb.checks.doc_text import repeated_paragraph
    from checks.policy_text import run_rule

    text = (f"# Example Health\n\n## Widget guideline\n\n### {first_heading}\n\n{_BACKGROUND}\n\n"
            f"### Introduction\n\n{_BACKGROUND}\n\n### References\n\n1. Abbot A. Widgets. Knee. 2019;1:1-2.\n")
    return [f.message for f in run_rule(repeated_paragraph, text)]


def test_an_executive_summary_restating_the_introduction_is_no_repeated_paragraph():
    """WHO: the executive summary restates the introduction's background word for word, citing the same
    sources, by design; DOC121 reported each paragraph once the document's markers were read."""
    assert _repeats("Executive Summary") == []
    # Clean case: the same paragraph printed twice in the body is reported.
    assert _repeats("Background")
