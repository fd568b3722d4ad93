"""The Python bindings against the shi command on the same arguments: every
cell of the command's CSV (reals written at full precision, so equal as
doubles), the report's text and HTML byte for byte, and shi's error messages."""
import csv
import io
import math
import os
import subprocess

import numpy as np
import pytest

import shi


def run_cli(cli, *args, check=True):
    p = subprocess.run([cli, *args], capture_output=True, text=True)
    if check and p.returncode != 0:
        raise AssertionError(f"{args}: exit {p.returncode}: {p.stderr}")
    return p


def cli_rows(cli, *args):
    out = run_cli(cli, *args, "--format", "csv").stdout
    rows = list(csv.reader(io.StringIO(out)))
    return rows[0], rows[1:]


def cell_equal(text, value):
    """A CSV cell of the command and the binding's value for it."""
    missing = value is None or value is getattr(__import__("pandas"), "NA", object()) or (
        isinstance(value, float) and math.isnan(value))
    if text == "":
        return missing
    if missing:
        return False
    if isinstance(value, (bool, np.bool_)):
        return text == ("1" if value else "0")
    if isinstance(value, (int, np.integer)):
        return int(text) == int(value)
    if isinstance(value, (float, np.floating)):
        return float(text) == float(value)
    return text == value


def assert_same(header, rows, columns):
    """`columns`: name -> sequence, as the binding returns them."""
    assert list(columns) == header
    n = len(rows)
    for name in header:
        assert len(columns[name]) == n, name
    for j, name in enumerate(header):
        col = columns[name]
        for i in range(n):
            assert cell_equal(rows[i][j], col[i]), (name, i, rows[i][j], col[i])


DYAD_CASES = [
    # (binding kwargs, CLI arguments)
    (dict(years=(1900, 1905), add=["cinc", "contiguity", "distance", "alliance", "major"]),
     ["--years", "1900-1905", "--add", "cinc,contiguity,distance,alliance,major"]),
    (dict(years=range(1998, 2002), directed=True, add="all", states="USA,RUS,CHN"),
     ["--years", "1998-2001", "--directed", "--add", "all", "--states", "USA,RUS,CHN"]),
    (dict(years=2010, states=["IND", "PAK"], add="threat,vetoes"),
     ["--years", "2010-2010", "--states", "IND,PAK", "--add", "threat,vetoes"]),
]


@pytest.mark.parametrize("kwargs,args", DYAD_CASES)
def test_dyads_pandas(shi_cli, kwargs, args):
    header, rows = cli_rows(shi_cli, "dyads", *args)
    df = shi.dyads(**kwargs)
    assert_same(header, rows, {c: df[c].tolist() for c in df.columns})


@pytest.mark.parametrize("kwargs,args", DYAD_CASES[1:2])
def test_dyads_numpy(shi_cli, kwargs, args):
    header, rows = cli_rows(shi_cli, "dyads", *args)
    cols = shi.dyads(as_pandas=False, **kwargs)
    assert all(isinstance(v, np.ndarray) for v in cols.values())
    assert cols["year"].dtype == np.int32 and cols["major1"].dtype == np.bool_
    assert_same(header, rows, {c: list(v) for c, v in cols.items()})


def test_dyads_types(shi_cli):
    df = shi.dyads(years=(2000, 2001), add="cinc,major,contiguity,alliance")
    assert str(df["year"].dtype) == "int32"
    assert str(df["cinc1"].dtype) == "float64"
    assert str(df["major1"].dtype) == "bool"


def test_report_text(shi_cli):
    expected = run_cli(shi_cli, "report", "RUS", "CHN", "--years", "2012-2022").stdout
    assert shi.report("RUS", "CHN", years=(2012, 2022)) == expected


def test_report_html(shi_cli, tmp_path):
    run_cli(shi_cli, "report", "RUS", "CHN", "--years", "2016-2022", "-o",
            str(tmp_path / "cli.html"))
    out = shi.report("RUS", "CHN", file=tmp_path / "py.html", years=(2016, 2022))
    assert out == str(tmp_path / "py.html")
    assert (tmp_path / "py.html").read_bytes() == (tmp_path / "cli.html").read_bytes()


