"""The site profile's parts: cumulative times of the calls that split a build, the rest being what is left."""
from types import SimpleNamespace

from kbdev.bench.site_profile import parts


def test_parts_add_up_to_the_profiled_total_and_nest_the_navigation():
    row = lambda seconds: (1, 1, 0.0, seconds, {})  # noqa: E731 - pstats' (calls, calls, own, cumulative, callers)
    stats = SimpleNamespace(total_tt=10.0, stats={
        ("/x/kb/site/plugin.py", 60, "on_files"): row(3.0),
        ("/x/markdown/core.py", 322, "convert"): row(2.5),
        ("/x/jinja2/environment.py", 1275, "render"): row(2.0),
        ("/x/material/templates/partials/nav.html", 4, "root"): row(1.2),
        ("/x/other.py", 1, "convert"): row(9.0),  # another file's function of the same name is not counted
    })
    found = dict(parts(stats))
    assert found["our plugin: checks, evidence, every page"] == 3.0
    assert found["MkDocs: Markdown to HTML"] == 2.5
    assert found["  of which the navigation in every page"] == 1.2
    assert found["start-up, imports, copying files, the rest"] == 10.0 - 3.0 - 2.5 - 2.0
    labels = list(found)
    assert labels.index("  of which the navigation in every page") == labels.index("Material: page templates") + 1
