"""Forms met in the held-out folder /work/corpusdoc4 (an Anthem clinical criteria PDF, a society guideline converted
to Markdown by Docling): a year printed as an ISO year and month before the volume, a reference list numbered per
section under one References heading, and labels printed with a space before their stop. The texts are made here;
each form has a positive and a clean case."""
from __future__ import annotations

from formtools import codes_of
from kb.read.parse_policy import parse_policy
from kb.read.reference_list import parse_entry


def test_an_iso_year_and_month_before_the_volume_is_the_year():
    """Anthem CC-0029: 'Journal of the American Academy of Dermatology. 2014-01;71:116.' gave no year (REF111)."""
    entry = parse_entry(14, "Eichenfield L. Guidelines of care for widgets: section 2. Journal of the American "
                            "Academy of Widgets. 2014-01;71:116.", 1)
    assert (entry.year, entry.source, entry.volume, entry.pages) == (2014, "Journal of the American Academy of "
                                                                           "Widgets", "71", "116")
    # Clean case: a number past twelve after the hyphen is no month, and no year is made of it.
    other = parse_entry(2, "Smith J. A widget trial. J Widg. 2014-13;71:116.", 1)
    assert other.year is None


_SECTIONS = ("# Widget Guideline\n\n## 1. Widgets\n\nWidgets are recommended.\n\n## 2. Gadgets\n\n"
             "Gadgets are not recommended.\n\n## REFERENCES\n\n\n## 1. Widgets\n\n"
             "1. Smith A, Jones B. A widget trial. J Widg. 2001;1:1-5.\n"
             "2. Brown C. Widgets for all. J Widg. 2003;3:7-9.\n\n## 2. Gadgets\n\n"
             "1. Smith A, Jones B. A widget trial. J Widg. 2001;1:1-5.\n"
             "2. Green D. A gadget cohort. Gadget Res. 2005;5:10-19.\n\n## Appendix 1. Committee\n\n"
             "The committee met twice.\n")


def test_a_reference_list_numbered_per_section_is_read_in_parts():
    """AHA/ACC 2025 (Docling Markdown): '## REFERENCES' over '## Preamble', '## Introduction', ... each over a list
    starting at 1: the list was empty ('the reference list has no numbered entries') and the import refused it."""
    doc = parse_policy(_SECTIONS)
    assert [(e.number, e.part, e.year) for e in doc.references] == [(1, 0, 2001), (2, 0, 2003), (1, 1, 2001),
                                                                    (2, 1, 2005)]
    # the same paper under two sections is cited by both, not listed twice (REF134), nor is a number reused
    assert codes_of(_SECTIONS, "REF134") == [] and codes_of(_SECTIONS, "REF102") == []
    # Clean case: a References heading with its own list ends at the next heading, whatever follows it; and
    # a paper listed twice within one part is still a duplicate.
    own = ("# Widget Policy\n\n## Rationale\n\nWidgets help.\n\n## References\n\n"
           "1. Smith A, Jones B. A widget trial. J Widg. 2001;1:1-5.\n"
           "2. Smith A, Jones B. A widget trial. J Widg. 2001;1:1-5.\n\n## Appendix\n\n"
           "1. Step one of the appendix.\n2. Step two.\n")
    assert [e.number for e in parse_policy(own).references] == [1, 2]
    assert codes_of(own, "REF134") == [("REF134", "warning")]


