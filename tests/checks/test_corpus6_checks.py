"""Findings on forms met in corpus6 (Europe PMC copies of infectious-disease and Hindawi clinical articles):
a place dated beside a marker, a guide 'published by' a body, a body named in full whose acronym the cited
title carries, a year in parentheses before a raised number. Each form has a positive and a clean case."""
from kb.read.parse_policy import parse_policy

from .cit_fixtures import findings as cit_findings

REFS = ["buchbinder2009", "kallmes2009", "zhao2017"]


def test_a_dated_name_no_entry_has_as_an_author_is_only_a_note():
    body = "Virulent strains emerged: isolates from Israel (1998) are highly pathogenic [1]."
    (f,) = cit_findings(body, REFS, "CIT201")
    assert f.severity == "info" and "Israel (1998)" in f.message


def test_a_dated_name_the_list_knows_is_still_an_error():
    (f,) = cit_findings("Virulent strains were described by Zhao (2017) in detail [1].", REFS, "CIT201")
    assert f.severity == "error" and "Zhao (2017)" in f.message


def test_a_guide_published_by_a_body_needs_no_marker():
    body = ("Animals were kept in accordance with the Guide for the Care and Use of Laboratory Animals (2011) "
            "published by the National Research Council. Cells grew [1].")
    assert cit_findings(body, REFS, "CIT205") == []


def test_a_name_that_published_a_study_still_needs_a_marker():
    body = "Noriega (2019) published a pivotal trial of the device. Cells grew [1]."
    (f,) = cit_findings(body, REFS, "CIT205")
    assert "Noriega (2019)" in f.message


WHO_PAPER = ("Dye C, Mertens T, Hirnschall G, et al. WHO and the future of disease control programmes. *Lancet*. "
             "2013;381:413-418.")
WHO_OWN = "World Health Organization. Dengue and severe dengue. Geneva: WHO; 2015."


def test_a_body_named_in_full_is_named_by_its_acronym_in_the_cited_title():
    body = "Consequently, the World Health Organization concluded that malaria will remain a challenge [1]."
    assert [f for f in cit_findings(body, [WHO_PAPER, WHO_OWN], "CIT203") if f.severity != "info"] == []


def test_a_body_named_in_full_against_another_bodys_paper_is_still_found():
    body = "Consequently, the World Health Organization concluded that malaria will remain a challenge [1]."
    other = "Roe A, Poe B. A cohort of pregnancies in Texas. *J Tests*. 2020;1:1-9."
    (f,) = cit_findings(body, [other, WHO_OWN], "CIT203")
    assert f.severity == "error" and "World Health Organization" in f.message


def _markers(body: str) -> list[tuple[int, ...]]:
    refs = "\n".join(f"{n}. Author{n} A. Title {n}. J Tests. 20{n:02d};1:{n}." for n in range(1, 21))
    return [m.numbers for m in parse_policy(f"# T\n\n## Body\n\n{body}\n\n## References\n\n{refs}\n").markers]


def test_a_number_raised_after_a_year_in_parentheses_cites():
    body = "Related strains came from Thailand (2013)<sup>11</sup> and French Polynesia (2013)<sup>20</sup> too."
    assert _markers(body) == [(11,), (20,)]
    # Clean case: a parenthesised formula before a raised number is its base.
    assert _markers("The variance grows as (n + 1)<sup>2</sup> in theory, as shown.<sup>3</sup>") == [(3,)]


def test_a_bodys_own_report_in_italics_has_its_title():
    from kb.checks.ref_entries import missing_title

    from .policy_text import make_policy, run_rule
    report = ("U.S. Department of State. *FY 2009 Annual Report on Intercountry Adoptions*. 2009. "
              "http://travel.state.gov/fy2009_annual_report.pdf")
    assert run_rule(missing_title, make_policy([report])) == []
    # Clean case: a person's entry that names only the journal still lacks its title.
    (f,) = run_rule(missing_title, make_policy(["Buchbinder R, Osborne RH. *N Engl J Med*. 2009;361(6):557-68."]))
    assert "has no title" in f.message


def test_a_books_imprint_before_in_press_names_its_publisher():
    from kb.checks.ref_entries import missing_source

    from .policy_text import make_policy, run_rule
    book = "Human health and climate change in Pacific island countries. Manila: World Health Organization; 2015. In press."
    assert run_rule(missing_source, make_policy([book])) == []
    (f,) = run_rule(missing_source, make_policy(["Human health and climate change in Pacific island countries. 2015. "
                                                 "In press."]))
    assert "names no journal" in f.message


PMTCT_STUDY = ("Boateng D, Kwapong GD. Knowledge about prevention of mother-to-child transmission (PMTCT) among women in "
               "Ghana: a cross-sectional study. *BMC Public Health*. 2013;13:1-9.")
VIETNAM = "Nguyen TA, Oosterhoff P. Health workers' views on HIV services in Vietnam. *AIDS Care*. 2009;21:1-9."


def test_a_terms_acronym_defined_in_a_studys_title_is_no_trial():
    body = "A study from Vietnam revealed that training was often provided to doctors on HIV and PMTCT [1]."
    assert [f for f in cit_findings(body, [VIETNAM, PMTCT_STUDY], "CIT203") if f.severity != "info"] == []


def test_a_trials_acronym_in_a_title_is_still_a_trial():
    free = PMTCT_STUDY.replace("prevention of mother-to-child transmission (PMTCT)", "balloon kyphoplasty (FREE)") \
        .replace("a cross-sectional study", "a randomised controlled trial")
    body = "The FREE trial compared kyphoplasty with usual care [1]."
    (f,) = cit_findings(body, [VIETNAM, free], "CIT203")
    assert "the FREE trial is cited as reference 1" in f.message
