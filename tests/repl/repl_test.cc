// The interactive prompt on a pseudo-terminal, as a user meets it: `gilvm` runs under forkpty
// with a fresh HOME, the test types keys and waits for what the REPL prints. Every wait is for
// output the statement computes (a number the typed text does not contain), never for a clock;
// the time-outs only bound a hang.
//
//   repl_tests --gilvm=PATH [gtest flags]
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

namespace fs = std::filesystem;
using namespace std::string_view_literals;

namespace {

std::string g_gilvm;  // --gilvm=PATH

// Seconds a wait may take before the test fails: generous, for the sanitizer builds.
int TimeoutSeconds() {
  const char* t = std::getenv("GILVM_TEST_TIMEOUT");
  return t != nullptr && std::atoi(t) > 0 ? std::atoi(t) : 60;
}

// Output as text to search: escape sequences (cursor moves, clearing) and carriage returns
// removed, so "a\r\x1b[Kb" reads "ab"; so are NULs and bells.
std::string Plain(std::string_view raw) {
  std::string out;
  for (size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if (c == '\x1b' && i + 1 < raw.size() && raw[i + 1] == '[') {
      i += 2;
      while (i < raw.size() && !(raw[i] >= '@' && raw[i] <= '~')) ++i;
      continue;
    }
    if (c == '\r' || c == '\a' || c == '\0') continue;
    out.push_back(c);
  }
  return out;
}

// A gilvm process on a pseudo-terminal.
class Terminal {
 public:
  // Starts `gilvm args...` with HOME = `home` and the working directory `cwd`.
  Terminal(const std::vector<std::string>& args, const fs::path& home) {
    struct winsize ws = {24, 80, 0, 0};
    pid_ = forkpty(&master_, nullptr, nullptr, &ws);
    if (pid_ == 0) {
      setenv("HOME", home.c_str(), 1);
      setenv("TERM", "xterm", 1);
      setenv("LANG", "C.UTF-8", 1);
      unsetenv("GILVM_HISTORY");
      if (chdir(home.c_str()) != 0) _exit(126);
      std::vector<char*> argv;
      argv.push_back(const_cast<char*>(g_gilvm.c_str()));
      for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
      argv.push_back(nullptr);
      execv(g_gilvm.c_str(), argv.data());
      _exit(127);
    }
  }

  ~Terminal() {
    if (pid_ > 0 && !exited_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (master_ >= 0) close(master_);
  }

  bool started() const { return pid_ > 0; }
  pid_t pid() const { return pid_; }

  void Type(std::string_view keys) {
    while (!keys.empty()) {
      ssize_t n = write(master_, keys.data(), keys.size());
      if (n < 0 && errno == EINTR) continue;
      ASSERT_GT(n, 0) << "the terminal stopped accepting input";
      keys.remove_prefix(static_cast<size_t>(n));
    }
  }

  // Reads until `text` appears in the output after the previous match; false (with the
  // output so far in the failure message) on time-out or end of output.
  bool WaitFor(std::string_view text) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(TimeoutSeconds());
    for (;;) {
      std::string plain = Plain(raw_);
      size_t at = plain.find(text, matched_);
      if (at != std::string::npos) {
        matched_ = at + text.size();
        return true;
      }
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0 || !ReadSome(static_cast<int>(left.count()))) {
        ADD_FAILURE() << "waited for \"" << text << "\"; the terminal showed:\n" << Plain(raw_);
        return false;
      }
    }
  }

  // Waits for the next prompt, then ends the session with Ctrl-D: its exit status. (A key
  // typed before the prompt shows meets the terminal's line discipline, which takes a Ctrl-D
  // for itself, as it would from a user typing ahead.)
  int Quit() {
    if (!WaitFor(">>> ")) return -1;
    Type("\x04");
    return Wait();
  }

  // Reads to the end of output and returns the exit status (128 + N after signal N).
  int Wait() {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(TimeoutSeconds());
    while (std::chrono::steady_clock::now() < deadline) {
      if (!ReadSome(100)) {
        int status = 0;
        pid_t r = waitpid(pid_, &status, WNOHANG);
        if (r == pid_) {
          exited_ = true;
          return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        }
      }
    }
    ADD_FAILURE() << "gilvm did not exit; the terminal showed:\n" << Plain(raw_);
    return -1;
  }

  std::string output() const { return Plain(raw_); }

