// End-to-end tests of the VM through the Interpreter: output, exit status, GC, limits.
#include <string>

#include "compiler/compiler.h"
#include "gtest/gtest.h"
#include "tests/unit/run_source.h"
#include "vm/code.h"
#include "vm/dict.h"
#include "vm/instance.h"
#include "vm/str.h"
#include "vm/interpreter.h"
#include "vm/native.h"

namespace gilvm::vm {
namespace {

TEST(VmTest, PrintsArithmetic) {
  RunResult r = RunSource("print(1 + 2, 7 // 2, 2 ** 10, 1 / 4)\n");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, "3 3 1024 0.25\n");
}

TEST(VmTest, FunctionsClosuresAndClasses) {
  RunResult r = RunSource(R"(
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c = counter()
c(); c()
class A:
    def __init__(self, x):
        self.x = x
    def get(self):
        return self.x
class B(A):
    def get(self):
        return super().get() * 10
print(c(), B(4).get())
)");
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, "3 40\n");
}

TEST(VmTest, UncaughtExceptionPrintsTracebackAndExitsWithOne) {
  RunResult r = RunSource("def f():\n    return 1 // 0\nf()\n");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err,
            "Traceback (most recent call last):\n"
            "  File \"test.py\", line 3, in <module>\n"
            "    f()\n"
            "  File \"test.py\", line 2, in f\n"
            "    return 1 // 0\n"
            "           ~~^^~~\n"
            "ZeroDivisionError: integer division or modulo by zero\n");
}

TEST(VmTest, SystemExitCodes) {
  EXPECT_EQ(RunSource("import sys\nsys.exit(3)\n").status, 3);
  EXPECT_EQ(RunSource("raise SystemExit\n").status, 0);
  RunResult r = RunSource("import sys\nsys.exit('bye')\n");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err, "bye\n");
}

TEST(VmTest, DeepRecursionRaisesRecursionErrorWithoutCrashing) {
  RunResult r = RunSource("def f(n):\n    return f(n + 1)\ntry:\n    f(0)\nexcept RecursionError as e:\n    print('caught', e)\n");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, "caught maximum recursion depth exceeded\n");
}

TEST(VmTest, SyntaxErrorIsReportedWithCaret) {
  RunResult r = RunSource("x = (1,\n");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("SyntaxError: '(' was never closed"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("  File \"test.py\", line 1\n"), std::string::npos) << r.err;
}

TEST(VmTest, GarbageIsCollected) {
  InterpreterOptions options;
  RunResult r;
  options.write_stdout = [&r](std::string_view s) { r.out.append(s); };
  Interpreter interp(std::move(options));
  // Each iteration makes a cycle that only the collector can free.
  int status = interp.RunMain(
      "class Node:\n    pass\n"
      "for i in range(200000):\n    a = Node()\n    b = Node()\n    a.other = b\n    b.other = a\n"
      "print('done')\n",
      "gc.py");
  EXPECT_EQ(status, 0);
  EXPECT_EQ(r.out, "done\n");
  EXPECT_GT(interp.heap.collections(), 0u);
  EXPECT_LT(interp.heap.live_objects(), 100000u);
}

// Instances keep the attributes their class's __init__ sets inline, from the first instance on;
// one that adds more than there is room for, or in another order, moves them to a dict.
TEST(VmTest, InstanceAttributesStayInlineInTheClassOrder) {
  InterpreterOptions options;
  Interpreter interp(std::move(options));
  ASSERT_EQ(interp.RunMain("class P:\n    def __init__(self, a):\n        self.a = a\n        self.b = 2\n"
                           "        if a:\n            self.c = 3\n"
                           "first = P(1)\nshort = P(0)\nextra = P(1)\nextra.d = 4\n"
                           "other = P.__new__(P)\nother.b = 1\nother.a = 2\nlater = P(1)\n",
                           "inline.py"),
            0);
  DictObject* globals = As<ModuleObject>(DictGetStr(interp.modules, interp.names.__main__))->dict;
  auto inst = [&](const char* name) { return As<InstanceObject>(DictGetStr(globals, Intern(interp, name))); };
  EXPECT_EQ(inst("first")->dict, nullptr);
  EXPECT_EQ(inst("first")->inline_count, 3);
  EXPECT_EQ(inst("first")->inline_capacity, 3);  // from __init__'s three names
  EXPECT_EQ(inst("short")->dict, nullptr);
  EXPECT_EQ(inst("short")->inline_count, 2);
  ASSERT_NE(inst("extra")->dict, nullptr);  // a fourth attribute: no room
  EXPECT_EQ(inst("extra")->dict->used, 4u);
  ASSERT_NE(inst("other")->dict, nullptr);  // b before a
  EXPECT_EQ(inst("later")->dict, nullptr);
  EXPECT_EQ(inst("later")->inline_capacity, 4);  // the room grew to what `extra` needed
  TypeObject* p = inst("first")->type;
  ASSERT_EQ(p->attr_names.size(), 3u);
  EXPECT_EQ(p->attr_names[2]->view(), "c");
}

