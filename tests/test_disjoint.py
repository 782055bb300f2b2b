"""Disjoint sets: the connected parts of a relation."""

from ocr_pipeline.disjoint import DisjointSets


def test_groups_are_the_connected_parts_in_order_of_their_first_item():
    sets = DisjointSets(6)
    sets.union(4, 1)
    sets.union(1, 5)
    sets.union(2, 3)
    assert sets.groups() == [[0], [1, 4, 5], [2, 3]]
    assert sets.find(4) == sets.find(5) != sets.find(0)
