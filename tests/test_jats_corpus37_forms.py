"""Forms met in corpus 37 (publishers' own JATS as S. Karger AG and Frontiers delivered it to an open-access router,
kept as test data by OA-DeepGreen/jper: Breast Care, Pathobiology, Nephron Physiology, Neuroendocrinology, Frontiers
in Neurology; read first as they came). Each form has a case the check now reads right and a case it must still
report; the texts are made here."""
from __future__ import annotations

from kb.read.reference_list import parse_entry
from tests.formtools import codes_of, first_entry

_START = ("\n\n## References\n\n1. Haviland JS, Owen JR, Dewar JA. The UK START trials of radiotherapy "
          "hypofractionation for early breast cancer: 10-year follow-up results of two randomised controlled trials. "
          "*Lancet Oncol*. 2013;14:1086-94.\n")
_YOUNGER = "The 10-year update of the START trials included 1,398 women younger than 50 years [1]."


def _review(first: str) -> str:
    return f"# Review\n\n## Hypofractionation\n\n{first}\n\n{_YOUNGER}{_START}"


def test_a_count_of_trials_before_the_people_they_took_is_no_trial_size():
    """Karger review: 'All 3 trials included women with operable T1-3 N0-1 M0 invasive breast cancer' counts the
    trials; read as a trial of 3 women it was held against '1,398 women < 50 years' of the same paper."""
    trials = "Outcomes were equivalent after 10 years [1]. All 3 trials included women with operable breast cancer."
    assert codes_of(_review(trials), "EST305") == []
    assert codes_of(_review(trials.replace("3 trials", "five studies")), "EST305") == []
    # Still said: a size in people that disagrees with the other, and a size before the singular 'trial'.
    sized = "Outcomes were equivalent after 10 years [1]. The trials included 2,236 women with operable breast cancer."
    assert codes_of(_review(sized), "EST305") == [("EST305", "warning")]
    singular = "Outcomes were equivalent after 10 years [1]. It enrolled 2,236 trial participants with breast cancer."
    assert codes_of(_review(singular), "EST305") == [("EST305", "warning")]


def test_an_italian_particle_delle_inside_an_author_list_keeps_the_first_author():
    """Karger's untagged Vancouver list 'Missiaglia E, ..., della Peruta M, ..., delle Fave G, et al: Title.':
    'delle' was no known particle, so the list did not read as names and the entry lost its first author."""
    raw = ("Missiaglia E, Dalai I, Barbi S, della Peruta M, Di Florio A, delle Fave G, et al: Pancreatic endocrine "
           "tumors: expression profiling evidences a role for AKT-mTOR pathway. J Clin Oncol 2010;28:245-255.")
    entry = parse_entry(12, raw, 1)
    assert (entry.first_author, entry.year) == ("Missiaglia", 2010)
    for particle in ("degli Uberti EC", "dello Russo C"):
        assert parse_entry(1, raw.replace("delle Fave G", particle), 1).first_author == "Missiaglia"
    # Still read as no person: a body that heads the entry.
    body = parse_entry(1, "National Comprehensive Cancer Network: Breast Cancer, Version 3.2013. 2013.", 1)
    assert body.first_author is None


_KARGER = """<?xml version="1.0"?>
<article xmlns:xlink="http://www.w3.org/1999/xlink" article-type="research-article"><front><article-meta>
<title-group><article-title>Sunitinib in neuroendocrine tumours</article-title></title-group></article-meta></front>
<body><sec><title>Introduction</title><p>Sunitinib prolongs survival [<xref ref-type="bibr" rid="ref1">1</xref>].</p>
</sec></body><back><ref-list><title>References</title>
<ref id="ref1"><label>1</label>{cit}</ref></ref-list></back></article>"""


def test_a_doi_printed_with_a_space_after_its_slash_is_one_doi():
    """Karger meeting report: 'Neuroendocrinology 2018, DOI: 10.1159/ 000491999.' (a line broken after the slash)
    was read as the DOI '10.1159/' and reported as malformed (REF132, an error)."""
    cit = ("<mixed-citation>Raymond E, Kulke M, Qin SK, et al: Efficacy and safety of sunitinib in patients with "
           "pancreatic neuroendocrine tumors. Neuroendocrinology 2018, DOI: {doi}.</mixed-citation>")
    line = first_entry(_KARGER, cit.format(doi="10.1159/ 000491999"))
    assert parse_entry(1, line.split(". ", 1)[1], 1).doi == "10.1159/000491999"
    text = "# Report\n\nSunitinib works [1].\n\n## References\n\n" + line + "\n"
    assert codes_of(text, "REF132") == [("REF132", "info")]  # the space breaks a link: a note, no error
    # Still said: a DOI that ends at its slash, and one without its '10.'.
    for wrong in ("10.1159/", "1159/000491999"):
        broken = first_entry(_KARGER, cit.format(doi=wrong))
        assert codes_of("# Report\n\nSunitinib works [1].\n\n## References\n\n" + broken + "\n", "REF132") == \
            [("REF132", "error")]
