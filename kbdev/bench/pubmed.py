"""The annual literature check at scale: verification of 2,000 entries and triage of 10,000 records.

Records are synthetic copies of the real records in tests/data/pubmed (real
shape and size, about 14 kB each with their author affiliations), written
as PubMed XML; the policy cites the first 2,000 of them, one entry in 20
with a defect. Prints the whole command's wall time (what a user waits
for) and the in-process time of reading the records and the work itself.
"""
from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from kbdev.bench import PYTHON, bench_env, time_command

DESCRIPTION = "kb pubmed verify on 2,000 entries (aim < 2 s) and kb pubmed new on 10,000 records (aim < 10 s)"
SIZES = {"verify": 2000, "triage": 10000}
QUICK = {"verify": 200, "triage": 1000}


def _in_process_verify(policy: Path, records: Path) -> tuple[float, float, int]:
    """(seconds reading the records, seconds matching and judging every entry, entries not verified)."""
    from kb.knowledge.base import load_policy
    from kb.pubmed.load import read_records
    from kb.pubmed.match import RecordIndex
    from kb.pubmed.verify import verify

    doc = load_policy(policy)
    start = time.perf_counter()
    found = read_records([records])
    read = time.perf_counter() - start
    start = time.perf_counter()
    verdicts = verify(doc.references, RecordIndex(found))
    return read, time.perf_counter() - start, sum(1 for v in verdicts if v.status != "verified")


def _in_process_triage(policy: Path, records: Path) -> tuple[float, float]:
    from kb.knowledge.base import load_policy
    from kb.pubmed.load import read_records
    from kb.pubmed.triage import triage

    doc = load_policy(policy)
    start = time.perf_counter()
    found = read_records([records])
    read = time.perf_counter() - start
    start = time.perf_counter()
    triage(found, doc, "2020-01")
    return read, time.perf_counter() - start


def _bare_expat(path: Path) -> float:
    """The floor: expat over the same bytes with no handlers, no tree, nothing kept."""
    import pyexpat

    data = path.read_bytes()
    start = time.perf_counter()
    pyexpat.ParserCreate().Parse(data, True)
    return time.perf_counter() - start


def run(options) -> list[str]:
    from kb.pubmed.load import parse_records
    from kbdev.synthetic.pubmed_records import citing_policy, records_xml

    sizes = QUICK if options.quick else SIZES
    repeats = max(3, min(options.repeats, 5))
    env = bench_env()
    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "bench"
        folder.mkdir()
        data = records_xml(sizes["triage"])
        records = Path(tmp) / "search.xml"
        records.write_bytes(data)
        parsed = parse_records(data, "search.xml")
        cited = Path(tmp) / "cited.xml"
        cited.write_bytes(records_xml(sizes["verify"]))  # the same seed: the first records again
        policy = folder / "policy.md"
        policy.write_text(citing_policy(parsed, sizes["verify"]), encoding="utf-8")
        mb = len(data) / 1e6

        verify = statistics.median(time_command([PYTHON, "-m", "kb", "pubmed", "verify", str(policy), "--records",
                                                 str(cited), "--format", "json"], env) for _ in range(repeats))
        read, work, flagged = _in_process_verify(policy, cited)
        lines.append(f"verify {sizes['verify']:,} entries against {sizes['verify']:,} records "
                     f"({cited.stat().st_size / 1e6:.0f} MB XML): kb pubmed verify {verify:.2f} s "
                     f"(in process: read records {read:.2f} s, match and judge {work:.3f} s; {flagged} entries flagged)")
        triage = statistics.median(time_command([PYTHON, "-m", "kb", "pubmed", "new", str(policy), "--records",
                                                 str(records), "-o", str(Path(tmp) / "screen.csv")], env)
                                   for _ in range(repeats))
        t_read, t_work = _in_process_triage(policy, records)
        lines.append(f"triage {sizes['triage']:,} records ({mb:.0f} MB XML): kb pubmed new {triage:.2f} s "
                     f"(in process: read {t_read:.2f} s, drop cited + design + BM25 for each criterion {t_work:.2f} s)")
        floor = _bare_expat(records)
        lines.append(f"floor: a bare expat pass over the {mb:.0f} MB takes {floor:.2f} s; reading the records takes "
                     f"{t_read / floor:.1f}x that")
        if not options.quick:
            lines.append(f"aims: verify < 2 s: {'met' if verify < 2 else 'NOT met'}; "
                         f"triage < 10 s: {'met' if triage < 10 else 'NOT met'}")
    return lines
