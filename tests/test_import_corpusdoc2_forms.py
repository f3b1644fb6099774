"""More forms met in payer policies and WHO guidelines written by others (/work/corpusdoc, issue 12): author lists
printed with affiliation numbers, given names, a lone initial or a particle folded into the initials; a book's
editors; bodies after 'et al.' or two bodies joined by 'and'; a chapter's title before 'In:' and its book's authors;
'Jan et al.' (a surname that is also a month); 'et al, Title'; event counts, a design's size and shares at follow-up
that are no arms or totals; citations in a table cell of running text. The texts are made here; each form has a
positive case (read right, the false finding gone) and a clean case (a near form left as it was, or a real finding
kept)."""
from __future__ import annotations

from kb.checks.cit_author_year import author_year_unanswered
from kb.checks.ref_entries import missing_title
from kb.estimates.trials import arms, followed, totals
from kb.read.authors import read_authors
from kb.read.markers import scan_line
from kb.read.parse_policy import parse_policy

from checks.policy_text import run_rule


def _policy(listing: list[str], body: str) -> str:
    entries = "\n".join(f"{n}. {text}" for n, text in enumerate(listing, 1))
    return (f"# Example Health\n\n## Widget Therapy\n\n### Policy\n\nWidgets are covered.\n\n"
            f"### Rationale\n\n{body}\n\n### References\n\n{entries}\n")


def _first(entry: str):
    (e,) = parse_policy(_policy([entry], "Widgets helped.")).references
    return e.first_author, e.year


def _unanswered(listing: list[str], body: str) -> list[str]:
    return [f.message for f in run_rule(author_year_unanswered, _policy(listing, body))]


_OTHER = "Abbot A, Baker B. Widgets in knees. Knee. 2019;1:1-2."


def test_affiliation_numbers_glued_to_names_are_left_out():
    """Cigna: 'Vijgen GH1, Schouten R, ...', 'Kanwal, Fasiha1,2,3; Neuschwander-Tetri, Brent A.4; ...'."""
    glued = "Vijgen GH1, Schouten R, Bouvy ND. Widget banding after bypass. Surg Obes. 2012;8(6):803-8."
    given = ("Kanwal, Fasiha1,2,3; Neuschwander-Tetri, Brent A.4; Loomba, Rohit5. Widget liver disease: an update. "
             "Hepatology. 2024;79(5):1212-9.")
    assert _first(glued) == ("Vijgen", 2012) and _first(given) == ("Kanwal", 2024)
    body = "Widgets helped (Abbot et al., 2019; Vijgen et al., 2012). Kanwal et al. (2024) agreed."
    assert _unanswered([_OTHER, glued, given], body) == []
    # Clean case: a citation of a year the list does not have is still reported; digits in a title's words
    # ('COVID19') make no list of names.
    assert len(_unanswered([_OTHER, glued, given], "Widgets helped (Vijgen et al., 2014).")) == 1
    assert read_authors("Widget2 trial, COVID19 cohorts") is None


def test_surnames_each_with_one_bare_initial_joined_by_and_are_read():
    """Cigna: 'Kalichman, L and Vulfsons, S. Dry needling ...'."""
    entry = "Kalichman, L and Vulfsons, S. Widget needling in knee pain. J Am Board Fam Med. 2010;23(5):640-6."
    assert _first(entry) == ("Kalichman", 2010)
    assert _unanswered([_OTHER, entry], "Widgets helped (Abbot et al., 2019; Kalichman and Vulfsons, 2010).") == []
    # Clean case: one such name alone may be a list of dotted initials cut short, and is not read.
    assert read_authors("Thompson, K") is None


def test_a_particle_folded_into_the_initials_is_no_part_of_the_surname():
    """PubMed's Portuguese names: 'Parreira Pdo C, Costa Lda C, ...'."""
    entry = "Parreira Pdo C, Costa Lda C, Lopes AD. Widget taping: a systematic review. J Physiother. 2014;60:31-9."
    assert _first(entry) == ("Parreira", 2014)
    assert _unanswered([_OTHER, entry], "Widgets helped (Abbot et al., 2019; Parreira et al., 2014).") == []
    # Clean case: a two-word surname stays whole.
    assert _first("Hespanhol Junior LC, Lopes AD. Widget running. Knee. 2015;2:3-4.")[0] == "Hespanhol Junior"


