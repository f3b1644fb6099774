"""A named author who acts as a sentence's subject, in the forms papers print: the sentence's citation after
the name is theirs, so a marker citing someone else's paper is CIT201, and their own paper is clean."""
from __future__ import annotations

import pytest

from tests.formtools import codes_of

_DOC = ("# Article\n\n## Discussion\n\n{sentence}\n\n## References\n\n"
        "1. Wu HY, Burgess SM. Two distinct surveillance mechanisms monitor meiotic chromosome metabolism. "
        "*Curr Biol*. 2006;16:2473-9.\n"
        "2. Di Giacomo M, Barchi M. Distinct DNA-damage-dependent and -independent responses. *Nat Cell Biol*. "
        "2005;7:1-10.\n"
        "3. Bierbaum P, Scholer HR. Two pseudogenes of the ESG1 gene. *Gene*. 1994;150:1-8.\n"
        "4. Bauer K, Holmdahl R. Identification of new quantitative trait loci in mice. *Arthritis Res Ther*. "
        "2004;6:1-9.\n"
        "5. Prymula R, Siegrist CA. Effect of prophylactic paracetamol on fever and vaccine responses. *Lancet*. "
        "2009;374:1339-50.\n"
        "6. Cohen DL, Townsend RR. Yoga and hypertension. *J Clin Hypertens*. 2008;10:1-6.\n")

_FORMS = {
    "two authors and a verb": ("Wu and Burgess concluded that the checkpoint is RAD17 dependent [{n}].", 1),
    "'previously' before the verb": (
        "Bierbaum previously reported the existence of two pseudogenes of the gene [{n}].", 3),
    "'and colleagues previously' after an opening word": (
        "Interestingly, Bauer and colleagues previously identified a locus on chromosome 13 [{n}].", 4),
    "'the Name study'": ("A ratio of 1.65 was used, as the effects in the Prymula study gave this ratio [{n}].", 5),
    "'and colleagues have shown'": ("Cohen and colleagues have shown a trend towards lower blood pressure [{n}].", 6),
}


@pytest.mark.parametrize("form", sorted(_FORMS))
def test_a_marker_citing_someone_else_is_found(form):
    sentence, own = _FORMS[form]
    other = 2 if own != 2 else 1
    # A study named after its author may be the sentence's topic while the marker cites who wrote about it.
    severity = "info" if "study" in form else "error"
    assert codes_of(_DOC.format(sentence=sentence.format(n=other)), "CIT201") == [("CIT201", severity)], form


@pytest.mark.parametrize("form", sorted(_FORMS))
def test_their_own_paper_is_clean(form):
    sentence, own = _FORMS[form]
    assert codes_of(_DOC.format(sentence=sentence.format(n=own)), "CIT201") == [], form


def test_a_study_named_for_its_authors_with_et_al_is_their_paper():
    """'as in the Boonen et al study [20]': the authors named as such, as 'Boonen et al. [20]' is (an error when 20 is
    someone else's), not a study known by a name (info)."""
    text = "Unlike the acute phase studied in the Wu et al study [{n}], cortisol rose."
    assert codes_of(_DOC.format(sentence=text.format(n=2)), "CIT201") == [("CIT201", "error")]
    assert codes_of(_DOC.format(sentence=text.format(n=1)), "CIT201") == []


def test_a_study_named_for_a_place_is_no_author():
    """'the Framingham study [2]': no entry is Framingham's, so nothing is said."""
    text = "Risk factors were defined as in the Framingham study [2]."
    assert codes_of(_DOC.format(sentence=text), "CIT201") == []


def test_a_name_not_in_the_list_as_first_author_is_no_source():
    """'Smith and Burgess concluded' names nobody the list has first: a lab or a person, not a citation."""
    text = "Smith and Burgess concluded that the checkpoint is RAD17 dependent [2]."
    assert codes_of(_DOC.format(sentence=text), "CIT201") == []
