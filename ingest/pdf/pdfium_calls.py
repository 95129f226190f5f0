"""How the reader calls pdfium: single functions through ctypes, and a page's characters and a
path's points in bulk.

A pdfium call through ctypes costs about a microsecond of Python, and a page needs three or four
per character and per path segment. The bulk readers make those calls from C (the extension
_pdfium_bulk.c, built at install when a C compiler is there), each returning flat lists; their
ctypes twins here return the same lists where it was not built (bulk_in_c() says which runs), only
slower. shaped_chars goes one step further for the characters, a page's most numerous objects:
it also shapes them into pdfplumber's dicts, as pdfium_page._characters_in_python does.
"""
from __future__ import annotations

import ctypes
from types import SimpleNamespace

import pypdfium2.raw as pdfium_c

try:
    from . import _pdfium_bulk
except ImportError:          # built without a C compiler: the ctypes twins below read the same
    _pdfium_bulk = None


def bulk_in_c() -> bool:
    """Whether the C extension was built (else the twins here run)."""
    return _pdfium_bulk is not None


def _address(name: str) -> int:
    """Where pypdfium2's pdfium function `name` is, for the C extension to call."""
    return ctypes.cast(getattr(pdfium_c, name), ctypes.c_void_p).value


def _by_address(name: str):
    """The pdfium function with its handles (page, text page, page object, font, path segment)
    passed and returned as plain ints: a page has thousands of objects, and each ctypes pointer
    returned would need a cast to be compared or kept."""
    function = getattr(pdfium_c, name)

    def plain(kind):
        return ctypes.c_void_p if kind is not None and kind.__name__.startswith("LP_struct_fpdf_") else kind
    return ctypes.CFUNCTYPE(plain(function.restype), *map(plain, function.argtypes))(_address(name))


c = SimpleNamespace(**{name: _by_address(name) for name in (
    "FPDFPage_GetRotation", "FPDFPage_GetMediaBox", "FPDF_GetPageWidthF", "FPDF_GetPageHeightF",
    "FPDFPage_CountObjects", "FPDFPage_GetObject", "FPDFText_LoadPage", "FPDFText_ClosePage",
    "FPDFText_CountChars", "FPDFText_GetUnicode", "FPDFText_IsGenerated", "FPDFText_GetTextObject",
    "FPDFText_GetMatrix", "FPDFText_GetFontSize", "FPDFText_GetCharOrigin", "FPDFText_GetLooseCharBox",
    "FPDFTextObj_GetFont", "FPDFTextObj_GetFontSize", "FPDFFont_GetDescent",
    "FPDFPageObj_GetType", "FPDFPageObj_GetMatrix", "FPDFPageObj_GetBounds",
    "FPDFFormObj_CountObjects", "FPDFFormObj_GetObject", "FPDFPath_GetDrawMode", "FPDFPath_CountSegments",
    "FPDFPath_GetPathSegment", "FPDFPathSegment_GetPoint", "FPDFPathSegment_GetType", "FPDFPathSegment_GetClose")})

_CHAR_CALLS = tuple(map(_address, ("FPDFText_CountChars", "FPDFText_GetUnicode", "FPDFText_IsGenerated",
                                   "FPDFText_GetTextObject", "FPDFText_GetLooseCharBox", "FPDFText_GetMatrix",
                                   "FPDFText_GetFontSize", "FPDFText_GetCharOrigin", "FPDFTextObj_GetFont")))
_FONT_DESCENT_CALL = _address("FPDFFont_GetDescent")
_SEGMENT_CALLS = tuple(map(_address, ("FPDFPath_CountSegments", "FPDFPath_GetPathSegment",
                                      "FPDFPathSegment_GetPoint", "FPDFPathSegment_GetType",
                                      "FPDFPathSegment_GetClose")))
_OBJECT_DETAIL_CALLS = tuple(map(_address, ("FPDFPageObj_GetType", "FPDFPageObj_GetMatrix", "FPDFPath_GetDrawMode")))
_PAGE_OBJECT_CALLS = tuple(map(_address, ("FPDFPage_CountObjects", "FPDFPage_GetObject"))) + _OBJECT_DETAIL_CALLS
_FORM_OBJECT_CALLS = tuple(map(_address, ("FPDFFormObj_CountObjects", "FPDFFormObj_GetObject"))) + _OBJECT_DETAIL_CALLS
_INFERRED = {ord(" "), ord("\r"), ord("\n")}   # what pdfium may add between words and lines


INTS_PER_CHAR, DOUBLES_PER_CHAR = 3, 11


def chars(text_page: int) -> tuple[list[int], list[float]]:
    """A text page's characters, without the spaces and line breaks pdfium inferred, as two flat
    lists: INTS_PER_CHAR (unicode, text object, font) and DOUBLES_PER_CHAR (left, bottom, right,
    top of the loose box; the text object's matrix a b c d; font size; origin x, y) per character.
    The last five are its text object's first character's: a text object is one show operator."""
    if _pdfium_bulk is not None:
        ints, doubles = _pdfium_bulk.chars(*_CHAR_CALLS, text_page)
        return memoryview(ints).cast("q").tolist(), memoryview(doubles).cast("d").tolist()
    return _chars_by_ctypes(text_page)


