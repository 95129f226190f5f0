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
from types import SimpleNamespace

import pdfplumber.page
import pypdfium2.raw as pdfium_c

from .table_finder import FastTableFinder

# pdfium reports float32 coordinates: a horizontal rule drawn from y to y can come back with ends
# a few millionths apart, pdfplumber tells h from v by exact equality, and its word and cell
# tolerances are compared with <=, so 207.00002 + 3 against 210 splits a word pdfminer's
# float64 keeps whole. Coordinates are rounded to _PLACES decimals (what PDF writers print).
_FLAT = 1e-3
_PLACES = 4
_SKEW = 1e-9


@dataclass
class PageObjects:
    width: float
    height: float
    chars: list[dict]
    lines: list[dict]


class LeftToPdfplumber(Exception):
    """This page's objects are not read here; the message says why."""


def _by_address(function):
    """The pdfium function with its handles (page, text page, page object, font, path segment)
    passed and returned as plain ints: a page has thousands of objects, and each ctypes pointer
    returned would need a cast to be compared or kept."""
    def plain(kind):
        return ctypes.c_void_p if kind is not None and kind.__name__.startswith("LP_struct_fpdf_") else kind
    prototype = ctypes.CFUNCTYPE(plain(function.restype), *map(plain, function.argtypes))
    return prototype(ctypes.cast(function, ctypes.c_void_p).value)


_c = SimpleNamespace(**{name: _by_address(getattr(pdfium_c, name)) for name in (
    "FPDFPage_GetRotation", "FPDFPage_GetMediaBox", "FPDF_GetPageWidthF", "FPDF_GetPageHeightF",
    "FPDFPage_CountObjects", "FPDFPage_GetObject", "FPDFText_LoadPage", "FPDFText_ClosePage",
    "FPDFText_CountChars", "FPDFText_GetUnicode", "FPDFText_IsGenerated", "FPDFText_GetTextObject",
    "FPDFText_GetMatrix", "FPDFText_GetFontSize", "FPDFText_GetCharOrigin", "FPDFText_GetLooseCharBox",
    "FPDFTextObj_GetFont", "FPDFTextObj_GetFontSize", "FPDFFont_GetDescent",
    "FPDFPageObj_GetType", "FPDFPageObj_GetMatrix", "FPDFPageObj_GetBounds",
    "FPDFFormObj_CountObjects", "FPDFFormObj_GetObject", "FPDFPath_GetDrawMode", "FPDFPath_CountSegments",
    "FPDFPath_GetPathSegment", "FPDFPathSegment_GetPoint", "FPDFPathSegment_GetType", "FPDFPathSegment_GetClose")})
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


def _char(text: str, x0: float, x1: float, baseline: float, descent: float, size: float) -> dict:
    """pdfminer's LTChar box: from baseline + descent to baseline + descent + size. baseline: its
    distance from the top of the displayed page (y down). The keys the reader and pdfplumber's
    text functions read (no y0/y1/width/height: nothing asks for them)."""
    bottom = _rounded(baseline - descent * size)
    top = _rounded(bottom - size)
    x0, x1 = _rounded(x0), _rounded(x1)
    return {"object_type": "char", "text": text, "x0": x0, "x1": x1, "top": top, "bottom": bottom,
            "doctop": top, "size": size, "upright": True}


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


_MAYBE_GENERATED = {ord(" "), ord("\r"), ord("\n")}


def _characters(text_page: int, space: _PageSpace, descents: _Descents, used: set[int]) -> list[dict]:
    """pdfminer-shaped characters, all set upright (else LeftToPdfplumber). `used` collects the text
    objects they come from. Matrix, font, size and baseline are a text object's (one show
    operator: it cannot move the baseline), so they are asked once per object."""
    box, matrix = pdfium_c.FS_RECTF(), pdfium_c.FS_MATRIX()
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
    box_ref, matrix_ref = ctypes.byref(box), ctypes.byref(matrix)
    origin_x_ref, origin_y_ref = ctypes.byref(origin_x), ctypes.byref(origin_y)
    unicode_of, is_generated, object_of = _c.FPDFText_GetUnicode, _c.FPDFText_IsGenerated, _c.FPDFText_GetTextObject
    loose_box = _c.FPDFText_GetLooseCharBox
    chars = []
    last_object = None
    for index in range(_c.FPDFText_CountChars(text_page)):
        unicode = unicode_of(text_page, index)
        if unicode in _MAYBE_GENERATED and is_generated(text_page, index):
            continue                                   # a space or line break pdfium inferred
        text_object = object_of(text_page, index)
        if text_object != last_object:
            last_object = text_object
            used.add(text_object)
            _c.FPDFText_GetMatrix(text_page, index, matrix_ref)
            a, b, c, d = space.turned(matrix.a, matrix.b, matrix.c, matrix.d)
            if b or c or a <= 0 or d <= 0:
                raise LeftToPdfplumber("text set rotated or mirrored")
            size = _rounded(_c.FPDFText_GetFontSize(text_page, index) * d)
            descent = descents.of(_c.FPDFTextObj_GetFont(text_object))
            _c.FPDFText_GetCharOrigin(text_page, index, origin_x_ref, origin_y_ref)
            baseline = space.point(origin_x.value, origin_y.value)[1]
        loose_box(text_page, index, box_ref)
        if space.turns == 0:
            x0, x1 = box.left, box.right
        else:       # the advance runs along the turned page's x: the box's corners, turned
            x0, _ = space.point(box.left, box.bottom)
            x1, _ = space.point(box.right, box.top)
            x0, x1 = min(x0, x1), max(x0, x1)
        chars.append(_char(chr(unicode), x0, x1, baseline, descent, size))
    return chars


