"""Sample sizes, arms and study counts, read from sentences (pure).

Only forms that say plainly what they are count: a total ("N=1231",
"644 patients") followed in the same sentence by arm sizes written as arms
("(n=91)", "330 who received VP", "623 to vertebroplasty", "CT = 752",
"887 PVP"). A bare "(n=209 patients; ...)" is a subgroup, not a total, so it
is not read as one. Counts with their percentages are read in ``percents``;
the words both share are in ``count_forms``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kb.patterns import lazy
from kb.read.model import PolicyDocument
from .context import citations_for, locate
from .find import find_i2
from .model import CountPercent, Heterogeneity, SampleSplit, StudyCount
from .count_forms import INT, PEOPLE, SCREENED, as_int, first_part, totals_in
from .numbers import WORD_NUMBER, to_float, word_or_number
from .percents import counts_with_percent, printed_count

# An arm is a group: 'was' says what one person did ('1 was dissatisfied, and 1 was lost'), and a
# number glued to letters is a name's ('GEO-D03 DNA').
_ARMS = (
    # '(n=100)', and '(=100)' where the n was dropped ('control group (=100)')
    lazy(rf"\(\s*(?:n\s*)?=\s*(?P<n>{INT})\s*\)"),
    # '16 did not attend the visit and 25 were not enrolled': who left, not an arm ('560 did not undergo operation'
    # is the comparison arm)
    lazy(rf"(?=\d)(?<![\d.,\w])(?P<n>{INT})\s+(?:who|were|underwent|did|received|assigned|randomi[sz]ed)\b"
         r"(?!\s+not\s+(?:attend|complete|return|consent|respond|meet|participate|turn|come|show|enrol|"
         r"(?:be\s+)?(?:enrolled|eligible|included|reached|contacted|available|located|interviewed)))"),
    lazy(rf"(?=\d)(?<![\d.,:\w])(?P<n>{INT})\s+(?:to|into)\s+(?!\d)"),  # "allocated 2:1 to": a ratio
    lazy(rf"\b[A-Za-z][\w-]*\s*(?:,|=)\s*(?P<n>{INT})\s*(?=[;)])"),
    # '(males n = 14, females n = 15)': a group's name and its 'n =' before a comma, the list going on
    lazy(rf"(?<=\()[A-Za-z][\w-]*\s+n\s*=\s*(?P<n>{INT})\s*(?=,)"),
    # '17 AIT', '16, MVIT': a count before its arm's short name; not a value after '=' ('WALK n = 17, AIT n = 16'),
    # where the name after the comma opens the next item. A specimen's kind is no arm ('48 sera, 19 CSF'), nor a
    # dose's unit in capitals ('per 1000 IU'), nor capitals joined by a dash to a name ('all 5 NIF\u2013IgG CBAs').
    lazy(rf"(?=\d)(?<![\d.,\w])(?<!=)(?<!= )(?P<n>{INT}),?\s+"
         r"(?!(?:CSF|BALF?|PBMCs?|FFPE|IU|MIU|KIU|CFU|PFU|MBq|GBq|HU)\b)(?:[A-Z]{2,5})\b(?![-\u2013])"),
)
# '17 into WALK and 16 into each of the MVIT and AIT groups', '(26 randomised to each arm)': one size for several
# arms, which a sum cannot read.
_EACH = lazy(r"\s+(?:were\s+)?(?:(?:randomi[sz]ed|allocated|assigned)\s+)?(?:(?:(?:in|into|to)\s+)?(?:each|either|both)"
             r"\s+of\b|(?:in|into|to)\s+(?:each|both)\b|(?:per|a)\s+(?:group|arm)\b)", re.IGNORECASE)
# "(\u2265400 EPG)", "(100\u2013399 EPG)": a threshold or a range's bound is not an arm.
_BOUND_BEFORE = lazy(r"[\u2265\u2264<>~\u2013\u2014-]\s?$")
# "WHO Group 1 PH (12 (17%))", "Stage 3 CKD", "type 2 DM": a number naming a category is no arm's size.
_LABEL_BEFORE = lazy(r"\b(?:groups?|types?|stages?|grades?|class(?:es)?|phases?|levels?|cohorts?|waves?|arms?)\s$",
                     re.IGNORECASE)
# "from January 2007 to December 2021 were included": a year after its month dates the study, it counts nobody.
_MONTH_BEFORE = lazy(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|"
                     r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s$")
_STUDY_WORD = lazy(r"stud|RCT|trial", re.IGNORECASE, gated=True)  # gated: three substring tests, no search
_OF_EVERYONE = lazy(rf"\bof (?:the )?{PEOPLE}\b", re.IGNORECASE)
_STUDIES = lazy(
    rf"(?<!level )(?<!level)\b(?P<n>\d+|{WORD_NUMBER})\s+(?:(?:relevant|comparative|eligible|randomi[sz]ed|"
    r"controlled|clinical|observational|included|prospective|retrospective)\s+){0,2}(?:studies|RCTs|trials)\b",
    re.IGNORECASE, gated=True)


@dataclass(frozen=True)
class _StudyHit:
    sentence_index: int
    n: int
    record: StudyCount


# "10 of the 19 patients in the CST group: wound infection (n = 3), ...": the total is a count's denominator, and
# what follows breaks down the count (or its events), not the total.
# '109/159 participants in the wash group were strictly compliant, 10 were mainly compliant, ...' is the same.
_COUNT_BEFORE = lazy(rf"(?<![\d.,])(?:(?:{INT}|{WORD_NUMBER})\s+(?:of|out of)\s+(?:the\s+)?|\d+\s*/\s*)$", re.IGNORECASE)
# "and six received tofacitinib 15 mg": an arm spelled out, which the digits' sum leaves out.
_WORD_ARM = lazy(rf"\b{WORD_NUMBER}\s+(?:who|were|was|underwent|received|assigned|randomi[sz]ed)\b", re.IGNORECASE)
_NUMBER = lazy(rf"(?<![\w.,])(?:{INT}|{WORD_NUMBER})(?![\d.,]\d)(?![\w-])", re.IGNORECASE)
# "44 children who received CQ, 31 who received SP, and 25 who received CQ/SP": the 'total' is the list's first arm.
_ARM_VERB = lazy(r"\s*who\s+(?:received|underwent|took|were\s+(?:given|assigned|allocated|randomi[sz]ed))\b",
                 re.IGNORECASE)
# "58 patients underwent hepatic resection, 43 underwent RFA, and 12 underwent both": clauses of one verb in a row,
# the first of them no total (one set off by a colon is: "100 patients underwent surgery: 60 underwent ...").
_PLAIN_VERB = lazy(r"\s*(underwent|received|took|had)\b", re.IGNORECASE)
# "133 were included in the safety population ..., 120 ... in the intent-to-treat population ..., and 104 ... in
# the PP population": analysis sets hold one another, they do not split the people randomized.
_ANALYSIS_SET = lazy(r"\s+(?:were|was)\s+(?:included|analy[sz]ed)\s+(?:in|for)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
                     r"(?:populations?|sets?|analys[ie]s)\b", re.IGNORECASE)
# "123 patients assigned to X, 123 to Y": a participle, not "were assigned", makes the first number an arm.
_ASSIGNED = lazy(r"\s*(?:[\w-]+\s+){0,2}?(?:assigned|allocated|randomi[sz]ed)\s+to\b", re.IGNORECASE)
_TO_ARM = lazy(r"\s+to\b")
_OF_WHOM = lazy(r"\b(?:of|among)\s+(?:whom|these|them|those)\b", re.IGNORECASE)
# "Out of 107 enrolled, six withdrew, leaving 101 who were randomized; 50 received ...": a later stage's total.
_LEAVING = lazy(r"\b(?:leaving|remaining were)\s+$", re.IGNORECASE)


def _sum_printed(text: str, arms: list, total: re.Match) -> bool:
    """Whether the arms' sum is printed elsewhere in the sentence: they are the parts of that count (a later stage,
    "702 randomised, out of which 627 completed (n = 313; n = 314)", or other things, "the 44 sites ...",
    "Twenty camps serving 1,830 children were assigned to MVPA (n = 10) or control (n = 10)")."""
    taken = {a.start("n") for a in arms} | {total.start("n")}
    want = sum(as_int(a.group("n")) for a in arms)
    return any(m.start() not in taken and word_or_number(m.group(0)) == want for m in _NUMBER.finditer(text))


def _later_parts(later: list[re.Match], parts: int, total: int) -> bool:
    """Whether counts of people printed after the arms complete the total: '433 children: 212 were paired samples
    ..., 121 were paired samples ..., samples from 74 children ..., while from another 26 children ...'."""
    more = 0
    for m in later:
        more += as_int(m.group("n"))
        if parts + more == total:
            return True
    return False


