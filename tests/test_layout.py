"""The package's shape: imports point one way (no cycles, counting imports inside functions too) and no module
imports another module's private name."""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _modules() -> dict[str, Path]:
    out = {}
    for path in (ROOT / "kb").rglob("*.py"):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def _type_checking_lines(tree) -> set[int]:
    """Lines under ``if TYPE_CHECKING:``: annotations only, never run."""
    lines = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
            for inner in node.body:
                lines.update(range(inner.lineno, (inner.end_lineno or inner.lineno) + 1))
    return lines


def _imports(modules):
    """(importer, imported module, names) for every import of a kb module, at any depth, outside TYPE_CHECKING."""
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _type_checking_lines(tree)
        for node in ast.walk(tree):
            if node.lineno in skip if hasattr(node, "lineno") else False:
                continue
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - node.level + 1]
                    target = ".".join(base + ([node.module] if node.module else []))
                else:
                    target = node.module or ""
                for alias in node.names:
                    sub = f"{target}.{alias.name}"
                    if sub in modules:  # 'from kb.site.pages import links' imports the submodule
                        yield name, sub, ()
                    elif target in modules:
                        yield name, target, (alias.name,)
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name in modules:
                        yield name, alias.name, ()


def test_no_import_cycles():
    import networkx as nx

    modules = _modules()
    g = nx.DiGraph((a, b) for a, b, _ in _imports(modules) if a != b and not b.startswith(a + "."))
    cycles = sorted(" -> ".join(c) for c in nx.simple_cycles(g))
    assert cycles == []


def test_no_module_imports_a_private_name_of_another():
    found = [f"{a} imports {b}.{n}" for a, b, names in _imports(_modules()) for n in names
             if n.startswith("_") and not n.endswith("__") and a != b]
    assert found == []


def test_the_layout_check_can_fail(tmp_path, monkeypatch):
    """A planted cycle and a planted private import are found (the checks above are not vacuous)."""
    modules = {"kb.a": tmp_path / "a.py", "kb.b": tmp_path / "b.py"}
    modules["kb.a"].write_text("from kb.b import _hidden\n")
    modules["kb.b"].write_text("def f():\n    from kb.a import x\n")
    edges = list(_imports(modules))
    assert ("kb.a", "kb.b", ("_hidden",)) in edges and ("kb.b", "kb.a", ("x",)) in edges
