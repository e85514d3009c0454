// The abstract syntax tree: what the parser produces and the code generator consumes.
//
// Invariants:
//  - Every node carries its source span (`Pos`): 1-based lines, 0-based columns counted in UTF-8
//    bytes, end exclusive, exactly as CPython's ast module reports them. Tracebacks and the
//    disassembler rely on these spans.
//  - A parent owns its children (`std::unique_ptr`); the tree is freed with its root `Module`.
//  - The tree holds plain C++ values only (no VM objects), so the parser runs without an
//    interpreter and can be fuzzed on its own.
//  - Node kinds mirror CPython's `ast` names so that a reader who knows one knows the other.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace gilvm::compiler {

struct Pos {
  int line = 0;
  int col = 0;
  int end_line = 0;
  int end_col = 0;
};

// ---------------------------------------------------------------------------------------------
// Expressions
// ---------------------------------------------------------------------------------------------

enum class ExprKind : uint8_t {
  kName,       // id
  kConstant,   // None/True/False/int/float/str/bytes/Ellipsis
  kBinOp,      // left op right
  kUnaryOp,    // op operand
  kBoolOp,     // a and b and c / a or b
  kCompare,    // a < b <= c
  kIfExp,      // body if test else orelse
  kLambda,
  kCall,
  kAttribute,  // value.attr
  kSubscript,  // value[slice]
  kSlice,      // lower:upper:step (only inside a subscript)
  kTuple,
  kList,
  kDict,
  kSet,
  kStarred,    // *value (in displays, calls, assignment targets)
  kListComp,
  kSetComp,
  kDictComp,
  kGeneratorExp,
  kJoinedStr,       // f-string: values are Constant(str) and FormattedValue
  kFormattedValue,  // {value!conv:format_spec}
  kNamedExpr,       // target := value
  kYield,
  kYieldFrom,
  kAwait,
};

enum class Operator : uint8_t {
  kAdd, kSub, kMult, kMatMult, kDiv, kMod, kPow, kLShift, kRShift, kBitOr, kBitXor, kBitAnd,
  kFloorDiv,
};
enum class UnaryOperator : uint8_t { kInvert, kNot, kUAdd, kUSub };
enum class BoolOperator : uint8_t { kAnd, kOr };
enum class CmpOperator : uint8_t { kEq, kNotEq, kLt, kLtE, kGt, kGtE, kIs, kIsNot, kIn, kNotIn };
enum class ExprContext : uint8_t { kLoad, kStore, kDel };

struct Expr {
  explicit Expr(ExprKind k, Pos p) : kind(k), pos(p) {}
  virtual ~Expr() = default;
  ExprKind kind;
  Pos pos;
};
using ExprPtr = std::unique_ptr<Expr>;
using ExprList = std::vector<ExprPtr>;

struct Stmt;
using StmtPtr = std::unique_ptr<Stmt>;
using StmtList = std::vector<StmtPtr>;

struct Name : Expr {
  Name(Pos p, std::string id, ExprContext c) : Expr(ExprKind::kName, p), id(std::move(id)), ctx(c) {}
  std::string id;
  ExprContext ctx;
};

struct Constant : Expr {
  enum class Type : uint8_t { kNone, kTrue, kFalse, kEllipsis, kInt, kBigInt, kFloat, kImag, kStr, kBytes };
  Constant(Pos p, Type t) : Expr(ExprKind::kConstant, p), type(t) {}
  Type type;
  int64_t i = 0;     // kInt
  double f = 0;      // kFloat, kImag
  std::string s;     // kStr and kBytes (UTF-8 / raw bytes); kBigInt: the decimal digits
};

struct BinOp : Expr {
  BinOp(Pos p, ExprPtr l, Operator o, ExprPtr r)
      : Expr(ExprKind::kBinOp, p), left(std::move(l)), op(o), right(std::move(r)) {}
  ExprPtr left;
  Operator op;
  ExprPtr right;
};

struct UnaryOp : Expr {
  UnaryOp(Pos p, UnaryOperator o, ExprPtr e) : Expr(ExprKind::kUnaryOp, p), op(o), operand(std::move(e)) {}
  UnaryOperator op;
  ExprPtr operand;
};

