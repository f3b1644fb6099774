"""REF111-113 and REF121-123: what one entry lacks, and what the annual review should update."""
from kb.checks.ref_entries import missing_source, missing_title, missing_year
from kb.checks.ref_status import accessed_without_date, ahead_of_print, available_from_empty

from .policy_text import GOOD_ENTRIES, make_policy, run_rule

RULES = (missing_year, missing_title, missing_source, ahead_of_print, available_from_empty, accessed_without_date)


def test_clean_list_has_no_entry_findings():
    for rule in RULES:
        assert run_rule(rule, make_policy()) == [], rule.code


def test_missing_year():
    (f,) = run_rule(missing_year, make_policy([GOOD_ENTRIES[0].replace("2015;", "")]))
    assert f.citations == (1,) and "no year" in f.message and f.severity == "warning"



def test_a_year_printed_where_the_pages_go_is_only_a_doubt():
    # 'Toxics. 6: 2018 doi: ...': the year after the volume, or a page that looks like a year: info, not a warning
    entry = "Smith AB, Jones C. Arsenic in rice. Toxics. 6: 2018 doi: 10.3390/toxics6010001"
    (f,) = run_rule(missing_year, make_policy([entry]))
    assert f.severity == "info" and "'6: 2018' prints a year where the pages go" in f.message
    # clean: a page that cannot be a year keeps the warning
    (g,) = run_rule(missing_year, make_policy([entry.replace("6: 2018", "6: 218")]))
    assert g.severity == "warning"

def test_missing_title():
    entry = "Smith AB, Jones C. *Lancet*. 2015;385(9):100-9. PMID: 25000001"
    (f,) = run_rule(missing_title, make_policy([entry]))
    assert f.message == "reference 1 (Smith 2015) has no title"


def test_missing_source():
    entry = "Smith AB, Jones C. Widget therapy for knee pain. 2015."
    (f,) = run_rule(missing_source, make_policy([entry]))
    assert f.citations == (1,) and "names no journal" in f.message


def test_an_organisation_or_an_address_is_a_source():
    org = "North American Spine Society. Guideline for widget therapy. 2014."
    web = "Guideline for widget therapy. 2014. Available from: <https://example.org/g.pdf>."
    assert run_rule(missing_source, make_policy([org, web])) == []


def test_ahead_of_print_by_missing_volume_and_by_epub():
    no_volume = "Zhan Y, Jiang J. Risk factors for cement leakage: a meta-analysis. *World neurosurgery*. 2017. PMID: 28192270"
    epub = "Kim J. Widgets revisited. *Knee*. 2024 Mar 3. Epub ahead of print. PMID: 38000001"
    first, second = run_rule(ahead_of_print, make_policy([no_volume, epub]))
    assert first.severity == "info" and first.citations == (1,)
    assert "no volume, issue or pages" in first.message and "PMID 28192270" in first.suggestion
    assert "final citation" in first.suggestion
    assert "Epub ahead of print" in second.message


def test_books_after_a_place_and_publisher_are_not_ahead_of_print():
    books = ["Borenstein M, Hedges LV, Higgins J, Rothstein H (2009) Introduction to meta-analysis. "
             "Chichester: John Wiley & Sons.",
             "Borenstein M, Hedges LV (2005) Comprehensive meta-analysis version 2. Englewood: Biostat"]
    assert run_rule(ahead_of_print, make_policy(books)) == []
    journal = "Roe A, Poe B (2021) Widgets in the elderly. Journal of Widget Research."
    assert len(run_rule(ahead_of_print, make_policy([journal]))) == 1


def test_web_documents_are_not_ahead_of_print():
    assert run_rule(ahead_of_print, make_policy(GOOD_ENTRIES[3:])) == []


def test_available_from_without_address():
    entry = "American Academy of Orthopaedic Surgeons. Guideline on fractures. 2010. [cited 5/11/2026]. 'Available from:'"
    (f,) = run_rule(available_from_empty, make_policy([entry]))
    assert f.severity == "error" and "gives no address" in f.message
    assert run_rule(missing_source, make_policy([entry])) == []  # one problem, one finding


