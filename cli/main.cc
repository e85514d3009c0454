// gilvm: the command-line program. Runs a script, a -c string or stdin; --dis disassembles;
// on a terminal with no script, or with -i, the interactive prompt (cli/repl.h).
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "cli/repl.h"
#include "cli/sigint.h"
#include "compiler/compiler.h"
#include "vm/config.h"
#include "vm/gil.h"
#include "vm/gil_report.h"
#include "vm/gil_stats.h"
#include "vm/interpreter.h"
#include "vm/threads.h"

namespace {

constexpr char kUsage[] =
    "usage: gilvm [option] ... [-c cmd | file | -] [arg] ...\n"
    "Options:\n"
    "  -c cmd                 program passed in as string (terminates option list)\n"
    "  -i                     inspect interactively after running script; forces a prompt even\n"
    "                         if stdin does not appear to be a terminal\n"
    "  -q                     don't print version and copyright messages on interactive startup\n"
    "  --dis                  print the bytecode of the program instead of running it\n"
    "  --check-interval N     instructions between GIL safe-point checks (0: time slice only)\n"
    "  --switch-interval MS   milliseconds a waiter waits before it asks for the GIL\n"
    "  --gil-policy P         fair (default), cpython2 or cpython3\n"
    "  --gil-stats            at exit, print the GIL statistics (per thread and summary) on stderr\n"
    "  --gil-stats-json FILE  at exit, write the GIL statistics as JSON to FILE\n"
    "  --gil-trace FILE       record GIL hold and wait spans; write a Chrome trace (Perfetto) to FILE\n"
    "  --gil-report FILE      record them and write a self-contained HTML report to FILE\n"
    "  --gil-trace-limit N    spans the trace keeps (the oldest are dropped beyond; default 1048576)\n"
    "  -h, --help             print this help message and exit\n"
    "  -V, --version          print the version number and exit\n"
    "file                     program read from script file\n"
    "-                        program read from stdin (default when stdin is not a terminal)\n"
    "arg ...                  arguments passed to program in sys.argv[1:]\n";

int UsageError(const std::string& msg) {
  std::cerr << msg << "\n" << kUsage;
  return 2;
}

// What --gil-stats, --gil-stats-json, --gil-trace and --gil-report ask for. The files are opened
// before the script runs, so that a path that cannot be written fails at once, not after a long run.
class GilOutputs {
 public:
  bool table = false;
  std::string json_path, trace_path, report_path;
  size_t trace_limit = gilvm::vm::kDefaultGilTraceCapacity;

  bool tracing() const { return !trace_path.empty() || !report_path.empty(); }

  // Opens the files; false (after saying why) if one cannot be written.
  bool Open() {
    for (auto [path, file] : {std::pair{&json_path, &json_}, {&trace_path, &trace_}, {&report_path, &report_}}) {
      if (path->empty()) continue;
      file->open(*path, std::ios::binary | std::ios::trunc);
      if (!*file) {
        std::cerr << "gilvm: can't write '" << *path << "': " << std::strerror(errno) << "\n";
        return false;
      }
    }
    return true;
  }

  void Start(gilvm::vm::Interpreter& interp) {
    if (tracing()) mark_ = interp.gil.StartTrace(trace_limit);
  }

  // At exit, on the main thread, which holds the GIL. False if a file could not be written.
  bool Finish(gilvm::vm::Interpreter& interp, const std::string& title) {
    using namespace gilvm::vm;
    if (!table && json_path.empty() && !tracing()) return true;
    GilTrace trace;
    if (tracing()) trace = interp.gil.StopTrace(mark_);
    GilReport report = CollectGilReport(interp.main_thread(), false);
    interp.FlushStdout();
    if (table) std::cerr << FormatGilStatsTable(report) << std::flush;
    bool ok = Write(json_, json_path, GilStatsJson(report));
    ok &= Write(trace_, trace_path, GilTraceJson(trace, report));
    ok &= Write(report_, report_path, GilReportHtml(report, trace, title));
    return ok;
  }

 private:
  static bool Write(std::ofstream& file, const std::string& path, const std::string& text) {
    if (path.empty()) return true;
    file << text;
    file.close();
    if (file) return true;
    std::cerr << "gilvm: can't write '" << path << "': " << std::strerror(errno) << "\n";
    return false;
  }

  std::ofstream json_, trace_, report_;
  uint64_t mark_ = 0;
};

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
  GilOutputs gil_outputs;
  std::string command;
  bool have_command = false, dis = false, inspect = false, quiet = false;
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
    } else if (a == "-i") {
      inspect = true;
    } else if (a == "-q") {
      quiet = true;
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
    } else if (a == "--gil-stats") {
      gil_outputs.table = true;
    } else if (a == "--gil-stats-json" || a == "--gil-trace" || a == "--gil-report") {
      std::string* path = a == "--gil-stats-json" ? &gil_outputs.json_path
                          : a == "--gil-trace"    ? &gil_outputs.trace_path
                                                  : &gil_outputs.report_path;
      if (!value(path) || path->empty()) return UsageError(a + " expects a file name");
    } else if (a == "--gil-trace-limit") {
      std::string v;
      if (!value(&v) || !absl::SimpleAtoi(v, &gil_outputs.trace_limit) || gil_outputs.trace_limit == 0)
        return UsageError("--gil-trace-limit expects a whole number > 0");
    } else if (a == "-") {
      break;
    } else if (a.size() > 1 && a[0] == '-') {
      return UsageError("unknown option " + a);
    } else {
      break;
    }
  }

  std::string source, filename;
  bool interactive = inspect;
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
    bool dash = i < argc;
    if (dash) ++i;  // "-"
    filename = "<stdin>";
    // sys.argv[0] is '' as CPython's, or '-' when named.
    options.argv.push_back(dash ? "-" : "");
    if (inspect || isatty(0)) {
      interactive = true;  // the prompt, which reads stdin itself
    } else {
      std::ostringstream ss;
      ss << std::cin.rdbuf();
      source = ss.str();
    }
  }
  for (; i < argc; ++i) options.argv.push_back(argv[i]);

  if (dis && interactive) return UsageError("--dis needs a program: a script, -c CMD or a program on stdin");
  if (!dis && !gil_outputs.Open()) return 2;
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
    gilvm::cli::SigintWatcher watcher(interp);
    gil_outputs.Start(interp);
    gilvm::cli::ReplOptions repl;
    repl.banner = !quiet && !have_command && filename == "<stdin>";
    repl.line_editing = isatty(0) && isatty(1);
    if (repl.line_editing) repl.history_path = gilvm::cli::DefaultHistoryPath();
    auto session = [&](gilvm::vm::ThreadState& ts) { return gilvm::cli::RunRepl(ts, watcher, repl); };
    status = interactive ? interp.RunMain(source, filename, session) : interp.RunMain(source, filename);
  }
  if (getpid() != start_pid && status != 130) {
    // A child made by os.fork has run its script to the end: leave now, as the parent's copy of
    // the process would. Process-exit machinery copied from the parent (sanitizers' exit checks,
    // which count the parent's threads as still running) must not run in the child.
    interp.FlushStdout();
    std::fflush(nullptr);
    _exit(status);
  }
  if (!gil_outputs.Finish(interp, filename) && status == 0) status = 1;
  if (status == 130) {
    // Die by SIGINT, as CPython does after an uncaught KeyboardInterrupt.
    std::fflush(nullptr);
    raise(SIGINT);
  }
  return status;
}