def _multiply(first, second):
    """The matrix that applies `first`, then `second` (PDF order: a b c d e f)."""
    a, b, c, d, e, f = first
    A, B, C, D, E, F = second
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _segments(path: int, matrix) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    """The straight pieces of a path between consecutive points (pdfminer's reading of a curve's
    points), plus each closed subpath's closing piece."""
    a, b, c, d, e, f = matrix
    x, y = ctypes.c_float(), ctypes.c_float()
    x_ref, y_ref = ctypes.byref(x), ctypes.byref(y)
    get_segment, get_point = _c.FPDFPath_GetPathSegment, _c.FPDFPathSegment_GetPoint
    get_type, get_close = _c.FPDFPathSegment_GetType, _c.FPDFPathSegment_GetClose
    pieces = []
    start = previous = None
    for index in range(_c.FPDFPath_CountSegments(path)):
        segment = get_segment(path, index)
        get_point(segment, x_ref, y_ref)
        point = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        if get_type(segment) == _MOVETO:
            start = point
        elif previous is not None:
            pieces.append((previous, point))
        previous = point
        if get_close(segment) and start is not None and start != point:
            pieces.append((point, start))
            previous = start
    return pieces


def _painted(path: int) -> bool:
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    if not _c.FPDFPath_GetDrawMode(path, ctypes.byref(fill_mode), ctypes.byref(stroke)):
        return True
    return bool(fill_mode.value or stroke.value)


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
    return _char(" ", x, x, baseline, descents.of(_c.FPDFTextObj_GetFont(text_object)), size)


def _ruling_line(start: tuple[float, float], end: tuple[float, float], height: float) -> dict | None:
    """A pdfplumber 'line' object for a horizontal or vertical piece (ends as (x, top) on the
    displayed page); None for a slanted one."""
    (x_start, top_start), (x_end, top_end) = start, end
    if abs(top_start - top_end) <= _FLAT:
        top_end = top_start
    elif abs(x_start - x_end) <= _FLAT:
        x_end = x_start
    else:
        return None
    x0, x1 = sorted((_rounded(x_start), _rounded(x_end)))
    top, bottom = sorted((_rounded(top_start), _rounded(top_end)))
    return {"object_type": "line", "x0": x0, "x1": x1, "top": top, "bottom": bottom,
            "doctop": top, "y0": height - bottom, "y1": height - top, "width": x1 - x0, "height": bottom - top}


def _walk(objects: list[int], space: _PageSpace, descents: _Descents, used: set[int], lines: list, blanks: list,
          parent=(1, 0, 0, 1, 0, 0)) -> None:
    """Every horizontal or vertical piece of every painted path, form objects included, as
    pdfplumber 'line' objects (what its edges are made of); and the blank text objects."""
    matrix = pdfium_c.FS_MATRIX()
    matrix_ref = ctypes.byref(matrix)
    for page_object in objects:
        kind = _c.FPDFPageObj_GetType(page_object)
        if kind == _TEXT and page_object in used or kind not in (_PATH, _FORM, _TEXT):
            continue
        own = (1, 0, 0, 1, 0, 0)
        if _c.FPDFPageObj_GetMatrix(page_object, matrix_ref):
            own = (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)
        placed = _multiply(own, parent)
        if kind == _FORM:
            children = [_c.FPDFFormObj_GetObject(page_object, index)
                        for index in range(_c.FPDFFormObj_CountObjects(page_object))]
            _walk(children, space, descents, used, lines, blanks, placed)
        elif kind == _TEXT:
            blank = _blank(page_object, placed, space, descents)
            if blank is not None:
                blanks.append(blank)
        elif _painted(page_object):
            height = space.size[1]
            for start, end in _segments(page_object, placed):
                line = _ruling_line(space.point(*start), space.point(*end), height)
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
    objects = [_c.FPDFPage_GetObject(page, index) for index in range(_c.FPDFPage_CountObjects(page))]
    lines, blanks = [], []
    _walk(objects, space, descents, used, lines, blanks)
    width, height = space.size
    return PageObjects(width, height, chars + blanks, lines)


class PlumberPage(pdfplumber.page.Page):
    """pdfplumber's page API (find_tables, filter, extract_text_lines) over objects read by pdfium."""

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
