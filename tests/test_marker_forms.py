"""Citation markers in the common numbered styles, and look-alikes that are not citations.

Each form has a positive case (read, with its numbers) and a clean case (left alone).
"""
import pytest

from kb.read.marker_style import kept_styles
from kb.read.markers import BRACKET, PAREN, SUP, UNICODE, expand, scan_line
from kb.read.parse_policy import parse_policy


def numbers(line):
    return [expand(r.inner).numbers for r in scan_line(line)[0]]


@pytest.mark.parametrize("line, expected", [
    ("in two trials [4, 6].", [(4, 6)]),
    ("as shown before (see [3-5]).", [(3, 4, 5)]),
    ("the cell cycle[8] and", [(8,)]),
    ("Smith et al[15] found", [(15,)]),
    ("Smith et al. [15], found", [(15,)]),
    ("one trial [10]: it found", [(10,)]),
    ("reviews [3]\u2013[5] agree", [(3, 4, 5)]),
    ("reviews [3]-[5] agree", [(3, 4, 5)]),
    ("three trials [12], [13], [14] agree", [(12, 13, 14)]),
    ("three trials [12],[13][14] agree", [(12, 13, 14)]),
    ("ranges [2\u20134, 7] agree", [(2, 3, 4, 7)]),
    ("trials.<sup>1,3-5</sup> Next", [(1, 3, 4, 5)]),
    ("trials.<sup>[1]</sup> Next", [(1,)]),
    ("the cycle<sup>8</sup> and", [(8,)]),
    ("trials<sup>1</sup>,<sup>2</sup> agree", [(1, 2)]),
    ("trials<sup>1</sup>\u2013<sup>3</sup> agree", [(1, 2, 3)]),
    ("trials\u00b9\u02d2\u00b3\u207b\u2075 agree", [(1, 3, 4, 5)]),
    ("trials.\u00b2 Next", [(2,)]),
    ("as in Silvey [2](pp. 50, 81) and", [(2,)]),
    ("not well correlated [32: 273], although", [(32,)]),
    ("plate B [1: fig. 4] and", [(1,)]),
    ("from Geiseltal [22: 50, 62–65, fig. 2.20].", [(22,)]),
    ("as stated [12, p. 34] and [13, pp. 3–5]", [(12,), (13,)]),
    ("*Notharctus* [23, pl. LII: 9], and", [(23,)]),
    ("isolated teeth [e.g., 77], [78].", [(77,), (78,)]),
    ("as reviewed [see 4, 5] and", [(4, 5)]),
    ("reproducible according to [17, Theorem 3 and Corollary 1]. The", [(17,)]),
    ("(bystander suppression)* [*93*]*.* Therefore", [(93,)]),
    ("for the samples in Lapointe et al. [**44**].**", [(44,)]),
    ("on the interval [3, 4] in mice", [(3, 4)]),
    ("confirmed in Brazil <sup>( 1)</sup> . In", [(1,)]),
    ("were confirmed <sup>(2, 3)</sup>.", [(2, 3)]),
    ("other studies <sup>(</sup> 9 <sup>,</sup> 14 <sup>-</sup> 15 <sup>)</sup>.", [(9, 14, 15)]),
    ("universities<sup>(</sup>1<sup>-</sup>3<sup>)</sup>.", [(1, 2, 3)]),
    ("among MSM. <sup>4</sup> <sup>,</sup>  <sup>6</sup>  Recent", [(4, 6)]),
    ("the setting, <sup>10</sup> <sup>,</sup> <sup>20</sup> <sup>,23,</sup> <sup>a</sup> then", [(10, 20, 23)]),
    ("between 1995 and 1997<sup>10</sup> analysed", [(10,)]),
    # SciELO: a raised citation right after an abbreviation or a parenthesised list of words
    ("the United States (US)<sup>(3-5)</sup>.", [(3, 4, 5)]),
    ("the Work Index (PES- NWI)<sup>(15-18)</sup>. However", [(15, 16, 17, 18)]),
    ("activities (seminars, workshops, etc.)<sup>(19)</sup>.", [(19,)]),
    ("the Elderly (PACE)<sup>10</sup> began", [(10,)]),
    # BMJ sets several citations in one superscript with spaces: "<sup>4 5</sup>"
    ("cytokines (IL-10 and TGF-\u03b2).<sup>4 5</sup> Additionally", [(4, 5)]),
    ("since 2010 [12\u201315] and", [(12, 13, 14, 15)]),
    ("in 12 patients [3\u20135] and", [(3, 4, 5)]),
    ("reported in 2 [3\u20135] studies", [(3, 4, 5)]),
    ("in 13 trials [3\u201315] the benefit", [tuple(range(3, 16))]),
])
def test_marker_forms_are_read(line, expected):
    assert numbers(line) == expected