def _completes(text: str, arms: list, missing: int) -> bool:
    """The number the arms lack, printed right after them in another form ('754 to the SoC arm, 734 to the PoCCD4
    arm and 755 in the PoC CD4 +HH-IPT arm'): one more arm, not a wrong total."""
    if not arms or missing <= 0:
        return False
    tail = text[arms[-1].end():arms[-1].end() + 80]
    return any(word_or_number(m.group("n")) == missing for rx in (_ANOTHER_ARM, _ANOTHER_REASON)
               for m in rx.finditer(tail))


def _same_verb_clauses(text: str, total: re.Match, arms: list) -> bool:
    """The 'total' and two arms or more each followed by the same verb, nothing but words between the total and
    the first arm: a list of parallel clauses, whose first count is an arm."""
    verb = _PLAIN_VERB.match(text, total.end())
    if not verb or re.search(r"[(:;]", text[total.end():arms[0].start()]):
        return False
    same = [a for a in arms if (v := _PLAIN_VERB.match(text, a.end("n"))) and v.group(1).lower() == verb.group(1).lower()]
    return len(same) >= 2


def _part_before(text: str, total: re.Match, arms: list, missing: int) -> bool:
    """The number the arms lack, printed between the total and the first arm ('Of the 3489 children ..., 116 had
    died since randomization, 2674 were lost ...'): a part the arm forms did not read, not a wrong total."""
    if not arms or missing <= 0:
        return False
    return any(word_or_number(m.group(0)) == missing for m in _NUMBER.finditer(text, total.end(), arms[0].start()))


