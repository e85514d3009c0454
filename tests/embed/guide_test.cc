// The code of docs/embedding.md, compiled and run. Every ```cpp block of the guide must appear
// here (or in examples/embed/) verbatim: tests/embed/check_guide.py checks that, so the guide
// cannot drift from the API. Keep the blocks between the "guide:" markers in sync with it.
#include <gtest/gtest.h>

#include <chrono>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "gilvm/gilvm.h"

namespace {

// Where the guide prints, the test captures.
std::string captured;

gilvm::Options CaptureOutput() {
  captured.clear();
  gilvm::Options o;
  o.on_stdout = [](std::string_view s) { captured.append(s); };
  return o;
}

TEST(Guide, FirstSteps) {
  gilvm::Options options = CaptureOutput();
  // guide: first-steps
  gilvm::Interpreter py(options);
  absl::Status st = py.Exec("greeting = 'hello'\nprint(greeting, 'from a script')");
  if (!st.ok()) std::cerr << gilvm::ErrorTraceback(st);

  absl::StatusOr<int64_t> answer = py.Eval<int64_t>("6 * 7");  // 42
  absl::StatusOr<std::string> greeting = py.Get<std::string>("greeting");
  // guide: end
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(captured, "hello from a script\n");
  EXPECT_EQ(*answer, 42);
  EXPECT_EQ(*greeting, "hello");
}

TEST(Guide, Errors) {
  gilvm::Interpreter py;
  // guide: errors
  absl::Status st = py.Exec("def half(x):\n    return x / 0\nhalf(4)\n", "calc.py");
  // st.code() == absl::StatusCode::kUnknown (a script exception)
  // st.message() == "ZeroDivisionError: division by zero"
  // gilvm::ErrorType(st) == "ZeroDivisionError"
  // gilvm::ErrorTraceback(st) is the traceback CPython would print, lines and carets included
  // guide: end
  EXPECT_EQ(st.code(), absl::StatusCode::kUnknown);
  EXPECT_EQ(st.message(), "ZeroDivisionError: division by zero");
  EXPECT_EQ(gilvm::ErrorType(st), "ZeroDivisionError");
  EXPECT_NE(gilvm::ErrorTraceback(st).find("    return x / 0\n           ~~^~~\n"), std::string::npos);
}

TEST(Guide, Values) {
  gilvm::Interpreter py;
  // guide: values
  py.Set("scores", std::map<std::string, std::vector<int>>{{"ada", {90, 85}}, {"alan", {70}}}).IgnoreError();
  py.Exec("best = max(scores, key=lambda k: sum(scores[k]))").IgnoreError();
  std::string best = py.Get<std::string>("best").value_or("?");  // "ada"

  // An Object keeps a script value alive for as long as you hold it, on any thread.
  gilvm::Object counts = *py.Eval("{'calls': 0}");
  counts.CallMethod("update", std::map<std::string, int>{{"calls", 3}}).IgnoreError();
  int calls = counts.CallMethod<int>("get", "calls").value_or(-1);  // 3
  // guide: end
  EXPECT_EQ(best, "ada");
  EXPECT_EQ(calls, 3);
}

TEST(Guide, CallingScripts) {
  gilvm::Interpreter py;
  // guide: calling
  py.Exec("def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\n").IgnoreError();
  absl::StatusOr<int64_t> f20 = py.Call<int64_t>("fib", 20);  // 6765

  gilvm::Object fib = *py.Get("fib");
  absl::StatusOr<double> f10 = fib.Call<double>(10);  // 55.0
  // guide: end
  EXPECT_EQ(*f20, 6765);
  EXPECT_EQ(*f10, 55.0);
}

TEST(Guide, Console) {
  gilvm::Interpreter py(CaptureOutput());
  // guide: console
  std::string lines;
  for (const char* typed : {"total = 0", "for i in range(4):", "    total += i", "", "total * 10"}) {
    lines += std::string(typed) + "\n";
    absl::StatusOr<bool> ran = py.ExecInteractive(lines);
    if (ran.ok() && !*ran) continue;  // unfinished: prompt "... " for one more line
    if (!ran.ok()) std::cerr << gilvm::ErrorTraceback(ran.status());
    lines.clear();                    // prompt ">>> " again
  }
  // on_stdout received "60\n"
  // guide: end
  EXPECT_EQ(captured, "60\n");
}

// guide: host-function
absl::StatusOr<double> Mean(const std::vector<double>& xs) {
  if (xs.empty()) return gilvm::Error("ValueError", "mean of an empty list");
  double sum = 0;
  for (double x : xs) sum += x;
  return sum / static_cast<double>(xs.size());
}
// guide: end

TEST(Guide, HostFunctions) {
  gilvm::Options options = CaptureOutput();
  gilvm::Interpreter py(options);
  // guide: define
  py.Define("mean", Mean);
  py.Define("repeat", [](const std::string& s, std::optional<int64_t> times) {
    std::string out;
    for (int64_t i = 0; i < times.value_or(2); ++i) out += s;
    return out;
  });
  py.Exec("print(mean([1, 2, 3]), repeat('ab'), repeat('c', 3))").IgnoreError();  // 2.0 abab ccc
  py.Exec("mean([])").message();      // "ValueError: mean of an empty list"
  py.Exec("mean('x', 1)").message();  // "TypeError: mean() takes exactly one argument (2 given)"
  // guide: end
  EXPECT_EQ(captured, "2.0 abab ccc\n");
  EXPECT_EQ(py.Exec("mean([])").message(), "ValueError: mean of an empty list");
  EXPECT_EQ(py.Exec("mean('x', 1)").message(), "TypeError: mean() takes exactly one argument (2 given)");
}

TEST(Guide, HostModules) {
  gilvm::Options options = CaptureOutput();
  gilvm::Interpreter py(options);
  // guide: module
  py.DefineModule("units")
      .Constant("INCH_CM", 2.54)
      .Function("to_cm", [](double inches) { return inches * 2.54; });
  py.Exec("import units\nprint(units.to_cm(10), units.INCH_CM)").IgnoreError();  // 25.4 2.54
  // guide: end
  EXPECT_EQ(captured, "25.4 2.54\n");
}

// guide: class
class Account {
 public:
  explicit Account(std::string owner) : owner_(std::move(owner)) {}
  void Deposit(int64_t cents) {
    if (cents <= 0) throw std::invalid_argument("deposit must be positive");
    balance_ += cents;
  }
  int64_t balance() const { return balance_; }
  const std::string& owner() const { return owner_; }

