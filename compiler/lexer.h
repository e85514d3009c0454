// The tokenizer: UTF-8 source text to a vector of tokens, following CPython 3.11's tokenizer.
//
// Invariants:
//  - Tokenize runs in time linear in the input and never fails silently: it returns every token
//    up to the first error, then the error itself (with CPython's message and position).
//  - On success the token vector ends with NEWLINE (if any statement was started), the DEDENTs
//    that close open blocks, and one ENDMARKER.
//  - Bracket depth is capped at kMaxNesting and indentation depth at kMaxIndent, so later stages
//    can rely on bounded nesting.
//  - Literal decoding (DecodeNumber, DecodeStringBody) lives here too, because it shares the
//    lexer's character classes; the parser calls it on tokens the lexer already validated.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/parser.h"
#include "compiler/token.h"

namespace gilvm::compiler {

inline constexpr int kMaxIndent = 100;  // CPython's MAXINDENT

// Where the tokens of a nested source (an f-string replacement field) sit in the real file:
// line 1 of the nested source is `first_line`, and its columns are shifted by
// `first_line_col_offset` (only the first line, exactly like CPython 3.11).
struct LexOptions {
  int first_line = 1;
  int first_line_col_offset = 0;
};

struct OpenBracket {
  char ch = 0;
  int line = 0;
  int col = 0;  // bytes, 0-based
};

struct LexResult {
  std::vector<Token> tokens;
  // The tokenizer error that stopped the scan, if any; `tokens` holds what came before it.
  std::optional<SyntaxErrorInfo> error;
  // Set when the input ended inside brackets: the innermost bracket still open. `error` is also
  // set then ("'(' was never closed"), but the parser may prefer its own earlier error.
  std::optional<OpenBracket> unclosed;
};

LexResult Tokenize(std::string_view source, const LexOptions& options = {});

// ---- Literal decoding ---------------------------------------------------------------------

struct NumberValue {
  enum class Kind : uint8_t { kInt, kBigInt, kFloat, kImag };
  Kind kind = Kind::kInt;
  int64_t i = 0;       // kInt
  double f = 0;        // kFloat, kImag
  std::string digits;  // kBigInt: decimal digits
};

// Decodes the text of a NUMBER token (already validated by Tokenize).
NumberValue DecodeNumber(std::string_view text);

// A STRING token split into its prefix flags and the text between the quotes.
struct StringParts {
  bool raw = false;
  bool bytes = false;
  bool fstring = false;
  int quote_size = 1;     // 1 or 3
  size_t body_start = 0;  // byte offset of `body` within the token text
  std::string_view body;
};
StringParts SplitStringToken(std::string_view text);

// Decodes the escapes of a (non-f-string) literal body into `*out` (UTF-8 for str, raw bytes for
// bytes). On failure returns false and sets `*error` to CPython's message.
bool DecodeStringBody(std::string_view body, bool raw, bool bytes, std::string* out,
                      std::string* error);

// Appends the UTF-8 encoding of `cp` (surrogates are encoded like any other code point).
void AppendUtf8(uint32_t cp, std::string* out);

// Number of characters (code points) in the first `bytes` bytes of `line`; bytes past the end
// of `line` count one each (CPython counts the line break as a character).
int CharOffset(std::string_view line, int bytes);

}  // namespace gilvm::compiler
