#include "compiler/lexer.h"

#include <cmath>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "compiler/unicode_names.h"

namespace gilvm::compiler {
namespace {

std::string TokenString(const Token& t) {
  return std::string(TokenKindName(t.kind)) + ":" + std::string(t.text);
}

// "KIND:text" for each token, e.g. "NAME:x", "NUMBER:1", "NEWLINE:".
std::vector<std::string> Kinds(std::string_view src) {
  LexResult r = Tokenize(src);
  EXPECT_FALSE(r.error) << r.error->msg;
  std::vector<std::string> out;
  for (const Token& t : r.tokens) out.push_back(TokenString(t));
  return out;
}

SyntaxErrorInfo LexError(std::string_view src) {
  LexResult r = Tokenize(src);
  EXPECT_TRUE(r.error) << src;
  return r.error ? *r.error : SyntaxErrorInfo{};
}

using V = std::vector<std::string>;

TEST(LexerTest, SimpleStatement) {
  EXPECT_EQ(Kinds("x = 1\n"), (V{"NAME:x", "=:=", "NUMBER:1", "NEWLINE:", "ENDMARKER:"}));
}

TEST(LexerTest, MissingFinalNewlineIsAdded) {
  EXPECT_EQ(Kinds("x"), (V{"NAME:x", "NEWLINE:", "ENDMARKER:"}));
}

TEST(LexerTest, EmptyAndCommentOnlyInput) {
  EXPECT_EQ(Kinds(""), (V{"ENDMARKER:"}));
  EXPECT_EQ(Kinds("# hi\n\n   \n"), (V{"ENDMARKER:"}));
}

TEST(LexerTest, Keywords) {
  LexResult r = Tokenize("if else lambda yield None match _");
  ASSERT_FALSE(r.error);
  EXPECT_EQ(r.tokens[0].kind, TokenKind::kIf);
  EXPECT_EQ(r.tokens[1].kind, TokenKind::kElse);
  EXPECT_EQ(r.tokens[2].kind, TokenKind::kLambda);
  EXPECT_EQ(r.tokens[3].kind, TokenKind::kYield);
  EXPECT_EQ(r.tokens[4].kind, TokenKind::kNone);
  EXPECT_EQ(r.tokens[5].kind, TokenKind::kName);  // soft keyword
  EXPECT_EQ(r.tokens[6].kind, TokenKind::kName);
}

TEST(LexerTest, OperatorsLongestMatch) {
  EXPECT_EQ(Kinds("a **= b // c ... -> := != <<= >>= @="),
            (V{"NAME:a", "**=:**=", "NAME:b", "//://", "NAME:c", "...:...", "->:->", ":=::=",
               "!=:!=", "<<=:<<=", ">>=:>>=", "@=:@=", "NEWLINE:", "ENDMARKER:"}));
}

TEST(LexerTest, IndentDedent) {
  EXPECT_EQ(Kinds("if x:\n    y\n    if z:\n        w\nv\n"),
            (V{"if:if", "NAME:x", ":::", "NEWLINE:", "INDENT:", "NAME:y", "NEWLINE:", "if:if",
               "NAME:z", ":::", "NEWLINE:", "INDENT:", "NAME:w", "NEWLINE:", "DEDENT:", "DEDENT:",
               "NAME:v", "NEWLINE:", "ENDMARKER:"}));
}

TEST(LexerTest, DedentsAtEndOfInput) {
  EXPECT_EQ(Kinds("if x:\n  y"),
            (V{"if:if", "NAME:x", ":::", "NEWLINE:", "INDENT:", "NAME:y", "NEWLINE:", "DEDENT:",
               "ENDMARKER:"}));
}

TEST(LexerTest, TabsCountToMultiplesOfEight) {
  // A tab and 8 spaces both reach column 8, but CPython also compares the columns with tabs
  // counted as 1 and reports the mismatch as a TabError.
  EXPECT_EQ(Kinds("if x:\n\ty\n\tz\n").size(), 11u);
  SyntaxErrorInfo e = LexError("if x:\n\ty\n        z\n");
  EXPECT_EQ(e.type, "TabError");
  EXPECT_EQ(e.msg, "inconsistent use of tabs and spaces in indentation");
  EXPECT_EQ(e.line, 3);
}

TEST(LexerTest, BlankLinesAndCommentsDoNotIndent) {
  EXPECT_EQ(Kinds("if x:\n  y\n\n      # c\n  z\n"),
            (V{"if:if", "NAME:x", ":::", "NEWLINE:", "INDENT:", "NAME:y", "NEWLINE:", "NAME:z",
               "NEWLINE:", "DEDENT:", "ENDMARKER:"}));
}

TEST(LexerTest, ImplicitAndExplicitLineJoining) {
  EXPECT_EQ(Kinds("f(1,\n    2)\n"),
            (V{"NAME:f", "(:(", "NUMBER:1", ",:,", "NUMBER:2", "):)", "NEWLINE:", "ENDMARKER:"}));
  EXPECT_EQ(Kinds("x = 1 + \\\n  2\n"),
            (V{"NAME:x", "=:=", "NUMBER:1", "+:+", "NUMBER:2", "NEWLINE:", "ENDMARKER:"}));
}

TEST(LexerTest, CrLfLineEndings) {
  EXPECT_EQ(Kinds("if x:\r\n  y\r\n"),
            (V{"if:if", "NAME:x", ":::", "NEWLINE:", "INDENT:", "NAME:y", "NEWLINE:", "DEDENT:",
               "ENDMARKER:"}));
}

TEST(LexerTest, TokenPositions) {
  LexResult r = Tokenize("x = 'a\nb' if y else '''c\nd'''\n");
  ASSERT_TRUE(r.error);  // the single-quoted string is unterminated at the line end
  r = Tokenize("ab  = '''c\nd''' + é\n");
  ASSERT_FALSE(r.error);
  const Token& s = r.tokens[2];
  EXPECT_EQ(s.kind, TokenKind::kString);
  EXPECT_EQ(s.line, 1);
  EXPECT_EQ(s.col, 6);
  EXPECT_EQ(s.end_line, 2);
  EXPECT_EQ(s.end_col, 4);
  const Token& name = r.tokens[4];
  EXPECT_EQ(name.text, "é");
  EXPECT_EQ(name.col, 7);
  EXPECT_EQ(name.end_col, 9);  // UTF-8 bytes
}

TEST(LexerTest, NumberForms) {
  for (std::string_view n : {"0", "00", "0_0", "123", "1_000", "0x1F", "0XdeadBEEF", "0x_f",
                             "0o17", "0O7_7", "0b101", "0B1_0", "1.", ".5", "1.5", "1e10",
                             "1E-5", "1.5e+3", "1_000.5", "0.0", "00.5", "0e0", "1j", "1.5J",
                             "1e3j", "00j", "1_0j"}) {
    LexResult r = Tokenize(n);
    ASSERT_FALSE(r.error) << n << ": " << r.error->msg;
    ASSERT_EQ(r.tokens[0].kind, TokenKind::kNumber) << n;
    EXPECT_EQ(r.tokens[0].text, n);
  }
}

TEST(LexerTest, NumberFollowedByKeyword) {
  EXPECT_EQ(Kinds("1if x else 2"),
            (V{"NUMBER:1", "if:if", "NAME:x", "else:else", "NUMBER:2", "NEWLINE:",
               "ENDMARKER:"}));
  EXPECT_EQ(Kinds("1else"), (V{"NUMBER:1", "else:else", "NEWLINE:", "ENDMARKER:"}));
}

TEST(LexerTest, DecodeNumbers) {
  EXPECT_EQ(DecodeNumber("1_000").i, 1000);
  EXPECT_EQ(DecodeNumber("0xff").i, 255);
  EXPECT_EQ(DecodeNumber("0o17").i, 15);
  EXPECT_EQ(DecodeNumber("0b101").i, 5);
  EXPECT_EQ(DecodeNumber("9223372036854775807").i, INT64_MAX);
  NumberValue big = DecodeNumber("9223372036854775808");
  EXPECT_EQ(big.kind, NumberValue::Kind::kBigInt);
  EXPECT_EQ(big.digits, "9223372036854775808");
  EXPECT_EQ(DecodeNumber("0x1_0000_0000_0000_0000").digits, "18446744073709551616");
  EXPECT_EQ(DecodeNumber("0o1000000000000000000000").digits, "9223372036854775808");
  EXPECT_EQ(DecodeNumber("0b1" + std::string(64, '0')).digits, "18446744073709551616");
  EXPECT_EQ(DecodeNumber("123456789012345678901234567890").digits,
            "123456789012345678901234567890");
  EXPECT_EQ(DecodeNumber("1.5").kind, NumberValue::Kind::kFloat);
  EXPECT_DOUBLE_EQ(DecodeNumber("1_000.5").f, 1000.5);
  EXPECT_DOUBLE_EQ(DecodeNumber(".5").f, 0.5);
  EXPECT_DOUBLE_EQ(DecodeNumber("1e10").f, 1e10);
  EXPECT_TRUE(std::isinf(DecodeNumber("1e999").f));
  NumberValue imag = DecodeNumber("2.5j");
  EXPECT_EQ(imag.kind, NumberValue::Kind::kImag);
  EXPECT_DOUBLE_EQ(imag.f, 2.5);
}

TEST(LexerTest, StringPrefixes) {
  for (std::string_view s : {"'a'", "\"a\"", "'''a'''", "\"\"\"a\"\"\"", "r'a'", "R'a'",
                             "b'a'", "B'a'", "rb'a'", "bR'a'", "Rb'a'", "BR'a'", "f'a'",
                             "F'a'", "rf'a'", "fR'a'", "u'a'", "U'a'", "''", "''''''"}) {
    LexResult r = Tokenize(s);
    ASSERT_FALSE(r.error) << s;
    ASSERT_EQ(r.tokens[0].kind, TokenKind::kString) << s;
    EXPECT_EQ(r.tokens[0].text, s);
  }
  // Not prefixes: `ub`, `fb`, `ur` are names followed by a string.
  EXPECT_EQ(Kinds("ub'a'")[0], "NAME:ub");
}

TEST(LexerTest, StringSplitting) {
  StringParts p = SplitStringToken("rB'''x'''");
  EXPECT_TRUE(p.raw);
  EXPECT_TRUE(p.bytes);
  EXPECT_FALSE(p.fstring);
  EXPECT_EQ(p.quote_size, 3);
  EXPECT_EQ(p.body, "x");
  EXPECT_EQ(p.body_start, 5u);
  EXPECT_EQ(SplitStringToken("''").body, "");
  EXPECT_EQ(SplitStringToken("''''''").body, "");
  EXPECT_EQ(SplitStringToken("''''''").quote_size, 3);
}

TEST(LexerTest, EscapedQuotesAndLineContinuationInStrings) {
  EXPECT_EQ(Kinds(R"('a\'b')")[0], R"(STRING:'a\'b')");
  EXPECT_EQ(Kinds("'a\\\nb'")[0], "STRING:'a\\\nb'");
  EXPECT_EQ(Kinds("'''a''b'''")[0], "STRING:'''a''b'''");
}

std::string Decode(std::string_view body, bool raw = false, bool bytes = false) {
  std::string out, error;
  EXPECT_TRUE(DecodeStringBody(body, raw, bytes, &out, &error)) << error;
  return out;
}

TEST(LexerTest, DecodeEscapes) {
  EXPECT_EQ(Decode(R"(\n\t\\\'\"\a\b\f\v\0)"), std::string("\n\t\\'\"\a\b\f\v\0", 10));
  EXPECT_EQ(Decode(R"(\101\x41\u0041\U00000041)"), "AAAA");
  EXPECT_EQ(Decode(R"(\u00e9)"), "é");
  EXPECT_EQ(Decode(R"(\U0001F600)"), "\xF0\x9F\x98\x80");
  EXPECT_EQ(Decode(R"(\777)"), "\xC7\xBF");  // U+01FF
  EXPECT_EQ(Decode(R"(\d\q)"), R"(\d\q)");   // invalid escapes stay (CPython warns)
  EXPECT_EQ(Decode("a\\\nb"), "ab");
  EXPECT_EQ(Decode("a\r\nb"), "a\nb");
  EXPECT_EQ(Decode(R"(\d\n)", /*raw=*/true), R"(\d\n)");
  EXPECT_EQ(Decode(R"(\x41\u0041\101)", false, /*bytes=*/true), "A\\u0041A");
  EXPECT_EQ(Decode(R"(\777)", false, /*bytes=*/true), "\xFF");
}

TEST(LexerTest, DecodeEscapeErrors) {
  std::string out, error;
  EXPECT_FALSE(DecodeStringBody(R"(\xzz)", false, false, &out, &error));
  EXPECT_EQ(error,
            "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: "
            "truncated \\xXX escape");
  EXPECT_FALSE(DecodeStringBody(R"(\xzz)", false, true, &out, &error));
  EXPECT_EQ(error, "(value error) invalid \\x escape at position 0");
  EXPECT_FALSE(DecodeStringBody(R"(\U00110000)", false, false, &out, &error));
  EXPECT_EQ(error,
            "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: "
            "illegal Unicode character");
  EXPECT_FALSE(DecodeStringBody("é", false, true, &out, &error));
  EXPECT_EQ(error, "bytes can only contain ASCII literal characters");
}

TEST(LexerTest, NamedEscapes) {
  EXPECT_EQ(Decode(R"(\N{GREEK SMALL LETTER ALPHA})"), "α");
  EXPECT_EQ(Decode(R"(a\N{SPACE}b\N{DIGIT ONE}\N{EM DASH})"), "a b1—");
  // Case-insensitive, like CPython (ASCII letters only).
  EXPECT_EQ(Decode(R"(\N{greek small letter alpha})"), "α");
  EXPECT_EQ(Decode(R"(\N{Greek Small Letter ALPHA})"), "α");
  EXPECT_EQ(Decode(R"(\N{cjk compatibility ideograph-f900})"), "\uF900");
  // The first and last names of the sorted table.
  EXPECT_EQ(Decode(R"(\N{ABACUS})"), "\U0001F9EE");
  EXPECT_EQ(Decode(R"(\N{ZWSP})"), "\u200B");
  // Aliases (NameAliases.txt): corrections, control names, abbreviations, alternates.
  EXPECT_EQ(Decode(R"(\N{LATIN CAPITAL LETTER GHA})"), "\u01A2");
  EXPECT_EQ(Decode(R"(\N{BYTE ORDER MARK})"), "\uFEFF");
  EXPECT_EQ(Decode(R"(\N{NULL}\N{NUL})"), std::string("\0\0", 2));
  EXPECT_EQ(Decode(R"(\N{LF}\N{line feed})"), "\n\n");
  EXPECT_EQ(Decode(R"(\N{BEL}\N{BELL})"), "\a\U0001F514");
  EXPECT_EQ(Decode(R"(\N{END OF MEDIUM})"), "\x19");
  // Algorithmic names.
  EXPECT_EQ(Decode(R"(\N{CJK UNIFIED IDEOGRAPH-4E00})"), "一");
  EXPECT_EQ(Decode(R"(\N{CJK UNIFIED IDEOGRAPH-20000})"), "\U00020000");
  EXPECT_EQ(Decode(R"(\N{CJK UNIFIED IDEOGRAPH-04E00})"), "一");  // 5 digits are allowed
  EXPECT_EQ(Decode(R"(\N{CJK UNIFIED IDEOGRAPH-3134A})"), "\U0003134A");
  EXPECT_EQ(Decode(R"(\N{HANGUL SYLLABLE GA})"), "\uAC00");
  EXPECT_EQ(Decode(R"(\N{HANGUL SYLLABLE GAG})"), "\uAC01");
  EXPECT_EQ(Decode(R"(\N{HANGUL SYLLABLE A})"), "\uC544");  // the empty initial
  EXPECT_EQ(Decode(R"(\N{HANGUL SYLLABLE HIH})"), "\uD7A3");
  // Unicode 14.0 (CPython 3.11's version) is accepted...
  EXPECT_EQ(Decode(R"(\N{MELTING FACE})"), "\U0001FAE0");
  // ... a \N in bytes or raw literals is not an escape.
  EXPECT_EQ(Decode(R"(\N{DASH}\N)", false, /*bytes=*/true), R"(\N{DASH}\N)");
  EXPECT_EQ(Decode(R"(\N{DASH}\N{NOPE)", /*raw=*/true), R"(\N{DASH}\N{NOPE)");
  EXPECT_EQ(Decode(R"(\\N{DASH})"), R"(\N{DASH})");
}

TEST(LexerTest, NamedEscapeErrors) {
  const std::string unknown = "unknown Unicode character name";
  const std::string malformed = "malformed \\N character escape";
  struct Case {
    std::string body;
    int first, last;
    std::string reason;
  };
  const Case cases[] = {
      {R"(\N{NOPE})", 0, 7, unknown},
      {R"(\N)", 0, 1, malformed},
      {R"(\N{)", 0, 2, malformed},
      {R"(\Nx)", 0, 1, malformed},
      {R"(\N{})", 0, 2, malformed},
      {R"(ab\N{x)", 2, 5, malformed},
      {R"(\N{SPACE)", 0, 7, malformed},
      {R"(\N{ SPACE})", 0, 9, unknown},
      {R"(\N{SPACE })", 0, 9, unknown},
      {R"(\N{LATIN SMALL LETTER A}\N{latin  small letter a})", 24, 48, unknown},
      // Positions count a non-ASCII character as its 10-byte \UXXXXXXXX form, like CPython.
      {"é\\N{NOPE}", 10, 17, unknown},
      {"é\\N{", 10, 12, malformed},
      {"\\é\\N{x}", 16, 20, unknown},
      {"\\N{é}", 0, 13, unknown},
      {"a\r\n\\N{NOPE}", 2, 9, unknown},  // a line break counts once
      // Case matters in the algorithmic names.
      {R"(\N{cjk unified ideograph-4E00})", 0, 29, unknown},
      {R"(\N{CJK UNIFIED IDEOGRAPH-4e00})", 0, 29, unknown},
      {R"(\N{HANGUL SYLLABLE ga})", 0, 21, unknown},
      {R"(\N{hangul syllable GA})", 0, 21, unknown},
      {R"(\N{HANGUL SYLLABLE GAX})", 0, 22, unknown},
      {R"(\N{HANGUL SYLLABLE })", 0, 19, unknown},
      {R"(\N{CJK UNIFIED IDEOGRAPH-4E0})", 0, 28, unknown},
      {R"(\N{CJK UNIFIED IDEOGRAPH-004E00})", 0, 31, unknown},
      {R"(\N{CJK UNIFIED IDEOGRAPH-})", 0, 25, unknown},
      {R"(\N{CJK UNIFIED IDEOGRAPH-4DC0})", 0, 29, unknown},  // not an ideograph
      // Only Hangul syllables and CJK unified ideographs are algorithmic; no named sequences.
      {R"(\N{TANGUT IDEOGRAPH-17000})", 0, 25, unknown},
      {R"(\N{LATIN CAPITAL LETTER A WITH MACRON AND GRAVE})", 0, 47, unknown},
      // Unicode 15.0 names and aliases: CPython 3.11 rejects them.
      {R"(\N{WIRELESS})", 0, 11, unknown},
      {R"(\N{CJK UNIFIED IDEOGRAPH-31350})", 0, 30, unknown},
      {R"(\N{CJK UNIFIED IDEOGRAPH-2B739})", 0, 30, unknown},
      {R"(\N{EM})", 0, 5, unknown},
      {R"(\N{SUNDANESE LETTER ARCHAIC I})", 0, 29, unknown},
  };
  for (const Case& c : cases) {
    std::string out, error;
    EXPECT_FALSE(DecodeStringBody(c.body, false, false, &out, &error)) << c.body;
    EXPECT_EQ(error, "(unicode error) 'unicodeescape' codec can't decode bytes in position " +
                         std::to_string(c.first) + "-" + std::to_string(c.last) + ": " +
                         c.reason)
        << c.body;
  }
  // The other escape errors count positions the same way.
  std::string out, error;
  EXPECT_FALSE(DecodeStringBody("é\\x4", false, false, &out, &error));
  EXPECT_EQ(error,
            "(unicode error) 'unicodeescape' codec can't decode bytes in position 10-12: "
            "truncated \\xXX escape");
  EXPECT_FALSE(DecodeStringBody("é\\U00110000", false, false, &out, &error));
  EXPECT_EQ(error,
            "(unicode error) 'unicodeescape' codec can't decode bytes in position 10-19: "
            "illegal Unicode character");
}

TEST(LexerTest, LookupUnicodeName) {
  char32_t cp = 0;
  EXPECT_TRUE(LookupUnicodeName("LATIN SMALL LETTER A", &cp));
  EXPECT_EQ(cp, U'a');
  EXPECT_TRUE(LookupUnicodeName("latin small letter a", &cp));
  EXPECT_EQ(cp, U'a');
  EXPECT_TRUE(LookupUnicodeName("SPACE", &cp));
  EXPECT_EQ(cp, U' ');
  EXPECT_TRUE(LookupUnicodeName("HANGUL SYLLABLE GGWAELH", &cp));
  EXPECT_EQ(cp, 0xAC00 + (1 * 21 + 10) * 28 + 15);
  EXPECT_FALSE(LookupUnicodeName("", &cp));
  EXPECT_FALSE(LookupUnicodeName("A", &cp));
  EXPECT_FALSE(LookupUnicodeName("AAAAA", &cp));  // before the first name
  EXPECT_FALSE(LookupUnicodeName("ZZZZZ", &cp));  // after the last name
  EXPECT_FALSE(LookupUnicodeName("LATIN SMALL LETTER", &cp));
  EXPECT_FALSE(LookupUnicodeName("LATIN SMALL LETTER AAA", &cp));
  EXPECT_FALSE(LookupUnicodeName("GREEK SMALL LETTER ALPH", &cp));
  EXPECT_FALSE(LookupUnicodeName(std::string_view("SPACE\0", 6), &cp));
  EXPECT_FALSE(LookupUnicodeName(std::string(300, 'A'), &cp));
  EXPECT_FALSE(LookupUnicodeName("LATIN SMALL LETTER \xC3\xA9", &cp));
}

struct LexErrorCase {
  std::string src;
  std::string type;
  std::string msg;
  int line;
  int col;
};

TEST(LexerTest, ErrorsMatchCPython) {
  const LexErrorCase cases[] = {
      {"x = (1,\n", "SyntaxError", "'(' was never closed", 1, 5},
      {"x = 1)", "SyntaxError", "unmatched ')'", 1, 6},
      {"x = (1]", "SyntaxError",
       "closing parenthesis ']' does not match opening parenthesis '('", 1, 7},
      {"(\n]", "SyntaxError",
       "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 2, 1},
      {"'abc", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 1},
      {"x = 1\nz = \"abc", "SyntaxError", "unterminated string literal (detected at line 2)", 2,
       5},
      {"'''abc\n\n", "SyntaxError",
       "unterminated triple-quoted string literal (detected at line 2)", 1, 1},
      {"1abc", "SyntaxError", "invalid decimal literal", 1, 1},
      {"1_", "SyntaxError", "invalid decimal literal", 1, 2},
      {"1e", "SyntaxError", "invalid decimal literal", 1, 1},
      {"1__0", "SyntaxError", "invalid decimal literal", 1, 2},
      {"012", "SyntaxError",
       "leading zeros in decimal integer literals are not permitted; use an 0o prefix for "
       "octal integers",
       1, 1},
      {"0b2", "SyntaxError", "invalid digit '2' in binary literal", 1, 3},
      {"0o8", "SyntaxError", "invalid digit '8' in octal literal", 1, 3},
      {"0x", "SyntaxError", "invalid hexadecimal literal", 1, 2},
      {"0xg", "SyntaxError", "invalid hexadecimal literal", 1, 2},
      {"1jx", "SyntaxError", "invalid imaginary literal", 1, 2},
      {"x = \xE2\x82\xAC", "SyntaxError", "invalid character '\xE2\x82\xAC' (U+20AC)", 1, 5},
      {"x = \xC2\xA0", "SyntaxError", "invalid non-printable character U+00A0", 1, 5},
      {"x = \x01", "SyntaxError", "invalid non-printable character U+0001", 1, 5},
      {"a = \xD8\x9F", "SyntaxError", "invalid character '\xD8\x9F' (U+061F)", 1, 5},
      {"x \\ y", "SyntaxError", "unexpected character after line continuation character", 1,
       4},
      {"x = 1 \\", "SyntaxError", "unexpected EOF while parsing", 1, 8},
      {"if x:\n    a\n  b\n", "IndentationError",
       "unindent does not match any outer indentation level", 3, 4},
      {std::string("x = 1\ny = \0", 11), "SyntaxError", "source code cannot contain null bytes",
       2, 5},
      {"x = 1\ny = '\xff'", "SyntaxError",
       "(unicode error) 'utf-8' codec can't decode byte 0xff in position 5: invalid start "
       "byte",
       2, 1},
  };
  for (const LexErrorCase& c : cases) {
    SyntaxErrorInfo e = LexError(c.src);
    EXPECT_EQ(e.type, c.type) << c.src;
    EXPECT_EQ(e.msg, c.msg) << c.src;
    EXPECT_EQ(e.line, c.line) << c.src;
    EXPECT_EQ(e.col, c.col) << c.src;
  }
}

TEST(LexerTest, ErrorKeepsEarlierTokens) {
  LexResult r = Tokenize("a b\n'x");
  ASSERT_TRUE(r.error);
  ASSERT_EQ(r.tokens.size(), 3u);  // a, b, NEWLINE
  EXPECT_EQ(r.tokens[1].text, "b");
}

TEST(LexerTest, IncompleteInputs) {
  EXPECT_TRUE(Tokenize("f(1,\n").error->incomplete);
  EXPECT_TRUE(Tokenize("s = '''abc\n").error->incomplete);
  EXPECT_TRUE(Tokenize("x = 1 + \\\n").error->incomplete);
  EXPECT_FALSE(Tokenize("s = 'abc\n").error->incomplete);
  LexResult r = Tokenize("x = [1,\n  (2,");
  ASSERT_TRUE(r.unclosed);
  EXPECT_EQ(r.unclosed->ch, '(');
  EXPECT_EQ(r.unclosed->line, 2);
  EXPECT_EQ(r.unclosed->col, 2);
}

TEST(LexerTest, NestingLimit) {
  std::string ok(kMaxNesting, '(');
  EXPECT_FALSE(Tokenize(ok + std::string(kMaxNesting, ')')).error);
  SyntaxErrorInfo e = LexError(ok + "(");
  EXPECT_EQ(e.msg, "too many nested parentheses");
}

TEST(LexerTest, IndentationLimit) {
  std::string src;
  for (int i = 0; i <= kMaxIndent; ++i) src += std::string(i, ' ') + "if x:\n";
  src += std::string(kMaxIndent + 1, ' ') + "pass\n";
  SyntaxErrorInfo e = LexError(src);
  EXPECT_EQ(e.type, "IndentationError");
  EXPECT_EQ(e.msg, "too many levels of indentation");
}

TEST(LexerTest, NonAsciiIdentifiers) {
  EXPECT_EQ(Kinds("é = ñ_1")[0], "NAME:é");
  EXPECT_EQ(Kinds("变量 = 1")[0], "NAME:变量");
  SyntaxErrorInfo e = LexError("x\xE2\x80\x9C = 1");  // a smart quote
  EXPECT_EQ(e.msg, "invalid character '\xE2\x80\x9C' (U+201C)");
}

TEST(LexerTest, ByteOrderMarkIsSkipped) {
  EXPECT_EQ(Kinds("\xEF\xBB\xBFx")[0], "NAME:x");
}

TEST(LexerTest, FieldOffsets) {
  LexResult r = Tokenize("(a +\nb)", LexOptions{5, 10});
  ASSERT_FALSE(r.error);
  EXPECT_EQ(r.tokens[1].line, 5);
  EXPECT_EQ(r.tokens[1].col, 11);
  EXPECT_EQ(r.tokens[3].line, 6);
  EXPECT_EQ(r.tokens[3].col, 0);
}

}  // namespace
}  // namespace gilvm::compiler