struct BoolOp : Expr {
  BoolOp(Pos p, BoolOperator o) : Expr(ExprKind::kBoolOp, p), op(o) {}
  BoolOperator op;
  ExprList values;  // two or more
};

struct Compare : Expr {
  Compare(Pos p, ExprPtr l) : Expr(ExprKind::kCompare, p), left(std::move(l)) {}
  ExprPtr left;
  std::vector<CmpOperator> ops;
  ExprList comparators;  // same length as ops
};

struct IfExp : Expr {
  IfExp(Pos p) : Expr(ExprKind::kIfExp, p) {}
  ExprPtr test, body, orelse;
};

// Function parameters: posonly, args, *vararg, kwonly, **kwarg, with defaults.
struct Arg {
  std::string name;
  Pos pos;
  ExprPtr annotation;  // may be null; evaluated and ignored
};
struct Arguments {
  std::vector<Arg> posonlyargs;
  std::vector<Arg> args;
  std::unique_ptr<Arg> vararg;  // null if absent
  std::vector<Arg> kwonlyargs;
  ExprList kw_defaults;         // same length as kwonlyargs; null entries have no default
  std::unique_ptr<Arg> kwarg;   // null if absent
  ExprList defaults;            // for the last len(defaults) of posonlyargs+args
};

struct Lambda : Expr {
  Lambda(Pos p) : Expr(ExprKind::kLambda, p) {}
  Arguments args;
  ExprPtr body;
};

struct Keyword {
  std::string arg;  // empty for **kwargs
  ExprPtr value;
  Pos pos;
};

struct Call : Expr {
  Call(Pos p, ExprPtr f) : Expr(ExprKind::kCall, p), func(std::move(f)) {}
  ExprPtr func;
  ExprList args;  // may contain Starred
  std::vector<Keyword> keywords;
};

struct Attribute : Expr {
  Attribute(Pos p, ExprPtr v, std::string a, ExprContext c)
      : Expr(ExprKind::kAttribute, p), value(std::move(v)), attr(std::move(a)), ctx(c) {}
  ExprPtr value;
  std::string attr;
  ExprContext ctx;
};

struct Subscript : Expr {
  Subscript(Pos p, ExprPtr v, ExprPtr s, ExprContext c)
      : Expr(ExprKind::kSubscript, p), value(std::move(v)), slice(std::move(s)), ctx(c) {}
  ExprPtr value;
  ExprPtr slice;
  ExprContext ctx;
};

struct Slice : Expr {
  Slice(Pos p) : Expr(ExprKind::kSlice, p) {}
  ExprPtr lower, upper, step;  // each may be null
};

// Tuple, List and Set share one shape.
struct Sequence : Expr {
  Sequence(ExprKind k, Pos p, ExprContext c = ExprContext::kLoad) : Expr(k, p), ctx(c) {}
  ExprList elts;
  ExprContext ctx;
};

struct Dict : Expr {
  Dict(Pos p) : Expr(ExprKind::kDict, p) {}
  ExprList keys;    // a null key means `**values[i]`
  ExprList values;
};

struct Starred : Expr {
  Starred(Pos p, ExprPtr v, ExprContext c) : Expr(ExprKind::kStarred, p), value(std::move(v)), ctx(c) {}
  ExprPtr value;
  ExprContext ctx;
};

struct Comprehension {
  ExprPtr target;
  ExprPtr iter;
  ExprList ifs;
  bool is_async = false;
};

// ListComp, SetComp, GeneratorExp use `elt`; DictComp uses `key` and `value`.
struct Comp : Expr {
  Comp(ExprKind k, Pos p) : Expr(k, p) {}
  ExprPtr elt;
  ExprPtr key, value;
  std::vector<Comprehension> generators;
};

struct JoinedStr : Expr {
  JoinedStr(Pos p) : Expr(ExprKind::kJoinedStr, p) {}
  ExprList values;
};

struct FormattedValue : Expr {
  FormattedValue(Pos p) : Expr(ExprKind::kFormattedValue, p) {}
  ExprPtr value;
  char conversion = 0;   // 0, 's', 'r' or 'a'
  ExprPtr format_spec;   // a JoinedStr or null
};

struct NamedExpr : Expr {
  NamedExpr(Pos p) : Expr(ExprKind::kNamedExpr, p) {}
  ExprPtr target;  // a Name
  ExprPtr value;
};