 private:
  // Waits up to `ms` for output and appends it; false when there was none (or it ended).
  bool ReadSome(int ms) {
    pollfd p = {master_, POLLIN, 0};
    if (poll(&p, 1, ms) <= 0) return false;
    char buf[4096];
    ssize_t n = read(master_, buf, sizeof buf);
    if (n <= 0) return false;  // EIO: the child closed the terminal
    raw_.append(buf, static_cast<size_t>(n));
    return true;
  }

  int master_ = -1;
  pid_t pid_ = -1;
  bool exited_ = false;
  std::string raw_;
  size_t matched_ = 0;
};

class Repl : public testing::Test {
 protected:
  void SetUp() override {
    char dir[] = "/tmp/gilvm-repl-XXXXXX";
    ASSERT_NE(mkdtemp(dir), nullptr);
    home_ = dir;
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(home_, ec);
  }

  fs::path home_;
};

TEST_F(Repl, BannerAndCtrlDExitsWithStatusZero) {
  Terminal t({}, home_);
  ASSERT_TRUE(t.started());
  ASSERT_TRUE(t.WaitFor("gilvm "));
  ASSERT_TRUE(t.WaitFor("Ctrl-D"));
  ASSERT_TRUE(t.WaitFor(">>> "));
  t.Type("\x04");
  EXPECT_EQ(t.Wait(), 0);
}

TEST_F(Repl, ExitStatusFromExitAndSystemExit) {
  {
    Terminal t({"-q"}, home_);
    ASSERT_TRUE(t.WaitFor(">>> "));
    t.Type("exit(3)\r");
    EXPECT_EQ(t.Wait(), 3);
  }
  {
    Terminal t({"-q"}, home_);
    ASSERT_TRUE(t.WaitFor(">>> "));
    t.Type("raise SystemExit('leaving')\r");
    ASSERT_TRUE(t.WaitFor("\nleaving"));
    EXPECT_EQ(t.Wait(), 1);
  }
}

// A definition over several lines: the prompt turns to "... ", the body is indented for the
// user (the typed lines carry no indentation), and a blank line ends it. Values echo, and `_`
// holds the last one.
TEST_F(Repl, MultiLineDefinitionAutoIndentAndEcho) {
  Terminal t({"-q"}, home_);
  ASSERT_TRUE(t.WaitFor(">>> "));
  t.Type("def sq(x):\r");
  ASSERT_TRUE(t.WaitFor("... "));
  t.Type("if x < 0:\r");  // indented to 4 by the REPL
  ASSERT_TRUE(t.WaitFor("... "));
  t.Type("x = -x\r");  // indented to 8
  ASSERT_TRUE(t.WaitFor("... "));
  t.Type("\b\b\b\breturn x * x\r");  // back to 4
  ASSERT_TRUE(t.WaitFor("... "));
  t.Type("\r");
  ASSERT_TRUE(t.WaitFor(">>> "));
  t.Type("sq(-12)\r");
  ASSERT_TRUE(t.WaitFor("\n144\n"));
  t.Type("_ + 1\r");
  ASSERT_TRUE(t.WaitFor("\n145\n"));
  t.Type("None\r");
  t.Type("[_] * 2\r");  // None did not replace `_`
  ASSERT_TRUE(t.WaitFor("\n[145, 145]\n"));
  EXPECT_EQ(t.Quit(), 0);
}

TEST_F(Repl, ErrorsPrintATracebackAndTheSessionGoesOn) {
  Terminal t({"-q"}, home_);
  ASSERT_TRUE(t.WaitFor(">>> "));
  t.Type("1 / 0\r");
  ASSERT_TRUE(t.WaitFor("Traceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\n"
                        "ZeroDivisionError: division by zero\n>>> "));
  t.Type("x = = 1\r");
  ASSERT_TRUE(t.WaitFor("  File \"<stdin>\", line 1\n    x = = 1\n        ^\nSyntaxError: invalid syntax\n>>> "));
  t.Type("6 * 7\r");
  ASSERT_TRUE(t.WaitFor("\n42\n>>> "));
  t.Type("\x04");
  EXPECT_EQ(t.Wait(), 0);
}

TEST_F(Repl, CtrlCCancelsTheLinesBeingTyped) {
  Terminal t({"-q"}, home_);
  ASSERT_TRUE(t.WaitFor(">>> "));
  t.Type("if True:\r");
  ASSERT_TRUE(t.WaitFor("... "));
  t.Type("'half typed'");
  t.Type("\x03");
  ASSERT_TRUE(t.WaitFor("\nKeyboardInterrupt\n>>> "));
  t.Type("2 ** 10\r");  // a new statement, not the cancelled block's next line
  ASSERT_TRUE(t.WaitFor("\n1024\n"));
  EXPECT_EQ(t.Quit(), 0);
}

