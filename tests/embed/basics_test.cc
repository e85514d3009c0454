// The embedding API's basics: running code, values both ways, globals, calls, errors.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "gilvm/gilvm.h"

namespace {

// An interpreter whose stdout and stderr are captured.
struct Captured {
  std::string out, err;
  gilvm::Options options() {
    gilvm::Options o;
    o.on_stdout = [this](std::string_view s) { out.append(s); };
    o.on_stderr = [this](std::string_view s) { err.append(s); };
    return o;
  }
};

TEST(Basics, ExecPrints) {
  Captured io;
  gilvm::Interpreter py(io.options());
  ASSERT_TRUE(py.Exec("print('hello', 6 * 7)").ok());
  EXPECT_EQ(io.out, "hello 42\n");
}

TEST(Basics, EvalConvertsResults) {
  gilvm::Interpreter py;
  EXPECT_EQ(*py.Eval<int64_t>("2 ** 40"), int64_t{1} << 40);
  EXPECT_EQ(*py.Eval<double>("1 / 4"), 0.25);
  EXPECT_EQ(*py.Eval<std::string>("'ab' * 2"), "abab");
  EXPECT_EQ(*py.Eval<bool>("3 > 2"), true);
  EXPECT_EQ((*py.Eval<std::vector<int>>("[x * x for x in range(4)]")), (std::vector<int>{0, 1, 4, 9}));
  auto m = py.Eval<std::map<std::string, double>>("{'a': 1, 'b': 2.5}");
  ASSERT_TRUE(m.ok());
  EXPECT_EQ((*m), (std::map<std::string, double>{{"a", 1.0}, {"b", 2.5}}));
  EXPECT_FALSE(py.Eval<std::optional<int>>("None")->has_value());
}

TEST(Basics, WrongTypeIsAnError) {
  gilvm::Interpreter py;
  absl::StatusOr<int64_t> r = py.Eval<int64_t>("'text'");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().message(), "value must be int, not str");
}

TEST(Basics, GlobalsBothWays) {
  gilvm::Interpreter py;
  ASSERT_TRUE(py.Set("names", std::vector<std::string>{"ada", "grace"}).ok());
  ASSERT_TRUE(py.Exec("joined = '+'.join(names)").ok());
  EXPECT_EQ(*py.Get<std::string>("joined"), "ada+grace");
  EXPECT_EQ(py.Get("missing").status().code(), absl::StatusCode::kNotFound);
}

TEST(Basics, CallScriptFunctions) {
  gilvm::Interpreter py;
  ASSERT_TRUE(py.Exec("def area(w, h=2):\n    return w * h\n").ok());
  EXPECT_EQ(*py.Call<int64_t>("area", 3, 5), 15);
  EXPECT_EQ(*py.Call<double>("area", 1.5), 3.0);
}

// A script's own exception carries the Status code of its class or of its nearest base in the
// table of gilvm.h; gilvm::Error, made by a host, reads the same table for the types it names.
TEST(Basics, ScriptAndHostErrorsShareStatusCodes) {
  Captured io;
  gilvm::Interpreter py(io.options());
  struct Case {
    const char* statement;
    absl::StatusCode code;
    bool named;  // the exception's own class is in the table (not only a base)
  } cases[] = {
      {"raise PermissionError('no')", absl::StatusCode::kPermissionDenied, true},
      {"{}['k']", absl::StatusCode::kNotFound, true},
      {"[][1]", absl::StatusCode::kOutOfRange, true},
      {"int('x')", absl::StatusCode::kInvalidArgument, true},
      {"open('/nonexistent/gilvm')", absl::StatusCode::kNotFound, true},
      {"import no_such_module_here", absl::StatusCode::kNotFound, true},
      {"def f(): f()\nf()", absl::StatusCode::kResourceExhausted, true},
      {"raise NotImplementedError", absl::StatusCode::kUnimplemented, true},
      {"raise SystemExit(3)", absl::StatusCode::kAborted, true},
      {"x = (", absl::StatusCode::kInvalidArgument, true},
      {"1 / 0", absl::StatusCode::kUnknown, true},
      {"b'\\xff'.decode()", absl::StatusCode::kInvalidArgument, false},  // UnicodeDecodeError < ValueError
      {"class E(KeyError): pass\nraise E()", absl::StatusCode::kNotFound, false},
  };
  for (const Case& c : cases) {
    absl::Status st = py.Exec(c.statement);
    EXPECT_EQ(st.code(), c.code) << c.statement << " -> " << st;
    if (c.named) EXPECT_EQ(gilvm::Error(gilvm::ErrorType(st), "m").code(), c.code) << c.statement;
  }
}