def test_a_label_printed_with_a_space_before_its_stop_opens_the_next_entry():
    """AHA/ACC 2025 (Docling): '- 17 . Ehret GB, ...' and '13. 17 . Kositanurit W, ...' in a list otherwise
    numbered '16. ...', '18. ...': reference 17 was missing (REF101) or 13 used twice (REF102)."""
    listing = ("# Widget Policy\n\n## Rationale\n\nWidgets help.\n\n## References\n\n"
               "1. Smith A. A widget trial. J Widg. 2001;1:1-5.\n"
               "- 2 . Brown C. Widgets for all. J Widg. 2003;3:7-9.\n"
               "3. Green D. A gadget cohort. Gadget Res. 2005;5:10-19.\n"
               "2. 4 . White E. Widget costs. Widg Econ. 2007;7:1-2.\n")
    entries = parse_policy(listing).references
    assert [(e.number, e.surnames[:1]) for e in entries] == [(1, ("Smith",)), (2, ("Brown",)), (3, ("Green",)),
                                                             (4, ("White",))]
    assert codes_of(listing, "REF101") == [] and codes_of(listing, "REF102") == []
    # Clean case: a spaced number that is not the next one ('12 . 5 mg' in a wrapped line) stays text.
    wrapped = ("# Widget Policy\n\n## Rationale\n\nWidgets help.\n\n## References\n\n"
               "1. Smith A. A widget trial of doses up to\n12 . 5 mg. J Widg. 2001;1:1-5.\n"
               "2. Brown C. Widgets for all. J Widg. 2003;3:7-9.\n")
    assert [e.number for e in parse_policy(wrapped).references] == [1, 2]


def _author_year(body: str) -> str:
    return ("# Widget Policy\n\n## Clinical Evidence\n\n" + body + "\n\n## References\n\n"
            "ECRI Institute. Clinical Evidence Assessment. Widget balloon for treating widgets. May 2019.\n\n"
            "ECRI. Health Information Assessment. Ingestible widgets. April 2020.\n\n"
            "Smith A, Jones B. A widget trial. J Widg. 2001;1:1-5.\n\n"
            "Brown C, Green D. Widgets for all. J Widg. 2003;3:7-9.\n")


def test_a_body_named_by_its_acronym_and_kind_is_cited_by_the_acronym():
    """UnitedHealthcare's bariatric surgery policy: '(ECRI, 2019)' for 'ECRI Institute. Custom Product Brief. ...
    May 2019.' named 'an entry of another year' (the list's 'ECRI.' entry of 2020): CIT107 four times."""
    cited = ("Widgets helped (Smith et al., 2001). Gadgets did not (Brown and Green, 2003). A review found "
             "little evidence (ECRI, 2019). Another agreed (ECRI, 2020).")
    assert [c for c in codes_of(_author_year(cited), "CIT107") if c[1] != "info"] == []
    # Clean case: the acronym with a year no entry of the body has is still reported.
    wrong = cited.replace("(ECRI, 2019)", "(ECRI, 2017)")
    assert [c for c in codes_of(_author_year(wrong), "CIT107") if c[1] != "info"] == [("CIT107", "warning")]


def test_two_author_year_entries_glued_at_a_page_stop_are_split():
    """UnitedHealthcare's bariatric surgery policy (PDF): 'Surg Obes Relat Dis. 2016 Mar-Apr;12(3):460-461.Parmar CD,
    Gan J, Stier C, et al. One Anastomosis ...' on one line: Parmar (2020) named no entry and Papasavas (2016) an
    entry of another year."""
    listing = ("Papasavas P, El Chaar M. Position statement on widget blocking. Surg Widg. 2016 Mar-Apr;12(3):460-461."
               "Parmar CD, Gan J, Stier C, et al. Widget bypass as revisional surgery. Int J Widg. 2020 Sep;81:32-38.\n\n"
               "Smith A, Jones B. A widget trial. J Widg. 2001;1:1-5.\n")
    text = ("# Widget Policy\n\n## Clinical Evidence\n\nBlocking was endorsed (Papasavas et al., 2016). Bypass worked "
            "(Parmar et al., 2020; Smith and Jones, 2001).\n\n## References\n\n" + listing)
    entries = parse_policy(text).references
    assert [(e.surnames[:1], e.year) for e in entries] == [(("Papasavas",), 2016), (("Parmar",), 2020),
                                                          (("Smith",), 2001)]
    assert [c for c in codes_of(text, "CIT107") if c[1] != "info"] == []
    # Clean case: a stop after a number inside a title, followed by a space or by a word that is no pair of
    # names ('Version 2.0.Update'), does not split the entry.
    kept = ("Widget Society. Widget guidance version 2.Update of 2019. Widget Press; 2019.\n\n"
            "Smith A, Jones B. A widget trial. J Widg. 2001;1:1-5.\n")
    assert len(parse_policy("# Widget Policy\n\n## References\n\n" + kept).references) == 2


