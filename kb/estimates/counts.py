"""Sample sizes, counts with percentages, I² and study counts, read from sentences (pure).

Only forms that say plainly what they are count: a total ("N=1231",
"644 patients") followed in the same sentence by arm sizes written as arms
("(n=91)", "330 who received VP", "623 to vertebroplasty", "CT = 752",
"887 PVP"); a count with its percentage ("229 (53%)") whose denominator is
printed beside it ("of 78", "Out of 431 patients, ..."). A bare "(n=209
patients; ...)" is a subgroup, not a total, so it is not read as one.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from kb.patterns import lazy
from kb.read.model import PolicyDocument
from .context import citations_for, locate
from .find import find_i2
from .model import CountPercent, Heterogeneity, SampleSplit, StudyCount, decimals, half_unit
from .numbers import WORD_NUMBER, to_float, word_or_number

# "1,231", and "53 456" (Lancet, JNCI and BMJ group thousands with a thin space, which the import keeps as a space);
# a group followed by a hyphen or a decimal stays apart ("3 100-mg doses").
_INT = r"\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?: \d{3})+(?![\d.,\-\u2013])|\d+"
_PEOPLE_WORDS = ("patients", "participants", "subjects", "individuals", "adults", "people", "persons", "women", "men",
                 "children")
_PEOPLE = rf"(?:{'|'.join(_PEOPLE_WORDS)})"
# A lookahead of what a count opens with (a digit, or a number word's t, f, e, s, n, o) comes before each
# lookbehind: the same matches, the lookbehind tried only there (a pattern opening with one is tried at every place).
_TOTALS = (
    lazy(rf"\b(?:total\s+)?N\s*=\s*(?P<n>{_INT})"),
    # the words between a total and its people are words, not another count ("on day 3 and 22 patients")
    lazy(rf"(?=\d)(?<![=\d,.])(?<!= )(?P<n>{_INT})\s+(?:(?!\d)[\w-]+\s+){{0,2}}?{_PEOPLE}\b"),
)
# An arm is a group: 'was' says what one person did ('1 was dissatisfied, and 1 was lost'), and a
# number glued to letters is a name's ('GEO-D03 DNA').
_ARMS = (
    lazy(rf"\(\s*n\s*=\s*(?P<n>{_INT})\s*\)"),
    # '16 did not attend the visit and 25 were not enrolled': who left, not an arm ('560 did not undergo operation'
    # is the comparison arm)
    lazy(rf"(?=\d)(?<![\d.,\w])(?P<n>{_INT})\s+(?:who|were|underwent|did|received|assigned|randomi[sz]ed)\b"
         r"(?!\s+not\s+(?:attend|complete|return|consent|respond|meet|participate|turn|come|show|enrol|"
         r"(?:be\s+)?(?:enrolled|eligible|included|reached|contacted|available|located|interviewed)))"),
    lazy(rf"(?=\d)(?<![\d.,:\w])(?P<n>{_INT})\s+(?:to|into)\s+(?!\d)"),  # "allocated 2:1 to": a ratio
    lazy(rf"\b[A-Za-z][\w-]*\s*(?:,|=)\s*(?P<n>{_INT})\s*(?=[;)])"),
    # '17 AIT', '16, MVIT': a count before its arm's short name; not a value after '=' ('WALK n = 17, AIT n = 16'),
    # where the name after the comma opens the next item
    lazy(rf"(?=\d)(?<![\d.,\w])(?<!=)(?<!= )(?P<n>{_INT}),?\s+(?:[A-Z]{{2,5}})\b(?!-)"),
)
# '17 into WALK and 16 into each of the MVIT and AIT groups', '(26 randomised to each arm)': one size for several
# arms, which a sum cannot read.
_EACH = lazy(r"\s+(?:were\s+)?(?:(?:randomi[sz]ed|allocated|assigned)\s+)?(?:(?:(?:in|into|to)\s+)?(?:each|either|both)"
             r"\s+of\b|(?:in|into|to)\s+(?:each|both)\b|(?:per|a)\s+(?:group|arm)\b)", re.IGNORECASE)
# 'at least 50 children', 'more than 100 patients': a threshold, not a total.
_TOTAL_BOUND = lazy(r"\b(?:at\s+least|at\s+most|more\s+than|fewer\s+than|less\s+than|up\s+to|over|under)\s+$|"
                    r"[<>\u2264\u2265]\s*$", re.IGNORECASE)
# 'Of 572 patients screened, 509 were randomized ..., and 421 were enrolled': a flow's first stage, not a trial.
_SCREENED = lazy(r"\s*(?:[\w-]+\s+){0,2}?(?:screened|assessed|approached|contacted|invited|identified|eligible)\b",
                 re.IGNORECASE)
# '(TPV/r100, 3 subjects)': the last item of a parenthetical list is one group's count, not the sentence's total.
_LIST_TAIL = lazy(r"\([^()]*,\s*$")
# "(\u2265400 EPG)", "(100\u2013399 EPG)": a threshold or a range's bound is not an arm.
_BOUND_BEFORE = lazy(r"[\u2265\u2264<>~\u2013\u2014-]\s?$")
# "WHO Group 1 PH (12 (17%))", "Stage 3 CKD", "type 2 DM": a number naming a category is no arm's size.
_LABEL_BEFORE = lazy(r"\b(?:groups?|types?|stages?|grades?|class(?:es)?|phases?|levels?|cohorts?|waves?|arms?)\s$",
                     re.IGNORECASE)
_COUNT = lazy(rf"(?=[\dtfesno])(?<![\d.,])(?<![^\W\d_])(?P<c>{_INT}|{WORD_NUMBER})\s+(?:[a-z]+\s+)?\(\s*(?P<p>\d+(?:\.\d+)?)\s?%\s*\)",
                    re.IGNORECASE)
_DENOM_AFTER = lazy(rf"\s*(?:of|out of)\s+(?:the\s+)?(?P<d>{_INT})\b")
_DENOM_BEFORE = lazy(rf"(?:^|[,;]\s*)(?:out of|of)\s+(?:the\s+)?(?P<d>{_INT})\s+(?:[\w-]+\s+){{0,2}}?{_PEOPLE}\b",
                           re.IGNORECASE)
_STUDY_WORD = lazy(r"stud|RCT|trial", re.IGNORECASE, gated=True)  # gated: three substring tests, no search
_DIGIT = lazy(r"\d")
_N_EQUALS = lazy(r"\bN\s*=")
_OF_EVERYONE = lazy(rf"\bof (?:the )?{_PEOPLE}\b", re.IGNORECASE)
_STUDIES = lazy(
    rf"(?<!level )(?<!level)\b(?P<n>\d+|{WORD_NUMBER})\s+(?:(?:relevant|comparative|eligible|randomi[sz]ed|"
    r"controlled|clinical|observational|included|prospective|retrospective)\s+){0,2}(?:studies|RCTs|trials)\b",
    re.IGNORECASE, gated=True)


@dataclass(frozen=True)
class _StudyHit:
    sentence_index: int
    n: int
    record: StudyCount


def _int(text: str) -> int:
    return int(to_float(text))


def _names_people(text: str) -> bool:
    """Whether one of the people words or 'N =' is in the text: substring tests where a search of the
    alternation stopped at every letter one of the words opens with."""
    return any(w in text for w in _PEOPLE_WORDS) or ("N" in text and bool(_N_EQUALS.search(text)))


def _totals(text: str) -> list[re.Match]:
    if not _DIGIT.search(text) or not _names_people(text):
        return []
    hits = sorted((m for rx in _TOTALS for m in rx.finditer(text)
                   if not _TOTAL_BOUND.search(text, max(0, m.start() - 12), m.start())
                   and not (_LIST_TAIL.search(text, max(0, m.start() - 40), m.start()) and text[m.end():m.end() + 1] == ")")),
                  key=lambda m: m.start())
    out: list[re.Match] = []
    for m in hits:  # "total N=1231 patients" matches both forms: keep the first
        if not out or m.start("n") >= out[-1].end():
            out.append(m)
    return out


# "10 of the 19 patients in the CST group: wound infection (n = 3), ...": the total is a count's denominator, and
# what follows breaks down the count (or its events), not the total.
_COUNT_BEFORE = lazy(rf"(?<![\d.,])(?:{_INT}|{WORD_NUMBER})\s+(?:of|out of)\s+(?:the\s+)?$", re.IGNORECASE)
# "5 out of 30 (17%)", "10 of the 19 patients (53%)": a count, its denominator, and the percentage of the two.
_PART_OF = lazy(rf"(?P<c>{_INT}|{WORD_NUMBER})\s+(?:of|out of)\s+(?:the\s+)?(?P<d>{_INT})\s+(?:[a-z]+\s+)?"
                rf"\(\s*(?P<p>\d+(?:\.\d+)?)\s?%\s*\)", re.IGNORECASE)
# "and six received tofacitinib 15 mg": an arm spelled out, which the digits' sum leaves out.
_WORD_ARM = lazy(rf"\b{WORD_NUMBER}\s+(?:who|were|was|underwent|received|assigned|randomi[sz]ed)\b", re.IGNORECASE)
_NUMBER = lazy(rf"(?<![\w.,])(?:{_INT}|{WORD_NUMBER})(?![\d.,]\d)(?![\w-])", re.IGNORECASE)
# "44 children who received CQ, 31 who received SP, and 25 who received CQ/SP": the 'total' is the list's first arm.
_ARM_VERB = lazy(r"\s*who\s+(?:received|underwent|took|were\s+(?:given|assigned|allocated|randomi[sz]ed))\b",
                 re.IGNORECASE)
# "123 patients assigned to X, 123 to Y": a participle, not "were assigned", makes the first number an arm.
_ASSIGNED = lazy(r"\s*(?:[\w-]+\s+){0,2}?(?:assigned|allocated|randomi[sz]ed)\s+to\b", re.IGNORECASE)
_TO_ARM = lazy(r"\s+to\b")
# "Out of 107 enrolled, six withdrew, leaving 101 who were randomized; 50 received ...": a later stage's total.
_LEAVING = lazy(r"\b(?:leaving|remaining were)\s+$", re.IGNORECASE)


def _sum_printed(text: str, arms: list, total: re.Match) -> bool:
    """Whether the arms' sum is printed elsewhere in the sentence: they are the parts of that count (a later stage,
    "702 randomised, out of which 627 completed (n = 313; n = 314)", or other things, "the 44 sites ...",
    "Twenty camps serving 1,830 children were assigned to MVPA (n = 10) or control (n = 10)")."""
    taken = {a.start("n") for a in arms} | {total.start("n")}
    want = sum(_int(a.group("n")) for a in arms)
    return any(m.start() not in taken and word_or_number(m.group(0)) == want for m in _NUMBER.finditer(text))


def _later_parts(later: list[re.Match], parts: int, total: int) -> bool:
    """Whether counts of people printed after the arms complete the total: '433 children: 212 were paired samples
    ..., 121 were paired samples ..., samples from 74 children ..., while from another 26 children ...'."""
    more = 0
    for m in later:
        more += _int(m.group("n"))
        if parts + more == total:
            return True
    return False


