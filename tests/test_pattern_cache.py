"""kb.pattern_cache: compiled patterns kept between runs behave exactly as freshly compiled ones."""
import marshal
import re
import subprocess
import sys

import pytest

from kb import pattern_cache

PATTERNS = [(r"\b(?P<n>\d+(?:\.\d+)?)[\s-](?P<unit>day|week)s?\b", re.IGNORECASE), (r"(?m)^(\d+)\. ", 0),
            (rb"<sup>\[([^\]]*)\]</sup>", 0), (r"(?<!not )significant(?:ly)?|\bno differences?\b", re.I | re.X)]

needs_311 = pytest.mark.skipif(not (sys.implementation.name == "cpython" and sys.version_info[:2] == (3, 11)),
                               reason="the cache works on CPython 3.11 only")


@needs_311
@pytest.mark.parametrize("pattern, flags", PATTERNS)
def test_a_kept_pattern_is_the_compiled_pattern(pattern, flags):
    kept = pattern_cache._compiled(marshal.loads(marshal.dumps(pattern_cache._entry(pattern, int(flags)))))
    fresh = re.compile(pattern, flags)
    assert kept == fresh  # same pattern, flags and engine code
    assert (kept.groups, kept.groupindex, kept.flags) == (fresh.groups, fresh.groupindex, fresh.flags)


def _run(tmp_path, code: str, **env) -> subprocess.CompletedProcess:
    """A fresh interpreter whose cache folder is tmp_path (the preload runs once per process)."""
    prelude = f"import re, sys\nfrom pathlib import Path\nfrom kb import pattern_cache as pc\npc._FOLDER = Path({str(tmp_path)!r})\n"
    return subprocess.run([sys.executable, "-c", prelude + code], capture_output=True, text=True,
                          env={"PATH": "", "KB_COMPILE_CACHE": "1", **env}, check=True)


@needs_311
def test_a_run_keeps_its_patterns_and_the_next_run_finds_them(tmp_path):
    _run(tmp_path, "pc.preload('t')\nre.compile(r'(?P<w>ab+c)', re.I)\n")
    stamp, entries = marshal.loads((tmp_path / pattern_cache._path("t").name).read_bytes())
    assert stamp == pattern_cache._stamp() and ("(?P<w>ab+c)", int(re.I)) in [e[:2] for e in entries]
    out = _run(tmp_path, "pc.preload('t')\nprint((str, '(?P<w>ab+c)', int(re.I)) in re._cache)\n").stdout
    assert out.strip() == "True"


@needs_311
@pytest.mark.parametrize("content", ["broken", "stale"])
def test_a_stale_or_broken_file_is_passed_over(tmp_path, content):
    # The stale file's entry for 'x' holds the code of 'y': used, 'x' would no longer find an x.
    wrong = ("x", *pattern_cache._entry("y", 0)[1:])
    data = b"not marshal" if content == "broken" else marshal.dumps((("another python",), [wrong]))
    (tmp_path / pattern_cache._path("t").name).write_bytes(data)
    out = _run(tmp_path, "pc.preload('t')\nprint(re.compile('x').search('axb').group())\n").stdout
    assert out.strip() == "x"


def test_switched_off_nothing_is_written(tmp_path):
    _run(tmp_path, "pc.preload('t')\nre.compile('off(on)?')\n", KB_COMPILE_CACHE="0")
    assert not list(tmp_path.iterdir())


def test_without_bytecode_writing_nothing_is_written(tmp_path):
    _run(tmp_path, "pc.preload('t')\nre.compile('off(on)?')\n", PYTHONDONTWRITEBYTECODE="1")
    assert not list(tmp_path.iterdir())


def test_an_edit_to_the_package_starts_the_file_afresh(tmp_path, monkeypatch):
    """Patterns no run uses any more must not keep their places: the stamp follows the package's sources."""
    package = tmp_path / "kb"
    package.mkdir()
    (package / "pattern_cache.py").write_text("# a stand-in for the package\n")
    monkeypatch.setattr(pattern_cache, "__file__", str(package / "pattern_cache.py"))
    before = pattern_cache._sources()
    assert pattern_cache._sources() == before  # the same sources, the same stamp
    (package / "rules.py").write_text("PATTERN = r'widget'\n")
    added = pattern_cache._sources()
    (package / "rules.py").write_text("PATTERN = r'widgets?'\n")
    assert len({before, added, pattern_cache._sources()}) == 3
