# difference: `async def`, `await`, `async for` and `async with` are rejected
# cause: gilvm runs concurrency as OS threads under a GIL; it has no coroutines or event loop (and no asyncio).
# workaround: Use threads (`threading`, `concurrent.futures`) for concurrent IO.
async def main():
    return 1
print("defined")
