# Condition: wait, wait_for, notify(n), notify_all; producer/consumer.
import threading

print("-- notify(n) wakes exactly n waiters")
cond = threading.Condition()
waiting = [0]
woken = []
done = threading.Condition(threading.Lock())


def waiter(i):
    with cond:
        waiting[0] += 1
        cond.wait()
    with done:
        woken.append(i)
        done.notify()


ts = [threading.Thread(target=waiter, args=(i,)) for i in range(5)]
for t in ts:
    t.start()
with cond:
    # A waiter increments the count and waits without letting go of the lock
    # in between: once the count is 5, all five are waiting.
    print("all waiting:", cond.wait_for(lambda: waiting[0] == 5, 10))
    cond.notify(2)
with done:
    done.wait_for(lambda: len(woken) == 2, 10)
    print("woken after notify(2):", len(woken))
with cond:
    cond.notify()
with done:
    done.wait_for(lambda: len(woken) == 3, 10)
    print("woken after notify():", len(woken))
with cond:
    cond.notify_all()
for t in ts:
    t.join()
print("woken after notify_all():", len(woken), sorted(woken))
with cond:
    cond.notify_all()
    cond.notify(3)
print("notify with nobody waiting is fine")

print("-- timeouts")
with cond:
    print(cond.wait(0.01))
    print(cond.wait_for(lambda: 0, 0.02))
    print(cond.wait_for(lambda: "yes"))
    print(cond.wait_for(lambda: [], timeout=0))
calls = [0]


def pred():
    calls[0] += 1
    return calls[0] >= 3


pinger_stop = threading.Event()


def pinger():
    while not pinger_stop.is_set():
        with cond:
            cond.notify_all()
        pinger_stop.wait(0.001)


t = threading.Thread(target=pinger)
t.start()
with cond:
    print("predicate became true:", cond.wait_for(pred), calls[0])
pinger_stop.set()
t.join()

print("-- an RLock held twice is fully released by wait() and restored")
rl = threading.RLock()
rc = threading.Condition(rl)
flag = []


def other():
    with rc:
        flag.append("other got the lock")
        rc.notify()


with rl:
    with rc:
        t = threading.Thread(target=other)
        t.start()
        rc.wait_for(lambda: flag, 10)
        print(flag)
    probe = []
    t2 = threading.Thread(target=lambda: probe.append(rl.acquire(False)))
    t2.start()
    t2.join()
    print("still held once:", probe)
t.join()


def acquire_release():
    probe.append(rl.acquire(False))
    rl.release()


t2 = threading.Thread(target=acquire_release)
t2.start()
t2.join()
print("free again:", probe)
try:
    rl.release()
except RuntimeError as e:
    print("RuntimeError:", e)

print("-- with a plain Lock")
pl = threading.Lock()
pc = threading.Condition(pl)
items = []


def put_later():
    with pc:
        items.append(1)
        pc.notify()


with pc:
    t = threading.Thread(target=put_later)
    t.start()
    print(pc.wait_for(lambda: items, 10), pl.locked())
t.join()
print(pl.locked())

print("-- bounded buffer, 3 producers and 2 consumers")
buf = []
CAP = 4
bc = threading.Condition()
consumed = []
produced = [0]


def producer(p):
    for i in range(60):
        with bc:
            bc.wait_for(lambda: len(buf) < CAP)
            buf.append(p * 1000 + i)
            produced[0] += 1
            bc.notify_all()


def consumer(got):
    while True:
        with bc:
            bc.wait_for(lambda: buf)
            item = buf.pop(0)
            bc.notify_all()
        if item is None:
            return
        got.append(item)


got1 = []
got2 = []
ps = [threading.Thread(target=producer, args=(p,)) for p in range(3)]
cs = [threading.Thread(target=consumer, args=(g,)) for g in (got1, got2)]
for t in cs + ps:
    t.start()
for t in ps:
    t.join()
for c in cs:
    with bc:
        bc.wait_for(lambda: len(buf) < CAP)
        buf.append(None)
        bc.notify_all()
for t in cs:
    t.join()
allgot = sorted(got1 + got2)
print(produced[0], len(allgot), sum(allgot), allgot == sorted([p * 1000 + i for p in range(3) for i in range(60)]))
for p in range(3):
    mine = [x for x in got1 if x // 1000 == p]
    print("producer", p, "order kept for consumer 1:", mine == sorted(mine))