@pytest.mark.parametrize("kwargs,args", [
    (dict(years=2000, add="bogus"), ["dyads", "--years", "2000-2000", "--add", "bogus"]),
    (dict(years=2000, states="XYZQ"), ["dyads", "--years", "2000-2000", "--states", "XYZQ"]),
])
def test_dyads_errors_carry_shi_message(shi_cli, kwargs, args):
    err = run_cli(shi_cli, *args, check=False)
    assert err.returncode != 0
    with pytest.raises(shi.ShiError) as e:
        shi.dyads(**kwargs)
    assert str(e.value) and str(e.value) in err.stderr
    # The session is still usable after an error.
    assert len(shi.dyads(years=2000, states="USA")) > 0


def test_report_error(shi_cli):
    err = run_cli(shi_cli, "report", "RUS", "XYZQ", check=False)
    with pytest.raises(shi.ShiError) as e:
        shi.report("RUS", "XYZQ")
    assert str(e.value) in err.stderr


def test_bad_argument_types():
    with pytest.raises((TypeError, ValueError)):
        shi.dyads(years="abc")
    with pytest.raises(shi.ShiError):
        shi.dyads(years=(1700, 1720))
    with pytest.raises(ValueError):
        shi.dyads(years=[1990, 1995, 2000])


TABLE_CASES = [
    # (function, args, kwargs, CLI arguments)
    (shi.power, (), {}, ["power"]),
    (shi.power, (), dict(years=(1990, 2000), majors=True), ["power", "--years", "1990-2000",
                                                           "--majors"]),
    (shi.power, (), dict(years=range(1950, 1961), states="USA,RUS,CHN", window=5),
     ["power", "--years", "1950-1960", "--states", "USA,RUS,CHN", "--window", "5"]),
    (shi.threat, ("RUS", "CHN"), {}, ["threat", "RUS", "CHN"]),
    (shi.threat, ("IND", "PAK"), dict(years=(1990, 1995)), ["threat", "IND", "PAK", "--years",
                                                            "1990-1995"]),
    (shi.drivers, ("RUS", "CHN"), dict(boot=200), ["drivers", "RUS", "CHN", "--boot", "200"]),
]


@pytest.mark.parametrize("fn,args,kwargs,cli_args", TABLE_CASES)
def test_tables(shi_cli, fn, args, kwargs, cli_args):
    header, rows = cli_rows(shi_cli, *cli_args)
    df = fn(*args, **kwargs)
    assert len(df) > 0
    assert_same(header, rows, {c: df[c].tolist() for c in df.columns})


@pytest.mark.parametrize("call,cli_args", [
    (lambda: shi.power(measure="bogus"), ["power", "--measure", "bogus"]),
    (lambda: shi.threat("RUS", "RUS"), ["threat", "RUS", "RUS"]),
    (lambda: shi.drivers("RUS", "CHN", outcome="bogus"), ["drivers", "RUS", "CHN", "--outcome",
                                                          "bogus"]),
])
def test_table_errors(shi_cli, call, cli_args):
    err = run_cli(shi_cli, *cli_args, check=False)
    assert err.returncode != 0
    with pytest.raises(shi.ShiError) as e:
        call()
    assert str(e.value) in err.stderr


STATEYEAR_CASES = [
    # (binding kwargs, CLI arguments)
    (dict(years=(1900, 1902)), ["--years", "1900-1902"]),
    (dict(years=range(1995, 2001), add="all", states="USA,RUS,CHN,IND,PAK"),
     ["--years", "1995-2000", "--add", "all", "--states", "USA,RUS,CHN,IND,PAK"]),
    (dict(years=1950, add=["nmc", "major", "democracy"], names="peacesciencer"),
     ["--years", "1950-1950", "--add", "nmc,major,democracy", "--names", "peacesciencer"]),
    (dict(years=(2015, 2024), states=["GMY", "JPN"], add="gdp,nuclear"),
     ["--years", "2015-2024", "--states", "GMY,JPN", "--add", "gdp,nuclear"]),
]


@pytest.mark.parametrize("kwargs,args", STATEYEAR_CASES)
def test_stateyears(shi_cli, kwargs, args):
    header, rows = cli_rows(shi_cli, "stateyears", *args)
    df = shi.stateyears(**kwargs)
    assert len(df) > 0
    assert_same(header, rows, {c: df[c].tolist() for c in df.columns})


