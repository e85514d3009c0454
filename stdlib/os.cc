// The posix module: the native half of os (stdlib/lib/os.py re-exports it and adds os.path,
// environ, walk, scandir...). Each function behaves as CPython 3.11's on Linux: same arguments,
// same results, and the same OSError subclasses and messages (RaiseOSError, vm/errors.h).
//
// Invariants:
//  - A path argument is a str, a bytes or an object with __fspath__ (and an int fd where CPython
//    takes one); the filename in an OSError is the object the caller passed.
//  - Calls that can block (read, write, waitpid, wait) never hold the GIL while they wait: they
//    wait through WaitFd (woken by Ctrl-C and shutdown), then run the syscall with the GIL
//    released (GilReleaseGuard), on copies of the data, never on interpreter objects. EINTR is
//    retried after checking for KeyboardInterrupt (PEP 475).
//  - Descriptors created here (open, pipe, dup) are non-inheritable (O_CLOEXEC), as in CPython.
//  - os.stat returns os.stat_result, a class defined in os.py and registered here as
//    posix.stat_result; without it (posix imported on its own) stat returns the plain fields tuple.
//  - The sandbox (vm/sandbox.h): each function that reaches a path, a raw descriptor, another
//    process or the environment calls Allowed() first; posix.environ is empty without
//    environment access, so os.environ and os.getenv see nothing while `import os` still works.
#include <fcntl.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <dirent.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "stdlib/stdlib.h"
#include "vm/bytes.h"
#include "vm/dict.h"
#include "vm/errors.h"
#include "vm/instance.h"
#include "vm/interpreter.h"
#include "vm/list.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/sandbox.h"
#include "vm/str.h"
#include "vm/threads.h"
#include "vm/tuple.h"

extern char** environ;

