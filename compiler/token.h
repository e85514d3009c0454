// Tokens: what the lexer (compiler/lexer.h) hands to the parser.
//
// Invariants:
//  - A token's `text` is a view into the source buffer the lexer was given; that buffer must
//    outlive the tokens. Nothing is decoded here: numbers and strings are decoded by the parser.
//  - Positions follow CPython's tokenizer: 1-based lines, 0-based columns in UTF-8 bytes, end
//    exclusive. NEWLINE tokens have an empty span at the position of the line break;
//    INDENT/DEDENT/ENDMARKER have an empty span at the start of the line that caused them.
//  - Keywords get their own kinds; soft keywords (`match`, `case`, `_`) are plain names.
#pragma once

#include <cstdint>
#include <string_view>

namespace gilvm::compiler {

enum class TokenKind : uint8_t {
  kEndMarker,
  kNewline,
  kIndent,
  kDedent,
  kName,
  kNumber,
  kString,  // one literal, prefix and quotes included; adjacent literals are separate tokens
  // Operators and delimiters.
  kLPar, kRPar, kLSqb, kRSqb, kLBrace, kRBrace,
  kColon, kComma, kSemi, kDot, kEllipsis, kArrow, kColonEqual, kAt, kEqual,
  kPlus, kMinus, kStar, kDoubleStar, kSlash, kDoubleSlash, kPercent, kTilde,
  kVBar, kAmper, kCircumflex, kLeftShift, kRightShift,
  kLess, kGreater, kEqEqual, kNotEqual, kLessEqual, kGreaterEqual,
  kPlusEqual, kMinusEqual, kStarEqual, kDoubleStarEqual, kSlashEqual, kDoubleSlashEqual,
  kPercentEqual, kAtEqual, kVBarEqual, kAmperEqual, kCircumflexEqual, kLeftShiftEqual,
  kRightShiftEqual,
  kUnknownOp,  // `!`, `$`, `?`, a backquote: valid tokens that no grammar rule accepts
  // Keywords.
  kFalse, kNone, kTrue, kAnd, kAs, kAssert, kAsync, kAwait, kBreak, kClass, kContinue, kDef,
  kDel, kElif, kElse, kExcept, kFinally, kFor, kFrom, kGlobal, kIf, kImport, kIn, kIs, kLambda,
  kNonlocal, kNot, kOr, kPass, kRaise, kReturn, kTry, kWhile, kWith, kYield,
};

struct Token {
  TokenKind kind = TokenKind::kEndMarker;
  std::string_view text;
  int line = 0;
  int col = 0;
  int end_line = 0;
  int end_col = 0;
};

// A short name for diagnostics and tests, e.g. "NAME", "'('", "'if'".
std::string_view TokenKindName(TokenKind kind);

}  // namespace gilvm::compiler
