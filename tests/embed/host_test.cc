// Host functions, host modules and bound C++ classes, seen from scripts.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "gilvm/gilvm.h"

namespace {

struct Output {
  std::string out;
  gilvm::Options options() {
    gilvm::Options o;
    o.on_stdout = [this](std::string_view s) { out.append(s); };
    return o;
  }
};

// The exception a statement raises, as "Type: message" (or "ok").
std::string Outcome(gilvm::Interpreter& py, const std::string& statement) {
  absl::Status st = py.Exec(statement);
  return st.ok() ? "ok" : std::string(st.message());
}

TEST(HostFunctions, TypedParametersAndResults) {
  Output io;
  gilvm::Interpreter py(io.options());
  py.Define("add", [](int64_t a, int64_t b) { return a + b; });
  py.Define("shout", [](const std::string& s) { return s + "!"; });
  py.Define("total", [](const std::vector<double>& xs) {
    double t = 0;
    for (double x : xs) t += x;
    return t;
  });
  py.Define("nothing", [] {});
  ASSERT_TRUE(py.Exec("print(add(2, 3), shout('hi'), total([1, 2.5]), nothing())").ok());
  EXPECT_EQ(io.out, "5 hi! 3.5 None\n");
}

TEST(HostFunctions, ArgumentErrorsAreCPythonTypeErrors) {
  gilvm::Interpreter py;
  py.Define("add", [](int64_t a, int64_t b) { return a + b; });
  py.Define("one", [](int64_t a) { return a; });
  py.Define("none", [] { return 0; });
  py.Define("opt", [](int64_t a, std::optional<int64_t> b) { return a + b.value_or(10); });
  EXPECT_EQ(Outcome(py, "add(1)"), "TypeError: add() takes exactly 2 arguments (1 given)");
  EXPECT_EQ(Outcome(py, "one(1, 2)"), "TypeError: one() takes exactly one argument (2 given)");
  EXPECT_EQ(Outcome(py, "none(1)"), "TypeError: none() takes no arguments (1 given)");
  EXPECT_EQ(Outcome(py, "opt()"), "TypeError: opt() takes at least one argument (0 given)");
  EXPECT_EQ(Outcome(py, "opt(1, 2, 3)"), "TypeError: opt() takes at most 2 arguments (3 given)");
  EXPECT_EQ(Outcome(py, "add(1, b=2)"), "TypeError: add() takes no keyword arguments");
  EXPECT_EQ(Outcome(py, "add(1, 'x')"), "TypeError: add() argument 2 must be int, not str");
  EXPECT_EQ(Outcome(py, "assert opt(1) == 11 and opt(1, 2) == 3"), "ok");
}

TEST(HostFunctions, ErrorsBecomeScriptExceptions) {
  gilvm::Interpreter py;
  py.Define("parse", [](const std::string& s) -> absl::StatusOr<int64_t> {
    if (s.empty()) return gilvm::Error("ValueError", "empty input");
    return static_cast<int64_t>(s.size());
  });
  py.Define("throws", [] { throw std::runtime_error("host failed"); });
  py.Define("index", [] { throw std::out_of_range("no such item"); });
  py.Define("typed", [] { throw gilvm::ScriptError("KeyError", "k"); });
  EXPECT_EQ(Outcome(py, "parse('')"), "ValueError: empty input");
  EXPECT_EQ(Outcome(py, "assert parse('abc') == 3"), "ok");
  EXPECT_EQ(Outcome(py, "throws()"), "RuntimeError: host failed");
  EXPECT_EQ(Outcome(py, "index()"), "IndexError: no such item");
  EXPECT_EQ(Outcome(py, "typed()"), "KeyError: 'k'");
  // The script can catch them like any exception.
  EXPECT_EQ(Outcome(py, "try:\n    throws()\nexcept RuntimeError as e:\n    assert str(e) == 'host failed'\n"), "ok");
}

TEST(HostFunctions, RawFormAndCallbacks) {
  Output io;
  gilvm::Interpreter py(io.options());
  // A host function that calls back into the script with the scope it was given.
  py.Define("apply", [](gilvm::Scope& s, const gilvm::Args& args) -> gilvm::Ref {
    if (args.size() != 2) return s.Raise(gilvm::Error("TypeError", "apply() takes 2 arguments"));
    absl::StatusOr<gilvm::Ref> r = s.Call(args[0], {args[1]});
    return r.ok() ? *r : s.Raise(r.status());
  });
  ASSERT_TRUE(py.Exec("print(apply(lambda x: x * 3, 'ab'))").ok());
  EXPECT_EQ(io.out, "ababab\n");
  // An exception from the callback comes back through the host function.
  EXPECT_EQ(Outcome(py, "apply(lambda x: 1 / x, 0)"), "ZeroDivisionError: division by zero");
}

TEST(HostFunctions, ScopeRaise) {
  Output io;
  gilvm::Interpreter py(io.options());
  py.Define("fail", [](gilvm::Scope& s, const gilvm::Args& args) -> gilvm::Ref {
    std::string kind;
    if (args.size() != 1 || !args[0].GetString(&kind)) return s.Raise(gilvm::Error("TypeError", "fail(kind)"));
    if (kind == "typed") return s.Raise(gilvm::Error("KeyError", "k"));
    if (kind == "code") return s.Raise(absl::NotFoundError("by code"));
    if (kind == "plain") return s.Raise(absl::InternalError("by code"));
    return s.Raise(absl::OkStatus());
  });
  EXPECT_EQ(Outcome(py, "fail(1)"), "TypeError: fail(kind)");
  EXPECT_EQ(Outcome(py, "fail('typed')"), "KeyError: 'k'");
  EXPECT_EQ(Outcome(py, "fail('code')"), "LookupError: by code");
  EXPECT_EQ(Outcome(py, "fail('plain')"), "RuntimeError: by code");
  // An OK status is a host bug; the script sees a SystemError rather than a missing exception.
  EXPECT_EQ(Outcome(py, "fail('ok')"), "SystemError: Scope::Raise() was given an OK status");
  // The raised exceptions are ordinary ones that a script catches.
  EXPECT_EQ(Outcome(py, "try:\n    fail('typed')\nexcept KeyError:\n    pass\n"), "ok");
}

TEST(HostModules, ImportedByName) {
  Output io;
  gilvm::Interpreter py(io.options());
  py.DefineModule("geometry")
      .Function("area", [](double w, double h) { return w * h; })
      .Constant("UNIT", std::string("cm"))
      .Constant("SIDES", std::vector<int>{3, 4});
  ASSERT_TRUE(py.Exec("import geometry\nfrom geometry import area\nprint(area(2, 3), geometry.UNIT, geometry.SIDES)\n"
                      "print(geometry.area)\n")
                  .ok());
  EXPECT_EQ(io.out, "6.0 cm [3, 4]\n<built-in function area>\n");
  EXPECT_EQ(Outcome(py, "import geometrx"), "ModuleNotFoundError: No module named 'geometrx'");
}

class Counter {
 public:
  explicit Counter(int64_t start) : value_(start) {}
  int64_t Add(int64_t n) { return value_ += n; }
  int64_t value() const { return value_; }
  std::string name = "counter";

