// ThreadState: everything one thread of an interpreter owns: its frames and value stack, the
// exception being raised, the exception being handled, and its GC roots.
//
// Invariants:
//  - A ThreadState is used only by its own OS thread, and only while that thread holds the
//    interpreter's GIL (reading `interp` is always fine).
//  - `exc` is non-null exactly while an exception propagates (see vm/errors.h for the rule).
//  - Roots form a LIFO chain through `roots`; Root objects are scoped C++ locals.
//  - The value-stack region is reserved once and never moves, so Value* into it stay valid.
//  - The blocking-wait fields (`wake_pending`, `block_mu_` and what it guards) are the exception:
//    any thread may call Wake() at any time (vm/threads.h).
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <vector>

#include "vm/frame.h"
#include "vm/gil.h"
#include "vm/object.h"

namespace gilvm::vm {

class Interpreter;
struct ExceptionObject;
class Root;

class ThreadState {
 public:
  // `stack_slots` sizes the value stack (the main thread gets the most; see vm/config.h).
  explicit ThreadState(Interpreter& interp, size_t stack_slots = kValueStackSlots);
  ~ThreadState();
  ThreadState(const ThreadState&) = delete;
  ThreadState& operator=(const ThreadState&) = delete;

  // Pushes a frame for `code` with zeroed locals; returns null (MemoryError/RecursionError
  // pending) when the stack or the recursion limit is exhausted.
  Frame* PushFrame(CodeObject* code, FunctionObject* func, DictObject* globals, DictObject* locals);
  void PopFrame();

  // Recursion accounting for natives that recurse (repr of nested containers, calls from C++).
  // EnterRecursion returns false with RecursionError pending.
  bool EnterRecursion(const char* where);
  void LeaveRecursion() { --depth; }

  // Traces this thread's roots (called by the collector).
  void Trace(Tracer& tracer);

  // Makes this thread's current or next blocking wait return early (BlockingWait in
  // vm/threads.h): for a signal, a host interrupt or interpreter shutdown. Any thread may call it.
  void Wake();
  // Adds the instructions run since the budget was last counted to gil_slot.instructions. Called
  // at every safe point and before the thread lets go of the GIL, so the counts others read are
  // exact.
  void CountInstructions() {
    gil_slot.instructions += static_cast<uint64_t>(budget_period - budget);
    budget_period = budget;
  }

  // Whether the thread is inside a blocking wait that Wake() can end (any thread may ask; for
  // tests and tools that must not interrupt anything else).
  bool InWakeableWait();

  // In a forked child (vm/fork.cc): rebuilds the wake-up machinery, which another thread may
  // have held at fork time, and drops the eventfd, which the child would share with the parent.
  void ResetAfterFork();

  Interpreter& interp;
  Frame* frame = nullptr;          // innermost frame
  ExceptionObject* exc = nullptr;  // the exception being raised, or null
  Value handled_exc = Value::None();  // sys.exc_info()[1]: the exception being handled
  Root* roots = nullptr;
  class RootedVector* rooted_vectors = nullptr;
  int depth = 0;                   // Python frames + native recursion
  int64_t budget = 0;              // instructions left before the next safe-point check
  int64_t budget_period = 0;       // what `budget` counted down from (see CountInstructions)
  uint64_t ident = 0;              // threading.get_ident() (the pthread_t, as in CPython)
  uint64_t native_id = 0;          // threading.get_native_id() (the kernel's thread id)
  bool is_main = false;            // signals are handled only by the main thread, as in CPython
  // Set by InterruptThread (any thread): raise KeyboardInterrupt at the next safe point.
  std::atomic<bool> interrupt_requested{false};
  uint64_t limits_counted = 0;     // gil_slot.instructions already added to interp.limits.used
  // Set while the interpreter runs its own start-up code (RunMain): a signal or host interrupt
  // stays pending until the script's first safe point instead of breaking the start-up.
  bool defer_interrupts = false;
  // A thread started by _thread.start_new_thread: what it calls (cleared once it runs), and the
  // locks _thread._set_sentinel handed out, released when the thread ends.
  Value start_func, start_args, start_kwargs;
  std::vector<Value> sentinels;
  GilSlot gil_slot;                // this thread's place in the interpreter's GIL
  // Containers whose repr is being computed, so a self-containing one prints as [...]. Not
  // traced: each entry is also on the C++ stack of the repr call that pushed it.
  std::vector<Object*> repr_stack;

