// Tests of the symbol table and the code generator.
#include <memory>
#include <string>

#include "compiler/compiler.h"
#include "compiler/parser.h"
#include "compiler/symtable.h"
#include "gtest/gtest.h"
#include "vm/code.h"
#include "vm/errors.h"
#include "vm/interpreter.h"
#include "vm/opcodes.h"
#include "vm/str.h"

namespace gilvm::compiler {
namespace {

struct Table {
  std::unique_ptr<Module> module;
  SymbolTable symbols;
  SyntaxErrorInfo error;
  bool ok = false;
};

std::unique_ptr<Table> Analyze(std::string_view src) {
  auto t = std::make_unique<Table>();
  t->module = Parse(src, ParseMode::kFile, &t->error);
  if (t->module) t->ok = t->symbols.Build(*t->module, &t->error);
  return t;
}

// The scope of the n-th child of the module scope.
Scope* Child(Table& t, size_t n) { return t.symbols.module_scope()->children.at(n).get(); }

TEST(SymbolTableTest, AssignedNamesAreLocalForTheWholeFunction) {
  auto t = Analyze("x = 1\ndef f():\n    print(x)\n    x = 2\n");
  ASSERT_TRUE(t->ok) << t->error.msg;
  Scope* f = Child(*t, 0);
  EXPECT_EQ(f->Lookup("x"), NameScope::kLocal);
  EXPECT_EQ(f->Lookup("print"), NameScope::kGlobalImplicit);
}

TEST(SymbolTableTest, CapturedLocalsBecomeCellsAndFreeVariables) {
  auto t = Analyze("def outer(a):\n    b = 1\n    def inner():\n        return a + b\n    return inner\n");
  ASSERT_TRUE(t->ok) << t->error.msg;
  Scope* outer = Child(*t, 0);
  Scope* inner = outer->children.at(0).get();
  EXPECT_EQ(outer->Lookup("a"), NameScope::kCell);
  EXPECT_EQ(outer->Lookup("b"), NameScope::kCell);
  EXPECT_EQ(inner->Lookup("a"), NameScope::kFree);
  EXPECT_EQ(outer->varnames.front(), "a");  // parameters keep their slot
  EXPECT_EQ(inner->freevars.size(), 2u);
  EXPECT_EQ(inner->qualname, "outer.<locals>.inner");
}

TEST(SymbolTableTest, ClassBodiesDoNotBindForMethods) {
  auto t = Analyze("class C:\n    y = 1\n    def m(self):\n        return y\n");
  ASSERT_TRUE(t->ok) << t->error.msg;
  Scope* c = Child(*t, 0);
  Scope* m = c->children.at(0).get();
  EXPECT_EQ(c->Lookup("y"), NameScope::kNamespace);
  EXPECT_EQ(m->Lookup("y"), NameScope::kGlobalImplicit);
  EXPECT_EQ(m->qualname, "C.m");
}

TEST(SymbolTableTest, SuperNeedsTheClassCell) {
  auto t = Analyze("class C(B):\n    def m(self):\n        return super().m()\n");
  ASSERT_TRUE(t->ok) << t->error.msg;
  Scope* c = Child(*t, 0);
  EXPECT_TRUE(c->needs_class_cell);
  EXPECT_EQ(c->children.at(0)->Lookup("__class__"), NameScope::kFree);
}

TEST(SymbolTableTest, ClassBodyReadsEnclosingFunctionVariables) {
  auto t = Analyze("def f():\n    v = 1\n    class C:\n        w = v\n    return C\n");
  ASSERT_TRUE(t->ok) << t->error.msg;
  Scope* f = Child(*t, 0);
  EXPECT_EQ(f->Lookup("v"), NameScope::kCell);
  EXPECT_EQ(f->children.at(0)->Lookup("v"), NameScope::kFree);
}

TEST(SymbolTableTest, GlobalAndNonlocalDeclarations) {
  auto t = Analyze("def f():\n    global g\n    g = 1\n    n = 0\n    def h():\n        nonlocal n\n        n += 1\n");
  ASSERT_TRUE(t->ok) << t->error.msg;
  Scope* f = Child(*t, 0);
  EXPECT_EQ(f->Lookup("g"), NameScope::kGlobalExplicit);
  EXPECT_EQ(f->Lookup("n"), NameScope::kCell);
  EXPECT_EQ(f->children.at(0)->Lookup("n"), NameScope::kFree);
}

TEST(SymbolTableTest, NonlocalWithoutBindingIsASyntaxError) {
  auto t = Analyze("def f():\n    def g():\n        nonlocal missing\n");
  EXPECT_FALSE(t->ok);
  EXPECT_EQ(t->error.msg, "no binding for nonlocal 'missing' found");
}

TEST(SymbolTableTest, ComprehensionsHaveTheirOwnScope) {
  auto t = Analyze("x = 5\nys = [x for x in range(3)]\n");
  ASSERT_TRUE(t->ok) << t->error.msg;
  Scope* comp = Child(*t, 0);
  EXPECT_TRUE(comp->is_comprehension);
  EXPECT_EQ(comp->Lookup("x"), NameScope::kLocal);
  EXPECT_EQ(t->symbols.module_scope()->Lookup("x"), NameScope::kNamespace);
}

vm::CodeObject* CompileOk(vm::Interpreter& interp, std::string_view src) {
  vm::CodeObject* code = CompileSource(interp.main_thread(), src, "t.py", ParseMode::kFile);
  EXPECT_NE(code, nullptr);
  return code;
}

TEST(CodeGenTest, StackSizeIsExactForNestedExpressions) {
  vm::Interpreter interp;
  // a + (b + (c + d)) needs four slots for the operands, plus the store.
  vm::CodeObject* code = CompileOk(interp, "x = a + (b + (c + d))\n");
  ASSERT_NE(code, nullptr);
  EXPECT_GE(code->stack_size, 4);
  EXPECT_LE(code->stack_size, 5);
}

TEST(CodeGenTest, NegativeLiteralsAreFolded) {
  vm::Interpreter interp;
  vm::CodeObject* code = CompileOk(interp, "x = -5\n");
  ASSERT_NE(code, nullptr);
  EXPECT_EQ(vm::DecodeOp(code->code[0]), vm::Op::LOAD_CONST);
  EXPECT_EQ(code->consts[vm::DecodeArg(code->code[0])].as_int(), -5);
}

TEST(CodeGenTest, EveryInstructionHasAPosition) {
  vm::Interpreter interp;
  vm::CodeObject* code = CompileOk(interp, "def f(a, *b, c=1, **d):\n    return [a, b, c, d]\ny = f(1)\n");
  ASSERT_NE(code, nullptr);
  EXPECT_EQ(code->positions.size(), code->code.size());
  for (const vm::Value& c : code->consts) {
    if (!c.is_object() || c.as_object()->kind != vm::Kind::kCode) continue;
    auto* f = vm::As<vm::CodeObject>(c);
    EXPECT_EQ(f->argcount, 1);
    EXPECT_EQ(f->kwonlyargcount, 1);
    EXPECT_EQ(f->flags & (vm::kCodeVarargs | vm::kCodeVarkeywords), vm::kCodeVarargs | vm::kCodeVarkeywords);
    EXPECT_EQ(f->positions.front().line, 2);
  }
}

TEST(CodeGenTest, UnsupportedFeaturesAreNamed) {
  vm::Interpreter interp;
  auto& ts = interp.main_thread();
  EXPECT_EQ(CompileSource(ts, "async def g():\n    pass\n", "t.py", ParseMode::kFile), nullptr);
  ASSERT_NE(ts.exc, nullptr);
  vm::ClearException(ts);
}

// A literal beyond int64 compiles to a big int constant (vm/bigint.h).
TEST(CodeGenTest, BigIntLiteralIsAConstant) {
  vm::Interpreter interp;
  auto& ts = interp.main_thread();
  EXPECT_NE(CompileSource(ts, "x = 10**40 + 123456789012345678901234567890\n", "t.py", ParseMode::kFile), nullptr);
  EXPECT_EQ(ts.exc, nullptr);
}

// A generator's code is flagged, starts with the NOP that a throw before the first step reports,
// and returns with GEN_RETURN (never RETURN_VALUE, which ordinary frames keep for themselves).
TEST(CodeGenTest, GeneratorCode) {
  vm::Interpreter interp;
  auto& ts = interp.main_thread();
  vm::CodeObject* m = CompileSource(ts, "def g(x):\n    yield x\n    return 2\n", "t.py", ParseMode::kFile);
  ASSERT_NE(m, nullptr);
  int found = 0;
  for (vm::Value c : m->consts) {
    if (!c.is_object() || c.as_object()->kind != vm::Kind::kCode) continue;
    auto* g = vm::As<vm::CodeObject>(c);
    ++found;
    EXPECT_NE(g->flags & vm::kCodeGenerator, 0u);
    EXPECT_EQ(vm::DecodeOp(g->code.front()), vm::Op::NOP);
    EXPECT_EQ(g->positions.front().line, 1);
    for (uint32_t word : g->code) EXPECT_NE(vm::DecodeOp(word), vm::Op::RETURN_VALUE);
    EXPECT_EQ(vm::DecodeOp(g->code.back()), vm::Op::GEN_RETURN);
  }
  EXPECT_EQ(found, 1);
}

}  // namespace
}  // namespace gilvm::compiler
