"""shi from Python: ctypes over the shared libshi (libshi.so, shi/bind.h).

Each function does what the `shi` command of the same name does with the same
arguments and returns its table: a pandas DataFrame when pandas is installed
(and ``as_pandas`` is not False), else a dict of NumPy arrays. Errors raise
:class:`ShiError` (a ``ValueError``) with shi's own message.

The library is found through the ``SHI_LIBRARY`` environment variable (a path
to libshi.so), else the system's search (``ctypes.util.find_library``).
See docs/bindings.md.
"""

import ctypes
import ctypes.util
import os

import numpy as np

__all__ = ["ShiError", "Session", "dyads", "stateyears", "power", "threat", "drivers",
           "scenarios", "report"]

_NA_I32 = -(2**31)  # SHI_NA_I32 (shi/missing.h)
_I32, _F64, _STR = 0, 1, 2  # shi_fcol_type


class ShiError(ValueError):
    """An error of libshi; the message is shi's."""


def _load():
    path = os.environ.get("SHI_LIBRARY") or ctypes.util.find_library("shi")
    if not path:
        raise ImportError("libshi.so not found: set SHI_LIBRARY to its path")
    lib = ctypes.CDLL(path)
    vp, cp, sz = ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t
    sig = {
        "shi_session_new": (vp, [cp, cp]),
        "shi_session_free": (None, [vp]),
        "shi_session_error": (cp, [vp]),
        "shi_session_dyads": (vp, [vp, ctypes.c_int, ctypes.c_int, ctypes.c_int, cp, cp,
                                  ctypes.c_int]),
        "shi_session_stateyears": (vp, [vp, ctypes.c_int, ctypes.c_int, cp, cp, cp]),
        "shi_session_power": (vp, [vp, ctypes.c_int, ctypes.c_int, cp, cp, ctypes.c_int,
                                  ctypes.c_int]),
        "shi_session_threat": (vp, [vp, cp, cp, ctypes.c_int, ctypes.c_int]),
        "shi_session_drivers": (vp, [vp, cp, cp, cp, ctypes.c_int, ctypes.c_int, cp, cp,
                                    ctypes.c_int, ctypes.c_int, ctypes.c_int]),
        "shi_session_scenarios": (vp, [vp, cp, cp, ctypes.c_int, ctypes.c_int, ctypes.c_int,
                                      ctypes.c_uint64, ctypes.c_int, cp, ctypes.c_int]),
        "shi_session_report": (vp, [vp, cp, cp, ctypes.c_int, ctypes.c_int, cp, cp]),
        "shi_session_free_string": (None, [vp]),
        "shi_frame_free": (None, [vp]),
        "shi_frame_nrow": (sz, [vp]),
        "shi_frame_ncol": (sz, [vp]),
        "shi_frame_col_name": (cp, [vp, sz]),
        "shi_frame_col_type": (ctypes.c_int, [vp, sz]),
        "shi_frame_col_is_flag": (ctypes.c_int, [vp, sz]),
        "shi_frame_col_i32": (ctypes.POINTER(ctypes.c_int32), [vp, sz]),
        "shi_frame_col_f64": (ctypes.POINTER(ctypes.c_double), [vp, sz]),
        "shi_frame_col_str": (cp, [vp, sz, sz]),
    }
    for name, (res, args) in sig.items():
        fn = getattr(lib, name)
        fn.restype, fn.argtypes = res, args
    return lib


_lib = _load()


def _bytes(s):
    return None if s is None else str(s).encode()


def _list(x):
    """A comma-separated list from a string or a sequence of names."""
    if x is None:
        return None
    if isinstance(x, (str, bytes)):
        return _bytes(x)
    return ",".join(str(v) for v in x).encode()


def _years(years, default):
    """(first, last) from None, an int, a (first, last) pair or a range of years."""
    if years is None:
        return default
    if isinstance(years, (int, np.integer)):
        return int(years), int(years)
    ys = [int(y) for y in years]
    if not ys:
        raise ShiError("years: empty")
    if len(ys) > 2 and ys != list(range(ys[0], ys[-1] + 1)):
        raise ShiError("years: must be a contiguous range of years")
    return ys[0], ys[-1]


def _pandas(as_pandas):
    if as_pandas is False:
        return None
    try:
        import pandas
    except ImportError:
        if as_pandas:
            raise
        return None
    return pandas


