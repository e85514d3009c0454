// A recursive-descent parser for Python 3.11, producing compiler/ast.h nodes.
//
// Structure: the lexer tokenizes the whole input first (stopping at its first error); the
// parser walks the token vector with one or two tokens of lookahead and precedence climbing for
// binary operators. Syntax errors unwind to Parse() with a C++ exception that never escapes it.
// Errors CPython raises only after parsing (in its symbol table or compiler, e.g. "'return'
// outside function") are recorded while parsing and reported only if the parse succeeds.
#include <algorithm>
#include <cstring>
#include <optional>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "compiler/lexer.h"
#include "compiler/parser.h"

namespace gilvm::compiler {
namespace {

using TK = TokenKind;

// Recursion units (roughly one per nested expression or block) before we give up. Brackets
// are capped at kMaxNesting by the lexer already; this bounds the other recursive forms
// (`- - - x`, `not not x`, lambda chains) and the depth of the tree we hand on.
constexpr int kMaxDepth = 1000;
// Longest left-nested chain (`a + b + ...`, `a.b.c...`) on top of that, like CPython's
// compiler recursion limit.
constexpr int kMaxChain = 3 * kMaxDepth;
constexpr int kMaxStaticBlocks = 20;  // CPython's CO_MAXBLOCKS

struct ParseFailure {
  SyntaxErrorInfo info;
  bool from_lexer = false;
  // "unexpected indent"/"unexpected unindent": CPython reports these without first looking
  // for a tokenizer error further on.
  bool final = false;
};

class SourceLines {
 public:
  explicit SourceLines(std::string_view src) : src_(src) {
    starts_.push_back(0);
    for (size_t i = 0; i < src.size(); ++i) {
      if (src[i] == '\n' || (src[i] == '\r' && (i + 1 >= src.size() || src[i + 1] != '\n'))) {
        starts_.push_back(i + 1);
      }
    }
  }
  std::string_view Line(int line) const {
    if (line < 1 || line > static_cast<int>(starts_.size())) return {};
    size_t s = starts_[line - 1];
    if (line == 1 && src_.substr(0, 3) == "\xEF\xBB\xBF") s = 3;
    size_t e = s;
    while (e < src_.size() && src_[e] != '\n' && src_[e] != '\r') ++e;
    return src_.substr(s, e - s);
  }

 private:
  std::string_view src_;
  std::vector<size_t> starts_;
};

// CPython's _PyPegen_get_expr_name: how messages name an expression.
const char* ExprName(const Expr& e) {
  switch (e.kind) {
    case ExprKind::kName: return "name";
    case ExprKind::kConstant:
      switch (As<Constant>(e).type) {
        case Constant::Type::kNone: return "None";
        case Constant::Type::kTrue: return "True";
        case Constant::Type::kFalse: return "False";
        case Constant::Type::kEllipsis: return "ellipsis";
        default: return "literal";
      }
    case ExprKind::kBinOp:
    case ExprKind::kUnaryOp:
    case ExprKind::kBoolOp: return "expression";
    case ExprKind::kCompare: return "comparison";
    case ExprKind::kIfExp: return "conditional expression";
    case ExprKind::kLambda: return "lambda";
    case ExprKind::kCall: return "function call";
    case ExprKind::kAttribute: return "attribute";
    case ExprKind::kSubscript: return "subscript";
    case ExprKind::kSlice: return "slice";
    case ExprKind::kTuple: return "tuple";
    case ExprKind::kList: return "list";
    case ExprKind::kDict: return "dict literal";
    case ExprKind::kSet: return "set display";
    case ExprKind::kStarred: return "starred";
    case ExprKind::kListComp: return "list comprehension";
    case ExprKind::kSetComp: return "set comprehension";
    case ExprKind::kDictComp: return "dict comprehension";
    case ExprKind::kGeneratorExp: return "generator expression";
    case ExprKind::kJoinedStr:
    case ExprKind::kFormattedValue: return "f-string expression";
    case ExprKind::kNamedExpr: return "named expression";
    case ExprKind::kYield:
    case ExprKind::kYieldFrom: return "yield expression";
    case ExprKind::kAwait: return "await expression";
  }
  return "expression";
}

enum class TargetKind { kStar, kDel, kFor };  // CPython's TARGETS_TYPE

// CPython's _PyPegen_get_invalid_target: the first sub-expression that cannot be a target.
const Expr* InvalidTarget(const Expr& e, TargetKind kind) {
  switch (e.kind) {
    case ExprKind::kList:
    case ExprKind::kTuple:
      for (const ExprPtr& elt : As<Sequence>(e).elts) {
        if (const Expr* bad = InvalidTarget(*elt, kind)) return bad;
      }
      return nullptr;
    case ExprKind::kStarred:
      if (kind == TargetKind::kDel) return &e;
      return InvalidTarget(*As<Starred>(e).value, kind);
    case ExprKind::kCompare:
      // `for x in y in z`: the comparison was really `target in iter`.
      if (kind == TargetKind::kFor && As<Compare>(e).ops[0] == CmpOperator::kIn) {
        return InvalidTarget(*As<Compare>(e).left, kind);
      }
      return &e;
    case ExprKind::kName:
    case ExprKind::kSubscript:
    case ExprKind::kAttribute: return nullptr;
    default: return &e;
  }
}

void SetContext(Expr& e, ExprContext ctx) {
  switch (e.kind) {
    case ExprKind::kName: As<Name>(e).ctx = ctx; break;
    case ExprKind::kAttribute: As<Attribute>(e).ctx = ctx; break;
    case ExprKind::kSubscript: As<Subscript>(e).ctx = ctx; break;
    case ExprKind::kStarred:
      As<Starred>(e).ctx = ctx;
      SetContext(*As<Starred>(e).value, ctx);
      break;
    case ExprKind::kList:
    case ExprKind::kTuple:
      As<Sequence>(e).ctx = ctx;
      for (ExprPtr& elt : As<Sequence>(e).elts) SetContext(*elt, ctx);
      break;
    default: break;
  }
}

std::optional<Operator> AugOperator(TK k) {
  switch (k) {
    case TK::kPlusEqual: return Operator::kAdd;
    case TK::kMinusEqual: return Operator::kSub;
    case TK::kStarEqual: return Operator::kMult;
    case TK::kAtEqual: return Operator::kMatMult;
    case TK::kSlashEqual: return Operator::kDiv;
    case TK::kPercentEqual: return Operator::kMod;
    case TK::kAmperEqual: return Operator::kBitAnd;
    case TK::kVBarEqual: return Operator::kBitOr;
    case TK::kCircumflexEqual: return Operator::kBitXor;
    case TK::kLeftShiftEqual: return Operator::kLShift;
    case TK::kRightShiftEqual: return Operator::kRShift;
    case TK::kDoubleStarEqual: return Operator::kPow;
    case TK::kDoubleSlashEqual: return Operator::kFloorDiv;
    default: return std::nullopt;
  }
}

// Binary operators below the unary level, with their precedence (higher binds tighter).
struct BinaryInfo {
  Operator op;
  int prec;
};
std::optional<BinaryInfo> BinaryOperator(TK k) {
  switch (k) {
    case TK::kVBar: return BinaryInfo{Operator::kBitOr, 1};
    case TK::kCircumflex: return BinaryInfo{Operator::kBitXor, 2};
    case TK::kAmper: return BinaryInfo{Operator::kBitAnd, 3};
    case TK::kLeftShift: return BinaryInfo{Operator::kLShift, 4};
    case TK::kRightShift: return BinaryInfo{Operator::kRShift, 4};
    case TK::kPlus: return BinaryInfo{Operator::kAdd, 5};
    case TK::kMinus: return BinaryInfo{Operator::kSub, 5};
    case TK::kStar: return BinaryInfo{Operator::kMult, 6};
    case TK::kSlash: return BinaryInfo{Operator::kDiv, 6};
    case TK::kDoubleSlash: return BinaryInfo{Operator::kFloorDiv, 6};
    case TK::kPercent: return BinaryInfo{Operator::kMod, 6};
    case TK::kAt: return BinaryInfo{Operator::kMatMult, 6};
    default: return std::nullopt;
  }
}

// Tokens that can begin an expression (used to diagnose two expressions side by side).
bool StartsExpression(TK k) {
  switch (k) {
    case TK::kName: case TK::kNumber: case TK::kString: case TK::kLPar: case TK::kLSqb:
    case TK::kLBrace: case TK::kMinus: case TK::kPlus: case TK::kTilde: case TK::kNot:
    case TK::kLambda: case TK::kAwait: case TK::kNone: case TK::kTrue: case TK::kFalse:
    case TK::kEllipsis:
      return true;
    default:
      return false;
  }
}

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// The pieces of a JoinedStr under construction: adjacent text is merged, empty text dropped.
// Like CPython 3.11, text flushed before a field gets `pos`, and trailing text `final_pos`
// (these differ inside a format spec).
class JoinedBuilder {
 public:
  JoinedBuilder(Pos pos, Pos final_pos) : pos_(pos), final_pos_(final_pos) {}
  void AddText(std::string_view s) { text_ += s; }
  void AddExpr(ExprPtr e) {
    FlushText(pos_);
    values_.push_back(std::move(e));
  }
  ExprList Finish() {
    FlushText(final_pos_);
    return std::move(values_);
  }

 private:
  void FlushText(const Pos& pos) {
    if (text_.empty()) return;
    auto c = std::make_unique<Constant>(pos, Constant::Type::kStr);
    c->s = std::move(text_);
    text_.clear();
    values_.push_back(std::move(c));
  }
  Pos pos_;
  Pos final_pos_;
  std::string text_;
  ExprList values_;
};

// What a function body or loop body allows; saved and restored around nested scopes.
struct Scope {
  bool in_function = false;
  bool is_async = false;
  bool in_loop = false;
  const char* comprehension = nullptr;  // "list comprehension", ... while inside one
  int static_blocks = 0;
  std::vector<std::string>* params = nullptr;  // the enclosing function's parameter names
};

// One token stream: the file's, or an f-string field's while it is being parsed.
struct TokenStream {
  std::vector<Token> tokens;
  size_t error_index = SIZE_MAX;  // tokens at or after this index are the lexer's error
  std::optional<SyntaxErrorInfo> lex_error;
  std::optional<OpenBracket> unclosed;
  const SourceLines* lines = nullptr;
  bool fstring = false;  // an f-string field: messages get "f-string: " and local columns
  int first_line = 1;    // where the field's first line sits in the file
  int col_shift = 0;     // how far its first line's columns were shifted
  size_t furthest = 0;   // the furthest token looked at (CPython's error line for brackets)
};

class Parser {
 public:
  Parser(const SourceLines* lines, LexResult lex, ParseMode mode) : mode_(mode) {
    Install(&stream_, lines, std::move(lex));
  }

  std::unique_ptr<Module> Run() {
    auto module = std::make_unique<Module>();
    if (mode_ == ParseMode::kEval) {
      module->body.push_back(ParseEvalInput());
    } else if (mode_ == ParseMode::kSingle) {
      ParseSingleInput(&module->body);
    } else {
      while (!At(TK::kEndMarker)) ParseStatement(&module->body);
    }
    if (symtable_error_) Throw(std::move(*symtable_error_));
    if (compile_error_) Throw(std::move(*compile_error_));
    return module;
  }

  // Whether the parser failed on the end of the input: nothing but the DEDENTs and the end
  // marker the lexer adds there lies from the furthest token it looked at on.
  bool FailedAtEnd() const {
    if (stream_.lex_error) return false;
    for (size_t i = stream_.furthest; i < stream_.tokens.size(); ++i) {
      TK k = stream_.tokens[i].kind;
      if (k != TK::kDedent && k != TK::kEndMarker) return false;
    }
    return true;
  }

  // After a parser error, a tokenizer error further on wins (CPython tokenizes the rest of the
  // input to look for one), and so does an unclosed bracket opened before the error line.
  SyntaxErrorInfo PreferLexerError(ParseFailure failure) const {
    if (failure.from_lexer || failure.final || !stream_.lex_error) {
      return std::move(failure.info);
    }
    int furthest_line = stream_.tokens[stream_.furthest].line;
    if (!stream_.unclosed || stream_.unclosed->line < furthest_line) {
      return *stream_.lex_error;
    }
    return std::move(failure.info);
  }

 private:
  static void Install(TokenStream* s, const SourceLines* lines, LexResult lex) {
    s->tokens = std::move(lex.tokens);
    s->lines = lines;
    s->unclosed = lex.unclosed;
    if (lex.error) {
      s->lex_error = std::move(lex.error);
      s->error_index = s->tokens.size();
      Token sentinel;
      if (!s->tokens.empty()) {
        sentinel.line = sentinel.end_line = s->tokens.back().end_line;
        sentinel.col = sentinel.end_col = s->tokens.back().end_col;
      }
      s->tokens.push_back(sentinel);
    } else if (s->tokens.empty()) {
      s->tokens.push_back(Token{});
    }
  }

