"""Forms met in corpus 35 (34 clinical and health JATS articles of 2019-2025, PMC copies kept as test data by
nimh-dsst/rtransparent: cardiology, infectious disease, oncology, psychiatry, health economics and medRxiv
preprints, read first as they came). Each form has a case the check now reads right and a case it must still
report; the texts are made here."""
from __future__ import annotations

from kb.importers.jats import convert
from tests.formtools import codes_of, in_results

_BMJ = """<?xml version="1.0"?>
<article xmlns:xlink="http://www.w3.org/1999/xlink" article-type="research-article"><front><article-meta>
<title-group><article-title>A drug and a checkpoint</article-title></title-group></article-meta></front>
<body><sec><title>Discussion</title>
<p>The pathway was described before.<xref rid="R1" ref-type="bibr">1</xref><xref rid="R3" ref-type="bibr">3</xref></p>
<p>It acts on the receptor.<xref rid="R4" ref-type="bibr">{cit}</xref><xref rid="R8" ref-type="bibr">8</xref></p>
</sec></body><back><ref-list>
{refs}
</ref-list></back></article>"""


def _bmj(cit: str) -> str:
    refs = "\n".join(f'<ref id="R{n}"><label>{n}</label><mixed-citation>Author{chr(64 + n)} A. Paper {n}. '
                     f'J Med. 20{10 + n};{n}:1-5.</mixed-citation></ref>' for n in range(1, 9))
    return convert(_BMJ.format(cit=cit, refs=refs).encode(), "b.xml").markdown


def test_a_pair_in_one_xref_that_lost_its_space_reads_as_the_pair():
    """PMC's copy of a BMJ article: '<xref rid="R4">46</xref><xref rid="R8">8</xref>' prints '4, 6\u20138' (the
    pair '4 6' in one xref, its space lost, then a range by its ends); read whole, 46 is no entry of the list and
    5-8 look uncited."""
    text = _bmj("46")
    assert "<sup>4, 6\u20138</sup>" in text or "<sup>4 6\u20138</sup>" in text
    assert codes_of(text, "CIT104") == [("CIT104", "warning")]  # only 5 is left uncited, as the page prints it
    # Still read as printed: the entry's own number alone, and a number that is itself an entry ('4' + '8').
    assert "<sup>4\u20138</sup>" in _bmj("4")


_PREPRINT = ("# Review\n\nPneumonia is common [1]. Maps show it [2].\n\n## References\n\n"
              "1. Smith A. A trial. *J Med*. 2001;1:1-5.\n2. Atoloye K, et al. A spatio-temporal mapping of "
              "risk factors of pneumonia in Nigeria. medRxiv, {tail}\n")


def test_a_preprint_s_id_printed_as_its_page_leaves_the_year_before_it():
    """EndNote's 'medRxiv, 2022: p. 2022.12.19.22283675.': the preprint's id stands where a page would; the year
    before the colon is the year."""
    assert codes_of(_PREPRINT.format(tail="2022: p. 2022.12.19.22283675."), "REF111") == []
    assert codes_of(_PREPRINT.format(tail="2022: p. 2022.12. 19.22283675."), "REF111") == []
    # Still said: the id with no year at all.
    assert codes_of(_PREPRINT.format(tail="p. 2022.12.19.22283675."), "REF111") == [("REF111", "warning")]


def test_a_year_after_its_month_is_no_arm():
    """'... 9883 patients in the US cohort who underwent PCI ... from January 2007 to December 2021 were included':
    2007 and 2021 date the study period; they are no arms of 9883."""
    period = ("A total of 275 021 patients in the Swedish cohort and 9883 patients in the US cohort who underwent PCI "
              "for any indication from January 2007 to December 2021 were included [1].")
    assert codes_of(f"# Cohort\n\n## Methods\n\n{period}\n\n## References\n\n1. Smith A. A trial. *J Med*. "
                    "2001;1:1-5.\n", "EST301") == []
    # Still said: arms that do not add up to the total.
    assert in_results("Of 644 patients, 330 received VP and 284 received KP [1].", "EST301") == \
        [("EST301", "warning")]


def test_a_share_in_tenths_in_words_is_a_rounding_of_the_exact_percentage():
    """'seven out of ten (69.0%) of mothers': the words round the exact share printed beside them."""
    assert in_results("Seven out of ten (69.0%) of the mothers had no formal education [1].", "EST302") == []
    # Still said: a share far from its tenths, and a count out of a printed 10.
    assert in_results("Seven out of ten (59.0%) of the mothers had no formal education [1].", "EST302") == \
        [("EST302", "warning")]
    assert in_results("Seven of 10 patients (69.0%) had no formal education [1].", "EST302") == [("EST302", "warning")]


