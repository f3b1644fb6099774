"""REF131-133 and REF134: identifiers and papers listed twice."""
from kb.checks.ref_identity import doi_malformed, duplicate_paper, identifier_shared, pmid_malformed

from .policy_text import GOOD_ENTRIES, make_policy, run_rule

RULES = (pmid_malformed, identifier_shared, doi_malformed, duplicate_paper)


def test_clean_list_has_no_identifier_findings():
    for rule in RULES:
        assert run_rule(rule, make_policy()) == []


def test_malformed_pmid():
    bad = GOOD_ENTRIES[:1] + [GOOD_ENTRIES[1].replace("PMID: 29743284", "PMID: 2974328X")]
    (f,) = run_rule(pmid_malformed, make_policy(bad))
    assert f.citations == (2,) and f.severity == "error" and "'2974328X'" in f.message
    nine = [GOOD_ENTRIES[0].replace("25000001", "250000011")]
    (g,) = run_rule(pmid_malformed, make_policy(nine))
    assert "'250000011'" in g.message and "1 to 8 digits" in g.message


def test_pmid_label_without_a_number():
    empty = [GOOD_ENTRIES[0].replace("PMID: 25000001", "PMID:")]
    (f,) = run_rule(pmid_malformed, make_policy(empty))
    assert "gives no number" in f.message


def test_pmid_shared_by_two_different_papers():
    entries = GOOD_ENTRIES[:2] + [GOOD_ENTRIES[0].replace("25000001", "29743284")
                                  .replace("Widget therapy for knee pain: a randomized trial", "Something else entirely")]
    (f,) = run_rule(identifier_shared, make_policy(entries))
    assert f.citations == (3,) and "PMID 29743284" in f.message and "reference 2 (Chen 2018)" in f.message
    assert run_rule(duplicate_paper, make_policy(entries)) == []


def test_malformed_doi():
    entries = [GOOD_ENTRIES[2].replace("doi: 10.1097/", "doi: 1097/")]
    (f,) = run_rule(doi_malformed, make_policy(entries))
    assert "'1097/BRS.0000000000003200'" in f.message and f.citations == (1,)
    url = [GOOD_ENTRIES[0] + " https://doi.org/10.12/x"]  # registrant code too short
    (g,) = run_rule(doi_malformed, make_policy(url))
    assert "'10.12/x'" in g.message
    fine = [GOOD_ENTRIES[0] + " https://doi.org/10.1016/S0140-6736(16)31341-1"]
    assert run_rule(doi_malformed, make_policy(fine)) == []


def test_same_paper_twice_by_pmid_is_an_error_on_the_later_entry():
    entries = GOOD_ENTRIES + [GOOD_ENTRIES[1]]
    (f,) = run_rule(duplicate_paper, make_policy(entries))
    assert f.citations == (5,) and f.severity == "error"
    assert "same paper as reference 2 (Chen 2018)" in f.message and "same PMID 29743284" in f.message
    assert "cite 2 wherever 5 is cited" in f.suggestion
    assert run_rule(identifier_shared, make_policy(entries)) == []


def test_same_title_author_and_year_is_a_warning():
    twin = GOOD_ENTRIES[0].replace("PMID: 25000001", "").replace("*Lancet*", "*Lancet (London)*")
    (f,) = run_rule(duplicate_paper, make_policy(GOOD_ENTRIES + [twin]))
    assert f.severity == "warning" and "same title, first author and year (2015)" in f.message
    other_year = twin.replace("2015;", "2016;")
    other_author = twin.replace("Smith AB", "Garcia M")
    other_record = twin + " PMID: 25000009"
    for different in (other_year, other_author, other_record):
        assert run_rule(duplicate_paper, make_policy(GOOD_ENTRIES + [different])) == []


def test_two_reports_of_one_series_are_not_the_same_paper():
    """SciELO lists bulletins 103 and 100 of one ministry series under one title: two documents."""
    report = ("Brasil. Minist\u00e9rio da Sa\u00fade. Doen\u00e7a pelo Novo Coronav\u00edrus [Internet]. "
              "Bras\u00edlia (DF): Minist\u00e9rio da Sa\u00fade; 2022. (Boletim Epidemiol\u00f3gico Especial, {n}). "
              "[cited 2022 Mar 5].")
    assert run_rule(duplicate_paper, make_policy(GOOD_ENTRIES + [report.format(n=103), report.format(n=100)])) == []
    (f,) = run_rule(duplicate_paper, make_policy(GOOD_ENTRIES + [report.format(n=103), report.format(n=103)]))
    assert f.severity == "warning" and "same title, first author and year (2022)" in f.message
    # A chapter listed twice, punctuated a little differently, is still one paper (PLOS pcbi.1004141 [44] = [14]).
    chapter = ("Park IM, Pillow JW (2011) Bayesian spike-triggered covariance analysis. In: Shawe-Taylor J, editors, "
               "Advances in Neural Information Processing Systems 24{p} Curran Associates, Inc. pp. 1692\u20131700.")
    (f,) = run_rule(duplicate_paper, make_policy(GOOD_ENTRIES + [chapter.format(p="."), chapter.format(p=",")]))
    assert "same title, first author and year (2011)" in f.message


