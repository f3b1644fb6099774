"""Progress bars only when someone watches: on a terminal, not in a pipe or a log."""
import os

from kb.progress import progress, terminal_fd_for_child
from ptytools import drawn, terminal


def test_no_terminal_no_bar(capsys, monkeypatch):
    monkeypatch.delenv("KB_PROGRESS_FD", raising=False)
    assert list(progress(range(3), "x")) == [0, 1, 2]
    assert capsys.readouterr().err == ""
    assert terminal_fd_for_child() is None  # pytest's stderr is no terminal


def test_a_terminal_named_by_fd_gets_the_bar(monkeypatch):
    leader, follower = terminal()
    try:
        monkeypatch.setenv("KB_PROGRESS_FD", str(follower))
        assert list(progress(range(5), "checking", unit="policy")) == list(range(5))
        screen = drawn(leader)
    finally:
        os.close(leader)
        os.close(follower)
    assert "checking" in screen and "/5 [" in screen  # drawn, then cleared (the command prints its summary)


def test_kb_progress_0_turns_it_off(monkeypatch):
    leader, follower = terminal()
    try:
        monkeypatch.setenv("KB_PROGRESS_FD", str(follower))
        monkeypatch.setenv("KB_PROGRESS", "0")
        assert list(progress(range(2), "x")) == [0, 1]
        screen = drawn(leader)
    finally:
        os.close(leader)
        os.close(follower)
    assert screen == ""
