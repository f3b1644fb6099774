"""Reference-entry forms met in corpus 9 (bioRxiv, medRxiv and arXiv preprints typeset from the authors' LaTeX or
Word): BibTeX's given-names-first lists, APA-like names in numbered lists (ACM, ACS), EndNote's first name inverted,
Science's names joined by 'and' with no title. Each form has a positive case and a clean one (a form that must not be
read as names)."""
from __future__ import annotations

import pytest

from kb.read.reference_list import parse_entry


@pytest.mark.parametrize("text, surnames, year, title_start", [
    # BibTeX plain/unsrt (LaTeX preprints): given names first, a serial comma or a middle initial
    ("Elizabeth A Ashley, Judith Recht, and Nicholas J White. Primaquine: the risks and the benefits. Malaria Journal, "
     "13():1\u20137, 2014.", ("Ashley", "Recht", "White"), 2014, "Primaquine"),
    ("Arkady Pikovsky, Michael Rosenblum, and J\u00fcrgen Kurths. Synchronization: a universal concept. Cambridge "
     "University Press, 2002.", ("Pikovsky", "Rosenblum", "Kurths"), 2002, "Synchronization"),
    ("S Piomelli, L M Corash, and E L Amorosi. In vivo lability of G6PD. J. Clin. Invest., 47():940\u2013948, 1968.",
     ("Piomelli", "Corash", "Amorosi"), 1968, "In vivo"),
    ("Rosalind E Howes, J Kevin Baird, et al. G6PD deficiency prevalence. PLoS Med, 9(11):e1001339, 2012.",
     ("Howes", "Baird"), 2012, "G6PD deficiency"),
    ("Steven H Strogatz. Nonlinear dynamics and chaos. CRC press, 2018.", ("Strogatz",), 2018, "Nonlinear"),
    # ACM: 'Surname, I.' and the stop after the last initial ends the list
    ("Abeles, M. Corticonics: Neural Circuits of the Cerebral Cortex. Cambridge University Press, Feb. 1991.",
     ("Abeles",), 1991, "Corticonics"),
    ("Acker, C. D., and Antic, S. D. Quantitative Assessment of Membrane Conductances. Journal of Neurophysiology 101, "
     "(Mar. 2009), 1115\u20131124.", ("Acker", "Antic"), 2009, "Quantitative"),
    # ACS: names parted by semicolons, a comma before a title in title case
    ("Cotter, T. G.; Rinella, M., Nonalcoholic Fatty Liver Disease 2020: The State of the Disease. Gastroenterology "
     "2020, 158 (), 1851\u20131864.", ("Cotter", "Rinella"), 2020, "Nonalcoholic Fatty"),
    ("Younossi, Z. M.; Koenig, A. B.; Wymer, M., Global epidemiology of fatty liver disease. Hepatology 2016, 64 (), "
     "73\u201384.", ("Younossi", "Koenig", "Wymer"), 2016, "Global epidemiology"),
    # EndNote 'Numbered': the first name inverted, the others initials first
    ("Isaksson, O.G., S. Eden, and J.O. Jansson, Mode of action of pituitary growth hormone on target cells. Annu Rev "
     "Physiol, 1985. 47: p. 483\u201399.", ("Isaksson", "Eden", "Jansson"), 1985, "Mode of action"),
    ("Miller, C.V. and M. Pittman, The diet of early birds. Biological Reviews, 2021. 96(): p. 2058\u20132112.",
     ("Miller", "Pittman"), 2021, "The diet"),
    # Nature without italics (preprints): a title word such as 'network' or 'case study' is no group's name
    ("Jezernik, S., Grill, W. M. & Sinkjaer, T. Neural network classification of nerve activity. Neurol. Res. 23, "
     "429\u2013434 (2001).", ("Jezernik", "Grill", "Sinkjaer"), 2001, "Neural network"),
    ("Kuiken, T. A. et al. Targeted reinnervation: a case study. Lancet Lond. Engl. 369, 371\u2013380 (2007).",
     ("Kuiken",), 2007, "Targeted reinnervation"),
    ("Z. N. Gerek, S. B. Ozkan, Change in allosteric network affects binding. PLoS Comput. Biol. 7 (2011).",
     ("Gerek", "Ozkan"), 2011, "Change in allosteric network"),
    # Science without titles: initials first, two names joined by 'and'
    ("J. A. Doudna and J. W. Szostak, Nature 339, 519 (1989).", ("Doudna", "Szostak"), 1989, "Nature"),
])
def test_preprint_entry_forms_read_their_authors(text, surnames, year, title_start):
    e = parse_entry(1, text, 1)
    assert (e.surnames, e.organisation, e.year) == (surnames, None, year)
    assert (e.title or "").startswith(title_start)


