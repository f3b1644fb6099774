"""Progress bars only when someone watches: on a terminal, not in a pipe or a log."""
import fcntl
import os
import pty
import select
import struct
import termios

from kb.progress import progress, terminal_fd_for_child


def test_no_terminal_no_bar(capsys, monkeypatch):
    monkeypatch.delenv("KB_PROGRESS_FD", raising=False)
    assert list(progress(range(3), "x")) == [0, 1, 2]
    assert capsys.readouterr().err == ""
    assert terminal_fd_for_child() is None  # pytest's stderr is no terminal


def _terminal():
    """A pseudo-terminal 100 columns wide: (the side a program reads, the side it draws on)."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    return leader, follower


def _drawn(leader) -> str:
    """Whatever was drawn so far, without waiting for more."""
    out = b""
    while select.select([leader], [], [], 0.2)[0]:
        chunk = os.read(leader, 65536)
        if not chunk:
            break
        out += chunk
    return out.decode("utf-8", "replace")


def test_a_terminal_named_by_fd_gets_the_bar(monkeypatch):
    leader, follower = _terminal()
    try:
        monkeypatch.setenv("KB_PROGRESS_FD", str(follower))
        assert list(progress(range(5), "checking", unit="policy")) == list(range(5))
        drawn = _drawn(leader)
    finally:
        os.close(leader)
        os.close(follower)
    assert "checking" in drawn and "/5 [" in drawn  # drawn, then cleared (the command prints its summary)


def test_kb_progress_0_turns_it_off(monkeypatch):
    leader, follower = _terminal()
    try:
        monkeypatch.setenv("KB_PROGRESS_FD", str(follower))
        monkeypatch.setenv("KB_PROGRESS", "0")
        assert list(progress(range(2), "x")) == [0, 1]
        drawn = _drawn(leader)
    finally:
        os.close(leader)
        os.close(follower)
    assert drawn == ""
