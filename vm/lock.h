// The locks of `_thread`: the plain lock (_thread.lock, threading.Lock) and the re-entrant lock
// (_thread.RLock, threading.RLock). Everything else in threading is built on them.
//
// Invariants:
//  - A lock's state is plain C++ under its own mutex, never under the GIL: a thread blocked on
//    it has released the GIL (BlockingWait, vm/threads.h) and may take the lock before it has the
//    GIL back. An uncontended acquire or release is one mutex round trip and no syscall.
//  - Any thread may release a plain lock (as in CPython); an RLock only by its owner.
//  - `cv` is notified under `mu` at every release, so a waiter cannot miss it.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>

#include "vm/object.h"

namespace gilvm::vm {

class Interpreter;
class ThreadState;

struct LockObject : Object {
  LockObject(TypeObject* t, bool reentrant) : Object(t, Kind::kLock), reentrant(reentrant) {}

  const bool reentrant;
  std::mutex mu;
  std::condition_variable cv;
  bool locked = false;  // guarded by mu (plain lock)
  uint64_t owner = 0;   // guarded by mu (RLock): the owner's ident, 0 when free
  uint64_t count = 0;   // guarded by mu (RLock): how many times the owner acquired it
};

// A new plain lock (_thread.allocate_lock()).
LockObject* NewLock(ThreadState& ts);
// Releases a plain lock if it is held (for thread sentinels); never raises.
void ReleaseIfLocked(LockObject* lock);

// Creates _thread.lock and _thread.RLock (interp.types.lock, interp.types.rlock).
void InitLockTypes(Interpreter& interp);

}  // namespace gilvm::vm