def test_a_books_editors_and_bodies_after_et_al_are_read_with_the_names():
    """Cigna: 'Goroll AH, Mulley AG, editors. Primary Care Medicine ...'; 'Bates B, Choi JY, et al.; US Department
    of Defense; Department of Veterans Affairs. Title ...'."""
    book = "Goroll AH, Mulley AG, editors. Primary Widget Medicine. 6th ed. Philadelphia: Lippincott; 2009."
    bodies = ("Bates B, Choi JY, Duncan PW, et al.; US Department of Defense; Department of Veterans Affairs. "
              "Widget rehabilitation guideline: executive summary. Stroke. 2005;36(9):2049-56.")
    assert _first(book) == ("Goroll", 2009) and _first(bodies) == ("Bates", 2005)
    assert _unanswered([_OTHER, book, bodies], "Widgets helped (Goroll and Mulley, 2009; Bates et al., 2005).") == []
    # Clean case: a title's words after a semicolon are no body ('et al.; Widget therapy in knees' is not read as
    # one), and a citation of another year is still reported.
    assert read_authors("Bates B, Choi JY, et al.; Widget therapy in knees") is None
    assert len(_unanswered([_OTHER, book], "Widgets helped (Goroll and Mulley, 2011).")) == 1


def test_two_bodies_joined_by_and_before_the_names_are_cited_by_the_first():
    """Cigna: 'ASGE Bariatric Endoscopy Task Force and ASGE Technology Committee, Abu Dayyeh BK, ...' cited as
    '(ASGE Bariatric Endoscopy Task Force, et al., 2015)'."""
    entry = ("Widget Endoscopy Task Force and Widget Technology Committee, Abu Dayyeh BK, Kumar N. Widget thresholds: "
             "a meta-analysis. Gastrointest Endosc. 2015;82(3):425-38.")
    body = "Widgets helped (Abbot et al., 2019; Widget Endoscopy Task Force, et al., 2015)."
    assert _unanswered([_OTHER, entry], body) == []
    # Clean case: a body the list does not name is still reported.
    assert len(_unanswered([_OTHER, entry], "Widgets helped (Abbot et al., 2019; Widget Surgery Task Force, et al., 2015).")) == 1


def test_a_chapter_title_before_in_and_its_books_authors():
    """Aetna: 'Urological aspects of chronic pelvic pain. In: Engeler D, Baranowski AP, et al. Guidelines on ...'."""
    entry = ("Widget aspects of chronic knee pain. In: Engeler D, Baranowski AP, Elneil S, et al. Guidelines on "
             "Chronic Knee Pain. Arnhem: European Association of Widgets; 2012.")
    assert _first(entry) == ("Engeler", 2012)
    assert _unanswered([_OTHER, entry], "Widgets helped (Abbot et al., 2019; Engeler et al., 2012).") == []
    # Clean case: a title before 'In:' and a website, not names, gives no first author.
    assert _first("Widget classification of diseases. In: World Widget Organization [website]. Geneva; 2016.")[0] \
        is None


def test_a_surname_that_is_also_a_month_before_et_al_is_a_name():
    """Cigna: 'Jan et al. (2005) studied ...' (list: 'Jan JC, Hong D, ...'), read as the month before."""
    entry = "Jan JC, Hong D, Pereira N. Widget banding versus bypass. Surg Endosc. 2005;19:1-9."
    assert _unanswered([_OTHER, entry], "Jan et al. (2005) studied widgets. Abbot et al. (2019) agreed.") == []
    # Clean case: a month before a year with no name is still no citation, and a missing 'Jan' is reported.
    assert _unanswered([_OTHER, entry], "Widgets were approved (Jan 2005). Abbot et al. (2019) agreed.") == []
    assert len(_unanswered([_OTHER], "Jan et al. (2005) studied widgets. Abbot et al. (2019) agreed.")) == 1