  // ---- Token access -------------------------------------------------------------------------

  const Token& TokenAt(size_t i) {
    i = std::min(i, stream_.tokens.size() - 1);
    stream_.furthest = std::max(stream_.furthest, std::min(i, stream_.error_index - 1));
    if (i >= stream_.error_index) {
      ParseFailure f{*stream_.lex_error, true};
      throw f;
    }
    return stream_.tokens[i];
  }
  const Token& Cur() { return TokenAt(i_); }
  const Token& Ahead(size_t n) { return TokenAt(i_ + n); }
  TK Kind() { return Cur().kind; }
  bool At(TK k) { return Kind() == k; }
  const Token& Prev() const { return stream_.tokens[i_ - 1]; }
  const Token& Advance() {
    const Token& t = Cur();
    if (t.kind != TK::kEndMarker) ++i_;
    return t;
  }
  bool Accept(TK k) {
    if (!At(k)) return false;
    Advance();
    return true;
  }
  const Token& Expect(TK k) {
    if (!At(k)) InvalidSyntax();
    return Advance();
  }
  // A block header's ':'; CPython says "expected ':'" when the line ends instead, and after
  // `def`, `try`, `else` and `finally` (where its grammar forces the token) whatever follows.
  void ExpectColon(bool forced = false) {
    if (At(TK::kNewline) || (forced && !At(TK::kColon))) FailAtToken(Cur(), "expected ':'");
    Expect(TK::kColon);
  }
  std::string_view ExpectName() { return Expect(TK::kName).text; }

  Pos PosFrom(const Token& start) const {
    const Token& end = Prev();
    return {start.line, start.col, end.end_line, end.end_col};
  }
  Pos PosFrom(const Pos& start) const {
    const Token& end = Prev();
    return {start.line, start.col, end.end_line, end.end_col};
  }

  // ---- Errors ---------------------------------------------------------------------------------

  [[noreturn]] static void Throw(SyntaxErrorInfo info) {
    ParseFailure f{std::move(info), false};
    throw f;
  }

  // Byte positions to CPython's 1-based character offsets; end_col < 0 means unknown.
  SyntaxErrorInfo MakeError(std::string msg, int line, int col, int end_line, int end_col,
                            bool col_is_offset = false) const {
    SyntaxErrorInfo e;
    int local_line = line - stream_.first_line + 1;
    auto local_col = [&](int l, int c) { return l == 1 ? c - stream_.col_shift : c; };
    std::string_view text = stream_.lines->Line(local_line);
    e.msg = stream_.fstring ? absl::StrCat("f-string: ", msg) : std::move(msg);
    e.line = line;
    e.col = CharOffset(text, std::max(0, local_col(local_line, col))) + (col_is_offset ? 0 : 1);
    if (end_col >= 0) {
      int local_end = end_line - stream_.first_line + 1;
      std::string_view end_text = stream_.lines->Line(local_end);
      e.end_line = end_line;
      e.end_col = CharOffset(end_text, std::max(0, local_col(local_end, end_col))) + 1;
    } else {
      e.end_line = line;
    }
    e.text = std::string(text);
    return e;
  }
  [[noreturn]] void Fail(std::string msg, int line, int col, int end_line, int end_col) const {
    Throw(MakeError(std::move(msg), line, col, end_line, end_col));
  }
  [[noreturn]] void FailAtToken(const Token& t, std::string msg,
                                const char* type = "SyntaxError") const {
    SyntaxErrorInfo e;
    if (t.kind == TK::kIndent || t.kind == TK::kDedent || t.kind == TK::kEndMarker) {
      // CPython has no column for these and reports its tokenizer's position instead.
      e = MakeError(std::move(msg), t.line, t.col, t.line, -1, /*col_is_offset=*/true);
    } else {
      e = MakeError(std::move(msg), t.line, t.col, t.end_line, t.end_col);
    }
    e.type = type;
    Throw(std::move(e));
  }
  [[noreturn]] void FailAt(const Pos& p, std::string msg) const {
    Fail(std::move(msg), p.line, p.col, p.end_line, p.end_col);
  }
  [[noreturn]] void FailRange(const Pos& a, const Pos& b, std::string msg) const {
    Fail(std::move(msg), a.line, a.col, b.end_line, b.end_col);
  }
  [[noreturn]] void InvalidSyntax() {
    const Token& t = Cur();
    if (t.kind == TK::kIndent || t.kind == TK::kDedent) {
      try {
        FailAtToken(t, t.kind == TK::kIndent ? "unexpected indent" : "unexpected unindent",
                    "IndentationError");
      } catch (ParseFailure& f) {
        f.final = true;
        throw;
      }
    }
    FailAtToken(t, "invalid syntax");
  }
  // What CPython's compiler reports for trees too deep to walk (its parser gives up on some
  // of these with a MemoryError instead).
  [[noreturn]] void TooDeep() const {
    const Token& t = stream_.tokens[i_];
    SyntaxErrorInfo e = MakeError("", t.line, t.col, t.line, -1);
    e.msg = "maximum recursion depth exceeded during compilation";
    e.type = "RecursionError";
    Throw(std::move(e));
  }

  // Errors CPython finds after parsing. The symbol table runs before the compiler, so its
  // errors win regardless of position; within each pass the first one wins.
  void DeferSymtable(const Pos& p, std::string msg) {
    if (!symtable_error_) symtable_error_ = MakeError(std::move(msg), p.line, p.col,
                                                      p.end_line, p.end_col);
  }
  void DeferCompile(const Pos& p, std::string msg) {
    if (!compile_error_) compile_error_ = MakeError(std::move(msg), p.line, p.col,
                                                    p.end_line, p.end_col);
  }

  class DepthGuard {
   public:
    explicit DepthGuard(Parser* p) : p_(p) {
      if (++p_->depth_ > kMaxDepth) p_->TooDeep();
    }
    ~DepthGuard() { --p_->depth_; }
    DepthGuard(const DepthGuard&) = delete;
    DepthGuard& operator=(const DepthGuard&) = delete;

   private:
    Parser* p_;
  };
  // Counts open brackets, for "Perhaps you forgot a comma?" (only said inside brackets).
  class BracketGuard {
   public:
    explicit BracketGuard(Parser* p) : p_(p) { ++p_->brackets_; }
    ~BracketGuard() { --p_->brackets_; }
    BracketGuard(const BracketGuard&) = delete;
    BracketGuard& operator=(const BracketGuard&) = delete;

   private:
    Parser* p_;
  };
  class ScopeGuard {
   public:
    ScopeGuard(Parser* p, Scope s) : p_(p), saved_(p->scope_) { p_->scope_ = s; }
    ~ScopeGuard() { p_->scope_ = saved_; }
    ScopeGuard(const ScopeGuard&) = delete;
    ScopeGuard& operator=(const ScopeGuard&) = delete;

   private:
    Parser* p_;
    Scope saved_;
  };

  // ---- Modes ----------------------------------------------------------------------------------

  StmtPtr ParseEvalInput() {
    const Token& start = Cur();
    ExprPtr e = ParseExpressions();
    auto stmt = std::make_unique<ExprStmt>(PosFrom(start), std::move(e));
    while (Accept(TK::kNewline)) {
    }
    if (!At(TK::kEndMarker)) InvalidSyntax();
    return stmt;
  }

  void ParseSingleInput(StmtList* body) {
    if (Accept(TK::kNewline) || At(TK::kEndMarker)) return;
    ParseStatement(body);
    if (!At(TK::kEndMarker)) {
      FailAtToken(Prev(), "multiple statements found while compiling a single statement");
    }
  }

  // ---- Statements -----------------------------------------------------------------------------

  void ParseStatement(StmtList* out) {
    switch (Kind()) {
      case TK::kIf: out->push_back(ParseIf()); return;
      case TK::kWhile: out->push_back(ParseWhile()); return;
      case TK::kFor: out->push_back(ParseFor(Cur(), false)); return;
      case TK::kTry: out->push_back(ParseTry()); return;
      case TK::kWith: out->push_back(ParseWith(Cur(), false)); return;
      case TK::kDef: out->push_back(ParseFunctionDef({}, Cur(), false)); return;
      case TK::kClass: out->push_back(ParseClassDef({})); return;
      case TK::kAt: out->push_back(ParseDecorated()); return;
      case TK::kAsync:
        if (Ahead(1).kind == TK::kDef || Ahead(1).kind == TK::kFor ||
            Ahead(1).kind == TK::kWith) {
          out->push_back(ParseAsync());
          return;
        }
        InvalidSyntax();
      case TK::kIndent: InvalidSyntax();
      case TK::kName:
        if (Cur().text == "match" && LooksLikeMatch()) {
          out->push_back(ParseMatch());
          return;
        }
        break;
      default: break;
    }
    ParseSimpleStatements(out);
  }

  // `match` is a soft keyword: a logical line starting with `match`, ending in ':' and with
  // something in between can only be a match statement (an annotated `match` has no ':' last).
  bool LooksLikeMatch() {
    const auto& toks = stream_.tokens;
    size_t limit = std::min(toks.size(), stream_.error_index);
    size_t j = i_ + 1;
    while (j < limit && toks[j].kind != TK::kNewline) ++j;
    return j < limit && j > i_ + 2 && toks[j - 1].kind == TK::kColon;
  }

  void ParseSimpleStatements(StmtList* out) {
    for (;;) {
      out->push_back(ParseSimpleStatement());
      if (!Accept(TK::kSemi) || At(TK::kNewline)) break;
    }
    Expect(TK::kNewline);
  }

  StmtPtr ParseSimpleStatement() {
    const Token& start = Cur();
    switch (start.kind) {
      case TK::kPass:
        Advance();
        return std::make_unique<SimpleStmt>(StmtKind::kPass, PosFrom(start));
      case TK::kBreak: {
        Advance();
        auto s = std::make_unique<SimpleStmt>(StmtKind::kBreak, PosFrom(start));
        if (!scope_.in_loop) DeferCompile(s->pos, "'break' outside loop");
        return s;
      }
      case TK::kContinue: {
        Advance();
        auto s = std::make_unique<SimpleStmt>(StmtKind::kContinue, PosFrom(start));
        if (!scope_.in_loop) DeferCompile(s->pos, "'continue' not properly in loop");
        return s;
      }
      case TK::kReturn: return ParseReturn();
      case TK::kRaise: return ParseRaise();
      case TK::kGlobal:
      case TK::kNonlocal: return ParseGlobal();
      case TK::kDel: return ParseDel();
      case TK::kAssert: return ParseAssert();
      case TK::kImport: return ParseImport();
      case TK::kFrom: return ParseImportFrom();
      default: return ParseExpressionStatement();
    }
  }

  StmtPtr ParseReturn() {
    const Token& start = Advance();
    ExprPtr value;
    if (!At(TK::kNewline) && !At(TK::kSemi)) value = ParseStarExpressions();
    auto s = std::make_unique<Return>(PosFrom(start), std::move(value));
    if (!scope_.in_function) DeferCompile(s->pos, "'return' outside function");
    if (s->value) CheckBareStarred(*s->value);
    return s;
  }

  StmtPtr ParseRaise() {
    const Token& start = Advance();
    auto s = std::make_unique<Raise>(Pos{});
    if (!At(TK::kNewline) && !At(TK::kSemi)) {
      s->exc = ParseExpression();
      if (Accept(TK::kFrom)) s->cause = ParseExpression();
    }
    s->pos = PosFrom(start);
    return s;
  }

  StmtPtr ParseGlobal() {
    const Token& start = Advance();
    StmtKind kind = start.kind == TK::kGlobal ? StmtKind::kGlobal : StmtKind::kNonlocal;
    auto s = std::make_unique<NameListStmt>(kind, Pos{});
    do {
      s->names.emplace_back(ExpectName());
    } while (Accept(TK::kComma));
    s->pos = PosFrom(start);
    const char* what = kind == StmtKind::kGlobal ? "global" : "nonlocal";
    if (kind == StmtKind::kNonlocal && !scope_.in_function) {
      DeferSymtable(s->pos, "nonlocal declaration not allowed at module level");
    }
    if (scope_.params) {
      for (const std::string& n : s->names) {
        if (std::find(scope_.params->begin(), scope_.params->end(), n) != scope_.params->end()) {
          DeferSymtable(s->pos, absl::StrFormat("name '%s' is parameter and %s", n, what));
        }
      }
    }
    return s;
  }

