// _subprocess: the native half of stdlib/lib/subprocess.py. It starts a program (fork + exec),
// waits for a child with an optional time limit, and waits for several descriptors at once
// (what communicate() needs to read stdout and stderr and write stdin without deadlocking).
//
// Invariants:
//  - The child of spawn() never runs Python code and never allocates: everything it needs (argv,
//    envp, the descriptors to install) is prepared as C arrays before fork(2), and it only makes
//    async-signal-safe calls before exec. If exec (or chdir) fails, the child writes its stage
//    and errno to a CLOEXEC pipe and _exits; the parent reads that pipe (EOF means exec worked),
//    reaps the child and raises the matching OSError with CPython's filename.
//  - The child starts with every signal unblocked and SIGPIPE/SIGXFSZ back to their defaults
//    (script threads block signals, the interpreter ignores SIGPIPE; both would survive exec).
//  - Waiting (wait, poll) never holds the GIL: it goes through WaitFd/WaitFds, so other threads
//    run and Ctrl-C interrupts it.
//  - Arguments are checked loosely: subprocess.py is the only caller and converts everything to
//    bytes and ints first; a wrong type still raises TypeError, never crashes.
//  - All three functions need process control in a sandbox (vm/sandbox.h): spawn starts a
//    program, wait reaps any pid (possibly one of the host's children), poll waits on raw
//    descriptors.
#include <fcntl.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <string>
#include <vector>

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
#include "vm/threads.h"
#include "vm/tuple.h"