@pytest.mark.parametrize("line", [
    "a density of 10<sup>6</sup> cells",
    "2\u00d710<sup>5</sup> cells were",
    "heterogeneity was high (I<sup>2</sup> = 75%)",
    "I\u00b2 = 75% and \u03c7\u00b2 = 3.1",
    "a \u03c7<sup>2</sup> test",
    "an area of 25 kg/m<sup>2</sup> or 3 cm<sup>2</sup>",
    "the variance *S*<sup>2</sup> of",
    "loss of p16<sup>INK4a</sup> in",
    "the first group<sup>a</sup> and",
    "an exponent m<sup>\u22121</sup> and Ca<sup>2+</sup>",
    "as Buchbinder [2009] reported",
    "shown in Figure [2] and Table [3]",
    "on the interval [0, 1]",
    "on the interval [-100, 100]",
    "where x = [1, 2]",
    "the index x[1] of",
    "see [the trial](https://example.org) and [1](https://example.org)",
    "[1]: https://example.org",
    "the years<sup>2009</sup>",
    "a value [0.01, 0.25] of",
    "diluted [1:100] in PBS",
    "shown in Figure [2: 3]",
    "(*F*<sub>[1,12]</sub> = 8.42, *p* = 0.0133)",
    "labelled with <sup>125</sup>I and <sup>3</sup>H-thymidine",
    "the \u00b9\u2074C content",
    "with a Chi<sup>2</sup> test",
    "misaligned by [15, 30] mm / degrees",
    "on the interval [10, 20] degrees",
    "between [5, 95]% of",
    "the order f<sup>(2)</sup> of the derivative",
    "a power 2<sup>10</sup> and",
    "<sup>1</sup> Adjusted for age and sex.",
    "| <sup>2</sup>Median (IQR) |",
    # after a parenthesised formula or unit the raised number is a power
    "the term (x+1)<sup>2</sup> and",
    "a square (a + b)<sup>(2)</sup> of",
    "the area (mm)<sup>2</sup> was",
    "the group (n = 4)<sup>3</sup> of",
    "(median [IQR]: younger 47 [40\u201353], middle-age 50 [44\u201357], older 48 [43\u201358])",
    "a score of 45% [40\u201350] and",
    "the odds ratio 2 [1-4] was",
    "the median age was 45 years [38\u201352] and follow-up 24 months [12\u201336]",
])
def test_look_alikes_are_not_markers(line):
    assert numbers(line) == []


def test_parentheses_are_read_only_as_a_documents_own_style():
    assert PAREN in kept_styles({PAREN: 5})
    assert PAREN not in kept_styles({PAREN: 5, BRACKET: 2})
    assert PAREN not in kept_styles({PAREN: 40, BRACKET: 3})  # three bracketed citations are a style of their own
    # Emerging Infect Dis: "(1)" throughout and one unlinked aside "accession no. ABN11829 [4]": parentheses cite.
    assert PAREN in kept_styles({PAREN: 9, BRACKET: 2})
    assert BRACKET in kept_styles({PAREN: 9, BRACKET: 2})
    assert PAREN not in kept_styles({PAREN: 2})


def test_raised_numbers_in_a_bracket_document_are_skipped_not_read():
    assert SUP not in kept_styles({BRACKET: 10, SUP: 2})
    assert UNICODE not in kept_styles({BRACKET: 10, UNICODE: 1})
    assert SUP in kept_styles({SUP: 10, BRACKET: 2})


def _doc(body):
    refs = "\n".join(f"{n}. Author A. Title {n}. *J*. 2001;1:1-2." for n in range(1, 9))
    return parse_policy(f"# Title of a review article\n\n## Background\n\n{body}\n\n## References\n\n{refs}\n")


def test_a_bracket_document_skips_its_stray_superscript_and_says_so():
    doc = _doc("Trials [1] and [2] and [3] agree. The value rose by a factor X<sup>4</sup> and "
               "then the model<sup>5</sup> held.")
    assert [m.numbers for m in doc.markers] == [(1,), (2,), (3,)]
    assert [(s.text, s.reason) for _, s in doc.skipped] == [
        ("<sup>5</sup>", "a raised number in a document that cites with brackets")]


