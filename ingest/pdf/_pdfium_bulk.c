/* A page's characters and a path's points read from pdfium in one call each.
 *
 * Through ctypes every pdfium call costs about a microsecond of Python, and a page takes three or
 * four per character and per path segment: most of the reader's time. These loops make the same
 * calls from C. pdfium is not linked: Python passes the addresses of the pdfium functions it
 * already loaded (pypdfium2's libpdfium), so this module needs no pdfium headers or library.
 * ingest/pdf/pdfium_calls.py owns the interface; its ctypes twin returns the same values when this
 * module was not built (no C compiler at install). The GIL stays held: pdfium is not thread-safe.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

typedef struct { float left, top, right, bottom; } rect_f;   /* pdfium's FS_RECTF */
typedef struct { float a, b, c, d, e, f; } matrix_f;          /* pdfium's FS_MATRIX */

typedef int (*count_chars_f)(void *text_page);
typedef unsigned int (*get_unicode_f)(void *text_page, int index);
typedef int (*is_generated_f)(void *text_page, int index);
typedef void *(*get_text_object_f)(void *text_page, int index);
typedef int (*get_loose_char_box_f)(void *text_page, int index, rect_f *box);
typedef int (*get_matrix_f)(void *text_page, int index, matrix_f *matrix);
typedef double (*get_font_size_f)(void *text_page, int index);
typedef int (*get_char_origin_f)(void *text_page, int index, double *x, double *y);
typedef void *(*text_object_get_font_f)(void *text_object);
typedef int (*font_get_descent_f)(void *font, float font_size, float *descent);

typedef int (*count_objects_f)(void *container);
typedef void *(*page_get_object_f)(void *page, int index);
typedef void *(*form_get_object_f)(void *form, unsigned long index);
typedef int (*get_type_f)(void *object);
typedef int (*object_get_matrix_f)(void *object, matrix_f *matrix);
typedef int (*get_draw_mode_f)(void *path, int *fill_mode, int *stroke);

typedef int (*count_segments_f)(void *path);
typedef void *(*get_path_segment_f)(void *path, int index);
typedef int (*segment_get_point_f)(void *segment, float *x, float *y);
typedef int (*segment_get_type_f)(void *segment);
typedef int (*segment_get_close_f)(void *segment);

static int address(PyObject *value, void **out) {
    *out = PyLong_AsVoidPtr(value);
    return !(*out == NULL && PyErr_Occurred());
}

/* Two bytes objects for `count` records of `ints_per` int64 and `doubles_per` float64; 0 (and
 * neither) when memory runs out. */
static int new_records(Py_ssize_t count, int ints_per, int doubles_per, PyObject **ints, PyObject **doubles) {
    *ints = PyBytes_FromStringAndSize(NULL, count * ints_per * (Py_ssize_t)sizeof(int64_t));
    *doubles = PyBytes_FromStringAndSize(NULL, count * doubles_per * (Py_ssize_t)sizeof(double));
    if (*ints != NULL && *doubles != NULL)
        return 1;
    Py_CLEAR(*ints);
    Py_CLEAR(*doubles);
    return 0;
}

/* Reading a text page's characters, shared by chars() and shaped_chars(). The calls, in this
 * order: count_chars, get_unicode, is_generated, get_text_object, get_loose_char_box,
 * get_matrix, get_font_size, get_char_origin, text_object_get_font. */
enum { CHAR_CALLS = 9, INTS_PER_CHAR = 3, DOUBLES_PER_CHAR = 11 };

typedef struct {
    count_chars_f count_chars;
    get_unicode_f get_unicode;
    is_generated_f is_generated;
    get_text_object_f get_text_object;
    get_loose_char_box_f get_loose_char_box;
    get_matrix_f get_matrix;
    get_font_size_f get_font_size;
    get_char_origin_f get_char_origin;
    text_object_get_font_f text_object_get_font;
    void *text_page;
    int count, next;              /* characters on the page; the next index to read */
    void *last_object;
    int any;                      /* a character was read */
} char_reader;

/* One character: its own values, and its text object's (a text object is one show operator, so
 * the matrix, size, font and origin of its first character stand for all of them: they are
 * asked once per object). */
typedef struct {
    unsigned int unicode;
    void *text_object, *font;
    rect_f box;
    matrix_f matrix;
    double font_size, origin_x, origin_y;
    int new_object;               /* the first character of its text object */
} char_read;