 private:
  std::string owner_;
  int64_t balance_ = 0;
};
// guide: end

TEST(Guide, BoundClasses) {
  gilvm::Options options = CaptureOutput();
  gilvm::Interpreter py(options);
  // guide: bind
  py.DefineClass<Account>("Account")
      .Init<std::string>()
      .Method("deposit", &Account::Deposit)
      .Property("balance", &Account::balance)
      .Property("owner", &Account::owner);
  py.Define("audit", [](const Account& a) { return a.owner() + ": " + std::to_string(a.balance()); });
  py.Exec("acct = Account('ada')\nacct.deposit(250)\nprint(acct.balance, audit(acct))").IgnoreError();
  // prints "250 ada: 250"; acct.deposit(-1) raises ValueError: deposit must be positive
  // guide: end
  EXPECT_EQ(captured, "250 ada: 250\n");
  EXPECT_EQ(py.Exec("acct.deposit(-1)").message(), "ValueError: deposit must be positive");
}

TEST(Guide, Threads) {
  gilvm::Options options = CaptureOutput();
  gilvm::Interpreter py(options);
  // guide: threads
  py.Exec("log = []\ndef handle(request):\n    log.append(request)\n").IgnoreError();
  std::vector<std::thread> workers;
  for (int w = 0; w < 4; ++w) {
    workers.emplace_back([&py, w] {
      gilvm::ThreadScope attached(py);  // one thread state for all of this thread's calls
      for (int i = 0; i < 100; ++i) py.Call("handle", w * 1000 + i).IgnoreError();
    });
  }
  for (std::thread& t : workers) t.join();
  // len(log) == 400: each call held the GIL while it ran, and only then
  // guide: end
  EXPECT_EQ(*py.Eval<int64_t>("len(log)"), 400);
}

TEST(Guide, ReleasingTheGil) {
  gilvm::Interpreter py;
  // guide: release
  py.Define("fetch", [](gilvm::Scope& scope, const std::string& url) {
    std::string body;
    {
      gilvm::GilReleaseGuard unlocked(scope);  // script threads run meanwhile
      std::this_thread::sleep_for(std::chrono::milliseconds(50));  // stands for a slow download
      body = "<html>" + url + "</html>";
    }  // the GIL is held again here
    return body;
  });
  py.Exec("import threading\n"
          "pages = []\n"
          "ts = [threading.Thread(target=lambda u=u: pages.append(fetch(u))) for u in 'abcd']\n"
          "for t in ts: t.start()\n"
          "for t in ts: t.join()\n").IgnoreError();
  // the four 50 ms fetches overlap: about 50 ms in all, not 200
  // guide: end
  EXPECT_EQ(*py.Eval<int64_t>("len(pages)"), 4);
}

TEST(Guide, Interrupt) {
  gilvm::Interpreter py;
  // guide: interrupt
  std::thread watchdog([&py] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    py.Interrupt();  // any thread, any time
  });
  absl::Status st = py.Exec("while True:\n    pass\n");
  watchdog.join();
  // st.code() == absl::StatusCode::kCancelled; the script saw KeyboardInterrupt
  // guide: end
  EXPECT_EQ(st.code(), absl::StatusCode::kCancelled);
}

TEST(Guide, Parallel) {
  // guide: parallel
  auto job = [] {
    gilvm::Interpreter py;  // its own GIL: runs in parallel with the others
    py.Exec("n = sum(i * i for i in range(200000))").IgnoreError();
  };
  std::thread a(job), b(job);
  a.join();
  b.join();
  // guide: end
}

TEST(Guide, Untrusted) {
  // guide: untrusted
  gilvm::Options options;
  options.limits.max_instructions = 1'000'000;
  options.limits.time_limit = std::chrono::seconds(5);
  options.limits.max_heap_bytes = 64 << 20;
  options.limits.max_recursion = 200;
  options.sandbox.enabled = true;  // no files, sockets, processes or environment...
  options.sandbox.allow_files = false;  // ...unless allowed one by one
  gilvm::Interpreter untrusted(options);

  absl::Status st = untrusted.Exec("while True:\n    pass\n");
  // st.code() == absl::StatusCode::kResourceExhausted
  // st.message() == "gilvm.LimitExceeded: instruction budget of 1000000 exhausted"
  // guide: end
  EXPECT_EQ(st.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(st.message(), "gilvm.LimitExceeded: instruction budget of 1000000 exhausted");
}

TEST(Guide, Measuring) {
  gilvm::Interpreter py;
  py.Exec("pass").IgnoreError();
  // guide: measuring
  std::cerr << py.GilStatsTable();           // the table `gilvm --gil-stats` prints
  std::string json = py.GilStatsJson();      // tests/gil/gil-stats.schema.json
  // guide: end
  EXPECT_NE(json.find("acquisitions"), std::string::npos);
}

}  // namespace