def _completes(text: str, arms: list, missing: int) -> bool:
    """The number the arms lack, printed right after them in another form ('754 to the SoC arm, 734 to the PoCCD4
    arm and 755 in the PoC CD4 +HH-IPT arm'): one more arm, not a wrong total."""
    if not arms or missing <= 0:
        return False
    tail = text[arms[-1].end():arms[-1].end() + 80]
    return any(word_or_number(m.group("n")) == missing for m in _ANOTHER_ARM.finditer(tail))


_ANOTHER_ARM = lazy(r"(?:,|\band\b)\s+(?P<n>\d[\d,]*)\s+(?:in|to|into)\s+(?:the\s+)?[^.;]{0,40}?\b(?:arm|group)\b",
                    re.IGNORECASE)


def sample_splits(text: str) -> list[tuple[str, int, tuple]]:
    """(total as printed, offset, arms) for each total followed by at least two arms."""
    if " | " in text:  # a table's cells (a header's "(n = 349)" per column) are not a sentence's arms
        return []
    totals = _totals(text)
    out = []
    for k, t in enumerate(totals):
        stop = totals[k + 1].start() if k + 1 < len(totals) else len(text)
        if _COUNT_BEFORE.search(text, max(0, t.start("n") - 24), t.start("n")):
            continue
        # "(n=0)" counts events, not people: no arm is empty
        arms = sorted({m.start("n"): m for rx in _ARMS for m in rx.finditer(text, t.end(), stop)
                       if m.group("n") != "0"
                       and not _BOUND_BEFORE.search(text, max(0, m.start("n") - 2), m.start("n"))
                       and not _LABEL_BEFORE.search(text, max(0, m.start("n") - 12), m.start("n"))}.values(),
                      key=lambda m: m.start())
        total, at = t.group("n"), t.start()
        if any(_EACH.match(text, a.end("n")) for a in arms):
            continue
        sizes = [_int(a.group("n")) for a in arms]
        if len(arms) < 3 and _SCREENED.match(text, t.end()):
            continue
        if _ARM_VERB.match(text, t.end()) and sum(bool(_ARM_VERB.match(text, a.end("n"))) for a in arms) >= 2:
            continue
        if arms and _ASSIGNED.match(text, t.end()) and _TO_ARM.match(text, arms[0].end("n")) \
                and not re.search(r"[(:;]", text[t.end():arms[0].start()]):
            continue  # "123 patients assigned to Cotrifazid, 123 to mefloquine, and 123 to quinine": all arms
        later = next((k for k, a in enumerate(arms[:-1])
                      if _LEAVING.search(text, max(0, a.start("n") - 16), a.start("n"))), None)
        if later is not None:  # the stage after the losses is the total its arms share
            t, arms, sizes = arms[later], arms[later + 1:], sizes[later + 1:]
            total, at = t.group("n"), t.start("n")
        if sum(sizes) != _int(total) and (_sum_printed(text, arms, t) or _WORD_ARM.search(text, t.end(), stop)
                                          or _later_parts(totals[k + 1:], sum(sizes), _int(total))
                                          or _completes(text, arms, _int(total) - sum(sizes))):
            continue
        # A flow of participants: "Of 1200 screened, 840 were randomised: 421 to X and 419 to placebo". The
        # first number after the total is a later stage's total when the numbers cannot all be its parts.
        # The later stage's parts add up to it, give or take a slip: parts far above it are no flow ("44 sites in
        # 33 patients: vena cava (n=12), septum (n=11), ...": several sites a patient).
        if len(arms) >= 3 and sum(sizes) > _int(total) and sizes[0] < _int(total) and sizes[0] >= max(sizes[1:]) \
                and sum(sizes[1:]) <= 1.1 * sizes[0]:
            total, at, arms, sizes = arms[0].group("n"), arms[0].start("n"), arms[1:], sizes[1:]
        # A 'total' smaller than one of its arms is a group's own size ("controls (N = 15), patients with
        # active RA (n = 18) and in remission (n = 15)"), not the sum of the groups after it.
        if len(arms) >= 2 and max(sizes) <= _int(total):
            out.append((total, at, tuple((a.group("n"), _int(a.group("n"))) for a in arms)))
    return out


