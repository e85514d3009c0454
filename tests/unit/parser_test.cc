#include "compiler/parser.h"

#include <random>
#include <string>

#include <gtest/gtest.h>

#include "compiler/ast.h"

namespace gilvm::compiler {
namespace {

// ---- A compact s-expression dump of the tree, to check structure and precedence -------------

std::string Dump(const Expr* e);

std::string List(const ExprList& xs) {
  std::string out;
  for (const ExprPtr& x : xs) out += " " + Dump(x.get());
  return out;
}

const char* OpName(Operator op) {
  static const char* const kNames[] = {"+", "-", "*", "@", "/", "%", "**", "<<", ">>", "|",
                                       "^", "&", "//"};
  return kNames[static_cast<int>(op)];
}

const char* CmpName(CmpOperator op) {
  static const char* const kNames[] = {"==", "!=", "<", "<=", ">", ">=", "is", "is-not",
                                       "in", "not-in"};
  return kNames[static_cast<int>(op)];
}

const char* CtxName(ExprContext c) {
  return c == ExprContext::kLoad ? "" : c == ExprContext::kStore ? "!" : "~";
}

std::string DumpArgs(const Arguments& a) {
  std::string out = "(args";
  for (const Arg& x : a.posonlyargs) out += " " + x.name;
  if (!a.posonlyargs.empty()) out += " /";
  for (const Arg& x : a.args) out += " " + x.name + (x.annotation ? ":" + Dump(x.annotation.get()) : "");
  if (a.vararg) out += " *" + a.vararg->name;
  else if (!a.kwonlyargs.empty()) out += " *";
  for (size_t i = 0; i < a.kwonlyargs.size(); ++i) {
    out += " " + a.kwonlyargs[i].name;
    if (a.kw_defaults[i]) out += "=" + Dump(a.kw_defaults[i].get());
  }
  if (a.kwarg) out += " **" + a.kwarg->name;
  if (!a.defaults.empty()) out += " defaults" + List(a.defaults);
  return out + ")";
}

std::string DumpComp(const Comp& c, const char* name) {
  std::string out = std::string("(") + name + " ";
  out += c.elt ? Dump(c.elt.get()) : Dump(c.key.get()) + ":" + Dump(c.value.get());
  for (const Comprehension& g : c.generators) {
    out += g.is_async ? " async-for " : " for ";
    out += Dump(g.target.get()) + " in " + Dump(g.iter.get());
    for (const ExprPtr& i : g.ifs) out += " if " + Dump(i.get());
  }
  return out + ")";
}

std::string Dump(const Expr* e) {
  if (!e) return "_";
  switch (e->kind) {
    case ExprKind::kName: return As<Name>(*e).id + CtxName(As<Name>(*e).ctx);
    case ExprKind::kConstant: {
      const Constant& c = As<Constant>(*e);
      switch (c.type) {
        case Constant::Type::kNone: return "None";
        case Constant::Type::kTrue: return "True";
        case Constant::Type::kFalse: return "False";
        case Constant::Type::kEllipsis: return "...";
        case Constant::Type::kInt: return std::to_string(c.i);
        case Constant::Type::kBigInt: return "big:" + c.s;
        case Constant::Type::kFloat: {
          char b[32];
          snprintf(b, sizeof b, "%g", c.f);
          return b;
        }
        case Constant::Type::kImag: {
          char b[32];
          snprintf(b, sizeof b, "%gj", c.f);
          return b;
        }
        case Constant::Type::kStr: return "'" + c.s + "'";
        case Constant::Type::kBytes: return "b'" + c.s + "'";
      }
      return "?";
    }
    case ExprKind::kBinOp: {
      const BinOp& b = As<BinOp>(*e);
      return std::string("(") + OpName(b.op) + " " + Dump(b.left.get()) + " " +
             Dump(b.right.get()) + ")";
    }
    case ExprKind::kUnaryOp: {
      static const char* const kNames[] = {"~", "not", "+", "-"};
      const UnaryOp& u = As<UnaryOp>(*e);
      return std::string("(") + kNames[static_cast<int>(u.op)] + " " + Dump(u.operand.get()) +
             ")";
    }
    case ExprKind::kBoolOp: {
      const BoolOp& b = As<BoolOp>(*e);
      return std::string("(") + (b.op == BoolOperator::kAnd ? "and" : "or") + List(b.values) +
             ")";
    }
    case ExprKind::kCompare: {
      const Compare& c = As<Compare>(*e);
      std::string out = "(cmp " + Dump(c.left.get());
      for (size_t i = 0; i < c.ops.size(); ++i) {
        out += std::string(" ") + CmpName(c.ops[i]) + " " + Dump(c.comparators[i].get());
      }
      return out + ")";
    }
    case ExprKind::kIfExp: {
      const IfExp& i = As<IfExp>(*e);
      return "(if " + Dump(i.test.get()) + " " + Dump(i.body.get()) + " " +
             Dump(i.orelse.get()) + ")";
    }
    case ExprKind::kLambda: {
      const Lambda& l = As<Lambda>(*e);
      return "(lambda " + DumpArgs(l.args) + " " + Dump(l.body.get()) + ")";
    }
    case ExprKind::kCall: {
      const Call& c = As<Call>(*e);
      std::string out = "(call " + Dump(c.func.get()) + List(c.args);
      for (const Keyword& k : c.keywords) {
        out += " " + (k.arg.empty() ? std::string("**") : k.arg + "=") + Dump(k.value.get());
      }
      return out + ")";
    }
    case ExprKind::kAttribute: {
      const Attribute& a = As<Attribute>(*e);
      return "(. " + Dump(a.value.get()) + " " + a.attr + ")" + CtxName(a.ctx);
    }
    case ExprKind::kSubscript: {
      const Subscript& s = As<Subscript>(*e);
      return "([] " + Dump(s.value.get()) + " " + Dump(s.slice.get()) + ")" + CtxName(s.ctx);
    }
    case ExprKind::kSlice: {
      const Slice& s = As<Slice>(*e);
      return "(slice " + Dump(s.lower.get()) + " " + Dump(s.upper.get()) + " " +
             Dump(s.step.get()) + ")";
    }
    case ExprKind::kTuple: return "(tuple" + List(As<Sequence>(*e).elts) + ")" + CtxName(As<Sequence>(*e).ctx);
    case ExprKind::kList: return "[list" + List(As<Sequence>(*e).elts) + "]" + CtxName(As<Sequence>(*e).ctx);
    case ExprKind::kSet: return "{set" + List(As<Sequence>(*e).elts) + "}";
    case ExprKind::kDict: {
      const Dict& d = As<Dict>(*e);
      std::string out = "{dict";
      for (size_t i = 0; i < d.keys.size(); ++i) {
        out += d.keys[i] ? " " + Dump(d.keys[i].get()) + ":" : std::string(" **");
        out += Dump(d.values[i].get());
      }
      return out + "}";
    }
    case ExprKind::kStarred: return "*" + Dump(As<Starred>(*e).value.get()) + CtxName(As<Starred>(*e).ctx);
    case ExprKind::kListComp: return DumpComp(As<Comp>(*e), "listcomp");
    case ExprKind::kSetComp: return DumpComp(As<Comp>(*e), "setcomp");
    case ExprKind::kDictComp: return DumpComp(As<Comp>(*e), "dictcomp");
    case ExprKind::kGeneratorExp: return DumpComp(As<Comp>(*e), "genexp");
    case ExprKind::kJoinedStr: return "(f" + List(As<JoinedStr>(*e).values) + ")";
    case ExprKind::kFormattedValue: {
      const FormattedValue& f = As<FormattedValue>(*e);
      std::string out = "{" + Dump(f.value.get());
      if (f.conversion) out += std::string("!") + f.conversion;
      if (f.format_spec) out += ":" + Dump(f.format_spec.get());
      return out + "}";
    }
    case ExprKind::kNamedExpr: {
      const NamedExpr& n = As<NamedExpr>(*e);
      return "(:= " + Dump(n.target.get()) + " " + Dump(n.value.get()) + ")";
    }
    case ExprKind::kYield: return "(yield " + Dump(As<YieldLike>(*e).value.get()) + ")";
    case ExprKind::kYieldFrom: return "(yield-from " + Dump(As<YieldLike>(*e).value.get()) + ")";
    case ExprKind::kAwait: return "(await " + Dump(As<YieldLike>(*e).value.get()) + ")";
  }
  return "?";
}

std::string Dump(const Stmt* s);

std::string Block(const StmtList& body) {
  std::string out = "{";
  for (size_t i = 0; i < body.size(); ++i) out += (i ? "; " : "") + Dump(body[i].get());
  return out + "}";
}

std::string Dump(const Stmt* s) {
  switch (s->kind) {
    case StmtKind::kExpr: return Dump(As<ExprStmt>(*s).value.get());
    case StmtKind::kAssign: {
      const Assign& a = As<Assign>(*s);
      return "(=" + List(a.targets) + " " + Dump(a.value.get()) + ")";
    }
    case StmtKind::kAugAssign: {
      const AugAssign& a = As<AugAssign>(*s);
      return std::string("(") + OpName(a.op) + "= " + Dump(a.target.get()) + " " +
             Dump(a.value.get()) + ")";
    }
    case StmtKind::kAnnAssign: {
      const AnnAssign& a = As<AnnAssign>(*s);
      return std::string("(ann") + (a.simple ? " " : "-complex ") + Dump(a.target.get()) + " " +
             Dump(a.annotation.get()) + " " + Dump(a.value.get()) + ")";
    }
    case StmtKind::kIf: {
      const If& i = As<If>(*s);
      return "(if " + Dump(i.test.get()) + " " + Block(i.body) + " " + Block(i.orelse) + ")";
    }
    case StmtKind::kWhile: {
      const While& w = As<While>(*s);
      return "(while " + Dump(w.test.get()) + " " + Block(w.body) + " " + Block(w.orelse) + ")";
    }
    case StmtKind::kFor: {
      const For& f = As<For>(*s);
      return std::string(f.is_async ? "(async-for " : "(for ") + Dump(f.target.get()) + " " +
             Dump(f.iter.get()) + " " + Block(f.body) + " " + Block(f.orelse) + ")";
    }
    case StmtKind::kBreak: return "break";
    case StmtKind::kContinue: return "continue";
    case StmtKind::kPass: return "pass";
    case StmtKind::kFunctionDef: {
      const FunctionDef& f = As<FunctionDef>(*s);
      std::string out = std::string(f.is_async ? "(async-def " : "(def ") + f.name + " " +
                        DumpArgs(f.args);
      if (f.returns) out += " -> " + Dump(f.returns.get());
      if (!f.decorator_list.empty()) out += " @" + List(f.decorator_list);
      return out + " " + Block(f.body) + ")";
    }
    case StmtKind::kClassDef: {
      const ClassDef& c = As<ClassDef>(*s);
      std::string out = "(class " + c.name + List(c.bases);
      for (const Keyword& k : c.keywords) out += " " + k.arg + "=" + Dump(k.value.get());
      if (!c.decorator_list.empty()) out += " @" + List(c.decorator_list);
      return out + " " + Block(c.body) + ")";
    }
    case StmtKind::kReturn: return "(return " + Dump(As<Return>(*s).value.get()) + ")";
    case StmtKind::kGlobal:
    case StmtKind::kNonlocal: {
      const NameListStmt& g = As<NameListStmt>(*s);
      std::string out = s->kind == StmtKind::kGlobal ? "(global" : "(nonlocal";
      for (const std::string& n : g.names) out += " " + n;
      return out + ")";
    }
    case StmtKind::kTry: {
      const Try& t = As<Try>(*s);
      std::string out = "(try " + Block(t.body);
      for (const ExceptHandler& h : t.handlers) {
        out += " (except " + Dump(h.type.get()) + (h.name.empty() ? "" : " as " + h.name) +
               " " + Block(h.body) + ")";
      }
      return out + " " + Block(t.orelse) + " " + Block(t.finalbody) + ")";
    }
    case StmtKind::kRaise: {
      const Raise& r = As<Raise>(*s);
      return "(raise " + Dump(r.exc.get()) + " " + Dump(r.cause.get()) + ")";
    }
    case StmtKind::kAssert: {
      const Assert& a = As<Assert>(*s);
      return "(assert " + Dump(a.test.get()) + " " + Dump(a.msg.get()) + ")";
    }
    case StmtKind::kDelete: return "(del" + List(As<Delete>(*s).targets) + ")";
    case StmtKind::kImport: {
      std::string out = "(import";
      for (const Alias& a : As<Import>(*s).names) {
        out += " " + a.name + (a.asname.empty() ? "" : " as " + a.asname);
      }
      return out + ")";
    }
    case StmtKind::kImportFrom: {
      const ImportFrom& f = As<ImportFrom>(*s);
      std::string out = "(from " + std::string(f.level, '.') + f.module + " import";
      for (const Alias& a : f.names) out += " " + a.name + (a.asname.empty() ? "" : " as " + a.asname);
      return out + ")";
    }
    case StmtKind::kWith: {
      const With& w = As<With>(*s);
      std::string out = w.is_async ? "(async-with" : "(with";
      for (const WithItem& i : w.items) {
        out += " " + Dump(i.context_expr.get());
        if (i.optional_vars) out += " as " + Dump(i.optional_vars.get());
      }
      return out + " " + Block(w.body) + ")";
    }
  }
  return "?";
}

std::string ParseToString(std::string_view src, ParseMode mode = ParseMode::kFile) {
  SyntaxErrorInfo err;
  std::unique_ptr<Module> m = Parse(src, mode, &err);
  if (!m) return "error: " + err.msg;
  std::string out;
  for (size_t i = 0; i < m->body.size(); ++i) out += (i ? "\n" : "") + Dump(m->body[i].get());
  return out;
}

std::string Expr(std::string_view src) { return ParseToString(src, ParseMode::kEval); }

SyntaxErrorInfo Error(std::string_view src, ParseMode mode = ParseMode::kFile) {
  SyntaxErrorInfo err;
  std::unique_ptr<Module> m = Parse(src, mode, &err);
  EXPECT_EQ(m, nullptr) << src;
  return err;
}

// ---- Expressions ----------------------------------------------------------------------------

TEST(ParserTest, ArithmeticPrecedence) {
  EXPECT_EQ(Expr("1 + 2 * 3"), "(+ 1 (* 2 3))");
  EXPECT_EQ(Expr("1 - 2 - 3"), "(- (- 1 2) 3)");
  EXPECT_EQ(Expr("2 ** 3 ** 4"), "(** 2 (** 3 4))");
  EXPECT_EQ(Expr("-2 ** 2"), "(- (** 2 2))");
  EXPECT_EQ(Expr("2 ** -1"), "(** 2 (- 1))");
  EXPECT_EQ(Expr("a | b ^ c & d << 1 + 2"), "(| a (^ b (& c (<< d (+ 1 2)))))");
  EXPECT_EQ(Expr("a // b % c @ d / e"), "(/ (@ (% (// a b) c) d) e)");
  EXPECT_EQ(Expr("~a + -b * +c"), "(+ (~ a) (* (- b) (+ c)))");
  EXPECT_EQ(Expr("(1 + 2) * 3"), "(* (+ 1 2) 3)");
}

TEST(ParserTest, BooleanAndComparisonPrecedence) {
  EXPECT_EQ(Expr("a or b and not c"), "(or a (and b (not c)))");
  EXPECT_EQ(Expr("a or b or c"), "(or a b c)");
  EXPECT_EQ(Expr("a and b or c and d"), "(or (and a b) (and c d))");
  EXPECT_EQ(Expr("not a == b"), "(not (cmp a == b))");
  EXPECT_EQ(Expr("a < b <= c"), "(cmp a < b <= c)");
  EXPECT_EQ(Expr("a is not b not in c in d is e"), "(cmp a is-not b not-in c in d is e)");
  EXPECT_EQ(Expr("a | b < c & d"), "(cmp (| a b) < (& c d))");
  EXPECT_EQ(Expr("not not a"), "(not (not a))");
}

TEST(ParserTest, ConditionalLambdaWalrus) {
  EXPECT_EQ(Expr("a if b else c if d else e"), "(if b a (if d c e))");
  EXPECT_EQ(Expr("lambda: 0"), "(lambda (args) 0)");
  EXPECT_EQ(Expr("lambda a, b=1, *c, d, e=2, **f: a"),
            "(lambda (args a b *c d e=2 **f defaults 1) a)");
  EXPECT_EQ(Expr("lambda a, /, b: 0"), "(lambda (args a / b) 0)");
  EXPECT_EQ(Expr("lambda x: lambda y: x if y else 0"),
            "(lambda (args x) (lambda (args y) (if y x 0)))");
  EXPECT_EQ(Expr("(x := 1 + 2)"), "(:= x! (+ 1 2))");
  EXPECT_EQ(Expr("f(y := 2)"), "(call f (:= y! 2))");
}

TEST(ParserTest, PrimariesAndCalls) {
  EXPECT_EQ(Expr("a.b.c(1)[2].d"), "(. ([] (call (. (. a b) c) 1) 2) d)");
  EXPECT_EQ(Expr("f(a, *b, c=1, **d)"), "(call f a *b c=1 **d)");
  EXPECT_EQ(Expr("f(x for x in y)"), "(call f (genexp x for x! in y))");
  EXPECT_EQ(Expr("f(a,)"), "(call f a)");
  EXPECT_EQ(Expr("f()()"), "(call (call f))");
  EXPECT_EQ(Expr("await_ + 1"), "(+ await_ 1)");
}

TEST(ParserTest, Subscripts) {
  EXPECT_EQ(Expr("a[1]"), "([] a 1)");
  EXPECT_EQ(Expr("a[1:2]"), "([] a (slice 1 2 _))");
  EXPECT_EQ(Expr("a[::3]"), "([] a (slice _ _ 3))");
  EXPECT_EQ(Expr("a[:]"), "([] a (slice _ _ _))");
  EXPECT_EQ(Expr("a[1:2, 3]"), "([] a (tuple (slice 1 2 _) 3))");
  EXPECT_EQ(Expr("a[1, 2,]"), "([] a (tuple 1 2))");
  EXPECT_EQ(Expr("a[*b]"), "([] a (tuple *b))");
}

TEST(ParserTest, Displays) {
  EXPECT_EQ(Expr("()"), "(tuple)");
  EXPECT_EQ(Expr("(1,)"), "(tuple 1)");
  EXPECT_EQ(Expr("(1)"), "1");
  EXPECT_EQ(Expr("1, 2,"), "(tuple 1 2)");
  EXPECT_EQ(Expr("[1, *a, 2,]"), "[list 1 *a 2]");
  EXPECT_EQ(Expr("{}"), "{dict}");
  EXPECT_EQ(Expr("{1: 2, **d, 3: 4}"), "{dict 1:2 **d 3:4}");
  EXPECT_EQ(Expr("{1, *s}"), "{set 1 *s}");
  EXPECT_EQ(Expr("[x for x in y if x if z for w in x]"),
            "(listcomp x for x! in y if x if z for w! in x)");
  EXPECT_EQ(Expr("{k: v for k, v in d}"), "(dictcomp k:v for (tuple k! v!)! in d)");
  EXPECT_EQ(Expr("{x for x in y}"), "(setcomp x for x! in y)");
  EXPECT_EQ(Expr("(x for x in y)"), "(genexp x for x! in y)");
}

TEST(ParserTest, Literals) {
  EXPECT_EQ(Expr("None, True, False, ..."), "(tuple None True False ...)");
  EXPECT_EQ(Expr("0x_ff + 0o17 + 0b101"), "(+ (+ 255 15) 5)");
  EXPECT_EQ(Expr("99999999999999999999"), "big:99999999999999999999");
  EXPECT_EQ(Expr("0xffffffffffffffffff"), "big:4722366482869645213695");
  EXPECT_EQ(Expr("1.5"), "1.5");
  EXPECT_EQ(Expr("2j"), "2j");
  EXPECT_EQ(Expr("'a' \"b\" '''c'''"), "'abc'");
  EXPECT_EQ(Expr("b'a' rb'\\n'"), "b'a\\n'");
  EXPECT_EQ(Expr("u'x'"), "'x'");
  EXPECT_EQ(Expr("'\\x41\\u00e9'"), "'Aé'");
  EXPECT_EQ(Expr("'\\d'"), "'\\d'");
}

TEST(ParserTest, FStrings) {
  EXPECT_EQ(Expr("f'{x}'"), "(f {x})");
  EXPECT_EQ(Expr("f'a{x!r:>10}b'"), "(f 'a' {x!r:(f '>10')} 'b')");
  EXPECT_EQ(Expr("f'{{a}}'"), "(f '{a}')");
  EXPECT_EQ(Expr("f''"), "(f)");
  EXPECT_EQ(Expr("f'{x:{w}.{p}}'"), "(f {x:(f {w} '.' {p})})");
  EXPECT_EQ(Expr("f'{x=}'"), "(f 'x=' {x!r})");
  EXPECT_EQ(Expr("f'{x = !s}'"), "(f 'x = ' {x!s})");
  EXPECT_EQ(Expr("f'{x=:>4}'"), "(f 'x=' {x:(f '>4')})");
  EXPECT_EQ(Expr("f'{a+b}' 'c' f'd'"), "(f {(+ a b)} 'cd')");
  EXPECT_EQ(Expr("f\"{'a' if x else 'b'}\""), "(f {(if x 'a' 'b')})");
  EXPECT_EQ(Expr("f'{x,y}'"), "(f {(tuple x y)})");
  EXPECT_EQ(Expr("f'{x!=y}'"), "(f {(cmp x != y)})");
  EXPECT_EQ(Expr("f'{f\"{x}\"}'"), "(f {(f {x})})");
  EXPECT_EQ(Expr("rf'\\d{x}'"), "(f '\\d' {x})");
  EXPECT_EQ(Expr("f'\\t{x}'"), "(f '\t' {x})");
}

TEST(ParserTest, FStringErrors) {
  EXPECT_EQ(Error("f'{x!z}'").msg,
            "f-string: invalid conversion character: expected 's', 'r', or 'a'");
  EXPECT_EQ(Error("f'{}'").msg, "f-string: empty expression not allowed");
  EXPECT_EQ(Error("f'{x'").msg, "f-string: expecting '}'");
  EXPECT_EQ(Error("f'}'").msg, "f-string: single '}' is not allowed");
  EXPECT_EQ(Error("f'{a b}'").msg, "f-string: invalid syntax. Perhaps you forgot a comma?");
  EXPECT_EQ(Error("f'{\\n}'").msg, "f-string expression part cannot include a backslash");
  EXPECT_EQ(Error("f'{#}'").msg, "f-string expression part cannot include '#'");
  EXPECT_EQ(Error("f'{x:{y:{z}}}'").msg, "f-string: expressions nested too deeply");
  EXPECT_EQ(Error("f'{!r}'").msg, "f-string: expression required before '!'");
  EXPECT_EQ(Error("f'{a)}'").msg, "f-string: unmatched ')'");
  SyntaxErrorInfo e = Error("f'{x!z}'");
  EXPECT_EQ(e.line, 1);
  EXPECT_EQ(e.col, 9);
}

TEST(ParserTest, MixingBytesAndStr) {
  SyntaxErrorInfo e = Error("u'x' b'y'");
  EXPECT_EQ(e.msg, "cannot mix bytes and nonbytes literals");
  EXPECT_EQ(e.col, 10);
}

// ---- Statements -----------------------------------------------------------------------------

TEST(ParserTest, Assignments) {
  EXPECT_EQ(ParseToString("a = b = 1"), "(= a! b! 1)");
  EXPECT_EQ(ParseToString("a, *b = c"), "(= (tuple a! *b!!)! c)");
  EXPECT_EQ(ParseToString("[a, (b, c)] = d"), "(= [list a! (tuple b! c!)!]! d)");
  EXPECT_EQ(ParseToString("a.b[c] = d"), "(= ([] (. a b) c)! d)");
  EXPECT_EQ(ParseToString("x += 1"), "(+= x! 1)");
  EXPECT_EQ(ParseToString("def f():\n  x //= yield\n  x = yield y"),
            "(def f (args) {(//= x! (yield _)); (= x! (yield y))})");
  EXPECT_EQ(ParseToString("x: int = 1"), "(ann x! int 1)");
  EXPECT_EQ(ParseToString("(x): int"), "(ann-complex x! int _)");
  EXPECT_EQ(ParseToString("a.b: int"), "(ann-complex (. a b)! int _)");
  EXPECT_EQ(ParseToString("del a, b[0], c.d"), "(del a~ ([] b 0)~ (. c d)~)");
  EXPECT_EQ(ParseToString("del (a, b)"), "(del (tuple a~ b~)~)");
  EXPECT_EQ(ParseToString("x = 1; y = 2;"), "(= x! 1)\n(= y! 2)");
}

TEST(ParserTest, CompoundStatements) {
  EXPECT_EQ(ParseToString("if a:\n  pass\nelif b:\n  pass\nelse:\n  x\n"),
            "(if a {pass} {(if b {pass} {x})})");
  EXPECT_EQ(ParseToString("while x:\n  break\nelse:\n  pass\n"), "(while x {break} {pass})");
  EXPECT_EQ(ParseToString("for a, b in c: continue\n"), "(for (tuple a! b!)! c {continue} {})");
  EXPECT_EQ(ParseToString("try:\n  a\nexcept (A, B) as e:\n  b\nexcept:\n  c\nelse:\n  d\n"
                          "finally:\n  f\n"),
            "(try {a} (except (tuple A B) as e {b}) (except _ {c}) {d} {f})");
  EXPECT_EQ(ParseToString("with a as b, c as (d, e):\n  pass\n"),
            "(with a as b! c as (tuple d! e!)! {pass})");
  EXPECT_EQ(ParseToString("with (a as b, c):\n  pass\n"), "(with a as b! c {pass})");
  EXPECT_EQ(ParseToString("with (a, b) as c:\n  pass\n"), "(with (tuple a b) as c! {pass})");
  EXPECT_EQ(ParseToString("raise X from Y"), "(raise X Y)");
  EXPECT_EQ(ParseToString("raise"), "(raise _ _)");
  EXPECT_EQ(ParseToString("assert x, 'm'"), "(assert x 'm')");
  EXPECT_EQ(ParseToString("import a.b.c as d, e"), "(import a.b.c as d e)");
  EXPECT_EQ(ParseToString("from . import (a, b as c,)"), "(from . import a b as c)");
  EXPECT_EQ(ParseToString("from ...m import *"), "(from ...m import *)");
  EXPECT_EQ(ParseToString("global a, b"), "(global a b)");
}

TEST(ParserTest, Definitions) {
  EXPECT_EQ(ParseToString("def f(a, /, b, *, c=1, **d) -> int:\n  return a\n"),
            "(def f (args a / b * c=1 **d) -> int {(return a)})");
  EXPECT_EQ(ParseToString("@d\n@e(1)\ndef f(x: int = 0, *a): pass\n"),
            "(def f (args x:int *a defaults 0) @ d (call e 1) {pass})");
  EXPECT_EQ(ParseToString("async def f():\n  await x\n  async for a in b: pass\n"
                          "  async with c: pass\n"),
            "(async-def f (args) {(await x); (async-for a! b {pass} {}); (async-with c {pass})})");
  EXPECT_EQ(ParseToString("class A(B, metaclass=M):\n  x = 1\n"),
            "(class A B metaclass=M {(= x! 1)})");
  EXPECT_EQ(ParseToString("def g():\n  yield from x\n  nonlocal_ = 1\n"),
            "(def g (args) {(yield-from x); (= nonlocal_! 1)})");
}

TEST(ParserTest, SoftKeywordsAreNames) {
  EXPECT_EQ(ParseToString("match = 1\ncase = match(x)\n_ = 2"),
            "(= match! 1)\n(= case! (call match x))\n(= _! 2)");
}

TEST(ParserTest, Modes) {
  EXPECT_EQ(ParseToString("1 + 2\n\n", ParseMode::kEval), "(+ 1 2)");
  EXPECT_EQ(Error("x = 1", ParseMode::kEval).msg, "invalid syntax");
  EXPECT_EQ(ParseToString("if x:\n  y\n", ParseMode::kSingle), "(if x {y} {})");
  EXPECT_EQ(ParseToString("a = 1; b = 2\n", ParseMode::kSingle), "(= a! 1)\n(= b! 2)");
  EXPECT_EQ(ParseToString("", ParseMode::kSingle), "");
  EXPECT_EQ(Error("a = 1\nb = 2\n", ParseMode::kSingle).msg,
            "multiple statements found while compiling a single statement");
}

// ---- Positions (checked against CPython 3.11's ast module) ---------------------------------

std::string PosString(const Pos& p) {
  return std::to_string(p.line) + ":" + std::to_string(p.col) + "-" +
         std::to_string(p.end_line) + ":" + std::to_string(p.end_col);
}

const Stmt& First(const Module& m) { return *m.body[0]; }

TEST(ParserTest, Positions) {
  SyntaxErrorInfo err;
  auto m = Parse("x = (1 << 31) - f(a)[b]\n", ParseMode::kFile, &err);
  ASSERT_TRUE(m);
  const Assign& a = As<Assign>(First(*m));
  EXPECT_EQ(PosString(a.pos), "1:0-1:23");
  const BinOp& b = As<BinOp>(*a.value);
  EXPECT_EQ(PosString(b.pos), "1:4-1:23");           // includes the parenthesis
  EXPECT_EQ(PosString(b.left->pos), "1:5-1:12");     // but the group itself does not
  EXPECT_EQ(PosString(b.right->pos), "1:16-1:23");

  m = Parse("if a:\n    x = 'é' + f(y for y in z)\nelse:\n    pass\n", ParseMode::kFile, &err);
  ASSERT_TRUE(m);
  const If& i = As<If>(First(*m));
  EXPECT_EQ(PosString(i.pos), "1:0-4:8");
  const Assign& inner = As<Assign>(*i.body[0]);
  const BinOp& plus = As<BinOp>(*inner.value);
  EXPECT_EQ(PosString(plus.left->pos), "2:8-2:12");  // columns are UTF-8 bytes
  const Call& call = As<Call>(*plus.right);
  EXPECT_EQ(PosString(call.args[0]->pos), "2:16-2:30");  // the genexp owns the call's parens

  m = Parse("def f(a: int = 1):\n  return a\n", ParseMode::kFile, &err);
  ASSERT_TRUE(m);
  const FunctionDef& f = As<FunctionDef>(First(*m));
  EXPECT_EQ(PosString(f.pos), "1:0-2:10");
  EXPECT_EQ(PosString(f.args.args[0].pos), "1:6-1:12");

  m = Parse("x = 1, 2,\n", ParseMode::kFile, &err);
  ASSERT_TRUE(m);
  EXPECT_EQ(PosString(As<Assign>(First(*m)).value->pos), "1:4-1:9");

  m = Parse("f'a{x!r:>{w}}b' 'c'\n", ParseMode::kFile, &err);
  ASSERT_TRUE(m);
  const JoinedStr& j = As<JoinedStr>(*As<ExprStmt>(First(*m)).value);
  EXPECT_EQ(PosString(j.pos), "1:0-1:19");
  const FormattedValue& fv = As<FormattedValue>(*j.values[1]);
  EXPECT_EQ(PosString(fv.value->pos), "1:4-1:5");
  const JoinedStr& spec = As<JoinedStr>(*fv.format_spec);
  EXPECT_EQ(PosString(spec.pos), "1:0-1:15");
  EXPECT_EQ(PosString(As<FormattedValue>(*spec.values[1]).value->pos), "1:10-1:11");

  m = Parse("import a.b as c\n", ParseMode::kFile, &err);
  ASSERT_TRUE(m);
  EXPECT_EQ(PosString(As<Import>(First(*m)).names[0].pos), "1:7-1:15");
}

// ---- Errors (messages and positions as CPython 3.11 reports them) -----------------------------

struct ErrorCase {
  std::string src;
  std::string type;
  std::string msg;
  int line;
  int col;
  int end_line;
  int end_col;
};

TEST(ParserTest, ErrorsMatchCPython) {
  const ErrorCase cases[] = {
      {"x = (1,\n", "SyntaxError", "'(' was never closed", 1, 5, 1, 0},
      {"x = 1)", "SyntaxError", "unmatched ')'", 1, 6, 1, 6},
      {"x = (1]", "SyntaxError", "closing parenthesis ']' does not match opening parenthesis '('",
       1, 7, 1, 7},
      {"if x\n  pass", "SyntaxError", "expected ':'", 1, 5, 1, 5},
      {"def f() pass", "SyntaxError", "expected ':'", 1, 9, 1, 13},
      {"'abc", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 1, 1, 1},
      {"'''abc\n\n", "SyntaxError",
       "unterminated triple-quoted string literal (detected at line 2)", 1, 1, 1, 1},
      {"1abc", "SyntaxError", "invalid decimal literal", 1, 1, 1, 1},
      {"if x:\npass", "IndentationError",
       "expected an indented block after 'if' statement on line 1", 2, 1, 2, 5},
      {"if x:\n", "IndentationError", "expected an indented block after 'if' statement on line 1",
       1, 6, 1, 0},
      {"def f():\n", "IndentationError",
       "expected an indented block after function definition on line 1", 1, 9, 1, 0},
      {"x\n  y", "IndentationError", "unexpected indent", 2, 2, 2, 0},
      {"\t if x:\n        pass", "IndentationError", "unexpected indent", 1, 2, 1, 0},
      {"if x:\n    a\n  b", "IndentationError",
       "unindent does not match any outer indentation level", 3, 4, 3, 0},
      {"return 1", "SyntaxError", "'return' outside function", 1, 1, 1, 9},
      {"class A: return 1", "SyntaxError", "'return' outside function", 1, 10, 1, 18},
      {"break", "SyntaxError", "'break' outside loop", 1, 1, 1, 6},
      {"for x in y: pass\nelse: break", "SyntaxError", "'break' outside loop", 2, 7, 2, 12},
      {"continue", "SyntaxError", "'continue' not properly in loop", 1, 1, 1, 9},
      {"f(a b)", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 3, 1, 6},
      {"[1 2]", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 2, 1, 5},
      {"a = 1; b c", "SyntaxError", "invalid syntax", 1, 10, 1, 11},
      {"print \"x\"", "SyntaxError",
       "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1, 1, 10},
      {"1 = x", "SyntaxError",
       "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1, 1, 2},
      {"f() = 1", "SyntaxError",
       "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1, 1, 4},
      {"x = 1 = y", "SyntaxError", "cannot assign to literal", 1, 5, 1, 6},
      {"[1] = 2", "SyntaxError", "cannot assign to literal", 1, 2, 1, 3},
      {"True = 1", "SyntaxError", "cannot assign to True", 1, 1, 1, 5},
      {"a < b = 1", "SyntaxError", "cannot assign to comparison", 1, 1, 1, 6},
      {"for f() in x: pass", "SyntaxError", "cannot assign to function call", 1, 5, 1, 8},
      {"with a as f(): pass", "SyntaxError", "cannot assign to function call", 1, 11, 1, 14},
      {"x = yield = 3", "SyntaxError", "assignment to yield expression not possible", 1, 5, 1,
       10},
      {"del f()", "SyntaxError", "cannot delete function call", 1, 5, 1, 8},
      {"del (a, f())", "SyntaxError", "cannot delete function call", 1, 9, 1, 12},
      {"x + 1 += 2", "SyntaxError", "'expression' is an illegal expression for augmented "
       "assignment", 1, 1, 1, 6},
      {"a, b += 1", "SyntaxError", "'tuple' is an illegal expression for augmented assignment",
       1, 1, 1, 5},
      {"a, b: int", "SyntaxError", "only single target (not tuple) can be annotated", 1, 1, 1,
       2},
      {"1: int", "SyntaxError", "illegal target for annotation", 1, 1, 1, 2},
      {"f(a=1, b)", "SyntaxError", "positional argument follows keyword argument", 1, 9, 1, 10},
      {"f(**a, b)", "SyntaxError", "positional argument follows keyword argument unpacking", 1,
       9, 1, 10},
      {"f(**a, *b)", "SyntaxError",
       "iterable argument unpacking follows keyword argument unpacking", 1, 8, 1, 9},
      {"f(x for x in y, 1)", "SyntaxError", "Generator expression must be parenthesized", 1, 3,
       1, 15},
      {"f(a.b=1)", "SyntaxError", "expression cannot contain assignment, perhaps you meant "
       "\"==\"?", 1, 3, 1, 7},
      {"def f(a=1, b): pass", "SyntaxError", "non-default argument follows default argument", 1,
       12, 1, 13},
      {"def f(x, x): pass", "SyntaxError", "duplicate argument 'x' in function definition", 1,
       10, 1, 11},
      {"def f(*): pass", "SyntaxError", "named arguments must follow bare *", 1, 7, 1, 8},
      {"def f(a, /, b, /): pass", "SyntaxError", "/ may appear only once", 1, 16, 1, 17},
      {"def f(*a=1): pass", "SyntaxError", "var-positional argument cannot have default value",
       1, 9, 1, 10},
      {"def f(**a, b): pass", "SyntaxError", "arguments cannot follow var-keyword argument", 1,
       12, 1, 13},
      {"if x = 1: pass", "SyntaxError",
       "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 4, 1, 9},
      {"x = 1 if 2", "SyntaxError", "expected 'else' after 'if' expression", 1, 5, 1, 11},
      {"a.b := 1", "SyntaxError", "cannot use assignment expressions with attribute", 1, 1, 1,
       4},
      {"x := 1", "SyntaxError", "invalid syntax", 1, 3, 1, 5},
      {"x = {1: 2, 3}", "SyntaxError", "':' expected after dictionary key", 1, 12, 1, 0},
      {"x = {1:}", "SyntaxError", "expression expected after dictionary key and ':'", 1, 7, 1,
       8},
      {"from x import a,", "SyntaxError",
       "trailing comma not allowed without surrounding parentheses", 1, 17, 1, 17},
      {"try:\n  pass\n", "SyntaxError", "expected 'except' or 'finally' block", 2, 7, 2, 0},
      {"x = 1\ny = = 2\nz = \"abc", "SyntaxError",
       "unterminated string literal (detected at line 3)", 3, 5, 3, 5},
      {"x = [1, 2\ny = 3", "SyntaxError", "'[' was never closed", 1, 5, 1, 0},
      {"x = = 2\nz = (", "SyntaxError", "invalid syntax", 1, 5, 1, 6},
      {"x = 1 \\", "SyntaxError", "unexpected EOF while parsing", 1, 8, 1, 0},
      {"nonlocal x", "SyntaxError", "nonlocal declaration not allowed at module level", 1, 1, 1,
       11},
      {"yield 1", "SyntaxError", "'yield' outside function", 1, 1, 1, 8},
      {"await x", "SyntaxError", "'await' outside function", 1, 1, 1, 8},
      {"def f(x):\n  global x", "SyntaxError", "name 'x' is parameter and global", 2, 3, 2, 11},
      {"x = *a", "SyntaxError", "can't use starred expression here", 1, 5, 1, 7},
      {"def f():\n    x = [(yield) for i in y]", "SyntaxError",
       "'yield' inside list comprehension", 2, 11, 2, 16},
      {"f(x=1, x=2)", "SyntaxError", "keyword argument repeated: x", 1, 8, 1, 11},
      {"x = a $ b", "SyntaxError", "invalid syntax", 1, 7, 1, 8},
      {"match x:\n case 1 as 2: pass", "SyntaxError", "invalid pattern target", 2, 12, 2, 13},
      {"match x:\n case C(a=1, b): pass", "SyntaxError", "positional patterns follow keyword patterns", 2, 14, 2, 15},
      {"try:\n  pass\nexcept* E:\n  pass", "SyntaxError", "except* is not supported by gilvm",
       3, 7, 3, 8},
  };
  for (const ErrorCase& c : cases) {
    SyntaxErrorInfo e = Error(c.src);
    EXPECT_EQ(e.type, c.type) << c.src;
    EXPECT_EQ(e.msg, c.msg) << c.src;
    EXPECT_EQ(e.line, c.line) << c.src;
    EXPECT_EQ(e.col, c.col) << c.src;
    EXPECT_EQ(e.end_line, c.end_line) << c.src;
    EXPECT_EQ(e.end_col, c.end_col) << c.src;
  }
}

TEST(ParserTest, ErrorText) {
  SyntaxErrorInfo e = Error("x = 1\ny = (1 2)\n");
  EXPECT_EQ(e.text, "y = (1 2)");
}

TEST(ParserTest, IncompleteFlag) {
  EXPECT_TRUE(Error("foo(", ParseMode::kSingle).incomplete);
  EXPECT_TRUE(Error("x = [1,\n 2,\n", ParseMode::kSingle).incomplete);
  EXPECT_TRUE(Error("if x:\n", ParseMode::kSingle).incomplete);
  EXPECT_TRUE(Error("def f():\n", ParseMode::kSingle).incomplete);
  EXPECT_TRUE(Error("s = '''abc\n", ParseMode::kSingle).incomplete);
  EXPECT_TRUE(Error("x = 1 + \\\n", ParseMode::kSingle).incomplete);
  EXPECT_FALSE(Error("x +\n", ParseMode::kSingle).incomplete);
  EXPECT_FALSE(Error("if x:\npass\n", ParseMode::kSingle).incomplete);
  EXPECT_FALSE(Error("x = )", ParseMode::kSingle).incomplete);
}

TEST(ParserTest, NestingLimits) {
  std::string deep = std::string(kMaxNesting, '(') + "1" + std::string(kMaxNesting, ')');
  EXPECT_EQ(Expr(deep), "1");
  std::string too_deep = "(" + deep + ")";
  EXPECT_EQ(Error(too_deep).msg, "too many nested parentheses");
  std::string lists = std::string(kMaxNesting, '[') + std::string(kMaxNesting, ']');
  SyntaxErrorInfo err;
  EXPECT_TRUE(Parse(lists, ParseMode::kEval, &err));
  // Long unary or lambda chains are bounded without relying on the stack.
  for (std::string_view unit : {"-", "not ", "lambda: ", "~", "+"}) {
    std::string s;
    for (int i = 0; i < 100000; ++i) s += unit;
    s += "x";
    SyntaxErrorInfo e = Error(s);
    EXPECT_EQ(e.type, "RecursionError") << unit;
  }
  std::string chain = "x";
  for (int i = 0; i < 100000; ++i) chain += " + x";
  EXPECT_EQ(Error(chain).type, "RecursionError");
  std::string ok_chain = "x";
  for (int i = 0; i < 1000; ++i) ok_chain += ".a";
  EXPECT_TRUE(Parse(ok_chain, ParseMode::kFile, &err));
}

TEST(ParserTest, StaticallyNestedBlocks) {
  std::string src;
  for (int i = 0; i < 21; ++i) src += std::string(i, ' ') + "while x:\n";
  src += std::string(21, ' ') + "pass\n";
  EXPECT_EQ(Error(src).msg, "too many statically nested blocks");
}

TEST(ParserTest, BadBytesAreErrors) {
  for (std::string_view s : {std::string_view("x = \0", 5), std::string_view("\xff"),
                             std::string_view("'\xc3('"), std::string_view("\x7f")}) {
    SyntaxErrorInfo e = Error(s);
    EXPECT_FALSE(e.msg.empty());
  }
}

TEST(ParserTest, RandomInputNeverCrashes) {
  static const char* const kFragments[] = {
      "(", ")", "[", "]", "{", "}", ":", "\n", "    ", "\t", "'", "\"", "'''", "f'", "{x}",
      "\\", "#", "if ", "else", "lambda", "*", "**", ",", "=", ":=", "0x", "1e", ".",
      "yield", "def f(", "class ", "@", "not ", "async ", "await ", "\xff", "\xc3", "\r",
      "j", "_", "import", "from", " as ", "for ", " in ", "!r", ":>", "}}", "{{", "x", "1"};
  std::mt19937 rng(42);
  int errors = 0;
  for (int it = 0; it < 3000; ++it) {
    std::string s;
    int len = rng() % 60;
    for (int k = 0; k < len; ++k) {
      if (rng() % 4 == 0) {
        s += static_cast<char>(rng() % 256);
      } else {
        s += kFragments[rng() % (sizeof kFragments / sizeof *kFragments)];
      }
    }
    for (ParseMode mode : {ParseMode::kFile, ParseMode::kEval, ParseMode::kSingle}) {
      SyntaxErrorInfo err;
      if (!Parse(s, mode, &err)) {
        ++errors;
        EXPECT_FALSE(err.msg.empty()) << s;
        EXPECT_GE(err.line, 0);
      }
    }
  }
  EXPECT_GT(errors, 0);
}

}  // namespace
}  // namespace gilvm::compiler
