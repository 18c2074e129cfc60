"""One bounded per-process cache for what never changes under its key (a scheme's index by its
digest, a round's scheme version, a round's tab bar): read many times a second, made once."""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

V = TypeVar("V")


class Memo(Generic[V]):
    """At most ``size`` values, the oldest dropped first; safe across a server's threads (two
    threads may make the same value once each: the value is the same)."""

    def __init__(self, size: int):
        self.size = size
        self._values: dict[Hashable, V] = {}
        self._lock = threading.Lock()

    def get(self, key: Hashable, make: Callable[[], V]) -> V:
        with self._lock:
            hit = self._values.get(key)
        if hit is None:
            hit = make()
            with self._lock:
                if len(self._values) >= self.size:
                    self._values.pop(next(iter(self._values)))
                self._values[key] = hit
        return hit