def test_access_date_without_publication_date():
    entry = ("National Institute for Health and Care Excellence (NICE). Vertebroplasty [TA279]. [cited 5/11/2026]. "
             "'Available from:' <https://www.nice.org.uk/guidance/ta279>.")
    (f,) = run_rule(accessed_without_date, make_policy([entry]))
    assert "[cited 5/11/2026]" in f.message and f.citations == (1,)
    assert run_rule(missing_year, make_policy([entry])) == []  # REF123 covers it


def test_bundled_policy_entry_findings(bundled_kb):
    """Read off the list: 27, 31, 57, 59 end '<journal>. <year>. PMID' with no volume or pages;
    64 ends with a bare 'Available from:'; 74 and 75 (NICE) have only '[cited 5/11/2026]'."""
    got = {rule.code: sorted(f.citations[0] for f in rule.func(bundled_kb)) for rule in RULES}
    assert got == {"REF111": [], "REF112": [], "REF113": [], "REF121": [27, 31, 57, 59], "REF122": [64],
                   "REF123": [74, 75]}
    lines = {f.citations[0]: f.line for f in ahead_of_print.func(bundled_kb)}
    assert lines == {27: 372, 31: 376, 57: 404, 59: 406}


def test_an_entry_that_says_it_is_undated_is_clean():
    entry = "Cephos (n.d.) Cephos home page report. Available: http://www.cephoscorp.com/. [cited 13 January 2012]."
    text = make_policy([entry])
    assert run_rule(missing_year, text) == [] and run_rule(accessed_without_date, text) == []
    dated_nowhere = entry.replace(" (n.d.)", "").replace("home page", "position statement")
    assert len(run_rule(accessed_without_date, make_policy([dated_nowhere]))) == 1


def test_printed_publication_details_name_a_source():
    """The reader may miss a journal written after a title ending in '?': its volume and pages still show it."""
    for entry in ("MacCallum CJ (2007) When is open access not open access? PLoS Biol 5: 2095-2097.",
                  "Kopka H, Daly PW (1999) A guide to LaTeX. New York: Addison-Wesley.",
                  "Anderson CM (2006) The long tail. London: Random House."):
        assert run_rule(missing_source, make_policy([entry])) == [], entry


def test_a_list_the_reader_cannot_split_gets_one_info_finding():
    entries = [f"Author{n} A. Widget therapy number {n} for knee pain. {2000 + n}." for n in range(1, 9)]
    (f,) = run_rule(missing_source, make_policy(entries + GOOD_ENTRIES[:2]))
    assert f.severity == "info" and f.message.startswith("8 of 10 entries") and f.citations == tuple(range(1, 9))
    few = run_rule(missing_source, make_policy(["Smith A. Widget therapy for knee pain. 2001.",
                                                "Jones B, Roe C. Widgets in the elderly. 2002."] + GOOD_ENTRIES))
    assert [g.severity for g in few] == ["warning", "warning"]
    # two entries whose authors were not read (their name part was read as the title): at info
    unsplit = run_rule(missing_source, make_policy(entries[:2] + GOOD_ENTRIES))
    assert [g.severity for g in unsplit] == ["info", "info"] and "may hold one" in unsplit[0].message


def test_journal_names_e_locators_and_publishers_the_reader_missed_name_a_source():
    for entry in ("Levitus S (2012) World ocean heat content, Geophys Res Lett 39, L10603.",
                  "Graves P (2006) Vaccines for preventing malaria. Cochrane Database Syst Rev: CD006198.",
                  "Boury-Jamot M (2009) Skin aquaporins. Handb Exp Pharmacol 205-217.",
                  "Raffel M (1998) Particle Image Velocimetry, A Practical Guide: Springer, Berlin."):
        assert run_rule(missing_source, make_policy([entry])) == [], entry


def test_a_home_page_with_an_access_date_needs_no_publication_date():
    page = "USAID. USAID's NTD program. Available: http://www.neglecteddiseases.gov/. [cited May 19, 2013]."
    assert run_rule(accessed_without_date, make_policy([page])) == []
    report = page.replace("USAID's NTD program", "USAID's NTD program annual report")
    assert len(run_rule(accessed_without_date, make_policy([report]))) == 1