# "Of the 55 patients ..., 27% of patients withdrew ... due to adverse effects (n = 4), lack of efficacy (n = 9), ...":
# a share of the total printed before the parts, which they break down.
_SHARE = lazy(r"(?<![\d.,])(?P<p>\d{1,2}(?:\.\d{1,2})?)\s?%")


def _share_before(text: str, total: re.Match, arms: list, parts: int) -> bool:
    """A percentage printed between the total and the first part that is the parts' share of the total (as
    rounded to the percentage's own decimals): the parts split that share (those who withdrew, by reason), not
    the total."""
    whole = as_int(total.group("n"))
    if not arms or not 0 < parts < whole:
        return False
    for m in _SHARE.finditer(text, total.end(), arms[0].start()):
        printed = m.group("p")
        places = len(printed.split(".")[1]) if "." in printed else 0
        if round(100 * parts / whole, places) == float(printed):
            return True
    return False


_ANOTHER_ARM = lazy(r"(?:,|\band\b)\s+(?P<n>\d[\d,]*)\s+(?:in|to|into)\s+(?:the\s+)?[^.;]{0,40}?\b(?:arm|group)\b",
                    re.IGNORECASE)
# "... because they died (n = 4), or because follow up was interrupted (n = 2) and two for technical reasons": the
# last reason's count spelled out.
_ANOTHER_REASON = lazy(rf"(?:,|\band\b|\bor\b)\s+(?P<n>{WORD_NUMBER})\s+(?:for|because|due|owing|after)\b",
                       re.IGNORECASE)
_INCLUDING = lazy(r"\bincluding\s+$", re.IGNORECASE)
# "826 were included in the analysis reported here; 410 had FI and 416 did not": a later stage of the total, which
# the counts after it share (the first count after the total only, and only when it is smaller).
_LATER_STAGE = lazy(r"\s+were\s+(?:included|analy[sz]ed|evaluated|evaluable|available|retained)\b", re.IGNORECASE)
# "Of the 800 patients, 56 received only rFSH, 3 ... and 1 .... Of the remaining patients, 690 ...": the next
# sentence goes on with the rest, so the parts given before it need not add up to the total.
_REST_FOLLOWS = lazy(rf"^\W*(?:of\s+)?the\s+(?:remaining|rest\b|others\b|other\s+(?:\d|{PEOPLE}))", re.IGNORECASE)
# A count printed right before an opening bracket: '24 did not meet the responder criteria (14 did not ..., 1 ...)'.
_COUNT_THEN_BRACKET = lazy(rf"(?<![\w.,])(?P<n>{INT})\b[^()\d]{{0,60}}\($")


