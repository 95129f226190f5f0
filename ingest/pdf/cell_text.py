"""pdfplumber's text of a table cell (utils.extract_text) and of a page's free text
(page.extract_text_lines), for upright characters and the settings the reader uses, without the
machinery around them (a word extractor, a word map and a text map built per cell and page).

The same steps, in the same order:
1. characters grouped into lines: their tops clustered, each top joining the cluster of the top
   before it when within the line tolerance (clusters in top order, characters in their order);
2. each line sorted by x0 (stable), and cut into words at a blank character, or where a
   character starts left of the previous one's x0, more than X_TOLERANCE right of its x1, or
   further than the line tolerance above or below its top;
3. the words' text, ligatures expanded, grouped into lines again by the words' tops (a word's top
   is its highest character's): for a cell, clusters in top order; for free text, runs of
   consecutive words in one cluster, in the order the words came.
tests/python/test_pdf_lines.py holds both to pdfplumber's results on the real PDFs.
"""
from __future__ import annotations

from operator import itemgetter

from pdfplumber.utils.text import DEFAULT_X_TOLERANCE, DEFAULT_Y_TOLERANCE, LIGATURES

X_TOLERANCE = DEFAULT_X_TOLERANCE
_X0 = itemgetter("x0")


def cluster_numbers(values, tolerance: float) -> tuple[dict[float, int], int]:
    """pdfplumber's make_cluster_dict: each distinct value -> its cluster, in value order; a value
    within `tolerance` of the value before it is in that one's cluster. And how many clusters.
    (The table finder clusters edge positions with it too.)"""
    cluster_of: dict[float, int] = {}
    last = None
    cluster = -1
    for value in sorted(set(values)):
        if last is None or value > last + tolerance:
            cluster += 1
        cluster_of[value] = cluster
        last = value
    return cluster_of, cluster + 1


def _clusters(items: list, tops: list[float], tolerance: float) -> list[list]:
    """pdfplumber's cluster_objects: groups in cluster order, items in their order within one."""
    cluster_of, count = cluster_numbers(tops, tolerance)
    if count == 1:
        return [items]
    groups: list[list] = [[] for _ in range(count)]
    for item, top in zip(items, tops):
        groups[cluster_of[top]].append(item)
    return groups


def _words(line: list[dict], y_tolerance: float) -> list[tuple[str, float]]:
    """(text, top) of each word of one line of characters; a word's top is its highest
    character's."""
    words = []
    texts: list[str] = []                # the current word's
    top = previous = None
    for char in sorted(line, key=_X0):
        text = char["text"]
        if text.isspace():
            if texts:
                words.append(("".join(texts), top))
            texts, previous = [], None
            continue
        if previous is not None and (char["x0"] < previous["x0"] or char["x0"] > previous["x1"] + X_TOLERANCE
                                     or abs(char["top"] - previous["top"]) > y_tolerance):
            words.append(("".join(texts), top))
            texts = []
        top = char["top"] if not texts or char["top"] < top else top
        texts.append(LIGATURES.get(text, text))
        previous = char
    if texts:
        words.append(("".join(texts), top))
    return words


def _all_words(chars: list[dict], y_tolerance: float) -> list[tuple[str, float]]:
    lines = _clusters(chars, [char["top"] for char in chars], y_tolerance)
    return [word for line in lines for word in _words(line, y_tolerance)]


def cell_text(chars: list[dict]) -> str:
    """What pdfplumber.utils.extract_text(chars) returns, for characters all set upright."""
    if not chars:
        return ""
    words = _all_words(chars, DEFAULT_Y_TOLERANCE)
    lines = _clusters([text for text, _ in words], [top for _, top in words], DEFAULT_Y_TOLERANCE)
    return "\n".join(" ".join(line) for line in lines)


def free_text_lines(chars: list[dict], y_tolerance: float) -> list[tuple[float, str]]:
    """(top, text) of each line pdfplumber's extract_text_lines(y_tolerance=…) gives for
    characters all set upright."""
    words = _all_words(chars, y_tolerance)
    cluster_of, _ = cluster_numbers([top for _, top in words], y_tolerance)
    lines: list[tuple[float, str]] = []
    run: list[tuple[str, float]] = []
    for word in words:
        if run and cluster_of[word[1]] != cluster_of[run[-1][1]]:
            lines.append((min(top for _, top in run), " ".join(text for text, _ in run)))
            run = []
        run.append(word)
    if run:
        lines.append((min(top for _, top in run), " ".join(text for text, _ in run)))
    return lines