def test_a_superscript_document_keeps_its_markers():
    doc = _doc("Trials<sup>1,2</sup> agree. Others disagree.<sup>3</sup> A review<sup>4-6</sup> pooled them.")
    assert [m.numbers for m in doc.markers] == [(1, 2), (3,), (4, 5, 6)]
    assert doc.skipped == ()


def test_a_parenthesis_document_is_read_when_it_has_no_other_markers():
    doc = _doc("Trials (1, 2) agree. Others disagree (3). A review (4-6) pooled them. Of these, (1) was small.")
    assert [m.numbers for m in doc.markers] == [(1, 2), (3,), (4, 5, 6)]


def test_a_run_of_brackets_is_one_marker_in_the_sentence_the_checks_read():
    doc = _doc("Three trials [1], [2], [3] found it. Reviews [4]\u2013[6] agree.")
    assert [m.numbers for m in doc.markers] == [(1, 2, 3), (4, 5, 6)]
    assert doc.sentences[0].text == "Three trials [1, 2, 3] found it."
    assert doc.sentences[1].text == "Reviews [4\u20136] agree."
    assert doc.markers[1].in_range == frozenset({4, 5, 6})


def test_a_pair_printed_as_an_interval_elsewhere_is_one_everywhere():
    """'[10, 20] mm' says the document writes intervals: the same pair heading a table column, and a pair
    reaching past the list ('[15, 45]' in a list of 8), are intervals there, not markers."""
    doc = _doc("Trials [1] and [2] agree. Shapes moved on the interval [10, 20] mm.\n\n"
               "| Trans. | **[10, 20]** |\n| --- | --- |\n| [5, 45] | 0.1 |")
    assert [m.numbers for m in doc.markers] == [(1,), (2,)]
    assert sorted(s.text for _, s in doc.skipped) == ["[10, 20]", "[10, 20]", "[5, 45]"]


def test_a_pair_past_the_list_in_a_document_without_intervals_stays_a_marker():
    doc = _doc("Trials [1] and [2] agree. Two more [5, 45] disagree.")
    assert [m.numbers for m in doc.markers] == [(1,), (2,), (5, 45)]


def test_a_locator_marker_is_written_as_its_numbers_in_the_sentence():
    doc = _doc("The hand is stout [3: 273], as in lemurs [e.g., 4]. Smith *et al*. [5] agree.")
    assert [m.numbers for m in doc.markers] == [(3,), (4,), (5,)]
    assert [s.text for s in doc.sentences] == ["The hand is stout [3], as in lemurs [4].", "Smith et al. [5] agree."]


def test_parentheses_in_table_rows_are_values():
    doc = _doc("Trials (1, 2) agree. Others disagree (3). A review (4-6) pooled them (7, 8).\n\n"
               "| Sex | n (%) |\n| --- | --- |\n| Male | 50 (38,2) |\n| Female | 81 (6,1) |")
    assert [m.numbers for m in doc.markers] == [(1, 2), (3,), (4, 5, 6), (7, 8)]


def test_parentheses_that_cite_under_half_the_list_are_no_citation_style():
    """'mild (1-3), moderate (4-6)' in an article whose markers were lost in typesetting."""
    doc = _doc("Pain was graded none (0), mild (1-2), moderate (3) and severe (131).")
    assert doc.markers == ()
    assert {s.reason for _, s in doc.skipped} == {"numbers in parentheses that cite under half of the reference list"}


def test_a_wrapped_line_may_start_with_the_citation_of_the_line_before():
    doc = _doc("Trials agree\n<sup>1</sup> and others disagree.<sup>2</sup> Reviews<sup>3</sup> pooled them.\n\n"
               "<sup>4</sup> A note under a table.")
    assert [m.numbers for m in doc.markers] == [(1,), (2,), (3,)]