 private:
  int64_t value_;
};

TEST(HostClasses, MethodsPropertiesAndFields) {
  Output io;
  gilvm::Interpreter py(io.options());
  py.DefineClass<Counter>("Counter")
      .Init<int64_t>()
      .Method("add", &Counter::Add)
      .Method("twice", [](Counter& c) { return 2 * c.value(); })
      .Property("value", &Counter::value)
      .Property("name", &Counter::name, &Counter::name);
  ASSERT_TRUE(py.Exec("c = Counter(10)\nc.add(5)\nc.name = 'clicks'\n"
                      "print(c.value, c.twice(), c.name, type(c).__name__, isinstance(c, Counter))\n")
                  .ok());
  EXPECT_EQ(io.out, "15 30 clicks Counter True\n");
  EXPECT_EQ(Outcome(py, "Counter('x')"), "TypeError: Counter() argument 1 must be int, not str");
  EXPECT_EQ(Outcome(py, "c.value = 3"), "AttributeError: property 'value' of 'Counter' object has no setter");
  EXPECT_EQ(Outcome(py, "class Sub(Counter): pass"),
            "TypeError: type 'Counter' is not an acceptable base type");
  EXPECT_EQ(Outcome(py, "Counter.add(5, 1)"),
            "TypeError: descriptor 'add' for 'Counter' objects doesn't apply to a 'int' object");
}

TEST(HostClasses, PassedBackToTheHostByReference) {
  gilvm::Interpreter py;
  py.DefineClass<Counter>("Counter").Init<int64_t>();
  py.Define("bump", [](Counter& c) { c.Add(1); });
  py.Define("peek", [](const Counter* c) { return c->value(); });
  ASSERT_TRUE(py.Exec("c = Counter(1)\nbump(c)\nbump(c)\n").ok());
  EXPECT_EQ(*py.Eval<int64_t>("peek(c)"), 3);
  EXPECT_EQ(Outcome(py, "bump(3)"), "TypeError: bump() argument 1 must be Counter, not int");
}

TEST(HostClasses, NoInitMeansNoInstances) {
  gilvm::Interpreter py;
  py.DefineClass<Counter>("Counter");
  EXPECT_EQ(Outcome(py, "Counter(1)"), "TypeError: cannot create 'Counter' instances");
}

struct Tracked {
  explicit Tracked(int* live) : live(live) { ++*live; }
  Tracked(const Tracked& o) : live(o.live) { ++*live; }
  ~Tracked() { --*live; }
  int* live;
};

TEST(HostClasses, InstancesAreFreedByTheCollector) {
  int live = 0;
  {
    gilvm::Interpreter py;
    py.DefineClass<Tracked>("Tracked");
    py.Define("make", [&live] { return Tracked(&live); });
    ASSERT_TRUE(py.Exec("keep = make()\nfor i in range(100):\n    make()\n").ok());
    py.CollectGarbage();
    EXPECT_EQ(live, 1);  // only `keep`
  }
  EXPECT_EQ(live, 0);  // the interpreter's end frees the rest
}

}  // namespace
