// fork(2) for os.fork: what the interpreter must do around it so that the child keeps working.
//
// Invariants:
//  - Only the thread that called fork exists in the child. Every other ThreadState there is a
//    dead copy: it is never run, traced or waited for again. AfterForkInChild drops them from
//    `threads_` (leaking their memory on purpose: destroying a copy could touch a mutex or
//    condition variable that a vanished thread held at fork time) and releases their sentinel
//    locks, so a join on one of those threads (threading._shutdown joins the non-daemon ones)
//    returns instead of waiting for a thread that will never end.
//  - The forking thread holds the GIL and, for the instant of fork, the GIL's own mutex
//    (Gil::LockForFork), so the child's copy of the GIL is consistent; the child rebuilds it with
//    itself as the holder and no waiters (Gil::ResetInChild).
//  - Every lock's condition variable is rebuilt in the child, and its mutex too if a vanished
//    thread held it (the lock's Python state, locked or not, is kept, as CPython keeps it): a
//    vanished thread may have been waiting on one, and destroying a condition variable with
//    ghost waiters hangs.
//  - Buffered stdout is flushed before fork, so output written before it appears once.
#include <sys/types.h>
#include <unistd.h>

#include <cerrno>
#include <memory>
#include <new>

#include "vm/interpreter.h"
#include "vm/lock.h"
#include "vm/threads.h"

namespace gilvm::vm {

// A mutex a vanished thread held at fork time stays locked for good in the child: rebuild it
// then. A free one is left alone (the common case; rebuilding it would confuse ThreadSanitizer).
namespace {
void ReviveMutex(std::mutex& mu) {
  if (mu.try_lock()) {
    mu.unlock();
    return;
  }
  new (&mu) std::mutex();
}
}  // namespace

void Interpreter::AfterForkInChild(ThreadState& survivor) {
  gil.ResetInChild(survivor.gil_slot);
  survivor.ResetAfterFork();
  survivor.native_id = static_cast<uint64_t>(gettid());
  survivor.is_main = true;  // as in CPython, the forking thread is the child's main thread
  heap.ForEachObject([](Object* o) {
    if (o->kind != Kind::kLock) return;
    auto* lock = static_cast<LockObject*>(o);
    ReviveMutex(lock->mu);
    new (&lock->cv) std::condition_variable();
  });
  std::vector<std::unique_ptr<ThreadState>> kept;
  for (auto& t : threads_) {
    if (t.get() == &survivor) {
      kept.push_back(std::move(t));
      continue;
    }
    for (Value v : t->sentinels) ReleaseIfLocked(static_cast<LockObject*>(v.as_object()));
    t->sentinels.clear();
    (void)t.release();  // a dead copy: leaked on purpose (see the header comment)
  }
  threads_ = std::move(kept);
  main_ = &survivor;
}

int ForkProcess(ThreadState& ts) {
  Interpreter& interp = ts.interp;
  interp.FlushStdout();
  interp.gil.LockForFork();
  pid_t pid = fork();
  int saved = errno;
  if (pid == 0) {
    interp.AfterForkInChild(ts);
  } else {
    interp.gil.UnlockAfterFork();
  }
  errno = saved;
  return static_cast<int>(pid);
}

}  // namespace gilvm::vm