def test_entries_not_yet_published_and_web_pages_need_no_year():
    for entry in ("Swami V, Stieger S (in press) Further investigation of a scale. J Pers Assess.",
                  "Desai M, Plotkin JB. Detecting directional selection. Genetics, In press",
                  "A guide to industry classification benchmark. URL http://www.icbenchmark.com/."):
        assert run_rule(missing_year, make_policy([entry])) == [], entry
    printed_without = "Pritchard JK, Stephens M (200) Inference of population structure. Genetics 155: 945\u2013959."
    (f,) = run_rule(missing_year, make_policy([printed_without]))
    assert f.severity == "warning"


def test_entries_read_as_nothing_are_said_once_at_info():
    names = ["SourceForge", "GitHub", "Canto MIScreening and surveillance in familial pancreatic cancerGastrointest "
             "Endosc Clin N Am200818353555310.1016/j.giec.2008.05.012",  # parts printed without punctuation
             "Nagai HKuroda AMorioka YLymphatic spread of pancreatic cancer. A study of autopsy materialAnn "
             "Surg19862041657110.1097/00000658-198607000-00009"]
    # the name is read as the title (REF112 has nothing to say); the run-together entry's year is read
    for rule, lacking in ((missing_year, (5, 6, 8)), (missing_source, (5, 6, 7))):
        found = run_rule(rule, make_policy(GOOD_ENTRIES + names))
        assert [(f.severity, f.citations) for f in found] == [("info", lacking)], rule.code
    # publication details are a reference the reader failed to split: still reported one by one
    (f,) = run_rule(missing_year, make_policy(GOOD_ENTRIES + ["O'Neill LA, Bowie AG Sensing and signaling. Curr Biol "
                                                              "20: R328\u2013333."]))
    assert f.severity == "warning" and f.citations == (5,)


def test_books_reports_preprints_and_notes_name_their_source():
    for entry in ("Olsson AA. Some Tertiary mollusks. Ithaca, NY: Paleontological Research Institution; 1967.",
                  "Hammersley B (2005) Developing feeds. Sebastopol (California): O'Reilly & Associates.",
                  "Streichert F (2005) Javaeva. Technical Report WSI-2005-06, University of T\u00fcbingen.",
                  "Bialek W (2005). Features and dimensions. arXiv:q-bio.NC/0505003.",
                  "Daubechies I (2004) Ten Lectures on Wavelets: Society for Industrial and Applied Mathematics.",
                  "Eberly DH (2010) Game physics. Morgan Kaufmann, second edition.",
                  "Budyko MI (1977) Climate changes. American Geophysical Union, Washington, DC, p. 244.",
                  "Mathews v. United States. 485 U.S. 58, 66; 1988.",
                  "Vanderelst D (2013) Chiroping robots and sonar. personal communication.",
                  "Cisse B (2008). Pilot study of malaria treatment in Tivaouane District (unpublished)",
                  "StataCorp. Stata Statistical Software: Release 14. College Station, TX: StataCorp LP, 2015.",
                  "Avico U, Kaplan C (1988) Cocaine epidemiology in three cities. Brussels. European Communities "
                  "Health Directorate.",
                  "Diep Thi Thu Trang. The completeness of the infant mortality recording system in rural Northern "
                  "Vietnam. Brisbane: University of Queensland; 2011.",
                  "Hanoi University of Public Health. Vietnam National Injury Survey 2011. Hanoi: 2012.",
                  "Han, C.-Y. *The mechanism of heat transfer in nucleate pool boiling*, Massachusetts Institute "
                  "of Technology, (1962).",  # a thesis: its university is where it was published
                  "Tarun R, Naik RN. Biodiesel from waste oil. The University of Wisconsin \u2013 Milwaukee; 2001."):
        assert run_rule(missing_source, make_policy([entry])) == [], entry
    (f,) = run_rule(missing_source, make_policy(["Horn BKP (1987) Closed-form solution of absolute orientation "
                                                 "using unit quaternions 4."]))
    assert f.severity == "warning"
    # a university in the title is no publisher: only one named at the end, before the year, is
    (f,) = run_rule(missing_source, make_policy(["Lee K (2012) Drinking among University students in Seoul."]))
    assert f.severity == "warning"
    # a title's colon is no publisher's place: 'Stata: Release 14' names no source
    (f,) = run_rule(missing_source, make_policy(["StataCorp (2015) Stata Statistical Software: Release 14."]))
    assert f.severity == "warning"


