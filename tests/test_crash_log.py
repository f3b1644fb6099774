"""The crash log: a private folder of the user's, a fresh unguessable name, never written through a link."""
import os
import stat

import pytest

from kb.cli import main
from kb.crashlog import log_folder, write_crash_log


@pytest.fixture
def state(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    return tmp_path / "state" / "policykb"


def test_the_log_is_private_and_its_name_unique(state):
    first, second = write_crash_log("one"), write_crash_log("two")
    assert first != second  # two crashes in the same second do not share (or overwrite) a log
    assert log_folder() == state
    assert stat.S_IMODE(os.stat(state).st_mode) == 0o700
    for path in (first, second):
        assert os.path.dirname(path) == str(state)
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_a_crash_writes_its_log_in_the_users_state_folder_not_the_shared_temp(state, monkeypatch, capsys):
    import kb.commands.info as info

    monkeypatch.setattr(info, "summarize", lambda kb: 1 / 0)
    assert main(["info"]) == 3
    err = capsys.readouterr().err
    log = err.rsplit(" ", 1)[1].strip()
    assert os.path.dirname(log) == str(state)
    assert "ZeroDivisionError" in open(log, encoding="utf-8").read()


def test_a_folder_planted_as_a_link_is_refused(state, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    state.parent.mkdir(parents=True)
    state.symlink_to(elsewhere)
    with pytest.raises(OSError):
        write_crash_log("secret")
    assert list(elsewhere.iterdir()) == []


def test_a_folder_others_can_read_is_made_private(state):
    state.mkdir(parents=True, mode=0o755)
    os.chmod(state, 0o755)
    write_crash_log("x")
    assert stat.S_IMODE(os.stat(state).st_mode) == 0o700