def arm_list(text: str) -> tuple:
    """Arm sizes printed without a total ("VP (n=38) with sham procedure (n=40)")."""
    if "=" not in text or _totals(text):
        return ()
    arms = [m for m in _ARMS[0].finditer(text)]
    return tuple((a.group("n"), _int(a.group("n"))) for a in arms) if len(arms) >= 2 else ()


def counts_with_percent(text: str) -> list[tuple[re.Match, str | None]]:
    """(match, denominator as printed or None) for each 'count (p%)'."""
    out: list = []
    if "%" not in text:
        return out
    for m in _COUNT.finditer(text):
        lead = _COUNT_BEFORE.search(text, max(0, m.start() - 40), m.start())
        part = _PART_OF.match(text, lead.start()) if lead else None
        if part and part.end() == m.end():
            # 'Of the 57 participants, there were 5 out of 30 (17%) ...': the number before the percentage is the
            # denominator of the count before it, not a count of the sentence's 57
            out.append((part, part.group("d")))
            continue
        after = _DENOM_AFTER.match(text, m.end())
        if after:
            out.append((m, after.group("d")))
            continue
        before = [d for d in _DENOM_BEFORE.finditer(text[:m.start()])]
        denom = before[-1].group("d") if len(before) == 1 else None
        # 'Out of the 537 patients randomized, a total of 484 participants, 276 male (57.0%)': a total printed
        # between the denominator and the count is the count's own group.
        nearer = denom and any(t.start() >= before[-1].end() for t in _totals(text[:m.start()]))
        out.append((m, None if nearer else (_subgroup(text, m, before[-1].end()) or denom) if denom else None))
    return _per_arm(text, out)