def test_et_al_and_a_comma_before_the_title_end_the_names():
    """Florida Blue: 'Gloviczki P, Comerota AJ, et al, The care of patients ..., J Vasc Surg. 2011 ...'."""
    entry = ("Gloviczki P, Comerota AJ, et al, The care of patients with widget veins: guidelines of the Society "
             "for Widget Surgery, J Vasc Surg. 2011 May;53(5):2S-48S.")
    (e,) = parse_policy(_policy([entry], "Widgets helped.")).references
    assert e.first_author == "Gloviczki" and e.title.startswith("The care of patients")
    assert run_rule(missing_title, _policy([entry], "Widgets helped [1].")) == []
    # Clean case: 'et al,' before a year is no title's start.
    (bare,) = parse_policy(_policy(["Smith AB, Jones C, et al, 2011. Knee. 53:1-9."], "Widgets helped.")).references
    assert bare.first_author == "Smith" and bare.year == 2011


def test_counts_of_events_and_a_designs_size_are_no_arms():
    """Cigna: 'complication rate ... was 1.6% and included anemia (n=1) and hematoma (n=1)'; 'a prospective RCT
    (n=294) ... randomized to the treatment (n= 192) or control (n=102) group'; 'with 14 subjects requiring a
    revision'."""
    assert arms("The complication rate was 1.6% and included anemia (n=1) and hematoma (n=1).") == []
    assert arms("It was an RCT (n=294) randomized to the treatment (n= 192) or control (n=102) group.") == [
        (54, (("192", 192), ("102", 102)))]
    assert totals("There were 35 adverse events in the trial, with 14 subjects requiring a revision.") == []
    # Clean case: arms named in the same words are still arms, and a trial's size still a total.
    assert arms("Patients were randomized to widgets (n=60) or sham (n=58).")[0][1] == (("60", 60), ("58", 58))
    assert totals("The trial enrolled 14 subjects with knee pain.") == [(19, "14", 14)]


def test_a_share_after_a_follow_up_time_is_not_of_the_trials_size():
    """Cigna: 'At follow-up, 25 (46%) patients had mild anemia ..., 22 (45%) had hyperparathyroidism': shares of
    those with data then, not of the 74 enrolled."""
    assert followed("At follow-up, 25 (46%) patients had mild anemia, 22 (45%) had hyperparathyroidism.") == []
    # Clean case: a count that is itself followed up keeps its share.
    assert followed("At follow-up, 25 (46%) patients were assessed.") == [(14, "25", 25, "46%")]


def test_citations_in_a_table_cell_of_running_text_are_read():
    """WHO: an evidence summary table whose cell reads '... one trial in Iran including 73 participants (27, 28).'"""
    row = ("| Summary of the evidence | The evidence was limited to two trials: one trial in Pakistan including 82 "
           "participants; and one trial in Iran including 73 participants (27, 28). The trial in Pakistan followed "
           "people for a year. |")
    assert [m.inner for m in scan_line(row)[0]] == ["27, 28"]
    # Clean case: a cell of values keeps its '45 (12)' a value.
    assert scan_line("| Widget arm | 45 (12) | 38 (10) |")[0] == []


def test_a_body_named_after_a_title_answers_a_citation_of_its_acronym():
    """Cigna: 'APTA Guide to Physical Therapist Practice 4.0. American Physical Therapy Association. Published
    2023.' cited '(APTA, 2023)', beside an entry the same body heads with another year."""
    headed = "American Widget Therapy Association (AWTA). Standards of widget practice. 2006. https://awta.org/s.pdf"
    titled = "AWTA Guide to Widget Practice 4.0. American Widget Therapy Association. Published 2023. https://awta.org"
    assert _unanswered([headed, titled], "Widgets are covered (AWTA, 2023; AWTA, 2006).") == []
    # Clean case: a year neither entry has is still reported, and a publisher after a title is no body.
    assert len(_unanswered([headed, titled], "Widgets are covered (AWTA, 2019; AWTA, 2006).")) == 1
    from kb.read.author_year import AuthorYearIndex
    book = "Widget therapy in practice. Widget Press. Published 2023."
    entries = parse_policy(_policy([_OTHER, book], "Widgets helped.")).references
    assert set(AuthorYearIndex(entries).by_name) == {"abbot"}
