"""kb.dataclass_cache: record types made from kept code behave exactly as freshly compiled ones."""
import marshal
import subprocess
import sys

from kb import dataclass_cache

RECORD = """
from dataclasses import dataclass, FrozenInstanceError
@dataclass(frozen=True)
class Point:
    x: int
    y: int = 2
p = Point(1)
try:
    p.x = 5
    frozen = False
except FrozenInstanceError:
    frozen = True
print(repr(p), p == Point(1, 2), hash(p) == hash(Point(1, 2)), frozen, len(dc._state.get('new', ())))
print(Point.__doc__, Point.__init__.__annotations__)
"""
SAME = "Point(x=1, y=2) True True True "
DOC = "Point(x: int, y: int = 2) {'x': <class 'int'>, 'y': <class 'int'>, 'return': None}"


def _run(tmp_path, code: str, **env) -> str:
    """A fresh interpreter whose cache folder is tmp_path (the preload runs once per process)."""
    prelude = (f"import sys\nfrom pathlib import Path\nfrom kb import dataclass_cache as dc\n"
               f"dc._FOLDER = Path({str(tmp_path)!r})\ndc.preload('t')\n")
    return subprocess.run([sys.executable, "-c", prelude + code], capture_output=True, text=True,
                          env={"PATH": "", "KB_COMPILE_CACHE": "1", **env}, check=True).stdout.strip()


def test_the_second_run_compiles_nothing_and_its_records_behave_the_same(tmp_path):
    first, doc = _run(tmp_path, RECORD).splitlines()
    assert first.startswith(SAME) and not first.endswith(" 0") and doc == DOC
    _stamp, kept = marshal.loads((tmp_path / dataclass_cache._path("t").name).read_bytes())
    assert any("def __init__(self,x:_type_x,y:_type_y=_dflt_y)" in source for source in kept)
    assert _run(tmp_path, RECORD).splitlines() == [SAME + "0", DOC]


def test_a_stale_file_is_passed_over(tmp_path):
    _run(tmp_path, RECORD)
    path = tmp_path / dataclass_cache._path("t").name
    _stamp, kept = marshal.loads(path.read_bytes())
    # Another interpreter's file whose __repr__ code is another method's: used, the repr would break.
    wrong = {source: kept[next(s for s in kept if "__eq__" in s)] if "__repr__" in source else code
             for source, code in kept.items()}
    path.write_bytes(marshal.dumps((("another python",), wrong)))
    assert _run(tmp_path, RECORD).startswith(SAME)


def test_switched_off_or_without_bytecode_nothing_is_written(tmp_path):
    _run(tmp_path, RECORD, KB_COMPILE_CACHE="0")
    _run(tmp_path, RECORD, PYTHONDONTWRITEBYTECODE="1")
    assert not list(tmp_path.iterdir())
