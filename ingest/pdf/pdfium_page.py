"""A page's characters and ruling lines read with pdfium, shaped as pdfplumber's objects.

pdfplumber reads a page by decoding its drawing instructions in Python (pdfminer): nine tenths of
the reading time. pdfium does the same in C. This module asks pdfium for each character's text,
origin, font size and font descent, and for each painted path's segments, and builds the dicts
pdfplumber's table finder and text-line grouping read, with pdfminer's geometry:

    a character's box spans its advance width, and vertically from  baseline + descent
    to  baseline + descent + font size  (pdfminer's LTChar), in the page as displayed (turned
    by its /Rotate, as pdfminer turns it), y down.

Pages left to pdfplumber (`LeftToPdfplumber` says why): a MediaBox that does not start at 0,0
(pdfplumber shifts such pages' objects in ways not mapped here) and text that is not set upright
once the page is turned (rotated or mirrored characters, which pdfplumber words differently).
"""
from __future__ import annotations

import ctypes
from dataclasses import dataclass
from math import floor

import pdfplumber.page
from pdfplumber.table import TableSettings
import pypdfium2.raw as pdfium_c

from . import pdfium_calls
from .pdfium_calls import DOUBLES_PER_CHAR, DOUBLES_PER_OBJECT, INTS_PER_CHAR, INTS_PER_OBJECT
from .pdfium_calls import c as _c
from .table_finder import FastTableFinder

# pdfium reports float32 coordinates: a horizontal rule drawn from y to y can come back with ends
# a few millionths apart, pdfplumber tells h from v by exact equality, and its word and cell
# tolerances are compared with <=, so 207.00002 + 3 against 210 splits a word pdfminer's
# float64 keeps whole. Coordinates are rounded to _PLACES decimals (what PDF writers print).
_FLAT = 1e-3
_PLACES = 4
_SKEW = 1e-9
# The table finder's first step drops edges shorter than this (pdfplumber's table setting
# edge_min_length_prefilter), measured as it measures them: a horizontal's width, else the
# height. More than half the pieces are that short (the ends of thin filled rectangles that draw
# the rules), so they are not kept at all.
_SHORTEST = TableSettings.edge_min_length_prefilter


@dataclass
class PageObjects:
    width: float
    height: float
    chars: list[dict]
    lines: list[dict]


class LeftToPdfplumber(Exception):
    """This page's objects are not read here; the message says why."""


_TEXT, _PATH, _FORM = pdfium_c.FPDF_PAGEOBJ_TEXT, pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM
_MOVETO = pdfium_c.FPDF_SEGMENT_MOVETO
_SCALE = 10 ** _PLACES


def _rounded(value: float) -> float:
    """value to _PLACES decimals (half up; the builtin round() is several times slower)."""
    return floor(value * _SCALE + 0.5) / _SCALE


# /Rotate (quarter turns clockwise) -> the turn pdfminer applies to the page's user space, as
# the 2x2 part of its matrix (a, b, c, d)
_TURNS = {0: (1, 0, 0, 1), 1: (0, -1, 1, 0), 2: (-1, 0, 0, -1), 3: (0, 1, -1, 0)}


@dataclass(frozen=True)
class _PageSpace:
    """The page as pdfplumber sees it: turned by /Rotate, y down from its top."""
    turns: int               # quarter turns clockwise
    box_width: float         # the MediaBox, unturned
    box_height: float

    @property
    def size(self) -> tuple[float, float]:
        """(width, height) as displayed."""
        return (self.box_height, self.box_width) if self.turns % 2 else (self.box_width, self.box_height)

    def point(self, x: float, y: float) -> tuple[float, float]:
        """(x, top) on the displayed page of user-space point (x, y)."""
        if self.turns == 0:
            return x, self.box_height - y
        if self.turns == 1:
            return y, x
        if self.turns == 2:
            return self.box_width - x, y
        return self.box_height - y, self.box_width - x

    def turned(self, a: float, b: float, c: float, d: float) -> tuple[float, float, float, float]:
        """A user-space 2x2 matrix followed by the page's turn; a term within _SKEW of 0 is 0 (a
        drawing turned by cos(90°) = 6e-17 is turned a quarter, not skewed)."""
        A, B, C, D = _TURNS[self.turns]
        a, b, c, d = a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D
        if -_SKEW <= b <= _SKEW:
            b = 0.0
        if -_SKEW <= c <= _SKEW:
            c = 0.0
        return a, b, c, d


def _page_space(page: int) -> _PageSpace:
    turns = _c.FPDFPage_GetRotation(page) % 4
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    if not _c.FPDFPage_GetMediaBox(page, *map(ctypes.byref, (left, bottom, right, top))):
        left.value = bottom.value = 0.0        # pdfium's displayed size, unturned
        right.value, top.value = _c.FPDF_GetPageWidthF(page), _c.FPDF_GetPageHeightF(page)
        if turns % 2:
            right.value, top.value = top.value, right.value
    if abs(left.value) > _FLAT or abs(bottom.value) > _FLAT:
        raise LeftToPdfplumber("page box does not start at 0,0")
    return _PageSpace(turns, right.value, top.value)


