"""Forms met in folder 17 (JATS articles from new sources: Hindawi clinical journals, Emerging Infectious Diseases,
PLOS, Malaria Journal and others, read first as they came). Each form has a positive and a clean case; the texts are
made up here."""
from __future__ import annotations

from kb.read.reference_list import parse_entry
from tests.test_jats_corpus14_forms import codes_of


def test_a_later_name_with_broken_initials_keeps_the_author_list():
    """'Park J, Chan I- K, ...', 'Lee Y a. L', 'Souza LV de A': one later name's initials broken by a reference
    manager must not leave the entry without its first author."""
    for names in ("Moreno J, Chan I- K, Wolff D, et al.", "Moreno J, Hale R, Lee Y a. L, Wolff D, et al.",
                  "Moreno JV, Hale MR, Souza LV de A."):
        entry = parse_entry(3, f"{names} Seasonal patterns of fever in two provinces. Trop Dis Rep. 2014;9: 11\u201320.",
                            1)
        assert (entry.first_author, entry.year, entry.title) == (
            "Moreno", 2014, "Seasonal patterns of fever in two provinces"), names
    # Clean case: words that are no name at all still leave the list unread.
    entry = parse_entry(3, "Moreno J, seasonal patterns of fever. Trop Dis Rep. 2014;9: 11\u201320.", 1)
    assert entry.first_author is None


def test_a_bracketed_year_inside_the_title_is_not_the_entrys_year():
    """'... et al. European Society of ... (ESX): recommendations (2009) on ... *Journal*. 2010;42(3):220-227.'"""
    raw = ("Marin P. D., Olsen K., Abel C., et al. European Society of Imaging (ESI): recommendations (2009) on "
           "the use of small-bowel imaging. *Imaging*. 2010;42(3):220\u2013227.")
    entry = parse_entry(2, raw, 1)
    assert (entry.first_author, entry.year, entry.source) == ("Marin", 2010, "Imaging")
    assert entry.title.endswith("(2009) on the use of small-bowel imaging")
    # Clean case: a bracketed year that closes the entry is still its year.
    closing = parse_entry(2, "Marin P. D. & Olsen K. Small-bowel imaging in adults. Imaging Rep. 42, 220\u2013227 "
                             "(2012).", 1)
    assert (closing.first_author, closing.year) == ("Marin", 2012)


OTHER = "Smith A. Title of a paper on haptoglobin. *J Biol*. 2005;1:1-5."


def test_a_source_spelled_small_then_capital_makes_no_source_unsure():
    """PLOS style 'Author (2012) Title. eMagRes.': a reference work or journal spelled 'eXxx' or 'mXxx' after the
    title may be its source, so the missing source is only info."""
    entry = "Lowe P (2012) Imaging of tissue ions in man: methods and results. eIonRev."
    assert codes_of([entry, OTHER], "REF113") == [("info", 1)]
    # Clean case: the same entry with nothing after the title still names no source.
    assert codes_of([entry.replace(" eIonRev.", ""), OTHER], "REF113") == [("warning", 1)]


def test_a_prospective_controlled_study_is_no_observational_design():
    """'Prospective controlled study on the effects of ...' may be a randomised trial: its kind is left unknown."""
    from kb.sources.kinds import OBSERVATIONAL, OTHER as UNKNOWN, RANDOMIZED, classify

    def kind(title: str) -> str:
        return classify(parse_entry(1, f"Ito T, Ono A. {title}. World J Gastro. 2012;18(15):1789\u20131792.", 1))[0]

    assert kind("Prospective controlled study on the effects of a bowel preparation in capsule imaging") == UNKNOWN
    assert kind("A prospective, multicentre, controlled trial of a bowel preparation") == UNKNOWN
    # Clean cases: a prospective cohort stays observational, a randomised controlled study stays randomised.
    assert kind("Prospective cohort study of a bowel preparation in capsule imaging") == OBSERVATIONAL
    assert kind("Prospective randomized controlled study of a bowel preparation") == RANDOMIZED


def _est203(methods: str) -> list[str]:
    from kb.checks import run_checks
    from kb.knowledge.base import build_knowledge_base
    from kb.outputs.report import flatten
    from kb.read.parse_policy import parse_policy

    text = ("# Risk factors\n\n## Methods\n\n" + methods + "\n\n## Results\n\n"
            "Liver disease was an independent risk factor (adjusted OR = 8.5; 95% CI: 1.6 to 62.3; p = 0.008).\n")
    return [f.severity for f in flatten(run_checks(build_knowledge_base(parse_policy(text, "fixture.md")),
                                                   select=["EST203"]))]


def test_a_p_value_from_an_exact_method_is_only_info_against_its_interval():
    """'Conditional logistic regression was used. The exact method was used.': exact intervals are lopsided on the
    log scale and exact p-values are no Wald statistic, so a gap from the recomputed p is only worth a look."""
    assert _est203("Conditional logistic regression was used. The exact method was used.") == ["info"]
    assert _est203("Odds ratios were estimated by penalised likelihood (Firth's method).") == ["info"]
    assert _est203("Intervals are bias-corrected and accelerated bootstrap intervals.") == ["info"]
    # Clean cases: logistic regression alone, or Fisher's exact test for the counts, leave the warning.
    assert _est203("Logistic regression was used.") == ["warning"]
    assert _est203("Proportions were compared with Fisher's exact test; logistic regression gave odds ratios.") \
        == ["warning"]


def _findings(body: str, entries: list[str], code: str):
    from kb.checks import run_checks
    from kb.knowledge.base import build_knowledge_base
    from kb.outputs.report import flatten
    from kb.read.parse_policy import parse_policy

    text = ("# Preparation\n\n## Discussion\n\n" + body + "\n\n## References\n\n"
            + "\n".join(f"{i}. {e}" for i, e in enumerate(entries, 1)) + "\n")
    return [(f.severity, f.citations[0]) for f in
            flatten(run_checks(build_knowledge_base(parse_policy(text, "fixture.md")), select=[code]))]


_ESCI = ("Marin P. D., Olsen K., Abel C., et al. European Society of Capsule Imaging (ESCI): recommendations ({y}) on "
         "the use of small-bowel imaging. *Imaging*. 2010;42(3):220\u2013227.")


def test_a_body_named_with_the_year_its_cited_titles_prints_is_no_year_mismatch():
    """'The 2009 ESCI guidelines recommended ... [1]' citing 'ESCI: recommendations (2009) ...', printed in 2010."""
    body = ("The 2009 ESCI guidelines recommended a purgative preparation before imaging [1]. Other regimens were "
            "studied [2].")
    assert _findings(body, [_ESCI.format(y=2009), OTHER], "CIT202") == []
    # Positive: a title with another year (or none) leaves the text's 2009 unexplained.
    assert _findings(body, [_ESCI.format(y=2007), OTHER], "CIT202") == [("error", 1)]


def test_a_french_institut_heads_the_entry_as_its_body():
    """'Institut de la Statistique ... (ISxx). Recensement de la population. ...; 1989.': the body is the author."""
    entry = parse_entry(50, "Institut National des Etudes Regionales (INER). Recensement de la population 1989. "
                            "Institut National des Etudes Regionales; 1989.", 1)
    assert (entry.organisation, entry.year, entry.title) == (
        "Institut National des Etudes Regionales (INER)", 1989, "Recensement de la population 1989")
    # Clean case: an 'Institutional' title word names no body.
    entry = parse_entry(50, "Institutional review of census methods in overseas regions. Paris; 1989.", 1)
    assert entry.organisation is None
