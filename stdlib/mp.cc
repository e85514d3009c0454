// _multiprocessing: the one native helper stdlib/lib/multiprocessing.py needs that os lacks, a
// wait for pipe descriptors with a timeout (gilvm has no select module yet).
//
// Invariants: the wait runs with the GIL released (WaitFds) and answers Ctrl-C in the main
// thread; it allocates only the result list, after the wait, from plain ints.
#include <poll.h>

#include <vector>

#include "stdlib/stdlib.h"
#include "vm/errors.h"
#include "vm/instance.h"
#include "vm/interpreter.h"
#include "vm/list.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/threads.h"

namespace gilvm::stdlib {

using namespace gilvm::vm;

namespace {

// wait_readable(fds, timeout): the descriptors of the list `fds` that have data (or EOF) to
// read, waiting at most `timeout` seconds (None: no limit); [] when the time runs out.
Value WaitReadable(ThreadState& ts, const CallArgs& a) {
  if (!NoKeywords(ts, a, "wait_readable") || !ArgCountBetween(ts, a, "wait_readable", 2, 2)) return Value::Null();
  if (!IsList(a.argv[0])) return RaiseTypeError(ts, "wait_readable() expects a list of descriptors");
  std::vector<pollfd> fds;
  for (Value v : As<ListObject>(a.argv[0])->items) {
    int64_t fd;
    if (!ToIndex(ts, v, &fd)) return Value::Null();
    fds.push_back(pollfd{static_cast<int>(fd), POLLIN, 0});
  }
  int64_t deadline = kNoDeadline;
  if (!a.argv[1].is_none()) {
    double secs;
    if (!SecondsFromObject(ts, a.argv[1], &secs)) return Value::Null();
    deadline = DeadlineAfter(secs < 0 ? 0 : secs);
  }
  for (;;) {
    WaitResult r = WaitFds(ts, fds.data(), fds.size(), deadline);
    if (r == WaitResult::kWoken) {
      if (!HandleWake(ts)) return Value::Null();
      continue;
    }
    std::vector<Value> ready;
    if (r == WaitResult::kReady)
      for (const pollfd& p : fds)
        if (p.revents != 0) ready.push_back(Value::Int(p.fd));
    return Value::Obj(NewList(ts, std::move(ready)));
  }
}

ModuleObject* MakeMpModule(ThreadState& ts) {
  RootedPtr<ModuleObject> m(ts, NewNativeModule(ts, "_multiprocessing"));
  AddFunctions(ts.interp, m->dict, {{"wait_readable", WaitReadable}});
  return m.get();
}

}  // namespace

void RegisterMpModule(Interpreter& in) { in.native_modules["_multiprocessing"] = MakeMpModule; }

}  // namespace gilvm::stdlib
