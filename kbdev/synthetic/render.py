"""Synthetic policies rendered to Markdown, with the line of every sentence and entry."""
from __future__ import annotations

from kbdev.synthetic.model import (
    ORGANISATIONS,
    INITIALS,
    Cite,
    Estimate,
    Name,
    RefSpec,
    Rendered,
    Size,
    SyntheticPolicy,
)


def _numbers_text(numbers: list[int], as_range: bool) -> str:
    if as_range and len(numbers) > 2 and numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"{numbers[0]}-{numbers[-1]}"
    return ", ".join(str(n) for n in numbers)


def _render_part(policy: SyntheticPolicy, part) -> str:
    if isinstance(part, str):
        return part
    if isinstance(part, Cite):
        numbers = [policy.number_of(k) + part.shift for k in part.keys]
        if part.widen:
            numbers += list(range(numbers[-1] + 1, numbers[-1] + 1 + part.widen))
        return f"<sup>[{_numbers_text(numbers, part.as_range or bool(part.widen))}]</sup>"
    if isinstance(part, Name):
        return render_name(policy.ref(part.key), part)
    if isinstance(part, Estimate):
        return _render_estimate(part)
    if isinstance(part, Size):
        return str(part.value)
    raise TypeError(part)


# Person forms a sentence can open with; "etal-bare" prints no year.
NAME_FORMS = ("paren", "in-year", "etal", "bracket", "and", "possessive", "year-by", "by-in", "etal-bare")


def render_name(ref: RefSpec, part: Name) -> str:
    """A named source as running text: 'Smith (2015)', 'In 2015, Smith', 'the ACR' ..."""
    year = part.year or ref.year
    if part.form in ("org", "org-acronym"):
        name = ref.organisation.split(" (")[0]
        acronym = next((a for n, a in ORGANISATIONS if n == name), None)
        if part.form == "org-acronym" and acronym:
            return acronym
        return f"{name} ({acronym})" if acronym else name
    who = ref.surnames[0]
    forms = {
        "in-year": f"In {year}, {who}",
        "etal": f"{who} et al. ({year})",
        "bracket": f"{who} [{year}]",
        "and": f"{who} and {ref.surnames[1]} ({year})" if len(ref.surnames) > 1 else f"{who} ({year})",
        "possessive": f"{who}'s {year} study",
        "year-by": f"A {year} study by {who}",
        "by-in": f"A study reported by {who} in {year}",
        "etal-bare": f"{who} et al.",
        "by-in-bare": f"by {who} in {year}",
    }
    return forms.get(part.form, f"{who} ({year})")


_LONG_NAMES = {"MD": "mean difference [MD]", "SMD": "standard mean difference", "RR": "relative risk",
               "OR": "odds ratio [OR]", "HR": "hazard ratio"}


def _num(value: float, variant: int) -> str:
    """Two decimals; the second variant prints negatives with the Unicode minus sign."""
    text = f"{value:.2f}"
    return text.replace("-", "\u2212") if variant and value < 0 else text


def _render_estimate(e: Estimate) -> str:
    p = f"; P = {e.p}" if e.p and not e.p.startswith("<") else (f"; p{e.p}" if e.p else "")
    v, lo, hi = (_num(x, e.variant) for x in (e.value, e.low, e.high))
    name = _LONG_NAMES[e.measure] if e.variant else e.measure
    i2 = f"; I\u00b2 = {e.i2}%" if e.i2 is not None else ""
    if e.style == 0:
        core = f"({name} = {v}; 95% CI, {lo} to {hi}{p}{i2})"
    elif e.style == 1:
        core = f"({name}, {v}; 95% CI, {lo} to {hi})"
    elif e.style == 2:
        dash = "\u2013" if e.variant else "-"
        core = f"({e.measure}={v}; 95% CI, {lo}{dash}{hi})" if e.low >= 0 else \
            f"({e.measure}={v}; 95% CI, {lo} to {hi})"
    else:
        core = f"({name}: {v}; 95% confidence interval {lo} to {hi}{p}{i2})"
    if e.arms:
        total, treated, control = e.arms
        core += f" in {total} patients, {treated} who received the procedure and {control} who received the comparator"
    if e.followed:
        count, denominator, shown = e.followed
        core += f", with follow-up complete for {count} ({shown}%) of {denominator}"
    return core


def render_entry(ref: RefSpec, number: int) -> str:
    if ref.organisation and ref.url:
        return (f"{number}. {ref.organisation}. {ref.title}. [cited {ref.accessed}]. "
                f"'Available from:' <{ref.url}>.")
    who = ref.organisation if ref.organisation else ", ".join(
        f"{s} {INITIALS[(len(s) + i) % len(INITIALS)]}" for i, s in enumerate(ref.surnames[:3]))
    if len(ref.surnames) > 3:
        who += ", et al"
    pub = f"{ref.year}"
    if ref.volume:
        pub += f";{ref.volume}" + (f"({ref.issue})" if ref.issue else "") + (f":{ref.pages}" if ref.pages else "")
    pmid = f" PMID: {ref.pmid}" if ref.pmid else ""
    return f"{number}. {who}. {ref.title}. *{ref.journal}*. {pub}.{pmid}"


def render(policy: SyntheticPolicy, *, issuer: str = "Example Health Plan") -> Rendered:
    lines: list[str] = ["", f"# {issuer}", "", "Medical Policy Manual", "",
                        f"## ***{policy.title}***", "", "**Effective:** January 1, 2026", "",
                        "**Next Review:** January 2027", "", "### **MEDICAL POLICY CRITERIA**", "",
                        "#### **Medically Necessary**", ""]
    for sid, text in policy.criteria:
        if sid == "II":
            lines += ["", "## Investigational", ""]
        label = sid.split(".")[-1]
        indent = "  " * min(sid.count("."), 1)
        lines.append(f"{indent}- {label}. {text}" if sid.count(".") < 2 else f"{label}. {text}")
    lines += ["", "## REQUIRED DOCUMENTATION", "", "- History and physical examination",
              "- Imaging reports", "", "## EVIDENCE SUMMARY", ""]
    sentence_lines: dict[str, int] = {}
    for p in policy.paragraphs:
        if p.heading:
            lines += [f"{'#' * p.level} {p.heading}", ""]
        if p.sentences:
            line_no = len(lines) + 1
            lines += [" ".join("".join(_render_part(policy, part) for part in s.parts) for s in p.sentences), ""]
            sentence_lines.update({s.sid: line_no for s in p.sentences})
    lines += ["### REFERENCES", ""]
    entry_lines = {}
    for i, ref in enumerate(policy.references, 1):
        entry_lines[ref.key] = len(lines) + 1
        lines.append(render_entry(ref, i))
    lines += ["", "## CODES", "", "Codes\tNumber\tDescription", "CPT\t64999\tUnlisted procedure, nervous system",
              "HCPCS\tC9752\tDestruction of intraosseous basivertebral nerve", ""]
    return Rendered("\n".join(lines), sentence_lines, entry_lines)
