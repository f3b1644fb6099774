"""estimates.csv is read once per knowledge base: validated when the policy is loaded, applied from those rows."""
import shutil

import kb.estimates.curated as curated
from kb.estimates import estimates_of
from kb.knowledge.base import load_knowledge_base


def test_estimates_csv_is_read_once(tmp_path, bundled_path, monkeypatch):
    folder = tmp_path / "p"
    shutil.copytree(bundled_path.parent, folder)
    (folder / "estimates.csv").write_text("action,reference,measure,estimate,ci_low,ci_high,outcome\n"
                                          "add,5,MD,-0.5,-1.0,0.1,pain\n", encoding="utf-8")
    reads = []
    original = curated.read_csv
    monkeypatch.setattr(curated, "read_csv", lambda path, required: reads.append(path) or original(path, required))
    kb = load_knowledge_base(folder / "policy.md")
    rows = estimates_of(kb)
    assert [p.name for p in reads] == ["estimates.csv"]
    assert any(e.citations == (5,) and e.estimate == -0.5 for e in rows.estimates)