def _breakdowns(text: str, arms: list, total: re.Match) -> set[int]:
    """The starts of arms printed inside one bracket that add up to the count printed just before it ('Of the 80
    not randomized, 24 did not meet the criteria (14 did not have ..., 1 did not have ..., and 9 did not have
    either), 43 discontinued ...'): they split that count, not the total. The total's own split in brackets
    ('1,787 patients (887 PVP, and 900 BKP)') is what the check reads."""
    inside: dict[int, list] = {}
    for a in arms:
        opened = text.rfind("(", 0, a.start("n"))
        if opened >= 0 and ")" not in text[opened:a.start("n")] and text.find(")", a.end("n")) > a.end("n") - 1:
            inside.setdefault(opened, []).append(a)
    drop: set[int] = set()
    for opened, members in inside.items():
        before = _COUNT_THEN_BRACKET.search(text, max(0, opened - 80), opened + 1)
        if (len(members) >= 2 and before and before.start("n") > total.start("n")
                and as_int(before.group("n")) == sum(as_int(a.group("n")) for a in members)):
            drop |= {a.start("n") for a in members}
    return drop


def sample_splits(text: str) -> list[tuple[str, int, tuple]]:
    """(total as printed, offset, arms) for each total followed by at least two arms."""
    if " | " in text:  # a table's cells (a header's "(n = 349)" per column) are not a sentence's arms
        return []
    totals = totals_in(text)
    out = []
    for k, t in enumerate(totals):
        stop = totals[k + 1].start() if k + 1 < len(totals) else len(text)
        if _COUNT_BEFORE.search(text, max(0, t.start("n") - 24), t.start("n")):
            continue
        # "(n=0)" counts events, not people: no arm is empty
        arms = sorted({m.start("n"): m for rx in _ARMS for m in rx.finditer(text, t.end(), stop)
                       if m.group("n") != "0"
                       and not _BOUND_BEFORE.search(text, max(0, m.start("n") - 2), m.start("n"))
                       and not _LABEL_BEFORE.search(text, max(0, m.start("n") - 12), m.start("n"))
                       and not _MONTH_BEFORE.search(text, max(0, m.start("n") - 12), m.start("n"))}.values(),
                      key=lambda m: m.start())
        # "(of whom 8 were on arimoclomol, including 1 who was excluded)": a count 'including' opens after an arm is
        # a part of that arm, not an arm of its own (the first arm may be opened so: "640, including 320 who ...").
        arms = [a for k, a in enumerate(arms)
                if not (k and _INCLUDING.search(text, max(0, a.start("n") - 12), a.start("n")))]
        # '518 (n=342) person-trials were included ..., of whom 85 and 433 were prescribed ...': arms on both sides
        # of 'of whom' split different counts; which count each belongs to is not sure.
        if len(arms) >= 2 and any(_OF_WHOM.search(text, a.end("n"), b.start("n")) for a, b in zip(arms, arms[1:])):
            continue
        nested = _breakdowns(text, arms, t)
        arms = [a for a in arms if a.start("n") not in nested]
        total, at = t.group("n"), t.start()
        if any(_EACH.match(text, a.end("n")) for a in arms):
            continue
        sizes = [as_int(a.group("n")) for a in arms]
        if len(arms) < 3 and SCREENED.match(text, t.end()):
            continue
        if _ARM_VERB.match(text, t.end()) and sum(bool(_ARM_VERB.match(text, a.end("n"))) for a in arms) >= 2:
            continue
        if arms and (_same_verb_clauses(text, t, arms) or first_part(text, t, sizes)):
            continue
        if sum(bool(_ANALYSIS_SET.match(text, a.end("n"))) for a in arms) >= 2:
            continue
        if arms and _ASSIGNED.match(text, t.end()) and _TO_ARM.match(text, arms[0].end("n")) \
                and not re.search(r"[(:;]", text[t.end():arms[0].start()]):
            continue  # "123 patients assigned to Cotrifazid, 123 to mefloquine, and 123 to quinine": all arms
        later = next((k for k, a in enumerate(arms[:-1])
                      if _LEAVING.search(text, max(0, a.start("n") - 16), a.start("n"))), None)
        if later is None and len(arms) >= 2 and sizes[0] < as_int(total) and _LATER_STAGE.match(text, arms[0].end("n")):
            later = -1  # the first count is itself the later stage
        if later is not None:  # the stage after the losses is the total its arms share
            later = max(later, 0)
            t, arms, sizes = arms[later], arms[later + 1:], sizes[later + 1:]
            total, at = t.group("n"), t.start("n")
        if sum(sizes) != as_int(total) and (_sum_printed(text, arms, t) or _WORD_ARM.search(text, t.end(), stop)
                                          or _later_parts(totals[k + 1:], sum(sizes), as_int(total))
                                          or _completes(text, arms, as_int(total) - sum(sizes))
                                          or _part_before(text, t, arms, as_int(total) - sum(sizes))
                                          or _share_before(text, t, arms, sum(sizes))):
            continue
        # A flow of participants: "Of 1200 screened, 840 were randomised: 421 to X and 419 to placebo". The
        # first number after the total is a later stage's total when the numbers cannot all be its parts.
        # The later stage's parts add up to it, give or take a slip: parts far above it are no flow ("44 sites in
        # 33 patients: vena cava (n=12), septum (n=11), ...": several sites a patient).
        if len(arms) >= 3 and sum(sizes) > as_int(total) and sizes[0] < as_int(total) and sizes[0] >= max(sizes[1:]) \
                and sum(sizes[1:]) <= 1.1 * sizes[0]:
            total, at, arms, sizes = arms[0].group("n"), arms[0].start("n"), arms[1:], sizes[1:]
        # A 'total' smaller than one of its arms is a group's own size ("controls (N = 15), patients with
        # active RA (n = 18) and in remission (n = 15)"), not the sum of the groups after it.
        if len(arms) >= 2 and max(sizes) <= as_int(total):
            out.append((total, at, tuple((a.group("n"), as_int(a.group("n"))) for a in arms)))
    return out


