"""Forms met in corpus 26 (60 reports of trials and other clinical studies from 60 journals other than PLOS, one a
journal, none met by an earlier folder, read first as they came). Each form has a positive and a clean case; the
texts are made here."""
from __future__ import annotations

from kb.estimates.counts import sample_splits
from kb.estimates.methods import non_wald_method
from kb.estimates.trials import totals
from kb.read.authors import read_authors
from kb.read.parse_policy import parse_policy
from kb.sources.claims import count_claims
from tests.formtools import codes_of, in_results, markers_in


def _surnames(segment: str):
    found = read_authors(segment)
    return found.surnames if found else None


def test_an_affiliation_number_glued_to_a_surname_before_its_initials_is_not_read():
    """'Weilenmann H., Egli1 T.', 'Pop-Busui1 R, Sima A': the number marks an affiliation."""
    assert _surnames("Berney M., Hammes F., Weilenmann H., Egli1 T.") == ("Berney", "Hammes", "Weilenmann", "Egli")
    assert _surnames("Pop-Busui1 R, Sima A, Stevens M") == ("Pop-Busui", "Sima", "Stevens")
    # Clean: a word with a digit before a capitalised word is no name; one name alone keeps its number.
    assert _surnames("Smith A, Trial2 Results") is None
    assert _surnames("Author1 A") is None


def test_names_run_together_without_commas_are_several_names():
    """'Coresh J Selvin E Stevens LA Van Lente F Levey AS': surname and bare initials, no commas between."""
    assert _surnames("Coresh J Selvin E Stevens LA Van Lente F Levey AS") == (
        "Coresh", "Selvin", "Stevens", "Van Lente", "Levey")
    assert _surnames("Menon V Sarnak MJ") == ("Menon", "Sarnak")
    # Clean: one name of two words, or one with its initials, stays one name; so does a name of several words in a
    # list parted by commas ('Chin A Paw MJM', Dutch).
    assert _surnames("Chin A Paw MJM, Singh AS, Brug J") == ("Chin A Paw", "Singh", "Brug")
    assert _surnames("Garcia Marquez G") == ("Garcia Marquez",)
    assert _surnames("Smith AB") == ("Smith",)


def test_an_editor_marked_in_brackets_after_the_initials_is_the_author():
    """'Boyer WH (ed.) (1968) Handbook of Tables ...': a book's editor heads its entry."""
    assert _surnames("Boyer WH (ed.)") == ("Boyer",)
    assert _surnames("Boyer WH, Smith J (eds)") == ("Boyer", "Smith")
    # Clean: words before '(ed.)' that are no name stay unread.
    assert _surnames("Handbook of tables (ed.)") is None


_AY = """# Soccer

## Methods

The test has a high reproducibility ({inner}). Games were played weekly (Di Mascio et al. 2015).

## References

Bangsbo J, Mohr M. Fitness testing in football. Copenhagen: Bangsbosport; 2012.

Di Mascio M, Ade J, Bradley PS. The reliability of a soccer test. Eur J Appl Physiol. 2015;115:2531-42.

Nybo L, Sundstrup E, Jakobsen MD. High-intensity training. Med Sci Sports Exerc. 2010;42:1951-8.
"""


def test_a_value_before_the_cited_name_is_not_part_of_the_name():
    """'(CV < 1% Bangsbo and Mohr 2012; Di Mascio et al. 2015)': the value the source is cited for comes first."""
    assert codes_of(_AY.format(inner="CV < 1% Bangsbo and Mohr 2012; Di Mascio et al. 2015"), "CIT107") == []
    doc = parse_policy(_AY.format(inner="CV < 1% Bangsbo and Mohr 2012"), "f.md")
    assert [m.numbers for m in doc.markers][0] == (1,)
    # Clean: a name the list does not hold is still named no entry.
    assert codes_of(_AY.format(inner="CV < 1% Hansen and Mohr 2012"), "CIT107") == [("CIT107", "warning")]


def test_a_count_compared_with_studies_is_no_count_of_studies():
    """'after intervals 4 and 8 analogous to previous studies (Ade et al. 2014)': the count is of intervals."""
    text = "Blood was taken after intervals 4 and 8 analogous to previous studies (Ade et al. 2014)."
    assert count_claims(text, [(text.index("("), text.index(")") + 1)]) == []
    # Clean: a count of the studies themselves is a claim.
    text = "This was shown in five previous studies (Ade et al. 2014)."
    assert [c.count for c in count_claims(text, [(text.index("("), text.index(")") + 1)])] == [5]