namespace gilvm::stdlib {

using namespace gilvm::vm;

namespace {

// ---- the sandbox ---------------------------------------------------------------------------

// Every posix function that reaches the file system, a descriptor, another process or the
// environment starts with this (vm/sandbox.h): true if the sandbox allows `what`, else false with
// PermissionError "os.NAME() is not allowed: ..." pending. The others (getpid, urandom, strerror,
// the W* macros, fspath...) touch nothing outside the interpreter.
bool Allowed(ThreadState& ts, SandboxAccess what, std::string_view fname) {
  return SandboxPermits(ts.interp, what) || SandboxAllows(ts, what, "os." + std::string(fname) + "()");
}

// ---- argument conversion ---------------------------------------------------------------------

// A converted path argument: the text to hand to the syscall, and what the caller passed (for
// error messages and to give bytes results for bytes input).
struct Path {
  std::string text;
  Value obj = Value::None();
  int fd = -1;         // set when an int was passed where a descriptor is allowed
  bool bytes = false;  // the caller passed bytes
};

enum PathAllow { kPathOnly = 0, kAllowFd = 1, kAllowNone = 2 };

// "string, bytes, os.PathLike, integer or None": the kinds of argument accepted, as CPython lists
// them in its TypeError.
std::string AcceptedKinds(int allow) {
  std::vector<std::string> kinds = {"string", "bytes", "os.PathLike"};
  if (allow & kAllowFd) kinds.push_back("integer");
  if (allow & kAllowNone) kinds.push_back("None");
  std::string out;
  for (size_t i = 0; i < kinds.size(); ++i) {
    if (i > 0) out += i + 1 == kinds.size() ? " or " : ", ";
    out += kinds[i];
  }
  return out;
}

// Text of a str or bytes; false (nothing raised) for anything else.
bool StrOrBytes(Value v, std::string* out, bool* is_bytes) {
  if (IsStr(v)) {
    *out = As<StrObject>(v)->view();
    *is_bytes = false;
    return true;
  }
  std::string_view view;
  if (IsBytes(v) && BytesLikeView(v, &view)) {
    *out = std::string(view);
    *is_bytes = true;
    return true;
  }
  return false;
}

// Calls v.__fspath__() if its type has one: 1 done (out filled), 0 none, -1 raised.
int FsPathProtocol(ThreadState& ts, Value v, std::string* out, bool* is_bytes) {
  Value method = LookupInType(TypeOf(ts.interp, v), Intern(ts.interp, "__fspath__"));
  if (method.is_null()) return 0;
  Value r = CallMethod(ts, v, Intern(ts.interp, "__fspath__"), nullptr, 0);
  if (r.is_null()) return -1;
  if (!StrOrBytes(r, out, is_bytes)) {
    RaiseTypeError(ts, absl::StrCat("expected ", TypeName(ts, v), ".__fspath__() to return str or bytes, not ",
                                    TypeName(ts, r)));
    return -1;
  }
  return 1;
}

bool PathArg(ThreadState& ts, Value v, const char* fname, const char* argname, int allow, Path* out) {
  out->obj = v;
  if ((allow & kAllowNone) && (v.is_none() || v.is_null())) {
    out->text = ".";
    out->obj = Value::None();
    return true;
  }
  if ((allow & kAllowFd) && v.is_intlike() && !v.is_bool()) {
    out->fd = static_cast<int>(v.as_int());
    return true;
  }
  if (!StrOrBytes(v, &out->text, &out->bytes)) {
    int r = FsPathProtocol(ts, v, &out->text, &out->bytes);
    if (r < 0) return false;
    if (r == 0) {
      RaiseTypeError(ts, absl::StrCat(fname, ": ", argname, " should be ", AcceptedKinds(allow), ", not ",
                                      TypeName(ts, v)));
      return false;
    }
  }
  if (out->text.find('\0') != std::string::npos) {
    RaiseValueError(ts, "embedded null byte");
    return false;
  }
  return true;
}

bool IntArg(ThreadState& ts, Value v, int64_t* out) { return ToIndex(ts, v, out); }

bool FdArg(ThreadState& ts, Value v, int* out) {
  int64_t n;
  if (!ToIndex(ts, v, &n)) return false;
  if (n > INT_MAX || n < INT_MIN) {
    RaiseOverflowError(ts, n > 0 ? "signed integer is greater than maximum" : "signed integer is less than minimum");
    return false;
  }
  *out = static_cast<int>(n);
  return true;
}

Value PathError(ThreadState& ts, const Path& p) {
  return RaiseOSError(ts, errno, p.fd >= 0 ? Value::Null() : p.obj);
}

// The result type for a name: str for str input, bytes for bytes input.
Value NameValue(ThreadState& ts, std::string_view text, bool bytes) {
  return bytes ? NewBytesValue(ts, text) : NewStrValue(ts, text);
}

// dir_fd, src_dir_fd and dst_dir_fd (paths relative to a directory descriptor) are not
// supported: passing one (other than None) raises NotImplementedError rather than being ignored.
bool RejectDirFd(ThreadState& ts, std::initializer_list<std::string_view> names, const Value* out) {
  size_t i = 0;
  for (std::string_view n : names) {
    Value v = out[i++];
    if (n.ends_with("dir_fd") && !v.is_null() && !v.is_none()) {
      Raise(ts, ts.interp.exc.NotImplementedError, absl::StrCat(std::string(n), " is not supported by gilvm"));
      return false;
    }
  }
  return true;
}

// `fname(path, ...)`: parses the arguments named `names` (the first is the path) into `p` and
// `extra` (one slot per name after the first; Null when omitted).
bool OnePath(ThreadState& ts, const CallArgs& a, const char* fname, int allow, Path* p, Value* extra = nullptr,
             std::initializer_list<std::string_view> names = {"path"}, int required = 1) {
  Value out[8] = {};
  if (!ParseArgs(ts, a, Params{fname, names, required}, out)) return false;
  if (!RejectDirFd(ts, names, out)) return false;
  if (!PathArg(ts, out[0], fname, "path", allow, p)) return false;
  if (extra != nullptr)
    for (size_t i = 1; i < names.size(); ++i) extra[i - 1] = out[i];
  return true;
}

// ---- the current directory and the environment -----------------------------------------------

Value Getcwd(ThreadState& ts, const CallArgs& a) {
  if (!Allowed(ts, SandboxAccess::kFiles, "getcwd")) return Value::Null();
  if (!ArgCountBetween(ts, a, "getcwd", 0, 0)) return Value::Null();
  std::vector<char> buf(4096);
  while (getcwd(buf.data(), buf.size()) == nullptr) {
    if (errno != ERANGE) return RaiseOSError(ts, errno);
    buf.resize(buf.size() * 2);
  }
  return NewStrValue(ts, buf.data());
}

Value Getcwdb(ThreadState& ts, const CallArgs& a) {
  if (!Allowed(ts, SandboxAccess::kFiles, "getcwdb")) return Value::Null();
  if (!ArgCountBetween(ts, a, "getcwdb", 0, 0)) return Value::Null();
  char buf[PATH_MAX];
  if (getcwd(buf, sizeof buf) == nullptr) return RaiseOSError(ts, errno);
  return NewBytesValue(ts, buf);
}

Value Chdir(ThreadState& ts, const CallArgs& a) {
  if (!Allowed(ts, SandboxAccess::kFiles, "chdir")) return Value::Null();
  Path p;
  if (!OnePath(ts, a, "chdir", kAllowFd, &p)) return Value::Null();
  int r = p.fd >= 0 ? fchdir(p.fd) : chdir(p.text.c_str());
  return r == 0 ? Value::None() : PathError(ts, p);
}

// The environment as a dict of str, read once when posix is first imported (os.environ copies it);
// empty in a sandbox without environment access.
DictObject* EnvironDict(ThreadState& ts) {
  RootedPtr<DictObject> d(ts, NewDict(ts));
  // A sandbox without environment access sees an empty environment (vm/sandbox.h).
  if (!SandboxPermits(ts.interp, SandboxAccess::kEnvironment)) return d.get();
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
    std::string_view entry(*e);
    size_t eq = entry.find('=', 1);
    if (eq == std::string_view::npos) continue;
    Root key(ts, NewStrValue(ts, entry.substr(0, eq)));
    Root value(ts, NewStrValue(ts, entry.substr(eq + 1)));
    if (!DictSet(ts, d.get(), key.get(), value.get())) return nullptr;
  }
  return d.get();
}

bool EnvText(ThreadState& ts, Value v, std::string* out) {
  bool is_bytes;
  if (!StrOrBytes(v, out, &is_bytes)) {
    RaiseTypeError(ts, absl::StrCat("str expected, not ", TypeName(ts, v)));
    return false;
  }
  if (out->find('\0') != std::string::npos) {
    RaiseValueError(ts, "embedded null byte");
    return false;
  }
  return true;
}

Value Putenv(ThreadState& ts, const CallArgs& a) {
  if (!Allowed(ts, SandboxAccess::kEnvironment, "putenv")) return Value::Null();
  if (!NoKeywords(ts, a, "putenv") || !ArgCountBetween(ts, a, "putenv", 2, 2)) return Value::Null();
  std::string name, value;
  if (!EnvText(ts, a.argv[0], &name) || !EnvText(ts, a.argv[1], &value)) return Value::Null();
  if (name.find('=') != std::string::npos) return RaiseValueError(ts, "illegal environment variable name");
  if (setenv(name.c_str(), value.c_str(), 1) != 0) return RaiseOSError(ts, errno);
  return Value::None();
}

Value Unsetenv(ThreadState& ts, const CallArgs& a) {
  if (!Allowed(ts, SandboxAccess::kEnvironment, "unsetenv")) return Value::Null();
  if (!NoKeywords(ts, a, "unsetenv") || !ArgCountBetween(ts, a, "unsetenv", 1, 1)) return Value::Null();
  std::string name;
  if (!EnvText(ts, a.argv[0], &name)) return Value::Null();
  if (unsetenv(name.c_str()) != 0) return RaiseOSError(ts, errno);
  return Value::None();
}

// ---- directories and files -------------------------------------------------------------------

Value Listdir(ThreadState& ts, const CallArgs& a) {
  if (!Allowed(ts, SandboxAccess::kFiles, "listdir")) return Value::Null();
  Path p;
  if (!OnePath(ts, a, "listdir", kAllowFd | kAllowNone, &p, nullptr, {"path"}, 0)) return Value::Null();
  DIR* dir = nullptr;
  if (p.fd >= 0) {
    int fd = dup(p.fd);
    if (fd < 0 || (dir = fdopendir(fd)) == nullptr) return RaiseOSError(ts, errno);
    rewinddir(dir);
  } else if ((dir = opendir(p.text.c_str())) == nullptr) {
    return PathError(ts, p);
  }
  std::vector<std::string> names;
  errno = 0;
  while (dirent* e = readdir(dir)) {
    if (std::strcmp(e->d_name, ".") != 0 && std::strcmp(e->d_name, "..") != 0) names.emplace_back(e->d_name);
    errno = 0;
  }
  int err = errno;
  closedir(dir);
  if (err != 0) return RaiseOSError(ts, err, p.obj);
  RootedPtr<ListObject> list(ts, NewList(ts));
  for (const std::string& n : names) {
    Value v = NameValue(ts, n, p.bytes);
    if (v.is_null()) return v;
    list->items.push_back(v);
  }
  return Value::Obj(list.get());
}

Value Mkdir(ThreadState& ts, const CallArgs& a) {
  if (!Allowed(ts, SandboxAccess::kFiles, "mkdir")) return Value::Null();
  Path p;
  Value extra[2];
  if (!OnePath(ts, a, "mkdir", kPathOnly, &p, extra, {"path", "mode", "dir_fd"})) return Value::Null();
  int64_t mode = 0777;
  if (!extra[0].is_null() && !IntArg(ts, extra[0], &mode)) return Value::Null();
  if (mkdir(p.text.c_str(), static_cast<mode_t>(mode)) != 0) return PathError(ts, p);
  return Value::None();
}

// rmdir, unlink/remove: one path, one syscall.
#define GILVM_OS_PATH_CALL(Name, pyname, call)                                     \
  Value Name(ThreadState& ts, const CallArgs& a) {                                 \
    if (!Allowed(ts, SandboxAccess::kFiles, pyname)) return Value::Null();         \
    Path p;                                                                        \
    Value extra[1];                                                                \
    if (!OnePath(ts, a, pyname, kPathOnly, &p, extra, {"path", "dir_fd"})) return Value::Null(); \
    if (call(p.text.c_str()) != 0) return PathError(ts, p);                        \
    return Value::None();                                                          \
  }
GILVM_OS_PATH_CALL(Rmdir, "rmdir", rmdir)
GILVM_OS_PATH_CALL(Unlink, "unlink", unlink)
GILVM_OS_PATH_CALL(Remove, "remove", unlink)
#undef GILVM_OS_PATH_CALL

Value RenameLike(ThreadState& ts, const CallArgs& a, const char* fname) {
  if (!Allowed(ts, SandboxAccess::kFiles, fname)) return Value::Null();
  Value out[4] = {};
  if (!ParseArgs(ts, a, Params{fname, {"src", "dst", "src_dir_fd", "dst_dir_fd"}, 2, 0, 2}, out)) return Value::Null();
  if (!RejectDirFd(ts, {"src", "dst", "src_dir_fd", "dst_dir_fd"}, out)) return Value::Null();
  Path src, dst;
  if (!PathArg(ts, out[0], fname, "src", kPathOnly, &src) || !PathArg(ts, out[1], fname, "dst", kPathOnly, &dst))
    return Value::Null();
  if (rename(src.text.c_str(), dst.text.c_str()) != 0) return RaiseOSError(ts, errno, src.obj, dst.obj);
  return Value::None();
}

Value Rename(ThreadState& ts, const CallArgs& a) { return RenameLike(ts, a, "rename"); }
Value Replace(ThreadState& ts, const CallArgs& a) { return RenameLike(ts, a, "replace"); }

Value Chmod(ThreadState& ts, const CallArgs& a) {
  if (!Allowed(ts, SandboxAccess::kFiles, "chmod")) return Value::Null();
  Path p;
  Value extra[3];
  if (!OnePath(ts, a, "chmod", kAllowFd, &p, extra, {"path", "mode", "dir_fd", "follow_symlinks"}, 2))
    return Value::Null();
  int64_t mode;
  if (!IntArg(ts, extra[0], &mode)) return Value::Null();
  int r = p.fd >= 0 ? fchmod(p.fd, static_cast<mode_t>(mode)) : chmod(p.text.c_str(), static_cast<mode_t>(mode));
  return r == 0 ? Value::None() : PathError(ts, p);
}

Value Access(ThreadState& ts, const CallArgs& a) {
  if (!Allowed(ts, SandboxAccess::kFiles, "access")) return Value::Null();
  Path p;
  Value extra[4];
  if (!OnePath(ts, a, "access", kPathOnly, &p, extra, {"path", "mode", "dir_fd", "effective_ids", "follow_symlinks"}, 2))
    return Value::Null();
  int64_t mode;
  if (!IntArg(ts, extra[0], &mode)) return Value::Null();
  return Value::Bool(access(p.text.c_str(), static_cast<int>(mode)) == 0);
}

// A time for utime: int or float seconds, split into a timespec.
bool TimeArg(ThreadState& ts, Value v, timespec* out) {
  double secs;
  if (v.is_intlike()) {
    out->tv_sec = v.as_int();
    out->tv_nsec = 0;
    return true;
  }
  if (!v.is_float()) {
    RaiseTypeError(ts, absl::StrCat("'", TypeName(ts, v), "' object cannot be interpreted as an integer"));
    return false;
  }
  secs = v.as_float();
  double whole = static_cast<double>(static_cast<int64_t>(secs));
  if (whole > secs) whole -= 1;
  out->tv_sec = static_cast<time_t>(whole);
  out->tv_nsec = static_cast<long>((secs - whole) * 1e9);
  return true;
}

bool TimePair(ThreadState& ts, Value v, const char* what, bool ns, timespec out[2]) {
  if (!IsTuple(v) || As<TupleObject>(v)->size() != 2) {
    RaiseTypeError(ts, absl::StrCat("utime: '", what, "' must be a tuple of two ", ns ? "ints" : "numbers"));
    return false;
  }
  TupleObject* t = As<TupleObject>(v);
  for (int i = 0; i < 2; ++i) {
    if (!ns) {
      if (!TimeArg(ts, t->items[i], &out[i])) return false;
      continue;
    }
    int64_t n;
    if (!IntArg(ts, t->items[i], &n)) return false;
    out[i].tv_sec = n / 1'000'000'000;
    out[i].tv_nsec = n % 1'000'000'000;
    if (out[i].tv_nsec < 0) {
      out[i].tv_nsec += 1'000'000'000;
      out[i].tv_sec -= 1;
    }
  }
  return true;
}

Value Utime(ThreadState& ts, const CallArgs& a) {
  if (!Allowed(ts, SandboxAccess::kFiles, "utime")) return Value::Null();
  Path p;
  Value extra[4];
  if (!OnePath(ts, a, "utime", kAllowFd, &p, extra, {"path", "times", "ns", "dir_fd", "follow_symlinks"}))
    return Value::Null();
  Value times = extra[0], ns = extra[1];
  bool have_times = !times.is_null() && !times.is_none();
  if (have_times && !ns.is_null()) return RaiseValueError(ts, "utime: you may specify either 'times' or 'ns' but not both");
  timespec ts2[2];
  timespec* arg = nullptr;
  if (have_times || !ns.is_null()) {
    if (!TimePair(ts, have_times ? times : ns, have_times ? "times" : "ns", !have_times, ts2)) return Value::Null();
    arg = ts2;
  }
  int r = p.fd >= 0 ? futimens(p.fd, arg) : utimensat(AT_FDCWD, p.text.c_str(), arg, 0);
  return r == 0 ? Value::None() : PathError(ts, p);
}

// ---- stat ----------------------------------------------------------------------------------

Value StatTuple(ThreadState& ts, const struct stat& st) {
  auto secs = [](const timespec& t) { return Value::Float(static_cast<double>(t.tv_sec) + t.tv_nsec * 1e-9); };
  auto nanos = [](const timespec& t) { return Value::Int(static_cast<int64_t>(t.tv_sec) * 1'000'000'000 + t.tv_nsec); };
  std::vector<Value> f = {
      Value::Int(st.st_mode),  Value::Int(static_cast<int64_t>(st.st_ino)), Value::Int(static_cast<int64_t>(st.st_dev)),
      Value::Int(static_cast<int64_t>(st.st_nlink)), Value::Int(st.st_uid), Value::Int(st.st_gid),
      Value::Int(st.st_size),  Value::Int(st.st_atim.tv_sec), Value::Int(st.st_mtim.tv_sec), Value::Int(st.st_ctim.tv_sec),
      secs(st.st_atim),        secs(st.st_mtim),  secs(st.st_ctim),
      nanos(st.st_atim),       nanos(st.st_mtim), nanos(st.st_ctim),
      Value::Int(st.st_blksize), Value::Int(st.st_blocks), Value::Int(static_cast<int64_t>(st.st_rdev))};
  RootedPtr<TupleObject> t(ts, NewTuple(ts, std::move(f)));
  // os.py registers its stat_result class here; build one from the fields tuple.
  Value posix = DictGetStr(ts.interp.modules, Intern(ts.interp, "posix"));
  if (posix.is_null() || !IsObjectOfKind(posix, Kind::kModule)) return Value::Obj(t.get());
  Value cls = DictGetStr(As<ModuleObject>(posix)->dict, Intern(ts.interp, "stat_result"));
  if (cls.is_null()) return Value::Obj(t.get());
  Value arg = Value::Obj(t.get());
  return Call(ts, cls, &arg, 1);
}

Value StatLike(ThreadState& ts, const CallArgs& a, const char* fname, bool follow_default) {
  if (!Allowed(ts, SandboxAccess::kFiles, fname)) return Value::Null();
  Path p;
  Value extra[2];
  if (!OnePath(ts, a, fname, kAllowFd, &p, extra, {"path", "dir_fd", "follow_symlinks"})) return Value::Null();
  bool follow = follow_default;
  if (!extra[1].is_null()) {
    int t = IsTrue(ts, extra[1]);
    if (t < 0) return Value::Null();
    follow = t == 1;
  }
  struct stat st;
  int r = p.fd >= 0 ? fstat(p.fd, &st) : follow ? stat(p.text.c_str(), &st) : lstat(p.text.c_str(), &st);
  if (r != 0) return PathError(ts, p);
  return StatTuple(ts, st);
}

Value Stat(ThreadState& ts, const CallArgs& a) { return StatLike(ts, a, "stat", true); }
Value Lstat(ThreadState& ts, const CallArgs& a) { return StatLike(ts, a, "lstat", false); }

Value Fstat(ThreadState& ts, const CallArgs& a) {
  if (!Allowed(ts, SandboxAccess::kDescriptors, "fstat")) return Value::Null();
  Value out[1] = {};
  if (!ParseArgs(ts, a, Params{"fstat", {"fd"}, 1}, out)) return Value::Null();
  int fd;
  if (!FdArg(ts, out[0], &fd)) return Value::Null();
  struct stat st;
  if (fstat(fd, &st) != 0) return RaiseOSError(ts, errno);
  return StatTuple(ts, st);
}

// ---- file descriptors ------------------------------------------------------------------------

Value Open(ThreadState& ts, const CallArgs& a) {
  if (!Allowed(ts, SandboxAccess::kFiles, "open")) return Value::Null();
  Path p;
  Value extra[3];
  if (!OnePath(ts, a, "open", kPathOnly, &p, extra, {"path", "flags", "mode", "dir_fd"}, 2)) return Value::Null();
  int64_t flags, mode = 0777;
  if (!IntArg(ts, extra[0], &flags)) return Value::Null();
  if (!extra[1].is_null() && !IntArg(ts, extra[1], &mode)) return Value::Null();
  for (;;) {
    int fd;
    {
      // Opening a FIFO blocks until the other end opens it: let other threads run meanwhile.
      GilReleaseGuard unlocked(ts);
      fd = open(p.text.c_str(), static_cast<int>(flags) | O_CLOEXEC, static_cast<mode_t>(mode));
    }
    if (fd >= 0) return Value::Int(fd);
    if (errno != EINTR) return PathError(ts, p);
    if (!CheckInterrupts(ts)) return Value::Null();
  }
}

// fname(fd): the descriptor, parsed.
bool OneFd(ThreadState& ts, const CallArgs& a, const char* fname, int* fd) {
  if (!NoKeywords(ts, a, fname) || !ArgCountBetween(ts, a, fname, 1, 1)) return false;
  return FdArg(ts, a.argv[0], fd);
}

Value Close(ThreadState& ts, const CallArgs& a) {
  if (!Allowed(ts, SandboxAccess::kDescriptors, "close")) return Value::Null();
  Value out[1] = {};
  if (!ParseArgs(ts, a, Params{"close", {"fd"}, 1}, out)) return Value::Null();
  int fd;
  if (!FdArg(ts, out[0], &fd)) return Value::Null();
  // Linux releases the descriptor even when close fails with EINTR, so it is never retried.
  if (close(fd) != 0 && errno != EINTR) return RaiseOSError(ts, errno);
  return Value::None();
}

Value Dup(ThreadState& ts, const CallArgs& a) {
  if (!Allowed(ts, SandboxAccess::kDescriptors, "dup")) return Value::Null();
  int fd;
  if (!OneFd(ts, a, "dup", &fd)) return Value::Null();
  int r = fcntl(fd, F_DUPFD_CLOEXEC, 0);
  return r >= 0 ? Value::Int(r) : RaiseOSError(ts, errno);
}

Value Dup2(ThreadState& ts, const CallArgs& a) {
  if (!Allowed(ts, SandboxAccess::kDescriptors, "dup2")) return Value::Null();
  Value out[3] = {};
  if (!ParseArgs(ts, a, Params{"dup2", {"fd", "fd2", "inheritable"}, 2}, out)) return Value::Null();
  int fd, fd2;
  if (!FdArg(ts, out[0], &fd) || !FdArg(ts, out[1], &fd2)) return Value::Null();
  bool inheritable = true;
  if (!out[2].is_null()) {
    int t = IsTrue(ts, out[2]);
    if (t < 0) return Value::Null();
    inheritable = t == 1;
  }
  int r = fd == fd2 ? (fcntl(fd, F_GETFD) < 0 ? -1 : fd) : dup3(fd, fd2, inheritable ? 0 : O_CLOEXEC);
  return r >= 0 ? Value::Int(r) : RaiseOSError(ts, errno);
}

Value Lseek(ThreadState& ts, const CallArgs& a) {
  if (!Allowed(ts, SandboxAccess::kDescriptors, "lseek")) return Value::Null();
  if (!NoKeywords(ts, a, "lseek") || !ArgCountBetween(ts, a, "lseek", 3, 3)) return Value::Null();
  int fd, how;
  int64_t pos;
  if (!FdArg(ts, a.argv[0], &fd) || !IntArg(ts, a.argv[1], &pos) || !FdArg(ts, a.argv[2], &how)) return Value::Null();
  off_t r = lseek(fd, static_cast<off_t>(pos), how);
  return r >= 0 ? Value::Int(r) : RaiseOSError(ts, errno);
}

Value Isatty(ThreadState& ts, const CallArgs& a) {
  if (!Allowed(ts, SandboxAccess::kDescriptors, "isatty")) return Value::Null();
  int fd;
  if (!OneFd(ts, a, "isatty", &fd)) return Value::Null();
  return Value::Bool(isatty(fd) == 1);
}

Value Pipe(ThreadState& ts, const CallArgs& a) {
  if (!Allowed(ts, SandboxAccess::kDescriptors, "pipe")) return Value::Null();
  if (!ArgCountBetween(ts, a, "pipe", 0, 0)) return Value::Null();
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) return RaiseOSError(ts, errno);
  return Value::Obj(NewTuple(ts, {Value::Int(fds[0]), Value::Int(fds[1])}));
}

bool IsNonBlocking(int fd) {
  int flags = fcntl(fd, F_GETFL);
  return flags >= 0 && (flags & O_NONBLOCK) != 0;
}

// Waits until `fd` is ready for `events` without the GIL (unless it is non-blocking: then the
// syscall reports EAGAIN itself, as CPython's does). false: KeyboardInterrupt pending.
bool WaitReady(ThreadState& ts, int fd, short events) {
  if (IsNonBlocking(fd)) return true;
  for (;;) {
    WaitResult r = WaitFd(ts, fd, events, kNoDeadline);
    if (r != WaitResult::kWoken) return true;
    if (!HandleWake(ts)) return false;
  }
}

// read(fd, n): waits for data with the GIL released, then reads at most n bytes.
Value Read(ThreadState& ts, const CallArgs& a) {
  if (!Allowed(ts, SandboxAccess::kDescriptors, "read")) return Value::Null();
  if (!NoKeywords(ts, a, "read") || !ArgCountBetween(ts, a, "read", 2, 2)) return Value::Null();
  int fd;
  int64_t n;
  if (!FdArg(ts, a.argv[0], &fd) || !IntArg(ts, a.argv[1], &n)) return Value::Null();
  if (n < 0) return RaiseOSError(ts, EINVAL);
  std::string buf(static_cast<size_t>(n), '\0');
  for (;;) {
    if (!WaitReady(ts, fd, POLLIN)) return Value::Null();
    ssize_t got;
    {
      GilReleaseGuard unlocked(ts);
      got = read(fd, buf.data(), buf.size());
    }
    if (got >= 0) {
      buf.resize(static_cast<size_t>(got));
      return NewBytesValue(ts, buf);
    }
    if (errno != EINTR) return RaiseOSError(ts, errno);
    if (!CheckInterrupts(ts)) return Value::Null();
  }
}

// write(fd, data): waits until the descriptor accepts data with the GIL released, then writes
// (a copy: a bytearray could change while the GIL is released).
Value Write(ThreadState& ts, const CallArgs& a) {
  if (!Allowed(ts, SandboxAccess::kDescriptors, "write")) return Value::Null();
  if (!NoKeywords(ts, a, "write") || !ArgCountBetween(ts, a, "write", 2, 2)) return Value::Null();
  int fd;
  if (!FdArg(ts, a.argv[0], &fd)) return Value::Null();
  std::string_view view;
  if (!RequireBytesLike(ts, a.argv[1], &view)) return Value::Null();
  std::string data(view);
  for (;;) {
    if (!WaitReady(ts, fd, POLLOUT)) return Value::Null();
    ssize_t put;
    {
      GilReleaseGuard unlocked(ts);
      put = write(fd, data.data(), data.size());
    }
    if (put >= 0) return Value::Int(put);
    if (errno != EINTR) return RaiseOSError(ts, errno);
    if (!CheckInterrupts(ts)) return Value::Null();
  }
}

// ---- processes -----------------------------------------------------------------------------

Value Getpid(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "getpid", 0, 0)) return Value::Null();
  return Value::Int(getpid());
}

