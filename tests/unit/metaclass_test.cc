// Metaclasses (vm/classes.cc, BuildClass and CreateClass; vm/call.cc, CallType): __new__,
// __prepare__, class keywords and callables as metaclasses, as CPython 3.11 runs them. More is
// covered by the golden tests class/metaclass_*.py and inherit/*.py, which CPython also passes.
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

TEST(MetaclassTest, MetaclassNewRuns) {
  EXPECT_EQ(RunOut("class M(type):\n"
                   "    def __new__(mcs, name, bases, ns):\n"
                   "        ns['added'] = name.lower()\n"
                   "        return super().__new__(mcs, name, bases, ns)\n"
                   "class C(metaclass=M): pass\n"
                   "print(C.added, type(C).__name__)\n"),
            "c M\n");
}

TEST(MetaclassTest, MetaclassPrepareSuppliesTheNamespace) {
  EXPECT_EQ(RunOut("class M(type):\n"
                   "    @classmethod\n"
                   "    def __prepare__(mcs, name, bases, **kw):\n"
                   "        return {'seed': kw}\n"
                   "    def __new__(mcs, name, bases, ns, **kw):\n"
                   "        return super().__new__(mcs, name, bases, ns)\n"
                   "    def __init__(cls, name, bases, ns, **kw):\n"
                   "        super().__init__(name, bases, ns)\n"
                   "class C(metaclass=M, k=1):\n    v = seed\n"
                   "print(C.v)\n"),
            "{'k': 1}\n");
}

TEST(MetaclassTest, ClassKeywordsReachInitSubclass) {
  EXPECT_EQ(RunOut("class B:\n"
                   "    def __init_subclass__(cls, flag=0):\n"
                   "        print(cls.__name__, flag)\n"
                   "class C(B, flag=1): pass\n"),
            "C 1\n");
  EXPECT_EQ(ErrorOf("    class C(flag=1): pass\n"), "TypeError: C.__init_subclass__() takes no keyword arguments\n");
}

TEST(MetaclassTest, AnyCallableIsAMetaclass) {
  EXPECT_EQ(ErrorOf("    class C(metaclass=len): pass\n"), "TypeError: len() takes exactly one argument (3 given)\n");
  EXPECT_EQ(RunOut("def m(name, bases, ns): return name * 2\n"
                   "class C(metaclass=m): pass\n"
                   "print(C)\n"),
            "CC\n");
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
