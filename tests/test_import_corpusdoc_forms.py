"""Forms met in payer policies, NHS prescribing documents and WHO guidelines written by others (/work/corpusdoc):
a list label glued to its entry, a line numbered out of turn that is an entry's wrapped tail, a list printed in
parts each numbered from 1, an undated bulleted list under References, and in PDFs a page number set beside its
chapter's running title, set in bold, or standing halfway down the sheet's outer edge. The texts are made here;
each form has a positive and a clean case."""
from __future__ import annotations

from importtools import layout_line as _line
from kb.checks.ref_numbering import duplicate_number, numbering_gap, numbering_out_of_order
from kb.read.parse_policy import parse_policy

from checks.policy_text import run_rule


def _policy(listing: str, body: str = "Widgets helped (Abbot, 2019).") -> str:
    return (f"# Example Health\n\n## Widget Therapy\n\n### Policy\n\nWidgets are covered.\n\n"
            f"### Rationale\n\n{body}\n\n### References\n\n{listing}\n")


def _entries(listing: str):
    return parse_policy(_policy(listing)).references


def test_a_label_glued_to_its_entry_opens_the_next_entry():
    """Cigna: '80.Courcoulas A, Abu Dayyeh BK ...', '40.ASGE Technology Committee ...' (the list's tab lost)."""
    listing = ("1. Abbot A, Baker B. Widgets in knees. Knee. 2019;1:1-2.\n\n"
               "2.Courcoulas A, Dayyeh BK. Widgets at three years. JAMA. 2017;3:4-5.\n\n"
               "3.ASGE Technology Committee. Widget devices. Gastrointest Endosc. 2015;81:1-9.")
    entries = _entries(listing)
    assert [(e.number, e.first_author or e.organisation) for e in entries] == [
        (1, "Abbot"), (2, "Courcoulas"), (3, "ASGE Technology Committee")]
    # Clean case: a glued number out of turn, or a decimal, stays the entry's text.
    kept = _entries("1. Abbot A. Widgets in knees. Knee. 2019;1:1-2\n5.Results were pooled.\n2.5 mg daily.")
    assert len(kept) == 1 and kept[0].raw.endswith("5.Results were pooled. 2.5 mg daily.")


def test_a_line_numbered_out_of_turn_that_opens_with_an_entrys_tail_is_wrapped_text():
    """Cigna: 'doi: 10.1007/s11695-019-03828-' broken before '1. PMID: 30937874.'; '2009 Jan' before
    '26. [Epub ahead of print]'."""
    listing = ("1. Abbot A. Widgets. Knee. 2019;1:1-2.\n"
               "2. Baker B. Widget regain. Obes Surg. 2019;29(7):2225-32. doi: 10.1007/s11695-019-03828-\n"
               "1. PMID: 30937874.\n"
               "3. Cole C. Widget livers. Surg Obes Relat Dis. 2009 Jan\n"
               "26. [Epub ahead of print]")
    entries = _entries(listing)
    assert [e.number for e in entries] == [1, 2, 3]
    assert entries[1].pmid == "30937874" and entries[2].epub_ahead
    # Clean case: an entry out of turn that opens with a name is still an entry (REF101 reports the gap).
    assert [e.number for e in _entries("1. Abbot A. Widgets. Knee. 2019;1:1-2.\n7. Doi Y. Widget tails. "
                                       "Knee. 2020;2:3-4.")] == [1, 7]


_PARTS = ("**Peer Reviewed Publications:**\n\n"
          "1. Abbot A. Widgets in knees. Knee. 2019;1:1-2.\n"
          "2. Baker B. Widgets in hips. Hip. 2020;2:3-4.\n\n"
          "{label}\n\n"
          "1. American Academy of Widgets. Position statement. 2021.\n"
          "2. Centers for Medicare & Medicaid Services. Widget coverage. 2022.")


def test_a_list_in_parts_each_numbered_from_one_is_no_duplicate_numbering():
    """Anthem: 126 peer-reviewed papers, then 'Government Agency, Medical Society, and Other Authoritative
    Publications:' numbered from 1 again; the label is kept out of the entry above it."""
    for label in ("**Government Agency, Medical Society, and Other Authoritative Publications:**",
                  "Government Agency and Other Publications:"):
        text = _policy(_PARTS.format(label=label))
        entries = parse_policy(text).references
        assert [(e.part, e.number) for e in entries] == [(0, 1), (0, 2), (1, 1), (1, 2)]
        assert "Government" not in entries[1].raw
        for rule in (duplicate_number, numbering_gap, numbering_out_of_order):
            assert run_rule(rule, text) == []
    # Clean case: a number restarting with no label above it is still a duplicate.
    text = _policy(_PARTS.format(label=""))
    assert {e.part for e in parse_policy(text).references} == {0}
    assert len(run_rule(duplicate_number, text)) == 2


