"""Findings on forms met in corpus 7 (ContentMine's norma and rOpenSci's pubchunks test articles): a body the
sentence compares its source with, not the source. Each form has a positive and a clean case."""
from .cit_fixtures import findings

ACR = ["mcconnell2014", "feng2017", "baerlocher2014", "asa2010"]


def test_a_body_the_source_is_compared_with_is_not_the_source():
    """Parasites & Vectors: 'The 2010 EU directive, using the same data source as the USEPA recommends an
    acceptable level [29]', 29 the EU's report: USEPA is the comparison, not the cited body."""
    same = ("Feng's registry, using the same data source as the American College of Radiology (ACR) recommends "
            "kyphoplasty for these fractures.<sup>[2]</sup>")
    assert findings(same, ACR, "CIT203") == []
    than = "Rates were higher than the American College of Radiology (ACR) recommends.<sup>[2]</sup>"
    assert findings(than, ACR, "CIT203") == []
    # Clean case: the body itself recommending, cited to someone else's study, is still reported.
    spoke = "The American College of Radiology (ACR) recommends kyphoplasty for these fractures.<sup>[2]</sup>"
    assert [(f.severity, f.citations[0]) for f in findings(spoke, ACR, "CIT203")] == [("error", 2)]


NO_DESIGN = ("Jeffery RW, Wing RR, Sherwood NE, Tate DF. Physical activity and weight loss: does prescribing higher "
             "physical activity goals improve outcome? *Am J Clin Nutr*. 2003;78(4):684-9.")
RCTS = ["buchbinder2009", "kallmes2009", "rousing2009", "diamond2006", "buchbinder2015", NO_DESIGN]


def test_a_count_of_what_one_cited_review_holds_is_no_claim():
    """Diabetes Care: 'A meta-analysis of 10 cohort studies (125) ... found' cites the one meta-analysis."""
    body = "A meta-analysis of 10 cohort studies<sup>[5]</sup> found a lower risk."
    assert findings(body, RCTS, "CIT301") == []
    # PLOS ONE: 'a recent re-analysis of six youth studies [13]' cites the one re-analysis.
    assert findings("A recent re-analysis of six youth studies<sup>[5]</sup> found mood effects.", RCTS, "CIT301") == []
    # Clean case: the same words citing several entries still count them.
    found = findings("A meta-analysis of three RCTs<sup>[1, 2]</sup> found a lower risk.", RCTS, "CIT301")
    assert [f.severity for f in found] == ["warning"] and "cites 2 entries" in found[0].message


def test_an_entry_whose_title_names_no_design_is_only_a_note_against_a_counted_kind():
    """'Two RCTs found ... (123,124)' where 124's title names no design: it may well be an RCT."""
    found = findings("Two RCTs found that higher goals help.<sup>[1, 6]</sup>", RCTS, "CIT301")
    assert [(f.severity, f.citations) for f in found] == [("info", (1, 6))]
    assert "reference 6 (Jeffery (2003)) is an other (no design named in the entry)" in found[0].message
    # Clean case: an entry of a known other kind is still a warning.
    found = findings("Two RCTs found that vertebroplasty helps.<sup>[1, 4]</sup>", RCTS, "CIT301")
    assert [f.severity for f in found] == ["warning"] and "non-randomised" in found[0].message


def test_an_uncited_entry_whose_number_the_text_prints_unread_is_only_a_note():
    """Scientific Reports: 'a mean thickness of 98.4 mm<sup>29</sup>' reads as a power, so entry 29 looks
    uncited; the text prints the number raised, so the reader cannot be sure: info, naming the place."""
    body = ("Cells grew.<sup>1</sup> Mice ate.<sup>2</sup> Rats ran.<sup>3</sup> Blubber was 98.4 mm<sup>4</sup> "
            "thick and trees were drawn.<sup>5</sup> Goals rose.<sup>6</sup>")
    found = findings(body, RCTS, "CIT104")
    assert [(f.severity, f.citations) for f in found] == [("info", (4,))]
    assert "'<sup>4</sup>'" in found[0].message
    # Clean case: an entry whose number the text prints nowhere is still a warning.
    found = findings(body.replace("98.4 mm<sup>4</sup>", "98.4 mm"), RCTS, "CIT104")
    assert [(f.severity, f.citations) for f in found] == [("warning", (4,))]


def test_a_publishing_body_after_a_colon_names_the_source():
    """PLOS ONE: 'Shih A, Schoenbaum S (2007) Measuring Hospital Performance: The Commonwealth Fund.' and
    'AR R (1972) Smallpox Bombay: The Kothari Book Depot.' name their publisher."""
    from kb.checks.ref_entries import missing_source

    from .policy_text import make_policy, run_rule
    for entry in ("Shih A, Schoenbaum S (2007) Measuring Hospital Performance: The Importance of Process Measures: "
                  "The Commonwealth Fund.", "Rao AR (1972) Smallpox Bombay: The Kothari Book Depot."):
        assert run_rule(missing_source, make_policy([entry])) == [], entry
    # Clean case: a title's own colon before words is no publisher.
    (f,) = run_rule(missing_source, make_policy(["Shih A (2007) Measuring Hospital Performance: Process Measures."]))
    assert f.severity == "warning"


def test_an_entry_marked_undated_in_spanish_or_french_has_no_year_to_give():
    """F1000Research: 'FAO. (s.f): Agua y cultivos.' says 'sin fecha' (no date), as 'n.d.' does."""
    from kb.checks.ref_entries import missing_year

    from .policy_text import make_policy, run_rule
    for entry in ("FAO. (s.f): Agua y cultivos uso agricola del agua. Roma: FAO.",
                  "OMS. Guide des vaccins (s.d.). Geneve: OMS."):
        assert run_rule(missing_year, make_policy([entry])) == [], entry
    # Clean case: initials 'S. D.' are no mark of being undated; the entry still lacks its year.
    for entry in ("FAO. Agua y cultivos uso agricola del agua. Roma: FAO.",
                  "Smith S. D., Jones B. Agua y cultivos. Roma: FAO."):
        (f,) = run_rule(missing_year, make_policy([entry]))
        assert f.severity == "warning", entry


def test_a_review_among_cited_randomised_trials_pools_them():
    """PLOS ONE: 'efficacious across a large number of randomized controlled trials [6-8]', 6 a meta-analysis."""
    refs = ["buchbinder2015", "buchbinder2009", "kallmes2009", "wardlaw2009", "mcconnell2014"]
    body = "Vertebroplasty was tested in a number of randomized controlled trials<sup>[1-5]</sup>."
    # The review (1) pools trials; the guideline (5) still contradicts the claim.
    assert [f.citations for f in findings(body, refs, "CIT302")] == [(5,)]


def test_a_count_tied_to_one_cited_systematic_review_is_what_the_review_holds():
    """PLOS ONE: 'A systematic review identified some effects; yet this finding was based on only three
    studies [24]', 24 the systematic review."""
    refs = ["martinlopez2015", "buchbinder2009", "kallmes2009"]
    body = "A systematic review found some effects, yet this finding was based on only three studies.<sup>[1]</sup>"
    assert findings(body, refs, "CIT301") == []
    # Clean case: the same count citing one trial is still a mismatch.
    found = findings(body.replace("[1]", "[2]"), refs, "CIT301")
    assert [f.severity for f in found] == ["warning"] and "cites 1 entries (2)" in found[0].message
