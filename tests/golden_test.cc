// Golden tests: run every tests/golden/<area>/<name>.py through gilvm and
// compare exit code, stdout and stderr with the files that CPython 3.11
// produced (see tests/golden/regen.py).
//
//   golden_test --gilvm=PATH --dir=PATH [gtest flags]
//
// The paths may also come from the environment (GILVM_BIN, GILVM_GOLDEN_DIR).
// GILVM_TEST_TIMEOUT sets the per-test timeout in seconds (default 60).
//
// A first line `# gilvm-args: ARG...` in a test gives extra arguments that
// are put before the script path. `# golden: skip-python` only matters to
// regen.py. A folder holding a file named NOT_GOLDEN is skipped, with all
// below it: its scripts are checked some other way (the file says how), e.g.
// examples/gil/, whose output depends on timing.

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

extern char** environ;

namespace {

namespace fs = std::filesystem;

struct Config {
  std::string gilvm;
  std::string dir;
  int timeout_sec = 60;
};

Config g_config;

struct RunResult {
  std::string out;
  std::string err;
  int exit_code = -1;    // valid if !signaled && !timed_out
  int signal = 0;        // valid if signaled
  bool signaled = false;
  bool timed_out = false;
  std::string spawn_error;  // non-empty if the process could not be started
};

std::optional<std::string> ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> SplitWords(const std::string& s) {
  std::vector<std::string> words;
  std::istringstream ss(s);
  std::string w;
  while (ss >> w) words.push_back(w);
  return words;
}

// Extra gilvm arguments from a first line "# gilvm-args: ...".
std::vector<std::string> GilvmArgs(const fs::path& script) {
  std::ifstream in(script, std::ios::binary);
  std::string line;
  if (!in || !std::getline(in, line)) return {};
  if (!line.empty() && line.back() == '\r') line.pop_back();
  const std::string prefix = "# gilvm-args:";
  if (line.compare(0, prefix.size(), prefix) != 0) return {};
  return SplitWords(line.substr(prefix.size()));
}

std::vector<std::string> ChildEnv() {
  static const char* const kSet[][2] = {
      {"PYTHONHASHSEED", "0"},
      {"PYTHONDONTWRITEBYTECODE", "1"},
      {"PYTHONIOENCODING", "utf-8"},
  };
  std::vector<std::string> env;
  for (char** e = environ; e && *e; ++e) {
    std::string kv = *e;
    bool overridden = false;
    for (const auto& s : kSet) {
      std::string key = std::string(s[0]) + "=";
      if (kv.compare(0, key.size(), key) == 0) overridden = true;
    }
    if (!overridden) env.push_back(kv);
  }
  for (const auto& s : kSet) env.push_back(std::string(s[0]) + "=" + s[1]);
  return env;
}

void SetNonBlocking(int fd) {
  int flags = fcntl(fd, F_GETFL);
  if (flags >= 0) fcntl(fd, F_SETFL, flags | O_NONBLOCK);
}

// Waits until the process's main thread sleeps in the kernel (state S in /proc/PID/stat), so a
// signal sent now lands in the blocking call the script announced rather than in the Python
// code on the way there (where a KeyboardInterrupt can strike between a lock's release and the
// try block meant to restore it, in CPython as in gilvm).
void WaitUntilAsleep(pid_t pid, std::chrono::steady_clock::time_point deadline) {
  std::string path = "/proc/" + std::to_string(pid) + "/stat";
  while (std::chrono::steady_clock::now() < deadline) {
    std::ifstream f(path);
    std::string stat((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    size_t paren = stat.rfind(')');
    if (paren == std::string::npos || paren + 2 >= stat.size()) return;  // gone
    if (stat[paren + 2] == 'S') return;
    usleep(1000);
  }
}

// Runs argv in cwd with stdin from /dev/null. With a `sigint_marker`, sends the process one
// SIGINT each time its stdout shows that marker once more (Ctrl-C tests: the script says when it
// is about to block, so no clock decides when the signal lands).
RunResult RunProcess(const std::vector<std::string>& argv, const std::string& cwd,
              int timeout_sec, const char* sigint_marker = nullptr) {
  RunResult r;
  int out_pipe[2], err_pipe[2], exec_pipe[2];
  if (pipe2(out_pipe, O_CLOEXEC) != 0 || pipe2(err_pipe, O_CLOEXEC) != 0 ||
      pipe2(exec_pipe, O_CLOEXEC) != 0) {
    r.spawn_error = std::string("pipe: ") + std::strerror(errno);
    return r;
  }
  std::vector<std::string> env = ChildEnv();
  std::vector<char*> cargv, cenv;
  for (const auto& a : argv) cargv.push_back(const_cast<char*>(a.c_str()));
  cargv.push_back(nullptr);
  for (const auto& e : env) cenv.push_back(const_cast<char*>(e.c_str()));
  cenv.push_back(nullptr);

  pid_t pid = fork();
  if (pid < 0) {
    r.spawn_error = std::string("fork: ") + std::strerror(errno);
    return r;
  }
  if (pid == 0) {
    // Child: only async-signal-safe calls from here on.
    setpgid(0, 0);
    signal(SIGPIPE, SIG_DFL);
    auto fail = [&](const char* what) {
      int e = errno;
      ssize_t ignored = write(exec_pipe[1], what, strlen(what));
      ignored = write(exec_pipe[1], ": ", 2);
      const char* msg = strerror(e);
      ignored = write(exec_pipe[1], msg, strlen(msg));
      (void)ignored;
      _exit(127);
    };
    int devnull = open("/dev/null", O_RDONLY);
    if (devnull < 0) fail("open /dev/null");
    if (dup2(devnull, 0) < 0 || dup2(out_pipe[1], 1) < 0 ||
        dup2(err_pipe[1], 2) < 0)
      fail("dup2");
    if (chdir(cwd.c_str()) != 0) fail("chdir");
    execve(cargv[0], cargv.data(), cenv.data());
    fail("execve");
  }
  setpgid(pid, pid);  // also done in the child; whichever runs first wins
  close(out_pipe[1]);
  close(err_pipe[1]);
  close(exec_pipe[1]);

  // Did exec succeed? The pipe closes on exec (EOF) or carries the error.
  {
    std::string msg;
    char buf[256];
    ssize_t n;
    while ((n = read(exec_pipe[0], buf, sizeof buf)) > 0 ||
           (n < 0 && errno == EINTR)) {
      if (n > 0) msg.append(buf, n);
    }
    close(exec_pipe[0]);
    if (!msg.empty()) r.spawn_error = msg;
  }

  SetNonBlocking(out_pipe[0]);
  SetNonBlocking(err_pipe[0]);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_sec);
  struct pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  std::string* sinks[2] = {&r.out, &r.err};
  int open_fds = 2;
  size_t sigints_sent = 0;
  while (open_fds > 0) {
    auto now = std::chrono::steady_clock::now();
    if (now >= deadline) {
      r.timed_out = true;
      break;
    }
    if (sigint_marker != nullptr) {
      size_t markers = 0;
      for (size_t at = r.out.find(sigint_marker); at != std::string::npos; at = r.out.find(sigint_marker, at + 1))
        ++markers;
      for (; sigints_sent < markers; ++sigints_sent) {
        WaitUntilAsleep(pid, deadline);
        kill(pid, SIGINT);
      }
    }
    int ms = static_cast<int>(
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now).count());
    int rc = poll(fds, 2, std::max(1, std::min(ms, 1000)));
    if (rc < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      char buf[65536];
      for (;;) {
        ssize_t n = read(fds[i].fd, buf, sizeof buf);
        if (n > 0) {
          sinks[i]->append(buf, n);
          continue;
        }
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) break;
        close(fds[i].fd);  // EOF or error
        fds[i].fd = -1;
        --open_fds;
        break;
      }
    }
  }
  if (r.timed_out) kill(-pid, SIGKILL);
  for (auto& f : fds)
    if (f.fd >= 0) close(f.fd);