_ARM_AFTER = lazy(r"\s*(?:[\w-]+\s+){0,3}?(?:intervention|comparison|control|placebo|treatment|usual care)\b|"
                  r"\s*(?:[\w-]+\s+){0,3}?(?:group|arm)\b", re.IGNORECASE)


def _per_arm(text: str, found: list) -> list:
    """'Out of 23 participants ..., 10 (57.5%) intervention participants and 3 (75%) from the comparison group': when
    the counts an earlier total shares are each an arm's and their percentages add up past 100%, each is of its
    own arm, which the sentence does not print: no denominator."""
    shared: dict[str, list] = {}
    for m, denom in found:
        if denom and not _DENOM_AFTER.match(text, m.end()):
            shared.setdefault(denom, []).append(m)
    unsure = {id(m) for ms in shared.values() if len(ms) > 1 and sum(float(m.group("p")) for m in ms) > 100.5
              and all(_ARM_AFTER.match(text, m.end()) for m in ms) for m in ms}
    return [(m, None if id(m) in unsure else denom) for m, denom in found]


def _fits(count: int, percent_text: str, of: int) -> bool:
    """The percentage is count / of, rounded or cut to its printed digits."""
    if of <= 0:
        return False
    exact, printed = 100 * count / of, float(percent_text)
    scale = 10 ** decimals(percent_text)
    return abs(exact - printed) <= half_unit(percent_text) + 1e-9 or \
        abs(math.floor(exact * scale + 1e-9) / scale - printed) < 1e-9