  StmtPtr ParseDel() {
    const Token& start = Advance();
    auto s = std::make_unique<Delete>(Pos{});
    do {
      ExprPtr target = ParseDelTarget();
      s->targets.push_back(std::move(target));
    } while (Accept(TK::kComma) && !At(TK::kNewline) && !At(TK::kSemi));
    s->pos = PosFrom(start);
    return s;
  }
  ExprPtr ParseDelTarget() {
    ExprPtr e = ParseStarExpression();
    if (const Expr* bad = InvalidTarget(*e, TargetKind::kDel)) {
      FailAt(bad->pos, absl::StrCat("cannot delete ", ExprName(*bad)));
    }
    SetContext(*e, ExprContext::kDel);
    return e;
  }

  StmtPtr ParseAssert() {
    const Token& start = Advance();
    auto s = std::make_unique<Assert>(Pos{});
    s->test = ParseExpression();
    if (Accept(TK::kComma)) s->msg = ParseExpression();
    s->pos = PosFrom(start);
    return s;
  }

  // dotted_name: NAME ('.' NAME)*
  std::string ParseDottedName() {
    std::string name(ExpectName());
    while (Accept(TK::kDot)) absl::StrAppend(&name, ".", std::string(ExpectName()));
    return name;
  }

  StmtPtr ParseImport() {
    const Token& start = Advance();
    auto s = std::make_unique<Import>(Pos{});
    do {
      const Token& name_start = Cur();
      Alias a;
      a.name = ParseDottedName();
      if (Accept(TK::kAs)) a.asname = std::string(ExpectName());
      a.pos = PosFrom(name_start);
      s->names.push_back(std::move(a));
    } while (Accept(TK::kComma));
    s->pos = PosFrom(start);
    return s;
  }

  StmtPtr ParseImportFrom() {
    const Token& start = Advance();
    auto s = std::make_unique<ImportFrom>(Pos{});
    for (;;) {
      if (Accept(TK::kDot)) ++s->level;
      else if (Accept(TK::kEllipsis)) s->level += 3;
      else break;
    }
    if (s->level == 0 || !At(TK::kImport)) s->module = ParseDottedName();
    Expect(TK::kImport);
    if (At(TK::kStar)) {
      const Token& star = Advance();
      s->names.push_back(Alias{"*", "", PosFrom(star)});
    } else if (Accept(TK::kLPar)) {
      BracketGuard brackets(this);
      ParseImportNames(&s->names, /*parenthesized=*/true);
      Expect(TK::kRPar);
    } else {
      ParseImportNames(&s->names, /*parenthesized=*/false);
    }
    s->pos = PosFrom(start);
    return s;
  }
  void ParseImportNames(std::vector<Alias>* names, bool parenthesized) {
    do {
      if (parenthesized && At(TK::kRPar) && !names->empty()) return;
      if (!parenthesized && !names->empty() && (At(TK::kNewline) || At(TK::kSemi))) {
        FailAtToken(Cur(), "trailing comma not allowed without surrounding parentheses");
      }
      const Token& name_start = Cur();
      Alias a;
      a.name = std::string(ExpectName());
      if (Accept(TK::kAs)) a.asname = std::string(ExpectName());
      a.pos = PosFrom(name_start);
      names->push_back(std::move(a));
    } while (Accept(TK::kComma));
  }

  // Expression statements and every kind of assignment.
  StmtPtr ParseExpressionStatement() {
    const Token& start = Cur();
    bare_tuple_ = nullptr;
    ExprPtr first = At(TK::kYield) ? ParseYield() : ParseStarExpressions();
    const Expr* first_bare_tuple = bare_tuple_;
    if (At(TK::kColon)) return ParseAnnAssign(start, std::move(first), first_bare_tuple);
    if (std::optional<Operator> op = AugOperator(Kind())) {
      return ParseAugAssign(start, std::move(first), *op);
    }
    if (!At(TK::kEqual)) {
      CheckBareStarred(*first);
      return std::make_unique<ExprStmt>(PosFrom(start), std::move(first));
    }
    auto s = std::make_unique<Assign>(Pos{});
    s->targets.push_back(std::move(first));
    std::vector<TK> value_starts;
    while (Accept(TK::kEqual)) {
      value_starts.push_back(Kind());
      s->targets.push_back(At(TK::kYield) ? ParseYield() : ParseStarExpressions());
    }
    s->value = std::move(s->targets.back());
    s->targets.pop_back();
    for (size_t k = 0; k < s->targets.size(); ++k) {
      ValidateAssignTarget(*s->targets[k], k == 0 && s->targets.size() == 1, value_starts[0]);
    }
    CheckBareStarred(*s->value);
    s->pos = PosFrom(start);
    return s;
  }

  void ValidateAssignTarget(Expr& target, bool only_target, TK value_start) {
    if (target.kind == ExprKind::kYield || target.kind == ExprKind::kYieldFrom) {
      FailAt(target.pos, "assignment to yield expression not possible");
    }
    const Expr* bad = InvalidTarget(target, TargetKind::kStar);
    if (bad && bad == &target && only_target && IsBitwiseOrLevel(target) &&
        value_start != TK::kYield && value_start != TK::kLambda && value_start != TK::kNot &&
        value_start != TK::kStar) {
      FailAt(bad->pos, absl::StrCat("cannot assign to ", ExprName(*bad),
                                    " here. Maybe you meant '==' instead of '='?"));
    }
    if (bad) FailAt(bad->pos, absl::StrCat("cannot assign to ", ExprName(*bad)));
    if (target.kind == ExprKind::kStarred) {
      DeferCompile(target.pos, "starred assignment target must be in a list or tuple");
    }
    SetContext(target, ExprContext::kStore);
  }

  // Whether CPython's `bitwise_or` rule could have produced `e` (and its lookahead did not
  // exclude it), which selects the "Maybe you meant '=='" wording.
  static bool IsBitwiseOrLevel(const Expr& e) {
    switch (e.kind) {
      case ExprKind::kBoolOp: case ExprKind::kCompare: case ExprKind::kIfExp:
      case ExprKind::kLambda: case ExprKind::kNamedExpr: case ExprKind::kStarred:
      case ExprKind::kYield: case ExprKind::kYieldFrom: case ExprKind::kTuple:
      case ExprKind::kList: case ExprKind::kGeneratorExp:
        return false;
      case ExprKind::kUnaryOp: return As<UnaryOp>(e).op != UnaryOperator::kNot;
      case ExprKind::kConstant: {
        Constant::Type t = As<Constant>(e).type;
        return t != Constant::Type::kTrue && t != Constant::Type::kFalse &&
               t != Constant::Type::kNone;
      }
      default: return true;
    }
  }

  // `*a` alone as a value is a compile-time error in CPython.
  void CheckBareStarred(const Expr& e) {
    if (e.kind == ExprKind::kStarred) DeferCompile(e.pos, "can't use starred expression here");
  }

  StmtPtr ParseAnnAssign(const Token& start, ExprPtr target, const Expr* bare_tuple) {
    if (target.get() == bare_tuple) {
      FailAt(As<Sequence>(*target).elts[0]->pos,
             "only single target (not tuple) can be annotated");
    }
    if (target->kind == ExprKind::kTuple || target->kind == ExprKind::kList) {
      FailAt(target->pos, absl::StrCat("only single target (not ", ExprName(*target),
                                       ") can be annotated"));
    }
    if (target->kind != ExprKind::kName && target->kind != ExprKind::kAttribute &&
        target->kind != ExprKind::kSubscript) {
      FailAt(target->pos, "illegal target for annotation");
    }
    Advance();  // ':'
    auto s = std::make_unique<AnnAssign>(Pos{});
    s->simple = target->kind == ExprKind::kName && start.kind != TK::kLPar;
    SetContext(*target, ExprContext::kStore);
    s->target = std::move(target);
    s->annotation = ParseExpression();
    if (Accept(TK::kEqual)) s->value = At(TK::kYield) ? ParseYield() : ParseStarExpressions();
    s->pos = PosFrom(start);
    return s;
  }

  StmtPtr ParseAugAssign(const Token& start, ExprPtr target, Operator op) {
    if (target->kind != ExprKind::kName && target->kind != ExprKind::kAttribute &&
        target->kind != ExprKind::kSubscript) {
      FailAt(target->pos, absl::StrFormat(
                              "'%s' is an illegal expression for augmented assignment",
                              ExprName(*target)));
    }
    Advance();  // the operator
    auto s = std::make_unique<AugAssign>(Pos{});
    SetContext(*target, ExprContext::kStore);
    s->target = std::move(target);
    s->op = op;
    s->value = At(TK::kYield) ? ParseYield() : ParseStarExpressions();
    s->pos = PosFrom(start);
    return s;
  }

  // ---- Blocks and compound statements --------------------------------------------------------

  // block: NEWLINE INDENT statements DEDENT | simple_stmts
  void ParseBlock(StmtList* out, std::string_view what, int header_line) {
    DepthGuard depth(this);
    if (!Accept(TK::kNewline)) {
      ParseSimpleStatements(out);
      return;
    }
    if (!At(TK::kIndent)) {
      const Token& t = Cur();
      try {
        FailAtToken(t, absl::StrFormat("expected an indented block after %s on line %d", what,
                                       header_line),
                    "IndentationError");
      } catch (ParseFailure& f) {
        f.info.incomplete = t.kind == TK::kEndMarker;
        throw;
      }
    }
    Advance();
    while (!Accept(TK::kDedent)) ParseStatement(out);
  }

  static Pos EndOf(const Token& start, const StmtList& last) {
    const Pos& e = last.back()->pos;
    return {start.line, start.col, e.end_line, e.end_col};
  }

  // Counts loops, try and with statements nested in one function, like CPython's fblocks.
  class StaticBlock {
   public:
    StaticBlock(Parser* p, const Token& t) : p_(p) {
      if (++p_->scope_.static_blocks > kMaxStaticBlocks) {
        p_->DeferCompile(Pos{t.line, t.col, t.end_line, t.end_col},
                         "too many statically nested blocks");
      }
    }
    ~StaticBlock() { --p_->scope_.static_blocks; }
    StaticBlock(const StaticBlock&) = delete;
    StaticBlock& operator=(const StaticBlock&) = delete;

   private:
    Parser* p_;
  };

  StmtPtr ParseIf() {
    const Token& start = Advance();  // 'if' or 'elif'
    auto s = std::make_unique<If>(Pos{});
    s->test = ParseNamedExpression();
    CheckStrayAssign(*s->test);
    ExpectColon();
    ParseBlock(&s->body, start.kind == TK::kIf ? "'if' statement" : "'elif' statement",
               start.line);
    if (At(TK::kElif)) {
      s->orelse.push_back(ParseIf());
    } else if (At(TK::kElse)) {
      ParseElse(&s->orelse);
    }
    s->pos = EndOf(start, s->orelse.empty() ? s->body : s->orelse);
    return s;
  }

  void ParseElse(StmtList* out) {
    const Token& t = Advance();
    ExpectColon(/*forced=*/true);
    ParseBlock(out, "'else' statement", t.line);
  }

