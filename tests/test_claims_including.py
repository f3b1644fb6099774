"""CIT301: a count tied to its marker, then a counted work named after it ('two small randomised studies,<sup>13</sup>
including TICH-1,<sup>14</sup>'): the two markers together hold the count."""
from __future__ import annotations

from tests.formtools import codes_of

LIST = ("1. Sprigg N. Tranexamic acid for haemorrhagic stroke: a randomised trial. *Stroke*. 2014;45:1-5.\n"
        "2. Arumugam A. Tranexamic acid in haemorrhagic stroke: a randomised controlled trial. *Med J*. 2015;1:2-9.\n"
        "3. Meretoja A. Stop-AUST: a randomised trial. *Trials*. 2014;15:1-8.\n")


def text(sentence: str) -> str:
    return f"# Trial\n\n## Introduction\n\n{sentence}\n\n## References\n\n{LIST}"


def test_a_counted_work_named_after_the_count_with_its_own_marker():
    assert codes_of(text("It was tested in two small randomised studies,<sup>2</sup> including TICH-1,<sup>1</sup> "
                         "which assessed feasibility."), "CIT301") == []


def test_without_the_naming_word_the_count_disagrees_with_its_marker():
    assert codes_of(text("It was tested in two small randomised studies,<sup>2</sup> and TICH-1 assessed "
                         "feasibility.<sup>1</sup>"), "CIT301") == [("CIT301", "warning")]


def test_a_named_work_does_not_make_up_a_count_it_overshoots():
    assert codes_of(text("It was tested in two small randomised studies,<sup>2</sup> including TICH-1,<sup>1,3</sup> "
                         "which assessed feasibility."), "CIT301") == [("CIT301", "warning")]