def _column(f, j, n, pd):
    """Column j of frame f, copied once into a NumPy array (or pandas array)."""
    t = _lib.shi_frame_col_type(f, j)
    if t == _F64:
        ptr = _lib.shi_frame_col_f64(f, j)
        return np.ctypeslib.as_array(ptr, (n,)).copy() if n else np.empty(0)
    if t == _STR:
        out = np.empty(n, dtype=object)
        for i in range(n):
            v = _lib.shi_frame_col_str(f, j, i)
            out[i] = None if v is None else v.decode()
        return out
    ptr = _lib.shi_frame_col_i32(f, j)
    if not n:
        return np.empty(0, dtype=bool if _lib.shi_frame_col_is_flag(f, j) else np.int32)
    view = np.ctypeslib.as_array(ptr, (n,))  # the frame's memory: no copy yet
    na = view == _NA_I32
    has_na = bool(na.any())
    # One copy into NumPy: the values, or their conversion to bool or float.
    if _lib.shi_frame_col_is_flag(f, j):
        v = view != 0
        if pd is not None and has_na:
            return pd.arrays.BooleanArray(v, na)
        if has_na:  # NumPy has no boolean NA: a float column with NaN
            out = v.astype(np.float64)
            out[na] = np.nan
            return out
        return v
    if pd is not None and has_na:
        return pd.arrays.IntegerArray(view.copy(), na)
    if has_na:  # NumPy has no integer NA: a float column with NaN
        out = view.astype(np.float64)
        out[na] = np.nan
        return out
    return view.copy()


def _frame(f, as_pandas):
    """The frame's columns (and free the frame)."""
    try:
        pd = _pandas(as_pandas)
        n = _lib.shi_frame_nrow(f)
        cols = {}
        for j in range(_lib.shi_frame_ncol(f)):
            cols[_lib.shi_frame_col_name(f, j).decode()] = _column(f, j, n, pd)
    finally:
        _lib.shi_frame_free(f)
    # copy=False: the columns as they are, not consolidated into a second copy.
    return pd.DataFrame(cols, copy=False) if pd is not None else cols


