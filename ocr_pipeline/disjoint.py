"""Disjoint sets (union-find) over the items 0..n-1: the connected parts of a relation."""

from __future__ import annotations


class DisjointSets:
    """``union(a, b)`` puts two items in one set; ``find(a)`` names a's set; ``groups()`` lists the sets."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, a: int) -> int:
        parent = self.parent
        while parent[a] != a:
            parent[a] = parent[parent[a]]  # path halving
            a = parent[a]
        return a

    def union(self, a: int, b: int) -> None:
        self.parent[self.find(a)] = self.find(b)

    def groups(self) -> list[list[int]]:
        """The sets, each in ascending order, in the order of their first item."""
        out: dict[int, list[int]] = {}
        for a in range(len(self.parent)):
            out.setdefault(self.find(a), []).append(a)
        return list(out.values())