def test_a_colon_line_that_does_not_open_a_part_stays_in_its_entry():
    """Clean case: 'Available at:' wrapped before the address is the entry's text, not a part's label."""
    entries = _entries("1. Abbot A. Widgets. 2019. Available at:\nhttps://example.org/widgets\n"
                       "2. Baker B. Hips. Hip. 2020;2:3-4.")
    assert entries[0].url == "https://example.org/widgets" and "Available at:" in entries[0].raw
    assert {e.part for e in entries} == {0}


def test_an_undated_bulleted_list_under_references_is_read():
    """NHS: '- NICE guideline NG28', '- TREND diabetes: Safe Driving and The DVLA', uncited and mostly undated."""
    listing = ("- TREND diabetes: Safe driving and the DVLA\n"
               "- Type 2 diabetes in adults: management, NICE guideline NG28\n"
               "- PrescQIPP Bulletin 333. CGM and insulin pump formulary and commissioning guidance\n\n"
               "Document ratification details\n\n| Ratified by | Joint Prescribing Group |")
    entries = _entries(listing)
    assert [e.number for e in entries] == [1, 2, 3] and entries[2].raw.startswith("PrescQIPP")
    # Clean case: a paragraph first, then bullets, is read as before (undated text is no list).
    assert _entries("Some guidance we used.\n\n- TREND diabetes: Safe driving\n- NICE guideline NG28") == ()


def test_a_page_number_beside_its_chapters_running_title_is_dropped():
    """WHO: '43<tab>References' at the foot of each left-hand page of the reference list, its title printed on
    a few pages only; a page number in bold."""
    from kb.importers.pdf_furniture import drop_running_lines

    pages = []
    for n in range(1, 7):
        foot = f"**{n}**" if n % 2 else f"{n}\tReferences" if n < 6 else f"{n}\tAnnex"
        pages.append([_line(f"Body text of page {n} about widgets.", 300), _line(foot, 760)])
    kept, dropped = drop_running_lines(pages, [792.0] * 6)
    texts = [line.text for page in kept for line in page]
    assert dropped == 5 and texts.count("6\tAnnex") == 1  # clean: a chapter title printed once stays
    # Clean case: a bold number in the body is the body's.
    kept, dropped = drop_running_lines([[_line("**35**", 300)]], [792.0])
    assert dropped == 0 and kept[0][0].text == "**35**"


def _glyph(text: str, x0: float, top: float, size: float = 8.0) -> dict:
    return {"text": text, "x0": x0, "x1": x0 + size * 0.5, "top": top, "bottom": top + size, "size": size}


def test_a_page_number_halfway_down_the_outer_edge_is_taken_out_before_lines_are_built():
    """WHO: '54' set at the sheet's left edge beside a reference's line; its larger digits would make the
    line's glyphs read as superscripts."""
    from kb.importers.pdf_furniture import drop_side_numbers

    body = [_glyph(c, 71 + 4 * i, 413.5) for i, c in enumerate("49 Alonso-Coello P, Schunemann HJ. GRADE.")]
    number = [_glyph("5", 11, 421, 12.0), _glyph("4", 17, 421, 12.0)]
    chars, gone = drop_side_numbers(body + number, 595.0)
    assert gone == 1 and chars == body
    # Clean case: a word in the strip, or a number in the body, stays.
    note = [_glyph("N", 11, 421), _glyph("B", 15, 421)]
    assert drop_side_numbers(body + note, 595.0) == (body + note, 0)
    assert drop_side_numbers(body, 595.0) == (body, 0)


def test_a_doi_broken_after_its_prefix_or_its_dot_is_joined():
    """WHO: 'doi: 10.1016/j.' over 'actatropica.2009.11.001.', 'doi: 10.1016/' over 'S2352-3026(23)00118-7.'."""
    from importtools import written_lines

    for first, second, doi in (("Acta Trop. 2010;114(1):1-16. doi: 10.1016/j.", "actatropica.2009.11.001.",
                                "10.1016/j.actatropica.2009.11.001."),
                               ("Lancet Haematol. 2023;10(8):e585-99. doi: 10.1016/", "S2352-3026(23)00118-7.",
                                "10.1016/S2352-3026(23)00118-7.")):
        text = written_lines([_line(first, 100, x1=500), _line(second, 112, x1=200)])
        assert doi in text
    # Clean case: a DOI closing its line, and the next entry's words, stay apart.
    text = written_lines([_line("Acta Trop. 2010;114:1-16. doi: 10.1016/j.actatropica.2009.11.001.", 100, x1=500),
                          _line("Accessed 1 April 2025.", 112, x1=200)])
    assert "2009.11.001. Accessed" in text


