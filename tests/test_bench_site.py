"""The site benchmark compares like with like: its baselines have our pages' paths and navigation."""
from kbdev.bench.site import _generated_docs, _our_pages, _plain_docs


def test_baselines_mirror_the_pages_of_our_build(tmp_path, bundled_path):
    files, handwritten, nav = _our_pages(str(bundled_path))
    pages = sorted(p for p in files if p.endswith(".md")) + handwritten
    _plain_docs(pages, tmp_path / "plain")
    _generated_docs(files, tmp_path / "generated")
    plain = sorted(p.relative_to(tmp_path / "plain").as_posix() for p in (tmp_path / "plain").rglob("*.md"))
    assert plain == sorted(pages) and "references/5.md" in plain and "how-to-read.md" in plain
    generated = tmp_path / "generated"
    assert (generated / "index.md").read_text().startswith("# Percutaneous Vertebroplasty")
    assert (generated / "downloads" / "graph.graphml").is_file()

    def paths(node):
        if isinstance(node, str):
            yield node
        else:
            for v in (node.values() if isinstance(node, dict) else node):
                yield from paths(v)

    assert set(paths(nav)) <= set(pages)
