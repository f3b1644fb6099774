"""Where start-up goes: `python -X importtime` of kb info and kb check, as a tree by cumulative time.

Each command runs several times; every module's self and cumulative
microseconds are the median over the runs (a shared machine makes any one
run noisy), and the tree prints the imports above a share of the total.
"""
from __future__ import annotations

import statistics
import subprocess
from dataclasses import dataclass, field

from kbdev.bench import PYTHON, bench_env

DESCRIPTION = "the import tree of kb info and kb check (python -X importtime, median of the runs)"
SHARE = 0.03  # modules below this share of the total import time are left out of the tree


@dataclass
class Node:
    name: str
    self_us: float
    cumulative_us: float
    children: list = field(default_factory=list)


def parse_importtime(stderr: str) -> list[Node]:
    """The top-level imports of one run, each with its children (importtime prints a child before its parent)."""
    pending: dict[int, list[Node]] = {}
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "| imported package" in line:
            continue
        self_us, cumulative_us, label = line[len("import time:"):].split("|", 2)
        depth = (len(label) - len(label.lstrip(" ")) - 1) // 2
        node = Node(label.strip(), float(self_us), float(cumulative_us), pending.pop(depth + 1, []))
        pending.setdefault(depth, []).append(node)
    return pending.get(0, [])


def _flatten(nodes: list[Node], path: tuple = ()) -> dict[tuple, Node]:
    out = {}
    for node in nodes:
        key = path + (node.name,)
        out[key] = node
        out.update(_flatten(node.children, key))
    return out


def median_tree(runs: list[list[Node]]) -> list[Node]:
    """The first run's tree with every node's times replaced by their median over the runs."""
    flat = [_flatten(r) for r in runs]
    for key, node in flat[0].items():
        node.self_us = statistics.median(f[key].self_us for f in flat if key in f)
        node.cumulative_us = statistics.median(f[key].cumulative_us for f in flat if key in f)
    return runs[0]


def import_runs(args: list[str], repeats: int) -> list[list[Node]]:
    env = bench_env()
    runs = []
    for _ in range(repeats):
        proc = subprocess.run([PYTHON, "-X", "importtime", "-m", "kb", *args], stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True, env=env)
        runs.append(parse_importtime(proc.stderr))
    return runs


def tree_lines(nodes: list[Node], total_us: float, share: float = SHARE, depth: int = 0) -> list[str]:
    lines = []
    for node in sorted(nodes, key=lambda n: -n.cumulative_us):
        if node.cumulative_us < share * total_us:
            continue
        lines.append(f"{node.cumulative_us / 1000:7.1f} ms {node.self_us / 1000:6.1f} ms  {'  ' * depth}{node.name}")
        lines += tree_lines(node.children, total_us, share, depth + 1)
    return lines


def report(args: list[str], repeats: int, share: float = SHARE) -> list[str]:
    """Lines: the total import time, then the tree (cumulative, self, module) of the imports above ``share``."""
    tree = median_tree(import_runs(args, repeats))
    total = sum(n.cumulative_us for n in tree)
    head = (f"imports of kb {' '.join(args[:1])}: {total / 1000:.1f} ms in {sum(1 for _ in _flatten(tree))} modules "
            f"(median of {repeats} runs; below, those over {share:.0%}: cumulative, self, module)")
    return [head, *tree_lines(tree, total, share)]


def run(options) -> list[str]:
    from kb.paths import default_policy

    policy = str(options.policy or default_policy())
    repeats = max(3, options.repeats)
    return [*report(["info", policy], repeats), *report(["check", "--format", "json", policy], repeats)]
