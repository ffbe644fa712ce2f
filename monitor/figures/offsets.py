"""Where each letter of a retyped text stands in the page's own text: one entry an edit, found by
bisection (retyping keeps most of a page as it is, and a list with a place for each letter cost
more than the retyping itself). Made by chinese_amounts.in_digits and spacing.squeezed."""

from __future__ import annotations

from bisect import bisect_right


class Back:
    """The place in `text` of each letter of a text made from it by `edits`: each (a, b, n) the
    letters text[a:b] written as n letters (n = 0: dropped), in order and apart. A letter outside
    the edits stands where it stood, shifted by the edits before it; one inside an edit is spread
    over the letters it stands for (a number's digits over its numerals)."""

    __slots__ = ("_edits", "_size", "_starts")

    def __init__(self, length: int, edits: list[tuple[int, int, int]]) -> None:
        starts: list[int] = []
        shift = 0  # letters the edits so far took out (or, negative, put in)
        for a, b, n in edits:
            starts.append(a - shift)
            shift += b - a - n
        self._edits = edits
        self._starts = starts  # where each edit's letters start in the retyped text
        self._size = length - shift

    def __len__(self) -> int:
        return self._size

    def __getitem__(self, j: int) -> int:
        if j < 0:
            j += self._size
        if not 0 <= j < self._size:
            raise IndexError(j)
        return self.at(j)

    def at(self, j: int) -> int:
        """The place in the page's text of the retyped text's letter `j` (0 <= j < len)."""
        k = bisect_right(self._starts, j) - 1
        if k < 0:
            return j
        start = self._starts[k]
        a, b, n = self._edits[k]
        if j < start + n:  # inside the edit: its letters spread over text[a:b]
            return a + ((j - start) * (b - a - 1)) // (n - 1) if n > 1 else a
        return b + (j - start - n)