  int status = 0;
  for (;;) {
    if (!r.timed_out) {
      // Pipes are closed, the process should exit promptly; still bound it.
      pid_t w = waitpid(pid, &status, WNOHANG);
      if (w == pid) break;
      if (w < 0 && errno != EINTR) break;
      if (std::chrono::steady_clock::now() >= deadline) {
        r.timed_out = true;
        kill(-pid, SIGKILL);
        continue;
      }
      usleep(1000);
    } else {
      pid_t w = waitpid(pid, &status, 0);
      if (w == pid || (w < 0 && errno != EINTR)) break;
    }
  }
  // Leave nothing behind from this test's process group.
  kill(-pid, SIGKILL);
  if (WIFEXITED(status)) {
    r.exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    r.signaled = true;
    r.signal = WTERMSIG(status);
  }
  return r;
}

std::vector<std::string> SplitLines(const std::string& s) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < s.size()) {
    size_t nl = s.find('\n', start);
    if (nl == std::string::npos) {
      lines.push_back(s.substr(start) + "\\ (no newline at end)");
      break;
    }
    lines.push_back(s.substr(start, nl - start));
    start = nl + 1;
  }
  return lines;
}

std::string Visible(const std::string& line) {
  std::string out;
  for (unsigned char c : line) {
    if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

// A readable diff around the first differing line: a few lines of common
// context, then the rest of each side (bounded), "-" expected / "+" actual.
std::string Diff(const std::string& what, const std::string& expected,
                 const std::string& actual) {
  std::vector<std::string> e = SplitLines(expected), a = SplitLines(actual);
  size_t first = 0;
  while (first < e.size() && first < a.size() && e[first] == a[first]) ++first;
  // Common suffix, to show only the differing middle.
  size_t ee = e.size(), ae = a.size();
  while (ee > first && ae > first && e[ee - 1] == a[ae - 1]) --ee, --ae;

  constexpr size_t kContext = 3, kMaxShown = 25;
  std::ostringstream os;
  os << "--- expected " << what << " (" << e.size() << " lines)\n"
     << "+++ actual " << what << " (" << a.size() << " lines)\n"
     << "@@ first difference at line " << first + 1 << " @@\n";
  size_t ctx = first > kContext ? first - kContext : 0;
  for (size_t i = ctx; i < first; ++i) os << "  " << Visible(e[i]) << "\n";
  for (size_t i = first; i < ee && i < first + kMaxShown; ++i)
    os << "- " << Visible(e[i]) << "\n";
  if (ee - first > kMaxShown) os << "- ... (" << ee - first - kMaxShown << " more)\n";
  for (size_t i = first; i < ae && i < first + kMaxShown; ++i)
    os << "+ " << Visible(a[i]) << "\n";
  if (ae - first > kMaxShown) os << "+ ... (" << ae - first - kMaxShown << " more)\n";
  for (size_t i = ee; i < e.size() && i < ee + kContext; ++i)
    os << "  " << Visible(e[i]) << "\n";
  return os.str();
}

// Removes every occurrence of `prefix` from `s`.
void StripPrefix(std::string& s, const std::string& prefix) {
  for (size_t at = s.find(prefix); at != std::string::npos; at = s.find(prefix, at)) s.erase(at, prefix.size());
}

class GoldenTest : public testing::Test {
 public:
  explicit GoldenTest(std::string rel) : rel_(std::move(rel)) {}

  void TestBody() override {
    const fs::path dir(g_config.dir);
    const fs::path script = dir / rel_;
    const std::string stem = rel_.substr(0, rel_.size() - 3);  // drop ".py"

    std::optional<std::string> want_out = ReadFile(dir / (stem + ".out"));
    ASSERT_TRUE(want_out.has_value())
        << "missing " << stem << ".out; run tests/golden/regen.py " << rel_;
    std::string want_err = ReadFile(dir / (stem + ".err")).value_or("");
    int want_code = 0;
    if (auto code = ReadFile(dir / (stem + ".code"))) want_code = std::atoi(code->c_str());

    std::vector<std::string> argv{g_config.gilvm};
    for (auto& a : GilvmArgs(script)) argv.push_back(a);
    argv.push_back(rel_);

    RunResult r = RunProcess(argv, g_config.dir, g_config.timeout_sec);
    ASSERT_TRUE(r.spawn_error.empty())
        << "could not run " << g_config.gilvm << ": " << r.spawn_error;

    std::string cmd;
    for (auto& a : argv) cmd += (cmd.empty() ? "" : " ") + a;
    SCOPED_TRACE("cd " + g_config.dir + " && " + cmd);

    if (r.timed_out) {
      ADD_FAILURE() << "timed out after " << g_config.timeout_sec
                    << " s (GILVM_TEST_TIMEOUT); process group killed\n"
                    << "stdout so far:\n" << r.out << "\nstderr so far:\n" << r.err;
      return;
    }
    if (r.signaled) {
      ADD_FAILURE() << "killed by signal " << r.signal << " (" << strsignal(r.signal)
                    << "), expected exit code " << want_code << "\nstderr:\n" << r.err;
    } else {
      EXPECT_EQ(r.exit_code, want_code)
          << "exit code differs" << (r.err.empty() ? "" : "; stderr:\n" + r.err);
    }
    // As regen.py does for CPython: absolute paths under the golden directory (imported
    // modules' __file__, tracebacks through them) become relative to it.
    StripPrefix(r.out, g_config.dir + "/");
    StripPrefix(r.err, g_config.dir + "/");
    if (r.out != *want_out) ADD_FAILURE() << "stdout differs\n" << Diff("stdout", *want_out, r.out);
    if (r.err != want_err) ADD_FAILURE() << "stderr differs\n" << Diff("stderr", want_err, r.err);
  }

 private:
  std::string rel_;
};

bool UnderInputsDir(const fs::path& rel) {
  for (const auto& part : rel.parent_path())
    if (part == "_inputs") return true;
  return false;
}

// Whether `rel`'s folder, or one above it up to `dir`, holds a NOT_GOLDEN marker.
bool UnderNotGoldenDir(const fs::path& dir, const fs::path& rel) {
  std::error_code ec;
  for (fs::path d = rel.parent_path(); !d.empty(); d = d.parent_path())
    if (fs::exists(dir / d / "NOT_GOLDEN", ec)) return true;
  return false;
}

std::string SanitizeName(const std::string& s) {
  std::string out;
  for (char c : s) out += (std::isalnum(static_cast<unsigned char>(c)) || c == '_') ? c : '_';
  return out.empty() ? "_" : out;
}

std::vector<std::string> Discover(const std::string& dir) {
  std::vector<std::string> rels;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::follow_directory_symlink, ec);
  if (ec) return rels;
  for (const auto& entry : it) {
    if (!entry.is_regular_file() || entry.path().extension() != ".py") continue;
    fs::path rel = fs::relative(entry.path(), dir);
    if (rel == "regen.py" || UnderInputsDir(rel) || UnderNotGoldenDir(dir, rel)) continue;
    rels.push_back(rel.generic_string());
  }
  std::sort(rels.begin(), rels.end());
  return rels;
}

// Takes --gilvm=PATH / --gilvm PATH / --dir=... out of argv.
void ParseArgs(int* argc, char** argv) {
  if (const char* e = std::getenv("GILVM_BIN")) g_config.gilvm = e;
  if (const char* e = std::getenv("GILVM_GOLDEN_DIR")) g_config.dir = e;
  if (const char* e = std::getenv("GILVM_TEST_TIMEOUT")) {
    int t = std::atoi(e);
    if (t > 0) g_config.timeout_sec = t;
  }
  int out = 1;
  for (int i = 1; i < *argc; ++i) {
    std::string a = argv[i];
    bool matched = false;
    for (auto [flag, dest] : {std::pair{"--gilvm", &g_config.gilvm},
                              std::pair{"--dir", &g_config.dir}}) {
      std::string f = flag;
      if (a.compare(0, f.size() + 1, f + "=") == 0) {
        *dest = a.substr(f.size() + 1);
        matched = true;
      } else if (a == f && i + 1 < *argc) {
        *dest = argv[++i];
        matched = true;
      }
      if (matched) break;
    }
    if (!matched) argv[out++] = argv[i];
  }
  *argc = out;
  argv[out] = nullptr;
}

// `-c` puts '' (the current directory) first on sys.path, so a program given on the command line
// imports modules beside where it runs, as CPython's does. Also checked against CPython by
// passing python3 (or the wrapper) as --gilvm.
bool HasImportInputs() { return fs::exists(fs::path(g_config.dir) / "modules" / "_inputs"); }

TEST(Imports, DashCSearchesTheCurrentDirectory) {
  if (!HasImportInputs()) GTEST_SKIP() << "no modules/_inputs under " << g_config.dir;
  const char* script =
      "import sys\nprint(repr(sys.path[0]))\nimport modules._inputs.simple as s\nprint(s.x, s.__name__)\n";
  RunResult r = RunProcess({g_config.gilvm, "-c", script}, g_config.dir, g_config.timeout_sec);
  ASSERT_TRUE(r.spawn_error.empty()) << r.spawn_error;
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "''\nsimple: running as modules._inputs.simple\n42 modules._inputs.simple\n");
}

