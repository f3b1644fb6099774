"""REF112 and REF113 say a part is missing only when the reader split the entry cleanly; otherwise info."""
import pytest

from kb.checks.ref_entries import missing_source, missing_title

from .policy_text import GOOD_ENTRIES, make_policy, run_rule


def _severities(rule, entry):
    return [f.severity for f in run_rule(rule, make_policy([entry] + GOOD_ENTRIES))]


@pytest.mark.parametrize("entry", [
    # a book whose publisher and page count follow the title after commas
    "Berger K. (2011). Haus - Hof - Garten: Eine kleine Geschichte des Landlebens, Residenz, 212.",
    # a publisher and year in brackets after the title
    "Okafor C. and Lind P., Why Widgets Matter So Much (Harbour Books, 2015).",
    # a journal run into the title, with volume and issue
    "Roe B et al (2017) Tracking widget use with phone sensors IEEE Transactions on Widget Science 12 (3)",
    # pages and a publisher cut off in brackets
    "Ng T, Alvarez M (2019) Widgetnet 3.0: a toolkit for widget analysis 101–108 (ACM",
    # a second sentence: a working-paper series and its institute
    "Duarte L, Pinto R. Desigualdad en el uso de widgets. un análisis regional. Serie de Estudios, DT 04/2016, "
    "Facultad de Economía. 2016",
    # a volume and the place and publisher of a handbook
    "Lowe S. (1961). *Handbook of Widgets*, Vol 2 Leeds: Arthur Pemberton.",
    # a place and publisher after a comma, run into the title
    "Carver RP. Widgets in the City,Oakland: Praeger.The Widget Years. 1998.",
    # a data centre named after town, region, country
    "Kim DJ, Park CL (2001) Widget concentrations from satellite data Boulder, Colorado, USA National Widget Center.",
    # an author part the reader cannot read ('Surname, I' with no stop), so the title may hold the names
    "Harlow, C 1999. Compilation of Widget Properties. USA: Widget Information Center: Fort Worth, TX.",
    # no author read: a body's name, then the title
    "Widget Canada. Re-evaluation decision: widgets containing DEET. 2004.",
])
def test_an_entry_the_reader_did_not_split_is_reported_at_info(entry):
    assert _severities(missing_source, entry) == ["info"]
    (f,) = run_rule(missing_source, make_policy([entry] + GOOD_ENTRIES))
    assert "may hold one" in f.message and f.citations == (1,)


@pytest.mark.parametrize("entry", [
    "Yi X, Lu H. Recompression in new levels after widget therapy. 2014.",
    "Andersen S. WidgetQC: a quality control tool for widget data. 2010.",
    "Horn BKP (1987) Closed-form solution of widget orientation using unit quaternions 4.",
    "Wang ZY, Cui BZ. Widgets in Qinghai, 2016. (in Chinese)",
    "Drummond A, Ashton B. Widgetous v5.6. 2012.",
    "Lee K, Moss T. User Manual for Widget Sequential Analysis (WSA).",
    "StataCorp (2015) Stata Statistical Software: Release 14.",
    "Human widgets and climate change in Pacific island countries. 2015. In press.",
    # the author's name inside a longer word of the title is no author part read as the title
    "Smithson A. Widgets of the Smithsonian collection. 2001.",
])
def test_an_entry_split_cleanly_without_a_source_is_a_warning(entry):
    assert _severities(missing_source, entry) == ["warning"]


@pytest.mark.parametrize("entry", [
    # F1000: the title and the server in one italic span
    "Brook N, Fisher C, et al.: *Open widgets, but correctly! Lessons from a town study. WidgetArXiv.* 2020.",
    # a standalone work's title in italics, no volume or pages
    "Sadler, K. , T. Khara . 2021. *Best Practice in Preventing Widget Loss Within the Wider Context*. "
    "https://example.org/widgets.",
])
def test_an_italic_span_that_may_hold_the_title_is_reported_at_info(entry):
    (f,) = run_rule(missing_title, make_policy([entry] + GOOD_ENTRIES))
    assert f.severity == "info" and "may hold the title" in f.message


def test_a_journal_without_a_title_is_still_a_warning():
    (f,) = run_rule(missing_title, make_policy(["Smith AB, Jones C. *Lancet*. 2015;385(9):100-9."] + GOOD_ENTRIES))
    assert f.severity == "warning" and f.message.endswith("has no title")
    (g,) = run_rule(missing_title, make_policy(["Smith AB, Jones C. *Widget Journal*. 2015."] + GOOD_ENTRIES))
    assert g.severity == "warning"


def test_an_entry_of_a_name_and_a_year_only_lacks_its_source_for_sure():
    assert _severities(missing_source, "Saru D. 1997.") == ["warning"]
    assert _severities(missing_title, "Saru D. 1997.") == ["warning"]


def test_an_apa_like_name_in_a_numbered_list_is_read_and_its_publisher_found():
    # 'Surname, I.' (the stop is the initial's) was once read as the title; now the entry splits cleanly
    entry = "Harlow, C. 1999. Compilation of Widget Properties. USA: Widget Information Center: Fort Worth, TX."
    assert _severities(missing_source, entry) == [] and _severities(missing_title, entry) == []
