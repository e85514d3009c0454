"""The global interpreter lock of this interpreter: statistics, policy and tracing.

gilvm's own module (CPython has none). stats() returns the figures --gil-stats-json writes,
for the window since the last reset(); durations are integer nanoseconds. table() returns the
same figures as the text table --gil-stats prints (print(gil.table()) at the prompt).
"""

import _gil

__all__ = ['stats', 'table', 'reset', 'policy', 'set_policy', 'trace']

stats = _gil.stats
table = _gil.table
reset = _gil.reset
policy = _gil.policy
set_policy = _gil.set_policy


class trace:
    """Records the GIL's hold and wait spans during a with-block and writes them to `path` as a
    Chrome trace-event file (open it in Perfetto or chrome://tracing). At most `limit` spans are
    kept; beyond, the oldest are dropped and the file says how many."""

    def __init__(self, path, limit=_gil.DEFAULT_TRACE_LIMIT):
        if not isinstance(path, str):
            raise TypeError(f"trace() argument 'path' must be str, not {type(path).__name__}")
        self.path = path
        self.limit = limit
        self._mark = None

    def __enter__(self):
        if self._mark is not None:
            raise RuntimeError("this gil.trace is already recording")
        self._mark = _gil.start_trace(self.limit)
        return self

    def __exit__(self, *exc):
        mark, self._mark = self._mark, None
        _gil.stop_trace(mark, self.path)
        return False