#define GILVM_OS_ID(Name, pyname, call)                            \
  Value Name(ThreadState& ts, const CallArgs& a) {                 \
    if (!ArgCountBetween(ts, a, pyname, 0, 0)) return Value::Null(); \
    return Value::Int(static_cast<int64_t>(call()));               \
  }
GILVM_OS_ID(Getppid, "getppid", getppid)
GILVM_OS_ID(Getuid, "getuid", getuid)
GILVM_OS_ID(Geteuid, "geteuid", geteuid)
GILVM_OS_ID(Getgid, "getgid", getgid)
GILVM_OS_ID(Getegid, "getegid", getegid)
GILVM_OS_ID(Getpgrp, "getpgrp", getpgrp)
#undef GILVM_OS_ID

Value Getpgid(ThreadState& ts, const CallArgs& a) {
  int pid;
  if (!OneFd(ts, a, "getpgid", &pid)) return Value::Null();
  pid_t r = getpgid(pid);
  return r >= 0 ? Value::Int(r) : RaiseOSError(ts, errno);
}

Value CpuCount(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "cpu_count", 0, 0)) return Value::Null();
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n >= 1 ? Value::Int(n) : Value::None();
}

Value Fork(ThreadState& ts, const CallArgs& a) {
  if (!Allowed(ts, SandboxAccess::kProcesses, "fork")) return Value::Null();
  if (!ArgCountBetween(ts, a, "fork", 0, 0)) return Value::Null();
  int pid = ForkProcess(ts);
  return pid >= 0 ? Value::Int(pid) : RaiseOSError(ts, errno);
}

