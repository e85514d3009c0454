# gil.trace records only its block; gil.stats() counts since gil.reset(). Run from
# tests/gil/check_outputs.py with the trace's path as argv[1]; prints what the block recorded
# beside what the statistics counted, which must agree exactly.
import gil
import json
import sys
import threading

sys.setcheckinterval(1000)  # a few hundred spans: the file is read back, also under GC stress


def count_down(n):
    while n > 0:
        n -= 1


count_down(10_000)  # before the window: must not show up
gil.reset()
with gil.trace(sys.argv[1]):
    workers = [threading.Thread(target=count_down, args=(20_000,), name=f"w{i}") for i in range(2)]
    for t in workers:
        t.start()
    for t in workers:
        t.join()
stats = gil.stats()
with open(sys.argv[1]) as f:
    events = json.load(f)["traceEvents"]
holds = len([e for e in events if e["ph"] == "X" and e["name"] == "hold"])
waits = len([e for e in events if e["ph"] == "X" and e["name"] == "wait"])
released = sum([sum(t["releases"].values()) for t in stats["threads"]])
contended = sum([t["contended"] for t in stats["threads"]])
print(json.dumps({"holds": holds, "releases": released, "waits": waits, "contended": contended,
                  "names": sorted([t["name"] for t in stats["threads"]])}))