def _followed(result: str) -> str:
    return ("# Widget Policy\n\n## Clinical Evidence\n\nIn the post study of the WIDGET Trial, Thompson et al. (2019) "
            "provide 4-year outcomes of the WT patients from the initial trial. 58 participants were enrolled in the "
            "follow up study; of these 55 had achieved at least 10% TWL at the end of the first year. Of the 58 "
            "patients who enrolled in the follow-up study, 15, 21, and 7 patients elected to have the W-tube removed "
            "between years 1 and 2, 2 and 3, and 3 and 4, respectively, thus withdrawing from the study but no loss "
            f"to follow-up. The clinical success rate for patients participating in the follow-up study {result} at "
            "4 years from W-tube placement.\n\n## References\n\nThompson CC, Abu Dayyeh BK, Kushnir V, et al. Widget "
            "therapy for obesity: 4-year results of a multicenter randomized controlled trial. Surg Widg Dis. 2019 "
            "Aug;15(8):1348-1354.\n")


def test_a_share_printed_as_a_fraction_is_not_read_from_its_denominator():
    """UnitedHealthcare's bariatric surgery policy: 'was 40/58 (69%)' was read as 58 (69%), '100.0% of the 58 in
    the trial, not 69%' (EST305)."""
    assert codes_of(_followed("was 40/58 (69%)"), "EST305") == []
    # Clean case: a count with a share that does not fit the trial's size is still reported.
    assert codes_of(_followed("was high: 45 (69%)"), "EST305") == [("EST305", "warning")]



def test_a_glossary_of_bodies_with_capitalised_names_defines_their_acronyms():
    """AHA/ACC 2025: the appendix's note 'AACN indicates American Association of Colleges of Nursing; ...; CAPP,
    Cardiology Advanced Practice Providers; CEC, clinical endpoint committee' defines CAPP: DOC112 said 'CAPP' was
    used but never defined (and offered CPAP)."""
    from kb.read.acronyms import defined_elsewhere

    note = ("WAN indicates Widget Association of Nurses; CWPP, Cardiology Widget Practice Providers; CEC, clinical "
            "endpoint committee.")
    assert defined_elsewhere(note) == {"WAN", "CWPP", "CEC"}
    # Clean case: a place after a comma ('UK, London hosted') or capitalised words whose initials do not give the
    # letters define nothing.
    assert defined_elsewhere("Teams came from abroad; UK, London hosted; CWPP, Widget Society of Boston.") == set()


def test_a_year_opening_the_title_after_vancouver_names_is_not_the_entrys():
    """UnitedHealthcare's bariatric surgery policy: 'Eisenberg D, Shikora SA, Aarts E, et al. 2022 American Society
    ... Indications for Metabolic and Bariatric Surgery. Obes Surg. 2023 Jan;33(1):3-14.' was dated 2022, and
    '(Eisenberg et al., 2023)' named 'an entry of another year' (CIT107)."""
    from kb.read.author_year_list import read_entry

    entry = read_entry(1, "Eisenberg D, Shikora SA, Aarts E, et al. 2022 American Society of Widget Surgery "
                          "Indications for Widget Surgery. Obes Widg. 2023 Jan;33(1):3-14. Erratum in: Obes Widg. "
                          "2022 Nov 29.", 1)
    assert entry.year == 2023
    # Clean case: Harvard without stops ('Silk JB, Alberts SC, Altmann J 2014 Title ...') keeps the year after the
    # names, with or without a journal's date further on.
    for text in ("Silk JB, Alberts SC, Altmann J 2014 Social ties among widgets. Phil Trans R Soc B 369(1859): 20130150.",
                 "Smith AB, Jones CD 2014 Widget title. J Widg. 2015;3:1-5."):
        assert read_entry(1, text, 1).year == 2014
