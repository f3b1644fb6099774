"""Forms met in corpus 33 (60 JATS articles of 2025-26 kept by a Europe PMC client's benchmark, most of them Wiley
journals, read first as they came). Each form has a positive and a clean case; the texts are made here."""
from __future__ import annotations

from kb.read.author_year_list import read_entry
from kb.read.parse_policy import parse_policy
from tests.formtools import codes_of

# Wiley sets the hyphen of a double surname as U+2010 ('Klasko\u2010Foster'), in the text and in the list alike.
_LIST = """## References

Adu, P. , T. Popoola , and A. Roemer . 2023. \u201cValidation of a Vaccination Acceptance Scale.\u201d Psychological Test Adaptation and Development 4: 1\u20139.

Klasko\u2010Foster, L. B. , S. Przybyla , and H. Orom . 2020. \u201cThe Influence of Affect on HPV Vaccine Decision Making.\u201d Preventive Medicine Reports 20: 101195.

Kuppens, P. , A. Realo , and E. Diener . 2008. \u201cThe Role of Positive and Negative Emotions in Life Satisfaction.\u201d Journal of Personality and Social Psychology 95: 66\u201375.
"""


def _numbers(sentence: str) -> list[tuple[int, ...]]:
    doc = parse_policy(f"# Affect\n\n## Introduction\n\n{sentence}\n\n{_LIST}", "f.md")
    assert doc.citation_style == "author-year"
    return [m.numbers for m in doc.markers]


def test_a_double_surname_joined_by_a_unicode_hyphen_is_one_name():
    """'Klasko\u2010Foster et al. (2020) found ...': the name is Klasko\u2010Foster, not Foster."""
    sentence = "For example, Klasko\u2010Foster et al. (2020) found a positive correlation with vaccination."
    assert _numbers(sentence) == [(2,)]
    assert codes_of(f"# Affect\n\n## Introduction\n\n{sentence}\n\n{_LIST}", "CIT107") == []
    # Clean: a year the list does not hold for that double name is still said.
    wrong = sentence.replace("(2020)", "(2021)")
    assert codes_of(f"# Affect\n\n## Introduction\n\n{wrong}\n\n{_LIST}", "CIT107") == [("CIT107", "warning")]


def test_the_year_before_a_quoted_title_wins_over_a_journal_title_s_year():
    """'Frost, M. B. , R. Forste , and D. W. Haas . 2005. "Maternal Education ..." Social Science & Medicine (1982)
    60': PubMed's '(1982)' names the journal, the entry is of 2005."""
    entry = read_entry(1, "Frost, M. B. , R. Forste , and D. W. Haas . 2005. \u201cMaternal Education and Child "
                          "Nutritional Status in Bolivia.\u201d Social Science & Medicine (1982) 60, no. 2: 395\u2013407.", 10)
    assert (entry.surnames[:1], entry.year) == (("Frost",), 2005)
    text = ("# Growth\n\n## Discussion\n\nMaternal education matters (Frost et al. 2005).\n\n## References\n\n"
            "Frost, M. B. , R. Forste , and D. W. Haas . 2005. \u201cMaternal Education and Child Nutritional Status in "
            "Bolivia.\u201d Social Science & Medicine (1982) 60, no. 2: 395\u2013407.\n\n"
            "Kuppens, P. , A. Realo , and E. Diener . 2008. \u201cThe Role of Positive and Negative Emotions.\u201d Journal "
            "of Personality and Social Psychology 95: 66\u201375.\n")
    assert codes_of(text, "CIT107") == []
    # Clean: a citation of another year than the entry's is still said.
    assert codes_of(text.replace("(Frost et al. 2005)", "(Frost et al. 2006)"), "CIT107") == [("CIT107", "warning")]


def test_a_quoted_title_read_as_the_author_part_leaves_no_title_unsure():
    """'Welfare AIoHa , "Australian Burden of Disease Study 2023," (2023).': the title is printed, in quotes, and
    the reader read it into the names; 'no title' is only info."""
    entry = "3. Welfare AIoHa , \u201cAustralian Burden of Disease Study 2023,\u201d (2023)."
    text = f"# Views\n\n## Introduction\n\nDisease burden is rising [3].\n\n## References\n\n{entry}\n"
    assert ("REF112", "warning") not in codes_of(text, "REF112")
    # Positive: an entry with a name and a year and nothing else still has no title.
    assert codes_of(text.replace(entry, "3. Welfare AIoHa , (2023)."), "REF112") == [("REF112", "warning")]
