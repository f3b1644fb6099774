"""How well kb reads published JATS articles: every article is a labelled test case.

Each article is converted (``kb.importers.jats``), written to a temporary
policy folder with its title and journal in ``provenance.yaml``, read with the
normal loader, and compared with what the XML states: the entries each marker
cites (line, number), each entry's first author and year. Its error and warning
findings are counted (a published article is nearly clean, so each is a
candidate false alarm), and the seeded citation defects are injected into its
text with ``kbdev.seeding`` and counted as found or missed. An article that
cites by author and year is measured the same way against its author-year
citations (no defects are seeded: the injectors edit numbers) and summed on a
line of its own, so the numbered articles' figures stay comparable.
"""
from __future__ import annotations

import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

HELD_OUT = "journal.pmed."  # PLOS Medicine: held out for acceptance, never read here


@dataclass(frozen=True)
class ArticleResult:
    name: str
    skipped: str | None = None  # why the article could not be measured (a KbError's line)
    marker_pairs_true: int = 0  # (line, number) pairs the XML states, numbered markers only
    marker_pairs_read: int = 0
    marker_pairs_right: int = 0
    entries_true: int = 0
    entries_read: int = 0
    entries_known: int = 0  # entries whose first author and year the XML tags
    entries_right: int = 0  # ... and the reader got both right
    findings: tuple = ()  # unwaived error and warning findings
    crashed: int = 0
    seeded_injected: int = 0
    seeded_found: int = 0
    # (defect, injected, found, found only by info findings) for each defect injected
    seeded_by_defect: tuple = ()
    crash: str | None = None  # an unexpected exception while measuring: a bug to fix
    style: str = "numbered"  # or "author-year": the list printed without numbers, cited by name and year


def measure_safely(path: Path, **options) -> ArticleResult:
    """``measure``, with a crash recorded as the article's row instead of ending the run."""
    try:
        return measure(path, **options)
    except Exception as exc:  # noqa: BLE001 - the run goes on; the crash is counted and shown
        return ArticleResult(Path(path).name, crash=f"{type(exc).__name__}: {exc}")


def corpus_files(folder: Path, held_out: bool = False) -> list[Path]:
    """The JATS files of a folder; the held-out PLOS Medicine articles only for the acceptance run."""
    return sorted(p for p in Path(folder).glob("*.xml") if held_out or not p.name.startswith(HELD_OUT))


def held_out_files(folder: Path) -> list[Path]:
    """The folder's PLOS Medicine files: left out unless the acceptance run asks for them."""
    return sorted(p for p in Path(folder).glob("*.xml") if p.name.startswith(HELD_OUT))


def _plain(text: str | None) -> str:
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip(" .,")


def author_right(truth, entry) -> bool:
    want = _plain(truth.first_author)
    got = {_plain(entry.first_author), _plain(entry.organisation)}
    return bool(want) and (want in got or (truth.organisation and any(g and want.startswith(g) for g in got)))


def write_policy(folder: Path, converted) -> Path:
    """policy.md and a provenance.yaml with the article's title and journal, as ``kb import`` writes them."""
    import yaml

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "policy.md").write_text(converted.markdown, encoding="utf-8")
    prov = {k: v for k, v in (("title", converted.title), ("issuer", converted.issuer)) if v}
    (folder / "provenance.yaml").write_text(yaml.safe_dump(prov, allow_unicode=True), encoding="utf-8")
    return folder / "policy.md"


def compare_markers(truth, doc) -> tuple[int, int, int]:
    by_name = getattr(doc, "citation_style", "numbered") != "numbered"
    want = {(m.line, n) for m in truth.markers if m.numbered or by_name for n in m.numbers}
    got = {(m.line, n) for m in doc.markers for n in m.numbers}
    return len(want), len(got), len(want & got)


def compare_entries(truth, doc) -> tuple[int, int, int, int]:
    read = {e.number: e for e in doc.references}
    known = [t for t in truth.entries if t.first_author and t.year]
    right = sum(1 for t in known if t.number in read and read[t.number].year == t.year
                and author_right(t, read[t.number]))
    return len(truth.entries), len(read), len(known), right


def seeded(text: str, path: str, draws: int, seed: int) -> tuple:
    from kbdev.seeding import evaluate
    from kbdev.seeding.citations_text import TextPolicy
    from kbdev.seeding.suite import text_injectors

    scores = evaluate([(TextPolicy(i, text, path), text) for i in range(draws)], text_injectors(), seed=seed)
    return tuple((s.defect, s.injected, s.found, s.found_at_info_only) for s in scores if s.injected)


