"""A pseudo-terminal for tests of what a program draws on a terminal (progress bars) and not in a pipe."""
import fcntl
import os
import pty
import select
import struct
import termios


def terminal():
    """A pseudo-terminal 100 columns wide: (the side a program reads, the side it draws on)."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    return leader, follower


def drawn(leader) -> str:
    """Whatever was drawn so far, without waiting for more."""
    out = b""
    while select.select([leader], [], [], 0.2)[0]:
        chunk = os.read(leader, 65536)
        if not chunk:
            break
        out += chunk
    return out.decode("utf-8", "replace")
