#include "vm/lock.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "vm/errors.h"
#include "vm/interpreter.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/str.h"
#include "vm/threads.h"
#include "vm/tuple.h"

namespace gilvm::vm {

namespace {

LockObject* Self(const CallArgs& a) { return static_cast<LockObject*>(a.argv[0].as_object()); }

// Checks that a method got no arguments besides self ("lock.release() takes no arguments").
bool NoArgs(ThreadState& ts, const CallArgs& a, std::string_view fname) {
  CallArgs rest{a.argv + 1, a.nargs - 1, a.kwnames};
  return NoKeywords(ts, rest, fname) && ArgCountBetween(ts, rest, fname, 0, 0);
}

// acquire(blocking=True, timeout=-1): the deadline, or false with the exception pending.
// *blocking is false for a non-blocking try.
bool ParseAcquireArgs(ThreadState& ts, const CallArgs& a, bool* blocking, int64_t* deadline) {
  CallArgs rest{a.argv + 1, a.nargs - 1, a.kwnames};
  Value out[2];
  if (!ParseArgs(ts, rest, Params{"acquire", {"blocking", "timeout"}, 0}, out)) return false;
  *blocking = true;
  if (!out[0].is_null()) {
    int truth = IsTrue(ts, out[0]);
    if (truth < 0) return false;
    *blocking = truth == 1;
  }
  double timeout = -1;
  if (!out[1].is_null() && !SecondsFromObject(ts, out[1], &timeout)) return false;
  if (!*blocking && timeout != -1) {
    RaiseValueError(ts, "can't specify a timeout for a non-blocking call");
    return false;
  }
  if (timeout < 0 && timeout != -1) {
    RaiseValueError(ts, "timeout value must be positive");
    return false;
  }
  *deadline = timeout < 0 ? kNoDeadline : DeadlineAfter(timeout);
  return true;
}

// Waits for `claim` (which takes the lock when it is free) as acquire() does: Python True,
// False on timeout, Null when interrupted by KeyboardInterrupt.
template <typename Claim>
Value WaitToClaim(ThreadState& ts, LockObject* lock, bool blocking, int64_t deadline, Claim claim) {
  {
    std::lock_guard guard(lock->mu);
    if (claim()) return Value::Bool(true);
  }
  if (!blocking) return Value::Bool(false);
  for (;;) {
    switch (BlockingWait(ts, lock->mu, lock->cv, deadline, claim)) {
      case WaitResult::kReady: return Value::Bool(true);
      case WaitResult::kTimedOut: return Value::Bool(false);
      case WaitResult::kWoken:
        if (!HandleWake(ts)) return Value::Null();
        break;
    }
  }
}

Value LockAcquire(ThreadState& ts, const CallArgs& a) {
  bool blocking;
  int64_t deadline;
  if (!ParseAcquireArgs(ts, a, &blocking, &deadline)) return Value::Null();
  LockObject* lock = Self(a);
  return WaitToClaim(ts, lock, blocking, deadline, [lock] {
    if (lock->locked) return false;
    lock->locked = true;
    return true;
  });
}

Value LockRelease(ThreadState& ts, const CallArgs& a) {
  if (!NoArgs(ts, a, "lock.release")) return Value::Null();
  LockObject* lock = Self(a);
  std::lock_guard guard(lock->mu);
  if (!lock->locked) return Raise(ts, ts.interp.exc.RuntimeError, "release unlocked lock");
  lock->locked = false;
  lock->cv.notify_one();
  return Value::None();
}

Value LockExit(ThreadState& ts, const CallArgs& a) {
  CallArgs self_only{a.argv, 1, nullptr};
  return LockRelease(ts, self_only);
}

Value LockLocked(ThreadState& ts, const CallArgs& a) {
  if (!NoArgs(ts, a, "lock.locked")) return Value::Null();
  LockObject* lock = Self(a);
  std::lock_guard guard(lock->mu);
  return Value::Bool(lock->locked);
}

Value LockRepr(ThreadState& ts, const CallArgs& a) {
  LockObject* lock = Self(a);
  std::lock_guard guard(lock->mu);
  return NewStrValue(ts, absl::StrFormat("<%s _thread.lock object at %p>", lock->locked ? "locked" : "unlocked",
                                         static_cast<const void*>(lock)));
}

Value LockNew(ThreadState& ts, const CallArgs& a) {
  return RaiseTypeError(ts, "cannot create '_thread.lock' instances");
}

Value RLockAcquire(ThreadState& ts, const CallArgs& a) {
  bool blocking;
  int64_t deadline;
  if (!ParseAcquireArgs(ts, a, &blocking, &deadline)) return Value::Null();
  LockObject* lock = Self(a);
  uint64_t me = ts.ident;
  return WaitToClaim(ts, lock, blocking, deadline, [lock, me] {
    if (lock->owner == me) {
      ++lock->count;
      return true;
    }
    if (lock->owner != 0) return false;
    lock->owner = me;
    lock->count = 1;
    return true;
  });
}

// Drops one level (or all, with `all`) of an RLock held by this thread; false with RuntimeError
// pending if this thread does not own it. *saved gets the count it had.
bool RLockDrop(ThreadState& ts, LockObject* lock, bool all, uint64_t* saved) {
  std::lock_guard guard(lock->mu);
  if (lock->owner != ts.ident || lock->count == 0) {
    Raise(ts, ts.interp.exc.RuntimeError, "cannot release un-acquired lock");
    return false;
  }
  *saved = lock->count;
  lock->count = all ? 0 : lock->count - 1;
  if (lock->count == 0) {
    lock->owner = 0;
    lock->cv.notify_one();
  }
  return true;
}

Value RLockRelease(ThreadState& ts, const CallArgs& a) {
  if (!NoArgs(ts, a, "RLock.release")) return Value::Null();
  uint64_t saved;
  if (!RLockDrop(ts, Self(a), false, &saved)) return Value::Null();
  return Value::None();
}

Value RLockExit(ThreadState& ts, const CallArgs& a) {
  CallArgs self_only{a.argv, 1, nullptr};
  return RLockRelease(ts, self_only);
}

// Condition.wait's helpers: release completely, remembering the state, and restore it later.
Value RLockReleaseSave(ThreadState& ts, const CallArgs& a) {
  if (!NoArgs(ts, a, "RLock._release_save")) return Value::Null();
  uint64_t owner = ts.ident, count;
  if (!RLockDrop(ts, Self(a), true, &count)) return Value::Null();
  return Value::Obj(NewTuple(ts, {Value::Int(static_cast<int64_t>(count)), Value::Int(static_cast<int64_t>(owner))}));
}

Value RLockAcquireRestore(ThreadState& ts, const CallArgs& a) {
  CallArgs rest{a.argv + 1, a.nargs - 1, a.kwnames};
  if (!NoKeywords(ts, rest, "_acquire_restore") || !ArgCountBetween(ts, rest, "_acquire_restore", 1, 1))
    return Value::Null();
  Value state = a.argv[1];
  if (!IsObjectOfKind(state, Kind::kTuple) || As<TupleObject>(state)->size() != 2 ||
      !As<TupleObject>(state)->items[0].is_int())
    return RaiseTypeError(ts, "_acquire_restore() argument 1 must be tuple of (count, owner)");
  auto count = static_cast<uint64_t>(As<TupleObject>(state)->items[0].as_int());
  LockObject* lock = Self(a);
  uint64_t me = ts.ident;
  Value r = WaitToClaim(ts, lock, true, kNoDeadline, [lock, me, count] {
    if (lock->owner != 0) return false;
    lock->owner = me;
    lock->count = count;
    return true;
  });
  return r.is_null() ? r : Value::None();
}

Value RLockIsOwned(ThreadState& ts, const CallArgs& a) {
  if (!NoArgs(ts, a, "RLock._is_owned")) return Value::Null();
  LockObject* lock = Self(a);
  std::lock_guard guard(lock->mu);
  return Value::Bool(lock->count > 0 && lock->owner == ts.ident);
}

Value RLockRepr(ThreadState& ts, const CallArgs& a) {
  LockObject* lock = Self(a);
  std::lock_guard guard(lock->mu);
  return NewStrValue(ts, absl::StrFormat("<%s %s object owner=%d count=%d at %p>", lock->count > 0 ? "locked" : "unlocked",
                                         "_thread.RLock", lock->owner, lock->count,
                                         static_cast<const void*>(lock)));
}

Value RLockNew(ThreadState& ts, const CallArgs& a) {
  if (a.nargs < 1 || !IsObjectOfKind(a.argv[0], Kind::kType))
    return RaiseTypeError(ts, "RLock.__new__(X): X is not a type object");
  return Value::Obj(ts.interp.heap.New<LockObject>(As<TypeObject>(a.argv[0]), true));
}

}  // namespace

LockObject* NewLock(ThreadState& ts) { return ts.interp.heap.New<LockObject>(ts.interp.types.lock, false); }

void ReleaseIfLocked(LockObject* lock) {
  std::lock_guard guard(lock->mu);
  if (!lock->locked) return;
  lock->locked = false;
  lock->cv.notify_one();
}

void InitLockTypes(Interpreter& in) {
  TypeObject* lock = in.types.lock = NewBuiltinType(in, "lock", nullptr, Kind::kLock, "_thread");
  lock->subclassable = false;
  AddStaticMethod(in, lock, "__new__", LockNew);
  for (const char* name : {"acquire", "acquire_lock", "__enter__"}) AddMethod(in, lock, name, LockAcquire);
  for (const char* name : {"release", "release_lock"}) AddMethod(in, lock, name, LockRelease);
  for (const char* name : {"locked", "locked_lock"}) AddMethod(in, lock, name, LockLocked);
  AddMethod(in, lock, "__exit__", LockExit);
  AddMethod(in, lock, "__repr__", LockRepr);

  TypeObject* rlock = in.types.rlock = NewBuiltinType(in, "RLock", nullptr, Kind::kLock, "_thread");
  rlock->subclassable = false;  // instances have no __dict__ for a subclass to use
  AddStaticMethod(in, rlock, "__new__", RLockNew);
  AddMethod(in, rlock, "acquire", RLockAcquire);
  AddMethod(in, rlock, "__enter__", RLockAcquire);
  AddMethod(in, rlock, "release", RLockRelease);
  AddMethod(in, rlock, "__exit__", RLockExit);
  AddMethod(in, rlock, "_is_owned", RLockIsOwned);
  AddMethod(in, rlock, "_release_save", RLockReleaseSave);
  AddMethod(in, rlock, "_acquire_restore", RLockAcquireRestore);
  AddMethod(in, rlock, "__repr__", RLockRepr);
}

}  // namespace gilvm::vm