TEST(VmTest, InstructionBudgetCountsEveryInstruction) {
  // With a check interval of 1 every instruction is a safe point, so the count of instructions
  // equals the number of safe points. With longer intervals the count is kept in the eval loop's
  // local budget, parked in the ThreadState around calls out (natives that call back into
  // Python: sorted's key and __lt__, generators driven by list()), and a comparison runs the
  // conditional jump after it without a dispatch of its own (compare_result in vm/eval.cc):
  // each must still count every instruction once.
  const char* source =
      "class K:\n"
      "    def __init__(self, v): self.v = v\n"
      "    def __lt__(self, o): return self.v < o.v\n"
      "def gen(n):\n"
      "    for i in range(n):\n"
      "        if i % 3 == 0: yield i\n"
      "i = 0\n"
      "while i < 1000:\n"
      "    if i > 500: i += 2\n"
      "    elif not i != 7: i += 3\n"
      "    else: i += 1\n"
      "s = sorted([K(x * 7 % 13) for x in range(40)])\n"
      "t = sorted(range(50), key=lambda x: -x if x < 25 else x)\n"
      "g = list(gen(100))\n"
      "try:\n"
      "    1 < 'a'\n"
      "except TypeError:\n"
      "    pass\n";
  auto count = [&](int64_t interval) {
    InterpreterOptions options;
    options.check_interval = interval;
    Interpreter interp(options);
    EXPECT_EQ(interp.RunMain(source, "loop.py"), 0);
    interp.main_thread().CountInstructions();
    return interp.main_thread().gil_slot.instructions;
  };
  uint64_t exact = count(1);
  EXPECT_GT(exact, 5000u);
  for (int64_t interval : {2, 7, 100, 1000}) EXPECT_EQ(count(interval), exact) << "check interval " << interval;
}

TEST(VmTest, DisassemblerShowsLinesAndNames) {
  Interpreter interp;
  CodeObject* code = compiler::CompileSource(interp.main_thread(), "x = 1\nprint(x)\n", "d.py", compiler::ParseMode::kFile);
  ASSERT_NE(code, nullptr);
  std::string dis = compiler::Disassemble(*code);
  EXPECT_NE(dis.find("STORE_NAME"), std::string::npos) << dis;
  EXPECT_NE(dis.find("(print)"), std::string::npos) << dis;
  EXPECT_NE(dis.find("     2 "), std::string::npos) << dis;
}

}  // namespace
}  // namespace gilvm::vm

namespace gilvm::vm {
namespace {

TEST(VmTest, GcStressModeCollectsAtEveryAllocation) {
  InterpreterOptions options;
  options.gc_stress = true;
  std::string out;
  options.write_stdout = [&out](std::string_view s) { out.append(s); };
  Interpreter interp(std::move(options));
  size_t before = interp.heap.collections();
  ASSERT_EQ(interp.RunMain("xs = []\nfor i in range(50):\n    xs.append([i, str(i)])\nprint(len(xs), xs[-1])\n", "s.py"), 0);
  EXPECT_EQ(out, "50 [49, '49']\n");
  EXPECT_GE(interp.heap.collections() - before, 100u);
}

// A native that runs out of memory (std::bad_alloc) raises MemoryError at its call, where the
// script's own handler catches it, and the interpreter goes on.
TEST(VmTest, BadAllocInANativeIsAMemoryErrorTheScriptCanCatch) {
  std::string out;
  InterpreterOptions options;
  options.write_stdout = [&out](std::string_view s) { out.append(s); };
  Interpreter interp(std::move(options));
  AddFunction(interp, interp.builtins, "exhaust", [](ThreadState&, const CallArgs&) -> Value { throw std::bad_alloc(); });
  int status = interp.RunMain("try:\n    exhaust()\nexcept MemoryError:\n    print('caught')\nprint('after')\n", "test.py");
  EXPECT_EQ(status, 0);
  EXPECT_EQ(out, "caught\nafter\n");
}

}  // namespace
}  // namespace gilvm::vm