// Yield, YieldFrom, Await share one shape; `value` may be null for a bare `yield`.
struct YieldLike : Expr {
  YieldLike(ExprKind k, Pos p) : Expr(k, p) {}
  ExprPtr value;
};

// ---------------------------------------------------------------------------------------------
// Statements
// ---------------------------------------------------------------------------------------------

enum class StmtKind : uint8_t {
  kExpr, kAssign, kAugAssign, kAnnAssign, kIf, kWhile, kFor, kBreak, kContinue, kPass,
  kFunctionDef, kClassDef, kReturn, kGlobal, kNonlocal, kTry, kRaise, kAssert, kDelete,
  kImport, kImportFrom, kWith, kMatch,
};

struct Stmt {
  explicit Stmt(StmtKind k, Pos p) : kind(k), pos(p) {}
  virtual ~Stmt() = default;
  StmtKind kind;
  Pos pos;
};

struct ExprStmt : Stmt {
  ExprStmt(Pos p, ExprPtr v) : Stmt(StmtKind::kExpr, p), value(std::move(v)) {}
  ExprPtr value;
};

struct Assign : Stmt {
  Assign(Pos p) : Stmt(StmtKind::kAssign, p) {}
  ExprList targets;  // a = b = value has two targets
  ExprPtr value;
};

struct AugAssign : Stmt {
  AugAssign(Pos p) : Stmt(StmtKind::kAugAssign, p) {}
  ExprPtr target;
  Operator op;
  ExprPtr value;
};

struct AnnAssign : Stmt {
  AnnAssign(Pos p) : Stmt(StmtKind::kAnnAssign, p) {}
  ExprPtr target;
  ExprPtr annotation;
  ExprPtr value;  // may be null
  bool simple = false;
};

struct If : Stmt {
  If(Pos p) : Stmt(StmtKind::kIf, p) {}
  ExprPtr test;
  StmtList body, orelse;
};

struct While : Stmt {
  While(Pos p) : Stmt(StmtKind::kWhile, p) {}
  ExprPtr test;
  StmtList body, orelse;
};

struct For : Stmt {
  For(Pos p) : Stmt(StmtKind::kFor, p) {}
  ExprPtr target, iter;
  StmtList body, orelse;
  bool is_async = false;
};

// Break, Continue and Pass carry nothing but their kind.
struct SimpleStmt : Stmt {
  SimpleStmt(StmtKind k, Pos p) : Stmt(k, p) {}
};

struct FunctionDef : Stmt {
  FunctionDef(Pos p) : Stmt(StmtKind::kFunctionDef, p) {}
  std::string name;
  Arguments args;
  StmtList body;
  ExprList decorator_list;
  ExprPtr returns;  // may be null
  bool is_async = false;
};

struct ClassDef : Stmt {
  ClassDef(Pos p) : Stmt(StmtKind::kClassDef, p) {}
  std::string name;
  ExprList bases;
  std::vector<Keyword> keywords;
  StmtList body;
  ExprList decorator_list;
};

struct Return : Stmt {
  Return(Pos p, ExprPtr v) : Stmt(StmtKind::kReturn, p), value(std::move(v)) {}
  ExprPtr value;  // may be null
};

// Global and Nonlocal.
struct NameListStmt : Stmt {
  NameListStmt(StmtKind k, Pos p) : Stmt(k, p) {}
  std::vector<std::string> names;
};

struct ExceptHandler {
  Pos pos;
  ExprPtr type;      // may be null for a bare `except:`
  std::string name;  // empty if no `as`
  StmtList body;
};

struct Try : Stmt {
  Try(Pos p) : Stmt(StmtKind::kTry, p) {}
  StmtList body;
  std::vector<ExceptHandler> handlers;
  StmtList orelse, finalbody;
};

struct Raise : Stmt {
  Raise(Pos p) : Stmt(StmtKind::kRaise, p) {}
  ExprPtr exc;    // may be null
  ExprPtr cause;  // may be null
};

struct Assert : Stmt {
  Assert(Pos p) : Stmt(StmtKind::kAssert, p) {}
  ExprPtr test;
  ExprPtr msg;  // may be null
};

