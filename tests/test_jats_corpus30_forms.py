"""Forms met in corpus 30 (60 systematic reviews, meta-analyses and randomised trials from 60 journals other than
PLOS, one a journal, none met by an earlier folder, read first as they came). Each form has a positive and a clean
case; the texts are made here."""
from __future__ import annotations

from tests.formtools import codes_of, markers_in

_TABLE = ("# Review\n\n## Background\n\nSystems thinking has a long history (1). Models are tools (2). Both are used in "
          "public health (1, 2). Tools help teams (2).\n\n**Table 1** Principles.\n\n"
          "| Principle | Source |\n| --- | --- |\n| Look at what matters | {} (3) |\n\n## References\n\n"
          "1. Smith A. Systems in health. *J Syst*. 2001;1:1-5.\n2. Jones B. Tools for models. *J Syst*. 2002;2:1-5.\n"
          "3. Meadows DH. Thinking in systems: a primer. White River Junction, VT: Chelsea Green; 2008.\n")


def test_a_table_cell_naming_the_entry_s_author_before_its_number_may_cite_it():
    """'| Pay attention to what is important ... | Meadows (35) |', 'Black (36)', 'Metcalf et al. (37)': a table's
    '(35)' is left as a value, but the first author of entry 35 printed before it names the work."""
    assert codes_of(_TABLE.format("Meadows"), "CIT104") == [("CIT104", "info")]
    assert codes_of(_TABLE.format("Meadows et al."), "CIT104") == [("CIT104", "info")]
    # Positive: a group's name before the number is no author of the entry.
    assert codes_of(_TABLE.format("Placebo"), "CIT104") == [("CIT104", "warning")]


def test_a_value_s_sd_in_parentheses_where_the_line_says_mean_sd_is_no_citation():
    """'The estimated mean (SD) BV was 5.1 (1.0) L ... increased BV by 720 (210) and (920) (223) mL' (the second
    value set in parentheses by a slip)."""
    line = ("The estimated mean (SD) BV was 5.1 (1.0) L. The infusions increased BV by 720 (210) and (920) (223) mL, "
            "respectively (12).")
    assert markers_in(line) == ["12"]
    # Positive: without the line saying what the parentheses hold, a number after a value may cite.
    assert markers_in("The infusions increased BV by 720 (21), as reported.") == ["21"]
    # Positive: a number larger than the value before it is no SD.
    assert markers_in("The mean (SD) score fell to 12 (45) in our cohort.") == ["45"]


def test_one_value_for_each_event_a_cell_counts_is_no_citation():
    """'| Infusion-site hematoma | 4(7%)[1,4,4,16] | 1(6%)[3] |' (each event's day of onset)."""
    assert markers_in("| Infusion-site hematoma | 4(7%)[1,4,4,16] | 1(6%)[3] |") == []
    # Positive: a bracket of another size than the count, and a count in prose, still cite.
    assert markers_in("| Infusion-site hematoma | 4(7%)[1,16] | 1(6%) |") == ["1,16"]
    assert markers_in("Four trials (7%) [1,4,5,16] reported it.") == ["1,4,5,16"]


_REVEAL = ("# Trial\n\n## Introduction\n\nIn the REVEAL trial, the investigators reported that disclosure of a risk "
           "genotype was associated with dietary supplement use [1]. Others saw no change [2].\n\n## References\n\n"
           "1. Vernarelli JA, {}, Hiraki S. Effect of Alzheimer disease genetic risk disclosure on dietary supplement "
           "use. Am J Clin Nutr. 2010;91:1402-7.\n2. Chao S, Roberts JS, Cupples LA, Green RC. Health behavior "
           "changes after genetic risk assessment for Alzheimer disease: the REVEAL study. Alzheimer Dis Assoc "
           "Disord. 2008;22:94-7.\n")


def test_a_paper_signed_by_the_trial_s_group_may_report_the_trial():
    """'In the REVEAL trial, the investigators reported ... [4]', 4 by Vernarelli, Roberts, ..., Cupples, Green;
    the entry naming REVEAL by Chao, Roberts, ..., Cupples, Green."""
    assert codes_of(_REVEAL.format("Roberts JS, Cupples LA, Green RC"), "CIT203") == [("CIT203", "info")]
    # Positive: a paper with no author in common with the trial's.
    assert codes_of(_REVEAL.format("Smith JS, Brown LA, White RC"), "CIT203") == [("CIT203", "error")]


_EQUATION = ("# Trial\n\n## Methods\n\nBlood volume was measured (1). Base excess was computed using the {} (3). "
             "Analyses followed a plan (2). Volumes were checked twice (1, 2). Plans were registered (2).\n\n## References\n\n1. Smith A. Blood volume. *J Med*. 2001;1:1-5.\n"
             "2. Jones B. Statistical plans. *J Med*. 2002;2:1-5.\n3. Kellum J, Elbers P. Stewart's textbook of "
             "acid-base. Amsterdam: Acidbase.org; 2009.\n")


def test_a_named_equation_s_number_may_cite_its_source():
    """'the standard base excess using the Van Slyke Eq. (17)' (an xref to entry 17, Kellum's textbook)."""
    assert codes_of(_EQUATION.format("Van Slyke Eq."), "CIT104") == [("CIT104", "info")]
    # Positive: the document's own equation, unnamed, is no place that cites.
    assert codes_of(_EQUATION.format("formula in Eq."), "CIT104") == [("CIT104", "warning")]