/* The reader of the text page, from the CHAR_CALLS addresses at args[0…] and the text page
 * after them; 0 with an exception set if one is not an address. */
static int open_char_reader(PyObject *args, char_reader *reader) {
    void *pointers[CHAR_CALLS + 1];
    for (int i = 0; i <= CHAR_CALLS; i++)
        if (!address(PyTuple_GET_ITEM(args, i), &pointers[i]))
            return 0;
    *reader = (char_reader){
        (count_chars_f)pointers[0], (get_unicode_f)pointers[1], (is_generated_f)pointers[2],
        (get_text_object_f)pointers[3], (get_loose_char_box_f)pointers[4], (get_matrix_f)pointers[5],
        (get_font_size_f)pointers[6], (get_char_origin_f)pointers[7], (text_object_get_font_f)pointers[8],
        pointers[CHAR_CALLS], 0, 0, NULL, 0};
    reader->count = reader->count_chars(reader->text_page);
    return 1;
}

/* The next character pdfium did not infer (an inferred space or line break is skipped) into
 * `read`, its object's values kept from the character before unless it starts a new object;
 * 0 at the end of the page. */
static int read_next_char(char_reader *reader, char_read *read) {
    for (; reader->next < reader->count; reader->next++) {
        int index = reader->next;
        unsigned int unicode = reader->get_unicode(reader->text_page, index);
        if ((unicode == ' ' || unicode == '\r' || unicode == '\n') && reader->is_generated(reader->text_page, index))
            continue;
        void *text_object = reader->get_text_object(reader->text_page, index);
        read->new_object = !reader->any || text_object != reader->last_object;
        if (read->new_object) {
            reader->any = 1;
            reader->last_object = text_object;
            read->matrix = (matrix_f){0, 0, 0, 0, 0, 0};
            reader->get_matrix(reader->text_page, index, &read->matrix);
            read->font_size = reader->get_font_size(reader->text_page, index);
            read->origin_x = read->origin_y = 0;
            reader->get_char_origin(reader->text_page, index, &read->origin_x, &read->origin_y);
            read->font = text_object ? reader->text_object_get_font(text_object) : NULL;
        }
        read->unicode = unicode;
        read->text_object = text_object;
        read->box = (rect_f){0, 0, 0, 0};
        reader->get_loose_char_box(reader->text_page, index, &read->box);
        reader->next++;
        return 1;
    }
    return 0;
}

/* chars(the CHAR_CALLS, text_page) -> (ints, doubles): for every character read_next_char reads,
 * ints holds int64 (unicode, text object, font) and doubles float64 (left, bottom, right, top of
 * its loose box, its text object's matrix a b c d, font size, and origin x y). */
static PyObject *chars(PyObject *self, PyObject *args) {
    char_reader reader;
    if (PyTuple_GET_SIZE(args) != CHAR_CALLS + 1) {
        PyErr_SetString(PyExc_TypeError, "chars: nine pdfium function addresses and a text page");
        return NULL;
    }
    if (!open_char_reader(args, &reader))
        return NULL;
    PyObject *ints, *doubles;
    if (!new_records(reader.count > 0 ? reader.count : 0, INTS_PER_CHAR, DOUBLES_PER_CHAR, &ints, &doubles))
        return NULL;
    int64_t *int_out = (int64_t *)PyBytes_AS_STRING(ints);
    double *double_out = (double *)PyBytes_AS_STRING(doubles);
    Py_ssize_t kept = 0;
    char_read read;
    while (read_next_char(&reader, &read)) {
        int64_t *ints_at = int_out + kept * INTS_PER_CHAR;
        ints_at[0] = read.unicode;
        ints_at[1] = (int64_t)(intptr_t)read.text_object;
        ints_at[2] = (int64_t)(intptr_t)read.font;
        double *doubles_at = double_out + kept * DOUBLES_PER_CHAR;
        double values[DOUBLES_PER_CHAR] = {read.box.left, read.box.bottom, read.box.right, read.box.top,
                                           read.matrix.a, read.matrix.b, read.matrix.c, read.matrix.d,
                                           read.font_size, read.origin_x, read.origin_y};
        memcpy(doubles_at, values, sizeof values);
        kept++;
    }
    if (_PyBytes_Resize(&ints, kept * INTS_PER_CHAR * sizeof(int64_t)) < 0) {
        Py_XDECREF(doubles);
        return NULL;
    }
    if (_PyBytes_Resize(&doubles, kept * DOUBLES_PER_CHAR * sizeof(double)) < 0) {
        Py_DECREF(ints);
        return NULL;
    }
    return Py_BuildValue("(NN)", ints, doubles);
}