Value Exit(ThreadState& ts, const CallArgs& a) {
  if (!Allowed(ts, SandboxAccess::kProcesses, "_exit")) return Value::Null();
  Value out[1] = {};
  if (!ParseArgs(ts, a, Params{"_exit", {"status"}, 1}, out)) return Value::Null();
  int status;
  if (!FdArg(ts, out[0], &status)) return Value::Null();
  _exit(status);  // no cleanup and no flushing, as in CPython
}

Value Kill(ThreadState& ts, const CallArgs& a) {
  if (!Allowed(ts, SandboxAccess::kProcesses, "kill")) return Value::Null();
  if (!NoKeywords(ts, a, "kill") || !ArgCountBetween(ts, a, "kill", 2, 2)) return Value::Null();
  int pid, sig;
  if (!FdArg(ts, a.argv[0], &pid) || !FdArg(ts, a.argv[1], &sig)) return Value::Null();
  if (kill(pid, sig) != 0) return RaiseOSError(ts, errno);
  // A signal sent to ourselves (SIGINT...) is delivered before kill returns; report it now.
  return CheckInterrupts(ts) ? Value::None() : Value::Null();
}

// execv/execve's argv: a non-empty list or tuple of str/bytes/PathLike, the first not empty.
bool ExecArgv(ThreadState& ts, const char* fname, Value v, std::vector<std::string>* out) {
  if (!IsObjectOfKind(v, Kind::kList) && !IsObjectOfKind(v, Kind::kTuple)) {
    RaiseTypeError(ts, absl::StrCat(fname, "() arg 2 must be a tuple or list"));
    return false;
  }
  if (SequenceItems(v).empty()) {
    RaiseValueError(ts, absl::StrCat(fname, "() arg 2 must not be empty"));
    return false;
  }
  // Indexed, and the item copied first: __fspath__ may run Python code that changes the list.
  for (size_t i = 0; i < SequenceItems(v).size(); ++i) {
    Value item = SequenceItems(v)[i];
    Path p;
    if (!PathArg(ts, item, fname, "path", kPathOnly, &p)) return false;
    out->push_back(std::move(p.text));
  }
  if ((*out)[0].empty()) {
    RaiseValueError(ts, absl::StrCat(fname, "() arg 2 first element cannot be empty"));
    return false;
  }
  return true;
}

