// The select module: select.select and select.poll over descriptors, through WaitFds so the wait releases the
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

// ---- select.poll -----------------------------------------------------------------------------

// A poll object: the registered descriptors and their event masks, in registration order (the
// order poll() reports them in, as CPython's dict-backed one does).
struct PollObject : Object {
  explicit PollObject(TypeObject* t) : Object(t, Kind::kPoll) {}
  size_t ExtraBytes() const override { return fds.capacity() * sizeof(pollfd); }
  std::vector<pollfd> fds;
  bool polling = false;  // a poll() is waiting (with the GIL released) on `fds`
};

PollObject* PollSelf(const CallArgs& a) { return static_cast<PollObject*>(a.argv[0].as_object()); }

// Argument-clinic arity messages: "register expected at least 1 argument, got 0".
bool PollArity(ThreadState& ts, const CallArgs& a, const char* fname, size_t min, size_t max) {
  CallArgs rest{a.argv + 1, a.nargs - 1, a.kwnames};
  if (!NoKeywords(ts, rest, absl::StrCat("poll.", fname))) return false;
  if (rest.nargs >= min && rest.nargs <= max) return true;
  bool few = rest.nargs < min;
  size_t n = few ? min : max;
  RaiseTypeError(ts, absl::StrCat(fname, " expected ", min == max ? "" : few ? "at least " : "at most ", n,
                                  n == 1 ? " argument, got " : " arguments, got ", rest.nargs));
  return false;
}

bool EventMask(ThreadState& ts, Value v, short* out) {
  if (!v.is_intlike()) {
    RaiseTypeError(ts, "an integer is required");
    return false;
  }
  int64_t n = v.as_int();
  if (n < 0 || n > 0xffff) {
    RaiseOverflowError(ts, n < 0 ? "can't convert negative int to unsigned" : "Python int too large for C unsigned short");
    return false;
  }
  *out = static_cast<short>(n);
  return true;
}

pollfd* FindFd(PollObject* p, int fd) {
  for (pollfd& e : p->fds)
    if (e.fd == fd) return &e;
  return nullptr;
}

Value PollRegister(ThreadState& ts, const CallArgs& a) {
  if (!PollArity(ts, a, "register", 1, 2)) return Value::Null();
  int fd;
  short events = POLLIN | POLLPRI | POLLOUT;
  if (!FdOf(ts, a.argv[1], &fd) || (a.nargs == 3 && !EventMask(ts, a.argv[2], &events))) return Value::Null();
  PollObject* p = PollSelf(a);
  if (pollfd* e = FindFd(p, fd)) e->events = events;
  else p->fds.push_back(pollfd{fd, events, 0});
  return Value::None();
}

Value PollModify(ThreadState& ts, const CallArgs& a) {
  if (!PollArity(ts, a, "modify", 2, 2)) return Value::Null();
  int fd;
  short events;
  if (!FdOf(ts, a.argv[1], &fd) || !EventMask(ts, a.argv[2], &events)) return Value::Null();
  pollfd* e = FindFd(PollSelf(a), fd);
  if (e == nullptr) return RaiseOSError(ts, ENOENT);
  e->events = events;
  return Value::None();
}

Value PollUnregister(ThreadState& ts, const CallArgs& a) {
  if (!PollArity(ts, a, "unregister", 1, 1)) return Value::Null();
  int fd;
  if (!FdOf(ts, a.argv[1], &fd)) return Value::Null();
  PollObject* p = PollSelf(a);
  pollfd* e = FindFd(p, fd);
  if (e == nullptr) return RaiseKeyError(ts, Value::Int(fd));
  p->fds.erase(p->fds.begin() + (e - p->fds.data()));
  return Value::None();
}

// poll([timeout]) in milliseconds; None or negative waits for ever. -> [(fd, revents), ...]
Value PollPoll(ThreadState& ts, const CallArgs& a) {
  if (!PollArity(ts, a, "poll", 0, 1)) return Value::Null();
  int64_t deadline = kNoDeadline;
  if (a.nargs == 2 && !a.argv[1].is_none()) {
    Value t = a.argv[1];
    if (!t.is_float() && !t.is_intlike()) return RaiseTypeError(ts, "timeout must be an integer or None");
    double ms = t.is_float() ? t.as_float() : static_cast<double>(t.as_int());
    if (ms >= 0) deadline = DeadlineAfter(ms / 1000.0);
  }
  PollObject* p = PollSelf(a);
  if (p->polling) return Raise(ts, ts.interp.exc.RuntimeError, "concurrent poll() invocation");
  // Wait on a copy: register() from another thread may change p->fds while this one waits.
  std::vector<pollfd> polled = p->fds;
  for (pollfd& e : polled) e.revents = 0;
  p->polling = true;
  WaitResult r;
  for (;;) {
    r = WaitFds(ts, polled.data(), polled.size(), deadline);
    if (r != WaitResult::kWoken) break;
    if (!HandleWake(ts)) {
      p->polling = false;
      return Value::Null();
    }
  }
  p->polling = false;
  RootedPtr<ListObject> out(ts, NewList(ts));
  if (r == WaitResult::kTimedOut) return Value::Obj(out.get());
  for (const pollfd& e : polled) {
    if (e.revents == 0) continue;
    Value item = Value::Obj(NewTuple(ts, {Value::Int(e.fd), Value::Int(static_cast<uint16_t>(e.revents))}));
    out->items.push_back(item);
  }
  return Value::Obj(out.get());
}

Value PollNew(ThreadState& ts, const CallArgs& a) {
  if (a.kwnames != nullptr && a.nkw() > 0) return RaiseTypeError(ts, "select.poll() takes no keyword arguments");
  if (a.nargs != 0) return RaiseTypeError(ts, absl::StrCat("select.poll() takes no arguments (", a.nargs, " given)"));
  for (TypeObject* t : ts.interp.extra_types)
    if (t->instance_kind == Kind::kPoll) return Value::Obj(ts.interp.heap.New<PollObject>(t));
  return Raise(ts, ts.interp.exc.RuntimeError, "select.poll type missing");
}

// The poll type, created once per interpreter (the collector is paused because NewBuiltinType
// allocates the dict before the type is rooted).
void MakePollType(Interpreter& in) {
  for (TypeObject* t : in.extra_types)
    if (t->instance_kind == Kind::kPoll) return;
  bool was = in.heap.enabled();
  in.heap.set_enabled(false);
  TypeObject* t = NewBuiltinType(in, "poll", nullptr, Kind::kPoll, "select");
  in.heap.set_enabled(was);
  t->subclassable = false;
  AddMethod(in, t, "register", PollRegister);
  AddMethod(in, t, "modify", PollModify);
  AddMethod(in, t, "unregister", PollUnregister);
  AddMethod(in, t, "poll", PollPoll);
}

ModuleObject* MakeSelectModule(ThreadState& ts) {
  Interpreter& in = ts.interp;
  RootedPtr<ModuleObject> m(ts, NewNativeModule(ts, "select"));
  DictObject* d = m->dict;
  MakePollType(in);
  AddFunctions(in, d, {{"select", Select}, {"poll", PollNew}});
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
