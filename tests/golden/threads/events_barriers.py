# Event, Barrier and Timer.
import threading


def error(f):
    try:
        f()
    except Exception as e:
        print("  ", type(e).__name__ + ":", e)


print("-- Event")
e = threading.Event()
print(e.is_set(), e.wait(0), e.wait(0.01), e.wait(timeout=-1))
e.set()
print(e.is_set(), e.wait(), e.wait(0))
e.clear()
print(e.is_set())

go = threading.Event()
arrived = threading.Semaphore(0)
got = []
lock = threading.Lock()


def wait_for_go(i):
    arrived.release()
    r = go.wait()
    with lock:
        got.append((i, r))


ts = [threading.Thread(target=wait_for_go, args=(i,)) for i in range(6)]
for t in ts:
    t.start()
for t in ts:
    arrived.acquire()
print("nobody through yet:", got)
go.set()
for t in ts:
    t.join()
print(sorted(got))

# wait(timeout) returns True when set in time
late = threading.Event()
t = threading.Timer(0.02, late.set)
t.start()
print("set by a timer:", late.wait(10))
t.join()

print("-- Barrier")
b = threading.Barrier(4)
print(b.parties, b.n_waiting, b.broken)
error(lambda: threading.Barrier(0).wait(0.01))
indices = []
rounds = []


def action():
    rounds.append(len(rounds))


b = threading.Barrier(4, action=action)
order = []


def meet(i):
    for r in range(3):
        idx = b.wait()
        with lock:
            indices.append((r, idx))


ts = [threading.Thread(target=meet, args=(i,)) for i in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("action ran for rounds", rounds)
for r in range(3):
    print("round", r, sorted([idx for (rr, idx) in indices if rr == r]))
print(b.n_waiting, b.broken)

print("-- Barrier: n_waiting, abort, reset")
b = threading.Barrier(3)
outcome = []


def meet_once():
    try:
        b.wait()
        outcome.append("passed")
    except threading.BrokenBarrierError as err:
        outcome.append(type(err).__name__)


ts = [threading.Thread(target=meet_once) for i in range(2)]
for t in ts:
    t.start()
while b.n_waiting < 2:
    threading.Event().wait(0.001)
print("waiting:", b.n_waiting, b.broken)
b.abort()
for t in ts:
    t.join()
print(outcome, b.broken, b.n_waiting)
error(b.wait)
print(issubclass(threading.BrokenBarrierError, RuntimeError))
b.reset()
print("after reset:", b.broken)
outcome = []
ts = [threading.Thread(target=meet_once) for i in range(2)]
for t in ts:
    t.start()
while b.n_waiting < 2:
    threading.Event().wait(0.001)
b.reset()
for t in ts:
    t.join()
print("reset while waiting:", outcome, b.broken)
outcome = []
ts = [threading.Thread(target=meet_once) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("usable again:", outcome)

print("-- Barrier: timeout and failing action")
b = threading.Barrier(2, timeout=0.02)
error(b.wait)
print("broken by timeout:", b.broken)
b.reset()
b = threading.Barrier(2)
error(lambda: b.wait(0.01))
print(b.broken)


def bad_action():
    raise ValueError("action failed")


b = threading.Barrier(2, action=bad_action)
outcome = []


def meet_bad():
    try:
        b.wait()
        outcome.append("passed")
    except Exception as err:
        outcome.append(type(err).__name__)


ts = [threading.Thread(target=meet_bad) for i in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(outcome), b.broken)

print("-- Timer")
fired = []
t = threading.Timer(0.01, lambda *a, **k: fired.append((a, k)), args=(1, 2), kwargs={"k": 3})
print(t.name.startswith("Thread-"), t.interval, t.daemon)
t.start()
t.join()
print(fired, t.finished.is_set())
t = threading.Timer(60, fired.append, args=["never"])
t.start()
t.cancel()
t.join()
print("cancelled:", fired)
t = threading.Timer(0.01, fired.append)
t.args = ["changed before start"]
t.start()
t.join()
print(fired[-1], isinstance(t, threading.Thread))
