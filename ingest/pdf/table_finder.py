"""pdfplumber's ruled-table finder ("lines" strategy), with the same result and less of its time.

pdfplumber makes its edges by copying every ruling line into a new dict at every step (edge,
snapped, joined). Here the same steps run on tuples (`ruled_edges`), with the same arithmetic in
the same order, so every float comes out the same. pdfplumber finds the cells by testing every
intersection point against every later one, and tells whether two points share an edge by
rebuilding both points' edge sets on every test. Here the edges meeting at a point are gathered
once, the points below and right of a point are looked up by column and row, and the horizontal
edges a vertical edge can cross are found by bisection. The cell-to-table grouping and the
tables are pdfplumber's own.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from itertools import groupby
from operator import itemgetter

from pdfplumber.table import Table, TableFinder, TableSettings, cells_to_tables

from .cell_text import cluster_numbers

Point = tuple[float, float]
_MARGIN = 1e-6
Bbox = tuple[float, float, float, float]


def _bbox(edge: dict) -> Bbox:
    return (edge["x0"], edge["top"], edge["x1"], edge["bottom"])


_Edge = list       # [x0, top, x1, bottom, length]: length is pdfplumber's stored width (h) or height (v)
_X0, _TOP, _X1, _BOTTOM, _LENGTH = range(5)


def _snapped(edges: list[_Edge], at: int, tolerance: float) -> list[_Edge]:
    """pdfplumber's snap_objects: edges whose value `at` (x0 of verticals, top of horizontals)
    cluster within `tolerance` move to the cluster's mean, in cluster order, each cluster in the
    edges' order; the length stays as stored."""
    cluster_of, count = cluster_numbers([edge[at] for edge in edges], tolerance)
    clusters: list[list[_Edge]] = [[] for _ in range(count)]
    for edge in edges:
        clusters[cluster_of[edge[at]]].append(edge)
    far = at + 2                         # x1 for x0, bottom for top: moved by the same amount
    snapped = []
    for group in clusters:
        mean = sum(edge[at] for edge in group) / len(group)
        for edge in group:
            moved = edge.copy()
            shift = mean - edge[at]
            moved[at], moved[far] = edge[at] + shift, edge[far] + shift
            snapped.append(moved)
    return snapped


def _joined(group: list[_Edge], start: int, tolerance: float) -> list[_Edge]:
    """pdfplumber's join_edge_group: edges on one line (start: x0 of horizontals, top of
    verticals), in order along it, joined where one begins within `tolerance` of where the
    last ends; a joined edge's length is extended as pdfplumber's resize_object does."""
    end = start + 2
    joined = []
    for edge in sorted(group, key=itemgetter(start)):
        if joined and edge[start] <= joined[-1][end] + tolerance:
            last = joined[-1]
            if edge[end] > last[end]:
                longer = last.copy()
                if start == _X0:         # resize x1: width = x1 - x0
                    longer[_LENGTH] = edge[end] - last[_X0]
                else:                    # resize bottom: height + (new bottom - old bottom)
                    longer[_LENGTH] = last[_LENGTH] + (edge[end] - last[end])
                longer[end] = edge[end]
                joined[-1] = longer
        else:
            joined.append(edge)
    return joined


def ruled_edges(lines: list[dict], settings: TableSettings) -> list[dict]:
    """pdfplumber's TableFinder.get_edges for the "lines" strategy on both axes, no explicit
    lines, on a page whose only drawn objects are 'line' objects: the same edges (x0, top, x1,
    bottom, orientation) in the same order."""
    verticals, horizontals = [], []
    for line in lines:
        if line["top"] == line["bottom"]:
            if line["width"] >= settings.edge_min_length_prefilter:
                horizontals.append([line["x0"], line["top"], line["x1"], line["bottom"], line["width"]])
        elif line["height"] >= settings.edge_min_length_prefilter:
            verticals.append([line["x0"], line["top"], line["x1"], line["bottom"], line["height"]])
    if settings.snap_x_tolerance > 0 or settings.snap_y_tolerance > 0:
        verticals = _snapped(verticals, _X0, settings.snap_x_tolerance)
        horizontals = _snapped(horizontals, _TOP, settings.snap_y_tolerance)
    edges = []
    for (orientation, _), group in groupby(sorted([("h", edge[_TOP], edge) for edge in horizontals]
                                                  + [("v", edge[_X0], edge) for edge in verticals],
                                                  key=itemgetter(0, 1)), key=itemgetter(0, 1)):
        along = [edge for _, _, edge in group]
        if orientation == "h":
            edges += [("h", edge) for edge in _joined(along, _X0, settings.join_x_tolerance)]
        else:
            edges += [("v", edge) for edge in _joined(along, _TOP, settings.join_y_tolerance)]
    return [{"x0": edge[_X0], "top": edge[_TOP], "x1": edge[_X1], "bottom": edge[_BOTTOM], "orientation": orientation}
            for orientation, edge in edges if edge[_LENGTH] >= settings.edge_min_length]


