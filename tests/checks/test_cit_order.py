"""CIT105: a range whose last numbers are then cited one by one as if new (a list numbered by first citation).

A policy that has the pattern, and ones that do not.
"""
from .cit_fixtures import BODY_LINE, findings

from kb.checks.cit_order import numbered_by_first_citation
from kb.read.parse_policy import parse_policy

TWELVE = [f"Author{c} A. A cohort study of widgets number {i}. *J Widgets*. {2000 + i};{i}(2):1-9."
          for i, c in enumerate("BCDEFGHIJKLM", 1)]
OPENING = "Widgets were first described [1], [2]. "
CLOSING = " Later work [10]. More work [11]. The latest review [12]."


def _body(middle: str) -> str:
    return OPENING + middle + CLOSING


def test_cit105_range_end_then_cited_one_by_one_before_the_next_number_is_info():
    body = _body("Several cohorts [3-9] agreed. AuthorI et al. found more [8]. AuthorJ et al. found less [9].")
    found = findings(body, TWELVE, "CIT105")
    assert [(f.line, f.severity, f.citations) for f in found] == [(BODY_LINE, "info", (8, 9))]
    assert "ends at 9" in found[0].message and "should the range end at 7?" in found[0].message


def test_cit105_clean_when_the_range_ends_where_the_single_citations_begin():
    body = _body("Several cohorts [3-7] agreed. AuthorI et al. found more [8]. AuthorJ et al. found less [9].")
    assert findings(body, TWELVE, "CIT105") == []


def test_cit105_one_number_cited_again_alone_before_the_next_is_info_too():
    # Measured on real articles: about 1 clean range in 75 is followed by its last number alone before the
    # next new one, against a quarter of ranges widened by one to three numbers.
    body = _body("Several cohorts [3-9] agreed. AuthorJ et al. found less [9]. Others differed [9].")
    found = findings(body, TWELVE, "CIT105")
    assert [(f.line, f.severity, f.citations) for f in found] == [(BODY_LINE, "info", (9,))]
    assert "cites 9 again, alone," in found[0].message and "should the range end at 8?" in found[0].message


def test_cit105_numbers_cited_before_the_range_say_nothing_either_way():
    body = _body("Several cohorts [3-9] agreed. AuthorI et al. found more [8], as first said [1]. AuthorJ [2, 9].")
    found = findings(body, TWELVE, "CIT105")
    assert [f.citations for f in found] == [(8, 9)]


def test_cit105_two_last_numbers_cited_again_with_the_next_new_ones_is_info():
    body = _body("Several cohorts [3-9] agreed. AuthorI, AuthorJ and AuthorK found more [8-10].")
    found = findings(body, TWELVE, "CIT105")
    assert [(f.severity, f.citations) for f in found] == [("info", (8, 9))]
    assert "cites 8 and 9 again, in order, where it first cites a number past 9" in found[0].message


def test_cit105_clean_when_one_last_number_is_cited_again_with_the_next_new_one():
    body = _body("Several cohorts [3-9] agreed. AuthorJ and AuthorK found more [9, 10].")
    assert findings(body, TWELVE, "CIT105") == []


def test_cit105_clean_when_the_end_is_cited_again_only_after_the_next_number():
    body = _body("Several cohorts [3-9] agreed. Later work [10]. AuthorJ et al. found less [9].")
    assert findings(body, TWELVE, "CIT105") == []


def test_cit105_clean_when_other_members_of_the_range_are_discussed_too():
    body = _body("Several cohorts [3-9] agreed. AuthorD et al. found more [4]. AuthorI [8]. AuthorJ [9].")
    assert findings(body, TWELVE, "CIT105") == []


def test_cit105_silent_when_the_list_is_not_numbered_by_first_citation():
    # The same passage as the positive case, but two of twelve first citations skip ahead.
    body = ("Widgets were first described [1], [2]. Several cohorts [3-9] agreed. AuthorI et al. found more [8]. "
            "AuthorJ et al. found less [9]. Later work [10]. The latest review [12]. More work [11].")
    assert findings(body, TWELVE, "CIT105") == []


def test_the_order_of_first_citation_is_read_from_the_markers():
    def doc(body):
        return parse_policy(f"# P\n\n## EVIDENCE\n\n{body}\n", "x.md").markers
    assert numbered_by_first_citation(doc(" ".join(f"S{i} [{i}]." for i in range(1, 11))))
    assert not numbered_by_first_citation(doc(" ".join(f"S{i} [{11 - i}]." for i in range(1, 11))))
    assert not numbered_by_first_citation(doc("S [1]. T [2]. U [3]."))  # too few to tell