  // `if x = 1:` and friends: CPython suggests '==' or ':='.
  void CheckStrayAssign(const Expr& test) {
    if (!At(TK::kEqual)) return;
    if (test.kind == ExprKind::kName) {
      const Token& eq = Cur();
      size_t save = i_;
      Advance();
      ExprPtr rhs = ParseBitwiseOr();
      if (!At(TK::kEqual) && !At(TK::kColonEqual)) {
        FailRange(test.pos, rhs->pos,
                  "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
      }
      i_ = save;
      FailAtToken(eq, "invalid syntax");
    }
    if (IsBitwiseOrLevel(test)) {
      FailAt(test.pos, absl::StrCat("cannot assign to ", ExprName(test),
                                    " here. Maybe you meant '==' instead of '='?"));
    }
  }

  StmtPtr ParseWhile() {
    const Token& start = Advance();
    StaticBlock block(this, start);
    auto s = std::make_unique<While>(Pos{});
    s->test = ParseNamedExpression();
    CheckStrayAssign(*s->test);
    ExpectColon();
    {
      Scope inner = scope_;
      inner.in_loop = true;
      ScopeGuard guard(this, inner);
      ParseBlock(&s->body, "'while' statement", start.line);
    }
    if (At(TK::kElse)) ParseElse(&s->orelse);
    s->pos = EndOf(start, s->orelse.empty() ? s->body : s->orelse);
    return s;
  }

  StmtPtr ParseFor(const Token& start, bool is_async) {
    const Token& for_tok = Advance();
    StaticBlock block(this, for_tok);
    auto s = std::make_unique<For>(Pos{});
    s->is_async = is_async;
    s->target = ParseTargetList(TargetKind::kFor);
    Expect(TK::kIn);
    s->iter = ParseStarExpressions();
    ExpectColon();
    {
      Scope inner = scope_;
      inner.in_loop = true;
      ScopeGuard guard(this, inner);
      ParseBlock(&s->body, "'for' statement", for_tok.line);
    }
    if (At(TK::kElse)) ParseElse(&s->orelse);
    s->pos = EndOf(start, s->orelse.empty() ? s->body : s->orelse);
    if (is_async && !scope_.is_async) {
      DeferCompile(s->pos, "'async for' outside async function");
    }
    return s;
  }

  StmtPtr ParseTry() {
    const Token& start = Advance();
    StaticBlock block(this, start);
    auto s = std::make_unique<Try>(Pos{});
    ExpectColon(/*forced=*/true);
    ParseBlock(&s->body, "'try' statement", start.line);
    while (At(TK::kExcept)) s->handlers.push_back(ParseExceptHandler());
    if (!s->handlers.empty() && At(TK::kElse)) ParseElse(&s->orelse);
    if (At(TK::kFinally)) {
      const Token& f = Advance();
      ExpectColon(/*forced=*/true);
      ParseBlock(&s->finalbody, "'finally' statement", f.line);
    }
    if (s->handlers.empty() && s->finalbody.empty()) {
      FailAtToken(Cur(), "expected 'except' or 'finally' block");
    }
    for (size_t k = 0; k + 1 < s->handlers.size(); ++k) {
      if (!s->handlers[k].type) {
        DeferCompile(s->handlers[k].pos, "default 'except:' must be last");
      }
    }
    const StmtList& last = !s->finalbody.empty() ? s->finalbody
                           : !s->orelse.empty()  ? s->orelse
                                                 : s->handlers.back().body;
    s->pos = EndOf(start, last);
    return s;
  }

  ExceptHandler ParseExceptHandler() {
    const Token& start = Advance();
    if (At(TK::kStar)) FailAtToken(Cur(), "except* is not supported by gilvm");
    ExceptHandler h;
    if (!At(TK::kColon)) {
      h.type = ParseExpression();
      if (At(TK::kComma)) {
        const Pos first = h.type->pos;
        Advance();
        ExprPtr rest = ParseExpression();
        FailRange(first, rest->pos, "multiple exception types must be parenthesized");
      }
      if (Accept(TK::kAs)) h.name = std::string(ExpectName());
    }
    ExpectColon();
    ParseBlock(&h.body, "'except' statement", start.line);
    h.pos = EndOf(start, h.body);
    return h;
  }

  StmtPtr ParseWith(const Token& start, bool is_async) {
    const Token& with_tok = Advance();
    StaticBlock block(this, with_tok);
    auto s = std::make_unique<With>(Pos{});
    s->is_async = is_async;
    if (!(At(TK::kLPar) && TryParenthesizedWithItems(&s->items))) {
      do {
        s->items.push_back(ParseWithItem());
      } while (Accept(TK::kComma));
    }
    ExpectColon();
    ParseBlock(&s->body, "'with' statement", with_tok.line);
    s->pos = EndOf(start, s->body);
    if (is_async && !scope_.is_async) {
      DeferCompile(s->pos, "'async with' outside async function");
    }
    return s;
  }

  // `with (a as b, c):` — only if the parenthesised list is directly followed by ':';
  // otherwise the parenthesis belongs to the first expression and we backtrack.
  bool TryParenthesizedWithItems(std::vector<WithItem>* items) {
    size_t save = i_;
    auto saved_symtable = symtable_error_;
    auto saved_compile = compile_error_;
    try {
      BracketGuard brackets(this);
      Advance();
      std::vector<WithItem> parsed;
      do {
        if (At(TK::kRPar) && !parsed.empty()) break;
        parsed.push_back(ParseWithItem());
      } while (Accept(TK::kComma));
      Expect(TK::kRPar);
      if (!At(TK::kColon)) throw ParseFailure{};
      *items = std::move(parsed);
      return true;
    } catch (ParseFailure& f) {
      if (f.from_lexer) throw;
      i_ = save;
      symtable_error_ = std::move(saved_symtable);
      compile_error_ = std::move(saved_compile);
      return false;
    }
  }

  WithItem ParseWithItem() {
    WithItem item;
    item.context_expr = ParseExpression();
    if (Accept(TK::kAs)) {
      item.optional_vars = ParseStarTarget();
      ValidateTarget(*item.optional_vars, TargetKind::kStar);
    }
    return item;
  }

  // ---- match statements (PEP 634) --------------------------------------------------------------

  bool AtSoftKeyword(std::string_view word) { return At(TK::kName) && Cur().text == word; }

  StmtPtr ParseMatch() {
    const Token& start = Advance();  // 'match'
    StaticBlock block(this, start);
    auto s = std::make_unique<Match>(Pos{});
    s->subject = ParseMatchSubject();
    ExpectColon();
    if (!Accept(TK::kNewline)) InvalidSyntax();
    if (!At(TK::kIndent)) {
      FailAtToken(Cur(), absl::StrFormat("expected an indented block after 'match' statement on line %d", start.line),
                  "IndentationError");
    }
    Advance();
    while (!Accept(TK::kDedent)) {
      if (!AtSoftKeyword("case")) InvalidSyntax();
      s->cases.push_back(ParseCase());
    }
    s->pos = EndOf(start, s->cases.back().body);
    return s;
  }

  // subject_expr: star_named_expression ',' star_named_expressions? | named_expression
  ExprPtr ParseMatchSubject() {
    const Token& start = Cur();
    ExprPtr first = ParseStarNamedExpression();
    if (!At(TK::kComma)) {
      if (first->kind == ExprKind::kStarred) InvalidSyntax();
      return first;
    }
    auto tuple = std::make_unique<Sequence>(ExprKind::kTuple, Pos{});
    tuple->elts.push_back(std::move(first));
    while (Accept(TK::kComma) && !At(TK::kColon)) tuple->elts.push_back(ParseStarNamedExpression());
    tuple->pos = PosFrom(start);
    return tuple;
  }

  MatchCase ParseCase() {
    const Token& start = Advance();  // 'case'
    MatchCase c;
    c.pattern = ParseTopPatterns();
    if (Accept(TK::kIf)) c.guard = ParseNamedExpression();
    ExpectColon();
    ParseBlock(&c.body, "'case' statement", start.line);
    return c;
  }

  // patterns: open_sequence_pattern | pattern (a bare `case a, b:` is a sequence pattern)
  PatternPtr ParseTopPatterns() {
    const Token& start = Cur();
    PatternPtr first = ParseMaybeStarPattern();
    if (!At(TK::kComma)) {
      if (first->kind == PatternKind::kStar) InvalidSyntax();
      return first;
    }
    auto seq = std::make_unique<MatchSequence>(Pos{});
    seq->patterns.push_back(std::move(first));
    while (Accept(TK::kComma) && !At(TK::kColon) && !At(TK::kIf)) seq->patterns.push_back(ParseMaybeStarPattern());
    seq->pos = PosFrom(start);
    return seq;
  }

  PatternPtr ParseMaybeStarPattern() {
    if (!At(TK::kStar)) return ParsePattern();
    const Token& star = Advance();
    const Token& name = Expect(TK::kName);
    return std::make_unique<MatchStar>(PosFrom(star), name.text == "_" ? "" : std::string(name.text));
  }

  // pattern: or_pattern ['as' NAME]
  PatternPtr ParsePattern() {
    DepthGuard depth(this);
    const Token& start = Cur();
    PatternPtr p = ParseOrPattern();
    if (!Accept(TK::kAs)) return p;
    if (!At(TK::kName)) FailAtToken(Cur(), "invalid pattern target");
    if (Cur().text == "_") FailAtToken(Cur(), "cannot use '_' as a target");
    auto as = std::make_unique<MatchAs>(Pos{});
    as->name = std::string(Advance().text);
    as->pattern = std::move(p);
    as->pos = PosFrom(start);
    return as;
  }

  PatternPtr ParseOrPattern() {
    const Token& start = Cur();
    PatternPtr first = ParseClosedPattern();
    if (!At(TK::kVBar)) return first;
    auto alt = std::make_unique<MatchOr>(Pos{});
    alt->patterns.push_back(std::move(first));
    while (Accept(TK::kVBar)) alt->patterns.push_back(ParseClosedPattern());
    alt->pos = PosFrom(start);
    return alt;
  }

  PatternPtr ParseClosedPattern() {
    const Token& t = Cur();
    switch (t.kind) {
      case TK::kNumber:
      case TK::kMinus:
      case TK::kString: {
        ExprPtr v = ParseLiteralPatternValue();
        Pos pos = v->pos;
        return std::make_unique<MatchValue>(pos, std::move(v));
      }
      case TK::kNone:
      case TK::kTrue:
      case TK::kFalse: {
        Advance();
        Constant::Type type = t.kind == TK::kNone ? Constant::Type::kNone
                              : t.kind == TK::kTrue ? Constant::Type::kTrue
                                                    : Constant::Type::kFalse;
        return std::make_unique<MatchSingleton>(PosFrom(t), type);
      }
      case TK::kName: return ParseNamePattern();
      case TK::kLPar: return ParseParenPattern();
      case TK::kLSqb: {
        BracketGuard brackets(this);
        Advance();
        auto seq = std::make_unique<MatchSequence>(Pos{});
        while (!At(TK::kRSqb)) {
          seq->patterns.push_back(ParseMaybeStarPattern());
          if (!Accept(TK::kComma)) break;
        }
        Expect(TK::kRSqb);
        seq->pos = PosFrom(t);
        return seq;
      }
      case TK::kLBrace: return ParseMappingPattern();
      default: InvalidSyntax();
    }
  }

  // A literal in a pattern: a signed number, a complex literal `1+2j`, or (concatenated) strings;
  // f-strings are refused as CPython refuses them.
  ExprPtr ParseLiteralPatternValue() {
    const Token& start = Cur();
    if (At(TK::kString)) {
      ExprPtr v = ParseStrings();
      if (v->kind == ExprKind::kJoinedStr) FailAt(v->pos, "patterns may only match literals and attribute lookups");
      return v;
    }
    ExprPtr v;
    if (Accept(TK::kMinus)) {
      if (!At(TK::kNumber)) InvalidSyntax();
      ExprPtr n = ParseNumber();
      v = std::make_unique<UnaryOp>(PosFrom(start), UnaryOperator::kUSub, std::move(n));
    } else {
      if (!At(TK::kNumber)) InvalidSyntax();
      v = ParseNumber();
    }
    if ((At(TK::kPlus) || At(TK::kMinus)) && Ahead(1).kind == TK::kNumber) {  // real +- imaginary
      Operator op = At(TK::kPlus) ? Operator::kAdd : Operator::kSub;
      Advance();
      ExprPtr imag = ParseNumber();
      v = std::make_unique<BinOp>(PosFrom(start), std::move(v), op, std::move(imag));
    }
    return v;
  }

  // NAME ('.' NAME)*
  ExprPtr ParseNameOrAttr() {
    const Token& start = Cur();
    const Token& first = Expect(TK::kName);
    ExprPtr e = std::make_unique<Name>(PosFrom(first), std::string(first.text), ExprContext::kLoad);
    while (Accept(TK::kDot)) {
      std::string attr(ExpectName());
      e = std::make_unique<Attribute>(PosFrom(start), std::move(e), std::move(attr), ExprContext::kLoad);
    }
    return e;
  }

  // A capture, the wildcard, a value (dotted name) or a class pattern.
  PatternPtr ParseNamePattern() {
    const Token& start = Cur();
    if (Ahead(1).kind != TK::kDot && Ahead(1).kind != TK::kLPar) {
      Advance();
      auto as = std::make_unique<MatchAs>(PosFrom(start));
      if (start.text != "_") as->name = std::string(start.text);
      return as;
    }
    ExprPtr target = ParseNameOrAttr();
    if (!At(TK::kLPar)) {
      Pos pos = target->pos;
      return std::make_unique<MatchValue>(pos, std::move(target));
    }
    return ParseClassPattern(start, std::move(target));
  }

  PatternPtr ParseClassPattern(const Token& start, ExprPtr cls) {
    BracketGuard brackets(this);
    Expect(TK::kLPar);
    auto c = std::make_unique<MatchClass>(Pos{});
    c->cls = std::move(cls);
    while (!At(TK::kRPar)) {
      if (At(TK::kName) && Ahead(1).kind == TK::kEqual) {
        std::string name(Advance().text);
        Advance();  // '='
        PatternPtr p = ParsePattern();
        // A compile-time error in CPython, placed at the repeated attribute's pattern.
        for (const auto& seen : c->kwd_attrs)
          if (seen == name) DeferCompile(p->pos, absl::StrCat("attribute name repeated in class pattern: ", name));
        c->kwd_attrs.push_back(std::move(name));
        c->kwd_patterns.push_back(std::move(p));
      } else {
        PatternPtr p = ParsePattern();
        if (!c->kwd_attrs.empty()) FailAt(p->pos, "positional patterns follow keyword patterns");
        c->patterns.push_back(std::move(p));
      }
      if (!Accept(TK::kComma)) break;
    }
    Expect(TK::kRPar);
    c->pos = PosFrom(start);
    return c;
  }

  // '(' ')' is an empty sequence, '(' pattern ')' a group, '(' pattern ',' ... ')' a sequence.
  PatternPtr ParseParenPattern() {
    BracketGuard brackets(this);
    const Token& open = Advance();
    if (Accept(TK::kRPar)) return std::make_unique<MatchSequence>(PosFrom(open));
    PatternPtr first = ParseMaybeStarPattern();
    if (!At(TK::kComma)) {
      if (first->kind == PatternKind::kStar) InvalidSyntax();
      Expect(TK::kRPar);
      return first;
    }
    auto seq = std::make_unique<MatchSequence>(Pos{});
    seq->patterns.push_back(std::move(first));
    while (Accept(TK::kComma) && !At(TK::kRPar)) seq->patterns.push_back(ParseMaybeStarPattern());
    Expect(TK::kRPar);
    seq->pos = PosFrom(open);
    return seq;
  }

  // '{' (key ':' pattern ',')* ['**' NAME] '}' where a key is a literal or a dotted name.
  PatternPtr ParseMappingPattern() {
    BracketGuard brackets(this);
    const Token& open = Advance();
    auto m = std::make_unique<MatchMapping>(Pos{});
    while (!At(TK::kRBrace)) {
      if (Accept(TK::kDoubleStar)) {
        if (!At(TK::kName) || Cur().text == "_") InvalidSyntax();
        m->rest = std::string(Advance().text);
        Accept(TK::kComma);
        break;
      }
      if (At(TK::kName)) {
        if (Ahead(1).kind != TK::kDot) FailAtToken(Ahead(1), "invalid syntax");
        m->keys.push_back(ParseNameOrAttr());
      } else if (At(TK::kNone) || At(TK::kTrue) || At(TK::kFalse)) {
        m->keys.push_back(ParseAtom());
      } else {
        m->keys.push_back(ParseLiteralPatternValue());
      }
      Expect(TK::kColon);
      m->patterns.push_back(ParsePattern());
      if (!Accept(TK::kComma)) break;
    }
    Expect(TK::kRBrace);
    m->pos = PosFrom(open);
    return m;
  }

  StmtPtr ParseAsync() {
    const Token& start = Advance();
    switch (Kind()) {
      case TK::kDef: return ParseFunctionDef({}, start, true);
      case TK::kFor: return ParseFor(start, true);
      default: return ParseWith(start, true);
    }
  }

  StmtPtr ParseDecorated() {
    ExprList decorators;
    while (Accept(TK::kAt)) {
      decorators.push_back(ParseNamedExpression());
      Expect(TK::kNewline);
    }
    if (At(TK::kDef)) return ParseFunctionDef(std::move(decorators), Cur(), false);
    if (At(TK::kClass)) return ParseClassDef(std::move(decorators));
    if (At(TK::kAsync) && Ahead(1).kind == TK::kDef) {
      const Token& start = Advance();
      return ParseFunctionDef(std::move(decorators), start, true);
    }
    InvalidSyntax();
  }

  StmtPtr ParseFunctionDef(ExprList decorators, const Token& start, bool is_async) {
    const Token& def = Advance();
    auto s = std::make_unique<FunctionDef>(Pos{});
    s->is_async = is_async;
    s->decorator_list = std::move(decorators);
    s->name = std::string(ExpectName());
    {
      BracketGuard brackets(this);
      if (!At(TK::kLPar)) FailAtToken(Cur(), "expected '('");
      Advance();
      ParseParameters(&s->args, TK::kRPar, /*annotations=*/true);
      Expect(TK::kRPar);
    }
    if (Accept(TK::kArrow)) s->returns = ParseExpression();
    ExpectColon(/*forced=*/true);
    std::vector<std::string> params = ParameterNames(s->args);
    Scope inner;
    inner.in_function = true;
    inner.is_async = is_async;
    inner.params = &params;
    ScopeGuard guard(this, inner);
    ParseBlock(&s->body, "function definition", def.line);
    s->pos = EndOf(start, s->body);
    return s;
  }

  StmtPtr ParseClassDef(ExprList decorators) {
    const Token& start = Advance();
    auto s = std::make_unique<ClassDef>(Pos{});
    s->decorator_list = std::move(decorators);
    s->name = std::string(ExpectName());
    if (At(TK::kLPar)) {
      BracketGuard brackets(this);
      Advance();
      ParseCallArguments(&s->bases, &s->keywords, nullptr);
      Expect(TK::kRPar);
    }
    ExpectColon();
    Scope inner;  // a class body is not a function: `return` there is an error
    ScopeGuard guard(this, inner);
    ParseBlock(&s->body, "class definition", start.line);
    s->pos = EndOf(start, s->body);
    return s;
  }

  // ---- Parameters (def and lambda) -----------------------------------------------------------

  Arg ParseArg(bool annotations) {
    const Token& start = Cur();
    Arg a;
    a.name = std::string(ExpectName());
    if (annotations && Accept(TK::kColon)) a.annotation = ParseExpression();
    a.pos = PosFrom(start);
    return a;
  }

  void ParseParameters(Arguments* args, TK close, bool annotations) {
    bool seen_slash = false, seen_default = false;
    const Token* bare_star = nullptr;
    bool seen_star = false;
    std::vector<std::string> names;
    auto check_duplicate = [&](const Arg& a) {
      if (std::find(names.begin(), names.end(), a.name) != names.end()) {
        DeferSymtable(a.pos, absl::StrFormat("duplicate argument '%s' in function definition",
                                             a.name));
      }
      names.push_back(a.name);
    };
    while (!At(close)) {
      if (args->kwarg) FailAtToken(Cur(), "arguments cannot follow var-keyword argument");
      if (At(TK::kSlash)) {
        const Token& slash = Cur();
        if (seen_slash) FailAtToken(slash, "/ may appear only once");
        if (seen_star) FailAtToken(slash, "/ must be ahead of *");
        if (args->args.empty()) {
          if (Ahead(1).kind == TK::kComma) {
            FailAtToken(slash, "at least one argument must precede /");
          }
          InvalidSyntax();
        }
        Advance();
        seen_slash = true;
        args->posonlyargs = std::move(args->args);
        args->args.clear();
      } else if (At(TK::kStar)) {
        const Token& star = Advance();
        if (seen_star) FailAtToken(star, "* argument may appear only once");
        seen_star = true;
        if (At(TK::kName)) {
          args->vararg = std::make_unique<Arg>(ParseArg(annotations));
          check_duplicate(*args->vararg);
          if (At(TK::kEqual)) {
            FailAtToken(Cur(), "var-positional argument cannot have default value");
          }
        } else if (At(TK::kComma) || At(close)) {
          bare_star = &star;
        } else {
          InvalidSyntax();
        }
      } else if (At(TK::kDoubleStar)) {
        Advance();
        args->kwarg = std::make_unique<Arg>(ParseArg(annotations));
        check_duplicate(*args->kwarg);
        if (At(TK::kEqual)) FailAtToken(Cur(), "var-keyword argument cannot have default value");
      } else if (At(TK::kName)) {
        Arg a = ParseArg(annotations);
        check_duplicate(a);
        ExprPtr def;
        if (Accept(TK::kEqual)) def = ParseExpression();
        if (seen_star) {
          args->kwonlyargs.push_back(std::move(a));
          args->kw_defaults.push_back(std::move(def));
        } else if (def) {
          seen_default = true;
          args->args.push_back(std::move(a));
          args->defaults.push_back(std::move(def));
        } else {
          if (seen_default) FailAt(a.pos, "non-default argument follows default argument");
          args->args.push_back(std::move(a));
        }
      } else {
        InvalidSyntax();
      }
      if (!Accept(TK::kComma)) break;
    }
    if (bare_star && args->kwonlyargs.empty()) {
      FailAtToken(*bare_star, "named arguments must follow bare *");
    }
  }

  static std::vector<std::string> ParameterNames(const Arguments& a) {
    std::vector<std::string> names;
    for (const Arg& x : a.posonlyargs) names.push_back(x.name);
    for (const Arg& x : a.args) names.push_back(x.name);
    if (a.vararg) names.push_back(a.vararg->name);
    for (const Arg& x : a.kwonlyargs) names.push_back(x.name);
    if (a.kwarg) names.push_back(a.kwarg->name);
    return names;
  }

  // ---- Targets ------------------------------------------------------------------------------

  void ValidateTarget(Expr& e, TargetKind kind) {
    if (const Expr* bad = InvalidTarget(e, kind)) {
      const char* verb = kind == TargetKind::kDel ? "cannot delete " : "cannot assign to ";
      FailAt(bad->pos, absl::StrCat(verb, ExprName(*bad)));
    }
    SetContext(e, kind == TargetKind::kDel ? ExprContext::kDel : ExprContext::kStore);
  }

  // star_target: '*'? target, where a target stops before `in` (so `for x in y` works).
  ExprPtr ParseStarTarget() {
    if (At(TK::kStar)) {
      const Token& star = Advance();
      DepthGuard depth(this);
      ExprPtr value = ParseStarTarget();
      return std::make_unique<Starred>(PosFrom(star), std::move(value), ExprContext::kStore);
    }
    return ParseBitwiseOr();
  }

  // star_targets for `for` and comprehensions: a target or an unparenthesised tuple of them.
  ExprPtr ParseTargetList(TargetKind kind) {
    const Token& start = Cur();
    ExprPtr first = ParseStarTarget();
    if (!At(TK::kComma)) {
      ValidateTarget(*first, kind);
      return first;
    }
    auto tuple = std::make_unique<Sequence>(ExprKind::kTuple, Pos{});
    tuple->elts.push_back(std::move(first));
    while (Accept(TK::kComma)) {
      if (At(TK::kIn) || At(TK::kEqual)) break;
      tuple->elts.push_back(ParseStarTarget());
    }
    tuple->pos = PosFrom(start);
    ValidateTarget(*tuple, kind);
    return tuple;
  }

  // ---- Expressions --------------------------------------------------------------------------

  // expressions (eval input): expression (',' expression)* [','] — no starred items.
  ExprPtr ParseExpressions() {
    const Token& start = Cur();
    ExprPtr first = ParseExpression();
    if (!At(TK::kComma)) return first;
    auto tuple = std::make_unique<Sequence>(ExprKind::kTuple, Pos{});
    tuple->elts.push_back(std::move(first));
    while (Accept(TK::kComma) && StartsExpression(Kind())) {
      tuple->elts.push_back(ParseExpression());
    }
    tuple->pos = PosFrom(start);
    return tuple;
  }

  // star_expressions: a star_expression, or a tuple of them with commas.
  ExprPtr ParseStarExpressions() {
    const Token& start = Cur();
    ExprPtr first = ParseStarExpression();
    if (!At(TK::kComma)) return first;
    auto tuple = std::make_unique<Sequence>(ExprKind::kTuple, Pos{});
    tuple->elts.push_back(std::move(first));
    while (Accept(TK::kComma) && (StartsExpression(Kind()) || At(TK::kStar))) {
      tuple->elts.push_back(ParseStarExpression());
    }
    tuple->pos = PosFrom(start);
    bare_tuple_ = tuple.get();
    return tuple;
  }

  // star_expression: '*' bitwise_or | expression
  ExprPtr ParseStarExpression() {
    if (!At(TK::kStar)) return ParseExpression();
    const Token& star = Advance();
    ExprPtr value = ParseBitwiseOr();
    return std::make_unique<Starred>(PosFrom(star), std::move(value), ExprContext::kLoad);
  }

  // star_named_expression: '*' bitwise_or | named_expression
  ExprPtr ParseStarNamedExpression() {
    if (At(TK::kStar)) return ParseStarExpression();
    return ParseNamedExpression();
  }

  // named_expression: NAME ':=' expression | expression
  ExprPtr ParseNamedExpression() {
    if (At(TK::kName) && Ahead(1).kind == TK::kColonEqual) {
      const Token& name = Advance();
      Advance();  // ':='
      auto e = std::make_unique<NamedExpr>(Pos{});
      e->target = std::make_unique<Name>(Pos{name.line, name.col, name.end_line, name.end_col},
                                         std::string(name.text), ExprContext::kStore);
      e->value = ParseExpression();
      e->pos = PosFrom(name);
      return e;
    }
    return ParseExpression();
  }

  // expression: disjunction ['if' disjunction 'else' expression] | lambdef
  ExprPtr ParseExpression() {
    DepthGuard depth(this);
    if (At(TK::kLambda)) return ParseLambda();
    size_t first_token = i_;
    const Token& start = Cur();
    ExprPtr body = ParseDisjunction();
    if (At(TK::kIf)) {
      Advance();
      ExprPtr test = ParseDisjunction();
      if (!At(TK::kElse)) {
        if (At(TK::kColon)) InvalidSyntax();
        FailRange(body->pos, test->pos, "expected 'else' after 'if' expression");
      }
      Advance();
      auto e = std::make_unique<IfExp>(Pos{});
      e->orelse = ParseExpression();
      e->pos = PosFrom(start);
      e->body = std::move(body);
      e->test = std::move(test);
      return e;
    }
    if (At(TK::kColonEqual) && body->kind != ExprKind::kName) {
      FailAt(body->pos, absl::StrCat("cannot use assignment expressions with ",
                                     ExprName(*body)));
    }
    if (StartsExpression(Kind())) DiagnoseJuxtaposition(*body, first_token);
    return body;
  }

  // Two expressions side by side: CPython's invalid_expression / invalid_legacy_expression.
  void DiagnoseJuxtaposition(const Expr& a, size_t a_start) {
    const Token& a_tok = stream_.tokens[a_start];
    if (a.kind == ExprKind::kName && (As<Name>(a).id == "print" || As<Name>(a).id == "exec") &&
        !At(TK::kLPar)) {
      const std::string& id = As<Name>(a).id;
      ExprPtr b = TryParse([&] { return ParseStarExpressions(); });
      if (b) {
        FailRange(a.pos, b->pos, absl::StrFormat(
                                     "Missing parentheses in call to '%s'. Did you mean %s(...)?",
                                     id, id));
      }
    }
    if (brackets_ == 0) return;
    bool name_string = a_tok.kind == TK::kName && a_start + 1 < stream_.tokens.size() &&
                       stream_.tokens[a_start + 1].kind == TK::kString;
    bool soft_keyword = a_tok.kind == TK::kName &&
                        (a_tok.text == "match" || a_tok.text == "case" || a_tok.text == "_");
    if (name_string || soft_keyword) return;
    ExprPtr b = TryParse([&] { return ParseExpression(); });
    if (b) FailRange(a.pos, b->pos, "invalid syntax. Perhaps you forgot a comma?");
  }

  // Parses speculatively; on a syntax error restores the position and returns null.
  template <typename F>
  ExprPtr TryParse(F parse) {
    size_t save = i_;
    try {
      return parse();
    } catch (ParseFailure& f) {
      if (f.from_lexer) throw;
      i_ = save;
      return nullptr;
    }
  }

  ExprPtr ParseLambda() {
    const Token& start = Advance();
    auto e = std::make_unique<Lambda>(Pos{});
    ParseParameters(&e->args, TK::kColon, /*annotations=*/false);
    Expect(TK::kColon);
    std::vector<std::string> params = ParameterNames(e->args);
    Scope inner;
    inner.in_function = true;
    inner.params = &params;
    ScopeGuard guard(this, inner);
    e->body = ParseExpression();
    e->pos = PosFrom(start);
    return e;
  }

  ExprPtr ParseDisjunction() { return ParseBoolOp(TK::kOr); }

  // disjunction / conjunction: flat BoolOps, as CPython builds them.
  ExprPtr ParseBoolOp(TK op_kind) {
    const Token& start = Cur();
    ExprPtr first = op_kind == TK::kOr ? ParseBoolOp(TK::kAnd) : ParseInversion();
    if (!At(op_kind)) return first;
    auto e = std::make_unique<BoolOp>(
        Pos{}, op_kind == TK::kOr ? BoolOperator::kOr : BoolOperator::kAnd);
    e->values.push_back(std::move(first));
    while (Accept(op_kind)) {
      e->values.push_back(op_kind == TK::kOr ? ParseBoolOp(TK::kAnd) : ParseInversion());
    }
    e->pos = PosFrom(start);
    return e;
  }

  ExprPtr ParseInversion() {
    if (!At(TK::kNot)) return ParseComparison();
    const Token& start = Advance();
    DepthGuard depth(this);
    ExprPtr operand = ParseInversion();
    return std::make_unique<UnaryOp>(PosFrom(start), UnaryOperator::kNot, std::move(operand));
  }

  std::optional<CmpOperator> ComparisonOperator() {
    switch (Kind()) {
      case TK::kEqEqual: return CmpOperator::kEq;
      case TK::kNotEqual: return CmpOperator::kNotEq;
      case TK::kLess: return CmpOperator::kLt;
      case TK::kLessEqual: return CmpOperator::kLtE;
      case TK::kGreater: return CmpOperator::kGt;
      case TK::kGreaterEqual: return CmpOperator::kGtE;
      case TK::kIn: return CmpOperator::kIn;
      case TK::kIs: return Ahead(1).kind == TK::kNot ? CmpOperator::kIsNot : CmpOperator::kIs;
      case TK::kNot:
        if (Ahead(1).kind == TK::kIn) return CmpOperator::kNotIn;
        return std::nullopt;
      default: return std::nullopt;
    }
  }

  ExprPtr ParseComparison() {
    const Token& start = Cur();
    ExprPtr left = ParseBitwiseOr();
    std::optional<CmpOperator> op = ComparisonOperator();
    if (!op) return left;
    auto e = std::make_unique<Compare>(Pos{}, std::move(left));
    while (op) {
      Advance();
      if (*op == CmpOperator::kIsNot || *op == CmpOperator::kNotIn) Advance();
      e->ops.push_back(*op);
      e->comparators.push_back(ParseBitwiseOr());
      op = ComparisonOperator();
    }
    e->pos = PosFrom(start);
    return e;
  }

  ExprPtr ParseBitwiseOr() { return ParseBinary(1); }

  // Precedence climbing over | ^ & << >> + - * / // % @ (all left-associative).
  // Spans run from the first token of the left operand, so they include its parentheses.
  ExprPtr ParseBinary(int min_prec) {
    const Token& start = Cur();
    ExprPtr left = ParseFactor();
    int chain = 0;
    for (;;) {
      std::optional<BinaryInfo> info = BinaryOperator(Kind());
      if (!info || info->prec < min_prec) return left;
      if (depth_ + ++chain > kMaxChain) TooDeep();
      Advance();
      ExprPtr right = info->prec == 6 ? ParseFactor() : ParseBinary(info->prec + 1);
      Pos pos = PosFrom(start);
      left = std::make_unique<BinOp>(pos, std::move(left), info->op, std::move(right));
    }
  }

  // factor: ('+' | '-' | '~') factor | power
  ExprPtr ParseFactor() {
    UnaryOperator op;
    switch (Kind()) {
      case TK::kPlus: op = UnaryOperator::kUAdd; break;
      case TK::kMinus: op = UnaryOperator::kUSub; break;
      case TK::kTilde: op = UnaryOperator::kInvert; break;
      default: return ParsePower();
    }
    const Token& start = Advance();
    DepthGuard depth(this);
    ExprPtr operand = ParseFactor();
    return std::make_unique<UnaryOp>(PosFrom(start), op, std::move(operand));
  }

  // power: await_primary ['**' factor]
  ExprPtr ParsePower() {
    const Token& start = Cur();
    ExprPtr base = ParseAwaitPrimary();
    if (!At(TK::kDoubleStar)) return base;
    Advance();
    DepthGuard depth(this);
    ExprPtr exp = ParseFactor();
    Pos pos = PosFrom(start);
    return std::make_unique<BinOp>(pos, std::move(base), Operator::kPow, std::move(exp));
  }

  ExprPtr ParseAwaitPrimary() {
    if (!At(TK::kAwait)) return ParsePrimary();
    const Token& start = Advance();
    auto e = std::make_unique<YieldLike>(ExprKind::kAwait, Pos{});
    e->value = ParsePrimary();
    e->pos = PosFrom(start);
    if (!scope_.in_function) {
      DeferCompile(e->pos, "'await' outside function");
    } else if (!scope_.is_async) {
      DeferCompile(e->pos, "'await' outside async function");
    }
    return e;
  }

  // primary: atom ('.' NAME | '(' arguments ')' | '[' slices ']')*
  ExprPtr ParsePrimary() {
    const Token& start = Cur();
    ExprPtr e = ParseAtom();
    int chain = 0;
    for (;;) {
      if (!At(TK::kDot) && !At(TK::kLPar) && !At(TK::kLSqb)) return e;
      if (depth_ + ++chain > kMaxChain) TooDeep();
      if (Accept(TK::kDot)) {
        std::string attr(ExpectName());
        e = std::make_unique<Attribute>(PosFrom(start), std::move(e), std::move(attr),
                                        ExprContext::kLoad);
      } else if (At(TK::kLPar)) {
        BracketGuard brackets(this);
        const Token& open = Advance();
        auto call = std::make_unique<Call>(Pos{}, std::move(e));
        ParseCallArguments(&call->args, &call->keywords, &open);
        Expect(TK::kRPar);
        call->pos = PosFrom(start);
        if (call->args.size() == 1 && call->args[0]->kind == ExprKind::kGeneratorExp &&
            call->keywords.empty() && genexp_arg_ == call->args[0].get()) {
          call->args[0]->pos = PosFrom(open);  // a sole generator argument owns the parens
        }
        e = std::move(call);
      } else {
        BracketGuard brackets(this);
        Advance();
        ExprPtr slice = ParseSlices();
        Expect(TK::kRSqb);
        e = std::make_unique<Subscript>(PosFrom(start), std::move(e), std::move(slice),
                                        ExprContext::kLoad);
      }
    }
  }

  // Arguments of a call or a class definition, after '(' and up to (not including) ')'.
  void ParseCallArguments(ExprList* args, std::vector<Keyword>* keywords, const Token* open) {
    bool seen_keyword = false, seen_double_star = false;
    const char* misplaced = nullptr;  // reported once the argument list is read, like CPython
    genexp_arg_ = nullptr;
    while (!At(TK::kRPar)) {
      const Token& start = Cur();
      if (At(TK::kStar)) {
        if (seen_double_star) {
          FailAtToken(start, "iterable argument unpacking follows keyword argument unpacking");
        }
        args->push_back(ParseStarExpressionArg());
      } else if (At(TK::kDoubleStar)) {
        Advance();
        Keyword k;
        k.value = ParseExpression();
        k.pos = PosFrom(start);
        keywords->push_back(std::move(k));
        seen_double_star = true;
      } else if (At(TK::kName) && Ahead(1).kind == TK::kEqual) {
        Keyword k;
        k.arg = std::string(Advance().text);
        Advance();
        k.value = ParseExpression();
        k.pos = PosFrom(start);
        for (const Keyword& other : *keywords) {
          if (other.arg == k.arg) DeferCompile(k.pos, "keyword argument repeated: " + k.arg);
        }
        keywords->push_back(std::move(k));
        seen_keyword = true;
      } else {
        size_t yields_before = yields_.size();
        ExprPtr e = ParseNamedExpression();
        if (At(TK::kFor) || (At(TK::kAsync) && Ahead(1).kind == TK::kFor)) {
          if (!open) InvalidSyntax();  // class bases take no generator expression
          e = ParseComprehension(ExprKind::kGeneratorExp, std::move(e), nullptr, start,
                                 yields_before);
          bool sole = args->empty() && keywords->empty() && At(TK::kRPar) && open;
          if (!sole) FailAt(e->pos, "Generator expression must be parenthesized");
          genexp_arg_ = e.get();
        }
        if (At(TK::kEqual)) InvalidKeyword(*e);
        if (!misplaced && seen_double_star) {
          misplaced = "positional argument follows keyword argument unpacking";
        } else if (!misplaced && seen_keyword) {
          misplaced = "positional argument follows keyword argument";
        }
        args->push_back(std::move(e));
      }
      if (!Accept(TK::kComma)) break;
    }
    if (misplaced) FailAtToken(Cur(), misplaced);
  }

  ExprPtr ParseStarExpressionArg() {
    const Token& star = Advance();
    ExprPtr value = ParseExpression();
    return std::make_unique<Starred>(PosFrom(star), std::move(value), ExprContext::kLoad);
  }

  [[noreturn]] void InvalidKeyword(const Expr& e) {
    const Token& eq = Cur();
    Pos eq_pos{eq.line, eq.col, eq.end_line, eq.end_col};
    if (e.kind == ExprKind::kConstant) {
      Constant::Type t = As<Constant>(e).type;
      if (t == Constant::Type::kTrue || t == Constant::Type::kFalse ||
          t == Constant::Type::kNone) {
        FailRange(e.pos, eq_pos, absl::StrCat("cannot assign to ", ExprName(e)));
      }
    }
    FailRange(e.pos, eq_pos, "expression cannot contain assignment, perhaps you meant \"==\"?");
  }

  // slices: slice | ','.(slice | starred_expression)+ [','] as a Tuple
  ExprPtr ParseSlices() {
    const Token& start = Cur();
    ExprPtr first = ParseSlice();
    if (!At(TK::kComma) && first->kind != ExprKind::kStarred) return first;
    auto tuple = std::make_unique<Sequence>(ExprKind::kTuple, Pos{});
    tuple->elts.push_back(std::move(first));
    while (Accept(TK::kComma) && !At(TK::kRSqb)) tuple->elts.push_back(ParseSlice());
    tuple->pos = PosFrom(start);
    return tuple;
  }

  // slice: [expression] ':' [expression] [':' [expression]] | named_expression
  ExprPtr ParseSlice() {
    if (At(TK::kStar)) return ParseStarExpression();
    const Token& start = Cur();
    ExprPtr lower;
    if (!At(TK::kColon)) {
      lower = ParseNamedExpression();
      if (!At(TK::kColon)) return lower;
    }
    Advance();
    auto s = std::make_unique<Slice>(Pos{});
    s->lower = std::move(lower);
    auto ends_part = [&] { return At(TK::kColon) || At(TK::kComma) || At(TK::kRSqb); };
    if (!ends_part()) s->upper = ParseExpression();
    if (Accept(TK::kColon) && !At(TK::kComma) && !At(TK::kRSqb)) s->step = ParseExpression();
    s->pos = PosFrom(start);
    return s;
  }

  ExprPtr ParseAtom() {
    const Token& t = Cur();
    switch (t.kind) {
      case TK::kName:
        Advance();
        return std::make_unique<Name>(PosFrom(t), std::string(t.text), ExprContext::kLoad);
      case TK::kNumber: return ParseNumber();
      case TK::kString: return ParseStrings();
      case TK::kNone: return KeywordConstant(Constant::Type::kNone);
      case TK::kTrue: return KeywordConstant(Constant::Type::kTrue);
      case TK::kFalse: return KeywordConstant(Constant::Type::kFalse);
      case TK::kEllipsis: return KeywordConstant(Constant::Type::kEllipsis);
      case TK::kLPar: return ParseParenthesized();
      case TK::kLSqb: return ParseListDisplay();
      case TK::kLBrace: return ParseBraceDisplay();
      default: InvalidSyntax();
    }
  }

  ExprPtr KeywordConstant(Constant::Type type) {
    const Token& t = Advance();
    return std::make_unique<Constant>(PosFrom(t), type);
  }

  ExprPtr ParseNumber() {
    const Token& t = Advance();
    NumberValue v = DecodeNumber(t.text);
    Constant::Type type = Constant::Type::kInt;
    switch (v.kind) {
      case NumberValue::Kind::kInt: type = Constant::Type::kInt; break;
      case NumberValue::Kind::kBigInt: type = Constant::Type::kBigInt; break;
      case NumberValue::Kind::kFloat: type = Constant::Type::kFloat; break;
      case NumberValue::Kind::kImag: type = Constant::Type::kImag; break;
    }
    auto c = std::make_unique<Constant>(PosFrom(t), type);
    c->i = v.i;
    c->f = v.f;
    c->s = std::move(v.digits);
    return c;
  }

  // '(' ... ')': empty tuple, group, yield, tuple, or generator expression.
  ExprPtr ParseParenthesized() {
    BracketGuard brackets(this);
    const Token& open = Advance();
    if (Accept(TK::kRPar)) return std::make_unique<Sequence>(ExprKind::kTuple, PosFrom(open));
    if (At(TK::kYield)) {
      ExprPtr y = ParseYield();
      Expect(TK::kRPar);
      return y;
    }
    if (At(TK::kDoubleStar)) {
      FailAtToken(Cur(), "cannot use double starred expression here");
    }
    size_t yields_before = yields_.size();
    ExprPtr first = ParseStarNamedExpression();
    if (At(TK::kFor) || (At(TK::kAsync) && Ahead(1).kind == TK::kFor)) {
      ExprPtr g = ParseComprehension(ExprKind::kGeneratorExp, std::move(first), nullptr, open,
                                     yields_before);
      Expect(TK::kRPar);
      g->pos = PosFrom(open);
      return g;
    }
    if (!At(TK::kComma)) {
      if (first->kind == ExprKind::kStarred && At(TK::kRPar)) {
        FailAt(first->pos, "cannot use starred expression here");
      }
      Expect(TK::kRPar);
      return first;
    }
    auto tuple = std::make_unique<Sequence>(ExprKind::kTuple, Pos{});
    tuple->elts.push_back(std::move(first));
    ParseDisplayTail(&tuple->elts, TK::kRPar);
    tuple->pos = PosFrom(open);
    return tuple;
  }

  // The rest of a display after its first element: (',' star_named_expression)* [','] close.
  void ParseDisplayTail(ExprList* elts, TK close) {
    while (Accept(TK::kComma) && !At(close)) elts->push_back(ParseStarNamedExpression());
    Expect(close);
  }

  ExprPtr ParseListDisplay() {
    BracketGuard brackets(this);
    const Token& open = Advance();
    auto list = std::make_unique<Sequence>(ExprKind::kList, Pos{});
    if (!Accept(TK::kRSqb)) {
      size_t yields_before = yields_.size();
      ExprPtr first = ParseStarNamedExpression();
      if (At(TK::kFor) || (At(TK::kAsync) && Ahead(1).kind == TK::kFor)) {
        ExprPtr c = ParseComprehension(ExprKind::kListComp, std::move(first), nullptr, open,
                                       yields_before);
        Expect(TK::kRSqb);
        return FinishComprehension(std::move(c), open);
      }
      list->elts.push_back(std::move(first));
      ParseDisplayTail(&list->elts, TK::kRSqb);
    }
    list->pos = PosFrom(open);
    return list;
  }

  ExprPtr ParseBraceDisplay() {
    BracketGuard brackets(this);
    const Token& open = Advance();
    if (Accept(TK::kRBrace)) return std::make_unique<Dict>(PosFrom(open));
    size_t yields_before = yields_.size();
    if (At(TK::kDoubleStar)) return ParseDictTail(open, nullptr, yields_before);
    ExprPtr first = ParseStarNamedExpression();
    if (At(TK::kColon)) return ParseDictTail(open, std::move(first), yields_before);
    if (At(TK::kFor) || (At(TK::kAsync) && Ahead(1).kind == TK::kFor)) {
      ExprPtr c = ParseComprehension(ExprKind::kSetComp, std::move(first), nullptr, open,
                                     yields_before);
      Expect(TK::kRBrace);
      return FinishComprehension(std::move(c), open);
    }
    auto set = std::make_unique<Sequence>(ExprKind::kSet, Pos{});
    set->elts.push_back(std::move(first));
    ParseDisplayTail(&set->elts, TK::kRBrace);
    set->pos = PosFrom(open);
    return set;
  }

  // A dict display or comprehension; `first_key` is null when it starts with `**`.
  ExprPtr ParseDictTail(const Token& open, ExprPtr first_key, size_t yields_before) {
    auto dict = std::make_unique<Dict>(Pos{});
    bool first = true;
    do {
      if (At(TK::kRBrace)) break;
      ExprPtr key, value;
      if (first && first_key) {
        key = std::move(first_key);
        if (key->kind == ExprKind::kStarred || key->kind == ExprKind::kNamedExpr) InvalidSyntax();
        ExpectDictColon(*key);
        value = ParseDictValue();
        if (At(TK::kFor) || (At(TK::kAsync) && Ahead(1).kind == TK::kFor)) {
          ExprPtr c = ParseComprehension(ExprKind::kDictComp, std::move(key), std::move(value),
                                         open, yields_before);
          Expect(TK::kRBrace);
          return FinishComprehension(std::move(c), open);
        }
      } else if (Accept(TK::kDoubleStar)) {
        value = ParseBitwiseOr();
        if (first && (At(TK::kFor) || At(TK::kAsync))) {
          FailAtToken(Cur(), "dict unpacking cannot be used in dict comprehension");
        }
      } else {
        key = ParseExpression();
        ExpectDictColon(*key);
        value = ParseDictValue();
      }
      first = false;
      dict->keys.push_back(std::move(key));
      dict->values.push_back(std::move(value));
    } while (Accept(TK::kComma));
    Expect(TK::kRBrace);
    dict->pos = PosFrom(open);
    return dict;
  }

  // A list, set or dict comprehension after its closing bracket: its span, and the check
  // CPython's compiler makes on `async for` in it.
  ExprPtr FinishComprehension(ExprPtr c, const Token& open) {
    c->pos = PosFrom(open);
    const auto& gens = As<Comp>(*c).generators;
    bool any_async = std::any_of(gens.begin(), gens.end(),
                                 [](const Comprehension& g) { return g.is_async; });
    if (any_async && !scope_.is_async) {
      DeferCompile(c->pos, "asynchronous comprehension outside of an asynchronous function");
    }
    return c;
  }

  void ExpectDictColon(const Expr& key) {
    if (At(TK::kColon)) return;
    Fail("':' expected after dictionary key", key.pos.line, key.pos.col, key.pos.line, -1);
  }
  ExprPtr ParseDictValue() {
    const Token& colon = Advance();
    if (At(TK::kRBrace) || At(TK::kComma)) {
      FailAtToken(colon, "expression expected after dictionary key and ':'");
    }
    return ParseExpression();
  }

  // The `for ... in ... if ...` clauses after the element of a comprehension.
  // `yields_before` is yields_.size() before the element was parsed.
  ExprPtr ParseComprehension(ExprKind kind, ExprPtr elt, ExprPtr value, const Token& open,
                             size_t yields_before) {
    const char* what = kind == ExprKind::kListComp  ? "list comprehension"
                       : kind == ExprKind::kSetComp ? "set comprehension"
                       : kind == ExprKind::kDictComp ? "dict comprehension"
                                                     : "generator expression";
    if (elt->kind == ExprKind::kStarred) {
      FailAt(elt->pos, "iterable unpacking cannot be used in comprehension");
    }
    if (yields_.size() > yields_before) {  // the element, parsed before we knew, had a yield
      DeferSymtable(yields_[yields_before], absl::StrCat("'yield' inside ", what));
    }
    auto c = std::make_unique<Comp>(kind, Pos{});
    if (kind == ExprKind::kDictComp) {
      c->key = std::move(elt);
      c->value = std::move(value);
    } else {
      c->elt = std::move(elt);
    }
    // The comprehension's own scope, where `yield` is not allowed; only the first iterable is
    // evaluated outside it.
    Scope outer = scope_;
    Scope inner = scope_;
    inner.comprehension = what;
    ScopeGuard guard(this, inner);
    while (At(TK::kFor) || (At(TK::kAsync) && Ahead(1).kind == TK::kFor)) {
      Comprehension gen;
      gen.is_async = Accept(TK::kAsync);
      Advance();  // 'for'
      gen.target = ParseTargetList(TargetKind::kFor);
      Expect(TK::kIn);
      if (c->generators.empty()) {
        ScopeGuard first_iter(this, outer);
        gen.iter = ParseDisjunction();
      } else {
        gen.iter = ParseDisjunction();
      }
      while (Accept(TK::kIf)) gen.ifs.push_back(ParseDisjunction());
      c->generators.push_back(std::move(gen));
    }
    c->pos = PosFrom(open);
    return c;
  }

  // yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
  ExprPtr ParseYield() {
    const Token& start = Advance();
    ExprPtr e;
    if (Accept(TK::kFrom)) {
      auto y = std::make_unique<YieldLike>(ExprKind::kYieldFrom, Pos{});
      y->value = ParseExpression();
      e = std::move(y);
    } else {
      auto y = std::make_unique<YieldLike>(ExprKind::kYield, Pos{});
      if (StartsExpression(Kind()) || At(TK::kStar)) y->value = ParseStarExpressions();
      e = std::move(y);
    }
    e->pos = PosFrom(start);
    yields_.push_back(e->pos);
    if (scope_.comprehension) {
      DeferSymtable(e->pos, absl::StrCat("'yield' inside ", scope_.comprehension));
    } else if (!scope_.in_function) {
      DeferCompile(e->pos, "'yield' outside function");
    } else if (e->kind == ExprKind::kYieldFrom && scope_.is_async) {
      DeferCompile(e->pos, "'yield from' inside async function");
    }
    return e;
  }

  // ---- String literals and f-strings -------------------------------------------------------

  // STRING+: adjacent literals are concatenated; any f-string part makes it a JoinedStr.
  ExprPtr ParseStrings() {
    const Token& first = Cur();
    size_t begin = i_;
    while (At(TK::kString)) Advance();
    size_t end = i_;
    Pos pos = PosFrom(first);
    // CPython reports most literal errors at the token after the literal.
    const Token& after = Cur();
    bool any_bytes = false, any_str = false, any_f = false;
    for (size_t k = begin; k < end; ++k) {
      StringParts parts = SplitStringToken(stream_.tokens[k].text);
      (parts.bytes ? any_bytes : any_str) = true;
      any_f |= parts.fstring;
    }
    if (any_bytes && any_str) FailAtToken(after, "cannot mix bytes and nonbytes literals");
    if (!any_f) {
      auto c = std::make_unique<Constant>(pos, any_bytes ? Constant::Type::kBytes
                                                         : Constant::Type::kStr);
      std::string piece;
      for (size_t k = begin; k < end; ++k) {
        DecodeLiteral(stream_.tokens[k], after, &piece);
        c->s += piece;
      }
      return c;
    }
    auto joined = std::make_unique<JoinedStr>(pos);
    JoinedBuilder builder(pos, pos);
    std::string piece;
    for (size_t k = begin; k < end; ++k) {
      const Token& t = stream_.tokens[k];
      StringParts parts = SplitStringToken(t.text);
      if (!parts.fstring) {
        DecodeLiteral(t, after, &piece);
        builder.AddText(piece);
        continue;
      }
      FString f{t, parts, after, pos};
      size_t i = 0;
      ParseFStringPart(f, &i, 0, &builder);
      if (i < parts.body.size()) FailAtToken(after, "f-string: unexpected end of string");
    }
    joined->values = builder.Finish();
    return joined;
  }

  void DecodeLiteral(const Token& t, const Token& after, std::string* out) {
    StringParts parts = SplitStringToken(t.text);
    std::string error;
    if (!DecodeStringBody(parts.body, parts.raw, parts.bytes, out, &error)) {
      if (parts.bytes && error.rfind("bytes", 0) == 0) FailAtToken(t, error);
      FailAtToken(after, error);
    }
  }

  struct FString {
    const Token& token;
    StringParts parts;
    const Token& after;  // where f-string errors are reported
    Pos pos;             // of the whole literal: CPython gives it to every piece
  };

  // Literal text and replacement fields until the end of the body, or (inside a format spec,
  // level > 0) until the '}' that closes the field. CPython 3.11's fstring_find_literal.
  void ParseFStringPart(const FString& f, size_t* i, int level, JoinedBuilder* out) {
    std::string_view body = f.parts.body;
    for (;;) {
      size_t lit_start = *i;
      bool doubled = false;
      size_t lit_end = body.size();
      while (*i < body.size()) {
        char ch = body[(*i)++];
        if (!f.parts.raw && ch == '\\' && *i < body.size()) {
          ch = body[(*i)++];
          if (ch == 'N') {  // the braces of `\N{NAME}` do not start a field (as CPython)
            if (*i < body.size() && body[(*i)++] == '{') {
              while (*i < body.size() && body[(*i)++] != '}') {
              }
            }
            continue;
          }
        }
        if (ch != '{' && ch != '}') continue;
        if (level == 0) {
          if (*i < body.size() && body[*i] == ch) {
            lit_end = *i;  // keep one brace
            ++*i;
            doubled = true;
            break;
          }
          if (ch == '}') FailAtToken(f.after, "f-string: single '}' is not allowed");
        }
        --*i;
        lit_end = *i;
        break;
      }
      if (!doubled && *i >= body.size()) lit_end = body.size();
      AddFStringLiteral(f, body.substr(lit_start, lit_end - lit_start), out);
      if (doubled) continue;
      if (*i >= body.size() || body[*i] == '}') break;
      ParseFStringField(f, i, level, out);
    }
    if (level > 0 && (*i >= body.size() || body[*i] != '}')) {
      FailAtToken(f.after, "f-string: expecting '}'");
    }
  }

  void AddFStringLiteral(const FString& f, std::string_view raw, JoinedBuilder* out) {
    if (raw.empty()) return;
    if (f.parts.raw) {
      std::string text(raw);
      text.erase(std::remove(text.begin(), text.end(), '\r'), text.end());
      out->AddText(text);
      return;
    }
    std::string decoded, error;
    if (!DecodeStringBody(raw, false, false, &decoded, &error)) FailAtToken(f.after, error);
    out->AddText(decoded);
  }

  // A replacement field starting at body[*i] == '{'. CPython 3.11's fstring_find_expr.
  void ParseFStringField(const FString& f, size_t* i, int level, JoinedBuilder* out) {
    std::string_view body = f.parts.body;
    auto fail = [&](std::string msg) { FailAtToken(f.after, std::move(msg)); };
    if (level >= 2) fail("f-string: expressions nested too deeply");
    size_t expr_start = ++*i;
    char quote = 0;
    int string_type = 0;
    std::string brackets;
    for (; *i < body.size(); ++*i) {
      char ch = body[*i];
      if (ch == '\\') fail("f-string expression part cannot include a backslash");
      if (quote) {
        if (ch != quote) continue;
        if (string_type == 3) {
          if (*i + 2 < body.size() && body[*i + 1] == ch && body[*i + 2] == ch) {
            *i += 2;
            quote = 0;
          }
          continue;
        }
        quote = 0;
        continue;
      }
      if (ch == '\'' || ch == '"') {
        if (*i + 2 < body.size() && body[*i + 1] == ch && body[*i + 2] == ch) {
          string_type = 3;
          *i += 2;
        } else {
          string_type = 1;
        }
        quote = ch;
      } else if (ch == '[' || ch == '(' || ch == '{') {
        if (brackets.size() >= static_cast<size_t>(kMaxNesting)) {
          fail("f-string: too many nested parenthesis");
        }
        brackets += ch;
      } else if (ch == '#') {
        fail("f-string expression part cannot include '#'");
      } else if (brackets.empty() && std::strchr("!:}=<>", ch)) {
        char next = *i + 1 < body.size() ? body[*i + 1] : 0;
        if (next == '=' && (ch == '!' || ch == '=' || ch == '<' || ch == '>')) {
          ++*i;
          continue;
        }
        if (ch == '<' || ch == '>') continue;
        break;
      } else if (ch == ']' || ch == ')' || ch == '}') {
        if (brackets.empty()) fail(absl::StrFormat("f-string: unmatched '%c'", ch));
        char open = brackets.back();
        brackets.pop_back();
        if (!((open == '(' && ch == ')') || (open == '[' && ch == ']') ||
              (open == '{' && ch == '}'))) {
          fail(absl::StrFormat(
              "f-string: closing parenthesis '%c' does not match opening parenthesis '%c'", ch,
              open));
        }
      }
    }
    size_t expr_end = *i;
    if (quote) fail("f-string: unterminated string");
    if (!brackets.empty()) fail(absl::StrFormat("f-string: unmatched '%c'", brackets.back()));
    if (*i >= body.size()) fail("f-string: expecting '}'");
    ExprPtr value = ParseFieldExpression(f, expr_start, expr_end);

    auto field = std::make_unique<FormattedValue>(f.pos);
    bool self_documenting = false;
    if (body[*i] == '=') {
      ++*i;
      while (*i < body.size() && IsSpace(body[*i])) ++*i;
      if (*i >= body.size()) fail("f-string: expecting '}'");
      out->AddText(body.substr(expr_start, *i - expr_start));
      self_documenting = true;
    }
    if (body[*i] == '!') {
      ++*i;
      if (*i >= body.size()) fail("f-string: expecting '}'");
      char conv = body[(*i)++];
      if (conv != 's' && conv != 'r' && conv != 'a') {
        fail("f-string: invalid conversion character: expected 's', 'r', or 'a'");
      }
      field->conversion = conv;
    }
    if (*i < body.size() && body[*i] == ':') {
      ++*i;
      if (*i >= body.size()) fail("f-string: expecting '}'");
      const Token& t = f.token;
      Pos spec_pos{t.line, t.col, t.end_line, t.end_col};
      JoinedBuilder spec(f.pos, spec_pos);
      ParseFStringPart(f, i, level + 1, &spec);
      auto joined = std::make_unique<JoinedStr>(spec_pos);
      joined->values = spec.Finish();
      field->format_spec = std::move(joined);
    }
    if (*i >= body.size() || body[*i] != '}') fail("f-string: expecting '}'");
    ++*i;
    if (self_documenting && !field->format_spec && field->conversion == 0) {
      field->conversion = 'r';
    }
    field->value = std::move(value);
    out->AddExpr(std::move(field));
  }

  // Parses body[start, end) as "(" + text + ")", placed where CPython 3.11 places it
  // (fstring_find_expr_location), with the current scope (so `await`/`yield` checks apply).
  ExprPtr ParseFieldExpression(const FString& f, size_t start, size_t end) {
    std::string_view body = f.parts.body;
    std::string_view text = body.substr(start, end - start);
    if (std::all_of(text.begin(), text.end(),
                    [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f'; })) {
      char next = body[end];
      if (next == '!' || next == ':' || next == '=') {
        FailAtToken(f.after, absl::StrFormat("f-string: expression required before '%c'", next));
      }
      FailAtToken(f.after, "f-string: empty expression not allowed");
    }
    std::string_view token_text = f.token.text;
    size_t brace = f.parts.body_start + start - 1;
    int lines = static_cast<int>(std::count(token_text.begin(), token_text.begin() + brace, '\n'));
    bool newline_after_brace = true;
    for (size_t k = brace + 1; k < token_text.size() && token_text[k] != '}' &&
                               token_text[k] != '\n';
         ++k) {
      char c = token_text[k];
      if (c != ' ' && c != '\t' && c != '\f') {
        newline_after_brace = false;
        break;
      }
    }
    int cols = 0;
    if (!newline_after_brace) {
      size_t nl = token_text.rfind('\n', brace);
      cols = static_cast<int>(nl == std::string_view::npos ? brace : brace - nl - 1);
    }
    std::string source = absl::StrCat("(", std::string(text), ")");
    SourceLines lines_info(source);
    // CPython adds the token's column only when the field is on the token's first line.
    LexOptions options{f.token.line + lines, (lines == 0 ? f.token.col : 0) + cols};
    TokenStream field;
    Install(&field, &lines_info, Tokenize(source, options));
    field.fstring = true;
    field.first_line = options.first_line;
    field.col_shift = options.first_line_col_offset;
    std::swap(stream_, field);
    size_t saved_i = std::exchange(i_, 0);
    int saved_brackets = std::exchange(brackets_, 0);
    ExprPtr e;
    try {
      DepthGuard depth(this);
      e = ParseStarExpressions();
      while (Accept(TK::kNewline)) {
      }
      if (!At(TK::kEndMarker)) InvalidSyntax();
    } catch (ParseFailure& failure) {
      SyntaxErrorInfo info = PreferLexerError(std::move(failure));
      std::swap(stream_, field);
      i_ = saved_i;
      brackets_ = saved_brackets;
      Throw(std::move(info));
    }
    std::swap(stream_, field);
    i_ = saved_i;
    brackets_ = saved_brackets;
    return e;
  }

  ParseMode mode_;
  TokenStream stream_;
  size_t i_ = 0;
  int depth_ = 0;
  int brackets_ = 0;
  Scope scope_;
  const Expr* bare_tuple_ = nullptr;   // the last unparenthesised tuple built
  const Expr* genexp_arg_ = nullptr;   // a generator expression that was a call's sole argument
  std::vector<Pos> yields_;            // every yield so far, to find those in comprehensions
  std::optional<SyntaxErrorInfo> symtable_error_;
  std::optional<SyntaxErrorInfo> compile_error_;
};

}  // namespace

std::unique_ptr<Module> Parse(std::string_view source, ParseMode mode, SyntaxErrorInfo* error) {
  SourceLines lines(source);
  Parser parser(&lines, Tokenize(source), mode);
  try {
    return parser.Run();
  } catch (ParseFailure& failure) {
    // At the prompt, a statement that fails only because the input stops (a block's missing
    // body, the def after a decorator, a `try:` with no `except` yet) goes on with the next line.
    bool at_end = mode == ParseMode::kSingle && !failure.from_lexer && parser.FailedAtEnd();
    *error = parser.PreferLexerError(std::move(failure));
    if (at_end) error->incomplete = error->statement_expected = true;
    return nullptr;
  }
}

}  // namespace gilvm::compiler