_WHO = ("# Country report\n\n## Results\n\nThe World Health Organization (WHO) tracks obesity [1].\n\n{sentence}\n\n"
        "## References\n\n"
        "1. Smith A. A survey. *J Med*. 2001;1:1-5.\n"
        "2. World Health Organization. The Global Health Observatory. Geneva: WHO; 2020.\n")


def test_a_year_opening_figures_a_body_is_only_credited_with_dates_the_figures():
    """'In 2016, the prevalence ... was 25.1%, according to WHO estimates [2]': 2016 is the year of the data the
    body reports, not the year of the cited document."""
    data = ("In 2016, the prevalence of obesity in adults was 25.1%, according to WHO age-standardised "
            "estimates [2].")
    assert codes_of(_WHO.format(sentence=data), "CIT202") == []
    # Still said: the body as the subject publishing in that year.
    published = "In 2016, the WHO published estimates of the prevalence of obesity in adults [2]."
    assert codes_of(_WHO.format(sentence=published), "CIT202") == [("CIT202", "error")]


_ESC = ("# Registry\n\n## Discussion\n\n{sentence}\n\n## References\n\n"
        "1. Tonino PA, De Bruyne B. Fractional flow reserve versus angiography for guiding percutaneous coronary "
        "intervention. *N Engl J Med*. 2009;360:213-24.\n"
        "2. Wijns W, Kolh P. Guidelines on myocardial revascularization: the Task Force of the European Society of "
        "Cardiology (ESC). *Eur Heart J*. 2010;31:2501-55.\n")


def test_a_clause_telling_the_evidence_a_body_acted_on_leaves_the_marker_to_that_evidence():
    """'FFR was added to the European Society of Cardiology (ESC) guidelines in 2010 after the benefit of FFR ...
    was demonstrated [1]': the trial cited is the evidence, not the body's document; only a note."""
    after = ("FFR was added to the European Society of Cardiology (ESC) guidelines in 2010 after the benefit of FFR "
             "in patients with multi-vessel disease was demonstrated [1]. The task force wrote it [2].")
    assert codes_of(_ESC.format(sentence=after), "CIT203") == [("CIT203", "info")]
    # Still an error: the body's recommendation itself cited to the trial.
    said = ("The European Society of Cardiology (ESC) recommends FFR in patients with multi-vessel disease [1]. "
            "The task force wrote it [2].")
    assert codes_of(_ESC.format(sentence=said), "CIT203") == [("CIT203", "error")]


def _entry_year(entry: str):
    from kb.read.parse_policy import parse_policy

    text = f"# T\n\nText [1].\n\n## References\n\n1. {entry}\n"
    return parse_policy(text, "p.md").references[0].year


def test_a_year_between_the_volume_and_the_pages_is_the_entrys_year():
    """Elsevier's mixed citation: 'P. Scheltens , K. Blennow , ... Alzheimer's disease. Lancet. 388: 2016; 505–517'."""
    assert _entry_year("P. Scheltens , K. Blennow , and S. Salloway , et al. Alzheimer's disease. Lancet. 388: 2016; "
                       "505–517 PMID: 26921134") == 2016
    # clean: pages after a volume's colon are no year ('Nature 18: 1905-1910')
    assert _entry_year("Smith A. A title. Nature 18: 1905–1910.") is None


def test_a_project_names_the_body_that_issued_an_entry():
    """'Healthcare Cost and Utilization Project (HCUP). HCUP Clinical Classifications Software ... Agency for
    Healthcare Research and Quality (2006).': the project is the author, not two people split at 'and'."""
    from kb.read.parse_policy import parse_policy

    def entry(text):
        return parse_policy(f"# T\n\nText [1].\n\n## References\n\n1. {text}\n", "p.md").references[0]

    hcup = entry("Healthcare Cost and Utilization Project (HCUP). HCUP Clinical Classifications Software (CCS) for "
                 "ICD-9-CM. Agency for Healthcare Research and Quality (2006).")
    assert (hcup.authors, hcup.organisation, hcup.year) == ((), "Healthcare Cost and Utilization Project (HCUP)", 2006)
    assert hcup.title == "HCUP Clinical Classifications Software (CCS) for ICD-9-CM"
    # clean: a title naming a project stays the title of its authors' paper
    paper = entry("Smith A, Jones B. The Human Genome Project. Science. 2001;291:1304-51.")
    assert paper.surnames == ("Smith", "Jones") and paper.title == "The Human Genome Project"