/* segments(count_segments, get_path_segment, get_point, get_type, get_close, path) -> points:
 * float64 (x, y, type, close) per segment of the path, in its own space. */
static PyObject *segments(PyObject *self, PyObject *args) {
    PyObject *arguments[6];
    void *pointers[6];
    if (!PyArg_UnpackTuple(args, "segments", 6, 6, &arguments[0], &arguments[1], &arguments[2],
                           &arguments[3], &arguments[4], &arguments[5]))
        return NULL;
    for (int i = 0; i < 6; i++)
        if (!address(arguments[i], &pointers[i]))
            return NULL;
    count_segments_f count_segments = (count_segments_f)pointers[0];
    get_path_segment_f get_path_segment = (get_path_segment_f)pointers[1];
    segment_get_point_f get_point = (segment_get_point_f)pointers[2];
    segment_get_type_f get_type = (segment_get_type_f)pointers[3];
    segment_get_close_f get_close = (segment_get_close_f)pointers[4];
    void *path = pointers[5];

    int count = count_segments(path);
    if (count < 0)
        count = 0;
    PyObject *points = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)count * 4 * sizeof(double));
    if (points == NULL)
        return NULL;
    double *out = (double *)PyBytes_AS_STRING(points);
    for (int index = 0; index < count; index++) {
        void *segment = get_path_segment(path, index);
        float x = 0, y = 0;
        get_point(segment, &x, &y);
        out[index * 4] = x;
        out[index * 4 + 1] = y;
        out[index * 4 + 2] = get_type(segment);
        out[index * 4 + 3] = get_close(segment) ? 1.0 : 0.0;
    }
    return points;
}

/* The characters as pdfplumber's dicts, shaped as ingest/pdf/pdfium_page.py's _characters_in_python
 * shapes them, the same arithmetic in the same order (the module is built with -ffp-contract=off,
 * so no multiply-add is fused and every double comes out as Python's). */

static PyObject *key_object_type, *key_text, *key_x0, *key_x1, *key_top, *key_bottom, *key_doctop,
    *key_size, *key_upright, *value_char;

static double rounded(double value, double scale) { return floor(value * scale + 0.5) / scale; }

/* (x, top) on the displayed page of user-space (x, y): _PageSpace.point */
static void page_point(int turns, double width, double height, double x, double y, double *out_x, double *out_top) {
    switch (turns) {
    case 0: *out_x = x; *out_top = height - y; break;
    case 1: *out_x = y; *out_top = x; break;
    case 2: *out_x = width - x; *out_top = y; break;
    default: *out_x = height - y; *out_top = width - x; break;
    }
}

static const double TURNS[4][4] = {{1, 0, 0, 1}, {0, -1, 1, 0}, {-1, 0, 0, -1}, {0, 1, -1, 0}};

/* shaped_chars(the CHAR_CALLS, text_page, font_get_descent, turns, box_width, box_height, scale,
 *              skew) -> (chars, text objects) or None where a text object is not set upright on
 * the turned page. */