namespace gilvm::stdlib {

using namespace gilvm::vm;

namespace {

// ---- argument conversion ---------------------------------------------------------------------

bool IntValue(ThreadState& ts, Value v, int* out) {
  if (!v.is_intlike() || v.as_int() < INT_MIN || v.as_int() > INT_MAX) {
    RaiseTypeError(ts, "_subprocess: expected an int");
    return false;
  }
  *out = static_cast<int>(v.as_int());
  return true;
}

// A list of bytes -> owned strings (a NUL inside one is rejected, as exec could not pass it).
bool BytesList(ThreadState& ts, Value v, std::vector<std::string>* out) {
  if (!IsObjectOfKind(v, Kind::kList)) {
    RaiseTypeError(ts, "_subprocess: expected a list of bytes");
    return false;
  }
  for (Value item : As<ListObject>(v)->items) {
    if (!IsBytes(item)) {
      RaiseTypeError(ts, "_subprocess: expected a list of bytes");
      return false;
    }
    std::string_view s = As<BytesObject>(item)->view();
    if (s.find('\0') != std::string_view::npos) {
      RaiseValueError(ts, "embedded null byte");
      return false;
    }
    out->emplace_back(s);
  }
  return true;
}

std::vector<char*> CArray(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (std::string& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

// Timeout argument: None (no limit) or seconds -> a deadline.
bool DeadlineArg(ThreadState& ts, Value v, int64_t* deadline) {
  if (v.is_none()) {
    *deadline = kNoDeadline;
    return true;
  }
  double secs;
  if (v.is_float()) {
    secs = v.as_float();
  } else if (v.is_intlike()) {
    secs = static_cast<double>(v.as_int());
  } else {
    RaiseTypeError(ts, "_subprocess: timeout must be a number or None");
    return false;
  }
  *deadline = DeadlineAfter(secs < 0 ? 0 : secs);
  return true;
}

// ---- the child -------------------------------------------------------------------------------

// What the child needs, prepared before fork so it allocates nothing.
struct ChildPlan {
  std::vector<char*> argv;
  std::vector<char*> executables;  // candidate paths, tried in order (a PATH search)
  char** envp = nullptr;           // null: inherit
  const char* cwd = nullptr;
  int fds[3] = {-1, -1, -1};       // what to install as 0, 1, 2 (-1: inherit)
  bool close_fds = true;
  bool new_session = false;
  int err_pipe = -1;
};

enum Stage : int { kStageExec = 0, kStageChdir = 1, kStageSetup = 2 };

[[noreturn]] void ChildFail(int err_pipe, int stage) {
  int msg[2] = {stage, errno};
  ssize_t ignored = write(err_pipe, msg, sizeof msg);
  (void)ignored;
  _exit(255);
}

// Moves the source descriptors out of 0..2 first, so installing one cannot clobber another.
bool InstallStdFds(int fds[3]) {
  for (int i = 0; i < 3; ++i) {
    if (fds[i] >= 0 && fds[i] < 3 && fds[i] != i) {
      fds[i] = fcntl(fds[i], F_DUPFD_CLOEXEC, 3);
      if (fds[i] < 0) return false;
    }
  }
  for (int i = 0; i < 3; ++i) {
    if (fds[i] < 0) continue;
    // dup2 onto itself would leave CLOEXEC set, so clear it by hand.
    if (fds[i] == i ? fcntl(i, F_SETFD, 0) < 0 : dup2(fds[i], i) < 0) return false;
  }
  return true;
}

// Marks every descriptor above 2 close-on-exec (the error pipe must stay usable until exec).
void CloseFdsOnExec() {
#ifdef SYS_close_range
  if (syscall(SYS_close_range, 3u, ~0u, 4u /* CLOSE_RANGE_CLOEXEC */) == 0) return;
#endif
  long max = sysconf(_SC_OPEN_MAX);
  if (max < 0 || max > 65536) max = 65536;
  for (int fd = 3; fd < max; ++fd) fcntl(fd, F_SETFD, FD_CLOEXEC);
}

[[noreturn]] void RunChild(ChildPlan& plan) {
  sigset_t all;
  sigemptyset(&all);
  sigprocmask(SIG_SETMASK, &all, nullptr);
  signal(SIGPIPE, SIG_DFL);
  signal(SIGXFSZ, SIG_DFL);
  if (plan.new_session) setsid();
  if (!InstallStdFds(plan.fds)) ChildFail(plan.err_pipe, kStageSetup);
  if (plan.cwd != nullptr && chdir(plan.cwd) != 0) ChildFail(plan.err_pipe, kStageChdir);
  if (plan.close_fds) CloseFdsOnExec();
  char** envp = plan.envp != nullptr ? plan.envp : environ;
  int first_err = 0;
  for (char* exe : plan.executables) {
    if (exe == nullptr) break;
    execve(exe, plan.argv.data(), envp);
    // As execvp does: remember the first error that is not "not there", report ENOENT otherwise.
    if (errno != ENOENT && errno != ENOTDIR && first_err == 0) first_err = errno;
  }
  if (first_err != 0) errno = first_err;
  ChildFail(plan.err_pipe, kStageExec);
}

// ---- the parent ------------------------------------------------------------------------------

// Reads the child's report: 0 bytes when exec succeeded. Blocks without the GIL (the child
// execs or fails quickly, and the read ends at exec because the pipe is CLOEXEC).
int ReadChildReport(ThreadState& ts, int fd, int msg[2]) {
  size_t got = 0;
  GilReleaseGuard unlocked(ts);
  while (got < 2 * sizeof(int)) {
    ssize_t r = read(fd, reinterpret_cast<char*>(msg) + got, 2 * sizeof(int) - got);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) break;
    got += static_cast<size_t>(r);
  }
  return static_cast<int>(got);
}

void ReapQuietly(ThreadState& ts, pid_t pid) {
  GilReleaseGuard unlocked(ts);
  int status;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
}

// spawn(argv, executables, env, cwd, stdin, stdout, stderr, close_fds, new_session,
//       exe_name, cwd_name) -> pid. argv/executables: lists of bytes; env: list of b"K=V" or
// None; cwd: bytes or None; the fds are ints (-1: inherit). exe_name and cwd_name are the
// objects an OSError names when exec or chdir fails.
Value Spawn(ThreadState& ts, const CallArgs& a) {
  if (!SandboxAllows(ts, SandboxAccess::kProcesses, "subprocess.Popen()")) return Value::Null();
  if (!NoKeywords(ts, a, "spawn") || !ArgCountBetween(ts, a, "spawn", 11, 11)) return Value::Null();
  std::vector<std::string> args, exes, env;
  if (!BytesList(ts, a.argv[0], &args) || !BytesList(ts, a.argv[1], &exes)) return Value::Null();
  if (!a.argv[2].is_none() && !BytesList(ts, a.argv[2], &env)) return Value::Null();
  std::string cwd;
  if (!a.argv[3].is_none()) {
    if (!IsBytes(a.argv[3])) return RaiseTypeError(ts, "_subprocess: cwd must be bytes");
    cwd = std::string(As<BytesObject>(a.argv[3])->view());
  }
  ChildPlan plan;
  for (int i = 0; i < 3; ++i)
    if (!IntValue(ts, a.argv[4 + i], &plan.fds[i])) return Value::Null();
  int close_fds = IsTrue(ts, a.argv[7]), new_session = IsTrue(ts, a.argv[8]);
  if (close_fds < 0 || new_session < 0) return Value::Null();
  if (args.empty() || exes.empty()) return RaiseValueError(ts, "args must not be empty");
  plan.close_fds = close_fds == 1;
  plan.new_session = new_session == 1;
  plan.argv = CArray(args);
  plan.executables = CArray(exes);
  std::vector<char*> envp;
  if (!a.argv[2].is_none()) {
    envp = CArray(env);
    plan.envp = envp.data();
  }
  if (!a.argv[3].is_none()) plan.cwd = cwd.c_str();
  int pipefd[2];
  if (pipe2(pipefd, O_CLOEXEC) != 0) return RaiseOSError(ts, errno);
  plan.err_pipe = pipefd[1];
  pid_t pid = fork();
  if (pid == 0) RunChild(plan);
  int fork_errno = errno;
  close(pipefd[1]);
  if (pid < 0) {
    close(pipefd[0]);
    return RaiseOSError(ts, fork_errno);
  }
  int msg[2] = {0, 0};
  int got = ReadChildReport(ts, pipefd[0], msg);
  close(pipefd[0]);
  if (got == 0) return Value::Int(pid);
  ReapQuietly(ts, pid);
  if (got != static_cast<int>(sizeof msg)) return Raise(ts, ts.interp.exc.OSError, "bad exception data from child");
  if (msg[0] == kStageExec) return RaiseOSError(ts, msg[1], a.argv[9]);
  if (msg[0] == kStageChdir) return RaiseOSError(ts, msg[1], a.argv[10]);
  return RaiseOSError(ts, msg[1]);
}

// wait(pid, timeout) -> the wait status, or None when the timeout passed first. Waits on a
// pidfd (readable when the child exits), falling back to polling waitpid with short naps.
Value Wait(ThreadState& ts, const CallArgs& a) {
  if (!SandboxAllows(ts, SandboxAccess::kProcesses, "subprocess.Popen.wait()")) return Value::Null();
  if (!NoKeywords(ts, a, "wait") || !ArgCountBetween(ts, a, "wait", 2, 2)) return Value::Null();
  int pid;
  int64_t deadline;
  if (!IntValue(ts, a.argv[0], &pid) || !DeadlineArg(ts, a.argv[1], &deadline)) return Value::Null();
  if (pid <= 0) return RaiseValueError(ts, "_subprocess.wait: bad pid");
  int pidfd = static_cast<int>(syscall(SYS_pidfd_open, pid, 0));
  Value result = Value::Null();
  for (;;) {
    int status = 0;
    pid_t r = waitpid(pid, &status, WNOHANG);
    if (r > 0) {
      result = Value::Int(status);
      break;
    }
    if (r < 0 && errno != EINTR) {
      result = RaiseOSError(ts, errno);
      break;
    }
    WaitResult w;
    if (pidfd >= 0) {
      w = WaitFd(ts, pidfd, POLLIN, deadline);
    } else if (deadline != kNoDeadline && DeadlineAfter(0) >= deadline) {
      w = WaitResult::kTimedOut;
    } else {
      // No pidfds: poll waitpid with short naps (Sleep also releases the GIL).
      w = Sleep(ts, 0.005) ? WaitResult::kReady : WaitResult::kWoken;
      if (w == WaitResult::kWoken) break;  // Null: KeyboardInterrupt pending
    }
    if (w == WaitResult::kTimedOut) {
      result = Value::None();
      break;
    }
    if (w == WaitResult::kWoken && !HandleWake(ts)) break;  // Null: KeyboardInterrupt pending
  }
  if (pidfd >= 0) close(pidfd);
  return result;
}

// Collects the ints of a list into pollfd entries asking for `events`.
bool AddPollFds(ThreadState& ts, Value list, short events, std::vector<pollfd>* out) {
  if (!IsObjectOfKind(list, Kind::kList)) {
    RaiseTypeError(ts, "_subprocess.poll: expected a list of descriptors");
    return false;
  }
  for (Value v : As<ListObject>(list)->items) {
    int fd;
    if (!IntValue(ts, v, &fd)) return false;
    out->push_back(pollfd{fd, events, 0});
  }
  return true;
}

// poll(readers, writers, timeout) -> (ready readers, ready writers); both empty on timeout.
// A descriptor at EOF or in error counts as ready, so the caller's read or write sees it.
Value Poll(ThreadState& ts, const CallArgs& a) {
  if (!SandboxAllows(ts, SandboxAccess::kProcesses, "subprocess.Popen.communicate()")) return Value::Null();
  if (!NoKeywords(ts, a, "poll") || !ArgCountBetween(ts, a, "poll", 3, 3)) return Value::Null();
  std::vector<pollfd> fds;
  int64_t deadline;
  if (!AddPollFds(ts, a.argv[0], POLLIN, &fds) || !AddPollFds(ts, a.argv[1], POLLOUT, &fds) ||
      !DeadlineArg(ts, a.argv[2], &deadline))
    return Value::Null();
  size_t nread = As<ListObject>(a.argv[0])->size();
  for (;;) {
    WaitResult w = WaitFds(ts, fds.data(), fds.size(), deadline);
    if (w != WaitResult::kWoken) break;
    if (!HandleWake(ts)) return Value::Null();
  }
  RootedPtr<ListObject> readers(ts, NewList(ts));
  RootedPtr<ListObject> writers(ts, NewList(ts));
  for (size_t i = 0; i < fds.size(); ++i) {
    if (fds[i].revents == 0) continue;
    (i < nread ? readers : writers)->items.push_back(Value::Int(fds[i].fd));
  }
  return Value::Obj(NewTuple(ts, {Value::Obj(readers.get()), Value::Obj(writers.get())}));
}

ModuleObject* MakeSubprocessModule(ThreadState& ts) {
  RootedPtr<ModuleObject> m(ts, NewNativeModule(ts, "_subprocess"));
  AddFunctions(ts.interp, m->dict, {{"spawn", Spawn}, {"wait", Wait}, {"poll", Poll}});
  return m.get();
}

}  // namespace

void RegisterSubprocessModule(Interpreter& in) { in.native_modules["_subprocess"] = MakeSubprocessModule; }

}  // namespace gilvm::stdlib