def test_a_mean_and_its_spread_before_an_interval_give_the_mean_as_the_estimate():
    """Anthem: 'from 54.6 \u00b1 23.0 [95 % CI, 51.4, 57.8] to 19.2 \u00b1 16.8 [95 % CI, 16.9, 21.5] events/hour'."""
    from kb.estimates.find import find_estimates

    text = "AHI fell from 54.6 \u00b1 23.0 [95 % CI, 51.4, 57.8] to 19.2 \u00b1 16.8 [95 % CI, 16.9, 21.5] events/hour."
    assert [(f.value, f.low, f.high) for f in find_estimates(text)] == [("54.6", "51.4", "57.8"),
                                                                        ("19.2", "16.9", "21.5")]
    # Clean case: with no spread printed, the number before the interval is still its estimate.
    assert [f.value for f in find_estimates("The change was 23.0 [95% CI, 20.1, 25.7].")] == ["23.0"]


def test_a_threshold_before_a_design_noun_is_no_count_of_the_cited_works():
    """Anthem: 'in individuals with a BMI of greater than 32 are limited to retrospective studies (...)'."""
    from kb.sources.claims import count_claims

    def claims(text):
        return [c.count for c in count_claims(text, [(text.index("["), text.index("]") + 1)])]

    assert claims("Data with a BMI of greater than 32 are limited to retrospective studies [7, 44].") == []
    # Clean case: the same words with the number counting the studies are a claim.
    assert claims("Data are limited to 32 retrospective studies [7, 44].") == [32]


def test_a_decrease_printed_as_its_size_before_signed_bounds_is_no_misprint():
    """Cigna: 'HbA1c decreased by 1.6% (95% CI, -1.8% to -1.3%)'; Anthem: 'the mean decrease in AHI of 12.9
    (95% CI, -17.0 to -8.7)': the words give the sign; said as info, not as an error."""
    from kb.checks.est import estimate_outside_interval

    from checks.policy_text import make_policy

    def severities(sentence):
        return [f.severity for f in run_rule(estimate_outside_interval, make_policy(body=sentence + "<sup>[1]</sup>"))]

    assert severities("At 7 years HbA1c decreased by 1.6% (95% CI, \u22121.8% to \u22121.3%) after surgery.") == ["info"]
    assert severities("At 12 months the mean decrease in AHI was 12.9 (95% CI, \u201317.0 to \u20138.7).") == ["info"]
    # Clean case: with no word giving the direction, the same numbers are a misprint.
    assert severities("At 7 years HbA1c changed by 1.6% (95% CI, \u22121.8% to \u22121.3%) after surgery.") == ["error"]


def test_a_month_and_two_digit_year_where_the_year_stands_gives_the_year():
    """Florida Blue: 'Extracranial Carotid Artery Stenting, 06/24.', 'J Vasc Surg. 08/05; 42(2): 213-9.'."""
    from kb.read.reference_list import parse_entry

    assert parse_entry(3, "Blue Cross Blue Shield Association. 7.01.68 Carotid Artery Stenting, 06/24.", 1).year == 2024
    assert parse_entry(6, "CaRESS Steering Committee. Carotid revascularization: 1-year results. J Vasc Surg. "
                          "08/05; 42(2): 213-9.", 1).year == 2005
    # Clean case: a fraction inside the title is no date, and the entry's own year still wins.
    assert parse_entry(7, "Smith A. Doses of 1/2 and 3/4 in knees. Some Press.", 1).year is None
    assert parse_entry(8, "Smith A. Dosing at 3/10 of the usual amount. J Foo. 2001;3:4.", 1).year == 2001


def test_a_figure_notes_acronym_and_colon_defines_it():
    """WHO: 'HIS:health information system; ICT: information and communications technology; ...'."""
    from kb.checks.doc_acronyms import acronym_undefined

    from checks.policy_text import make_policy

    def undefined(note):
        body = (f"The health management information system (HMIS) reports yearly.<sup>[1]</sup>\n\n{note}\n\n"
                "Data flow into the HIS every month.<sup>[1]</sup> The HIS holds them.<sup>[2]</sup>")
        return [f.message for f in run_rule(acronym_undefined, make_policy(body=body))]

    assert undefined("Figure 2. Data flows. HIS:health information system; ICT: information and "
                     "communications technology.") == []
    # Clean case: a note that does not spell it out leaves it undefined.
    assert any("'HIS'" in m for m in undefined("Figure 2. Data flows. ICT: information and communications technology."))