// PYTHONPATH entries follow the script's directory on sys.path: a module found only there is
// importable, and its __file__ is absolute.
TEST(Imports, PythonPathEntriesAreSearched) {
  if (!HasImportInputs()) GTEST_SKIP() << "no modules/_inputs under " << g_config.dir;
  const std::string inputs = g_config.dir + "/modules/_inputs";
  const char* old = std::getenv("PYTHONPATH");
  std::string saved = old != nullptr ? old : "";
  // A relative entry is made absolute and normalised, as CPython does.
  setenv("PYTHONPATH", (inputs + "/pkg:modules/./_inputs/../_inputs").c_str(), 1);
  const char* script =
      "import sys\nprint(sys.path[1:3])\nimport lonely, starall\nprint(lonely.lonely, starall.__file__)\n";
  RunResult r = RunProcess({g_config.gilvm, "-c", script}, g_config.dir, g_config.timeout_sec);
  if (old != nullptr) setenv("PYTHONPATH", saved.c_str(), 1);
  else unsetenv("PYTHONPATH");
  ASSERT_TRUE(r.spawn_error.empty()) << r.spawn_error;
  EXPECT_EQ(r.exit_code, 0) << r.err;
  StripPrefix(r.out, g_config.dir + "/");  // as the golden files, and python3_as_gilvm.sh, do
  EXPECT_EQ(r.out, "['modules/_inputs/pkg', 'modules/_inputs']\nTrue modules/_inputs/starall.py\n");
}