def _entry(raw: str):
    return parse_policy(f"# T\n\n## A\n\nText [1].\n\n## References\n\n1. {raw}\n", "f.md").references[0]


def test_a_year_before_a_front_matter_page_in_roman_numerals_is_the_year():
    """'New York: McGraw-Hill; 1991: xiii.': the page cited is in the preface."""
    assert _entry("Winer BJ, Brown DR. *Statistical principles in experimental design*. 3rd ed New York: "
                  "McGraw-Hill; 1991: xiii.").year == 1991
    # Clean: a book with no year still has none.
    assert _entry("Winer BJ, Brown DR. *Statistical principles in experimental design*. 3rd ed New York: "
                  "McGraw-Hill: xiii.").year is None


def _definitions(first: str, second: str):
    body = ("For the budesonide arm, this was defined as >{a} actuations of the reliever in excess of the four "
            "maintenance doses per 24-h period, equivalent to >{b} actuations in total. For the salbutamol arm, this "
            "was defined as >{c} actuations of salbutamol per 24-h period. These thresholds were based on the dose "
            "limits of reliever use requiring medical review, defined by the action plans.[1]")
    text = (f"# Asthma\n\n## Methods\n\n### High use\n\n{body.format(**first)}\n\n### Marked use\n\n"
            f"{body.format(**second)}\n\n## References\n\n1. Smith A. Action plans. *Thorax*. 2010;1:1-5.\n")
    return codes_of(text, "DOC121")


def test_parallel_definitions_stating_other_values_are_only_info():
    """'High use' (>8, >12, >16 actuations) and 'Marked use' (>12, >16, >32): one template, other values."""
    assert _definitions(dict(a=8, b=12, c=16), dict(a=12, b=16, c=32)) == [("DOC121", "info")]
    # Clean: the same paragraph with the same values is a repeat, a warning.
    assert _definitions(dict(a=8, b=12, c=16), dict(a=8, b=12, c=16)) == [("DOC121", "warning")]


def _series(first: str, second: str):
    text = (f"# Pain\n\n## Background\n\nGuidelines exist [1,2].\n\n## References\n\n"
            f"1. National Comprehensive Cancer Network (NCCN) (2010) Clinical practice guidelines in oncology. {first}\n"
            f"2. National Comprehensive Cancer Network (NCCN) (2010) Clinical practice guidelines in oncology. {second}\n")
    return codes_of(text, "REF134")


def test_two_parts_of_a_guideline_series_of_one_title_are_only_info():
    """'... guidelines in oncology. Adult Cancer Pain' and '... Distress Management': two parts, or one printed twice."""
    assert _series("Adult Cancer Pain", "Distress Management") == [("REF134", "info")]
    # Clean: the same words after the title are one entry listed twice.
    assert _series("Adult Cancer Pain", "Adult Cancer Pain") == [("REF134", "warning")]
    # Clean: words after the title mostly shared ('Adult Cancer Pain, Fort Washington' and 'Adult Cancer Pain,
    # Fort Washington PA') are one entry printed twice.
    assert _series("Adult Cancer Pain, Fort Washington", "Adult Cancer Pain, Fort Washington PA") == [
        ("REF134", "warning")]


def test_counts_in_brackets_that_split_the_count_before_them_are_no_arms():
    """'24 did not meet the criteria (14 did not have ..., 1 did not have ..., and 9 did not have either)'."""
    sentence = ("Of the 80 patients who were not randomized, {n} did not meet the responder criteria (14 did not have "
                "the increase, 1 did not have the improvement, and 9 did not have either), 43 discontinued titration, "
                "and 13 were not randomized for other reasons.")
    assert sample_splits(sentence.format(n=24)) == []
    assert in_results(sentence.format(n=24), "EST301") == []
    # Clean: brackets whose counts do not add up to the count before them are still read as parts.
    assert [a for _, _, arms in sample_splits(sentence.format(n=30)) for a, _ in arms] == ["14", "1", "9", "13"]


