"""Rule fixtures: a small policy made from a few lines of text, and one rule's findings on it."""
from kb.knowledge.base import build_knowledge_base
from kb.read.parse_policy import parse_policy

GOOD_ENTRIES = [
    "Smith AB, Jones C. Widget therapy for knee pain: a randomized trial. *Lancet*. 2015;385(9):100-9. PMID: 25000001",
    "Chen D, Garcia E. Widget therapy versus sham: a multicentre trial. *BMJ*. 2018;361:k1551. PMID: 29743284",
    "Rossi F, et al. Widgets for knees: a systematic review. *Spine (Phila Pa 1976)*. 2020;45(2):E1-E9. "
    "doi: 10.1097/BRS.0000000000003200. PMID: 31513101",
    "American College of Radiology. ACR appropriateness criteria: knee pain. 2019. [cited 5/11/2026]. "
    "Available from: <https://www.acr.org/knee.pdf>.",
]


def make_policy(entries=None, body="Smith (2015) found a benefit.<sup>[1]</sup>", numbers=None, criteria="") -> str:
    entries = GOOD_ENTRIES if entries is None else entries
    numbers = numbers or list(range(1, len(entries) + 1))
    listing = "\n".join(f"{n}. {text}" for n, text in zip(numbers, entries))
    return (f"# Example Health\n\n## ***Widget Therapy***\n\n### MEDICAL POLICY CRITERIA\n\n{criteria}\n\n"
            f"## EVIDENCE SUMMARY\n\n{body}\n\n### REFERENCES\n\n{listing}\n")


def kb_of(text: str):
    return build_knowledge_base(parse_policy(text, "fixture.md"))


def run_rule(rule, text: str):
    return list(rule.func(kb_of(text)))