// A console's statements: unfinished input runs nothing, a bad line fails at once, values
// echo and `_` keeps the last one, and the statements share __main__ with Exec.
TEST(Basics, ExecInteractiveDecidesLikeThePrompt) {
  Captured io;
  gilvm::Interpreter py(io.options());
  EXPECT_EQ(*py.ExecInteractive("x = (1,\n"), false);
  EXPECT_EQ(*py.ExecInteractive("x = (1,\n2)\n"), true);
  EXPECT_EQ(*py.ExecInteractive("x\n"), true);
  EXPECT_EQ(*py.ExecInteractive("def f():\n"), false);
  EXPECT_EQ(*py.ExecInteractive("def f():\n    return _ * 2\n"), false);
  EXPECT_EQ(*py.ExecInteractive("def f():\n    return _ * 2\n\n"), true);
  EXPECT_EQ(*py.ExecInteractive("f()\n"), true);  // _ was (1, 2)
  EXPECT_EQ(*py.ExecInteractive("None\n"), true);  // echoes nothing
  EXPECT_EQ(io.out, "(1, 2)\n(1, 2, 1, 2)\n");
  absl::StatusOr<bool> bad = py.ExecInteractive("x = = 1\n");
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(gilvm::ErrorType(bad.status()), "SyntaxError");
  absl::StatusOr<bool> raised = py.ExecInteractive("1 / 0\n");
  EXPECT_EQ(raised.status().message(), "ZeroDivisionError: division by zero");
  EXPECT_EQ(*py.Eval<int64_t>("len(x)"), 2);  // the same __main__ as Exec and Eval
}

TEST(Basics, ScriptErrorsCarryTypeAndTraceback) {
  Captured io;
  gilvm::Interpreter py(io.options());
  absl::Status st = py.Exec("def f(x):\n    return 1 / x\nf(0)\n", "calc.py");
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.code(), absl::StatusCode::kUnknown);
  EXPECT_EQ(st.message(), "ZeroDivisionError: division by zero");
  EXPECT_EQ(gilvm::ErrorType(st), "ZeroDivisionError");
  EXPECT_EQ(gilvm::ErrorTraceback(st),
            "Traceback (most recent call last):\n"
            "  File \"calc.py\", line 3, in <module>\n"
            "    f(0)\n"
            "  File \"calc.py\", line 2, in f\n"
            "    return 1 / x\n"
            "           ~~^~~\n"
            "ZeroDivisionError: division by zero\n");
  EXPECT_EQ(io.err, "");  // the host decides what to print
}

TEST(Basics, SyntaxErrorIsInvalidArgument) {
  gilvm::Interpreter py;
  absl::Status st = py.Exec("x = (1,\n");
  EXPECT_EQ(st.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(gilvm::ErrorType(st), "SyntaxError");
  EXPECT_EQ(st.message(), "SyntaxError: '(' was never closed (<string>, line 1)");
}

TEST(Basics, HandlesKeepValuesAlive) {
  gilvm::Interpreter py;
  absl::StatusOr<gilvm::Object> list = py.Eval("[1, 2, 3]");
  ASSERT_TRUE(list.ok());
  py.CollectGarbage();
  ASSERT_TRUE(py.Exec("x = [str(i) for i in range(1000)]").ok());
  py.CollectGarbage();
  EXPECT_EQ(*list->Repr(), "[1, 2, 3]");
  EXPECT_EQ(*list->CallMethod<int64_t>("index", 3), 2);
  ASSERT_TRUE(list->CallMethod("append", 4).ok());
  EXPECT_EQ(*list->as<std::vector<int>>(), (std::vector<int>{1, 2, 3, 4}));
  gilvm::Object copy = *list;
  EXPECT_EQ(*copy.type_name(), "list");
}

TEST(Basics, HandleOutlivesInterpreter) {
  gilvm::Object kept;
  {
    gilvm::Interpreter py;
    kept = *py.Eval("'still here?'");
  }
  EXPECT_EQ(kept.Repr().status().code(), absl::StatusCode::kFailedPrecondition);
}

TEST(Basics, HandleOfAnotherInterpreter) {
  gilvm::Interpreter a, b;
  gilvm::Object x = *a.Eval("41");
  absl::Status st = b.Set("x", x);
  EXPECT_FALSE(st.ok());
  EXPECT_EQ(gilvm::ErrorType(st), "TypeError");
}

}  // namespace

namespace {

TEST(Files, RunFileAndModulePath) {
  std::string dir = testing::TempDir() + "gilvm_embed_files";
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/helpers.py") << "def double(x):\n    return 2 * x\n";
  std::ofstream(dir + "/main.py") << "import helpers\nresult = helpers.double(21)\nwhere = __file__\n";
  gilvm::Options o;
  o.module_path = {dir};
  gilvm::Interpreter py(o);
  ASSERT_TRUE(py.RunFile(dir + "/main.py").ok());
  EXPECT_EQ(*py.Get<int64_t>("result"), 42);
  EXPECT_EQ(*py.Get<std::string>("where"), dir + "/main.py");
  EXPECT_EQ(py.RunFile(dir + "/nope.py").code(), absl::StatusCode::kNotFound);
  // A file's tracebacks show its lines.
  std::ofstream(dir + "/bad.py") << "x = 1\nraise ValueError('line two')\n";
  absl::Status st = py.RunFile(dir + "/bad.py");
  EXPECT_NE(gilvm::ErrorTraceback(st).find("line 2, in <module>\n    raise ValueError('line two')\n"), std::string::npos);
}

TEST(Files, SysPathIsTheHostsChoice) {
  gilvm::Options o;
  o.module_path = {"/opt/app/scripts"};
  gilvm::Interpreter py(o);
  EXPECT_EQ(*py.Eval<std::vector<std::string>>("__import__('sys').path"),
            (std::vector<std::string>{"/opt/app/scripts", "<stdlib>"}));
}

}  // namespace