@pytest.mark.parametrize("text, surnames, title_start", [
    # names printed surname first without initials, and a body's name with an 'and': not given-names-first
    ("Singh Padam, Pandey Arvind and Aggarwal Abha. House-to-house survey. Indian J Med Res 2007; 1: 2.", (), ""),
    ("National Health and Nutrition Examination Survey 2011-2012 Data Documentation. CDC; 2013.", (), ""),
    ("Pascal Fries. Rhythms for cognition. Neuron, 88():220-235, 2015.", (), ""),  # one name, no initial: unsure
    # the list goes on after an inverted name's initials (Wiley prints a space before the comma), and a name, not a
    # title, follows the comma after initials
    ("Cygankiewicz, I. , and W. Zareba . 2013. Heart Rate Variability. In Handbook. Elsevier.",
     ("Cygankiewicz", "Zareba"), ""),
    ("Kawaguchi, K., Pack Kaelbling, L. & Bengio, Y. Generalization in Deep Learning. (2020).",
     ("Kawaguchi", "Pack Kaelbling", "Bengio"), "Generalization"),
    ("Smith J. A., Jones B. A title. J Biol. 2001;3:1-5.", ("Smith", "Jones"), "A title"),
    ("Smith, J. et al. Title of the work. *Nature* **500**, 1-5 (2013).", ("Smith",), "Title of the work"),
])
def test_what_is_not_one_of_those_forms_is_read_as_before(text, surnames, title_start):
    e = parse_entry(1, text, 1)
    assert e.surnames[:len(surnames)] == surnames and (not surnames or len(e.surnames) == len(surnames))
    assert (e.title or "").startswith(title_start)


def test_an_empty_issue_leaves_the_journal_found():
    e = parse_entry(1, "Mishra P & Narayanan R (2022) Conjunctive changes in ion channels. iScience 25():103922.", 1)
    assert (e.title, e.source) == ("Conjunctive changes in ion channels", "iScience")
    group = parse_entry(1, "Smith, J., Jones, K. & the FREE investigators (2010). A trial. J Biol 3: 1-5.", 1)
    assert (group.surnames, group.organisation, group.title) == (("Smith", "Jones"), "the FREE investigators", "A trial")


def test_a_comma_between_title_and_abbreviated_journal():
    # medRxiv: '(2016) Title, Front Synaptic Neurosci. 8, 7.': the journal's stop leaves volume and pages alone
    e = parse_entry(1, "Antonucci, F. & Matteoli, M. (2016) SNAP-25, a Known Presynaptic Protein, Front Synaptic "
                       "Neurosci. 8, 7.", 1)
    assert (e.title, e.source, e.volume, e.pages) == ("SNAP-25, a Known Presynaptic Protein", "Front Synaptic Neurosci",
                                                      "8", "7")
    # a title's own comma, with no journal before the volume, is no journal
    assert parse_entry(1, "Smith J (2019) A title, with a comma in it. 12, 4076.", 1).source is None
    # Frontiers: the comma is the title's ('... region, Antarctica. Can. J. Microbiol. 55, 21-36.')
    frontiers = parse_entry(1, "Aislabie J, Jordan S (2009). Bacterial diversity of the Ross Sea region, Antarctica. "
                               "Can. J. Microbiol. 55, 21\u201336.", 1)
    assert frontiers.title == "Bacterial diversity of the Ross Sea region, Antarctica"


def test_endnote_numbered_journal_part():
    # EndNote's 'Numbered' style: 'Title. Journal, Year. Volume(Issue): p. Pages.' (the issue often left empty)
    e = parse_entry(1, "Brocklehurst, N. and D.J. Field, Macroevolutionary dynamics of dentition. iScience, 2021. "
                       "24(): p. 102243.", 1)
    assert (e.surnames, e.title, e.source, e.year, e.volume, e.pages) == (
        ("Brocklehurst", "Field"), "Macroevolutionary dynamics of dentition", "iScience", 2021, "24", "102243")
    peerj = parse_entry(1, "Clark, A.D., et al., Reconstructing diets. PeerJ, 2023: p. 15139.", 1)
    assert (peerj.source, peerj.year, peerj.pages) == ("PeerJ", 2023, "15139")
    # a title with a comma and a year but no journal stays without one
    assert parse_entry(1, "Stanzione, R., et al., Pathogenesis of stroke, a review. 2020. 11(): p. 89.", 1).source is None


def test_an_inverted_first_name_then_names_not_read_is_no_two_author_list():
    # Wiley: 'Selmaoui, B. , P. Mazet , P.\u2010B. Petit , ...': reading two names of six would make 'Selmaoui and
    # Touitou (2021)' fit this entry too; the author-year list keeps its first author alone
    from kb.read.author_year_list import read_entry

    six = ("Selmaoui, B. , P. Mazet , P.\u2010B. Petit , K. Kim , and R. de Seze . 2021. Exposure to 5G. "
           "Bioelectromagnetics 42, no. 5: 407-414.")
    assert read_entry(1, six, 1).surnames == ("Selmaoui",)
    two = "Selmaoui, B. , and Y. Touitou . 2021. Mobile phones and melatonin. Bioelectromagnetics 42, no. 1: 5-17."
    assert read_entry(2, two, 1).surnames == ("Selmaoui", "Touitou")