// env (a dict; os.execve converts other mappings) -> "KEY=VALUE" strings.
bool ExecEnv(ThreadState& ts, Value v, std::vector<std::string>* out) {
  if (!IsDict(v)) {
    RaiseTypeError(ts, "execve: environment must be a mapping object");
    return false;
  }
  for (const DictObject::Entry& e : As<DictObject>(v)->entries) {
    if (e.key.is_null()) continue;
    std::string key, value;
    if (!EnvText(ts, e.key, &key) || !EnvText(ts, e.value, &value)) return false;
    if (key.empty() || key.find('=') != std::string::npos) {
      RaiseValueError(ts, "illegal environment variable name");
      return false;
    }
    out->push_back(key + "=" + value);
  }
  return true;
}

std::vector<char*> CStrings(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (std::string& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

// execv(path, argv) / execve(path, argv, env): replace this process; return only by raising.
Value ExecCommon(ThreadState& ts, const CallArgs& a, const char* fname, bool with_env) {
  if (!Allowed(ts, SandboxAccess::kProcesses, fname)) return Value::Null();
  size_t n = with_env ? 3 : 2;
  if (!NoKeywords(ts, a, fname) || !ArgCountBetween(ts, a, fname, n, n)) return Value::Null();
  Path p;
  std::vector<std::string> args, env;
  if (!PathArg(ts, a.argv[0], fname, "path", kPathOnly, &p) || !ExecArgv(ts, fname, a.argv[1], &args))
    return Value::Null();
  if (with_env && !ExecEnv(ts, a.argv[2], &env)) return Value::Null();
  std::vector<char*> argv = CStrings(args);
  std::vector<char*> envp = CStrings(env);
  if (with_env) {
    execve(p.text.c_str(), argv.data(), envp.data());
  } else {
    execv(p.text.c_str(), argv.data());
  }
  return RaiseOSError(ts, errno);
}

Value Execv(ThreadState& ts, const CallArgs& a) { return ExecCommon(ts, a, "execv", false); }
Value Execve(ThreadState& ts, const CallArgs& a) { return ExecCommon(ts, a, "execve", true); }

// Waits for the child `pid` to change state without holding the GIL and without blocking
// Ctrl-C: through a pidfd (readable when the child exits) when the kernel has them, otherwise by
// polling waitpid(WNOHANG) with short sleeps. Returns waitpid's result; -1 with errno set, or
// -2 with KeyboardInterrupt pending.
int WaitChild(ThreadState& ts, pid_t pid, int* status, int options) {
  if (options & WNOHANG) return waitpid(pid, status, options);
  int pidfd = pid > 0 ? static_cast<int>(syscall(SYS_pidfd_open, pid, 0)) : -1;
  double nap = 0.001;
  for (;;) {
    pid_t r = waitpid(pid, status, options | WNOHANG);
    if (r > 0 || (r < 0 && errno != EINTR)) {
      if (pidfd >= 0) close(pidfd);
      return r;
    }
    bool ok;
    if (pidfd >= 0) {
      WaitResult w = WaitFd(ts, pidfd, POLLIN, kNoDeadline);
      ok = w != WaitResult::kWoken || HandleWake(ts);
    } else {
      ok = Sleep(ts, nap);
      nap = nap < 0.05 ? nap * 2 : 0.05;
    }
    if (!ok) {
      if (pidfd >= 0) close(pidfd);
      return -2;
    }
  }
}

Value WaitResultTuple(ThreadState& ts, int r, int status) {
  if (r == -2) return Value::Null();
  if (r < 0) return RaiseOSError(ts, errno);
  return Value::Obj(NewTuple(ts, {Value::Int(r), Value::Int(status)}));
}

Value Waitpid(ThreadState& ts, const CallArgs& a) {
  if (!Allowed(ts, SandboxAccess::kProcesses, "waitpid")) return Value::Null();
  if (!NoKeywords(ts, a, "waitpid") || !ArgCountBetween(ts, a, "waitpid", 2, 2)) return Value::Null();
  int pid, options;
  if (!FdArg(ts, a.argv[0], &pid) || !FdArg(ts, a.argv[1], &options)) return Value::Null();
  int status = 0;
  int r = WaitChild(ts, pid, &status, options);
  return WaitResultTuple(ts, r, status);
}

Value Wait(ThreadState& ts, const CallArgs& a) {
  if (!Allowed(ts, SandboxAccess::kProcesses, "wait")) return Value::Null();
  if (!ArgCountBetween(ts, a, "wait", 0, 0)) return Value::Null();
  int status = 0;
  int r = WaitChild(ts, -1, &status, 0);
  return WaitResultTuple(ts, r, status);
}

// The W* macros on a status: fname(status) -> int or bool.
bool StatusArg(ThreadState& ts, const CallArgs& a, const char* fname, int* status) {
  Value out[1] = {};
  if (!ParseArgs(ts, a, Params{fname, {"status"}, 1}, out)) return false;
  return FdArg(ts, out[0], status);
}

#define GILVM_OS_WMACRO(Name, pyname, expr, make)                        \
  Value Name(ThreadState& ts, const CallArgs& a) {                       \
    int status;                                                          \
    if (!StatusArg(ts, a, pyname, &status)) return Value::Null();        \
    return make(expr(status));                                           \
  }
GILVM_OS_WMACRO(Wifexited, "WIFEXITED", WIFEXITED, Value::Bool)
GILVM_OS_WMACRO(Wexitstatus, "WEXITSTATUS", WEXITSTATUS, Value::Int)
GILVM_OS_WMACRO(Wifsignaled, "WIFSIGNALED", WIFSIGNALED, Value::Bool)
GILVM_OS_WMACRO(Wtermsig, "WTERMSIG", WTERMSIG, Value::Int)
GILVM_OS_WMACRO(Wifstopped, "WIFSTOPPED", WIFSTOPPED, Value::Bool)
GILVM_OS_WMACRO(Wstopsig, "WSTOPSIG", WSTOPSIG, Value::Int)
GILVM_OS_WMACRO(Wcoredump, "WCOREDUMP", WCOREDUMP, Value::Bool)
#undef GILVM_OS_WMACRO

Value WaitstatusToExitcode(ThreadState& ts, const CallArgs& a) {
  int status;
  if (!StatusArg(ts, a, "waitstatus_to_exitcode", &status)) return Value::Null();
  if (WIFEXITED(status)) return Value::Int(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) return Value::Int(-WTERMSIG(status));
  if (WIFSTOPPED(status))
    return RaiseValueError(ts, absl::StrCat("process stopped by delivery of signal ", WSTOPSIG(status)));
  return RaiseValueError(ts, absl::StrCat("invalid wait status: ", status));
}

// ---- miscellaneous -------------------------------------------------------------------------

Value Urandom(ThreadState& ts, const CallArgs& a) {
  if (!NoKeywords(ts, a, "urandom") || !ArgCountBetween(ts, a, "urandom", 1, 1)) return Value::Null();
  int64_t n;
  if (!IntArg(ts, a.argv[0], &n)) return Value::Null();
  if (n < 0) return RaiseValueError(ts, "negative argument not allowed");
  std::string buf(static_cast<size_t>(n), '\0');
  size_t done = 0;
  while (done < buf.size()) {
    ssize_t r = getrandom(buf.data() + done, buf.size() - done, 0);
    if (r < 0) {
      if (errno == EINTR) {
        if (!CheckInterrupts(ts)) return Value::Null();
        continue;
      }
      return RaiseOSError(ts, errno);
    }
    done += static_cast<size_t>(r);
  }
  return NewBytesValue(ts, buf);
}

Value Strerror(ThreadState& ts, const CallArgs& a) {
  if (!NoKeywords(ts, a, "strerror") || !ArgCountBetween(ts, a, "strerror", 1, 1)) return Value::Null();
  int code;
  if (!FdArg(ts, a.argv[0], &code)) return Value::Null();
  char buf[256];
  return NewStrValue(ts, strerror_r(code, buf, sizeof buf));
}

// get_terminal_size's native part: (columns, lines) of the terminal on fd.
Value TerminalSize(ThreadState& ts, const CallArgs& a) {
  if (!Allowed(ts, SandboxAccess::kDescriptors, "get_terminal_size")) return Value::Null();
  if (!NoKeywords(ts, a, "get_terminal_size") || !ArgCountBetween(ts, a, "get_terminal_size", 0, 1)) return Value::Null();
  int fd = 1;
  if (a.nargs == 1 && !FdArg(ts, a.argv[0], &fd)) return Value::Null();
  winsize w;
  if (ioctl(fd, TIOCGWINSZ, &w) != 0) return RaiseOSError(ts, errno);
  return Value::Obj(NewTuple(ts, {Value::Int(w.ws_col), Value::Int(w.ws_row)}));
}

Value Umask(ThreadState& ts, const CallArgs& a) {
  if (!Allowed(ts, SandboxAccess::kFiles, "umask")) return Value::Null();
  int mask;
  if (!OneFd(ts, a, "umask", &mask)) return Value::Null();
  return Value::Int(umask(static_cast<mode_t>(mask)));
}

Value Readlink(ThreadState& ts, const CallArgs& a) {
  if (!Allowed(ts, SandboxAccess::kFiles, "readlink")) return Value::Null();
  Path p;
  Value extra[1];
  if (!OnePath(ts, a, "readlink", kPathOnly, &p, extra, {"path", "dir_fd"})) return Value::Null();
  std::vector<char> buf(PATH_MAX + 1);
  ssize_t n = readlink(p.text.c_str(), buf.data(), buf.size());
  if (n < 0) return PathError(ts, p);
  return NameValue(ts, std::string_view(buf.data(), static_cast<size_t>(n)), p.bytes);
}

Value Symlink(ThreadState& ts, const CallArgs& a) {
  if (!Allowed(ts, SandboxAccess::kFiles, "symlink")) return Value::Null();
  Value out[4] = {};
  if (!ParseArgs(ts, a, Params{"symlink", {"src", "dst", "target_is_directory", "dir_fd"}, 2}, out)) return Value::Null();
  if (!RejectDirFd(ts, {"src", "dst", "target_is_directory", "dir_fd"}, out)) return Value::Null();
  Path src, dst;
  if (!PathArg(ts, out[0], "symlink", "src", kPathOnly, &src) || !PathArg(ts, out[1], "symlink", "dst", kPathOnly, &dst))
    return Value::Null();
  if (symlink(src.text.c_str(), dst.text.c_str()) != 0) return RaiseOSError(ts, errno, src.obj, dst.obj);
  return Value::None();
}

Value Fspath(ThreadState& ts, const CallArgs& a) {
  Value out[1] = {};
  if (!ParseArgs(ts, a, Params{"fspath", {"path"}, 1}, out)) return Value::Null();
  if (IsStr(out[0]) || IsBytes(out[0])) return out[0];
  Value method = LookupInType(TypeOf(ts.interp, out[0]), Intern(ts.interp, "__fspath__"));
  if (method.is_null())
    return RaiseTypeError(ts, absl::StrCat("expected str, bytes or os.PathLike object, not ", TypeName(ts, out[0])));
  Value r = CallMethod(ts, out[0], Intern(ts.interp, "__fspath__"), nullptr, 0);
  if (r.is_null() || IsStr(r) || IsBytes(r)) return r;
  return RaiseTypeError(ts, absl::StrCat("expected ", TypeName(ts, out[0]), ".__fspath__() to return str or bytes, not ",
                                         TypeName(ts, r)));
}

void AddConstants(Interpreter& in, DictObject* d) {
  struct Const {
    const char* name;
    int64_t value;
  };
  static const Const kConsts[] = {
      {"F_OK", F_OK},         {"R_OK", R_OK},           {"W_OK", W_OK},         {"X_OK", X_OK},
      {"O_RDONLY", O_RDONLY}, {"O_WRONLY", O_WRONLY},   {"O_RDWR", O_RDWR},     {"O_CREAT", O_CREAT},
      {"O_TRUNC", O_TRUNC},   {"O_APPEND", O_APPEND},   {"O_EXCL", O_EXCL},     {"O_NONBLOCK", O_NONBLOCK},
      {"O_CLOEXEC", O_CLOEXEC}, {"O_NOCTTY", O_NOCTTY}, {"O_SYNC", O_SYNC},     {"O_DIRECTORY", O_DIRECTORY},
      {"O_NOFOLLOW", O_NOFOLLOW}, {"O_ACCMODE", O_ACCMODE},
      {"SEEK_SET", SEEK_SET}, {"SEEK_CUR", SEEK_CUR},   {"SEEK_END", SEEK_END},
      {"WNOHANG", WNOHANG},   {"WUNTRACED", WUNTRACED}, {"WCONTINUED", WCONTINUED},
      {"EX_OK", 0},
  };
  for (const Const& c : kConsts) DictSetStr(d, Intern(in, c.name), Value::Int(c.value));
}

ModuleObject* MakePosixModule(ThreadState& ts) {
  Interpreter& in = ts.interp;
  RootedPtr<ModuleObject> m(ts, NewNativeModule(ts, "posix"));
  DictObject* d = m->dict;
  AddFunctions(in, d,
               {
                   {"getcwd", Getcwd},        {"getcwdb", Getcwdb},     {"chdir", Chdir},
                   {"putenv", Putenv},        {"unsetenv", Unsetenv},   {"listdir", Listdir},
                   {"mkdir", Mkdir},          {"rmdir", Rmdir},         {"unlink", Unlink},
                   {"remove", Remove},        {"rename", Rename},       {"replace", Replace},
                   {"chmod", Chmod},          {"access", Access},       {"utime", Utime},
                   {"stat", Stat},            {"lstat", Lstat},         {"fstat", Fstat},
                   {"open", Open},            {"close", Close},         {"dup", Dup},
                   {"dup2", Dup2},            {"lseek", Lseek},         {"isatty", Isatty},
                   {"pipe", Pipe},            {"read", Read},           {"write", Write},
                   {"getpid", Getpid},        {"getppid", Getppid},     {"getuid", Getuid},
                   {"geteuid", Geteuid},      {"getgid", Getgid},       {"getegid", Getegid},
                   {"getpgrp", Getpgrp},      {"getpgid", Getpgid},     {"cpu_count", CpuCount},
                   {"fork", Fork},            {"_exit", Exit},          {"kill", Kill},
                   {"waitpid", Waitpid},      {"wait", Wait},           {"WIFEXITED", Wifexited},
                   {"WEXITSTATUS", Wexitstatus}, {"WIFSIGNALED", Wifsignaled}, {"WTERMSIG", Wtermsig},
                   {"WIFSTOPPED", Wifstopped}, {"WSTOPSIG", Wstopsig},  {"WCOREDUMP", Wcoredump},
                   {"waitstatus_to_exitcode", WaitstatusToExitcode},
                   {"urandom", Urandom},      {"strerror", Strerror},   {"_get_terminal_size", TerminalSize},
                   {"umask", Umask},          {"readlink", Readlink},   {"symlink", Symlink},
                   {"fspath", Fspath},        {"execv", Execv},         {"execve", Execve},
               });
  AddConstants(in, d);
  DictObject* env = EnvironDict(ts);
  if (env == nullptr) return nullptr;
  DictSetStr(d, Intern(in, "environ"), Value::Obj(env));
  DictSetStr(d, Intern(in, "error"), Value::Obj(in.exc.OSError));
  return m.get();
}

}  // namespace

void RegisterOsModule(Interpreter& in) { in.native_modules["posix"] = MakePosixModule; }

}  // namespace gilvm::stdlib