static PyObject *shaped_chars(PyObject *self, PyObject *args) {
    char_reader reader;
    void *descent_address;
    int turns;
    double box_width, box_height, scale, skew;
    if (PyTuple_GET_SIZE(args) != CHAR_CALLS + 7) {
        PyErr_SetString(PyExc_TypeError, "shaped_chars: the chars() arguments, font_get_descent, turns, "
                                         "box width and height, scale, skew");
        return NULL;
    }
    if (!open_char_reader(args, &reader) || !address(PyTuple_GET_ITEM(args, CHAR_CALLS + 1), &descent_address))
        return NULL;
    PyObject *page_space = PyTuple_GetSlice(args, CHAR_CALLS + 2, CHAR_CALLS + 7);
    int parsed = page_space != NULL
        && PyArg_ParseTuple(page_space, "idddd", &turns, &box_width, &box_height, &scale, &skew);
    Py_XDECREF(page_space);
    if (!parsed)
        return NULL;
    font_get_descent_f font_get_descent = (font_get_descent_f)descent_address;
    turns = ((turns % 4) + 4) % 4;
    const double *turn = TURNS[turns];

    PyObject *size_value = NULL, *top_value = NULL, *bottom_value = NULL;   /* the current text object's */
    PyObject *chars = PyList_New(0), *used = PySet_New(NULL);
    if (chars == NULL || used == NULL)
        goto failed;
    char_read read;
    while (read_next_char(&reader, &read)) {
        if (read.new_object) {
            PyObject *handle = PyLong_FromVoidPtr(read.text_object);
            if (handle == NULL || PySet_Add(used, handle) < 0) {
                Py_XDECREF(handle);
                goto failed;
            }
            Py_DECREF(handle);
            double a = read.matrix.a, b = read.matrix.b, c = read.matrix.c, d = read.matrix.d;
            double ta = a * turn[0] + b * turn[2], tb = a * turn[1] + b * turn[3];
            double tc = c * turn[0] + d * turn[2], td = c * turn[1] + d * turn[3];
            if (-skew <= tb && tb <= skew)
                tb = 0.0;
            if (-skew <= tc && tc <= skew)
                tc = 0.0;
            if (tb != 0.0 || tc != 0.0 || ta <= 0 || td <= 0) {
                Py_DECREF(chars);
                Py_DECREF(used);
                Py_XDECREF(size_value);
                Py_XDECREF(top_value);
                Py_XDECREF(bottom_value);
                Py_RETURN_NONE;
            }
            double size = rounded(read.font_size * td, scale);
            float descent_per_point = 0;
            double descent = read.font && font_get_descent(read.font, 1.0f, &descent_per_point)
                ? (double)descent_per_point : 0.0;
            double origin_page_x, baseline;
            page_point(turns, box_width, box_height, read.origin_x, read.origin_y, &origin_page_x, &baseline);
            double bottom = rounded(baseline - descent * size, scale);
            double top = rounded(bottom - size, scale);
            Py_XDECREF(size_value);
            Py_XDECREF(top_value);
            Py_XDECREF(bottom_value);
            size_value = PyFloat_FromDouble(size);
            top_value = PyFloat_FromDouble(top);
            bottom_value = PyFloat_FromDouble(bottom);
            if (size_value == NULL || top_value == NULL || bottom_value == NULL)
                goto failed;
        }
        double x0, x1, unused;
        if (turns == 0) {
            x0 = read.box.left;
            x1 = read.box.right;
        } else {        /* the advance runs along the turned page's x: the box's corners, turned */
            page_point(turns, box_width, box_height, read.box.left, read.box.bottom, &x0, &unused);
            page_point(turns, box_width, box_height, read.box.right, read.box.top, &x1, &unused);
            if (x1 < x0) {
                double swap = x0;
                x0 = x1;
                x1 = swap;
            }
        }
        PyObject *text = PyUnicode_FromOrdinal((int)read.unicode);
        PyObject *x0_value = PyFloat_FromDouble(rounded(x0, scale));
        PyObject *x1_value = PyFloat_FromDouble(rounded(x1, scale));
        PyObject *char_dict = PyDict_New();
        int failed = text == NULL || x0_value == NULL || x1_value == NULL || char_dict == NULL
            || PyDict_SetItem(char_dict, key_object_type, value_char) < 0
            || PyDict_SetItem(char_dict, key_text, text) < 0
            || PyDict_SetItem(char_dict, key_x0, x0_value) < 0
            || PyDict_SetItem(char_dict, key_x1, x1_value) < 0
            || PyDict_SetItem(char_dict, key_top, top_value) < 0
            || PyDict_SetItem(char_dict, key_bottom, bottom_value) < 0
            || PyDict_SetItem(char_dict, key_doctop, top_value) < 0
            || PyDict_SetItem(char_dict, key_size, size_value) < 0
            || PyDict_SetItem(char_dict, key_upright, Py_True) < 0
            || PyList_Append(chars, char_dict) < 0;
        Py_XDECREF(text);
        Py_XDECREF(x0_value);
        Py_XDECREF(x1_value);
        Py_XDECREF(char_dict);
        if (failed)
            goto failed;
    }
    Py_XDECREF(size_value);
    Py_XDECREF(top_value);
    Py_XDECREF(bottom_value);
    return Py_BuildValue("(NN)", chars, used);

failed:
    Py_XDECREF(chars);
    Py_XDECREF(used);
    Py_XDECREF(size_value);
    Py_XDECREF(top_value);
    Py_XDECREF(bottom_value);
    return NULL;
}