// The kernel may deliver a process's SIGINT to any thread that does not block it. gilvm's other
// threads block it; one that did not (the Ctrl-C watcher once) had its read cut short and Ctrl-C
// stopped working. Signals every thread but the main one, then presses Ctrl-C.
TEST_F(Repl, CtrlCWorksAfterASignalReachesAnotherThread) {
  Terminal t({"-q"}, home_);
  ASSERT_TRUE(t.WaitFor(">>> "));
  int others = 0;
  for (const auto& task : fs::directory_iterator(fs::path("/proc") / std::to_string(t.pid()) / "task")) {
    pid_t tid = std::stoi(task.path().filename().string());
    if (tid == t.pid()) continue;
    ASSERT_EQ(syscall(SYS_tgkill, t.pid(), tid, SIGINT), 0);
    ++others;
  }
  ASSERT_GT(others, 0) << "the watcher thread should be running";
  t.Type("\x03");
  ASSERT_TRUE(t.WaitFor("KeyboardInterrupt\n>>> "));
  t.Type("6 * 7\r");
  ASSERT_TRUE(t.WaitFor("\n42\n"));
  EXPECT_EQ(t.Quit(), 0);
}

TEST_F(Repl, CtrlCInterruptsRunningCode) {
  Terminal t({"-q"}, home_);
  ASSERT_TRUE(t.WaitFor(">>> "));
  t.Type("if True:\r");
  ASSERT_TRUE(t.WaitFor("... "));
  t.Type("print('sta' + 'rted')\r");
  ASSERT_TRUE(t.WaitFor("... "));
  t.Type("while True: pass\r");
  ASSERT_TRUE(t.WaitFor("... "));
  t.Type("\r");
  ASSERT_TRUE(t.WaitFor("\nstarted\n"));
  t.Type("\x03");
  ASSERT_TRUE(t.WaitFor("Traceback (most recent call last):\n  File \"<stdin>\", line 3, in <module>\nKeyboardInterrupt\n>>> "));
  t.Type("6 * 7\r");
  ASSERT_TRUE(t.WaitFor("\n42\n"));
  EXPECT_EQ(t.Quit(), 0);
}

TEST_F(Repl, TabCompletesKeywordsGlobalsAndAttributes) {
  Terminal t({"-q"}, home_);
  ASSERT_TRUE(t.WaitFor(">>> "));
  t.Type("impo\tos\r");  // "import "
  ASSERT_TRUE(t.WaitFor(">>> "));
  t.Type("a_long_variable_name = 12345\r");
  ASSERT_TRUE(t.WaitFor(">>> "));
  t.Type("a_long_v\t * 2\r");  // a global
  ASSERT_TRUE(t.WaitFor("\n24690\n"));
  t.Type("str(os.getpi\t)).isdigit()\r");  // an attribute, with "(" for a callable
  ASSERT_TRUE(t.WaitFor("\nTrue\n"));
  t.Type("os.getcw\t()\r");  // getcwd( and getcwdb( share "getcwd": that much is completed
  ASSERT_TRUE(t.WaitFor("'" + home_.string() + "'"));
  t.Type("os.pa\t\t");  // several candidates: listed under the line
  ASSERT_TRUE(t.WaitFor("os.pathsep"));
  t.Type("\x03");
  ASSERT_TRUE(t.WaitFor("KeyboardInterrupt\n>>> "));
  t.Type("\x04");
  EXPECT_EQ(t.Wait(), 0);
}

TEST_F(Repl, HistoryIsKeptAcrossRuns) {
  {
    Terminal t({"-q"}, home_);
    ASSERT_TRUE(t.WaitFor(">>> "));
    t.Type("print('hist' + 'ory')\r");
    ASSERT_TRUE(t.WaitFor("\nhistory\n"));
    EXPECT_EQ(t.Quit(), 0);
  }
  EXPECT_TRUE(fs::exists(home_ / ".gilvm_history"));
  Terminal t({"-q"}, home_);
  ASSERT_TRUE(t.WaitFor(">>> "));
  t.Type("\x10\r");  // Ctrl-P: the previous line, from the first run
  ASSERT_TRUE(t.WaitFor("\nhistory\n"));
  EXPECT_EQ(t.Quit(), 0);
}

