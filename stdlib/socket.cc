// The _socket module: the socket type and the name-service functions. socket.py
// (stdlib/lib/socket.py) adds create_connection and create_server on top, as CPython's does.
//
// Invariants:
//  - Every descriptor a socket owns is non-blocking at the OS level (SOCK_NONBLOCK, or O_NONBLOCK
//    for an adopted fileno). The Python-level timeout lives in `timeout` (<0: blocking, 0:
//    non-blocking, >0: seconds). A call that would block waits in WaitFd (GIL released, woken by
//    Ctrl-C and shutdown) and retries the syscall, so no socket call ever blocks with the GIL held
//    or out of reach of a wake-up.
//  - A timeout is a total per call: the deadline is taken once, before the first attempt.
//  - `fd` is -1 once closed or detached; the destructor (run by the collector) closes a
//    descriptor still open, so a forgotten socket does not leak for the life of the process.
//  - Buffers are re-read from their (rooted) Python objects after every wait, since another
//    thread may change a bytearray while this one has released the GIL.
//  - Name lookups (getaddrinfo, gethostbyname) run with the GIL released: they may block on DNS.
//  - The types (socket, gaierror, herror) are created once per interpreter and found again in
//    interp.extra_types; setdefaulttimeout's value is kept in the _socket module's dict. Neither
//    is global state, so interpreters stay independent.
//  - In a sandbox without network access (vm/sandbox.h) every function that creates or adopts a
//    socket, resolves a name, tells the host name or touches a raw descriptor raises
//    PermissionError; the pure helpers (htons, inet_aton, the default timeout) still work.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <cstring>
#include <memory>
#include <new>
#include <string>

#include "absl/strings/str_cat.h"
#include "stdlib/io.h"
#include "stdlib/stdlib.h"
#include "vm/bytes.h"
#include "vm/dict.h"
#include "vm/errors.h"
#include "vm/function.h"
#include "vm/instance.h"
#include "vm/interpreter.h"
#include "vm/list.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/sandbox.h"
#include "vm/str.h"
#include "vm/threads.h"
#include "vm/tuple.h"