class Session:
    """The data view, loaded once and kept between calls (the module-level
    functions share one over the embedded data). ``data`` is a directory of
    official files (as ``shi --data DIR``), ``data_file`` a .shd file."""

    def __init__(self, data=None, data_file=None):
        self._s = _lib.shi_session_new(_bytes(data), _bytes(data_file))
        if not self._s:
            raise MemoryError("shi: out of memory")

    def close(self):
        if self._s:
            _lib.shi_session_free(self._s)
            self._s = None

    def __del__(self):
        self.close()

    def _fail(self):
        raise ShiError(_lib.shi_session_error(self._s).decode())

    def dyads(self, years=None, directed=False, add=None, states=None, threads=0,
              as_pandas=None):
        """`shi dyads`: dyad-years (year, ccode1, ccode2) with the variables of
        ``add`` (cinc, major, contiguity, distance, alliance, sim, ideal,
        threat, vetoes, nmc, mids, peaceyears, ucdp, trade, democracy, gdp,
        igos, mindist or all; eu, wr, risk: docs/dyads.md), for ``years``
        (default 1816-2016), among
        ``states`` (names, codes or abbreviations; default all)."""
        y0, y1 = _years(years, (1816, 2016))
        f = _lib.shi_session_dyads(self._s, y0, y1, int(bool(directed)), _list(add),
                                   _list(states), int(threads))
        if not f:
            self._fail()
        return _frame(f, as_pandas)

    def _table(self, f, as_pandas):
        if not f:
            self._fail()
        return _frame(f, as_pandas)

    def stateyears(self, years=None, states=None, add=None, names=None, as_pandas=None):
        """`shi stateyears`: state-years (year, ccode, stateabb) with the
        families of ``add`` (nmc, major, gdp, nuclear, democracy, igos, population or all), for
        ``years`` (default 1816-2024, the COW state list), of ``states``
        (default all); ``names="peacesciencer"`` for peacesciencer's column
        names."""
        y0, y1 = _years(years, (0, 0))
        return self._table(_lib.shi_session_stateyears(self._s, y0, y1, _list(add), _list(states),
                                                       _bytes(names)), as_pandas)

    def power(self, years=None, states=None, measure=None, majors=False, window=10,
              as_pandas=None):
        """`shi power`: the configuration of power each year (default: the last
        year of the data), or with ``states`` one row per state-year."""
        y0, y1 = _years(years, (0, 0))
        return self._table(_lib.shi_session_power(self._s, y0, y1, _list(states),
                                                  _bytes(measure), int(bool(majors)),
                                                  int(window)), as_pandas)

    def threat(self, a, b, years=None, as_pandas=None):
        """`shi threat A B`: threat both ways each year (default: the last 10
        years), its components and the perception gap."""
        y0, y1 = _years(years, (0, 0))
        return self._table(_lib.shi_session_threat(self._s, _bytes(a), _bytes(b), y0, y1),
                           as_pandas)

    def drivers(self, a, b, third=None, years=None, outcome=None, spec=None, boot=2000, seed=1,
                threads=0, as_pandas=None):
        """`shi drivers A B`: the coefficient table with the verdict columns
        (default years 1992-2014, outcome ideal, specification study)."""
        y0, y1 = _years(years, (0, 0))
        return self._table(_lib.shi_session_drivers(self._s, _bytes(a), _bytes(b),
                                                    _bytes(third), y0, y1, _bytes(outcome),
                                                    _bytes(spec), int(boot), int(seed),
                                                    int(threads)), as_pandas)

    def scenarios(self, a, b, from_=None, horizon=20, paths=100000, seed=1, draws=100,
                  shocks=None, threads=0, as_pandas=None):
        """`shi scenarios A B`: the five futures' probabilities at each
        reported horizon (5, 10, 20 and ``horizon``) from the origin ``from_``
        (default: the last year with every fact of the pair), with their
        Monte-Carlo and parameter intervals; ``shocks`` a shock file (YAML).
        Seeded: the same arguments give the same numbers."""
        seed = int(seed)
        if seed < 0 or seed >= 2**64:
            raise ShiError("scenarios: --seed takes a non-negative integer")
        return self._table(_lib.shi_session_scenarios(
            self._s, _bytes(a), _bytes(b), int(from_ or 0), int(horizon), int(paths), seed,
            int(draws), _bytes(None if shocks is None else os.fspath(shocks)), int(threads)),
            as_pandas)

    def report(self, a, b, file=None, years=None, third=None):
        """`shi report A B`: the pair's summary as text, or with ``file`` the
        HTML report written there (returns the path)."""
        y0, y1 = _years(years, (0, 0))
        p = _lib.shi_session_report(self._s, _bytes(a), _bytes(b), y0, y1, _bytes(third),
                                    _bytes(None if file is None else os.fspath(file)))
        if not p:
            self._fail()
        try:
            text = ctypes.cast(p, ctypes.c_char_p).value.decode()
        finally:
            _lib.shi_session_free_string(p)
        return os.fspath(file) if file is not None else text


_default = None


def _session():
    global _default
    if _default is None:
        _default = Session()
    return _default


def dyads(years=None, directed=False, add=None, states=None, threads=0, as_pandas=None):
    """`shi dyads` on the embedded data; see :meth:`Session.dyads`."""
    return _session().dyads(years, directed, add, states, threads, as_pandas)


def stateyears(years=None, states=None, add=None, names=None, as_pandas=None):
    """`shi stateyears` on the embedded data; see :meth:`Session.stateyears`."""
    return _session().stateyears(years, states, add, names, as_pandas)


def power(years=None, states=None, measure=None, majors=False, window=10, as_pandas=None):
    """`shi power` on the embedded data; see :meth:`Session.power`."""
    return _session().power(years, states, measure, majors, window, as_pandas)


def threat(a, b, years=None, as_pandas=None):
    """`shi threat A B` on the embedded data; see :meth:`Session.threat`."""
    return _session().threat(a, b, years, as_pandas)


def drivers(a, b, third=None, years=None, outcome=None, spec=None, boot=2000, seed=1, threads=0,
            as_pandas=None):
    """`shi drivers A B` on the embedded data; see :meth:`Session.drivers`."""
    return _session().drivers(a, b, third, years, outcome, spec, boot, seed, threads, as_pandas)


def scenarios(a, b, from_=None, horizon=20, paths=100000, seed=1, draws=100, shocks=None,
              threads=0, as_pandas=None):
    """`shi scenarios A B` on the embedded data; see :meth:`Session.scenarios`."""
    return _session().scenarios(a, b, from_, horizon, paths, seed, draws, shocks, threads,
                                as_pandas)


def report(a, b, file=None, years=None, third=None):
    """`shi report A B [-o file]` on the embedded data; see :meth:`Session.report`."""
    return _session().report(a, b, file, years, third)
