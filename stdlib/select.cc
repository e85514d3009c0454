// The select module: select.select over descriptors, through WaitFds so the wait releases the
// GIL and answers Ctrl-C and interpreter shutdown.
//
// Invariants:
//  - The items of the three lists are read (fileno() called) before the wait, with the GIL held;
//    the wait itself touches only the pollfd array. The lists returned hold the caller's own
//    objects, in the caller's order.
//  - A descriptor the kernel rejects (POLLNVAL) is an OSError EBADF, as select(2) reports it.
//  - A wait woken without a signal to deliver resumes with the same deadline, so the timeout is a
//    total.
#include <poll.h>

#include <cerrno>
#include <vector>

#include "absl/strings/str_cat.h"
#include "stdlib/stdlib.h"
#include "vm/dict.h"
#include "vm/errors.h"
#include "vm/instance.h"
#include "vm/interpreter.h"
#include "vm/list.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/protocol.h"
#include "vm/str.h"
#include "vm/threads.h"
#include "vm/tuple.h"

namespace gilvm::stdlib {

using namespace gilvm::vm;

namespace {

// The descriptor behind an item: an int, or the int its fileno() returns. false: raised.
bool FdOf(ThreadState& ts, Value item, int* fd) {
  int64_t n;
  if (item.is_intlike()) {
    n = item.as_int();
  } else {
    Root fileno(ts, GetAttrOrNull(ts, item, Intern(ts.interp, "fileno")));
    if (fileno.get().is_null()) {
      if (ts.exc != nullptr) return false;
      RaiseTypeError(ts, "argument must be an int, or have a fileno() method.");
      return false;
    }
    Root r(ts, Call(ts, fileno.get(), nullptr, 0));
    if (r.get().is_null()) return false;
    if (!r.get().is_intlike()) {
      RaiseTypeError(ts, "fileno() returned a non-integer");
      return false;
    }
    n = r.get().as_int();
  }
  if (n < 0) {
    RaiseValueError(ts, absl::StrCat("file descriptor cannot be a negative integer (", n, ")"));
    return false;
  }
  if (n > INT32_MAX) {
    RaiseOverflowError(ts, "Python int too large to convert to C int");
    return false;
  }
  *fd = static_cast<int>(n);
  return true;
}

// One of select's three lists, materialised: its items (rooted) and their descriptors.
struct FdList {
  explicit FdList(ThreadState& ts) : items(ts) {}
  RootedVector items;
  std::vector<int> fds;
};

bool CollectFds(ThreadState& ts, Value seq, FdList* out) {
  if (!CollectIterable(ts, seq, out->items)) {
    if (!ExceptionMatches(ts, ts.interp.exc.TypeError)) return false;
    ClearException(ts);
    RaiseTypeError(ts, "arguments 1-3 must be sequences");
    return false;
  }
  for (Value item : out->items.items()) {
    int fd;
    if (!FdOf(ts, item, &fd)) return false;
    out->fds.push_back(fd);
  }
  return true;
}

// The items of `list` whose descriptor's revents (at `first` on in `polled`) matches `mask`.
ListObject* Ready(ThreadState& ts, FdList& list, const std::vector<pollfd>& polled, size_t first, short mask) {
  RootedPtr<ListObject> out(ts, NewList(ts));
  for (size_t i = 0; i < list.fds.size(); ++i)
    if (polled[first + i].revents & mask) out->items.push_back(list.items.items()[i]);
  return out.get();
}

// timeout: None (wait for ever) or non-negative seconds.
bool ParseTimeout(ThreadState& ts, Value v, int64_t* deadline) {
  *deadline = kNoDeadline;
  if (v.is_null() || v.is_none()) return true;
  if (!v.is_float() && !v.is_intlike()) {
    RaiseTypeError(ts, "timeout must be a float or None");
    return false;
  }
  double seconds;
  if (!SecondsFromObject(ts, v, &seconds)) return false;
  if (seconds < 0) {
    RaiseValueError(ts, "timeout must be non-negative");
    return false;
  }
  *deadline = DeadlineAfter(seconds);
  return true;
}

// Waits on `polled`; false with the exception raised (KeyboardInterrupt, EBADF).
bool WaitAll(ThreadState& ts, std::vector<pollfd>& polled, int64_t deadline, bool* timed_out) {
  *timed_out = false;
  for (;;) {
    switch (WaitFds(ts, polled.data(), polled.size(), deadline)) {
      case WaitResult::kReady:
        for (const pollfd& p : polled)
          if (p.revents & POLLNVAL) return RaiseOSError(ts, EBADF), false;
        return true;
      case WaitResult::kTimedOut:
        *timed_out = true;
        return true;
      case WaitResult::kWoken:
        if (!HandleWake(ts)) return false;
        break;
    }
  }
}

Value Select(ThreadState& ts, const CallArgs& a) {
  if (!NoKeywords(ts, a, "select")) return Value::Null();
  if (a.nargs < 3 || a.nargs > 4)
    return RaiseTypeError(ts, absl::StrCat("select expected ", a.nargs < 3 ? "at least 3" : "at most 4",
                                           " arguments, got ", a.nargs));
  int64_t deadline;
  if (!ParseTimeout(ts, a.nargs == 4 ? a.argv[3] : Value::Null(), &deadline)) return Value::Null();
  FdList r(ts), w(ts), x(ts);
  if (!CollectFds(ts, a.argv[0], &r) || !CollectFds(ts, a.argv[1], &w) || !CollectFds(ts, a.argv[2], &x))
    return Value::Null();
  std::vector<pollfd> polled;
  for (int fd : r.fds) polled.push_back(pollfd{fd, POLLIN, 0});
  for (int fd : w.fds) polled.push_back(pollfd{fd, POLLOUT, 0});
  for (int fd : x.fds) polled.push_back(pollfd{fd, POLLPRI, 0});
  bool timed_out;
  if (!WaitAll(ts, polled, deadline, &timed_out)) return Value::Null();
  if (timed_out)
    for (pollfd& p : polled) p.revents = 0;
  RootedPtr<ListObject> rl(ts, Ready(ts, r, polled, 0, POLLIN | POLLHUP | POLLERR));
  RootedPtr<ListObject> wl(ts, Ready(ts, w, polled, r.fds.size(), POLLOUT | POLLERR));
  RootedPtr<ListObject> xl(ts, Ready(ts, x, polled, r.fds.size() + w.fds.size(), POLLPRI));
  return Value::Obj(NewTuple(ts, {Value::Obj(rl.get()), Value::Obj(wl.get()), Value::Obj(xl.get())}));
}

ModuleObject* MakeSelectModule(ThreadState& ts) {
  Interpreter& in = ts.interp;
  RootedPtr<ModuleObject> m(ts, NewNativeModule(ts, "select"));
  DictObject* d = m->dict;
  AddFunctions(in, d, {{"select", Select}});
  static constexpr struct {
    const char* name;
    int value;
  } kConstants[] = {
      {"POLLIN", POLLIN},   {"POLLPRI", POLLPRI},       {"POLLOUT", POLLOUT},       {"POLLERR", POLLERR},
      {"POLLHUP", POLLHUP}, {"POLLNVAL", POLLNVAL},     {"POLLRDNORM", POLLRDNORM}, {"POLLWRNORM", POLLWRNORM},
  };
  for (const auto& c : kConstants) DictSetStr(d, Intern(in, c.name), Value::Int(c.value));
  DictSetStr(d, Intern(in, "error"), Value::Obj(in.exc.OSError));
  return m.get();
}

}  // namespace

void RegisterSelectModule(Interpreter& in) { in.native_modules["select"] = MakeSelectModule; }

}  // namespace gilvm::stdlib