def test_bundled_list_has_no_identifier_or_duplicate_findings(bundled_kb):
    # Read by hand: 76 PMIDs (entries 64, 70, 74, 75 have none), all digits, all different; no DOI.
    pmids = [e.pmid for e in bundled_kb.doc.references if e.pmid]
    assert len(pmids) == 72 == len(set(pmids))
    for rule in RULES:
        assert list(rule.func(bundled_kb)) == []


def test_an_author_named_doi_is_no_doi():
    entry = "Doi M, Yamaoka I, Fukunaga T (2003) Isoleucine stimulates glucose uptake. Biochem J 312: 1111-1117."
    assert run_rule(doi_malformed, make_policy([entry])) == []
    broken = entry + " doi:101371.pcbi.1000037"
    assert len(run_rule(doi_malformed, make_policy([broken]))) == 1


def test_a_doi_written_as_an_address_after_its_label_is_well_formed():
    entry = GOOD_ENTRIES[0] + " doi: http://dx.doi.org/10.1016/j.jped.2020.07.002."
    assert run_rule(doi_malformed, make_policy([entry])) == []
    broken = GOOD_ENTRIES[0] + " doi:101371.pcbi.1000037."
    assert len(run_rule(doi_malformed, make_policy([broken]))) == 1


def test_works_told_apart_by_a_year_letter_are_not_the_same_paper():
    second = "Carpenter KE (2002b) The living marine resources. Volume 2: Bony fishes. Rome: FAO."
    third = "Carpenter KE (2002c) The living marine resources. Volume 3: Sea turtles. Rome: FAO."
    assert run_rule(duplicate_paper, make_policy([second, third])) == []
    assert len(run_rule(duplicate_paper, make_policy([second, second]))) == 1


def test_the_same_doi_with_a_misprinted_title_is_the_same_paper():
    first = "Hunt LA, McGee P. Assessment of student nurses in practice. Nurse Educ Today. 2012;32(4):351-5. " \
            "doi: 10.1016/j.nedt.2011.05.010."
    second = first.replace("Assessment", "Assement")
    (f,) = run_rule(duplicate_paper, make_policy([first, second]))
    assert f.severity == "error" and f.citations == (2,)
    assert run_rule(identifier_shared, make_policy([first, second])) == []
    other = first.replace("Assessment of student nurses in practice", "Teaching nurses to assess their patients")
    assert len(run_rule(identifier_shared, make_policy([first, other]))) == 1


def test_two_second_authors_are_two_papers():
    """Two untitled proceedings entries of one first author with other co-authors: not the same paper."""
    entry = "Helm A, {second}, Roe C. AIP Conference Proceedings. 2019;2168:020065."
    two = [entry.format(second="Abbas B"), entry.format(second="Budi D").replace("020065", "020066")]
    assert run_rule(duplicate_paper, make_policy(GOOD_ENTRIES + two)) == []
    no_pages = [e.split(";")[0] + "." for e in two]
    assert run_rule(duplicate_paper, make_policy(GOOD_ENTRIES + no_pages)) == []
    # the same list, one cut short at 'et al.', or one garbled past the second author, is still one paper
    for twin in ("Helm A, Abbas B, et al. AIP Conference Proceedings. 2019.",
                 "Helm A, Abbas B, R, C,, et al. AIP Conference Proceedings. 2019."):
        (f,) = run_rule(duplicate_paper, make_policy(GOOD_ENTRIES + [no_pages[0], twin]))
        assert f.severity == "warning" and "same title, first author and year (2019)" in f.message, twin


def test_a_short_doi_is_a_doi_org_address():
    # Manubot prints each entry's shortDOI link ('https://doi.org/f7tzps') before its full DOI
    entry = GOOD_ENTRIES[0] + " https://doi.org/f7tzps DOI: 10.1177/0003122415596999"
    assert run_rule(doi_malformed, make_policy([entry])) == []
    assert run_rule(doi_malformed, make_policy([GOOD_ENTRIES[0] + " doi:10/gf3xhp"])) == []
    # a DOI cut short after 'doi:' is no shortDOI: no doi.org address, no '10/'
    assert len(run_rule(doi_malformed, make_policy([GOOD_ENTRIES[0] + " doi: 1016x23"]))) == 1


def test_one_page_printed_as_a_range_with_equal_ends_is_the_same_paper():
    # medRxiv: 'NPJ Parkinsons Dis. 3, 7–7.' and, later in the list, '... 3, 7.'
    first = "Roe, A. & Kim, B. (2017) Synaptic proteins in CSF relate to disease stage markers, NPJ Dis. 3, 7\u20137."
    later = first.replace("7\u20137.", "7.")
    (f,) = run_rule(duplicate_paper, make_policy([first, later]))
    assert f.severity == "warning" and f.citations == (2,)
    # two papers of one volume, parted by their first pages, stay apart
    other = first.replace("7\u20137.", "232\u2013240.")
    assert run_rule(duplicate_paper, make_policy([first, other])) == []
