"""Property-based: the CIT rules never crash on odd prose, and every finding points inside the file.

Sentences are drawn from tokens that stress the name reader (particles, brackets, years, acronyms,
possessives, markers). KB_FUZZ_EXAMPLES sets the number of examples, as for the parser fuzzing.
"""
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .cit_fixtures import build
from kb.checks import run_checks
from kb.outputs.report import flatten

EXAMPLES = int(os.environ.get("KB_FUZZ_EXAMPLES", "100"))
TOKENS = ["Zhao", "(2017)", "[2017]", "de", "Van", "Meirhaeghe", "In", "2009,", "by", "in", "2010", "et", "al.",
          "and", "'s", "A", "RCT", "five", "RCTs", "case", "series", "<sup>[1]</sup>", "<sup>[1-3]</sup>",
          "<sup>[2, 9]</sup>", "(ACR)", "American", "College", "of", "Radiology", "the", "FREE", "trial", ".",
          ",", "reported", "Two", "other", "systematic", "reviews", "(", ")", "sacroplasty", "Frey", "(Zhao"]


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=25), min_size=1, max_size=6))
def test_rules_never_crash_and_findings_stay_in_the_file(paragraphs):
    body = "\n\n".join(" ".join(words) for words in paragraphs)
    kb = build(body, ["zhao2017", "frey2017", "mcconnell2014"])
    results = run_checks(kb, select=["CIT"])
    assert [r.crashed for r in results if r.crashed] == []
    for f in flatten(results):
        assert 1 <= f.line <= len(kb.doc.lines)
        assert f.severity in ("error", "warning", "info") and f.message
