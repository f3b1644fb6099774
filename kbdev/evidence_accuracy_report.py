"""The evidence-inference measurement's table, counts, summary line and per-prompt details (kbdev.evidence_accuracy
holds the scoring)."""
from __future__ import annotations

from collections import Counter

from kbdev.evidence_data import ArticleScore, norm

def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "-"


def table(results: list[ArticleScore]) -> str:
    rows = ["| article | estimates read | prompts | read | significance right / judged | direction right / wrong "
            "/ could not orient | outcome match / other / empty |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in results:
        if r.skipped or r.crash:
            rows.append(f"| PMC{r.pmcid} | {'skipped: ' + r.skipped if r.skipped else 'CRASHED: ' + r.crash} "
                        "| | | | | |")
            continue
        c = counts([r])
        rows.append(f"| PMC{r.pmcid} | {r.estimates} | {c['prompts']} | {c['read']} | {c['sig_right']} / "
                    f"{c['sig_judged']} | {c['dir_right']} / {c['dir_wrong']} / {c['dir_unknown']} | "
                    f"{c['out_match']} / {c['out_other']} / {c['out_empty']} |")
    return "\n".join(rows) + "\n"


def counts(results: list[ArticleScore]) -> Counter:
    c: Counter = Counter()
    for r in results:
        for s in r.prompts:
            c["prompts"] += 1
            c["significant"] += s.prompt.label != 0
            if not s.read:
                continue
            c["read"] += 1
            c["sig_judged"] += s.significance in ("right", "wrong")
            c["sig_right"] += s.significance == "right"
            c["sig_no_null"] += s.significance == "no null"
            c["dir_right"] += s.direction == "right"
            c["dir_wrong"] += s.direction == "wrong"
            c["dir_unknown"] += s.direction == "could not orient"
            c[f"out_{s.outcome}"] += 1
    return c


def summary(results: list[ArticleScore]) -> str:
    done = [r for r in results if not r.skipped and not r.crash]
    c = counts(done)
    judged_dir = c["dir_right"] + c["dir_wrong"]
    return (f"{len(done)} articles measured, {sum(1 for r in results if r.skipped)} skipped, "
            f"{sum(1 for r in results if r.crash)} crashed; {c['prompts']} prompts with an interval in the "
            f"evidence; read {c['read']} ({_ratio(c['read'], c['prompts'])}); significance right "
            f"{c['sig_right']} / {c['sig_judged']} ({_ratio(c['sig_right'], c['sig_judged'])}; {c['sig_no_null']} "
            f"on no ratio or difference scale); direction right {c['dir_right']}, wrong {c['dir_wrong']}, could "
            f"not orient {c['dir_unknown']} (right {_ratio(c['dir_right'], judged_dir)} of those judged); "
            f"outcome match {c['out_match']}, other {c['out_other']}, empty {c['out_empty']}\n")


def detail_lines(results: list[ArticleScore], which: str = "misses") -> str:
    """Prompts to read by hand: 'misses' (no estimate read), 'wrong' (significance or direction wrong),
    'unoriented' (direction could not be judged), or 'all'."""
    out = []
    for r in results:
        for s in r.prompts:
            p = s.prompt
            wanted = {"misses": not s.read, "wrong": "wrong" in (s.significance, s.direction),
                      "unoriented": s.direction == "could not orient", "all": True}[which]
            if not wanted:
                continue
            label = {1: "increased", -1: "decreased", 0: "no difference"}[p.label]
            out.append(f"PMC{r.pmcid} prompt {p.id} [{label}] outcome={p.outcome!r} I={p.intervention!r} "
                       f"C={p.comparator!r}")
            out.append(f"    span: {norm(p.spans[0])[:400]}")
            if s.read:
                out.append(f"    row: {s.row['measure'] or '?'} {s.row['estimate']} ({s.row['ci']}) comparison="
                           f"{s.row['comparison']!r} outcome={s.row['outcome']!r} sig={s.significance} "
                           f"dir={s.direction} {s.orient_note}")
                if norm(s.row["quote"]) not in norm(" ".join(p.spans)):
                    out.append(f"    our sentence: {norm(s.row['quote'])[:300]}")
    return "\n".join(out) + "\n"
