# At its end the program waits for the non-daemon threads, not for the daemon
# ones; a thread waiting to join the main thread goes on at that point.
import threading

main_ended = threading.Event()
never = threading.Event()


def joins_main():
    threading.main_thread().join()
    print("joined the main thread:", threading.main_thread().is_alive())
    main_ended.set()


def late_worker():
    main_ended.wait()
    print("the non-daemon worker ends after the main module")


def daemon_worker():
    never.wait()
    print("never printed")


d = threading.Thread(target=daemon_worker, daemon=True)
d.start()
w = threading.Thread(target=late_worker)
w.start()
j = threading.Thread(target=joins_main)
j.start()
print(w.daemon, d.daemon, threading.active_count(), threading.main_thread().is_alive())
print("main module ends")
