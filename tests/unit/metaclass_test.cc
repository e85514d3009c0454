// gilvm's limited metaclasses (vm/function.cc, BuildClass; vm/call.cc, CallType): what they
// refuse with a clear TypeError rather than silently ignore. What they support is covered by
// the golden tests class/metaclass_*.py, which CPython also passes.
#include <string>

#include "gtest/gtest.h"
#include "vm/interpreter.h"

namespace gilvm::vm {
namespace {

std::string RunOut(std::string_view source) {
  std::string out;
  InterpreterOptions options;
  options.write_stdout = [&out](std::string_view s) { out.append(s); };
  options.write_stderr = [&out](std::string_view s) { out.append(s); };
  Interpreter interp(std::move(options));
  interp.RunMain(source, "test.py");
  return out;
}

// Runs `body` (a class statement, indented by 4) inside try and prints the error.
std::string ErrorOf(std::string_view body) {
  return RunOut(std::string("try:\n") + std::string(body) +
                "except TypeError as e:\n    print('TypeError:', e)\n");
}

TEST(MetaclassTest, MetaclassNewIsRefused) {
  EXPECT_EQ(ErrorOf("    class M(type):\n        def __new__(mcs, *a): pass\n"
                    "    class C(metaclass=M): pass\n"),
            "TypeError: a metaclass defining __new__ is not supported by gilvm yet\n");
}

TEST(MetaclassTest, MetaclassPrepareIsRefused) {
  EXPECT_EQ(ErrorOf("    class M(type):\n        @classmethod\n        def __prepare__(mcs, *a): return {}\n"
                    "    class C(metaclass=M): pass\n"),
            "TypeError: a metaclass defining __prepare__ is not supported by gilvm yet\n");
}

TEST(MetaclassTest, OtherClassKeywordsAreRefused) {
  EXPECT_EQ(ErrorOf("    class C(flag=1): pass\n"),
            "TypeError: class keyword arguments other than metaclass= are not supported by gilvm yet\n");
}

TEST(MetaclassTest, MetaclassMustBeATypeSubclass) {
  EXPECT_EQ(ErrorOf("    class C(metaclass=len): pass\n"),
            "TypeError: a metaclass that is not a subclass of type is not supported by gilvm yet\n");
}

TEST(MetaclassTest, ConflictingMetaclasses) {
  EXPECT_EQ(ErrorOf("    class M1(type): pass\n    class M2(type): pass\n"
                    "    class A(metaclass=M1): pass\n    class B(A, metaclass=M2): pass\n"),
            "TypeError: metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass "
            "of the metaclasses of all its bases\n");
}

TEST(MetaclassTest, SubclassInheritsMetaclassAndItsInitRuns) {
  EXPECT_EQ(RunOut("class M(type):\n"
                   "    def __init__(cls, name, bases, ns):\n"
                   "        print('init', name, len(bases), sorted([k for k in ns if k[0] != '_']))\n"
                   "class A(metaclass=M):\n    x = 1\n"
                   "class B(A):\n    y = 2\n"
                   "print(type(B).__name__)\n"),
            "init A 0 ['x']\ninit B 1 ['y']\nM\n");
}

TEST(MetaclassTest, ErrorInMetaclassInitPropagates) {
  EXPECT_EQ(RunOut("class M(type):\n"
                   "    def __init__(cls, name, bases, ns):\n"
                   "        raise ValueError('no ' + name)\n"
                   "try:\n    class A(metaclass=M): pass\n"
                   "except ValueError as e:\n    print(e)\n"),
            "no A\n");
}

}  // namespace
}  // namespace gilvm::vm
