"""Author lists that print given names in full after the surname (JMIR): the surname is the first word, once the
list proves the style with a name that has no initial."""
from __future__ import annotations

from kb.read.parse_policy import parse_policy
from kb.read.reference_list import parse_entry


def _first_authors(entries: list[str]) -> list[str | None]:
    text = ("# Web health\n\n## Discussion\n\n" + " ".join(f"See [{i}]." for i in range(1, len(entries) + 1))
            + "\n\n## References\n\n" + "\n".join(f"{i}. {e}" for i, e in enumerate(entries, 1)) + "\n")
    return [e.first_author for e in parse_policy(text, "fixture.md").references]


def test_a_name_without_an_initial_proves_full_given_names():
    e = parse_entry(1, "Ozminkowski Ronald J, Ling Davina, Goetzel Ron Z, Isaac Fikry. Long-term impact of a wellness "
                       "program. J Occup Environ Med. 2002;44(1):21-9.", 1)
    assert e.surnames == ("Ozminkowski", "Ling", "Goetzel", "Isaac")
    # Clean case: a Vancouver list's two-word surname keeps both words.
    e = parse_entry(2, "Blasco Andaluz J, Martinez-Ferrer A. Effect of vertebroplasty on pain. J Bone Miner Res. "
                       "2012;27(5):1159-66.", 1)
    assert e.surnames == ("Blasco Andaluz", "Martinez-Ferrer")


def test_a_list_that_proves_the_style_reads_its_other_entries_so():
    proven = ["Wantland Dean J, Portillo Carmen, Holzemer William L. Web-based interventions: a meta-analysis. J Med "
              "Internet Res. 2004;6(4):e40.",
              "Marshall Alison L, Owen Neville. Print versus website physical activity programs. Am J Prev Med. "
              "2003;25(2):88-94."]
    single = "Pelletier Kenneth R. A review of health promotion at the worksite. J Occup Environ Med. 2005;47:1051-8."
    assert _first_authors(proven + [single]) == ["Wantland", "Marshall", "Pelletier"]
    # Clean case: without the proof, a two-word surname with its initial stays whole.
    vancouver = ["Smith AB, Jones C. A trial of widgets. BMJ. 2015;1:1-5.", "Lee D, Kim E. Widgets. BMJ. 2016;2:1-5.",
                 "Blasco Andaluz J. Effect of vertebroplasty on pain. J Bone Miner Res. 2012;27(5):1159-66."]
    assert _first_authors(vancouver) == ["Smith", "Lee", "Blasco Andaluz"]


def test_bodies_named_in_a_list_prove_nothing():
    """'World Health Organization, Global Fund' has the shape of two people with given names."""
    e = parse_entry(1, "World Health Organization, United Nations Fund. Guidelines on malaria. Geneva: WHO; 2010.", 1)
    assert e.first_author != "World"


def test_given_names_first_prove_nothing():
    """ACL's 'Jacob Devlin, Ming-Wei Chang, Kenton Lee': two capitalised words each, but no middle initial closes a
    name, so the surname-first order is not proven (and the first names are no surnames)."""
    from kb.read.given_names import full_name_list

    assert full_name_list("Jacob Devlin, Ming-Wei Chang, Kenton Lee, Kristina Toutanova") is None
    # Positive: one name closing with its initial and one with none prove the order.
    assert full_name_list("Tate Deborah F, Wing Rena").surnames == ("Tate", "Wing")


_PROOF = ["Wantland Dean J, Portillo Carmen, Holzemer William L. Web-based interventions: a meta-analysis. J Med "
          "Internet Res. 2004;6(4):e40.",
          "Marshall Alison L, Owen Neville. Print versus website physical activity programs. Am J Prev Med. "
          "2003;25(2):88-94."]


def test_a_proven_list_reads_names_of_initials_beside_full_ones():
    """'McNeill Lorna H, Viswanath K, Bennett Gary G': the name of initials alone stops the entry being proof
    itself, but in a proven list its surname is still the first word of each name."""
    mixed = ("McNeill Lorna H, Viswanath K, Bennett Gary G, Puleo Elaine, Emmons Karen M. Feasibility of a web-based "
             "nutrition intervention. Prev Chronic Dis. 2007;4(3):A55.")
    assert _first_authors(_PROOF + [mixed]) == ["Wantland", "Marshall", "McNeill"]
    # Clean case: without the proof the list is read as before (two words with an initial: one surname).
    assert _first_authors(["Smith AB, Jones C. Widgets. BMJ. 2015;1:1-5.", mixed])[1] == "McNeill Lorna"


def test_a_proven_list_takes_names_without_initials_back_from_the_title():
    """'Koo Malcolm, Skinner Harvey. Challenges ...': no initial anywhere, so the entry reader took the names for
    the start of the title; the list's proof says they are its authors."""
    text = ("# Web health\n\n## Discussion\n\nSee [1]. See [2]. See [3].\n\n## References\n\n"
            + "\n".join(f"{i}. {e}" for i, e in enumerate(_PROOF + [
                "Koo Malcolm, Skinner Harvey. Challenges of internet recruitment: a case study. J Med Internet Res. "
                "2005;7(1):e6."], 1)) + "\n")
    e = parse_policy(text, "fixture.md").references[2]
    assert (e.surnames, e.title) == (("Koo", "Skinner"), "Challenges of internet recruitment: a case study")
    # Clean case: a title of capitalised words in a list that proves nothing stays the title.
    text = text.replace("Wantland Dean J, Portillo Carmen, Holzemer William L", "Wantland DJ, Portillo C") \
               .replace("Marshall Alison L, Owen Neville", "Marshall AL, Owen N")
    e = parse_policy(text, "fixture.md").references[2]
    assert e.surnames == () and e.title.startswith("Koo Malcolm")
