// API misuse gets a clear error, never a crash: as a Status where the call returns one, else
// an abort that names the mistake.
#include <gtest/gtest.h>

#include <string>
#include <thread>

#include "gilvm/gilvm.h"

namespace {

// Death tests re-run the test binary for the dying statement ("threadsafe"): forking a process
// that has threads (every interpreter has some) is not safe, and TSan rejects it.
class MisuseDeathTest : public testing::Test {
 protected:
  void SetUp() override { GTEST_FLAG_SET(death_test_style, "threadsafe"); }
};

TEST_F(MisuseDeathTest, RefUsedAfterItsScope) {
  gilvm::Interpreter py;
  gilvm::Ref escaped;
  ASSERT_TRUE(py.WithScope([&](gilvm::Scope& s) {
                  escaped = s.Int(5);
                  return absl::OkStatus();
                }).ok());
  EXPECT_DEATH((void)escaped.kind(), "gilvm: API misuse: a Ref was used after its host call or Scope ended");
}

TEST_F(MisuseDeathTest, RefUsedWhileTheGilIsReleased) {
  gilvm::Interpreter py;
  py.Define("bad", [](gilvm::Scope& s, int64_t) {
    gilvm::Ref r = s.Int(1);
    gilvm::GilReleaseGuard unlocked(s);
    return r.is_none();  // touches a script value without the GIL
  });
  EXPECT_DEATH((void)py.Exec("bad(1)"), "gilvm: API misuse: a Ref was used while the GIL is released");
}

TEST(Misuse, CallInsideGilReleaseGuardIsAnError) {
  gilvm::Interpreter py;
  std::string seen;
  py.Define("reenter", [&py, &seen](gilvm::Scope& s) {
    gilvm::GilReleaseGuard unlocked(s);
    seen = std::string(py.Exec("x = 1").message());
  });
  ASSERT_TRUE(py.Exec("reenter()").ok());
  EXPECT_EQ(seen, "gilvm: called inside a GilReleaseGuard, which has released the GIL");
}

TEST(Misuse, EmptyHandle) {
  gilvm::Object empty;
  EXPECT_FALSE(empty.valid());
  EXPECT_EQ(empty.Repr().status().code(), absl::StatusCode::kFailedPrecondition);
  gilvm::Interpreter py;
  absl::Status st = py.Set("x", empty);
  EXPECT_EQ(gilvm::ErrorType(st), "TypeError");
}

// A bound class whose destructor calls into the interpreter: the collector runs destructors in
// the middle of a collection, where no script code may run.
struct Reentrant {
  gilvm::Interpreter* py;
  std::string* seen;
  ~Reentrant() {
    if (py != nullptr) *seen = std::string(py->Exec("y = 2").message());
  }
};

TEST(Misuse, CallFromADestructorTheCollectorRuns) {
  std::string seen;
  gilvm::Interpreter py;
  py.DefineClass<Reentrant>("Reentrant");
  py.Define("make", [&py, &seen] { return Reentrant{&py, &seen}; });
  ASSERT_TRUE(py.Exec("make()").ok());
  seen.clear();
  py.CollectGarbage();
  EXPECT_EQ(seen, "gilvm: cannot call into the interpreter from a destructor the garbage collector runs");
}

TEST_F(MisuseDeathTest, InterpreterDestroyedWithAThreadAttached) {
  EXPECT_DEATH(
      {
        auto py = std::make_unique<gilvm::Interpreter>();
        std::thread t([&py] {
          gilvm::ThreadScope attached(*py);
          py.reset();
        });
        t.join();
      },
      "gilvm: API misuse: Interpreter destroyed while a ThreadScope is still attached");
}

TEST(Misuse, ScriptErrorsNeverCrashTheHost) {
  gilvm::Interpreter py;
  for (const char* bad : {"1/0", "[][1]", "undefined_name", "raise SystemExit(3)", "def f(:", "import nosuchmodule",
                          "'a' + 1", "\xff\xfe", "x = (", "exit()"}) {
    absl::Status st = py.Exec(bad);
    EXPECT_FALSE(st.ok()) << bad;
    EXPECT_FALSE(gilvm::ErrorType(st).empty()) << bad;
  }
  EXPECT_EQ(py.Exec("raise SystemExit(3)").code(), absl::StatusCode::kAborted);
  EXPECT_EQ(*py.Eval<int64_t>("40 + 2"), 42);
}

TEST(Misuse, InvalidUtf8FromTheHostRaisesInTheScript) {
  gilvm::Interpreter py;
  absl::Status st = py.Set("s", std::string("\xff"));
  EXPECT_EQ(gilvm::ErrorType(st), "UnicodeDecodeError");
}

}  // namespace