def test_stateyears_default_years_numpy(shi_cli):
    header, rows = cli_rows(shi_cli, "stateyears", "--add", "major")
    cols = shi.stateyears(add="major", as_pandas=False)
    assert cols["year"].dtype == np.int32 and cols["major"].dtype == np.bool_
    assert_same(header, rows, {c: list(v) for c, v in cols.items()})


@pytest.mark.parametrize("kwargs,args", [
    (dict(add="bogus"), ["--add", "bogus"]),
    (dict(names="bogus"), ["--names", "bogus"]),
    (dict(years=2000, states="XYZQ"), ["--years", "2000", "--states", "XYZQ"]),
    (dict(years=(1700, 1720)), ["--years", "1700-1720"]),
])
def test_stateyears_errors(shi_cli, kwargs, args):
    err = run_cli(shi_cli, "stateyears", *args, check=False)
    assert err.returncode != 0
    with pytest.raises(shi.ShiError) as e:
        shi.stateyears(**kwargs)
    assert str(e.value) and str(e.value) in err.stderr


EXAMPLES = os.path.join(os.path.dirname(__file__), "..", "..", "..", "examples")

SCENARIO_CASES = [
    # (args, binding kwargs, CLI arguments): small --paths and --draws keep
    # them fast; the ensemble is seeded, so both give the same numbers.
    (("RUS", "CHN"), dict(paths=500, draws=10),
     ["RUS", "CHN", "--paths", "500", "--draws", "10"]),
    (("USA", "CHN"), dict(from_=2000, horizon=10, paths=300, seed=7, draws=5),
     ["USA", "CHN", "--from", "2000", "--horizon", "10", "--paths", "300", "--seed", "7",
      "--draws", "5"]),
    (("IND", "PAK"), dict(from_=1990, horizon=25, paths=200, seed=3, draws=4, threads=1),
     ["IND", "PAK", "--from", "1990", "--horizon", "25", "--paths", "200", "--seed", "3",
      "--draws", "4", "--threads", "1"]),
    (("USA", "RUS"), dict(paths=200, draws=3, shocks=os.path.join(EXAMPLES,
                                                                  "scenarios-study.yaml")),
     ["USA", "RUS", "--paths", "200", "--draws", "3", "--shocks",
      os.path.join(EXAMPLES, "scenarios-study.yaml")]),
]


@pytest.mark.parametrize("args,kwargs,cli_args", SCENARIO_CASES)
def test_scenarios(shi_cli, args, kwargs, cli_args):
    header, rows = cli_rows(shi_cli, "scenarios", *cli_args)
    df = shi.scenarios(*args, **kwargs)
    assert len(df) > 0
    assert_same(header, rows, {c: df[c].tolist() for c in df.columns})


def test_scenarios_numpy(shi_cli):
    header, rows = cli_rows(shi_cli, "scenarios", "USA", "CHN", "--from", "2000", "--paths",
                            "300", "--draws", "5")
    cols = shi.scenarios("USA", "CHN", from_=2000, paths=300, draws=5, as_pandas=False)
    assert cols["horizon"].dtype == np.int32 and cols["probability"].dtype == np.float64
    assert_same(header, rows, {c: list(v) for c, v in cols.items()})


@pytest.mark.parametrize("kwargs,cli_args", [
    (dict(a="RUS", b="RUS"), ["RUS", "RUS"]),
    (dict(a="RUS", b="XYZQ"), ["RUS", "XYZQ"]),
    (dict(a="RUS", b="CHN", paths=0), ["RUS", "CHN", "--paths", "0"]),
    (dict(a="RUS", b="CHN", horizon=51), ["RUS", "CHN", "--horizon", "51"]),
    (dict(a="RUS", b="CHN", from_=1850, paths=10), ["RUS", "CHN", "--from", "1850", "--paths",
                                                    "10"]),
    (dict(a="RUS", b="CHN", paths=10, shocks="/nonexistent.yaml"),
     ["RUS", "CHN", "--paths", "10", "--shocks", "/nonexistent.yaml"]),
])
def test_scenarios_errors(shi_cli, kwargs, cli_args):
    err = run_cli(shi_cli, "scenarios", *cli_args, check=False)
    assert err.returncode != 0
    with pytest.raises(shi.ShiError) as e:
        shi.scenarios(**kwargs)
    assert str(e.value) and str(e.value) in err.stderr