// The prompt waits for input without the GIL: a thread started at the prompt finishes its
// work while the REPL sits waiting (were the GIL held, the wait below would never end).
TEST_F(Repl, ThreadsRunWhileThePromptWaits) {
  Terminal t({"-q"}, home_);
  ASSERT_TRUE(t.WaitFor(">>> "));
  t.Type("import threading\r");
  ASSERT_TRUE(t.WaitFor(">>> "));
  t.Type("def work():\r");
  ASSERT_TRUE(t.WaitFor("... "));
  t.Type("n = sum(range(200000))\r");
  ASSERT_TRUE(t.WaitFor("... "));
  t.Type("print('worker', 'finished', n)\r");
  ASSERT_TRUE(t.WaitFor("... "));
  t.Type("\r");
  ASSERT_TRUE(t.WaitFor(">>> "));
  t.Type("t = threading.Thread(target=work); t.start()\r");
  ASSERT_TRUE(t.WaitFor("worker finished 19999900000"));
  t.Type("t.join() or t.is_alive()\r");
  ASSERT_TRUE(t.WaitFor("\nFalse\n"));
  EXPECT_EQ(t.Quit(), 0);
}

// A pasted block arrives all at once: its own indentation is kept, not added to.
TEST_F(Repl, PastedBlockKeepsItsIndentation) {
  Terminal t({"-q"}, home_);
  ASSERT_TRUE(t.WaitFor(">>> "));
  t.Type("for i in range(2):\r    pass\relse:\r    print('pas' + 'ted', i)\r\r");
  ASSERT_TRUE(t.WaitFor("\npasted 1\n"));
  EXPECT_EQ(t.Quit(), 0);
}

TEST_F(Repl, InputReadsFromTheTerminal) {
  Terminal t({"-q"}, home_);
  ASSERT_TRUE(t.WaitFor(">>> "));
  t.Type("name = input('who? ')\r");
  ASSERT_TRUE(t.WaitFor("who? "));
  t.Type("gil\r");
  ASSERT_TRUE(t.WaitFor(">>> "));
  t.Type("name * 2\r");
  ASSERT_TRUE(t.WaitFor("'gilgil'"));
  EXPECT_EQ(t.Quit(), 0);
}

TEST_F(Repl, InspectAfterAScript) {
  std::ofstream(home_ / "script.py") << "answer = 6 * 7\n";
  Terminal t({"-q", "-i", "script.py"}, home_);
  ASSERT_TRUE(t.WaitFor(">>> "));
  t.Type("answer + 1\r");
  ASSERT_TRUE(t.WaitFor("\n43\n"));
  EXPECT_EQ(t.Quit(), 0);
}

TEST_F(Repl, BadInputNeverCrashesIt) {
  Terminal t({"-q"}, home_);
  ASSERT_TRUE(t.WaitFor(">>> "));
  // Each piece of garbage is entered, then cancelled with Ctrl-C (which also discards what
  // the terminal has not delivered yet), then the session must still compute.
  const std::string garbage[] = {
      std::string("\x01\x02\x05\x0b\x1b[99~\x1bOZ\xff\xfe\xc3"sv),  // control keys, bad UTF-8
      std::string(3000, 'x'),                                              // a long line
      std::string(300, '('),                                               // deep nesting, unfinished
      "'\\N{NO SUCH NAME}' + \"\"\"",                                       // bad escape, open string
      std::string("print('a\0b')"sv),                                        // a NUL in the source
  };
  int n = 0;
  for (const std::string& g : garbage) {
    t.Type(g + "\r");
    t.Type("\x03");
    ASSERT_TRUE(t.WaitFor("KeyboardInterrupt\n>>> ")) << "after garbage " << n;
    t.Type("6 * 7 + " + std::to_string(n) + "\r");
    ASSERT_TRUE(t.WaitFor("\n" + std::to_string(42 + n) + "\n")) << "after garbage " << n;
    ++n;
  }
  t.Type("'\xe2\x82\xac' * 3\r");  // "€" typed in UTF-8
  ASSERT_TRUE(t.WaitFor("'\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac'"));
  EXPECT_EQ(t.Quit(), 0);
}

}  // namespace

int main(int argc, char** argv) {
  testing::InitGoogleTest(&argc, argv);
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a.starts_with("--gilvm=")) g_gilvm = fs::absolute(a.substr(8)).string();
  }
  if (g_gilvm.empty() || access(g_gilvm.c_str(), X_OK) != 0) {
    std::fprintf(stderr, "usage: repl_tests --gilvm=PATH [gtest flags]\n");
    return 2;
  }
  signal(SIGPIPE, SIG_IGN);
  return RUN_ALL_TESTS();
}