enum { OBJECT_CALLS = 5, DOUBLES_PER_OBJECT = 7 };

/* objects(count_objects, get_object, get_type, get_matrix, get_draw_mode, container, is_form)
 * -> (ints, doubles): the objects of a page (is_form false: FPDFPage_CountObjects,
 * FPDFPage_GetObject) or of a form object (FPDFFormObj_CountObjects, FPDFFormObj_GetObject, whose
 * index is unsigned long). ints holds int64 (handle, type) per object, doubles float64 (its
 * matrix a b c d e f, the identity where pdfium has none; 1 if it is painted, 0 if not: a path
 * neither filled nor stroked; 1 for what is not a path). */
static PyObject *objects(PyObject *self, PyObject *args) {
    PyObject *arguments[OBJECT_CALLS + 1];
    void *pointers[OBJECT_CALLS + 1];
    int is_form;
    if (!PyArg_ParseTuple(args, "OOOOOOp", &arguments[0], &arguments[1], &arguments[2], &arguments[3],
                          &arguments[4], &arguments[5], &is_form))
        return NULL;
    for (int i = 0; i <= OBJECT_CALLS; i++)
        if (!address(arguments[i], &pointers[i]))
            return NULL;
    get_type_f get_type = (get_type_f)pointers[2];
    object_get_matrix_f get_matrix = (object_get_matrix_f)pointers[3];
    get_draw_mode_f get_draw_mode = (get_draw_mode_f)pointers[4];
    void *container = pointers[OBJECT_CALLS];
    int count = ((count_objects_f)pointers[0])(container);
    if (count < 0)
        count = 0;
    PyObject *ints, *doubles;
    if (!new_records(count, 2, DOUBLES_PER_OBJECT, &ints, &doubles))
        return NULL;
    int64_t *int_out = (int64_t *)PyBytes_AS_STRING(ints);
    double *double_out = (double *)PyBytes_AS_STRING(doubles);
    for (int index = 0; index < count; index++) {
        void *object = is_form ? ((form_get_object_f)pointers[1])(container, (unsigned long)index)
                               : ((page_get_object_f)pointers[1])(container, index);
        matrix_f matrix = {1, 0, 0, 1, 0, 0};
        int fill_mode = 0, stroke = 0;
        int has_draw_mode = 0;
        if (object != NULL) {
            if (!get_matrix(object, &matrix))
                matrix = (matrix_f){1, 0, 0, 1, 0, 0};
            has_draw_mode = get_draw_mode(object, &fill_mode, &stroke);
        }
        int_out[index * 2] = (int64_t)(intptr_t)object;
        int_out[index * 2 + 1] = object != NULL ? get_type(object) : 0;
        double *at = double_out + index * DOUBLES_PER_OBJECT;
        at[0] = matrix.a;
        at[1] = matrix.b;
        at[2] = matrix.c;
        at[3] = matrix.d;
        at[4] = matrix.e;
        at[5] = matrix.f;
        at[6] = !has_draw_mode || fill_mode || stroke;
    }
    return Py_BuildValue("(NN)", ints, doubles);
}

static PyMethodDef methods[] = {
    {"chars", chars, METH_VARARGS, "A text page's characters: (ints, doubles) as bytes."},
    {"shaped_chars", shaped_chars, METH_VARARGS, "A text page's characters as pdfplumber dicts, and their text objects."},
    {"objects", objects, METH_VARARGS, "A page's or form object's objects: (ints, doubles) as bytes."},
    {"segments", segments, METH_VARARGS, "A path's segments: (x, y, type, close) as float64 bytes."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_pdfium_bulk", NULL, -1, methods};

PyMODINIT_FUNC PyInit__pdfium_bulk(void) {
    PyObject **keys[] = {&key_object_type, &key_text, &key_x0, &key_x1, &key_top, &key_bottom, &key_doctop,
                         &key_size, &key_upright, &value_char};
    const char *names[] = {"object_type", "text", "x0", "x1", "top", "bottom", "doctop", "size", "upright", "char"};
    for (int i = 0; i < 10; i++)
        if ((*keys[i] = PyUnicode_InternFromString(names[i])) == NULL)
            return NULL;
    return PyModule_Create(&module);
}
