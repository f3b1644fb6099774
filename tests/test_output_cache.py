"""kb check and kb info keep their answer for unchanged inputs, and only for unchanged inputs.

The rest of the suite runs with KB_CACHE=0 (tests/conftest.py), so that a
test that replaces a function sees it run; these tests turn the cache on,
with the project (and so the cache) in a temporary folder.
"""
import json
import shutil
from pathlib import Path

import pytest

import kb.commands.check as check_command
import kb.commands.info as info_command
from kb import output_cache
from kb.cli import main
from tests.checks.policy_text import make_policy

BUNDLED = Path(__file__).resolve().parent.parent / "references" / "regence-surgery-107"


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.setenv("KB_CACHE", "1")
    monkeypatch.setenv("KB_PROJECT", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "references" / "widget"
    folder.mkdir(parents=True)
    (folder / "policy.md").write_text(make_policy(), encoding="utf-8")
    return folder


@pytest.fixture
def loads(monkeypatch):
    """How many times each command really read a policy."""
    counts = {"check": 0, "info": 0}
    for name, module in (("check", check_command), ("info", info_command)):
        real = module.load_path

        def counted(path, *a, _real=real, _name=name, **k):
            counts[_name] += 1
            return _real(path, *a, **k)
        monkeypatch.setattr(module, "load_path", counted)
    return counts


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def entries(project: Path) -> list[Path]:
    return sorted((project.parent.parent / ".kb-cache" / "output").rglob("*.json"))


def test_a_second_run_prints_the_same_answer_without_reading_the_policy(project, loads, capsys):
    first = run(capsys, "check", "--format", "json", str(project))
    second = run(capsys, "check", "--format", "json", str(project))
    assert second == first and loads["check"] == 1
    assert len(entries(project)) == 1


def test_info_is_kept_too_in_each_format(project, loads, capsys):
    for fmt in ("text", "json", "text"):
        run(capsys, "info", "--format", fmt, str(project))
    assert loads["info"] == 2


def test_the_bundled_policy_answers_byte_for_byte_the_same_from_the_cache(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "references" / BUNDLED.name
    shutil.copytree(BUNDLED, folder)
    monkeypatch.setenv("KB_PROJECT", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    for argv in (["check"], ["check", "--format", "json"], ["info"], ["info", "--format", "json"]):
        monkeypatch.setenv("KB_CACHE", "0")
        fresh = run(capsys, *argv, str(folder))
        monkeypatch.setenv("KB_CACHE", "1")
        stored, replayed = run(capsys, *argv, str(folder)), run(capsys, *argv, str(folder))
        assert fresh == stored == replayed, argv


@pytest.mark.parametrize("change", ["text", "waiver", "new table", "option", "record folder"])
def test_each_input_changes_the_answer(project, loads, capsys, change):
    policy = project / "policy.md"
    run(capsys, "check", str(policy))
    argv = ["check", str(policy)]
    if change == "text":
        policy.write_text(make_policy(body="Jones (2015) found a benefit.<sup>[1]</sup>"), encoding="utf-8")
    elif change == "waiver":
        (project / "waivers.csv").write_text("code,line,citation,reason,reviewer,date\n", encoding="utf-8")
    elif change == "new table":
        (project / "certainty.csv").write_text("x\n", encoding="utf-8")
    elif change == "option":
        argv += ["--select", "REF"]
    else:
        (project / "pubmed").mkdir()
        (project / "pubmed" / "1.xml").write_text("<PubmedArticleSet/>", encoding="utf-8")
    run(capsys, *argv)
    assert loads["check"] == 2


def test_an_edit_to_the_tool_is_a_new_answer(project, loads, capsys, monkeypatch, tmp_path):
    package = tmp_path / "fake-kb"
    package.mkdir()
    (package / "rule.py").write_text("A = 1\n", encoding="utf-8")
    monkeypatch.setattr(output_cache, "_KB_PACKAGE", package)
    run(capsys, "check", str(project))
    (package / "rule.py").write_text("A = 22\n", encoding="utf-8")  # a new size: seen whatever the clock
    run(capsys, "check", str(project))
    run(capsys, "check", str(project))
    assert loads["check"] == 2


def test_no_cache_and_the_environment_switch_read_the_policy_every_time(project, loads, capsys, monkeypatch):
    run(capsys, "check", str(project))
    run(capsys, "check", "--no-cache", str(project))
    monkeypatch.setenv("KB_CACHE", "0")
    run(capsys, "check", str(project))
    run(capsys, "info", str(project))
    run(capsys, "info", str(project))
    assert loads == {"check": 3, "info": 2}


def test_a_damaged_entry_is_computed_again(project, loads, capsys):
    first = run(capsys, "check", str(project))
    [entry] = entries(project)
    entry.write_text('{"stdout": 3', encoding="utf-8")
    assert run(capsys, "check", str(project)) == first and loads["check"] == 2
    assert json.loads(entry.read_text(encoding="utf-8"))["stdout"] == first[1]


def test_a_cache_that_cannot_be_written_only_costs_time(project, loads, capsys):
    (project.parent.parent / ".kb-cache").write_text("a file where the folder would go", encoding="utf-8")
    first = run(capsys, "check", str(project))
    assert run(capsys, "check", str(project)) == first and loads["check"] == 2


def test_a_failure_is_not_kept(project, loads, capsys, monkeypatch):
    monkeypatch.setattr(info_command, "summarize", lambda kb: 1 / 0)
    assert run(capsys, "info", str(project))[0] == 3
    assert entries(project) == []


def test_what_the_command_said_on_stderr_is_said_again(project, capsys, tmp_path):
    def noisy():
        import sys

        print("a warning", file=sys.stderr)
        return "the report\n", 1

    for _ in range(2):
        assert output_cache.replay_or_run(tmp_path, output_cache.Key("ab" * 32, "cd" * 32), noisy) == 1
        assert capsys.readouterr() == ("the report\n", "a warning\n")


def test_a_file_outside_a_policy_folder_reads_only_its_neighbours(tmp_path):
    (tmp_path / "notes.md").write_text(make_policy(), encoding="utf-8")
    deep = tmp_path / "photos" / "2019"
    deep.mkdir(parents=True)
    (deep / "big.bin").write_bytes(b"x")
    before = output_cache.key("check", {}, tmp_path / "notes.md", "s")
    (deep / "big.bin").write_bytes(b"changed")
    assert output_cache.key("check", {}, tmp_path / "notes.md", "s") == before
    (tmp_path / "waivers.csv").write_text("code\n", encoding="utf-8")
    after = output_cache.key("check", {}, tmp_path / "notes.md", "s")
    assert after.digest != before.digest and after.slot == before.slot


def test_an_edited_policy_replaces_its_kept_answer_instead_of_adding_one(project, loads, capsys):
    policy = project / "policy.md"
    for body in ("Jones (2015) found a benefit.<sup>[1]</sup>", "Smith (2015) found a benefit.<sup>[1]</sup>"):
        policy.write_text(make_policy(body=body), encoding="utf-8")
        run(capsys, "check", str(policy))
    assert len(entries(project)) == 1 and loads["check"] == 2


def test_several_policies_read_again_only_the_one_that_changed(project, capsys, monkeypatch):
    import kb.knowledge.base as base

    other = project.parent / "gadget"
    other.mkdir()
    (other / "policy.md").write_text(make_policy(body="Jones (2015) found a benefit.<sup>[1]</sup>"),
                                     encoding="utf-8")
    read = []
    real = base.load_knowledge_base
    monkeypatch.setattr(base, "load_knowledge_base", lambda path, *a, **k: read.append(path.parent.name)
                        or real(path, *a, **k))
    first = run(capsys, "check", "--all", "--format", "json")
    assert run(capsys, "check", "--all", "--format", "json") == first and sorted(read) == ["gadget", "widget"]
    (other / "waivers.csv").write_text("code,line,citation,reason,reviewer,date\n", encoding="utf-8")
    assert run(capsys, "check", "--all", "--format", "json") == first and read[2:] == ["gadget"]
    run(capsys, "check", "--all", "--no-cache")
    assert len(read) == 5