namespace gilvm::stdlib {

using namespace gilvm::vm;

namespace {

// ---- Types owned by the module -------------------------------------------------------------

// A type this module created (they live in interp.extra_types, which roots them), or null
// before the module is imported.
TypeObject* FindModuleType(Interpreter& in, std::string_view name) {
  for (TypeObject* t : in.extra_types)
    if (t->module == "socket" && t->name == name) return t;
  return nullptr;
}

// A socket. Methods are registered with the type as owner, so argv[0] always has this layout.
struct SocketObject : Object {
  explicit SocketObject(TypeObject* t) : Object(t, Kind::kSocket) {}
  ~SocketObject() override {
    if (fd >= 0) close(fd);
  }
  int fd = -1;
  int family = AF_INET;
  int socktype = SOCK_STREAM;  // without SOCK_NONBLOCK / SOCK_CLOEXEC, as CPython reports it
  int proto = 0;
  double timeout = -1;     // <0: blocking (None); 0: non-blocking; >0: seconds
};

SocketObject* Self(const CallArgs& a) { return static_cast<SocketObject*>(a.argv[0].as_object()); }

// ---- Argument helpers ------------------------------------------------------------------------

// The arguments after self.
CallArgs Rest(const CallArgs& a) { return CallArgs{a.argv + 1, a.nargs - 1, a.kwnames}; }

// PyArg_ParseTuple's arity messages: "recv() takes at least 1 argument (0 given)".
// Methods' keyword errors name the type ("socket.recv() takes no keyword arguments"), module
// functions' do not (`method` false).
bool Arity(ThreadState& ts, const CallArgs& a, std::string_view fname, size_t min, size_t max, bool method = true) {
  if (!NoKeywords(ts, a, method ? absl::StrCat("socket.", std::string(fname)) : std::string(fname))) return false;
  if (a.nargs >= min && a.nargs <= max) return true;
  const char* how = min == max ? "exactly" : a.nargs < min ? "at least" : "at most";
  size_t n = min == max || a.nargs < min ? min : max;
  RaiseTypeError(ts, absl::StrCat(std::string(fname), "() takes ", how, " ", n, n == 1 ? " argument (" : " arguments (", a.nargs,
                                  " given)"));
  return false;
}

// Methods CPython writes in C without arguments (METH_NOARGS) or with one (METH_O):
// "socket.fileno() takes no arguments (1 given)", "socket.bind() takes exactly one argument (0 given)".
bool NoArgs(ThreadState& ts, const CallArgs& a, std::string_view method) {
  std::string f = absl::StrCat("socket.", std::string(method));
  CallArgs r = Rest(a);
  return NoKeywords(ts, r, f) && ArgCountBetween(ts, r, f, 0, 0);
}
bool OneArg(ThreadState& ts, const CallArgs& a, std::string_view method) {
  std::string f = absl::StrCat("socket.", std::string(method));
  CallArgs r = Rest(a);
  return NoKeywords(ts, r, f) && ArgCountBetween(ts, r, f, 1, 1);
}
// Methods socket.py writes in Python as `def NAME(self)`: the interpreter's binding messages.
bool PyNoArgs(ThreadState& ts, const CallArgs& a, std::string_view method) {
  CallArgs r = Rest(a);
  std::string f = absl::StrCat("socket.", std::string(method), "()");
  if (r.nkw() > 0) {
    RaiseTypeError(ts, absl::StrCat(f, " got an unexpected keyword argument '",
                                    As<StrObject>(r.kwnames->items[0])->str(), "'"));
    return false;
  }
  if (r.nargs == 0) return true;
  RaiseTypeError(ts, absl::StrCat(f, " takes 1 positional argument but ", r.nargs + 1, " were given"));
  return false;
}

bool IntArg(ThreadState& ts, Value v, int* out) {
  int64_t n;
  if (!ToIndex(ts, v, &n)) return false;
  if (n < INT32_MIN || n > INT32_MAX) {
    RaiseOverflowError(ts, n < 0 ? "signed integer is less than minimum" : "signed integer is greater than maximum");
    return false;
  }
  *out = static_cast<int>(n);
  return true;
}

// str (as UTF-8), bytes or bytearray: host names and paths.
bool TextOrBytes(ThreadState& ts, Value v, std::string* out, std::string_view what) {
  std::string_view view;
  if (IsStr(v)) {
    *out = As<StrObject>(v)->view();
  } else if (BytesLikeView(v, &view)) {
    *out = std::string(view);
  } else {
    RaiseTypeError(ts, absl::StrCat(std::string(what), "str, bytes or bytearray expected, not ", TypeName(ts, v)));
    return false;
  }
  return true;
}

bool ValidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

// ---- Errors ----------------------------------------------------------------------------------

Value RaiseTimeout(ThreadState& ts) { return Raise(ts, ts.interp.exc.TimeoutError, "timed out"); }

// gaierror(code, message) for a getaddrinfo failure (OSError(sys_errno) for EAI_SYSTEM; the
// caller saves errno right after the call, before taking the GIL back can change it).
Value RaiseGai(ThreadState& ts, int code, int sys_errno) {
  if (code == EAI_SYSTEM) return RaiseOSError(ts, sys_errno);
  TypeObject* type = FindModuleType(ts.interp, "gaierror");
  Root msg(ts, NewStrValue(ts, gai_strerror(code)));
  Value argv[2] = {Value::Int(code), msg.get()};
  Root e(ts, Call(ts, Value::Obj(type), argv, 2));
  if (e.get().is_null()) return Value::Null();
  return RaiseObject(ts, e.as<ExceptionObject>());
}

// ---- Addresses -------------------------------------------------------------------------------

// Resolves `host` for `family` into `out` (which holds `size` bytes): "" is the wildcard,
// "<broadcast>" the broadcast address, numeric addresses need no lookup. false: raised.
bool ResolveHost(ThreadState& ts, const std::string& host, int family, void* out, size_t size) {
  if (family == AF_INET && (host.empty() || host == "<broadcast>")) {
    auto* in = static_cast<sockaddr_in*>(out);
    in->sin_addr.s_addr = htonl(host.empty() ? INADDR_ANY : INADDR_BROADCAST);
    return true;
  }
  if (family == AF_INET6 && host.empty()) {
    static_cast<sockaddr_in6*>(out)->sin6_addr = in6addr_any;
    return true;
  }
  void* addr = family == AF_INET ? static_cast<void*>(&static_cast<sockaddr_in*>(out)->sin_addr)
                                 : static_cast<void*>(&static_cast<sockaddr_in6*>(out)->sin6_addr);
  if (inet_pton(family, host.c_str(), addr) == 1) return true;
  addrinfo hints{};
  hints.ai_family = family;
  addrinfo* res = nullptr;
  int rc, sys_errno;
  {
    GilReleaseGuard unlocked(ts);
    rc = getaddrinfo(host.c_str(), nullptr, &hints, &res);
    sys_errno = errno;
  }
  if (rc != 0) {
    RaiseGai(ts, rc, sys_errno);
    return false;
  }
  size_t n = std::min<size_t>(size, res->ai_addrlen);
  int port_keep = family == AF_INET ? static_cast<sockaddr_in*>(out)->sin_port : static_cast<sockaddr_in6*>(out)->sin6_port;
  std::memcpy(out, res->ai_addr, n);
  if (family == AF_INET) static_cast<sockaddr_in*>(out)->sin_port = port_keep;
  else static_cast<sockaddr_in6*>(out)->sin6_port = port_keep;
  freeaddrinfo(res);
  return true;
}

bool PortArg(ThreadState& ts, Value v, const char* caller, int* port) {
  int64_t n;
  if (!ToIndex(ts, v, &n)) return false;
  if (n < 0 || n > 0xffff) {
    RaiseOverflowError(ts, absl::StrCat(caller, "(): port must be 0-65535."));
    return false;
  }
  *port = static_cast<int>(n);
  return true;
}

bool InetAddress(ThreadState& ts, Value addr, const char* caller, sockaddr_storage* out, socklen_t* len) {
  if (!IsTuple(addr))
    return RaiseTypeError(ts, absl::StrCat(caller, "(): AF_INET address must be tuple, not ", TypeName(ts, addr))),
           false;
  TupleObject* t = As<TupleObject>(addr);
  if (t->size() != 2) return RaiseTypeError(ts, "AF_INET address must be a pair (host, port)"), false;
  std::string host;
  int64_t port64;
  if (!TextOrBytes(ts, t->items[0], &host, "") || !ToIndex(ts, t->items[1], &port64)) return false;
  if (host.find('\0') != std::string::npos) return RaiseTypeError(ts, "host name must not contain null character"), false;
  auto* in = reinterpret_cast<sockaddr_in*>(out);
  in->sin_family = AF_INET;
  if (!ResolveHost(ts, host, AF_INET, in, sizeof(sockaddr_in))) return false;
  int port;
  if (!PortArg(ts, t->items[1], caller, &port)) return false;
  in->sin_port = htons(static_cast<uint16_t>(port));
  *len = sizeof(sockaddr_in);
  return true;
}

bool Inet6Address(ThreadState& ts, Value addr, const char* caller, sockaddr_storage* out, socklen_t* len) {
  if (!IsTuple(addr))
    return RaiseTypeError(ts, absl::StrCat(caller, "(): AF_INET6 address must be tuple, not ", TypeName(ts, addr))),
           false;
  TupleObject* t = As<TupleObject>(addr);
  if (t->size() < 2 || t->size() > 4)
    return RaiseTypeError(ts, "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])"), false;
  std::string host;
  int64_t extra[2] = {0, 0};
  if (!TextOrBytes(ts, t->items[0], &host, "")) return false;
  int64_t unused;
  if (!ToIndex(ts, t->items[1], &unused)) return false;
  for (size_t i = 2; i < t->size(); ++i)
    if (!ToIndex(ts, t->items[i], &extra[i - 2])) return false;
  if (host.find('\0') != std::string::npos) return RaiseTypeError(ts, "host name must not contain null character"), false;
  auto* in6 = reinterpret_cast<sockaddr_in6*>(out);
  in6->sin6_family = AF_INET6;
  if (!ResolveHost(ts, host, AF_INET6, in6, sizeof(sockaddr_in6))) return false;
  int port;
  if (!PortArg(ts, t->items[1], caller, &port)) return false;
  if (extra[0] < 0 || extra[0] > 0xfffff)
    return RaiseOverflowError(ts, absl::StrCat(caller, "(): flowinfo must be 0-1048575.")), false;
  in6->sin6_port = htons(static_cast<uint16_t>(port));
  in6->sin6_flowinfo = htonl(static_cast<uint32_t>(extra[0]));
  in6->sin6_scope_id = static_cast<uint32_t>(extra[1]);
  *len = sizeof(sockaddr_in6);
  return true;
}

bool UnixAddress(ThreadState& ts, Value addr, sockaddr_storage* out, socklen_t* len) {
  std::string path;
  std::string_view view;
  if (IsStr(addr)) {
    path = As<StrObject>(addr)->view();
  } else if (RequireBytesLike(ts, addr, &view)) {
    path = std::string(view);
  } else {
    return false;
  }
  auto* un = reinterpret_cast<sockaddr_un*>(out);
  if (path.size() >= sizeof(un->sun_path) + (!path.empty() && path[0] == '\0' ? 1 : 0))
    return Raise(ts, ts.interp.exc.OSError, "AF_UNIX path too long"), false;
  un->sun_family = AF_UNIX;
  std::memcpy(un->sun_path, path.data(), path.size());
  *len = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + path.size() + (path.empty() || path[0] ? 1 : 0));
  return true;
}

// Converts a Python address for `family` (as CPython's getsockaddrarg does). false: raised.
bool ParseAddress(ThreadState& ts, int family, Value addr, const char* caller, sockaddr_storage* out, socklen_t* len) {
  std::memset(out, 0, sizeof(*out));
  switch (family) {
    case AF_INET: return InetAddress(ts, addr, caller, out, len);
    case AF_INET6: return Inet6Address(ts, addr, caller, out, len);
    case AF_UNIX: return UnixAddress(ts, addr, out, len);
    default: return Raise(ts, ts.interp.exc.OSError, absl::StrCat(caller, "(): bad family")), false;
  }
}

// The Python form of a socket address: (host, port), (host, port, flowinfo, scope_id), a path.
Value MakeAddress(ThreadState& ts, const sockaddr_storage& ss, socklen_t len) {
  if (len == 0) return Value::None();
  char text[INET6_ADDRSTRLEN];
  switch (ss.ss_family) {
    case AF_INET: {
      const auto& in = reinterpret_cast<const sockaddr_in&>(ss);
      inet_ntop(AF_INET, &in.sin_addr, text, sizeof(text));
      Root host(ts, NewStrValue(ts, text));
      return Value::Obj(NewTuple(ts, {host.get(), Value::Int(ntohs(in.sin_port))}));
    }
    case AF_INET6: {
      const auto& in6 = reinterpret_cast<const sockaddr_in6&>(ss);
      inet_ntop(AF_INET6, &in6.sin6_addr, text, sizeof(text));
      Root host(ts, NewStrValue(ts, text));
      return Value::Obj(NewTuple(ts, {host.get(), Value::Int(ntohs(in6.sin6_port)),
                                      Value::Int(ntohl(in6.sin6_flowinfo)), Value::Int(in6.sin6_scope_id)}));
    }
    case AF_UNIX: {
      const auto& un = reinterpret_cast<const sockaddr_un&>(ss);
      size_t n = len > offsetof(sockaddr_un, sun_path) ? len - offsetof(sockaddr_un, sun_path) : 0;
      std::string_view path(un.sun_path, n);
      if (n > 0 && path[0] == '\0') return NewBytesValue(ts, path);  // Linux's abstract namespace
      path = path.substr(0, strnlen(un.sun_path, n));
      return ValidUtf8(path) ? NewStrValue(ts, path) : NewBytesValue(ts, path);
    }
    default:
      return Value::Obj(NewTuple(ts, {Value::Int(ss.ss_family), Value::None()}));
  }
}

// ---- The waiting loop ------------------------------------------------------------------------

// The deadline for one call on `s`: none for a blocking socket.
int64_t CallDeadline(const SocketObject* s) { return s->timeout > 0 ? DeadlineAfter(s->timeout) : kNoDeadline; }

// Runs `attempt(fd)` (a syscall returning -1 with errno on failure) until it succeeds, waiting for
// `events` between tries as the socket's timeout says. Returns its result, or -1 with the
// exception raised (TimeoutError, KeyboardInterrupt, the OSError for errno).
template <typename Attempt>
ssize_t SockCall(ThreadState& ts, SocketObject* s, short events, Attempt attempt) {
  int64_t deadline = CallDeadline(s);
  for (;;) {
    ssize_t r = attempt(s->fd);
    if (r >= 0) return r;
    int err = errno;
    if (err == EINTR) {
      if (!CheckInterrupts(ts)) return -1;
      continue;
    }
    if ((err != EAGAIN && err != EWOULDBLOCK) || s->timeout == 0) {
      RaiseOSError(ts, err);
      return -1;
    }
    switch (WaitFd(ts, s->fd, events, deadline)) {
      case WaitResult::kReady: break;
      case WaitResult::kTimedOut: RaiseTimeout(ts); return -1;
      case WaitResult::kWoken:
        if (!HandleWake(ts)) return -1;
        break;
    }
  }
}

// ---- Creating sockets ------------------------------------------------------------------------

// setdefaulttimeout's value is per interpreter, so it lives in the _socket module's dict under
// a private name: a float, or None for blocking.
StrObject* DefaultTimeoutKey(Interpreter& in) { return Intern(in, "_default_timeout"); }

DictObject* SocketModuleDict(Interpreter& in) {
  Value m = in.modules != nullptr ? DictGetStr(in.modules, Intern(in, "_socket")) : Value::Null();
  return IsObjectOfKind(m, Kind::kModule) ? As<ModuleObject>(m)->dict : nullptr;
}

double DefaultTimeout(Interpreter& in) {
  DictObject* d = SocketModuleDict(in);
  Value v = d != nullptr ? DictGetStr(d, DefaultTimeoutKey(in)) : Value::Null();
  return v.is_float() ? v.as_float() : -1;
}

SocketObject* NewSocketObject(ThreadState& ts, TypeObject* type, int fd, int family, int socktype, int proto) {
  double timeout = DefaultTimeout(ts.interp);  // may intern (allocate): before `s` exists
  SocketObject* s = ts.interp.heap.New<SocketObject>(type);
  s->timeout = timeout;
  s->fd = fd;
  s->family = family;
  s->socktype = socktype & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
  s->proto = proto;
  return s;
}

// Adopts an existing descriptor (socket(fileno=...)): asks the kernel for what was not given.
bool AdoptFd(ThreadState& ts, int fd, int* family, int* socktype, int* proto) {
  auto query = [&](int opt, int* out) {
    if (*out != -1) return true;
    socklen_t n = sizeof(int);
    if (getsockopt(fd, SOL_SOCKET, opt, out, &n) == 0) return true;
    RaiseOSError(ts, errno);
    return false;
  };
  if (!query(SO_DOMAIN, family) || !query(SO_TYPE, socktype) || !query(SO_PROTOCOL, proto)) return false;
  int flags = fcntl(fd, F_GETFL);
  if (flags < 0 || fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0) {
    RaiseOSError(ts, errno);
    return false;
  }
  return true;
}

// socket(family=-1, type=-1, proto=-1, fileno=None), with the binding errors of socket.py's
// Python-level __init__, which CPython reports.
bool ParseSocketArgs(ThreadState& ts, const CallArgs& r, Value out[4]) {
  static constexpr const char* kNames[4] = {"family", "type", "proto", "fileno"};
  if (r.nargs > 4) {
    RaiseTypeError(ts, absl::StrCat("socket.__init__() takes from 1 to 5 positional arguments but ", r.nargs + 1,
                                    " were given"));
    return false;
  }
  for (size_t i = 0; i < r.nargs; ++i) out[i] = r.argv[i];
  for (size_t k = 0; k < r.nkw(); ++k) {
    const std::string& name = As<StrObject>(r.kwnames->items[k])->str();
    size_t i = 0;
    while (i < 4 && name != kNames[i]) ++i;
    if (i == 4 || !out[i].is_null()) {
      RaiseTypeError(ts, absl::StrCat("socket.__init__() got ", i == 4 ? "an unexpected keyword argument '" :
                                      "multiple values for argument '", name, "'"));
      return false;
    }
    out[i] = r.kwvalue(k);
  }
  return true;
}

// socket.__new__(cls, family=-1, type=-1, proto=-1, fileno=None)
Value SocketNew(ThreadState& ts, const CallArgs& a) {
  if (!SandboxAllows(ts, SandboxAccess::kNetwork, "socket.socket()")) return Value::Null();
  Value out[4];
  if (!ParseSocketArgs(ts, Rest(a), out)) return Value::Null();
  int args[3] = {-1, -1, -1};
  for (int i = 0; i < 3; ++i)
    if (!out[i].is_null() && !IntArg(ts, out[i], &args[i])) return Value::Null();
  int fd;
  if (!out[3].is_null() && !out[3].is_none()) {
    int64_t n;
    if (!ToIndex(ts, out[3], &n)) return Value::Null();
    if (n < 0) return RaiseValueError(ts, "negative file descriptor");
    fd = static_cast<int>(n);
    if (!AdoptFd(ts, fd, &args[0], &args[1], &args[2])) return Value::Null();
  } else {
    if (args[0] == -1) args[0] = AF_INET;
    if (args[1] == -1) args[1] = SOCK_STREAM;
    if (args[2] == -1) args[2] = 0;
    fd = socket(args[0], args[1] | SOCK_NONBLOCK | SOCK_CLOEXEC, args[2]);
    if (fd < 0) return RaiseOSError(ts, errno);
  }
  return Value::Obj(NewSocketObject(ts, As<TypeObject>(a.argv[0]), fd, args[0], args[1], args[2]));
}

// ---- Connection methods ----------------------------------------------------------------------

Value SockBind(ThreadState& ts, const CallArgs& a) {
  CallArgs r = Rest(a);
  if (!OneArg(ts, a, "bind")) return Value::Null();
  SocketObject* s = Self(a);
  sockaddr_storage ss;
  socklen_t len;
  if (!ParseAddress(ts, s->family, r.argv[0], "bind", &ss, &len)) return Value::Null();
  if (bind(s->fd, reinterpret_cast<sockaddr*>(&ss), len) < 0) return RaiseOSError(ts, errno);
  return Value::None();
}

Value SockListen(ThreadState& ts, const CallArgs& a) {
  CallArgs r = Rest(a);
  if (!Arity(ts, r, "listen", 0, 1)) return Value::Null();
  int backlog = std::min(128, SOMAXCONN);
  if (r.nargs == 1 && !IntArg(ts, r.argv[0], &backlog)) return Value::Null();
  if (listen(Self(a)->fd, std::max(backlog, 0)) < 0) return RaiseOSError(ts, errno);
  return Value::None();
}

// accept() -> (socket, address); the new socket has the default timeout (None unless
// setdefaulttimeout was called), whatever the listening socket's, as socket.py makes it.
Value SockAccept(ThreadState& ts, const CallArgs& a) {
  if (!PyNoArgs(ts, a, "accept")) return Value::Null();
  SocketObject* s = Self(a);
  sockaddr_storage ss{};
  socklen_t len = 0;
  ssize_t fd = SockCall(ts, s, POLLIN, [&](int sfd) {
    len = sizeof(ss);
    return static_cast<ssize_t>(accept4(sfd, reinterpret_cast<sockaddr*>(&ss), &len, SOCK_NONBLOCK | SOCK_CLOEXEC));
  });
  if (fd < 0) return Value::Null();
  RootedPtr<SocketObject> conn(ts, NewSocketObject(ts, a.argv[0].as_object()->type,
                                                   static_cast<int>(fd), s->family, s->socktype, s->proto));
  Root addr(ts, MakeAddress(ts, ss, len));
  if (addr.get().is_null()) return Value::Null();
  return Value::Obj(NewTuple(ts, {Value::Obj(conn.get()), addr.get()}));
}

// connect's core: 0 on success, else the errno (or -1 with an exception raised: a bad address,
// TimeoutError, KeyboardInterrupt). `timeout_errno` reports a timeout as an errno (connect_ex).
int ConnectErrno(ThreadState& ts, SocketObject* s, Value address, const char* caller, bool timeout_errno) {
  sockaddr_storage ss;
  socklen_t len;
  if (!ParseAddress(ts, s->family, address, caller, &ss, &len)) return -1;
  if (connect(s->fd, reinterpret_cast<sockaddr*>(&ss), len) == 0) return 0;
  int err = errno;
  if ((err != EINPROGRESS && err != EINTR) || s->timeout == 0) return err;
  int64_t deadline = CallDeadline(s);
  for (;;) {
    switch (WaitFd(ts, s->fd, POLLOUT, deadline)) {
      case WaitResult::kReady: {
        int so_error = 0;
        socklen_t n = sizeof(so_error);
        if (getsockopt(s->fd, SOL_SOCKET, SO_ERROR, &so_error, &n) < 0) return errno;
        // Linux lets the first connect() after an asynchronous one completed succeed; call it
        // now so that a later connect() fails with EISCONN, as after a blocking connect.
        if (so_error == 0) (void)connect(s->fd, reinterpret_cast<sockaddr*>(&ss), len);
        return so_error;
      }
      case WaitResult::kTimedOut:
        if (timeout_errno) return EWOULDBLOCK;
        RaiseTimeout(ts);
        return -1;
      case WaitResult::kWoken:
        if (!HandleWake(ts)) return -1;
        break;
    }
  }
}

Value SockConnect(ThreadState& ts, const CallArgs& a) {
  CallArgs r = Rest(a);
  if (!OneArg(ts, a, "connect")) return Value::Null();
  int err = ConnectErrno(ts, Self(a), r.argv[0], "connect", false);
  if (err < 0) return Value::Null();
  if (err > 0) return RaiseOSError(ts, err);
  return Value::None();
}

Value SockConnectEx(ThreadState& ts, const CallArgs& a) {
  CallArgs r = Rest(a);
  if (!OneArg(ts, a, "connect_ex")) return Value::Null();
  int err = ConnectErrno(ts, Self(a), r.argv[0], "connect_ex", true);
  if (err < 0) return Value::Null();
  return Value::Int(err);
}

Value SockShutdown(ThreadState& ts, const CallArgs& a) {
  CallArgs r = Rest(a);
  if (!OneArg(ts, a, "shutdown")) return Value::Null();
  int how;
  if (!IntArg(ts, r.argv[0], &how)) return Value::Null();
  if (shutdown(Self(a)->fd, how) < 0) return RaiseOSError(ts, errno);
  return Value::None();
}

// close(): a reset peer is not an error worth raising at close time (as CPython).
Value SockClose(ThreadState& ts, const CallArgs& a) {
  if (!PyNoArgs(ts, a, "close")) return Value::Null();
  SocketObject* s = Self(a);
  int fd = s->fd;
  s->fd = -1;
  if (fd >= 0 && close(fd) < 0 && errno != ECONNRESET) return RaiseOSError(ts, errno);
  return Value::None();
}

// makefile(mode='r', buffering=None, *, encoding=None, errors=None, newline=None): a file over
// the socket's descriptor (stdlib/io.h's layers) that keeps the socket alive and waits no longer
// than its timeout. Unlike CPython's, closing the socket closes the descriptor under the file.
Value SockMakefile(ThreadState& ts, const CallArgs& a) {
  SocketObject* s = Self(a);
  Value v[5];
  if (!ParseArgs(ts, Rest(a), Params{"makefile", {"mode", "buffering", "encoding", "errors", "newline"}, 0, 0, 2}, v))
    return Value::Null();
  std::string mode = "r";
  if (!v[0].is_null()) {
    if (!IsStr(v[0])) return RaiseTypeError(ts, absl::StrCat("'in <string>' requires string as left operand, not ", TypeName(ts, v[0])));
    mode = As<StrObject>(v[0])->view();
  }
  bool reading = false, writing = false, binary = false;
  for (char c : mode) {
    if (c == 'r') reading = true;
    else if (c == 'w') writing = true;
    else if (c == 'b') binary = true;
    else return RaiseValueError(ts, absl::StrCat("invalid mode ", StrRepr(mode), " (only r, w, b allowed)"));
  }
  if (s->fd < 0) return RaiseOSError(ts, EBADF);
  std::string open_mode = reading && writing ? "r+" : writing ? "w" : "r";
  if (binary) open_mode += 'b';
  return OpenSocketFile(ts, s->fd, open_mode, v + 1, a.argv[0], s->timeout);
}

Value SockDetach(ThreadState& ts, const CallArgs& a) {
  if (!PyNoArgs(ts, a, "detach")) return Value::Null();
  SocketObject* s = Self(a);
  int fd = s->fd;
  s->fd = -1;
  return Value::Int(fd);
}

// dup(): a new socket object on a duplicate descriptor, with the same timeout.
Value SockDup(ThreadState& ts, const CallArgs& a) {
  if (!PyNoArgs(ts, a, "dup")) return Value::Null();
  SocketObject* s = Self(a);
  int fd = fcntl(s->fd, F_DUPFD_CLOEXEC, 0);
  if (fd < 0) return RaiseOSError(ts, errno);
  SocketObject* copy;
  try {
    copy = NewSocketObject(ts, s->type, fd, s->family, s->socktype, s->proto);
  } catch (...) {
    close(fd);
    throw;
  }
  copy->timeout = s->timeout;
  return Value::Obj(copy);
}

Value SockFileno(ThreadState& ts, const CallArgs& a) {
  if (!NoArgs(ts, a, "fileno")) return Value::Null();
  return Value::Int(Self(a)->fd);
}

Value SockName(ThreadState& ts, const CallArgs& a, bool peer) {
  if (!NoArgs(ts, a, peer ? "getpeername" : "getsockname")) return Value::Null();
  sockaddr_storage ss{};
  socklen_t len = sizeof(ss);
  int rc = peer ? getpeername(Self(a)->fd, reinterpret_cast<sockaddr*>(&ss), &len)
                : getsockname(Self(a)->fd, reinterpret_cast<sockaddr*>(&ss), &len);
  if (rc < 0) return RaiseOSError(ts, errno);
  return MakeAddress(ts, ss, len);
}
Value SockGetSockName(ThreadState& ts, const CallArgs& a) { return SockName(ts, a, false); }
Value SockGetPeerName(ThreadState& ts, const CallArgs& a) { return SockName(ts, a, true); }

// ---- Data transfer ---------------------------------------------------------------------------

bool BufSize(ThreadState& ts, Value v, const char* fname, int64_t* out) {
  if (!ToIndex(ts, v, out)) return false;
  if (*out < 0) {
    RaiseValueError(ts, absl::StrCat("negative buffersize in ", fname));
    return false;
  }
  return true;
}

// A receive buffer left uninitialised: recv(1 << 30) must not touch a gigabyte of pages
// before the kernel hands over a few bytes. Null (MemoryError raised) if it cannot be had.
// A request beyond 1 TiB fails without trying: no machine this runs on backs it, and sanitizer
// allocators abort on such sizes instead of returning null.
std::unique_ptr<char[]> RecvBuffer(ThreadState& ts, int64_t size) {
  constexpr int64_t kLargestBuffer = int64_t{1} << 40;
  if (size > kLargestBuffer) {
    RaiseMemoryError(ts);
    return nullptr;
  }
  std::unique_ptr<char[]> buf(new (std::nothrow) char[static_cast<size_t>(std::max<int64_t>(size, 1))]);
  if (buf == nullptr) RaiseMemoryError(ts);
  return buf;
}

Value SockRecv(ThreadState& ts, const CallArgs& a) {
  CallArgs r = Rest(a);
  if (!Arity(ts, r, "recv", 1, 2)) return Value::Null();
  int64_t size;
  int flags = 0;
  if (!BufSize(ts, r.argv[0], "recv", &size) || (r.nargs == 2 && !IntArg(ts, r.argv[1], &flags))) return Value::Null();
  auto buf = RecvBuffer(ts, size);
  if (buf == nullptr) return Value::Null();
  ssize_t n = SockCall(ts, Self(a), POLLIN, [&](int fd) { return recv(fd, buf.get(), static_cast<size_t>(size), flags); });
  if (n < 0) return Value::Null();
  return NewBytesValue(ts, std::string_view(buf.get(), static_cast<size_t>(n)));
}

// recv_into(buffer[, nbytes[, flags]]): into a bytearray, copied in after the receive so the
// bytearray is only touched with the GIL held.
Value SockRecvInto(ThreadState& ts, const CallArgs& a) {
  Value out[3];
  if (!ParseArgs(ts, Rest(a), Params{"recv_into", {"buffer", "nbytes", "flags"}, 1}, out)) return Value::Null();
  if (!IsByteArray(out[0]))
    return RaiseTypeError(ts, absl::StrCat("recv_into() argument 'buffer' must be read-write bytes-like object, not ",
                                           TypeName(ts, out[0])));
  int64_t nbytes = 0;
  int flags = 0;
  if (!out[1].is_null() && !ToIndex(ts, out[1], &nbytes)) return Value::Null();
  if (!out[2].is_null() && !IntArg(ts, out[2], &flags)) return Value::Null();
  if (nbytes < 0) return RaiseValueError(ts, "negative buffersize in recv_into");
  auto* target = As<BytesObject>(out[0]);
  if (nbytes == 0) nbytes = static_cast<int64_t>(target->data.size());
  if (static_cast<size_t>(nbytes) > target->data.size())
    return RaiseValueError(ts, "buffer too small for requested bytes");
  auto buf = RecvBuffer(ts, nbytes);
  if (buf == nullptr) return Value::Null();
  ssize_t n = SockCall(ts, Self(a), POLLIN, [&](int fd) { return recv(fd, buf.get(), static_cast<size_t>(nbytes), flags); });
  if (n < 0) return Value::Null();
  size_t copy = std::min(static_cast<size_t>(n), target->data.size());  // it may have shrunk meanwhile
  std::memcpy(target->data.data(), buf.get(), copy);
  return Value::Int(n);
}

Value SockRecvFrom(ThreadState& ts, const CallArgs& a) {
  CallArgs r = Rest(a);
  if (!Arity(ts, r, "recvfrom", 1, 2)) return Value::Null();
  int64_t size;
  int flags = 0;
  if (!BufSize(ts, r.argv[0], "recvfrom", &size) || (r.nargs == 2 && !IntArg(ts, r.argv[1], &flags)))
    return Value::Null();
  auto buf = RecvBuffer(ts, size);
  if (buf == nullptr) return Value::Null();
  sockaddr_storage ss{};
  socklen_t len = 0;
  ssize_t n = SockCall(ts, Self(a), POLLIN, [&](int fd) {
    len = sizeof(ss);
    return recvfrom(fd, buf.get(), static_cast<size_t>(size), flags, reinterpret_cast<sockaddr*>(&ss), &len);
  });
  if (n < 0) return Value::Null();
  Root data(ts, NewBytesValue(ts, std::string_view(buf.get(), static_cast<size_t>(n))));
  Root addr(ts, MakeAddress(ts, ss, len));
  if (addr.get().is_null()) return Value::Null();
  return Value::Obj(NewTuple(ts, {data.get(), addr.get()}));
}

// One send of data[offset:] (re-read from `data` each try: see the invariants).
ssize_t SendSome(ThreadState& ts, SocketObject* s, Value data, size_t offset, int flags, int64_t deadline) {
  for (;;) {
    std::string_view view;
    if (!RequireBytesLike(ts, data, &view)) return -1;
    view = view.substr(std::min(offset, view.size()));
    ssize_t r = send(s->fd, view.data(), view.size(), flags | MSG_NOSIGNAL);
    if (r >= 0) return r;
    int err = errno;
    if (err == EINTR) {
      if (!CheckInterrupts(ts)) return -1;
      continue;
    }
    if ((err != EAGAIN && err != EWOULDBLOCK) || s->timeout == 0) return RaiseOSError(ts, err), -1;
    switch (WaitFd(ts, s->fd, POLLOUT, deadline)) {
      case WaitResult::kReady: break;
      case WaitResult::kTimedOut: return RaiseTimeout(ts), -1;
      case WaitResult::kWoken:
        if (!HandleWake(ts)) return -1;
        break;
    }
  }
}

Value SockSend(ThreadState& ts, const CallArgs& a) {
  CallArgs r = Rest(a);
  if (!Arity(ts, r, "send", 1, 2)) return Value::Null();
  std::string_view view;
  int flags = 0;
  if (!RequireBytesLike(ts, r.argv[0], &view) || (r.nargs == 2 && !IntArg(ts, r.argv[1], &flags)))
    return Value::Null();
  SocketObject* s = Self(a);
  ssize_t n = SendSome(ts, s, r.argv[0], 0, flags, CallDeadline(s));
  return n < 0 ? Value::Null() : Value::Int(n);
}

// sendall: sends until everything is gone; the timeout bounds the whole call.
Value SockSendAll(ThreadState& ts, const CallArgs& a) {
  CallArgs r = Rest(a);
  if (!Arity(ts, r, "sendall", 1, 2)) return Value::Null();
  std::string_view view;
  int flags = 0;
  if (!RequireBytesLike(ts, r.argv[0], &view) || (r.nargs == 2 && !IntArg(ts, r.argv[1], &flags)))
    return Value::Null();
  SocketObject* s = Self(a);
  int64_t deadline = CallDeadline(s);
  size_t sent = 0;
  for (;;) {
    if (!RequireBytesLike(ts, r.argv[0], &view)) return Value::Null();
    if (sent >= view.size()) return Value::None();
    ssize_t n = SendSome(ts, s, r.argv[0], sent, flags, deadline);
    if (n < 0) return Value::Null();
    sent += static_cast<size_t>(n);
    if (!CheckInterrupts(ts)) return Value::Null();  // a long transfer still answers Ctrl-C
  }
}

// sendto(data, address) or sendto(data, flags, address).
Value SockSendTo(ThreadState& ts, const CallArgs& a) {
  CallArgs r = Rest(a);
  if (!NoKeywords(ts, r, "socket.sendto")) return Value::Null();
  if (r.nargs < 2 || r.nargs > 3)
    return RaiseTypeError(ts, absl::StrCat("sendto() takes 2 or 3 arguments (", r.nargs, " given)"));
  std::string_view view;
  int flags = 0;
  if (!RequireBytesLike(ts, r.argv[0], &view) || (r.nargs == 3 && !IntArg(ts, r.argv[1], &flags)))
    return Value::Null();
  SocketObject* s = Self(a);
  sockaddr_storage ss;
  socklen_t len;
  if (!ParseAddress(ts, s->family, r.argv[r.nargs - 1], "sendto", &ss, &len)) return Value::Null();
  Value data = r.argv[0];
  ssize_t n = SockCall(ts, s, POLLOUT, [&](int fd) -> ssize_t {
    std::string_view v;
    if (!BytesLikeView(data, &v)) return errno = EINVAL, -1;
    return sendto(fd, v.data(), v.size(), flags | MSG_NOSIGNAL, reinterpret_cast<sockaddr*>(&ss), len);
  });
  return n < 0 ? Value::Null() : Value::Int(n);
}

// ---- Modes and options -----------------------------------------------------------------------

Value TimeoutValue(const SocketObject* s) { return s->timeout < 0 ? Value::None() : Value::Float(s->timeout); }

// None -> blocking (-1); otherwise non-negative seconds.
bool ParseTimeout(ThreadState& ts, Value v, double* out) {
  if (v.is_none()) {
    *out = -1;
    return true;
  }
  if (!SecondsFromObject(ts, v, out)) return false;
  if (*out < 0) {
    RaiseValueError(ts, "Timeout value out of range");
    return false;
  }
  return true;
}

// Records the timeout; a closed socket still takes it but reports EBADF, as CPython's does
// (its fcntl fails).
Value SetTimeout(ThreadState& ts, SocketObject* s, double timeout) {
  s->timeout = timeout;
  if (s->fd < 0) return RaiseOSError(ts, EBADF);
  return Value::None();
}

Value SockSetTimeout(ThreadState& ts, const CallArgs& a) {
  CallArgs r = Rest(a);
  if (!OneArg(ts, a, "settimeout")) return Value::Null();
  double t;
  if (!ParseTimeout(ts, r.argv[0], &t)) return Value::Null();
  return SetTimeout(ts, Self(a), t);
}

Value SockGetTimeout(ThreadState& ts, const CallArgs& a) {
  if (!NoArgs(ts, a, "gettimeout")) return Value::Null();
  return TimeoutValue(Self(a));
}

Value SockSetBlocking(ThreadState& ts, const CallArgs& a) {
  CallArgs r = Rest(a);
  if (!OneArg(ts, a, "setblocking")) return Value::Null();
  int flag = IsTrue(ts, r.argv[0]);
  if (flag < 0) return Value::Null();
  return SetTimeout(ts, Self(a), flag ? -1 : 0);
}

Value SockGetBlocking(ThreadState& ts, const CallArgs& a) {
  if (!NoArgs(ts, a, "getblocking")) return Value::Null();
  return Value::Bool(Self(a)->timeout != 0);
}

// setsockopt(level, option, value): value an int or a bytes-like buffer.
Value SockSetSockOpt(ThreadState& ts, const CallArgs& a) {
  CallArgs r = Rest(a);
  if (!Arity(ts, r, "setsockopt", 3, 3)) return Value::Null();
  int level, opt;
  if (!IntArg(ts, r.argv[0], &level) || !IntArg(ts, r.argv[1], &opt)) return Value::Null();
  int rc;
  if (r.argv[2].is_intlike()) {
    int v;
    if (!IntArg(ts, r.argv[2], &v)) return Value::Null();
    rc = setsockopt(Self(a)->fd, level, opt, &v, sizeof(v));
  } else {
    std::string_view view;
    if (!RequireBytesLike(ts, r.argv[2], &view)) return Value::Null();
    rc = setsockopt(Self(a)->fd, level, opt, view.data(), static_cast<socklen_t>(view.size()));
  }
  if (rc < 0) return RaiseOSError(ts, errno);
  return Value::None();
}

// getsockopt(level, option[, buflen]): an int, or bytes when buflen is given.
Value SockGetSockOpt(ThreadState& ts, const CallArgs& a) {
  CallArgs r = Rest(a);
  if (!Arity(ts, r, "getsockopt", 2, 3)) return Value::Null();
  int level, opt, buflen = 0;
  if (!IntArg(ts, r.argv[0], &level) || !IntArg(ts, r.argv[1], &opt) ||
      (r.nargs == 3 && !IntArg(ts, r.argv[2], &buflen)))
    return Value::Null();
  if (buflen == 0) {  // as CPython: no buffer length means an int option
    int v = 0;
    socklen_t n = sizeof(v);
    if (getsockopt(Self(a)->fd, level, opt, &v, &n) < 0) return RaiseOSError(ts, errno);
    return Value::Int(v);
  }
  if (buflen <= 0 || buflen > 1024) return Raise(ts, ts.interp.exc.OSError, "getsockopt buflen out of range");
  std::string buf(static_cast<size_t>(buflen), '\0');
  auto n = static_cast<socklen_t>(buflen);
  if (getsockopt(Self(a)->fd, level, opt, buf.data(), &n) < 0) return RaiseOSError(ts, errno);
  return NewBytesValue(ts, std::string_view(buf.data(), n));
}

// ---- Object protocol -------------------------------------------------------------------------

Value SockEnter(ThreadState& ts, const CallArgs& a) {
  if (!PyNoArgs(ts, a, "__enter__")) return Value::Null();
  return a.argv[0];
}

Value SockExit(ThreadState& ts, const CallArgs& a) {
  CallArgs self_only{a.argv, 1, nullptr};
  return SockClose(ts, self_only);
}

// "<socket.socket fd=3, family=2, type=1, proto=0, laddr=('127.0.0.1', 5000)>", as socket.py's.
Value SockRepr(ThreadState& ts, const CallArgs& a) {
  SocketObject* s = Self(a);
  std::string out = absl::StrCat("<socket.socket", s->fd < 0 ? " [closed]" : "", " fd=", s->fd,
                                 ", family=", s->family, ", type=", s->socktype, ", proto=", s->proto);
  if (s->fd >= 0) {
    for (bool peer : {false, true}) {
      Root addr(ts, SockName(ts, CallArgs{a.argv, 1, nullptr}, peer));
      if (addr.get().is_null()) {
        if (!ExceptionMatches(ts, ts.interp.exc.OSError)) return Value::Null();
        ClearException(ts);
        continue;
      }
      int truth = IsTrue(ts, addr.get());
      if (truth < 0) return Value::Null();
      if (truth == 0) continue;
      std::string text;
      if (!StrString(ts, addr.get(), &text)) return Value::Null();
      absl::StrAppend(&out, peer ? ", raddr=" : ", laddr=", text);
    }
  }
  out += ">";
  return NewStrValue(ts, out);
}


Value GetFamily(ThreadState& ts, const CallArgs& a) { return Value::Int(Self(a)->family); }
Value GetType(ThreadState& ts, const CallArgs& a) { return Value::Int(Self(a)->socktype); }
Value GetProto(ThreadState& ts, const CallArgs& a) { return Value::Int(Self(a)->proto); }
Value GetTimeoutAttr(ThreadState& ts, const CallArgs& a) { return TimeoutValue(Self(a)); }

TypeObject* MakeSocketType(ThreadState& ts) {
  Interpreter& in = ts.interp;
  TypeObject* t = NewBuiltinType(in, "socket", nullptr, Kind::kSocket, "socket");
  t->subclassable = false;  // no __dict__ for a subclass to keep its attributes in
  AddStaticMethod(in, t, "__new__", SocketNew);
  static constexpr FunctionDef kMethods[] = {
      {"bind", SockBind},           {"listen", SockListen},         {"accept", SockAccept},
      {"connect", SockConnect},     {"connect_ex", SockConnectEx},  {"shutdown", SockShutdown},
      {"close", SockClose},         {"detach", SockDetach},         {"dup", SockDup},         {"fileno", SockFileno},
      {"getsockname", SockGetSockName}, {"getpeername", SockGetPeerName}, {"recv", SockRecv},
      {"recv_into", SockRecvInto},  {"recvfrom", SockRecvFrom},     {"send", SockSend},
      {"sendall", SockSendAll},     {"sendto", SockSendTo},         {"settimeout", SockSetTimeout},
      {"gettimeout", SockGetTimeout}, {"setblocking", SockSetBlocking}, {"getblocking", SockGetBlocking},
      {"setsockopt", SockSetSockOpt}, {"getsockopt", SockGetSockOpt}, {"__enter__", SockEnter},
      {"__exit__", SockExit},       {"__repr__", SockRepr},     {"makefile", SockMakefile},
  };
  for (const FunctionDef& m : kMethods) AddMethod(in, t, m.name, m.fn);
  AddGetter(ts.interp, t, "family", GetFamily);
  AddGetter(ts.interp, t, "type", GetType);
  AddGetter(ts.interp, t, "proto", GetProto);
  AddGetter(ts.interp, t, "timeout", GetTimeoutAttr);
  return t;
}

// ---- Module functions ------------------------------------------------------------------------

Value SocketPair(ThreadState& ts, const CallArgs& a) {
  if (!SandboxAllows(ts, SandboxAccess::kNetwork, "socket.socketpair()")) return Value::Null();
  Value out[3];
  if (!ParseArgs(ts, a, Params{"socketpair", {"family", "type", "proto"}, 0}, out)) return Value::Null();
  int args[3] = {AF_UNIX, SOCK_STREAM, 0};
  for (int i = 0; i < 3; ++i)
    if (!out[i].is_null() && !IntArg(ts, out[i], &args[i])) return Value::Null();
  int fds[2];
  if (socketpair(args[0], args[1] | SOCK_NONBLOCK | SOCK_CLOEXEC, args[2], fds) < 0) return RaiseOSError(ts, errno);
  TypeObject* type = FindModuleType(ts.interp, "socket");
  RootedPtr<SocketObject> first(ts, NewSocketObject(ts, type, fds[0], args[0], args[1], args[2]));
  // The second descriptor is owned by nothing until its object exists: close it if that fails.
  SocketObject* second;
  try {
    second = NewSocketObject(ts, type, fds[1], args[0], args[1], args[2]);
  } catch (...) {
    close(fds[1]);
    throw;
  }
  RootedPtr<SocketObject> second_root(ts, second);
  return Value::Obj(NewTuple(ts, {Value::Obj(first.get()), Value::Obj(second)}));
}

Value GetHostName(ThreadState& ts, const CallArgs& a) {
  if (!SandboxAllows(ts, SandboxAccess::kNetwork, "socket.gethostname()")) return Value::Null();
  if (!NoKeywords(ts, a, "_socket.gethostname") || !ArgCountBetween(ts, a, "_socket.gethostname", 0, 0)) return Value::Null();
  char name[256] = {};
  if (gethostname(name, sizeof(name) - 1) < 0) return RaiseOSError(ts, errno);
  return NewStrValue(ts, name);
}

bool HostArg(ThreadState& ts, Value v, const char* fname, std::string* out) {
  std::string_view view;
  if (IsStr(v)) {
    *out = As<StrObject>(v)->view();
  } else if (BytesLikeView(v, &view)) {
    *out = std::string(view);
  } else {
    RaiseTypeError(ts, absl::StrCat(fname, "() argument 1 must be str, bytes or bytearray, not ", TypeName(ts, v)));
    return false;
  }
  return true;
}

Value GetHostByName(ThreadState& ts, const CallArgs& a) {
  if (!SandboxAllows(ts, SandboxAccess::kNetwork, "socket.gethostbyname()")) return Value::Null();
  if (!Arity(ts, a, "gethostbyname", 1, 1, false)) return Value::Null();
  std::string host;
  if (!HostArg(ts, a.argv[0], "gethostbyname", &host)) return Value::Null();
  if (host.find('\0') != std::string::npos)
    return RaiseTypeError(ts, absl::StrCat("gethostbyname() argument 1 must be encoded string without null bytes, not ",
                                           TypeName(ts, a.argv[0])));
  sockaddr_in in{};
  if (!ResolveHost(ts, host, AF_INET, &in, sizeof(in))) return Value::Null();
  char text[INET_ADDRSTRLEN];
  inet_ntop(AF_INET, &in.sin_addr, text, sizeof(text));
  return NewStrValue(ts, text);
}

// getaddrinfo(host, port, family=0, type=0, proto=0, flags=0) -> [(family, type, proto,
// canonname, sockaddr), ...]. family and type are plain ints (CPython's are IntEnums).
Value GetAddrInfo(ThreadState& ts, const CallArgs& a) {
  if (!SandboxAllows(ts, SandboxAccess::kNetwork, "socket.getaddrinfo()")) return Value::Null();
  Value out[6];
  if (!ParseArgs(ts, a, Params{"getaddrinfo", {"host", "port", "family", "type", "proto", "flags"}, 2}, out))
    return Value::Null();
  std::string host, port;
  bool has_host = !out[0].is_none(), has_port = !out[1].is_none();
  if (has_host && !TextOrBytes(ts, out[0], &host, "")) return Value::Null();
  if (out[1].is_intlike()) {
    port = std::to_string(out[1].as_int());
  } else if (IsStr(out[1])) {
    port = As<StrObject>(out[1])->view();
  } else if (std::string_view v; BytesLikeView(out[1], &v)) {
    port = std::string(v);
  } else if (has_port) {
    return Raise(ts, ts.interp.exc.OSError, "Int or String expected");
  }
  int ints[4] = {0, 0, 0, 0};
  for (int i = 0; i < 4; ++i)
    if (!out[i + 2].is_null() && !IntArg(ts, out[i + 2], &ints[i])) return Value::Null();
  addrinfo hints{};
  hints.ai_family = ints[0];
  hints.ai_socktype = ints[1];
  hints.ai_protocol = ints[2];
  hints.ai_flags = ints[3];
  addrinfo* res = nullptr;
  int rc, sys_errno;
  {
    GilReleaseGuard unlocked(ts);
    rc = getaddrinfo(has_host ? host.c_str() : nullptr, has_port ? port.c_str() : nullptr, &hints, &res);
    sys_errno = errno;
  }
  if (rc != 0) return RaiseGai(ts, rc, sys_errno);
  RootedPtr<ListObject> list(ts, nullptr);
  Value result = Value::Null();
  try {
    list.reset(NewList(ts));
    for (addrinfo* ai = res; ai != nullptr; ai = ai->ai_next) {
      sockaddr_storage ss{};
      std::memcpy(&ss, ai->ai_addr, std::min<size_t>(ai->ai_addrlen, sizeof(ss)));
      Root addr(ts, MakeAddress(ts, ss, ai->ai_addrlen));
      Root canon(ts, NewStrValue(ts, ai->ai_canonname != nullptr ? ai->ai_canonname : ""));
      Root item(ts, Value::Obj(NewTuple(ts, {Value::Int(ai->ai_family), Value::Int(ai->ai_socktype),
                                             Value::Int(ai->ai_protocol), canon.get(), addr.get()})));
      list->items.push_back(item.get());
    }
    result = Value::Obj(list.get());
  } catch (...) {
    freeaddrinfo(res);
    throw;
  }
  freeaddrinfo(res);
  return result;
}

Value InetAton(ThreadState& ts, const CallArgs& a) {
  if (!Arity(ts, a, "inet_aton", 1, 1, false)) return Value::Null();
  if (!IsStr(a.argv[0]))
    return RaiseTypeError(ts, absl::StrCat("inet_aton() argument 1 must be str, not ", TypeName(ts, a.argv[0])));
  in_addr addr{};
  if (inet_aton(As<StrObject>(a.argv[0])->str().c_str(), &addr) == 0)
    return Raise(ts, ts.interp.exc.OSError, "illegal IP address string passed to inet_aton");
  return NewBytesValue(ts, std::string_view(reinterpret_cast<const char*>(&addr), sizeof(addr)));
}

Value InetNtoa(ThreadState& ts, const CallArgs& a) {
  if (!Arity(ts, a, "inet_ntoa", 1, 1, false)) return Value::Null();
  std::string_view view;
  if (!RequireBytesLike(ts, a.argv[0], &view)) return Value::Null();
  if (view.size() != 4) return Raise(ts, ts.interp.exc.OSError, "packed IP wrong length for inet_ntoa");
  char text[INET_ADDRSTRLEN];
  inet_ntop(AF_INET, view.data(), text, sizeof(text));
  return NewStrValue(ts, text);
}

// htons & co: the byte-order conversions, on the low 16 or 32 bits.
Value ByteOrder(ThreadState& ts, const CallArgs& a, const char* fname, bool wide) {
  if (!Arity(ts, a, fname, 1, 1, false)) return Value::Null();
  int64_t v;
  if (!ToIndex(ts, a.argv[0], &v)) return Value::Null();
  if (v < 0)
    return RaiseOverflowError(ts, wide ? std::string("can't convert negative value to unsigned int")
                                       : absl::StrCat(fname, ": can't convert negative Python int to C 16-bit unsigned integer"));
  if (!wide && v > 0xffff) return RaiseOverflowError(ts, absl::StrCat(fname, ": Python int too large to convert to C 16-bit unsigned integer"));
  if (wide && v > 0xffffffffLL) return RaiseOverflowError(ts, "int larger than 32 bits");
  return Value::Int(wide ? static_cast<int64_t>(htonl(static_cast<uint32_t>(v))) : htons(static_cast<uint16_t>(v)));
}
Value Htons(ThreadState& ts, const CallArgs& a) { return ByteOrder(ts, a, "htons", false); }
Value Ntohs(ThreadState& ts, const CallArgs& a) { return ByteOrder(ts, a, "ntohs", false); }
Value Htonl(ThreadState& ts, const CallArgs& a) { return ByteOrder(ts, a, "htonl", true); }
Value Ntohl(ThreadState& ts, const CallArgs& a) { return ByteOrder(ts, a, "ntohl", true); }

// _socket.dup(fd) and _socket.close(fd): descriptor helpers (fromfd is built on dup).
bool FdArg(ThreadState& ts, const CallArgs& a, const char* fname, int* fd) {
  std::string f = absl::StrCat("_socket.", fname);
  return NoKeywords(ts, a, f) && ArgCountBetween(ts, a, f, 1, 1) && IntArg(ts, a.argv[0], fd);
}

Value DupFd(ThreadState& ts, const CallArgs& a) {
  if (!SandboxAllows(ts, SandboxAccess::kNetwork, "socket.dup()")) return Value::Null();
  int fd;
  if (!FdArg(ts, a, "dup", &fd)) return Value::Null();
  int copy = fcntl(fd, F_DUPFD_CLOEXEC, 0);
  if (copy < 0) return RaiseOSError(ts, errno);
  return Value::Int(copy);
}

Value CloseFd(ThreadState& ts, const CallArgs& a) {
  if (!SandboxAllows(ts, SandboxAccess::kNetwork, "socket.close()")) return Value::Null();
  int fd;
  if (!FdArg(ts, a, "close", &fd)) return Value::Null();
  if (close(fd) < 0 && errno != ECONNRESET) return RaiseOSError(ts, errno);
  return Value::None();
}

Value GetDefaultTimeout(ThreadState& ts, const CallArgs& a) {
  if (!NoKeywords(ts, a, "_socket.getdefaulttimeout") || !ArgCountBetween(ts, a, "_socket.getdefaulttimeout", 0, 0))
    return Value::Null();
  double t = DefaultTimeout(ts.interp);
  return t < 0 ? Value::None() : Value::Float(t);
}

Value SetDefaultTimeout(ThreadState& ts, const CallArgs& a) {
  if (!NoKeywords(ts, a, "_socket.setdefaulttimeout") || !ArgCountBetween(ts, a, "_socket.setdefaulttimeout", 1, 1))
    return Value::Null();
  double t;
  if (!ParseTimeout(ts, a.argv[0], &t)) return Value::Null();
  DictObject* d = SocketModuleDict(ts.interp);
  if (d == nullptr) return Raise(ts, ts.interp.exc.RuntimeError, "the _socket module is not in sys.modules");
  DictSetStr(d, DefaultTimeoutKey(ts.interp), t < 0 ? Value::None() : Value::Float(t));
  return Value::None();
}

void AddConstants(Interpreter& in, DictObject* d) {
  static constexpr struct {
    const char* name;
    int value;
  } kConstants[] = {
      {"AF_UNSPEC", AF_UNSPEC}, {"AF_INET", AF_INET}, {"AF_INET6", AF_INET6}, {"AF_UNIX", AF_UNIX},
      {"SOCK_STREAM", SOCK_STREAM}, {"SOCK_DGRAM", SOCK_DGRAM}, {"SOCK_RAW", SOCK_RAW},
      {"SOCK_NONBLOCK", SOCK_NONBLOCK}, {"SOCK_CLOEXEC", SOCK_CLOEXEC},
      {"SOL_SOCKET", SOL_SOCKET}, {"SO_REUSEADDR", SO_REUSEADDR}, {"SO_REUSEPORT", SO_REUSEPORT},
      {"SO_KEEPALIVE", SO_KEEPALIVE}, {"SO_BROADCAST", SO_BROADCAST}, {"SO_ERROR", SO_ERROR},
      {"SO_TYPE", SO_TYPE}, {"SO_RCVBUF", SO_RCVBUF}, {"SO_SNDBUF", SO_SNDBUF}, {"SO_LINGER", SO_LINGER},
      {"SO_DOMAIN", SO_DOMAIN}, {"SO_PROTOCOL", SO_PROTOCOL}, {"SO_ACCEPTCONN", SO_ACCEPTCONN},
      {"IPPROTO_IP", IPPROTO_IP}, {"IPPROTO_TCP", IPPROTO_TCP}, {"IPPROTO_UDP", IPPROTO_UDP},
      {"IPPROTO_IPV6", IPPROTO_IPV6}, {"IPV6_V6ONLY", IPV6_V6ONLY}, {"TCP_NODELAY", TCP_NODELAY},
      {"SHUT_RD", SHUT_RD}, {"SHUT_WR", SHUT_WR}, {"SHUT_RDWR", SHUT_RDWR}, {"SOMAXCONN", SOMAXCONN},
      {"MSG_PEEK", MSG_PEEK}, {"MSG_DONTWAIT", MSG_DONTWAIT}, {"MSG_WAITALL", MSG_WAITALL},
      {"MSG_OOB", MSG_OOB}, {"AI_PASSIVE", AI_PASSIVE}, {"AI_CANONNAME", AI_CANONNAME},
      {"AI_NUMERICHOST", AI_NUMERICHOST}, {"AI_NUMERICSERV", AI_NUMERICSERV},
      {"EAI_NONAME", EAI_NONAME}, {"INADDR_ANY", static_cast<int>(INADDR_ANY)},
  };
  for (const auto& c : kConstants) DictSetStr(d, Intern(in, c.name), Value::Int(c.value));
  DictSetStr(d, Intern(in, "INADDR_LOOPBACK"), Value::Int(static_cast<int64_t>(INADDR_LOOPBACK)));
}

ModuleObject* MakeSocketModule(ThreadState& ts) {
  Interpreter& in = ts.interp;
  RootedPtr<ModuleObject> m(ts, NewNativeModule(ts, "_socket"));
  DictObject* d = m->dict;
  AddFunctions(in, d,
               {
                   {"socketpair", SocketPair},
                   {"gethostname", GetHostName},
                   {"gethostbyname", GetHostByName},
                   {"getaddrinfo", GetAddrInfo},
                   {"inet_aton", InetAton},
                   {"inet_ntoa", InetNtoa},
                   {"htons", Htons},
                   {"ntohs", Ntohs},
                   {"htonl", Htonl},
                   {"ntohl", Ntohl},
                   {"getdefaulttimeout", GetDefaultTimeout},
                   {"setdefaulttimeout", SetDefaultTimeout},
                   {"dup", DupFd},
                   {"close", CloseFd},
               });
  AddConstants(in, d);
  auto set = [&](const char* name, Value v) { DictSetStr(d, Intern(in, name), v); };
  TypeObject* sock = FindModuleType(in, "socket");
  if (sock == nullptr) sock = MakeSocketType(ts);
  set("socket", Value::Obj(sock));
  set("SocketType", Value::Obj(sock));
  for (const char* name : {"gaierror", "herror"}) {
    TypeObject* e = FindModuleType(in, name);
    if (e == nullptr) e = NewBuiltinType(in, name, in.exc.OSError, Kind::kException, "socket");
    set(name, Value::Obj(e));
  }
  set("error", Value::Obj(in.exc.OSError));
  set("timeout", Value::Obj(in.exc.TimeoutError));
  set("has_ipv6", Value::Bool(true));
  return m.get();
}

}  // namespace

void RegisterSocketModule(Interpreter& in) { in.native_modules["_socket"] = MakeSocketModule; }

}  // namespace gilvm::stdlib
