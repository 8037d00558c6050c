"""Memoising by identity: one computation per object, never a result for another object."""

from __future__ import annotations

import weakref

from bot.memo import by_identity


class _Box:
    def __init__(self, value: int) -> None:
        self.value = value


def test_the_same_object_is_computed_once() -> None:
    calls: list[int] = []

    @by_identity(8)
    def double(box: _Box) -> int:
        calls.append(box.value)
        return box.value * 2

    box = _Box(3)
    assert double(box) == 6 and double(box) == 6
    assert calls == [3]


def test_an_equal_but_distinct_object_is_computed_for_itself() -> None:
    calls: list[int] = []

    @by_identity(8)
    def value_of(items: tuple[int, ...]) -> int:
        calls.append(len(items))
        return sum(items)

    first, second = tuple(range(1, 3)), tuple(range(1, 3))
    assert first == second and first is not second
    assert value_of(first) == value_of(second) == 3
    assert calls == [2, 2]


def test_a_cached_object_is_kept_alive_so_its_id_is_not_reused() -> None:
    @by_identity(8)
    def value_of(box: _Box) -> int:
        return box.value

    box = _Box(1)
    ref = weakref.ref(box)
    assert value_of(box) == 1
    del box
    assert ref() is not None
    # Many new objects: none of them is answered with another's value.
    assert all(value_of(_Box(n)) == n for n in range(2, 100))


def test_the_cache_is_emptied_when_full() -> None:
    calls: list[int] = []

    @by_identity(4)
    def value_of(box: _Box) -> int:
        calls.append(box.value)
        return box.value

    boxes = [_Box(n) for n in range(5)]
    for box in boxes:
        value_of(box)
    value_of(boxes[0])  # forgotten when the fifth came in
    value_of(boxes[4])  # still there
    assert calls == [0, 1, 2, 3, 4, 0]