def _char(text: str, x0: float, x1: float, top: float, bottom: float, size: float) -> dict:
    """A character as pdfplumber's text functions read it (no y0/y1/width/height: nothing asks for
    them); x0 and x1 are rounded here (_rounded, inlined: this runs for every character)."""
    return {"object_type": "char", "text": text, "x0": floor(x0 * _SCALE + 0.5) / _SCALE,
            "x1": floor(x1 * _SCALE + 0.5) / _SCALE, "top": top, "bottom": bottom,
            "doctop": top, "size": size, "upright": True}


def _height_span(baseline: float, descent: float, size: float) -> tuple[float, float]:
    """(top, bottom) of pdfminer's LTChar box: from baseline + descent to baseline + descent +
    size. baseline: its distance from the top of the displayed page (y down)."""
    bottom = _rounded(baseline - descent * size)
    return _rounded(bottom - size), bottom


class _Descents:
    """Each font's descent per point of size (pdfium reads it from the font descriptor)."""

    def __init__(self):
        self._by_font: dict[int | None, float] = {}
        self._value = ctypes.c_float()

    def of(self, font: int | None) -> float:
        if font not in self._by_font:
            ok = font and _c.FPDFFont_GetDescent(font, 1.0, ctypes.byref(self._value))
            self._by_font[font] = self._value.value if ok else 0.0
        return self._by_font[font]


def _characters(text_page: int, space: _PageSpace, descents: _Descents, used: set[int]) -> list[dict]:
    """pdfminer-shaped characters, all set upright (else LeftToPdfplumber). `used` collects the text
    objects they come from. The C extension makes them where it was built: _characters_in_python
    says how, and is held to give the same (tests/python/test_pdf_lines.py)."""
    if not pdfium_calls.bulk_in_c():
        return _characters_in_python(text_page, space, descents, used)
    shaped = pdfium_calls.shaped_chars(text_page, space.turns, space.box_width, space.box_height, _SCALE, _SKEW)
    if shaped is None:
        raise LeftToPdfplumber("text set rotated or mirrored")
    chars, objects = shaped
    used |= objects
    return chars


def _characters_in_python(text_page: int, space: _PageSpace, descents: _Descents, used: set[int]) -> list[dict]:
    """_characters where the C extension was not built, and the reference it is held to."""
    ints, doubles = pdfium_calls.chars(text_page)
    per_char = zip(zip(*[iter(ints)] * INTS_PER_CHAR), zip(*[iter(doubles)] * DOUBLES_PER_CHAR))
    chars = []
    last_object = None
    turned: dict[tuple, tuple] = {}     # text objects are 1-2 characters each, and share a few matrices
    upright_page = space.turns == 0
    for (unicode, text_object, font), (left, bottom, right, top, a, b, c, d, font_size, origin_x, origin_y) in per_char:
        if text_object != last_object:
            last_object = text_object
            used.add(text_object)
            matrix = (a, b, c, d)
            if matrix not in turned:
                turned[matrix] = space.turned(*matrix)
            a, b, c, d = turned[matrix]
            if b or c or a <= 0 or d <= 0:
                raise LeftToPdfplumber("text set rotated or mirrored")
            size = _rounded(font_size * d)
            char_top, char_bottom = _height_span(space.point(origin_x, origin_y)[1], descents.of(font), size)
        if upright_page:
            x0, x1 = left, right
        else:       # the advance runs along the turned page's x: the box's corners, turned
            x0, _ = space.point(left, bottom)
            x1, _ = space.point(right, top)
            x0, x1 = min(x0, x1), max(x0, x1)
        chars.append(_char(chr(unicode), x0, x1, char_top, char_bottom, size))
    return chars


def _multiply(first, second):
    """The matrix that applies `first`, then `second` (PDF order: a b c d e f)."""
    a, b, c, d, e, f = first
    A, B, C, D, E, F = second
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _segments(path: int, matrix, space: _PageSpace) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    """The straight pieces of a path between consecutive points (pdfminer's reading of a curve's
    points), plus each closed subpath's closing piece, as (x, top) on the displayed page."""
    a, b, c, d, e, f = matrix
    point_on_page = space.point
    points = pdfium_calls.segments(path)
    pieces = []
    start = previous = None
    for x, y, kind, closes in zip(*[iter(points)] * 4):
        point = point_on_page(a * x + c * y + e, b * x + d * y + f)
        if kind == _MOVETO:
            start = point
        elif previous is not None:
            pieces.append((previous, point))
        previous = point
        if closes and start is not None and start != point:
            pieces.append((point, start))
            previous = start
    return pieces