# Forms met on an eighth folder of articles (geochemistry, chemistry and PNAS's display equations).
@pytest.mark.parametrize("line", [
    "marine sedimentary <sup>231</sup>Pa/<sup>230</sup>Th ratios",  # mass numbers before an element
    "cosmogenic <sup>10</sup>Be and <sup>143</sup>Nd/<sup>144</sup>Nd",
    "| Initial phosphate conc. | PO<sub>4</sub><sup>3\u2212</sup> | mol kg<sup>\u22121</sup> |",  # an ion's charge
    "the sulphate ion SO<sub>4</sub><sup>2-</sup> and Fe<sup>3+</sup>",
    "\u03b3 AMOC = \u03b3 Atl, dis + \u03b3 Atl, reg . [1]",  # a display equation's number after the formula
    "d z d l o n } , [4]",
    "T 1pct ( 140 ) [2] = 2.825 PgC Sv",
])
def test_mass_numbers_charges_and_equation_numbers_are_not_markers(line):
    assert numbers(line) == []


@pytest.mark.parametrize("line, expected", [
    ("studies of the ratio<sup>3</sup> and", [(3,)]),  # a raised number after a word, no element after it
    ("as shown before. [3] Then", [(3,)]),  # a bracket after prose punctuation still cites
    ("as shown before [3]. Then", [(3,)]),
    ("the tracer<sup>12</sup> Pa was", [(12,)]),  # a space: the word after is not the number's element
    ("two studies<sup>3-5</sup> found", [(3, 4, 5)]),  # a range is no charge
])
def test_markers_beside_those_forms_are_still_read(line, expected):
    assert numbers(line) == expected


def test_a_parenthesis_document_with_numbered_equations_keeps_its_parentheses():
    # PNAS: "(1-4)" throughout, display equations numbered "[1]" .. "[3]"; the equation numbers are no style.
    body = ("Costs rise (1-4) and feedbacks matter (5, 6). The flux F = a + b . [1] The model (7) and "
            "data (8) agree. The sum G = c , [2] holds. Hence H = d . [3]")
    doc = _doc(body)
    assert [m.numbers for m in doc.markers] == [(1, 2, 3, 4), (5, 6), (7,), (8,)]


def test_a_parenthesis_after_a_chemical_formula_cites():
    assert numbers("anthropogenic CO<sub>2</sub> (29, 30), facilitated by") == [(29, 30)]
    assert numbers("the sample size n (5) and the bound = (7)") == []  # values, as before


@pytest.mark.parametrize("line, expected", [
    # Nature: a raised citation after a parenthesis naming a model or a figure, or after a two-letter word
    ("an important role (Supplementary Fig. 1a)<sup>12\u201318</sup>. Compared", [(12, 13, 14, 15, 16, 17, 18)]),
    ("the Community Earth System Model version 1 (CESM1)<sup>51</sup>, with", [(51,)]),
    ("AMOC in density is calculated as<sup>45</sup>: the", [(45,)]),
    ("According to<sup>62\u201368</sup>, MLP networks", [(62, 63, 64, 65, 66, 67, 68)]),
])
def test_raised_citations_after_named_parentheses_and_short_words(line, expected):
    assert numbers(line) == expected


@pytest.mark.parametrize("line", [
    "a square (2ab)<sup>2</sup> of",  # digits beside short words: a formula's base
    "the area (10 mm)<sup>2</sup> was",
    "an area of x<sup>2</sup> and",
    "an area of 3 in<sup>2</sup> and",  # "in" is also a unit
])
def test_powers_beside_those_forms_stay_powers(line):
    assert numbers(line) == []


@pytest.mark.parametrize("line, expected", [
    # Nature Communications (palaeoclimate): after a latitude, an abbreviation, a version or an implausible power
    ("the local summer insolation at 20\u00b0N<sup>64</sup> (Fig. 3)", [(64,)]),
    ("the Southern Hemisphere (30\u00b0S\u201390\u00b0S)<sup>90</sup>. The", [(90,)]),
    ("more rainfall than the YD<sup>78</sup>. The", [(78,)]),
    ("an ocean model version 3.1<sup>164</sup>. The", [(164,)]),
    ("in the interval between 1/1.5 and 1.5<sup>124</sup>. This", [(124,)]),
])
def test_raised_citations_after_coordinates_abbreviations_and_versions(line, expected):
    assert numbers(line) == expected


@pytest.mark.parametrize("line", [
    "the segment AB<sup>2</sup> and",  # two capitals squared or cubed stay a power
    "a growth of 1.05<sup>10</sup> per decade",  # a decimal to a small power
    "at 20 \u00b0C<sup>2</sup> and",
])
def test_powers_beside_coordinates_abbreviations_and_decimals_stay_powers(line):
    assert numbers(line) == []
