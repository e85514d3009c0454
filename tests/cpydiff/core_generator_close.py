# difference: A suspended generator that becomes unreachable is not closed, so its `finally` blocks do not run
# cause: CPython closes a generator when its reference count drops to zero; gilvm's tracing collector frees it without running Python code, because when that happens would depend on allocation timing.
# workaround: Close generators you abandon early (`gen.close()`, or `contextlib.closing(gen)`), or exhaust them.
def numbers():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")


for n in numbers():
    break
print("after the loop")
