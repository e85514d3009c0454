// gilvm: the command-line program. Runs a script, a -c string or stdin; --dis disassembles.
#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <thread>

#include <csignal>
#include <pthread.h>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "compiler/compiler.h"
#include "vm/config.h"
#include "vm/gil.h"
#include "vm/interpreter.h"
#include "vm/threads.h"

namespace {

constexpr char kUsage[] =
    "usage: gilvm [option] ... [-c cmd | file | -] [arg] ...\n"
    "Options:\n"
    "  -c cmd                 program passed in as string (terminates option list)\n"
    "  --dis                  print the bytecode of the program instead of running it\n"
    "  --check-interval N     instructions between GIL safe-point checks (0: time slice only)\n"
    "  --switch-interval MS   milliseconds a waiter waits before it asks for the GIL\n"
    "  --gil-policy P         fair (default), cpython2 or cpython3\n"
    "  -h, --help             print this help message and exit\n"
    "  -V, --version          print the version number and exit\n"
    "file                     program read from script file\n"
    "-                        program read from stdin (default when stdin is not a terminal)\n"
    "arg ...                  arguments passed to program in sys.argv[1:]\n";

// Where the SIGINT handler writes: a signal handler may do little more than write(2).
std::atomic<int> g_sigint_fd{-1};

void OnSigint(int) {
  int saved = errno;
  int fd = g_sigint_fd.load();
  if (fd >= 0) {
    char c = 'i';
    [[maybe_unused]] ssize_t n = write(fd, &c, 1);
  }
  errno = saved;
}

// Ctrl-C while a script runs: the handler writes to a pipe, and this watcher thread turns each
// byte into a KeyboardInterrupt for the interpreter's main thread, waking it if it is blocked in
// sleep, join, a lock or a queue. Destroying the watcher restores the default SIGINT action.
class SigintWatcher {
 public:
  explicit SigintWatcher(gilvm::vm::Interpreter& interp) {
    if (pipe2(fds_, O_CLOEXEC) != 0) return;
    thread_ = std::thread([this, &interp] {
      char c;
      while (read(fds_[0], &c, 1) == 1 && c == 'i') gilvm::vm::InterruptMainThread(interp, gilvm::vm::Gil::kSignal);
    });
    g_sigint_fd.store(fds_[1]);
    // A child made by os.fork has no watcher thread, and the pipe is the parent's: Ctrl-C there
    // takes the default action (the child dies by SIGINT) instead of interrupting the parent twice.
    static bool atfork_registered = false;
    if (!atfork_registered) {
      atfork_registered = true;
      pthread_atfork(nullptr, nullptr, [] {
        g_sigint_fd.store(-1);
        std::signal(SIGINT, SIG_DFL);
      });
    }
    struct sigaction sa = {};
    sa.sa_handler = OnSigint;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, nullptr);
  }
  ~SigintWatcher() {
    if (!thread_.joinable()) return;
    if (getpid() != owner_) {
      // A child made by os.fork: the watcher thread was not copied into it, so there is
      // nothing to join, and the pipe belongs to the parent's watcher.
      thread_.detach();
      return;
    }
    std::signal(SIGINT, SIG_DFL);
    g_sigint_fd.store(-1);
    char quit = 'q';
    [[maybe_unused]] ssize_t n = write(fds_[1], &quit, 1);
    thread_.join();
    close(fds_[0]);
    close(fds_[1]);
  }
  SigintWatcher(const SigintWatcher&) = delete;
  SigintWatcher& operator=(const SigintWatcher&) = delete;

 private:
  int fds_[2] = {-1, -1};
  pid_t owner_ = getpid();
  std::thread thread_;
};

