// The prompt's pieces without a terminal: when a typed statement is complete
// (Interpreter::RunInteractive), what Tab offers (Completions) and the indentation the next
// line gets (NextIndent). Each test runs inside RunMain's interactive session, as the REPL does.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cli/repl.h"
#include "vm/interpreter.h"

namespace gilvm::cli {
namespace {

using Interactive = vm::Interpreter::Interactive;

// An interpreter whose output is kept; Run gives `body` the main thread inside a session.
class Session {
 public:
  Session() {
    vm::InterpreterOptions o;
    o.write_stdout = [this](std::string_view s) { out.append(s); };
    o.write_stderr = [this](std::string_view s) { err.append(s); };
    interp_ = std::make_unique<vm::Interpreter>(std::move(o));
  }

  void Run(const std::function<void(vm::ThreadState&)>& body) {
    interp_->RunMain("", "<stdin>", [&](vm::ThreadState& ts) {
      body(ts);
      return 0;
    });
  }

  // Feeds `lines` one by one as the REPL does: the outcome after each.
  static std::vector<Interactive> Feed(vm::ThreadState& ts, const std::vector<std::string>& lines) {
    std::vector<Interactive> got;
    std::string source;
    int status = 0;
    for (const std::string& line : lines) {
      source += line + "\n";
      Interactive r = ts.interp.RunInteractive(ts, source, &status);
      got.push_back(r);
      if (r != Interactive::kIncomplete) source.clear();
    }
    return got;
  }

  std::string out, err;

