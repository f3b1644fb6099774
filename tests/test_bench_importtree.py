"""The import-tree view of the startup bench reads python -X importtime output into a tree (figures not asserted)."""
from kbdev.bench.importtree import median_tree, parse_importtime, tree_lines

RUN = """import time: self [us] | cumulative | imported package
import time:       100 |        100 |     c
import time:       200 |        300 |   b
import time:        50 |        350 | a
import time:        10 |         10 | d
"""


def test_children_are_read_under_their_parent():
    tree = parse_importtime(RUN)
    assert [n.name for n in tree] == ["a", "d"]
    (b,) = tree[0].children
    assert b.name == "b" and b.cumulative_us == 300 and [c.name for c in b.children] == ["c"]


def test_the_tree_takes_each_module_median_and_leaves_out_small_imports():
    slower = RUN.replace("       200 |        300 |   b", "       600 |        700 |   b")
    tree = median_tree([parse_importtime(RUN), parse_importtime(slower), parse_importtime(slower)])
    assert tree[0].children[0].cumulative_us == 700
    lines = tree_lines(tree, total_us=1000, share=0.05)
    assert [line.split()[-1] for line in lines] == ["a", "b", "c"]  # d (1%) is left out
    assert lines[1].endswith("  b") and lines[2].endswith("    c")  # indented by depth