def test_an_arm_size_printed_without_its_n_is_read():
    """'Aloe vera group (n=100), control group (=100) and placebo (n=100)' of 300 subjects."""
    sentence = ("A total of 300 subjects were randomly allocated into 3 groups: aloe vera group (n=100), control group "
                "(={n}) and placebo group (n=100).")
    assert in_results(sentence.format(n=100), "EST301") == []
    # Clean: read so, a wrong arm still disagrees with the total.
    assert in_results(sentence.format(n=90), "EST301") == [("EST301", "warning")]


def test_people_in_each_class_are_no_trial_size():
    """'with 11 participants in each class': the size of each class, not of the trial."""
    assert totals("The yoga was performed once a week in the study, with 11 participants in each class.") == []
    # Clean: a trial's participants are its size.
    assert [v for _, _, v in totals("The study included 37 participants in the trial.")] == [37]


def test_bootstrapping_named_as_the_method_makes_p_value_gaps_info():
    """'with the options of data transformation and bootstrapping when residual distributions were non-normal'."""
    assert non_wald_method(["Residuals were examined, with the options of data transformation and bootstrapping "
                            "when distributions were markedly non-normal."]) == "bootstrapping"
    assert non_wald_method(["Bootstrap resampling (1000 samples) gave the intervals."]) == "Bootstrap resampling"
    # Clean: a bootstrap named for something else ('bootstrapped' alone) is no method of the estimates.
    assert non_wald_method(["The firm was bootstrapped by its founders."]) is None


def test_a_raised_number_in_brackets_after_an_abbreviation_a_unit_or_an_index_cites():
    """'after TM<sup>(28,39–40)</sup>', 'nmol/l<sup>(68)</sup>', 'M<sub>max</sub><sup>(37)</sup>'."""
    assert markers_in("Most studies show a fall after TM<sup>(28,39\u201340)</sup>. However.") == ["28,39\u201340"]
    assert markers_in("Most studies show a fall after TM<sup>(28)</sup>. However.") == ["28"]
    assert markers_in("An increase of 4\u00b74 nmol/l<sup>(68)</sup>. The increase.") == ["68"]
    assert markers_in("The stimulus was 35% of the soleus M<sub>max</sub><sup>(37)</sup>. Average.") == ["37"]
    # Clean: a derivative's order or a unit's small bracketed power is no citation.
    assert markers_in("The derivative f<sup>(2)</sup> and the index x<sub>i</sub><sup>(3)</sup> were set.") == []


_TEN_CATE = """# Plaque

## Introduction

Chemicals may replace brushing (Marsh and Bradshaw, 1993; {name} and Marsh, 1994; Newman, 1996). Ten years passed (ten years, 1994).

## References

Marsh P. D., Bradshaw D. J. (1993). Microbiological effects. Caries Res. 27, 72-76.

Newman H. N. (1996). Plaque. J. Dent. Res. 70, 100-110.

{name} J. M., Marsh P. D. (1994). Procedures for establishing efficacy. J. Dent. Res. 73, 695-703.
"""


def test_a_dutch_particle_opening_a_cited_name_is_part_of_it():
    """'(ten Cate and Marsh, 1994)': 'ten' is a particle of the surname, not a word of the sentence."""
    assert [m.numbers for m in parse_policy(_TEN_CATE.format(name="ten Cate"), "f.md").markers] == [(1, 3, 2)]
    # Clean: a capitalised name reads as before, and '(ten years, 1994)' cites nothing.
    assert [m.numbers for m in parse_policy(_TEN_CATE.format(name="Cate"), "f.md").markers] == [(1, 3, 2)]


def test_a_surname_that_is_also_a_body_s_word_is_a_name_among_names():
    """'Jemal A, Center MM, DeSantis C, et al.': Center is a surname here, between two people."""
    assert _surnames("Jemal A, Center MM, DeSantis C, et al") == ("Jemal", "Center", "DeSantis")
    # Clean: a body named after a person's name stays a body, and 'Center MM' alone is no person.
    assert _surnames("Smith J, National Center for Health Statistics") is None
    assert _surnames("Center MM") is None


def test_a_target_range_beside_a_value_with_its_spread_is_no_marker():
    """'Actual sirolimus level ...: [8-12] 10.4±1.4': the range the value is read against."""
    assert markers_in("Actual sirolimus level in patients: [8-12] 10.4\u00b11.4, with a dose of 1.9\u00b10.3 g.") == []
    # Clean: a range of citations before other words, or a list before a value, still cites.
    assert markers_in("Levels were reported before [8-12] and 10.4\u00b11.4 was the mean.") == ["8-12"]