def arm_list(text: str) -> tuple:
    """Arm sizes printed without a total ("VP (n=38) with sham procedure (n=40)")."""
    if "=" not in text or totals_in(text):
        return ()
    arms = [m for m in _ARMS[0].finditer(text)]
    return tuple((a.group("n"), as_int(a.group("n"))) for a in arms) if len(arms) >= 2 else ()


def extract_counts(doc: PolicyDocument, groups: list[list[int]], cited: dict):
    samples, counts, heterogeneity, studies = [], [], [], []
    for group in groups:
        paragraph_arms: list[int] = []
        for k, i in enumerate(group):
            s = doc.sentences[i]
            cites, _ = citations_for(doc, cited, group, i)
            rest_follows = k + 1 < len(group) and _REST_FOLLOWS.match(doc.sentences[group[k + 1]].text)
            for total, offset, arms in sample_splits(s.text):
                if rest_follows and sum(v for _, v in arms) < as_int(total):
                    continue
                line, _ = locate(doc, s, offset, total)
                samples.append(SampleSplit(line, total, as_int(total), arms, cites, s.text))
                paragraph_arms.append(as_int(total))
            loose = arm_list(s.text)
            if loose:
                paragraph_arms.append(sum(v for _, v in loose))
            for m, denom in counts_with_percent(s.text):
                printed = printed_count(s.text, m)
                count = word_or_number(printed)
                if count is None:
                    continue
                source = "printed" if denom else ""
                if denom is None and _OF_EVERYONE.search(s.text) and len(paragraph_arms) == 1:
                    denom, source = str(paragraph_arms[0]), "arms"
                line, _ = locate(doc, s, m.start(), m.group(0))
                counts.append(CountPercent(line, printed, count, m.group("p") + "%", float(m.group("p")),
                                           word_or_number(denom) if denom else None, source, cites, s.text))
            for m in find_i2(s.text):
                line, _ = locate(doc, s, m.start(), m.group(0))
                heterogeneity.append(Heterogeneity(line, m.group(0), to_float(m.group("v")), cites, s.text))
            for m in _STUDIES.finditer(s.text) if _STUDY_WORD.search(s.text) else ():
                n = word_or_number(m.group("n"))
                if n is not None:
                    line, _ = locate(doc, s, m.start(), m.group(0))
                    studies.append(_StudyHit(i, n, StudyCount(line, m.group(0), n, cites)))
    return tuple(samples), tuple(counts), tuple(heterogeneity), studies