// Ctrl-C reaches a main thread blocked in sleep, Lock.acquire, Thread.join and Queue.get, each
// time as a KeyboardInterrupt the script can catch; an uncaught one ends the process as
// CPython's does (killed by SIGINT, or status 130). Not a golden file: it needs signals. To
// check it against CPython pass the python3 binary itself as --gilvm (the python3_as_gilvm.sh
// wrapper does not forward signals, so the test skips itself there).
TEST(CtrlC, InterruptsEveryBlockingWaitOfTheMainThread) {
  if (g_config.gilvm.ends_with(".sh")) GTEST_SKIP() << "a wrapper script does not forward SIGINT";
  const char* script = R"(
import queue, sys, threading, time
def stage(name, wait):
    try:
        print('blocking in', name, flush=True)
        wait()
    except KeyboardInterrupt:
        print(name, 'interrupted', flush=True)
def lock_twice():
    lock = threading.Lock()
    lock.acquire()
    lock.acquire()
stage('sleep', lambda: time.sleep(60))
stage('lock', lock_twice)
worker = threading.Thread(target=time.sleep, args=(60,), daemon=True)
worker.start()
stage('join', worker.join)
stage('queue', queue.Queue().get)
print('blocking in', 'the end', flush=True)
time.sleep(60)
)";
  RunResult r = RunProcess({g_config.gilvm, "-c", script}, g_config.dir, g_config.timeout_sec, "blocking in");
  ASSERT_TRUE(r.spawn_error.empty()) << r.spawn_error;
  ASSERT_FALSE(r.timed_out) << "a blocked main thread ignored SIGINT; stdout so far:\n" << r.out;
  EXPECT_EQ(r.out,
            "blocking in sleep\nsleep interrupted\nblocking in lock\nlock interrupted\nblocking in join\n"
            "join interrupted\nblocking in queue\nqueue interrupted\nblocking in the end\n");
  EXPECT_TRUE((r.signaled && r.signal == SIGINT) || (!r.signaled && r.exit_code == 130))
      << "exit code " << r.exit_code << ", signal " << r.signal;
  EXPECT_NE(r.err.find("KeyboardInterrupt\n"), std::string::npos) << r.err;
}

}  // namespace

