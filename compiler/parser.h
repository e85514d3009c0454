// The parser: Python source text to an AST (compiler/ast.h).
//
// Invariants:
//  - Parse never crashes, hangs or recurses without bound on any input: nesting deeper than
//    kMaxNesting is a SyntaxError ("too many nested parentheses" / "too many statically nested
//    blocks") rather than a stack overflow.
//  - On failure it returns null and fills `SyntaxErrorInfo` with what CPython 3.11 would report:
//    the exception type, the message, and the 1-based line and column of the caret.
//  - It needs no interpreter; it is a pure function of its input.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "compiler/ast.h"

namespace gilvm::compiler {

struct SyntaxErrorInfo {
  std::string type = "SyntaxError";  // or "IndentationError", "TabError"
  std::string msg;                   // e.g. "invalid syntax", "'(' was never closed"
  int line = 0;                      // 1-based
  int col = 0;                       // 1-based, in characters (CPython's offset)
  int end_line = 0;                  // 0 if unknown
  int end_col = 0;                   // 1-based exclusive, 0 if unknown
  std::string text;                  // the offending source line, without its newline
  // True when the input ended inside an unfinished construct (open bracket, a block
  // header without a body, a triple-quoted string). The REPL reads another line then.
  bool incomplete = false;
  // Of those, true when what is missing is a statement (a block's body, the def after a
  // decorator) rather than the rest of a token or bracket: a blank line at the prompt ends the
  // input there, and the error stands.
  bool statement_expected = false;
};

enum class ParseMode {
  kFile,    // a module: a sequence of statements
  kSingle,  // one interactive statement (REPL)
  kEval,    // a single expression (eval()); the Module holds one ExprStmt
};

inline constexpr int kMaxNesting = 200;

// Parses `source` (UTF-8). Returns null on error and fills `*error`.
std::unique_ptr<Module> Parse(std::string_view source, ParseMode mode, SyntaxErrorInfo* error);

}  // namespace gilvm::compiler