def measure(path: Path, *, draws: int = 1, seed: int = 0) -> ArticleResult:
    from kb.checks import run_checks
    from kb.errors import KbError
    from kb.importers.jats import convert, ground_truth
    from kb.knowledge.base import load_knowledge_base
    from kb.outputs.report import flatten

    data = Path(path).read_bytes()
    try:
        converted, truth = convert(data, path.name), ground_truth(data, path.name)
    except KbError as exc:
        return ArticleResult(path.name, skipped=str(exc))
    with tempfile.TemporaryDirectory(prefix="kb-corpus-") as tmp:
        policy = write_policy(Path(tmp) / path.stem, converted)
        kb = load_knowledge_base(policy)
        results = run_checks(kb)
    findings = tuple(f for f in flatten(results) if not f.waived and f.severity in ("error", "warning"))
    style = kb.doc.citation_style
    by_defect = seeded(converted.markdown, path.name, draws, seed) if draws and style == "numbered" else ()
    return ArticleResult(path.name, None, *compare_markers(truth, kb.doc), *compare_entries(truth, kb.doc),
                         findings, sum(1 for r in results if r.crashed), sum(d[1] for d in by_defect),
                         sum(d[2] for d in by_defect), by_defect, style=style)


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "-"


def table(results: list[ArticleResult]) -> str:
    rows = ["| article | entries read / in XML | first author and year right | markers precision | "
            "markers recall | error+warning | seeded found / injected |", "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in results:
        if r.skipped or r.crash:
            why = f"skipped: {r.skipped.split(': ', 1)[-1]}" if r.skipped else f"CRASHED: {r.crash}"
            rows.append(f"| {r.name} | {why} | | | | | |")
            continue
        name = r.name if r.style == "numbered" else f"{r.name} (author-year)"
        rows.append(f"| {name} | {r.entries_read} / {r.entries_true} | {r.entries_right} / {r.entries_known} | "
                    f"{_ratio(r.marker_pairs_right, r.marker_pairs_read)} | "
                    f"{_ratio(r.marker_pairs_right, r.marker_pairs_true)} | {len(r.findings)} | "
                    f"{r.seeded_found} / {r.seeded_injected} |")
    return "\n".join(rows) + "\n"


def summary(results: list[ArticleResult]) -> str:
    """One line for the numbered articles (the measure the figures were first given on); one more for the
    articles that cite by author and year, when there are any."""
    done = [r for r in results if not r.skipped and not r.crash and r.style == "numbered"]
    by_name = [r for r in results if not r.skipped and not r.crash and r.style != "numbered"]
    crashes = sum(1 for r in results if r.crash)
    total = lambda attr, rs=done: sum(getattr(r, attr) for r in rs)  # noqa: E731
    findings = sum(len(r.findings) for r in done)
    n = len(done) or 1
    line = (f"{len(done)} articles measured, {len(results) - len(done) - len(by_name) - crashes} skipped, "
            f"{crashes} crashed; "
            f"markers precision {_ratio(total('marker_pairs_right'), total('marker_pairs_read'))} "
            f"recall {_ratio(total('marker_pairs_right'), total('marker_pairs_true'))} "
            f"({total('marker_pairs_true')} (line, number) pairs); "
            f"entries read {total('entries_read')} / {total('entries_true')}, first author and year right "
            f"{total('entries_right')} / {total('entries_known')} "
            f"({_ratio(total('entries_right'), total('entries_known'))}); "
            f"error+warning findings {findings} ({findings / n:.2f} per article); "
            f"seeded defects found {total('seeded_found')} / {total('seeded_injected')} "
            f"({_ratio(total('seeded_found'), total('seeded_injected'))}; {_info_only(done)} of them only at info); "
            f"crashed checks {total('crashed')}\n")
    if not by_name:
        return line
    ay = lambda attr: total(attr, by_name)  # noqa: E731
    ay_findings = sum(len(r.findings) for r in by_name)
    return line + (f"author-year articles: {len(by_name)} measured; citations precision "
                   f"{_ratio(ay('marker_pairs_right'), ay('marker_pairs_read'))} recall "
                   f"{_ratio(ay('marker_pairs_right'), ay('marker_pairs_true'))} ({ay('marker_pairs_true')} (line, "
                   f"entry) pairs); first author and year right {ay('entries_right')} / {ay('entries_known')} "
                   f"({_ratio(ay('entries_right'), ay('entries_known'))}); error+warning findings {ay_findings} "
                   f"({ay_findings / len(by_name):.2f} per article); crashed checks {ay('crashed')}\n"
                   f"all {len(done) + len(by_name)} articles measured: error+warning findings {findings + ay_findings} "
                   f"({(findings + ay_findings) / (len(done) + len(by_name)):.2f} per article)\n")


def _info_only(results) -> int:
    return sum(d[3] for r in results for d in r.seeded_by_defect if len(d) > 3)


def finding_lines(results: list[ArticleResult]) -> str:
    """Every error and warning finding, to be read by hand."""
    return "".join(f"{r.name}:{f.line}: {f.code} [{f.severity}] {f.message}\n" for r in results for f in r.findings)


def defect_table(results: list[ArticleResult]) -> str:
    """Seeded defects over the corpus, one row per defect; those found only by info findings counted apart."""
    totals: dict[str, list[int]] = {}
    for r in results:
        for defect, injected, found, *info_only in r.seeded_by_defect:
            t = totals.setdefault(defect, [0, 0, 0])
            t[0] += injected
            t[1] += found
            t[2] += sum(info_only)
    rows = ["| seeded defect | found / injected | of them only at info |", "| --- | ---: | ---: |"]
    rows += [f"| {d} | {f} / {i} | {o} |" for d, (i, f, o) in totals.items()]
    return "\n".join(rows) + "\n"