def edges_to_intersections(edges: list[dict], x_tolerance: float, y_tolerance: float
                           ) -> dict[Point, tuple[set[Bbox], set[Bbox]]]:
    """pdfplumber's edges_to_intersections: point -> (bboxes of its vertical edges, of its
    horizontal edges)."""
    verticals = [edge for edge in edges if edge["orientation"] == "v"]
    horizontals = sorted((edge for edge in edges if edge["orientation"] == "h"), key=lambda edge: edge["top"])
    tops = [edge["top"] for edge in horizontals]
    intersections: dict[Point, tuple[set[Bbox], set[Bbox]]] = {}
    for vertical in verticals:
        # the horizontals whose top is within [v.top - y_tolerance, v.bottom + y_tolerance],
        # a little wider: pdfplumber's own tests below decide, to the last bit of the floats
        first = bisect_left(tops, vertical["top"] - y_tolerance - _MARGIN)
        last = bisect_right(tops, vertical["bottom"] + y_tolerance + _MARGIN)
        x = vertical["x0"]
        for horizontal in horizontals[first:last]:
            if (vertical["top"] <= horizontal["top"] + y_tolerance
                    and vertical["bottom"] >= horizontal["top"] - y_tolerance
                    and horizontal["x0"] - x_tolerance <= x <= horizontal["x1"] + x_tolerance):
                point = (x, horizontal["top"])
                if point not in intersections:
                    intersections[point] = (set(), set())
                intersections[point][0].add(_bbox(vertical))
                intersections[point][1].add(_bbox(horizontal))
    return intersections


def intersections_to_cells(intersections: dict[Point, tuple[set[Bbox], set[Bbox]]]) -> list[Bbox]:
    """pdfplumber's intersections_to_cells: for each point, the smallest cell it is the top left
    corner of, trying the points below, then right, nearest first."""
    def connects(first: Point, second: Point) -> bool:
        if first[0] == second[0] and not intersections[first][0].isdisjoint(intersections[second][0]):
            return True
        return first[1] == second[1] and not intersections[first][1].isdisjoint(intersections[second][1])

    points = sorted(intersections)
    below_of: dict[float, list[float]] = defaultdict(list)    # x -> the tops of its points, ascending
    right_of: dict[float, list[float]] = defaultdict(list)    # top -> the xs of its points, ascending
    for x, top in points:
        below_of[x].append(top)
        right_of[top].append(x)
    cells = []
    for x, top in points:
        column, row = below_of[x], right_of[top]
        below = [(x, y) for y in column[bisect_right(column, top):]]
        right = [(other, top) for other in row[bisect_right(row, x):]]
        cell = None
        for below_point in below:
            if not connects((x, top), below_point):
                continue
            for right_point in right:
                if not connects((x, top), right_point):
                    continue
                corner = (right_point[0], below_point[1])
                if corner in intersections and connects(corner, right_point) and connects(corner, below_point):
                    cell = (x, top, corner[0], corner[1])
                    break
            if cell:
                break
        if cell:
            cells.append(cell)
    return cells


class FastTableFinder(TableFinder):
    def __init__(self, page, settings=None):            # noqa: D107 - pdfplumber's, faster
        self.page = page
        self.settings = TableSettings.resolve(settings)
        self.edges = (ruled_edges(page.objects["line"], self.settings) if self._lines_only()
                      else self.get_edges())
        self.intersections = edges_to_intersections(
            self.edges, self.settings.intersection_x_tolerance, self.settings.intersection_y_tolerance)
        self.cells = intersections_to_cells(self.intersections)
        self.tables = [Table(self.page, group) for group in cells_to_tables(self.cells)]

    def _lines_only(self) -> bool:
        """Whether ruled_edges gives what get_edges would: both strategies "lines", no explicit
        lines, and no rects or curves on the page."""
        settings, objects = self.settings, self.page.objects
        return (settings.vertical_strategy == settings.horizontal_strategy == "lines"
                and not settings.explicit_vertical_lines and not settings.explicit_horizontal_lines
                and not objects.get("rect") and not objects.get("curve"))
