"""Forms met in corpus 23 (60 reports of trials, reviews and cohort studies, one PLOS and 59 from other journals, at
most two per journal, read first as they came). Each form has a positive and a clean case; the texts are made here."""
from __future__ import annotations

from kb.importers.jats import convert
from kb.read.parse_policy import parse_policy
from tests.formtools import codes_of, in_results, markers_in

_REFS = "\n".join(f"{i}. {name} A. A study of decisions number {i}. *J Med*. 20{10 + i};1:{i}-5."
                  for i, name in enumerate(("Lima", "Toghyani", "Connor", "Kaiser"), 1))


def _named(paragraph: str):
    return codes_of(f"# Decisions\n\n## Discussion\n\n{paragraph}\n\n## References\n\n{_REFS}\n", "CIT201")


def test_numbers_in_brackets_glued_to_the_stop_close_their_sentence():
    """'... tools in decision making.[3] It was also shown in the study of Kaiser et al. (2014) that ...': the
    name's sentence has no marker of its own, so 2 and 3 (the sentence before) are not Kaiser's."""
    assert _named("Knowledge may change behaviors[2] and information may reduce conflict.[3] It was also shown in "
                  "the study of Kaiser *et al*. (2014) that the score was reduced. The researcher said education "
                  "might act.[4] Others agreed [1].") == []
    # Positive: the name's own sentence cites someone else's paper.
    assert _named("Knowledge may change behaviors[2] and information may reduce conflict.[3] It was also shown in "
                  "the study of Kaiser *et al*. (2014) that the score was reduced.[2] Others agreed [1].") == [
        ("CIT201", "error")]


def test_a_significant_difference_denied_after_its_results_is_no_claim_of_significance():
    """'a statistically significant difference between the groups (HR = 1.10, 95% CI = 0.98 to 1.24) was not
    observed': the verb after the parentheses denies the claim before them."""
    sentence = ("In patients receiving chemotherapy, a statistically significant difference between the groups "
                "(HR = 1.10, 95% CI = 0.98 to 1.24; HR = 1.04, 95% CI = 0.97 to 1.11) was not observed.")
    assert in_results(sentence, "EST201") == []
    # Positive: the same words with an interval that excludes 1 contradict the denial.
    assert in_results(sentence.replace("0.98 to 1.24", "1.02 to 1.24"), "EST201") == [("EST201", "error")]
    # Positive: without the denial the claim of significance stands against both intervals.
    assert in_results(sentence.replace(" was not observed", " was observed"), "EST201") == [
        ("EST201", "error"), ("EST201", "error")]


def test_a_count_out_of_a_number_takes_its_percentage_from_that_number():
    """'Of the 57 participants, there were 5 out of 30 (17%) ... and 4 out of 27 (15%) ...': 5/30 and 4/27."""
    assert in_results("Of the 57 participants, there were 5 out of 30 (17%) qualified participants in the control "
                      "group and 4 out of 27 (15%) in the intervention group.", "EST302") == []
    # Positive: a percentage that is not the count of its own denominator.
    assert in_results("Of the 57 participants, there were 5 out of 30 (40%) qualified participants in the control "
                      "group.", "EST302") == [("EST302", "warning")]


_ARTICLE = """<?xml version="1.0" encoding="UTF-8"?>
<article><front><journal-meta><journal-title>Optometry Tests</journal-title></journal-meta>
<article-meta><title-group><article-title>Lenses</article-title></title-group></article-meta></front>
<body><sec><title>Introduction</title>
<p>Prescribing rose (16%<xref ref-type="bibr" rid="B1"><sup>1</sup></xref> vs. 22%{tail}).</p>
<p>Fitting is described elsewhere.<xref ref-type="bibr" rid="B1"><sup>1</sup></xref></p>
</sec></body><back><ref-list>
<ref id="B1"><label>1</label><mixed-citation>Lima C. Lenses 2005. Optom J. 2006;4:10-19.</mixed-citation></ref>
<ref id="B2"><label>2</label><mixed-citation>Lima C. Lenses 2010. Optom J. 2011;4:10-19.</mixed-citation></ref>
<ref id="B3"><label>3</label><mixed-citation>Lima C. Lenses 2011. Optom J. 2012;4:10-19.</mixed-citation></ref>
</ref-list></back></article>
"""


def _cited(tail: str) -> set[int]:
    text = convert(_ARTICLE.format(tail=tail).encode(), "x.xml").markdown
    policy = parse_policy(text, "x.md")
    return {n for m in policy.markers for n in m.numbers}


