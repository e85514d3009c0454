# The convoy effect: an "IO" ping-pong between two threads, alone or next to a CPU-bound thread
# (bpo-7946).
#
#   convoy.py MODE SECONDS [--time] [--socket]
#     MODE io    the main thread puts a token on one queue, an echo thread sends it back on another;
#                repeated for SECONDS
#     MODE both  the same, while a third thread runs pure-Python arithmetic
#     MODE cpu   the CPU-bound thread alone, for SECONDS
#   --socket     the token goes over a socketpair instead (8 bytes each way), as real IO
#
# Each round trip blocks twice (in Queue.get or recv, which release the GIL) and needs the GIL
# back twice.
# While a CPU-bound thread holds it, how soon a woken thread gets it back is the policy's doing.
# Prints "ok" and the mode; with --time also "roundtrips_per_s <n>" and "cpu_units_per_s <n>"
# (units of CPU work done; 0 when no CPU thread runs). Runs unchanged under CPython.
import queue
import socket
import sys
import threading
import time

state = {"stop": False, "units": 0}


def echo(req, resp):
    while True:
        token = req.get()
        if token is None:
            return
        resp.put(token)


def echo_socket(sock):
    while True:
        data = sock.recv(64)
        if not data:
            break
        sock.sendall(data)
    sock.close()


class SocketPingPong:
    """The main thread's end of a socketpair echo."""

    def __init__(self):
        self.client, server = socket.socketpair()
        self.echoer = threading.Thread(target=echo_socket, args=(server,))

    def round_trip(self, token):
        msg = b"%08d" % (token % 100000000)
        self.client.sendall(msg)
        return self.client.recv(64) == msg

    def close(self):
        self.client.close()


class QueuePingPong:
    """The main thread's end of a queue.Queue echo."""

    def __init__(self):
        self.req, self.resp = queue.Queue(), queue.Queue()
        self.echoer = threading.Thread(target=echo, args=(self.req, self.resp))

    def round_trip(self, token):
        self.req.put(token)
        return self.resp.get() == token

    def close(self):
        self.req.put(None)


def burn():
    x = 1
    units = 0
    while not state["stop"]:
        i = 0
        while i < 100:
            x = (x * 31 + i) % 1000003
            i += 1
        units += 1
    state["units"] = units


def main():
    args = [a for a in sys.argv[1:] if a not in ("--time", "--socket")]
    show_time = "--time" in sys.argv[1:]
    if len(args) != 2 or args[0] not in ("io", "both", "cpu"):
        print("usage: convoy.py io|both|cpu SECONDS [--time] [--socket]")
        sys.exit(2)
    mode, seconds = args[0], float(args[1])
    cpu = None
    if mode in ("both", "cpu"):
        cpu = threading.Thread(target=burn)
    trips = 0
    if mode == "cpu":
        start = time.perf_counter()
        cpu.start()
        time.sleep(seconds)
        state["stop"] = True
        cpu.join()
        elapsed = time.perf_counter() - start
    else:
        link = SocketPingPong() if "--socket" in sys.argv[1:] else QueuePingPong()
        link.echoer.start()
        link.round_trip(-1)  # one round trip first, so the echo thread is running
        start = time.perf_counter()
        if cpu is not None:
            cpu.start()
        while True:
            if not link.round_trip(trips):
                print("token mismatch")
                sys.exit(1)
            trips += 1
            if time.perf_counter() - start >= seconds:
                break
        elapsed = time.perf_counter() - start
        state["stop"] = True
        link.close()
        link.echoer.join()
        if cpu is not None:
            cpu.join()
    print("ok", mode)
    if show_time:
        print("roundtrips_per_s", trips / elapsed)
        print("cpu_units_per_s", state["units"] / elapsed)


main()
