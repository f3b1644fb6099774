"""The summary of findings and the stances of one criterion as text lines (``kb evidence``)."""
from __future__ import annotations

from .certainty import UNCONFIRMED

_INDENT = " " * 9


def effect_line(e) -> str:
    when = f" at {e.timepoint}" if e.timepoint else ""
    printed = (f" (printed as [{', '.join(map(str, e.printed_citations))}])" if e.printed_citations else "")
    turned = " (re-oriented)" if e.reoriented else ""
    flagged = f" [fails {e.flags.replace(';', ', ')}]" if e.flags else ""
    return (f"{_INDENT}    {e.study} [{e.reference}]{printed}: {e.measure or 'estimate'} {e.estimate} "
            f"({e.ci_low} to {e.ci_high}){when}{turned}: {e.favours}{flagged}")


def rule_line(v) -> str:
    change = f" {v.change:+d}" if v.change else ""
    return f"{_INDENT}      {v.rule}: {v.verdict}{change} ({v.reason})"


def summary_lines(rows, stance_lists: dict) -> list[str]:
    lines = []
    for r in rows:
        people = f"{r.participants} participants" if r.participants is not None else "participants not given"
        label = "" if r.confirmed else f" ({UNCONFIRMED})"
        lines.append(f"{_INDENT}found        {r.question}, {r.outcome}: {r.direction}")
        lines.append(f"{_INDENT}    {len(r.studies)} source(s): {', '.join(r.studies)}; {people}; "
                     f"certainty {r.certainty}{label}")
        lines += [effect_line(e) for e in r.effects]
        lines += [rule_line(v) for v in r.certainty_reasons]
        if r.confirmed:
            lines.append(f"{_INDENT}      {r.certainty_note}")
    if not rows:
        lines.append(f"{_INDENT}found        no estimate with an interval is reported for this criterion's evidence")
    for key in ("for", "against", "inconclusive"):
        ids = stance_lists.get(key, [])
        lines.append(f"{_INDENT}{key:<13}{len(ids)}: {', '.join(ids) or 'none'}")
    return lines