def test_a_title_opening_in_italics_is_a_title_and_a_home_page_is_named_by_its_body():
    species = "Le Conte Y, Ellis M (2010) *Varroa* mites and bee health. Apidologie 41: 353\u2013363."
    page = "Sustainable Development Solutions Network. http://unsdsn.org/, accessed May 26, 2013."
    assert run_rule(missing_title, make_policy([species, page])) == []
    assert len(run_rule(missing_title, make_policy(["Smith AB, Jones C. *Lancet*. 2015;385(9):100-9."]))) == 1


def test_a_book_is_not_ahead_of_print():
    book = "Olsson AA. Some Tertiary mollusks. Ithaca, NY: Paleontological Research Institution; 1967."
    assert run_rule(ahead_of_print, make_policy([book])) == []


def test_a_doi_after_available_from_is_an_address():
    # Springer prints the DOI bare after the phrase: the entry does give an address.
    entry = "Kistler M. SMIR full body CT. SMIR. 2017. Available from: 10.1007/BF00337288."
    assert run_rule(available_from_empty, make_policy([entry])) == []
    bare = "Kistler M. SMIR full body CT. SMIR. 2017. Available from:"
    (f,) = run_rule(available_from_empty, make_policy([bare]))
    assert "gives no address" in f.message


def test_missing_year_names_a_number_printed_where_the_year_goes():
    # PLOS's '(200)' and '(1776)': a year the reader will not take, printed where the year belongs.
    entry = "Smith AB, Jones C (200) Widget therapy for knee pain. *Lancet* 385: 100-109."
    (f,) = run_rule(missing_year, make_policy([entry]))
    assert "it prints '(200)' where the year goes" in f.message
    (plain,) = run_rule(missing_year, make_policy([entry.replace(" (200)", "")]))
    assert plain.message.endswith("has no year of publication")


def test_a_books_imprint_printed_without_a_stop_names_its_source():
    # PLOS ONE trial reports: a town and a publisher close the entry; Vancouver's 'Publisher; Year.' after a colon;
    # a body named in full.
    for entry in ("Donner A, Klar N (2000) Design and analysis of cluster randomization trials London, Arnold.",
                  "Wasserman K, Hansen JE (1987) Principles of exercise testing Philadelphia: Lea & Febiger.",
                  "Perroud A (2001) Faire face a la boulimie Paris: Retz.",
                  "Johnstone K. Impro Improvisation and the Theatre: Methuen; 1987.",
                  "Lyons RG. Understanding digital signal processing: Pearson Education; 2010.",
                  "Eaton AD, Franson MAH (2005) Standard methods for the examination of water American Public "
                  "Health Association, American Water Works Association."):
        assert run_rule(missing_source, make_policy([entry])) == [], entry
    # Clean: a subtitle after a colon, a town in a title, and a year after a subtitle without its semicolon.
    for entry in ("Amabile TM. Motivation and Creativity: Effects of Motivational Orientation on Writers. 1983.",
                  "Lee K (2012) Drinking among students in London: a survey.",
                  "Smith A (2010) Care in Paris: Lessons Learned."):
        (f,) = run_rule(missing_source, make_policy([entry]))
        assert f.severity == "warning", entry


def test_an_entry_in_review_or_submitted_has_no_year_yet():
    for entry in ("Weissgerber TL, Gandley RE (in review) Haptoglobin phenotype and preeclampsia. ",
                  "Smith A, Jones B. Widgets for knee pain. Submitted for publication.",
                  "Brazendale K, Beets MW. Activity at summer day camps. American Journal of Preventive Medicine. "
                  "in review."):
        assert run_rule(missing_year, make_policy([entry])) == [], entry
    (f,) = run_rule(missing_year, make_policy(["Smith A, Jones B. A review of widgets for knee pain."]))
    assert f.severity == "warning"


def test_an_agencys_acronym_as_author_is_the_issuing_body():
    # PLOS ONE: 'USAID (2008) Programming Guidance for Integrating Water, Sanitation, and Hygiene ...'
    assert run_rule(missing_source, make_policy(["USAID (2008) Programming Guidance for Integrating Water."])) == []
    # Clean case: a person's name in capitals, with initials, is no body.
    (f,) = run_rule(missing_source, make_policy(["ZHANG Y, LI X (2008) Programming guidance for water."]))
    assert f.severity == "warning"