INTS_PER_OBJECT, DOUBLES_PER_OBJECT = 2, 7
_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def shaped_chars(text_page: int, turns: int, box_width: float, box_height: float, scale: float, skew: float
                 ) -> tuple[list[dict], set[int]] | None:
    """pdfium_page._characters_in_python's characters and text objects, made in C (call only where
    bulk_in_c()); None where that raises LeftToPdfplumber for text not set upright."""
    return _pdfium_bulk.shaped_chars(*_CHAR_CALLS, text_page, _FONT_DESCENT_CALL, turns, box_width, box_height,
                                     scale, skew)


def objects(container: int, is_form: bool) -> tuple[list[int], list[float]]:
    """The objects of a page, or of a form object (is_form), as two flat lists: INTS_PER_OBJECT
    (handle, type) and DOUBLES_PER_OBJECT (matrix a b c d e f, the identity where pdfium has none;
    1.0 where it is painted, 0.0 for a path neither filled nor stroked) per object."""
    if _pdfium_bulk is not None:
        ints, doubles = _pdfium_bulk.objects(*(_FORM_OBJECT_CALLS if is_form else _PAGE_OBJECT_CALLS),
                                             container, is_form)
        return memoryview(ints).cast("q").tolist(), memoryview(doubles).cast("d").tolist()
    return _objects_by_ctypes(container, is_form)


def segments(path: int) -> list[float]:
    """A path's segments in its own space: (x, y, segment type, closes) per segment, flat."""
    if _pdfium_bulk is not None:
        return memoryview(_pdfium_bulk.segments(*_SEGMENT_CALLS, path)).cast("d").tolist()
    return _segments_by_ctypes(path)


def _objects_by_ctypes(container: int, is_form: bool) -> tuple[list[int], list[float]]:
    count, get = ((c.FPDFFormObj_CountObjects, c.FPDFFormObj_GetObject) if is_form
                  else (c.FPDFPage_CountObjects, c.FPDFPage_GetObject))
    matrix, fill_mode, stroke = pdfium_c.FS_MATRIX(), ctypes.c_int(), ctypes.c_int()
    ints, doubles = [], []
    for index in range(count(container)):
        handle = get(container, index) or 0
        own, painted = _IDENTITY, 1.0
        if handle:
            if c.FPDFPageObj_GetMatrix(handle, ctypes.byref(matrix)):
                own = (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)
            if c.FPDFPath_GetDrawMode(handle, ctypes.byref(fill_mode), ctypes.byref(stroke)):
                painted = 1.0 if fill_mode.value or stroke.value else 0.0
        ints += (handle, c.FPDFPageObj_GetType(handle) if handle else 0)
        doubles += (*own, painted)
    return ints, doubles


def _chars_by_ctypes(text_page: int) -> tuple[list[int], list[float]]:
    box, matrix = pdfium_c.FS_RECTF(), pdfium_c.FS_MATRIX()
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
    ints, doubles = [], []
    last_object = object_fields = None
    for index in range(c.FPDFText_CountChars(text_page)):
        unicode = c.FPDFText_GetUnicode(text_page, index)
        if unicode in _INFERRED and c.FPDFText_IsGenerated(text_page, index):
            continue
        text_object = c.FPDFText_GetTextObject(text_page, index) or 0
        if object_fields is None or text_object != last_object:
            last_object = text_object
            matrix.a = matrix.b = matrix.c = matrix.d = 0.0
            c.FPDFText_GetMatrix(text_page, index, ctypes.byref(matrix))
            origin_x.value = origin_y.value = 0.0
            c.FPDFText_GetCharOrigin(text_page, index, ctypes.byref(origin_x), ctypes.byref(origin_y))
            font = (c.FPDFTextObj_GetFont(text_object) or 0) if text_object else 0
            object_fields = (matrix.a, matrix.b, matrix.c, matrix.d, c.FPDFText_GetFontSize(text_page, index),
                             origin_x.value, origin_y.value)
        box.left = box.bottom = box.right = box.top = 0.0
        c.FPDFText_GetLooseCharBox(text_page, index, ctypes.byref(box))
        ints += (unicode, text_object, font)
        doubles += (box.left, box.bottom, box.right, box.top, *object_fields)
    return ints, doubles


def _segments_by_ctypes(path: int) -> list[float]:
    x, y = ctypes.c_float(), ctypes.c_float()
    x_ref, y_ref = ctypes.byref(x), ctypes.byref(y)
    points = []
    for index in range(c.FPDFPath_CountSegments(path)):
        segment = c.FPDFPath_GetPathSegment(path, index)
        x.value = y.value = 0.0
        c.FPDFPathSegment_GetPoint(segment, x_ref, y_ref)
        points += (x.value, y.value, float(c.FPDFPathSegment_GetType(segment)),
                   1.0 if c.FPDFPathSegment_GetClose(segment) else 0.0)
    return points
