// The _thread module: start_new_thread, locks, identities. threading (stdlib/lib/threading.py)
// is written on top of it, as CPython's is.
#include "absl/strings/str_cat.h"
#include "stdlib/stdlib.h"
#include "vm/dict.h"
#include "vm/errors.h"
#include "vm/function.h"
#include "vm/instance.h"
#include "vm/interpreter.h"
#include "vm/lock.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/str.h"
#include "vm/threads.h"
#include "vm/tuple.h"

namespace gilvm::stdlib {

using namespace gilvm::vm;

namespace {

Value StartNewThread(ThreadState& ts, const CallArgs& a) {
  if (!NoKeywords(ts, a, "start_new_thread")) return Value::Null();
  if (a.nargs < 2 || a.nargs > 3)
    return RaiseTypeError(ts, absl::StrCat("start_new_thread expected at ", a.nargs < 2 ? "least 2" : "most 3",
                                           " arguments, got ", a.nargs));
  if (!IsCallable(ts.interp, a.argv[0])) return RaiseTypeError(ts, "first arg must be callable");
  if (!IsObjectOfKind(a.argv[1], Kind::kTuple)) return RaiseTypeError(ts, "2nd arg must be a tuple");
  Value kwargs = a.nargs == 3 ? a.argv[2] : Value::Null();
  if (!kwargs.is_null() && !IsObjectOfKind(kwargs, Kind::kDict))
    return RaiseTypeError(ts, "optional 3rd arg must be a dictionary");
  ThreadState* t = StartThread(ts, a.argv[0], a.argv[1], kwargs);
  if (t == nullptr) return Value::Null();
  return Value::Int(static_cast<int64_t>(t->ident));
}

Value AllocateLock(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "allocate_lock", 0, 0)) return Value::Null();
  return Value::Obj(NewLock(ts));
}

Value GetIdent(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "get_ident", 0, 0)) return Value::Null();
  return Value::Int(static_cast<int64_t>(ts.ident));
}

Value GetNativeId(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "get_native_id", 0, 0)) return Value::Null();
  return Value::Int(static_cast<int64_t>(ts.native_id));
}

// Threads started by start_new_thread that have not ended.
Value Count(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "_count", 0, 0)) return Value::Null();
  return Value::Int(static_cast<int64_t>(ts.interp.threads_.size()) - 1);
}

// A lock, already held, that is released when the calling thread ends (Thread.join waits on it).
Value SetSentinel(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "_set_sentinel", 0, 0)) return Value::Null();
  LockObject* lock = NewLock(ts);
  lock->locked = true;  // not shared with any other thread yet
  ts.sentinels.push_back(Value::Obj(lock));
  return Value::Obj(lock);
}

// _set_name(ident, name): what the GIL statistics and traces call that thread (threading keeps
// it in step with Thread.name). Unknown idents are ignored: the thread has ended.
Value SetName(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "_set_name", 2, 2)) return Value::Null();
  if (!a.argv[0].is_int() || !IsStr(a.argv[1])) return RaiseTypeError(ts, "_set_name(ident: int, name: str)");
  for (auto& t : ts.interp.threads_)
    if (static_cast<int64_t>(t->ident) == a.argv[0].as_int())
      ts.interp.gil.SetName(t->gil_slot, std::string(As<StrObject>(a.argv[1])->view()));
  return Value::None();
}

// A thread's stack size: only the default is supported.
Value StackSize(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "stack_size", 0, 1)) return Value::Null();
  if (a.nargs == 1 && !(a.argv[0].is_int() && a.argv[0].as_int() == 0))
    return Raise(ts, ts.interp.exc.ValueError, "setting the stack size is not supported by gilvm");
  return Value::Int(0);
}

ModuleObject* MakeThreadModule(ThreadState& ts) {
  Interpreter& in = ts.interp;
  RootedPtr<ModuleObject> m(ts, NewNativeModule(ts, "_thread"));
  DictObject* d = m->dict;
  AddFunctions(in, d,
               {
                   {"start_new_thread", StartNewThread},
                   {"start_new", StartNewThread},
                   {"allocate_lock", AllocateLock},
                   {"allocate", AllocateLock},
                   {"get_ident", GetIdent},
                   {"get_native_id", GetNativeId},
                   {"_count", Count},
                   {"_set_sentinel", SetSentinel},
                   {"_set_name", SetName},
                   {"stack_size", StackSize},
               });
  auto set = [&](const char* name, Value v) { DictSetStr(d, Intern(in, name), v); };
  set("LockType", Value::Obj(in.types.lock));
  set("RLock", Value::Obj(in.types.rlock));
  set("error", Value::Obj(in.exc.RuntimeError));
  set("TIMEOUT_MAX", Value::Float(9223372036.0));  // the largest timeout in whole seconds, as CPython's
  return m.get();
}

}  // namespace

void RegisterThreadModules(Interpreter& in) { in.native_modules["_thread"] = MakeThreadModule; }

}  // namespace gilvm::stdlib
