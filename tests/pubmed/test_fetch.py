"""kb pubmed fetch: batches, pacing, retries and the cache, against a local fake E-utilities server."""
import pytest

from kb.cli import main
from kb.errors import KbError
from kb.pubmed.eutils import Cache, Client, fetch_records
from kb.pubmed.load import read_records

from .fake_eutils import FakeEutils

ALL = ["11748933", "11700088", "27797938", "28775130", "29963580"]


class FakeClock:
    def __init__(self):
        self.now = 0.0
        self.sleeps = []

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        self.sleeps.append(seconds)
        self.now += seconds


def client(url, **kw):
    clock = FakeClock()
    return Client(base_url=url, clock=clock, sleep=clock.sleep, **kw), clock


def test_fetch_fills_the_cache_and_a_second_run_asks_nothing(tmp_path):
    with FakeEutils() as fake:
        c, _ = client(fake.url)
        done = fetch_records(ALL + ["99999999"], [], Cache(tmp_path), c)
        assert (done.fetched, done.cached, done.missing) == (5, 0, ("99999999",))
        assert sorted(p.name for p in tmp_path.glob("*.xml")) == sorted(f"{p}.xml" for p in ALL)
        assert {r.pmid for r in read_records([tmp_path])} == set(ALL)
        before = len(fake.requests)
        again = fetch_records(ALL + ["99999999"], [], Cache(tmp_path), client(fake.url)[0])
        assert (again.fetched, again.cached, again.requests) == (0, 5, 0) and len(fake.requests) == before


def test_batches_of_200_and_the_pace_without_and_with_a_key(tmp_path):
    with FakeEutils() as fake:
        c, clock = client(fake.url)
        pmids = ALL + [str(90000000 + i) for i in range(400)]
        fetch_records(pmids, [], Cache(tmp_path), c)
        sizes = [len(params["id"].split(",")) for path, params in fake.requests if path.endswith("efetch.fcgi")]
        assert sizes == [200, 200, 5]
        assert clock.sleeps and min(clock.sleeps) >= 0.33  # 3 requests a second at most
        keyed, keyed_clock = client(fake.url, api_key="k")
        fetch_records([str(80000000 + i) for i in range(400)], [], Cache(tmp_path / "k"), keyed)
        assert 0.1 <= min(keyed_clock.sleeps) < 0.2 and fake.requests[-1][1]["api_key"] == "k"


def test_retries_with_backoff_then_succeeds(tmp_path):
    with FakeEutils(failures=[503, 429, 500]) as fake:
        c, clock = client(fake.url, backoff=0.5)
        done = fetch_records(ALL[:2], [], Cache(tmp_path), c)
        assert done.fetched == 2 and len(fake.requests) == 4
        assert 0 in clock.sleeps  # Retry-After: 0 is honoured


def test_gives_up_with_one_line(tmp_path):
    with FakeEutils(failures=[503] * 3) as fake:
        c, clock = client(fake.url, attempts=3, backoff=0.5)
        with pytest.raises(KbError, match=r"did not answer after 3 tries \(HTTP 503\)"):
            fetch_records(ALL, [], Cache(tmp_path), c)
        assert not list(tmp_path.glob("*.xml"))


def test_backoff_doubles_on_network_errors(tmp_path):
    import urllib.error

    calls = []

    def broken(request, timeout):
        calls.append(request.full_url)
        raise urllib.error.URLError("connection refused")

    clock = FakeClock()
    c = Client(base_url="http://127.0.0.1:9/", opener=broken, clock=clock, sleep=clock.sleep, attempts=4, backoff=1)
    with pytest.raises(KbError, match="connection refused"):
        fetch_records(["1"], [], Cache(tmp_path), c)
    assert [s for s in clock.sleeps if s >= 1] == [1, 2, 4] and len(calls) == 4


def test_dois_are_searched_and_remembered(tmp_path):
    with FakeEutils() as fake:
        done = fetch_records([], ["10.1136/gutjnl-2016-312510", "10.9999/none"], Cache(tmp_path), client(fake.url)[0])
        assert done.dois_found == 1 and (tmp_path / "27797938.xml").is_file()
        n = len(fake.requests)
        fetch_records([], ["10.1136/gutjnl-2016-312510", "10.9999/none"], Cache(tmp_path), client(fake.url)[0])
        assert len(fake.requests) == n


def test_unwritable_cache_folder_is_refused():
    # /proc refuses new folders even to root, which every other permission test here would be run as.
    with pytest.raises(KbError, match="cache folder cannot be written"):
        Cache("/proc/kb-pubmed-cache")


def test_cache_that_is_a_file_is_refused(tmp_path):
    blocker = tmp_path / "pubmed"
    blocker.write_text("not a folder")
    with pytest.raises(KbError, match="cache folder cannot be written"):
        Cache(blocker)


def test_cli_fetch_then_verify_offline(tmp_path, capsys):
    folder = tmp_path / "p"
    folder.mkdir()
    (folder / "policy.md").write_text(
        "# P\n\n## EVIDENCE SUMMARY\n\nIt works.<sup>[1, 2]</sup>\n\n### REFERENCES\n\n"
        "1. Bao Y, Prescott J. Leucocyte telomere length, genetic variants at the TERT gene region and risk of "
        "pancreatic cancer. *Gut*. 2016. Epub ahead of print. PMID: 27797938\n"
        "2. Lerro CC. Occupational pesticide exposure and subclinical hypothyroidism among male pesticide "
        "applicators. *Occup Environ Med*. 2018;75(2):79-89. doi: 10.1136/oemed-2017-104431\n")
    with FakeEutils() as fake:
        assert main(["pubmed", "fetch", str(folder / "policy.md"), "--base-url", fake.url]) == 0
    assert "2 records fetched" in capsys.readouterr().err
    assert main(["pubmed", "verify", str(folder / "policy.md"), "--format", "json"]) == 0  # offline: server gone
    out = capsys.readouterr()
    assert '"PMD103"' in out.out and '"PMD107"' in out.out and "add PMID: 28775130" in out.out
    assert main(["check", str(folder / "policy.md"), "--select", "PMD"]) == 0  # kb check reads the folder too
    assert "PMD103" in capsys.readouterr().out


def test_cli_unwritable_cache_is_exit_2(tmp_path, capsys):
    (tmp_path / "file").write_text("x")
    assert main(["pubmed", "fetch", "--cache", str(tmp_path / "file"), "--base-url", "http://127.0.0.1:9/"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cache folder cannot be written" in err