def test_bare_citations_glued_to_a_percentage_are_raised():
    """'vs. 22%<xref>2</xref>, <xref>3</xref>' (the first citation tagged raised, these not): 2 and 3 are cited."""
    assert _cited('<xref ref-type="bibr" rid="B2">2</xref>, <xref ref-type="bibr" rid="B3">3</xref>') == {1, 2, 3}
    # Clean: a percentage with no citation after it leaves the numbers as they were.
    assert _cited("") == {1}


def _entry(raw: str):
    text = f"# T\n\n## A\n\nText [1].\n\n## References\n\n1. {raw}\n"
    return parse_policy(text, "f.md").references[0]


def test_a_later_name_with_a_small_particle_keeps_the_list():
    """'..., Habbema JD, te Velde ER.' and '..., dos-Santos-Silva I, ...': one such name must not unread the list."""
    for raw in ("Bancsi LF, Broekmans FJ, Habbema JD, te Velde ER. Impact of antral follicle counts. Hum Reprod. "
                "2004;19:1-5.",
                "Rinaldi S, Lesueur F, dos-Santos-Silva I, Rice MS, et al. Circulating growth factors. Int J Cancer. "
                "2014;1:1-5."):
        entry = _entry(raw)
        assert entry.first_author in ("Bancsi", "Rinaldi") and entry.title.startswith(("Impact", "Circulating"))
    # Clean: a small word that is no particle still stops the list ('leveno KJ' is a slip, left unread).
    assert _entry("Cuningham GF, leveno KJ, Bloom SL. Williams Obstetrics. Tehran: Golban; 2014.").first_author is None


def test_a_group_after_a_semicolon_closes_the_names():
    """'Arrazola RA, Singh T, et al.; Centers for Disease Control and Prevention (CDC).', 'Farber HJ, Nelson K;
    Section on tobacco control.': the people, then the group that wrote with them."""
    entry = _entry("Arrazola RA, Singh T, Corey CG, et al.; Centers for Disease Control and Prevention (CDC). Tobacco "
                   "use among students. MMWR. 2015;64:381-5.")
    assert (entry.first_author, entry.year, entry.title) == ("Arrazola", 2015, "Tobacco use among students")
    entry = _entry("Farber HJ, Groner J, Nelson K; Section on tobacco control. Protecting children from tobacco. "
                   "Pediatrics. 2015;136:e1439.")
    assert (entry.first_author, entry.title) == ("Farber", "Protecting children from tobacco")
    # Clean: names parted by a semicolon are still names.
    assert _entry("Smith J; Jones K. A trial of aspirin. Lancet. 2001;1:1-5.").title == "A trial of aspirin"


def test_a_raised_number_after_a_hyphened_word_ending_in_a_short_word_cites():
    """'before the 12-month follow-up<sup>11</sup>.': 'up' closes a word, it is no symbol raised to a power."""
    assert markers_in("Psychosis before the 12-month follow-up<sup>11</sup>. In those who did not.") == ["11"]
    # Clean: a short symbol after a hyphen is still a base ('m-km<sup>2</sup>'), and so is a lone short token.
    assert markers_in("The area in m-km<sup>2</sup> was small.") == []
    assert markers_in("The value of xy<sup>2</sup> was small.") == []


def test_italics_and_a_sample_size_in_parentheses_are_no_formula_before_a_raised_number():
    """'(15% vs. 3.5%, *p* value not stated)<sup>19</sup>', '(healthy and ill; n = 924)<sup>54</sup>': words in
    parentheses, then the citation."""
    assert markers_in("Events rose in the arm (15% vs. 3.5%, *p* value not stated)<sup>19</sup>.") == ["19"]
    assert markers_in("A meta-analysis of mixed groups (healthy and with diseases; n = 924)<sup>54</sup> found.") == [
        "54"]
    # Clean: a product of symbols or an equation in parentheses is still a base raised to a power.
    assert markers_in("The term (a*b*c)<sup>2</sup> grows.") == []
    assert markers_in("The sum (x + y = z)<sup>2</sup> grows.") == []


def test_a_pointers_numbers_closing_a_parenthesis_cite():
    """'BBI has several activities (reviewed in 8\u201310).' in an article citing '(11)': 8 to 10 are cited."""
    assert markers_in("BBI has several activities (reviewed in 8\u201310). BBIC is an extract (11).") == ["8\u201310", "11"]
    assert markers_in("BBI has several activities (see 8, 9). BBIC is an extract (11).") == ["8, 9", "11"]
    # Clean: words after the number make it a count, and a year after 'see' is no citation number.
    assert markers_in("BBI was tested (see 8 trials). BBIC is an extract (11).") == ["11"]
    assert markers_in("BBI was tested (cf. 1998). BBIC is an extract (11).") == ["11"]
