"""Nothing already on disk is lost: outputs are replaced whole or not at all, and references/ is read-only.

A run that fails half-way (a figure that will not draw, a disk that fills
up, a site build that stops) leaves every earlier output byte for byte as
it was, and no temporary file behind. Only ``kb studies bootstrap`` writes
beside a policy, and it never overwrites the curated studies.csv without
--force.
"""
import errno
import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from kb.cli import main

ROOT = Path(__file__).resolve().parent.parent


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (hidden ones too) with a hash of its bytes."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def no_space(*args, **kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("command", [["export", "bibtex"], ["export", "graphml"], ["estimates"],
                                     ["estimates", "--format", "json"]], ids="-".join)
def test_a_write_that_fails_keeps_the_earlier_file(tmp_path, capsys, monkeypatch, command):
    target = tmp_path / "out"
    assert main([*command, "-o", str(target)]) == 0
    before = target.read_bytes()
    capsys.readouterr()
    monkeypatch.setattr(os, "replace", no_space)  # the new text is written, then the rename fails
    assert main([*command, "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot be written (No space left on device)" in err and "unchanged" in err
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no temporary file left behind


def test_written_files_get_ordinary_permissions(tmp_path):
    """A temporary file is private (0600); the file it becomes is not."""
    target = tmp_path / "refs.bib"
    assert main(["export", "bibtex", "-o", str(target)]) == 0
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
    target.chmod(0o640)
    assert main(["export", "bibtex", "-o", str(target)]) == 0
    assert target.stat().st_mode & 0o777 == 0o640  # replacing a file keeps its permissions


def test_plots_that_fail_half_way_leave_the_earlier_figures(tmp_path, capsys, monkeypatch):
    """The third figure fails to draw: the first two, already drawn anew, must not have replaced the old ones."""
    import kb.outputs.figures as figures

    specs = figures.figure_specs
    monkeypatch.setattr(figures, "figure_specs", lambda estimates, *a: specs(estimates, *a)[:3])
    folder = tmp_path / "figures"
    assert main(["plots", "-o", str(folder)]) == 0
    before = snapshot(folder)
    assert len(before) == 9

    render, drawn = figures.render_files, []

    def changed(fig):  # a second run whose figures differ from the first
        drawn.append(fig)
        if len(drawn) == 3:
            raise RuntimeError("the third figure cannot be drawn")
        return {ext: data + b"\n<!-- new -->" for ext, data in render(fig).items()}

    monkeypatch.setattr(figures, "render_files", changed)
    assert main(["plots", "-o", str(folder)]) == 3
    assert "internal error (RuntimeError)" in capsys.readouterr().err
    assert snapshot(folder) == before


def test_bootstrap_never_overwrites_the_curated_studies_without_force(tmp_path, capsys, monkeypatch, bundled_path):
    folder = tmp_path / "policy"
    shutil.copytree(bundled_path.parent, folder)
    curated = (folder / "studies.csv").read_bytes()
    assert main(["studies", "bootstrap", str(folder)]) == 0
    assert (folder / "studies.csv").read_bytes() == curated and (folder / "studies.proposed.csv").is_file()
    # naming the curated file with -o is the same request: it is kept, the proposal goes beside it
    (folder / "studies.proposed.csv").unlink()
    assert main(["studies", "bootstrap", "-o", str(folder / "studies.csv"), str(folder)]) == 0
    assert (folder / "studies.csv").read_bytes() == curated and (folder / "studies.proposed.csv").is_file()
    proposal = (folder / "studies.proposed.csv").read_bytes()
    monkeypatch.setattr(os, "replace", no_space)
    assert main(["studies", "bootstrap", "--force", str(folder)]) == 2
    assert (folder / "studies.csv").read_bytes() == curated
    assert (folder / "studies.proposed.csv").read_bytes() == proposal
    monkeypatch.undo()
    assert main(["studies", "bootstrap", "--force", str(folder)]) == 0
    assert (folder / "studies.csv").read_bytes() != curated  # --force is the one way to replace it
    assert "studies.csv exists and was left as it is" in capsys.readouterr().err


def test_a_site_build_that_fails_half_way_leaves_the_earlier_site(tmp_path, capsys, monkeypatch):
    """MkDocs empties its output folder before making the pages and fails a strict build only at the end;
    kb site builds into a fresh folder and swaps it in only when the build succeeded."""
    import kb.commands.site as site

    out = tmp_path / "site"
    out.mkdir()
    for name in ("index.html", "sitemap.xml", "references/5/index.html"):
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text(f"earlier build: {name}")
    before = snapshot(out)

    def half_a_build(policy, folder):
        for child in folder.iterdir():  # what MkDocs does first
            shutil.rmtree(child) if child.is_dir() else child.unlink()
        (folder / "index.html").write_text("half of a new build")
        return subprocess.CompletedProcess([], 1, "", "WARNING -  Doc file 'x.md' contains a link 'y.md'\n"
                                                      "Aborted with 1 warnings in strict mode!\n")

    monkeypatch.setattr(site, "build", half_a_build)
    assert main(["site", "-o", str(out)]) == 1
    assert "the earlier site, if any, is unchanged" in capsys.readouterr().err
    assert snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # the half-made folder is gone


def test_a_real_site_build_stopped_by_bad_input_keeps_the_earlier_site(tmp_path, bundled_path):
    """estimates.csv drops a result the text does not print: found while the pages are made (exit 2)."""
    from sitetools import kb_site

    out = tmp_path / "site"
    assert kb_site(bundled_path, "-o", out).returncode == 0
    before = snapshot(out)
    folder = tmp_path / "policy"
    shutil.copytree(bundled_path.parent, folder)
    (folder / "estimates.csv").write_text("action,reference,line,printed,note\ndrop,1,130,9.99,no such result\n")
    proc = kb_site(folder, "-o", out)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr == f"kb site: {folder / 'estimates.csv'}:2: no estimate printed '9.99' at policy line 130\n"
    assert snapshot(out) == before


def test_no_command_writes_inside_references(tmp_path, monkeypatch, capsys):
    """Every command against a copy of references/ (the default policy and --all): only the bootstrap's own
    proposal appears there, and the curated files are untouched; the real references/ is untouched too."""
    import kb.outputs.figures as figures

    real = snapshot(ROOT / "references")
    copy = tmp_path / "references"
    shutil.copytree(ROOT / "references", copy)
    before = snapshot(copy)
    monkeypatch.setenv("KB_REFERENCES", str(copy))
    specs = figures.figure_specs
    monkeypatch.setattr(figures, "figure_specs", lambda estimates, *a: specs(estimates, *a)[:2])
    policy = str(copy / "regence-surgery-107")
    out = tmp_path / "out"
    for argv in (["info"], ["check", "--all"], ["export", "bibtex"], ["export", "graphml", "--all"],
                 ["export", "csl-json", "-o", str(out / "refs.json")], ["estimates", "-o", str(out / "e.csv")],
                 ["plots", "-o", str(out / "figures")], ["evidence", "--all"], ["evidence", "--overlap"],
                 ["diff", policy, policy], ["site", "-o", str(out / "site")], ["studies", "bootstrap"]):
        out.mkdir(exist_ok=True)
        assert main(argv) in (0, 1), (argv, capsys.readouterr().err)
    after = snapshot(copy)
    added = sorted(set(after) - set(before))
    assert added == ["regence-surgery-107/studies.proposed.csv"]
    assert {k: after[k] for k in before} == before
    assert snapshot(ROOT / "references") == real


@pytest.mark.parametrize("command", [
    ["estimates", "-o", "{refs}/regence-surgery-107/estimates.csv"],  # would replace the curated corrections
    ["export", "bibtex", "-o", "{refs}/refs.bib"], ["plots", "-o", "{refs}/regence-surgery-107/figures"],
    ["site", "-o", "{refs}/site"], ["export", "csl-json", "{mine}", "-o", "{mine_dir}/studies.csv"],
    ["estimates", "{mine}", "-o", "{mine_dir}/policy.md"],
    ["studies", "bootstrap", "{mine}", "-o", "{mine_dir}/kinds.csv"],
    ["studies", "bootstrap", "-o", "{refs}/regence-surgery-107/supports.csv"],
], ids=lambda c: c[0] + "-" + c[-1].rsplit("/", 1)[-1])
def test_an_output_aimed_at_the_inputs_is_refused(tmp_path, monkeypatch, capsys, command):
    """Outputs never land in references/, nor on a policy's own files wherever that policy lives."""
    refs = tmp_path / "references"
    shutil.copytree(ROOT / "references", refs)
    mine = tmp_path / "elsewhere" / "policy.md"
    shutil.copytree(ROOT / "references" / "regence-surgery-107", mine.parent)
    monkeypatch.setenv("KB_REFERENCES", str(refs))
    before = snapshot(tmp_path)
    argv = [a.format(refs=refs, mine=mine, mine_dir=mine.parent) for a in command]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and ("holds the policies and their curated tables" in err
                                     or "is one of the policy's own files" in err)
    assert snapshot(tmp_path) == before
