"""Helpers the corpus-form tests share: a fixture's findings as (code, severity), the markers one line holds."""
from __future__ import annotations

from kb.checks import run_checks
from kb.importers.jats import convert
from kb.knowledge.base import build_knowledge_base
from kb.outputs.report import flatten
from kb.read.markers import scan_line
from kb.read.parse_policy import parse_policy


def codes_of(text: str, code: str) -> list[tuple[str, str]]:
    """(code, severity) of each ``code`` finding on a fixture's whole text; a rule that crashes fails the test
    (the check would otherwise say nothing, which reads as a clean case)."""
    results = run_checks(build_knowledge_base(parse_policy(text, "fixture.md")), select=[code])
    crashed = [r.crashed for r in results if r.crashed]
    assert not crashed, crashed[0]
    return [(f.code, f.severity) for f in flatten(results)]


def markers_in(line: str) -> list[str]:
    """The inner text of each marker the reader finds on one line."""
    return [m.inner for m in scan_line(line)[0]]


def in_results(sentence: str, code: str) -> list[tuple[str, str]]:
    """``codes_of`` a sentence set in a trial report's Results, with a one-entry reference list."""
    return codes_of(f"# Trial\n\n## Results\n\n{sentence}\n\n## References\n\n1. Smith A. A trial. *J Med*. "
                    "2001;1:1-5.\n", code)


def first_entry(template: str, cit: str) -> str:
    """The first reference entry, as ``kb import jats`` prints it, of a JATS ``template`` whose '{cit}' is the
    first <ref>'s citation element."""
    lines = convert(template.format(cit=cit).encode(), "x.xml").markdown.split("\n")
    return lines[lines.index("## References") + 2]