def _subgroup(text: str, m: re.Match, start: int) -> str | None:
    """A count printed between the sentence's denominator and this one, of which this one's percentage is taken:
    "Out of the 96 subjects, 23 (24%) had refractive error; astigmatism was found in 10 (43.5%)" (10 of 23)."""
    count = word_or_number(m.group("c"))
    if count is None:
        return None
    for earlier in _COUNT.finditer(text, start, m.start()):
        n = word_or_number(earlier.group("c"))
        if n and n > count and _fits(count, m.group("p"), n):
            return str(n)
    return None


def extract_counts(doc: PolicyDocument, groups: list[list[int]], cited: dict):
    samples, counts, heterogeneity, studies = [], [], [], []
    for group in groups:
        paragraph_arms: list[int] = []
        for i in group:
            s = doc.sentences[i]
            cites, _ = citations_for(doc, cited, group, i)
            for total, offset, arms in sample_splits(s.text):
                line, _ = locate(doc, s, offset, total)
                samples.append(SampleSplit(line, total, _int(total), arms, cites, s.text))
                paragraph_arms.append(_int(total))
            loose = arm_list(s.text)
            if loose:
                paragraph_arms.append(sum(v for _, v in loose))
            for m, denom in counts_with_percent(s.text):
                count = word_or_number(m.group("c"))
                if count is None:
                    continue
                source = "printed" if denom else ""
                if denom is None and _OF_EVERYONE.search(s.text) and len(paragraph_arms) == 1:
                    denom, source = str(paragraph_arms[0]), "arms"
                line, _ = locate(doc, s, m.start(), m.group(0))
                counts.append(CountPercent(line, m.group("c"), count, m.group("p") + "%", float(m.group("p")),
                                           _int(denom) if denom else None, source, cites, s.text))
            for m in find_i2(s.text):
                line, _ = locate(doc, s, m.start(), m.group(0))
                heterogeneity.append(Heterogeneity(line, m.group(0), to_float(m.group("v")), cites, s.text))
            for m in _STUDIES.finditer(s.text) if _STUDY_WORD.search(s.text) else ():
                n = word_or_number(m.group("n"))
                if n is not None:
                    line, _ = locate(doc, s, m.start(), m.group(0))
                    studies.append(_StudyHit(i, n, StudyCount(line, m.group(0), n, cites)))
    return tuple(samples), tuple(counts), tuple(heterogeneity), studies
