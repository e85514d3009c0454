// Limits for untrusted scripts: each fails with a clear exception and leaves the host and the
// interpreter usable.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "gilvm/gilvm.h"

namespace {

TEST(Limits, InstructionBudget) {
  gilvm::Options o;
  o.limits.max_instructions = 100'000;
  gilvm::Interpreter py(o);
  absl::Status st = py.Exec("while True:\n    pass\n");
  EXPECT_EQ(st.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(gilvm::ErrorType(st), "gilvm.LimitExceeded");
  EXPECT_EQ(st.message(), "gilvm.LimitExceeded: instruction budget of 100000 exhausted");
  // A new call gets a new budget; small work fits.
  EXPECT_EQ(*py.Eval<int64_t>("sum(range(100))"), 4950);
}

TEST(Limits, BudgetCannotBeSwallowed) {
  gilvm::Options o;
  o.limits.max_instructions = 50'000;
  gilvm::Interpreter py(o);
  // No handler runs for it, not even a bare except or a finally.
  absl::Status st = py.Exec(
      "caught = 0\n"
      "while True:\n"
      "    try:\n"
      "        while True:\n"
      "            pass\n"
      "    except BaseException:\n"
      "        caught += 1\n"
      "    finally:\n"
      "        caught += 1\n");
  EXPECT_EQ(st.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(*py.Get<int64_t>("caught"), 0);
}

TEST(Limits, TimeLimit) {
  gilvm::Options o;
  o.limits.time_limit = std::chrono::milliseconds(100);
  gilvm::Interpreter py(o);
  auto start = std::chrono::steady_clock::now();
  absl::Status st = py.Exec("while True:\n    pass\n");
  auto took = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(st.code(), absl::StatusCode::kDeadlineExceeded);
  EXPECT_EQ(st.message(), "gilvm.LimitExceeded: time limit of 100 ms exceeded");
  EXPECT_LT(took, std::chrono::seconds(5));
  EXPECT_TRUE(py.Exec("x = 1").ok());
}

TEST(Limits, TimeLimitWakesASleepingScript) {
  gilvm::Options o;
  o.limits.time_limit = std::chrono::milliseconds(100);
  gilvm::Interpreter py(o);
  auto start = std::chrono::steady_clock::now();
  absl::Status st = py.Exec("import time\ntime.sleep(60)\n");
  EXPECT_EQ(st.code(), absl::StatusCode::kDeadlineExceeded);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
}

TEST(Limits, RecursionDepth) {
  gilvm::Options o;
  o.limits.max_recursion = 200;
  gilvm::Interpreter py(o);
  absl::Status st = py.Exec("def f(n):\n    return f(n + 1)\nf(0)\n");
  EXPECT_EQ(gilvm::ErrorType(st), "RecursionError");
  EXPECT_EQ(st.message(), "RecursionError: maximum recursion depth exceeded");
  EXPECT_EQ(*py.Eval<int64_t>("(lambda: 7)()"), 7);
}

}  // namespace

namespace {

TEST(Sandbox, DeniesWhatTheHostDidNotAllow) {
  gilvm::Options o;
  o.sandbox.enabled = true;
  gilvm::Interpreter py(o);
  absl::Status st = py.Exec("open('/etc/hostname')");
  EXPECT_EQ(gilvm::ErrorType(st), "PermissionError");
  EXPECT_EQ(st.message(), "PermissionError: open() is not allowed: file access is disabled in this sandbox");
  EXPECT_EQ(gilvm::ErrorType(py.Exec("import socket\nsocket.socket()")), "PermissionError");
  EXPECT_EQ(gilvm::ErrorType(py.Exec("import subprocess\nsubprocess.run(['true'])")), "PermissionError");
  EXPECT_EQ(*py.Eval<int64_t>("len(__import__('os').environ)"), 0);
  // Computation and the embedded standard library still work.
  EXPECT_EQ(*py.Eval<std::string>("__import__('json').dumps({'a': [1, 2]})"), "{\"a\": [1, 2]}");
}

TEST(Sandbox, AllowsWhatTheHostAllowed) {
  gilvm::Options o;
  o.sandbox.enabled = true;
  o.sandbox.allow_files = true;
  gilvm::Interpreter py(o);
  EXPECT_TRUE(py.Exec("open('/proc/self/stat').read()").ok());
  EXPECT_EQ(gilvm::ErrorType(py.Exec("import socket\nsocket.socket()")), "PermissionError");
}

}  // namespace

namespace {

TEST(Limits, HeapSize) {
  gilvm::Options o;
  o.limits.max_heap_bytes = 32 << 20;
  gilvm::Interpreter py(o);
  absl::Status st = py.Exec("hog = []\nwhile True:\n    hog.append('x' * 1000)\n");
  EXPECT_EQ(st.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(gilvm::ErrorType(st), "MemoryError");
  // The script's objects are still there, so the host drops them; the interpreter goes on.
  ASSERT_TRUE(py.Exec("del hog").ok());
  EXPECT_EQ(*py.Eval<int64_t>("len([0] * 1000)"), 1000);
  // Few big objects, as many small ones.
  st = py.Exec("buffers = []\nfor i in range(128):\n    buffers.append(bytearray(1 << 20))\n");
  EXPECT_EQ(gilvm::ErrorType(st), "MemoryError");
  ASSERT_TRUE(py.Exec("del buffers").ok());
  // A script can catch it and carry on.
  EXPECT_TRUE(py.Exec("try:\n    big = 'y' * (1 << 30)\nexcept MemoryError:\n    big = None\n").ok());
}

}  // namespace