def _blank(text_object: int, placed, space: _PageSpace, descents: _Descents) -> dict | None:
    """A text object pdfium's text page left out because its glyphs have no ink (a run of spaces
    set as an object of its own): pdfminer reads it as a space, which ends a word. A left-out
    object with ink is a repeat pdfium dropped (text drawn twice to look bold): None."""
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    if (_c.FPDFPageObj_GetBounds(text_object, *map(ctypes.byref, (left, bottom, right, top)))
            and right.value - left.value > _FLAT):
        return None
    a, b, c, d = space.turned(*placed[:4])
    if b or c or a <= 0 or d <= 0:
        return None
    font_size = ctypes.c_float()
    if not _c.FPDFTextObj_GetFontSize(text_object, ctypes.byref(font_size)):
        return None
    size = _rounded(font_size.value * d)
    x, baseline = space.point(placed[4], placed[5])
    return _char(" ", x, x, *_height_span(baseline, descents.of(_c.FPDFTextObj_GetFont(text_object)), size), size)


def _ruling_line(start: tuple[float, float], end: tuple[float, float], height: float) -> dict | None:
    """A pdfplumber 'line' object for a horizontal or vertical piece (ends as (x, top) on the
    displayed page); None for a slanted one, and for one shorter than _SHORTEST."""
    (x_start, top_start), (x_end, top_end) = start, end
    if abs(top_start - top_end) <= _FLAT:
        top_end = top_start
    elif abs(x_start - x_end) <= _FLAT:
        x_end = x_start
    else:
        return None
    x_start, x_end = _rounded(x_start), _rounded(x_end)
    top_start, top_end = _rounded(top_start), _rounded(top_end)
    x0, x1 = (x_start, x_end) if x_start <= x_end else (x_end, x_start)
    top, bottom = (top_start, top_end) if top_start <= top_end else (top_end, top_start)
    if (x1 - x0 if top == bottom else bottom - top) < _SHORTEST:
        return None
    return {"object_type": "line", "x0": x0, "x1": x1, "top": top, "bottom": bottom,
            "doctop": top, "y0": height - bottom, "y1": height - top, "width": x1 - x0, "height": bottom - top}


def _walk(container: int, is_form: bool, space: _PageSpace, descents: _Descents, used: set[int], lines: list,
          blanks: list, parent=(1, 0, 0, 1, 0, 0)) -> None:
    """Every horizontal or vertical piece of every painted path, form objects included, as
    pdfplumber 'line' objects (what its edges are made of); and the blank text objects."""
    ints, doubles = pdfium_calls.objects(container, is_form)
    per_object = zip(zip(*[iter(ints)] * INTS_PER_OBJECT), zip(*[iter(doubles)] * DOUBLES_PER_OBJECT))
    for (page_object, kind), details in per_object:
        if page_object in used or kind not in (_PATH, _FORM, _TEXT):   # used: the characters' text objects
            continue
        placed, painted = _multiply(details[:6], parent), details[6]
        if kind == _FORM:
            _walk(page_object, True, space, descents, used, lines, blanks, placed)
        elif kind == _TEXT:
            blank = _blank(page_object, placed, space, descents)
            if blank is not None:
                blanks.append(blank)
        elif painted:
            height = space.size[1]
            for start, end in _segments(page_object, placed, space):
                line = _ruling_line(start, end, height)
                if line is not None:
                    lines.append(line)


def read_page_objects(page) -> PageObjects:
    """The page's characters and ruling lines (page: a pypdfium2 page's raw handle). Raises
    LeftToPdfplumber."""
    page = ctypes.cast(page, ctypes.c_void_p).value
    space = _page_space(page)
    descents, used = _Descents(), set()
    text_page = _c.FPDFText_LoadPage(page)
    try:
        chars = _characters(text_page, space, descents, used)
    finally:
        _c.FPDFText_ClosePage(text_page)
    lines, blanks = [], []
    _walk(page, False, space, descents, used, lines, blanks)
    width, height = space.size
    return PageObjects(width, height, chars + blanks, lines)


class PlumberPage(pdfplumber.page.Page):
    """pdfplumber's page API (find_tables, filter, extract_text_lines) over objects read by pdfium.
    Its ruling lines leave out pieces shorter than _SHORTEST, which a table finder set to keep
    shorter edges would have seen."""

    def __init__(self, objects: PageObjects, page_number: int):
        self.pdf = None
        self.page_obj = None
        self.root_page = self
        self.page_number = page_number
        self.initial_doctop = 0
        self.rotation = 0
        self.mediabox = self.cropbox = self.bbox = (0, 0, objects.width, objects.height)
        self._objects = {"char": objects.chars, "line": objects.lines}
        self.get_textmap = pdfplumber.page.lru_cache()(self._get_textmap)

    def find_tables(self, table_settings=None):
        return FastTableFinder(self, table_settings).tables
