"""The text injectors on small real-style policies: where a list edit leaves no visible trace, nothing is seeded;
an uncited entry deleted is expected where it shows, as a gap in the numbering."""
import random

from kbdev.seeding import evaluate, findings_of
from kbdev.seeding.citations_text import TextPolicy, deleted, inserted, uncited_added

ENTRIES = [f"Author{c} A. A cohort study of widgets number {i}. *J Widgets*. {2000 + i};{i}(2):1-9."
           for i, c in enumerate("BCDEF", 1)]


def _policy(body: str, entries=ENTRIES) -> str:
    listing = "\n".join(f"{n}. {e}" for n, e in enumerate(entries, 1))
    return f"# Policy\n\n## EVIDENCE SUMMARY\n\n{body}\n\n## REFERENCES\n\n{listing}\n"


def test_list_edits_are_not_seeded_in_a_document_that_cites_no_entry_by_number():
    policy = TextPolicy(0, _policy("Widgets were studied by AuthorB (2001) and AuthorC (2002)."))
    assert [f(policy, random.Random(1)) for f in (inserted, deleted, uncited_added)] == [None, None, None]


def test_list_edits_are_seeded_when_the_document_cites_by_number():
    policy = TextPolicy(0, _policy("Widgets were studied [1], [2], [3], [4], [5]."))
    assert all(f(policy, random.Random(1)) is not None for f in (inserted, deleted, uncited_added))


def test_no_uncited_entry_is_added_under_a_number_the_text_already_cites():
    # The text cites [6], one beyond the list: an entry 6 added there would be cited, not uncited.
    policy = TextPolicy(0, _policy("Widgets were studied [1], [2], [3], [4], [5]. More [6]."))
    assert uncited_added(policy, random.Random(1)) is None


def test_an_uncited_entry_deleted_is_expected_as_the_gap_it_leaves_and_found():
    text = _policy("Widgets were studied [1], [2], [4], [5].")  # entry 3 is cited nowhere
    policy = TextPolicy(0, text)
    draws = [deleted(policy, random.Random(seed)) for seed in range(40)]
    gap = next(s for s in draws if "3. AuthorD" not in s.text)
    assert gap.codes == frozenset({"REF101"})
    assert any(f.code == "REF101" and f.line in gap.lines for f in findings_of(gap.text))
    (score,) = evaluate([(policy, text)], {"an entry deleted": lambda p, rng: gap})
    assert (score.injected, score.found) == (1, 1)


def test_an_entry_added_after_an_uncited_last_one_is_found_in_the_run_it_joins():
    text = _policy("Widgets were studied [1], [2], [3], [4].")  # entry 5 is cited nowhere
    policy = TextPolicy(0, text)
    added = uncited_added(policy, random.Random(1))
    (run,) = [f for f in findings_of(added.text) if f.code == "CIT104"]
    assert run.citations == (5, 6) and run.line not in added.lines  # reported at entry 5, naming 6 too
    (score,) = evaluate([(policy, text)], {"an uncited entry added": lambda p, rng: added})
    assert (score.injected, score.found, score.false_alarms) == (1, 1, 0)


def test_a_number_is_never_shifted_onto_an_entry_of_the_same_first_author():
    from kbdev.seeding.citations_text import shift
    same = ["AuthorB A. Widgets one. *J Widgets*. 2001;1(2):1-9.", "AuthorB A. Widgets two. *J Widgets*. 2002;2(2):1-9.",
            "AuthorB A. Widgets three. *J Widgets*. 2003;3(2):1-9."]
    # Every neighbour of [2] is AuthorB's: the name could not show a shift, so none is seeded.
    assert all(shift(TextPolicy(0, _policy("AuthorB showed it [2]. Others [1], [3].", same)), random.Random(s)) is None
               for s in range(10))
    # Entry 1 is someone else's: the shift goes there (or past the list's end), never to 3.
    other = [ENTRIES[0].replace("AuthorB", "AuthorZ")] + same[1:]
    text = _policy("AuthorB showed it [2]. Others [1], [3].", other)
    shifted = {shift(TextPolicy(0, text), random.Random(s)).text.split("showed it ")[1][:3] for s in range(10)}
    assert shifted == {"[1]"}


def test_a_range_printed_with_a_bracket_on_each_end_is_widened_too():
    # PLOS prints '[2]–[4]': the range's end is edited as printed, so the seeded text does change.
    from kb.read.parse_policy import parse_policy
    from kbdev.seeding.citations_text import range_widened
    for body in ("Widgets were studied [1], [2]\u2013[4]. More [5].", "Widgets were studied [1], [2-4]. More [5]."):
        text = _policy(body)
        seeded = range_widened(TextPolicy(0, text), random.Random(3))
        cited = sorted(n for m in parse_policy(seeded.text, "x.md").markers for n in m.numbers)
        assert seeded.text != text and cited[:5] == [1, 2, 3, 4, 5] and len(cited) - 5 in (1, 2, 3)