  // Blocking waits (vm/threads.h). `wake_pending` is set by Wake(); the wait in progress, if
  // any, is published under block_mu_ so that Wake() can notify it.
  std::atomic<bool> wake_pending{false};
  std::mutex park_mu;                 // what time.sleep waits on (with park_cv)
  std::condition_variable park_cv;

  Value* stack_region = nullptr;
  Value* stack_top = nullptr;      // first free slot above the innermost frame
  Value* stack_limit = nullptr;
  size_t region_bytes = 0;

 private:
  friend class BlockedOn;
  friend class BlockedOnFd;
  std::mutex block_mu_;
  std::mutex* blocked_mu_ = nullptr;  // guarded by block_mu_
  std::condition_variable* blocked_cv_ = nullptr;  // guarded by block_mu_
  // An eventfd, created on the first wait for a file descriptor, that Wake() writes to while
  // the thread polls (BlockedOnFd); guarded by block_mu_.
  int wake_fd_ = -1;
  bool blocked_on_fd_ = false;
};

// Publishes, for its scope, that the thread is polling file descriptors; `fd()` is the eventfd to
// poll with them, which becomes readable when ThreadState::Wake is called.
class BlockedOnFd {
 public:
  explicit BlockedOnFd(ThreadState& ts);
  ~BlockedOnFd();
  BlockedOnFd(const BlockedOnFd&) = delete;
  BlockedOnFd& operator=(const BlockedOnFd&) = delete;
  int fd() const { return fd_; }
  // Consumes a wake-up the eventfd holds.
  void Drain();

 private:
  ThreadState& ts_;
  int fd_;
};

// Publishes, for its scope, the mutex and condition variable the thread is about to wait on, so
// that ThreadState::Wake can notify it. Construct it before locking `mu`.
class BlockedOn {
 public:
  BlockedOn(ThreadState& ts, std::mutex& mu, std::condition_variable& cv);
  ~BlockedOn();
  BlockedOn(const BlockedOn&) = delete;
  BlockedOn& operator=(const BlockedOn&) = delete;

 private:
  ThreadState& ts_;
};

// Keeps one Value alive while in scope. Use for any object held in a C++ local across a call that
// may allocate:  Root list(ts, Value::Obj(NewList(ts)));  ...  list.get()
class Root {
 public:
  explicit Root(ThreadState& ts, Value v = Value()) : ts_(ts), prev_(ts.roots), value_(v) { ts.roots = this; }
  ~Root() { ts_.roots = prev_; }
  Root(const Root&) = delete;
  Root& operator=(const Root&) = delete;

  Value get() const { return value_; }
  void set(Value v) { value_ = v; }
  Value* slot() { return &value_; }
  Root* prev() const { return prev_; }
  template <typename T>
  T* as() const { return static_cast<T*>(value_.as_object()); }

 private:
  ThreadState& ts_;
  Root* prev_;
  Value value_;
};

// A typed root for an object pointer: RootedPtr<ListObject> l(ts, NewList(ts)); l->items...
template <typename T>
class RootedPtr : public Root {
 public:
  RootedPtr(ThreadState& ts, T* p) : Root(ts, p ? Value::Obj(p) : Value()) {}
  T* get() const { return static_cast<T*>(Root::get().is_object() ? Root::get().as_object() : nullptr); }
  T* operator->() const { return get(); }
  void reset(T* p) { set(p ? Value::Obj(p) : Value()); }
};

// Releases the GIL for the scope of a blocking call and takes it back at the end: the one way
// stdlib and host code let other threads run while they wait (time.sleep, IO, joins, locks).
// While released, the code may touch no interpreter object: copy what it needs first.
class GilReleaseGuard {
 public:
  explicit GilReleaseGuard(ThreadState& ts);
  ~GilReleaseGuard();
  GilReleaseGuard(const GilReleaseGuard&) = delete;
  GilReleaseGuard& operator=(const GilReleaseGuard&) = delete;

 private:
  ThreadState& ts_;
};

// A growable array of Values, all rooted while it lives (for natives that collect results).
class RootedVector {
 public:
  explicit RootedVector(ThreadState& ts);
  ~RootedVector();
  RootedVector(const RootedVector&) = delete;
  RootedVector& operator=(const RootedVector&) = delete;
  std::vector<Value>& items() { return items_; }
  void push_back(Value v) { items_.push_back(v); }
  size_t size() const { return items_.size(); }
  Value operator[](size_t i) const { return items_[i]; }

 private:
  friend class ThreadState;
  ThreadState& ts_;
  RootedVector* prev_;
  std::vector<Value> items_;
};

}  // namespace gilvm::vm