struct Delete : Stmt {
  Delete(Pos p) : Stmt(StmtKind::kDelete, p) {}
  ExprList targets;
};

struct Alias {
  std::string name;    // dotted for Import; "*" for `from m import *`
  std::string asname;  // empty if absent
  Pos pos;
};

struct Import : Stmt {
  Import(Pos p) : Stmt(StmtKind::kImport, p) {}
  std::vector<Alias> names;
};

struct ImportFrom : Stmt {
  ImportFrom(Pos p) : Stmt(StmtKind::kImportFrom, p) {}
  std::string module;  // may be empty for `from . import x`
  std::vector<Alias> names;
  int level = 0;
};

struct WithItem {
  ExprPtr context_expr;
  ExprPtr optional_vars;  // may be null
};

struct With : Stmt {
  With(Pos p) : Stmt(StmtKind::kWith, p) {}
  std::vector<WithItem> items;
  StmtList body;
  bool is_async = false;
};

// ---- match statements (PEP 634) ----------------------------------------------------------------

enum class PatternKind : uint8_t {
  kValue,      // a literal or a dotted name, compared with ==
  kSingleton,  // None, True or False, compared with `is`
  kSequence,   // [p, *rest, q] or (p, q)
  kMapping,    // {key: p, **rest}
  kClass,      // Cls(p, attr=q)
  kStar,       // *name or *_ (only inside a sequence pattern)
  kAs,         // p as name; a bare capture (no pattern); the wildcard _ (neither)
  kOr,         // p | q
};

struct Pattern {
  explicit Pattern(PatternKind k, Pos p) : kind(k), pos(p) {}
  virtual ~Pattern() = default;
  PatternKind kind;
  Pos pos;
};
using PatternPtr = std::unique_ptr<Pattern>;
using PatternList = std::vector<PatternPtr>;

struct MatchValue : Pattern {
  MatchValue(Pos p, ExprPtr v) : Pattern(PatternKind::kValue, p), value(std::move(v)) {}
  ExprPtr value;
};

struct MatchSingleton : Pattern {
  MatchSingleton(Pos p, Constant::Type v) : Pattern(PatternKind::kSingleton, p), value(v) {}
  Constant::Type value;  // kNone, kTrue or kFalse
};

struct MatchSequence : Pattern {
  explicit MatchSequence(Pos p) : Pattern(PatternKind::kSequence, p) {}
  PatternList patterns;
};

struct MatchMapping : Pattern {
  explicit MatchMapping(Pos p) : Pattern(PatternKind::kMapping, p) {}
  ExprList keys;         // literals or dotted names
  PatternList patterns;  // same length as keys
  std::string rest;      // the name after **, or empty
};

struct MatchClass : Pattern {
  explicit MatchClass(Pos p) : Pattern(PatternKind::kClass, p) {}
  ExprPtr cls;  // a name or a dotted name
  PatternList patterns;
  std::vector<std::string> kwd_attrs;
  PatternList kwd_patterns;  // same length as kwd_attrs
};

struct MatchStar : Pattern {
  MatchStar(Pos p, std::string n) : Pattern(PatternKind::kStar, p), name(std::move(n)) {}
  std::string name;  // empty for *_
};

struct MatchAs : Pattern {
  explicit MatchAs(Pos p) : Pattern(PatternKind::kAs, p) {}
  PatternPtr pattern;  // null for a bare capture or the wildcard
  std::string name;    // empty for the wildcard
};

struct MatchOr : Pattern {
  explicit MatchOr(Pos p) : Pattern(PatternKind::kOr, p) {}
  PatternList patterns;  // two or more
};

struct MatchCase {
  PatternPtr pattern;
  ExprPtr guard;  // may be null
  StmtList body;
};

struct Match : Stmt {
  Match(Pos p) : Stmt(StmtKind::kMatch, p) {}
  ExprPtr subject;
  std::vector<MatchCase> cases;
};

struct Module {
  StmtList body;
};

// Downcast helpers: `As<BinOp>(expr)` after checking `expr.kind`.
template <typename T, typename N>
T& As(N& node) { return static_cast<T&>(node); }
template <typename T, typename N>
const T& As(const N& node) { return static_cast<const T&>(node); }

}  // namespace gilvm::compiler