int main(int argc, char** argv) {
  ParseArgs(&argc, argv);
  testing::InitGoogleTest(&argc, argv);
  signal(SIGPIPE, SIG_IGN);

  if (g_config.gilvm.empty() || g_config.dir.empty()) {
    std::cerr << "usage: golden_test --gilvm=PATH --dir=PATH [gtest flags]\n"
                 "  (or set GILVM_BIN and GILVM_GOLDEN_DIR)\n";
    return 2;
  }
  std::error_code ec;
  fs::path abs_bin = fs::absolute(g_config.gilvm, ec);
  if (!ec) g_config.gilvm = abs_bin.string();  // the child changes directory
  fs::path abs_dir = fs::absolute(g_config.dir, ec);
  if (!ec) g_config.dir = abs_dir.lexically_normal().string();

  if (access(g_config.gilvm.c_str(), X_OK) != 0) {
    std::cerr << "golden_test: gilvm binary " << g_config.gilvm
              << " is not executable: " << std::strerror(errno) << "\n";
    return 1;
  }
  std::vector<std::string> rels = Discover(g_config.dir);
  if (rels.empty()) {
    std::cerr << "golden_test: no *.py tests found under " << g_config.dir << "\n";
    return 2;
  }
  for (const std::string& rel : rels) {
    fs::path p(rel);
    std::string suite = p.parent_path().generic_string();
    suite = SanitizeName(suite.empty() ? "root" : suite);
    std::string name = SanitizeName(p.stem().string());
    testing::RegisterTest(suite.c_str(), name.c_str(), nullptr, rel.c_str(), __FILE__,
                          __LINE__, [rel]() -> testing::Test* { return new GoldenTest(rel); });
  }
  return RUN_ALL_TESTS();
}