 private:
  std::unique_ptr<vm::Interpreter> interp_;
};

constexpr Interactive kMore = Interactive::kIncomplete;
constexpr Interactive kRan = Interactive::kDone;

TEST(RunInteractive, DecidesWhenAStatementIsComplete) {
  Session s;
  s.Run([&](vm::ThreadState& ts) {
    using V = std::vector<Interactive>;
    EXPECT_EQ(Session::Feed(ts, {"x = 1"}), V{kRan});
    EXPECT_EQ(Session::Feed(ts, {"x = (1,", "", "2)"}), (V{kMore, kMore, kRan}));  // blank lines inside brackets
    EXPECT_EQ(Session::Feed(ts, {"s = '''a", "b'''"}), (V{kMore, kRan}));
    EXPECT_EQ(Session::Feed(ts, {"y = 1 + \\", "2"}), (V{kMore, kRan}));
    EXPECT_EQ(Session::Feed(ts, {"if x:", "    pass", ""}), (V{kMore, kMore, kRan}));
    EXPECT_EQ(Session::Feed(ts, {"for i in []: pass", ""}), (V{kMore, kRan}));  // one line, still compound
    EXPECT_EQ(Session::Feed(ts, {"try:", "    1", "except:", "    2", ""}), (V{kMore, kMore, kMore, kMore, kRan}));
    EXPECT_EQ(Session::Feed(ts, {"@staticmethod", "def f(): pass", ""}), (V{kMore, kMore, kRan}));
    EXPECT_EQ(Session::Feed(ts, {"def f():", "    if x:", "        return 1", "    return 2", ""}),
              (V{kMore, kMore, kMore, kMore, kRan}));
    // Errors are reported at once, not after more lines.
    EXPECT_EQ(Session::Feed(ts, {"1 +"}), V{kRan});
    EXPECT_EQ(Session::Feed(ts, {"if x:", "    y = = 2"}), (V{kMore, kRan}));
    EXPECT_EQ(Session::Feed(ts, {"def f():", ""}), (V{kMore, kRan}));  // a blank line: no body
    EXPECT_EQ(Session::Feed(ts, {"try:", "    1", ""}), (V{kMore, kMore, kRan}));
    EXPECT_EQ(Session::Feed(ts, {""}), V{kRan});
    EXPECT_EQ(Session::Feed(ts, {"# only a comment"}), V{kRan});
  });
  EXPECT_NE(s.err.find("SyntaxError: invalid syntax"), std::string::npos) << s.err;
  EXPECT_NE(s.err.find("IndentationError: expected an indented block after function definition on line 1"),
            std::string::npos)
      << s.err;
  EXPECT_NE(s.err.find("SyntaxError: expected 'except' or 'finally' block"), std::string::npos) << s.err;
}

TEST(RunInteractive, EchoesValuesOfTheModulesExpressionsOnly) {
  Session s;
  s.Run([&](vm::ThreadState& ts) {
    Session::Feed(ts, {"for i in range(2): i * 10", ""});
    Session::Feed(ts, {"def f():", "    'not shown'", "    return 5", ""});
    Session::Feed(ts, {"f()"});
    Session::Feed(ts, {"None"});
    Session::Feed(ts, {"_"});
  });
  EXPECT_EQ(s.out, "0\n10\n5\n5\n");
}

TEST(RunInteractive, SystemExitEndsTheSessionWithItsStatus) {
  Session s;
  s.Run([&](vm::ThreadState& ts) {
    int status = -1;
    EXPECT_EQ(ts.interp.RunInteractive(ts, "raise SystemExit(9)\n", &status), Interactive::kExit);
    EXPECT_EQ(status, 9);
    // At the end of input, an unfinished statement runs or fails; it never waits for more.
    EXPECT_EQ(ts.interp.RunInteractive(ts, "if True:\n    z = 3\n", &status, /*at_eof=*/true), kRan);
    EXPECT_EQ(ts.interp.RunInteractive(ts, "z = (1,\n", &status, /*at_eof=*/true), kRan);
  });
  EXPECT_NE(s.err.find("'(' was never closed"), std::string::npos) << s.err;
}

TEST(Completions, OffersKeywordsBuiltinsGlobalsAndAttributes) {
  Session s;
  s.Run([&](vm::ThreadState& ts) {
    Session::Feed(ts, {"import os", "class Point:\n    def norm(self): pass\n    size = 2\n", "p = Point()",
                       "printer_count = 1", "_hidden = 2"});
    using V = std::vector<std::string>;
    EXPECT_EQ(Completions(ts, "pri"), (V{"print(", "printer_count"}));
    EXPECT_EQ(Completions(ts, "x = whi"), V{"while "});
    EXPECT_EQ(Completions(ts, "tr"), (V{"try:"}));
    EXPECT_EQ(Completions(ts, "Tru"), V{"True"});
    EXPECT_EQ(Completions(ts, "p.n"), V{"p.norm("});
    EXPECT_EQ(Completions(ts, "p.s"), V{"p.size"});
    EXPECT_EQ(Completions(ts, "print(os.getcw"), (V{"os.getcwd(", "os.getcwdb("}));
    EXPECT_EQ(Completions(ts, "os.path.joi"), V{"os.path.join("});
    // Private names only when asked for.
    EXPECT_EQ(Completions(ts, "_hid"), V{"_hidden"});
    for (const std::string& c : Completions(ts, "p.")) EXPECT_NE(c.substr(2, 1), "_") << c;
    EXPECT_FALSE(Completions(ts, "p.__").empty());
    // Nothing for what is not a dotted name: no call runs to complete it.
    EXPECT_TRUE(Completions(ts, "f().x").empty());
    EXPECT_TRUE(Completions(ts, "no_such_name.x").empty());
    EXPECT_TRUE(Completions(ts, "12").empty());
    EXPECT_TRUE(Completions(ts, "").empty());
  });
}

TEST(NextIndent, FollowsTheBlockStructure) {
  EXPECT_EQ(NextIndent("def f():"), "    ");
  EXPECT_EQ(NextIndent("    if x:  # a comment"), "        ");
  EXPECT_EQ(NextIndent("        return 1"), "        ");
  EXPECT_EQ(NextIndent("x = {'a:': 1,"), "");  // a colon inside quotes does not open a block
  EXPECT_EQ(NextIndent("s = 'ends in a colon:'"), "");
  EXPECT_EQ(NextIndent(""), "");
  EXPECT_EQ(NextIndent("   "), "");
}

}  // namespace
}  // namespace gilvm::cli