int UsageError(const std::string& msg) {
  std::cerr << msg << "\n" << kUsage;
  return 2;
}

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  gilvm::vm::InterpreterOptions options;
  std::string command;
  bool have_command = false, dis = false;
  int i = 1;
  for (; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&](std::string* out) {
      if (i + 1 >= argc) return false;
      *out = argv[++i];
      return true;
    };
    if (a == "-h" || a == "--help") {
      std::cout << kUsage;
      return 0;
    } else if (a == "-V" || a == "--version") {
      std::cout << "gilvm " << gilvm::vm::kVersion << " (Python 3.11 subset)\n";
      return 0;
    } else if (a == "-c") {
      if (!value(&command)) return UsageError("Argument expected for the -c option");
      have_command = true;
      ++i;
      break;
    } else if (a == "--dis") {
      dis = true;
    } else if (a == "--check-interval") {
      std::string v;
      int64_t n;
      if (!value(&v) || !absl::SimpleAtoi(v, &n) || n < 0)
        return UsageError("--check-interval expects a whole number >= 0");
      options.check_interval = n;
    } else if (a == "--switch-interval") {
      std::string v;
      double ms;
      if (!value(&v) || !absl::SimpleAtod(v, &ms) || !(ms > 0))
        return UsageError("--switch-interval expects a number of milliseconds > 0");
      options.switch_interval_ns = static_cast<int64_t>(ms * 1e6);
    } else if (a == "--gil-policy") {
      std::string v;
      if (!value(&v)) return UsageError("--gil-policy expects fair, cpython2 or cpython3");
      if (v == "fair") options.policy = gilvm::vm::GilPolicy::kFair;
      else if (v == "cpython2") options.policy = gilvm::vm::GilPolicy::kCpython2;
      else if (v == "cpython3") options.policy = gilvm::vm::GilPolicy::kCpython3;
      else return UsageError("--gil-policy expects fair, cpython2 or cpython3, not '" + v + "'");
    } else if (a == "-") {
      break;
    } else if (a.size() > 1 && a[0] == '-') {
      return UsageError("unknown option " + a);
    } else {
      break;
    }
  }

  std::string source, filename;
  if (have_command) {
    source = command;
    filename = "<string>";
    options.argv.push_back("-c");
  } else if (i < argc && std::string(argv[i]) != "-") {
    filename = argv[i];
    if (!ReadFile(filename, &source)) {
      std::cerr << "gilvm: can't open file '" << filename << "': [Errno 2] No such file or directory\n";
      return 2;
    }
    options.argv.push_back(filename);
    ++i;
  } else {
    if (i < argc) ++i;  // "-"
    if (isatty(0) && i >= argc) {
      std::cerr << "gilvm: the interactive prompt is not available yet; pass a script, -c CMD or pipe a program\n";
      return 2;
    }
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    source = ss.str();
    filename = "<stdin>";
    options.argv.push_back("-");
  }
  for (; i < argc; ++i) options.argv.push_back(argv[i]);

  gilvm::vm::Interpreter interp(std::move(options));
  if (dis) {
    gilvm::vm::ThreadState& ts = interp.main_thread();
    interp.RememberSource(filename, source);
    gilvm::vm::CodeObject* code = gilvm::compiler::CompileSource(ts, source, filename, gilvm::compiler::ParseMode::kFile);
    if (code == nullptr) return interp.HandleUncaughtException(ts);
    std::cout << gilvm::compiler::Disassemble(*code);
    return 0;
  }
  // As CPython does at startup: a write to a closed pipe or socket fails with EPIPE
  // (BrokenPipeError) instead of killing the process.
  std::signal(SIGPIPE, SIG_IGN);
  const pid_t start_pid = getpid();
  int status;
  {
    SigintWatcher watcher(interp);
    status = interp.RunMain(source, filename);
  }
  if (getpid() != start_pid && status != 130) {
    // A child made by os.fork has run its script to the end: leave now, as the parent's copy of
    // the process would. Process-exit machinery copied from the parent (sanitizers' exit checks,
    // which count the parent's threads as still running) must not run in the child.
    interp.FlushStdout();
    std::fflush(nullptr);
    _exit(status);
  }
  if (status == 130) {
    // Die by SIGINT, as CPython does after an uncaught KeyboardInterrupt.
    std::fflush(nullptr);
    raise(SIGINT);
  }
  return status;
}
