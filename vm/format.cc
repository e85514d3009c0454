// String formatting; see vm/format.h. The code follows CPython 3.11's own structure closely
// (Python/formatter_unicode.c, Python/pystrtod.c, Objects/stringlib/unicode_format.h and
// PyUnicode_Format in Objects/unicodeobject.c) so that corner cases agree: the order of checks
// decides which error a bad spec reports, and the padding rules decide where a sign goes.
#include "vm/format.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <climits>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "vm/bytes.h"
#include "vm/bigint.h"
#include "vm/errors.h"
#include "vm/float.h"
#include "vm/int.h"
#include "vm/interpreter.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/protocol.h"
#include "vm/str.h"
#include "vm/thread_state.h"
#include "vm/tuple.h"
#include "vm/utf8.h"

namespace gilvm::vm {

namespace {

// ---------------------------------------------------------------------------------------------
// UTF-8. Str data is valid UTF-8, so decoding needs no error handling; the delimiters every
// grammar here looks for are ASCII, which never occurs inside a multi-byte sequence, so most
// scanning works on bytes and only decodes where a code point matters (fill, type, '%c').

int64_t CountCodePoints(std::string_view s) {
  int64_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// The first `n` code points of s.
std::string_view PrefixCodePoints(std::string_view s, int64_t n) {
  size_t i = 0;
  for (; n > 0 && i < s.size(); --n) DecodeUtf8(s, &i);
  return s.substr(0, i);
}

// `n` copies of code point `c`.
void AppendFill(std::string& out, uint32_t c, int64_t n) {
  if (n <= 0) return;
  if (c < 0x80) {
    out.append(static_cast<size_t>(n), static_cast<char>(c));
    return;
  }
  std::string one;
  AppendUtf8(one, c);
  for (int64_t i = 0; i < n; ++i) out += one;
}

// MemoryError unless a result of `length` characters (at most 4 bytes each) is acceptable.
bool CheckLength(ThreadState& ts, int64_t length) {
  if (length <= kMaxFormatLength / 4) return true;
  RaiseMemoryError(ts);
  return false;
}

Value MakeStr(ThreadState& ts, std::string s) {
  if (static_cast<int64_t>(s.size()) > kMaxFormatLength) return RaiseMemoryError(ts);
  return Value::Obj(NewStr(ts, s));
}

// A code point in a message: 'x' when printable ASCII, else \x<hex> as CPython's "%c or \\x%x".
std::string QuotedCodePoint(uint32_t c) {
  if (c > 32 && c < 128) return absl::StrCat("'", std::string(1, static_cast<char>(c)), "'");
  return absl::StrFormat("'\\x%x'", c);
}

// ---------------------------------------------------------------------------------------------
// The spec mini-language.

bool IsAlignment(uint32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

// Reads decimal digits at *pos into *out. Returns how many it consumed, or -1 with ValueError
// pending when the value would not fit (CPython's get_integer).
int64_t ReadInteger(ThreadState& ts, const std::vector<uint32_t>& s, size_t* pos, int64_t* out) {
  int64_t acc = 0, consumed = 0;
  for (; *pos < s.size() && s[*pos] >= '0' && s[*pos] <= '9'; ++*pos, ++consumed) {
    int64_t digit = s[*pos] - '0';
    if (acc > (INT64_MAX - digit) / 10) {
      RaiseValueError(ts, "Too many decimal digits in format string");
      return -1;
    }
    acc = acc * 10 + digit;
  }
  *out = acc;
  return consumed;
}

bool GroupingAllowed(ThreadState& ts, FormatSpec* f) {
  switch (f->type) {
    case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
      return true;
    case 'b': case 'o': case 'x': case 'X':
      if (f->grouping == '_') return true;  // PEP 515: '_' every four digits
      break;
    default:
      break;
  }
  RaiseValueError(ts, absl::StrCat("Cannot specify '", std::string(1, f->grouping), "' with ",
                                   QuotedCodePoint(f->type), "."));
  return false;
}

// [[fill]align][sign][z][#][0]: the flags before the width.
void ParseFlags(const std::vector<uint32_t>& s, size_t* pos, char default_align, FormatSpec* f) {
  size_t& p = *pos;
  bool fill_given = false, align_given = false;
  if (s.size() - p >= 2 && IsAlignment(s[p + 1])) {
    f->fill = s[p];
    f->align = static_cast<char>(s[p + 1]);
    fill_given = align_given = true;
    p += 2;
  } else if (p < s.size() && IsAlignment(s[p])) {
    f->align = static_cast<char>(s[p++]);
    align_given = true;
  }
  if (p < s.size() && (s[p] == '+' || s[p] == '-' || s[p] == ' ')) f->sign = static_cast<char>(s[p++]);
  if (p < s.size() && s[p] == 'z') f->no_neg_0 = true, ++p;
  if (p < s.size() && s[p] == '#') f->alternate = true, ++p;
  // A leading '0' means zero padding after the sign, unless a fill was given explicitly.
  if (!fill_given && p < s.size() && s[p] == '0') {
    f->fill = '0';
    if (!align_given && default_align == '>') f->align = '=';
    ++p;
  }
}

// [grouping][.precision]
bool ParseGroupingAndPrecision(ThreadState& ts, const std::vector<uint32_t>& s, size_t* pos, FormatSpec* f) {
  size_t& p = *pos;
  if (p < s.size() && s[p] == ',') f->grouping = ',', ++p;
  if (p < s.size() && s[p] == '_') {
    if (f->grouping != '\0') return RaiseValueError(ts, "Cannot specify both ',' and '_'."), false;
    f->grouping = '_';
    ++p;
  }
  if (p < s.size() && s[p] == ',' && f->grouping == '_')
    return RaiseValueError(ts, "Cannot specify both ',' and '_'."), false;
  if (p < s.size() && s[p] == '.') {
    ++p;
    int64_t consumed = ReadInteger(ts, s, pos, &f->precision);
    if (consumed < 0) return false;
    if (consumed == 0) return RaiseValueError(ts, "Format specifier missing precision"), false;
  }
  return true;
}

}  // namespace

bool ParseFormatSpec(ThreadState& ts, std::string_view spec, uint32_t default_type, char default_align,
                     std::string_view type_name, FormatSpec* out) {
  std::vector<uint32_t> s;
  for (size_t i = 0; i < spec.size();) s.push_back(DecodeUtf8(spec, &i));
  FormatSpec f;
  f.align = default_align;
  f.type = default_type;
  size_t p = 0;
  ParseFlags(s, &p, default_align, &f);
  int64_t consumed = ReadInteger(ts, s, &p, &f.width);
  if (consumed < 0) return false;
  if (consumed == 0) f.width = -1;
  if (!ParseGroupingAndPrecision(ts, s, &p, &f)) return false;
  if (s.size() - p > 1) {
    RaiseValueError(ts, absl::StrCat("Invalid format specifier '", std::string(spec), "' for object of type '",
                                     std::string(type_name), "'"));
    return false;
  }
  if (s.size() - p == 1) f.type = s[p];
  if (f.grouping != '\0' && !GroupingAllowed(ts, &f)) return false;
  *out = f;
  return true;
}

namespace {

Value UnknownFormatCode(ThreadState& ts, uint32_t type, std::string_view type_name) {
  return RaiseValueError(ts, absl::StrCat("Unknown format code ", QuotedCodePoint(type), " for object of type '",
                                          std::string(type_name), "'"));
}

// ---------------------------------------------------------------------------------------------
// Numbers: [lpad][sign][prefix][spad][grouped digits][decimal][remainder][rpad], laid out as
// CPython's calc_number_widths and fill_number do.

struct NumberParts {
  char sign = '\0';             // '-' when the number is negative
  std::string_view prefix;      // "0x", "0B"...: already in the output's case
  std::string_view digits;      // the integer digits, which grouping and zero padding apply to
  bool has_decimal = false;     // a '.' follows the digits
  std::string_view remainder;   // fraction, exponent, '%', "inf", or the character of 'c'
};

// Inserts `sep` every `group` digits (none when sep is 0) and pads with zeros up to
// `min_width`, as CPython's _PyUnicode_InsertThousandsGrouping: the padding zeros are grouped
// too, so '{:010,}'.format(1234) is '00,001,234'.
std::string GroupDigits(std::string_view digits, int64_t min_width, char sep, int64_t group) {
  min_width = std::max<int64_t>(0, min_width);
  int64_t remaining = static_cast<int64_t>(digits.size());
  std::string rev;  // built right to left
  bool use_sep = false;
  auto emit = [&](int64_t len) {
    int64_t zeros = std::max<int64_t>(0, len - remaining);
    int64_t chars = std::max<int64_t>(0, std::min(remaining, len));
    if (use_sep) rev += sep;
    for (int64_t i = 0; i < chars; ++i) rev += digits[--remaining];
    rev.append(static_cast<size_t>(zeros), '0');
  };
  while (sep != '\0') {
    int64_t len = std::min(group, std::max({remaining, min_width, int64_t{1}}));
    emit(len);
    use_sep = true;
    min_width -= len;
    if (remaining <= 0 && min_width <= 0) return std::string(rev.rbegin(), rev.rend());
    min_width -= 1;
  }
  emit(std::max({remaining, min_width, int64_t{1}}));
  return std::string(rev.rbegin(), rev.rend());
}

char SignFor(const FormatSpec& f, char number_sign) {
  if (f.sign == '+') return number_sign == '-' ? '-' : '+';
  if (f.sign == ' ') return number_sign == '-' ? '-' : ' ';
  return number_sign == '-' ? '-' : '\0';
}

bool LayoutNumber(ThreadState& ts, const FormatSpec& f, const NumberParts& p, std::string* out) {
  if (!CheckLength(ts, f.width)) return false;
  char sign = SignFor(f, p.sign);
  int64_t fixed = (sign ? 1 : 0) + static_cast<int64_t>(p.prefix.size()) + (p.has_decimal ? 1 : 0) +
                  CountCodePoints(p.remainder);
  // Zero padding goes inside the digits (and is grouped with them); other fills pad outside.
  int64_t min_width = f.fill == '0' && f.align == '=' ? f.width - fixed : 0;
  // 'n' groups by the locale, and the C locale (CPython's LC_NUMERIC default) has no grouping.
  char sep = f.type == 'n' ? '\0' : f.grouping;
  bool by_four = f.type == 'b' || f.type == 'o' || f.type == 'x' || f.type == 'X';
  std::string grouped = p.digits.empty() ? "" : GroupDigits(p.digits, min_width, sep, by_four ? 4 : 3);
  int64_t padding = f.width - (fixed + static_cast<int64_t>(grouped.size()));
  int64_t left = 0, inner = 0, right = 0;
  if (padding > 0) {
    if (f.align == '<') right = padding;
    else if (f.align == '^') left = padding / 2, right = padding - left;
    else if (f.align == '=') inner = padding;
    else left = padding;
  }
  AppendFill(*out, f.fill, left);
  if (sign) *out += sign;
  *out += p.prefix;
  AppendFill(*out, f.fill, inner);
  *out += grouped;
  if (p.has_decimal) *out += '.';
  *out += p.remainder;
  AppendFill(*out, f.fill, right);
  return true;
}

// ---------------------------------------------------------------------------------------------
// int

std::string ToBase(uint64_t magnitude, int base, bool upper) {
  char buf[64];  // 64 binary digits at most
  char* end = std::to_chars(buf, buf + sizeof buf, magnitude, base).ptr;
  if (upper) std::transform(buf, end, buf, [](char c) { return c >= 'a' ? static_cast<char>(c - 'a' + 'A') : c; });
  return std::string(buf, end);
}

uint64_t Magnitude(int64_t v) { return v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v); }

// The digits of |v| (any int) in base 2, 8, 10 or 16, and its sign. Decimal digits obey
// sys.set_int_max_str_digits (ValueError); the others are never limited.
bool MagnitudeDigits(ThreadState& ts, Value v, int base, bool upper, std::string* digits, bool* negative) {
  if (v.is_intlike()) {
    *negative = v.as_int() < 0;
    *digits = ToBase(Magnitude(v.as_int()), base, upper);
    return true;
  }
  if (base == 10) {
    if (!AnyIntToDecimal(ts, v, digits)) return false;
  } else {
    *digits = AnyIntToBase(v, base);
  }
  *negative = (*digits)[0] == '-';
  if (*negative) digits->erase(0, 1);
  if (upper)
    for (char& ch : *digits) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return true;
}

bool FormatIntChar(ThreadState& ts, Value iv, const FormatSpec& f, std::string* out) {
  if (f.sign != '\0') return RaiseValueError(ts, "Sign not allowed with integer format specifier 'c'"), false;
  if (f.alternate)
    return RaiseValueError(ts, "Alternate form (#) not allowed with integer format specifier 'c'"), false;
  if (IsBigInt(iv)) return RaiseOverflowError(ts, "Python int too large to convert to C long"), false;
  int64_t v = iv.as_int();
  if (v < 0 || v > 0x10FFFF) return RaiseOverflowError(ts, "%c arg not in range(0x110000)"), false;
  std::string ch;
  AppendUtf8(ch, static_cast<uint32_t>(v));
  NumberParts p;
  p.remainder = ch;  // CPython's trick: the character is "remainder", so it is never grouped
  return LayoutNumber(ts, f, p, out);
}

// format_long_internal: the integer presentation types b c d o x X n.
bool FormatIntParsed(ThreadState& ts, Value v, const FormatSpec& f, std::string* out) {
  if (f.precision != -1) return RaiseValueError(ts, "Precision not allowed in integer format specifier"), false;
  if (f.no_neg_0)
    return RaiseValueError(ts, "Negative zero coercion (z) not allowed in integer format specifier"), false;
  if (f.type == 'c') return FormatIntChar(ts, v, f, out);
  int base = f.type == 'b' ? 2 : f.type == 'o' ? 8 : (f.type == 'x' || f.type == 'X') ? 16 : 10;
  const char* prefix = f.type == 'b' ? "0b" : f.type == 'o' ? "0o" : f.type == 'x' ? "0x" : "0X";
  std::string digits;
  bool negative;
  if (!MagnitudeDigits(ts, v, base, f.type == 'X', &digits, &negative)) return false;
  NumberParts p;
  p.sign = negative ? '-' : '\0';
  p.prefix = f.alternate && base != 10 ? prefix : "";
  p.digits = digits;
  return LayoutNumber(ts, f, p, out);
}

bool FormatFloatParsed(ThreadState& ts, double v, const FormatSpec& f, std::string* out);

// ---------------------------------------------------------------------------------------------
// float: digit generation. Digits are what David Gay's dtoa returns: no trailing zeros ("0"
// for zero), and `decpt` places the decimal point (value = 0.DIGITS * 10**decpt).

struct Digits {
  std::string digits;
  int decpt = 1;
};

Digits TrimmedDigits(std::string all, int decpt) {
  size_t lead = all.find_first_not_of('0');
  if (lead == std::string::npos) return Digits{"0", 1};
  all.erase(all.find_last_not_of('0') + 1);
  return Digits{all.substr(lead), decpt - static_cast<int>(lead)};
}

// From std::to_chars' scientific form "d.ddde+XX".
Digits FromScientific(std::string_view sci) {
  size_t e = sci.find('e');
  std::string all;
  for (char c : sci.substr(0, e))
    if (c != '.') all += c;
  int exp = 0;
  std::string_view ev = sci.substr(e + 1);
  if (!ev.empty() && ev[0] == '+') ev.remove_prefix(1);
  std::from_chars(ev.data(), ev.data() + ev.size(), exp);
  return TrimmedDigits(std::move(all), exp + 1);
}

// dtoa mode 0: the shortest digits that round-trip.
Digits ShortestDigits(double a) {
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, a, std::chars_format::scientific);
  return FromScientific(std::string_view(buf, r.ptr - buf));
}

// dtoa mode 2: `n` significant digits, correctly rounded. A double's exact decimal expansion
// has at most 767 significant digits, so asking for more only adds zeros that get trimmed.
Digits SignificantDigits(double a, int n) {
  n = std::min(n, 800);
  std::string buf(static_cast<size_t>(n) + 16, '\0');
  auto r = std::to_chars(buf.data(), buf.data() + buf.size(), a, std::chars_format::scientific, n - 1);
  return FromScientific(std::string_view(buf.data(), r.ptr - buf.data()));
}

// dtoa mode 3: rounded to `n` digits after the decimal point. No double has a nonzero digit
// beyond the 1074th place.
Digits FixedDigits(double a, int n) {
  n = std::min(n, 1100);
  std::string buf(static_cast<size_t>(n) + 330, '\0');
  auto r = std::to_chars(buf.data(), buf.data() + buf.size(), a, std::chars_format::fixed, n);
  std::string_view fixed(buf.data(), r.ptr - buf.data());
  size_t dot = fixed.find('.');
  size_t int_len = dot == std::string_view::npos ? fixed.size() : dot;
  std::string all(fixed.substr(0, int_len));
  if (dot != std::string_view::npos) all += fixed.substr(dot + 1);
  return TrimmedDigits(std::move(all), static_cast<int>(int_len));
}

// How format_float_short lays out digits for a presentation type: whether it uses an exponent,
// and where the output ends in the infinite string ...000DIGITS000... (`vend`, counted from the
// first digit, before the decimal point is moved for an exponent).
struct Notation {
  bool use_exp = false;
  int64_t vend = 0;
};

Notation ChooseNotation(const Digits& d, char code, int precision, bool alternate, bool add_dot_0) {
  Notation n{false, static_cast<int64_t>(d.digits.size())};
  if (code == 'e') {
    n = {true, precision};
  } else if (code == 'f') {
    n.vend = d.decpt + precision;
  } else if (code == 'g') {
    n.use_exp = d.decpt <= -4 || d.decpt > (add_dot_0 ? precision - 1 : precision);
    if (alternate) n.vend = precision;
  } else {  // 'r': repr switches to exponent notation at 1e16
    n.use_exp = d.decpt <= -4 || d.decpt > 16;
  }
  return n;
}

// The slice [vstart, vend) of ...000DIGITS000... with a '.' at `decpt` (vstart < decpt <= vend).
std::string Positional(const std::string& digits, int64_t decpt, int64_t vstart, int64_t vend) {
  int64_t ndigits = static_cast<int64_t>(digits.size());
  std::string s;
  if (decpt <= 0) {
    s.append(static_cast<size_t>(decpt - vstart), '0');
    s += '.';
    s.append(static_cast<size_t>(-decpt), '0');
  }
  if (0 < decpt && decpt <= ndigits) {
    s.append(digits, 0, static_cast<size_t>(decpt));
    s += '.';
    s.append(digits, static_cast<size_t>(decpt));
  } else {
    s += digits;
  }
  if (ndigits < decpt) {
    s.append(static_cast<size_t>(decpt - ndigits), '0');
    s += '.';
    s.append(static_cast<size_t>(vend - decpt), '0');
  } else {
    s.append(static_cast<size_t>(vend - ndigits), '0');
  }
  return s;
}

// Lays out digits as CPython's format_float_short: a slice of ...000DIGITS000... with the
// decimal point (and maybe an exponent) placed by the presentation type.
std::string LayOutDigits(const Digits& d, char code, int precision, bool alternate, bool add_dot_0, bool upper) {
  Notation n = ChooseNotation(d, code, precision, alternate, add_dot_0);
  int64_t decpt = n.use_exp ? 1 : d.decpt;
  int64_t vstart = decpt <= 0 ? decpt - 1 : 0;
  int64_t vend = std::max(n.vend, !n.use_exp && add_dot_0 ? decpt + 1 : decpt);
  std::string s = Positional(d.digits, decpt, vstart, vend);
  if (s.back() == '.' && !alternate) s.pop_back();  // "1." only in the alternate form
  if (n.use_exp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%c%+.02d", upper ? 'E' : 'e', d.decpt - 1);
    s += buf;
  }
  return s;
}

}  // namespace

std::string DoubleToString(double v, char code, int precision, bool alternate, bool add_dot_0, bool no_neg_0) {
  bool upper = code == 'E' || code == 'F' || code == 'G';
  if (upper) code = static_cast<char>(code - 'A' + 'a');
  if (std::isnan(v)) return upper ? "NAN" : "nan";  // the sign of a NaN is never shown
  bool negative = std::signbit(v);
  if (std::isinf(v)) return std::string(negative ? "-" : "") + (upper ? "INF" : "inf");
  double a = std::fabs(v);
  Digits d;
  if (code == 'e') {
    ++precision;  // digits after the point, plus the one before it
    d = SignificantDigits(a, precision);
  } else if (code == 'f') {
    d = FixedDigits(a, precision);
  } else if (code == 'g') {
    if (precision == 0) precision = 1;
    d = SignificantDigits(a, precision);
  } else {
    d = ShortestDigits(a);
  }
  if (no_neg_0 && d.digits == "0") negative = false;  // 'z': nothing but zeros is never negative
  return (negative ? "-" : "") + LayOutDigits(d, code, precision, alternate, add_dot_0, upper);
}

namespace {

// Splits DoubleToString's output into the parts LayoutNumber pads and groups.
NumberParts SplitFloat(std::string_view s) {
  NumberParts p;
  if (!s.empty() && s[0] == '-') p.sign = '-', s.remove_prefix(1);
  size_t n = 0;
  while (n < s.size() && s[n] >= '0' && s[n] <= '9') ++n;
  p.digits = s.substr(0, n);
  p.has_decimal = n < s.size() && s[n] == '.';
  p.remainder = s.substr(n + (p.has_decimal ? 1 : 0));
  return p;
}

// format_float_internal: e E f F g G n % and the no-type form.
bool FormatFloatParsed(ThreadState& ts, double v, const FormatSpec& f, std::string* out) {
  if (f.precision > INT_MAX) return RaiseValueError(ts, "precision too big"), false;
  int precision = static_cast<int>(f.precision);
  char type = static_cast<char>(f.type);
  bool add_dot_0 = false, percent = false;
  int default_precision = 6;
  if (type == '\0') {
    // Like repr() without a precision; with one, like 'g' but keeping a ".0".
    add_dot_0 = true;
    type = 'r';
    default_precision = 0;
  }
  if (type == 'n') type = 'g';
  if (type == '%') type = 'f', v *= 100, percent = true;
  if (precision < 0) precision = default_precision;
  else if (type == 'r') type = 'g';
  if (!CheckLength(ts, int64_t{precision} + 400)) return false;
  std::string s = DoubleToString(v, type, precision, f.alternate, add_dot_0, f.no_neg_0);
  if (percent) s += '%';
  return LayoutNumber(ts, f, SplitFloat(s), out);
}

// ---------------------------------------------------------------------------------------------
// str

bool FormatStrParsed(ThreadState& ts, std::string_view s, const FormatSpec& f, std::string* out) {
  if (f.sign == ' ') return RaiseValueError(ts, "Space not allowed in string format specifier"), false;
  if (f.sign != '\0') return RaiseValueError(ts, "Sign not allowed in string format specifier"), false;
  if (f.no_neg_0)
    return RaiseValueError(ts, "Negative zero coercion (z) not allowed in string format specifier"), false;
  if (f.alternate) return RaiseValueError(ts, "Alternate form (#) not allowed in string format specifier"), false;
  if (f.align == '=') return RaiseValueError(ts, "'=' alignment not allowed in string format specifier"), false;
  if (!CheckLength(ts, f.width)) return false;
  int64_t len = CountCodePoints(s);
  if (f.precision >= 0 && len > f.precision) {
    s = PrefixCodePoints(s, f.precision);
    len = f.precision;
  }
  int64_t total = std::max(len, f.width);
  int64_t left = f.align == '>' ? total - len : f.align == '^' ? (total - len) / 2 : 0;
  AppendFill(*out, f.fill, left);
  *out += s;
  AppendFill(*out, f.fill, total - len - left);
  return true;
}

}  // namespace

bool FormatInt(ThreadState& ts, int64_t v, std::string_view spec, std::string_view type_name, std::string* out) {
  return FormatAnyInt(ts, Value::Int(v), spec, type_name, out);
}

bool FormatAnyInt(ThreadState& ts, Value v, std::string_view spec, std::string_view type_name, std::string* out) {
  FormatSpec f;
  if (!ParseFormatSpec(ts, spec, 'd', '>', type_name, &f)) return false;
  switch (f.type) {
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
      return FormatIntParsed(ts, v, f, out);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
      double d;
      return AnyIntToDouble(ts, v, &d) && FormatFloatParsed(ts, d, f, out);
    }
    default:
      return UnknownFormatCode(ts, f.type, type_name), false;
  }
}

bool FormatFloat(ThreadState& ts, double v, std::string_view spec, std::string_view type_name, std::string* out) {
  FormatSpec f;
  if (!ParseFormatSpec(ts, spec, 0, '>', type_name, &f)) return false;
  switch (f.type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
      return FormatFloatParsed(ts, v, f, out);
    default:
      return UnknownFormatCode(ts, f.type, type_name), false;
  }
}

bool FormatStr(ThreadState& ts, std::string_view s, std::string_view spec, std::string_view type_name,
               std::string* out) {
  FormatSpec f;
  if (!ParseFormatSpec(ts, spec, 's', '<', type_name, &f)) return false;
  if (f.type != 's') return UnknownFormatCode(ts, f.type, type_name), false;
  return FormatStrParsed(ts, s, f, out);
}

// ---------------------------------------------------------------------------------------------
// format(), __format__ and ascii()

namespace {

// The built-in types whose __format__ cannot be replaced (exact int, bool, float, str) are
// formatted directly, as CPython's render_field does: 1 done, 0 not such a value, -1 raised.
int FormatBuiltin(ThreadState& ts, Value v, std::string_view spec, std::string* out) {
  if (v.is_bool()) {
    if (spec.empty()) return *out += v.as_bool() ? "True" : "False", 1;
    return FormatInt(ts, v.as_int(), spec, "bool", out) ? 1 : -1;
  }
  if (v.is_int()) {
    if (spec.empty()) return *out += IntToString(v.as_int()), 1;
    return FormatInt(ts, v.as_int(), spec, "int", out) ? 1 : -1;
  }
  if (IsBigInt(v) && v.as_object()->type == ts.interp.types.int_) {
    if (spec.empty()) return AnyIntToDecimal(ts, v, out) ? 1 : -1;
    return FormatAnyInt(ts, v, spec, "int", out) ? 1 : -1;
  }
  if (v.is_float()) {
    if (spec.empty()) return *out += FloatRepr(v.as_float()), 1;
    return FormatFloat(ts, v.as_float(), spec, "float", out) ? 1 : -1;
  }
  if (IsExact(v, ts.interp.types.str)) return FormatStr(ts, As<StrObject>(v)->view(), spec, "str", out) ? 1 : -1;
  return 0;
}

// type(v).__format__(spec), checked to return a str.
Value CallDunderFormat(ThreadState& ts, Value v, Value spec) {
  bool found;
  Value r = CallSpecial(ts, v, ts.interp.names.__format__, &spec, 1, &found);
  if (!found) return RaiseTypeError(ts, absl::StrCat("Type ", TypeName(ts, v), " doesn't define __format__"));
  if (r.is_null() || IsStr(r)) return r;
  return RaiseTypeError(ts, absl::StrCat("__format__ must return a str, not ", TypeName(ts, r)));
}

// Appends format(v, spec) to *out. `v` must be rooted.
bool FormatInto(ThreadState& ts, Value v, std::string_view spec, std::string* out) {
  int done = FormatBuiltin(ts, v, spec, out);
  if (done != 0) return done > 0;
  Root spec_obj(ts, NewStrValue(ts, spec));
  Value r = CallDunderFormat(ts, v, spec_obj.get());
  if (r.is_null()) return false;
  *out += As<StrObject>(r)->view();
  return true;
}

std::string AsciiEscape(std::string_view utf8) {
  std::string out;
  for (size_t i = 0; i < utf8.size();) {
    uint32_t c = DecodeUtf8(utf8, &i);
    if (c < 0x80) out += static_cast<char>(c);
    else if (c < 0x100) out += absl::StrFormat("\\x%02x", c);
    else if (c < 0x10000) out += absl::StrFormat("\\u%04x", c);
    else out += absl::StrFormat("\\U%08x", c);
  }
  return out;
}

}  // namespace

Value FormatObject(ThreadState& ts, Value v, Value spec) {
  if (!spec.is_null() && !IsStr(spec))
    return Raise(ts, ts.interp.exc.SystemError,
                 absl::StrCat("Format specifier must be a string, not ", TypeName(ts, spec)));
  std::string_view sv = spec.is_null() ? std::string_view() : As<StrObject>(spec)->view();
  if (sv.empty() && IsExact(v, ts.interp.types.str)) return v;
  std::string out;
  int done = FormatBuiltin(ts, v, sv, &out);
  if (done < 0) return Value::Null();
  if (done > 0) return MakeStr(ts, std::move(out));
  return CallDunderFormat(ts, v, spec.is_null() ? Value::Obj(Intern(ts.interp, "")) : spec);
}

Value Ascii(ThreadState& ts, Value v) {
  Value r = Repr(ts, v);
  if (r.is_null() || As<StrObject>(r)->ascii()) return r;
  return MakeStr(ts, AsciiEscape(As<StrObject>(r)->view()));
}

namespace {

// The one argument of a METH_O method such as int.__format__, which must be a str.
bool SpecArgument(ThreadState& ts, const CallArgs& a, std::string_view owner, StrObject** spec) {
  std::string fname = absl::StrCat(std::string(owner), ".__format__");
  if (a.nkw() != 0) return RaiseTypeError(ts, absl::StrCat(fname, "() takes no keyword arguments")), false;
  if (a.nargs != 2)
    return RaiseTypeError(ts, absl::StrCat(fname, "() takes exactly one argument (", a.nargs - 1, " given)")), false;
  if (!IsStr(a.argv[1]))
    return RaiseTypeError(ts, absl::StrCat("__format__() argument must be str, not ", TypeName(ts, a.argv[1]))), false;
  *spec = As<StrObject>(a.argv[1]);
  return true;
}

// int.__format__ (which bool inherits) and float.__format__.
Value NumberDunderFormat(ThreadState& ts, const CallArgs& a) {
  StrObject* spec;
  if (!SpecArgument(ts, a, a.argv[0].is_float() ? "float" : "int", &spec)) return Value::Null();
  std::string out;
  if (FormatBuiltin(ts, a.argv[0], spec->view(), &out) < 0) return Value::Null();
  return MakeStr(ts, std::move(out));
}

Value StrDunderFormat(ThreadState& ts, const CallArgs& a) {
  StrObject* spec;
  if (!SpecArgument(ts, a, "str", &spec)) return Value::Null();
  Value self = a.argv[0];
  if (spec->view().empty()) return IsExact(self, ts.interp.types.str) ? self : Str(ts, self);
  std::string out;
  if (!FormatStr(ts, As<StrObject>(self)->view(), spec->view(), TypeName(ts, self), &out)) return Value::Null();
  return MakeStr(ts, std::move(out));
}

// object.__format__: str(self), and no spec at all, since object has no notion of one.
Value ObjectDunderFormat(ThreadState& ts, const CallArgs& a) {
  StrObject* spec;
  if (!SpecArgument(ts, a, "object", &spec)) return Value::Null();
  if (!spec->view().empty())
    return RaiseTypeError(ts, absl::StrCat("unsupported format string passed to ", TypeName(ts, a.argv[0]),
                                           ".__format__"));
  return Str(ts, a.argv[0]);
}

// ---------------------------------------------------------------------------------------------
// str.format and str.format_map (CPython's Objects/stringlib/unicode_format.h)

// Where fields get their values, and the state of automatic field numbering.
struct FieldSource {
  const Value* args = nullptr;  // positional arguments; null for format_map
  size_t nargs = 0;
  const CallArgs* call = nullptr;  // str.format's keyword arguments
  Value mapping;                   // format_map's mapping (rooted by the caller)
  enum { kInit, kAuto, kManual } numbering = kInit;
  int64_t next_auto = 0;
};

// A parsed replacement field: byte ranges into the format string.
struct Field {
  std::string_view name;
  uint32_t conversion = 0;
  std::string_view spec;
  bool spec_has_fields = false;  // the spec contains {...} to expand first
};

// Digits only: 1 with *out set; 0 when `s` is empty or not all digits; -1 on overflow.
int ParseFieldIndex(ThreadState& ts, std::string_view s, int64_t* out) {
  if (s.empty()) return 0;
  int64_t acc = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return 0;
    if (acc > (INT64_MAX - (c - '0')) / 10) return RaiseValueError(ts, "Too many decimal digits in format string"), -1;
    acc = acc * 10 + (c - '0');
  }
  *out = acc;
  return 1;
}

// The conversion and spec after a field name's '!' or ':'; *i is just past that character.
bool ParseConversionAndSpec(ThreadState& ts, std::string_view fmt, size_t* i, char c, Field* field) {
  if (c == '!') {
    if (*i >= fmt.size()) return RaiseValueError(ts, "end of string while looking for conversion specifier"), false;
    field->conversion = DecodeUtf8(fmt, i);
    if (*i < fmt.size()) {
      char next = fmt[(*i)++];
      if (next == '}') return true;
      if (next != ':') return RaiseValueError(ts, "expected ':' after conversion specifier"), false;
    }
  }
  size_t start = *i;
  for (int depth = 1; *i < fmt.size();) {
    char ch = fmt[(*i)++];
    if (ch == '{') {
      field->spec_has_fields = true;
      ++depth;
    } else if (ch == '}' && --depth == 0) {
      field->spec = fmt.substr(start, *i - 1 - start);
      return true;
    }
  }
  return RaiseValueError(ts, "unmatched '{' in format spec"), false;
}

// parse_field: *i is just past the '{' that opens the field.
bool ParseField(ThreadState& ts, std::string_view fmt, size_t* i, Field* field) {
  size_t start = *i;
  char c = 0;
  while (*i < fmt.size()) {
    c = fmt[(*i)++];
    if (c == '{') return RaiseValueError(ts, "unexpected '{' in field name"), false;
    if (c == '[') {
      while (*i < fmt.size() && fmt[*i] != ']') ++*i;  // an index may hold ':', '!' or '}'
      continue;
    }
    if (c == '}' || c == ':' || c == '!') break;
  }
  field->name = fmt.substr(start, *i - 1 - start);
  if (c == '!' || c == ':') return ParseConversionAndSpec(ts, fmt, i, c, field);
  if (c != '}') return RaiseValueError(ts, "expected '}' before end of string"), false;
  return true;
}

// Checks a numeric (or empty, auto-numbered) field against the numbering used so far.
bool CheckNumbering(ThreadState& ts, FieldSource& src, bool empty) {
  if (src.numbering == FieldSource::kInit) src.numbering = empty ? FieldSource::kAuto : FieldSource::kManual;
  if (src.numbering == FieldSource::kManual && empty)
    return RaiseValueError(ts, "cannot switch from manual field specification to automatic field numbering"), false;
  if (src.numbering == FieldSource::kAuto && !empty)
    return RaiseValueError(ts, "cannot switch from automatic field numbering to manual field specification"), false;
  return true;
}

Value KeywordField(ThreadState& ts, FieldSource& src, std::string_view name) {
  Root key(ts, NewStrValue(ts, name));
  if (src.call == nullptr) return GetItem(ts, src.mapping, key.get());
  for (size_t k = 0; k < src.call->nkw(); ++k)
    if (As<StrObject>(src.call->kwnames->items[k])->view() == name) return src.call->kwvalue(k);
  return RaiseKeyError(ts, key.get());
}

Value PositionalField(ThreadState& ts, FieldSource& src, int64_t index) {
  if (src.call == nullptr) return RaiseValueError(ts, "Format string contains positional fields");
  if (index >= static_cast<int64_t>(src.nargs))
    return RaiseIndexError(ts, absl::StrCat("Replacement index ", index, " out of range for positional args tuple"));
  return src.args[index];
}

// The first part of a field name: an argument index, nothing (auto-numbered), or a keyword.
Value FirstFieldObject(ThreadState& ts, FieldSource& src, std::string_view first) {
  int64_t index = 0;
  int numeric = ParseFieldIndex(ts, first, &index);
  if (numeric < 0) return Value::Null();
  if (numeric == 0 && !first.empty()) return KeywordField(ts, src, first);
  if (!CheckNumbering(ts, src, first.empty())) return Value::Null();
  if (first.empty()) index = src.next_auto++;
  return PositionalField(ts, src, index);
}

// One ".attr" or "[key]" step of a field name; *j is at the '.' or '['.
Value FieldStep(ThreadState& ts, Value obj, std::string_view rest, size_t* j) {
  char c = rest[(*j)++];
  size_t start = *j;
  if (c == '.') {
    while (*j < rest.size() && rest[*j] != '.' && rest[*j] != '[') ++*j;
  } else if (c == '[') {
    while (*j < rest.size() && rest[*j] != ']') ++*j;
    if (*j >= rest.size()) return RaiseValueError(ts, "Missing ']' in format string");
  } else {
    return RaiseValueError(ts, "Only '.' or '[' may follow ']' in format field specifier");
  }
  std::string_view part = rest.substr(start, *j - start);
  if (c == '[') ++*j;
  int64_t index = 0;
  int numeric = c == '[' ? ParseFieldIndex(ts, part, &index) : 0;
  if (numeric < 0) return Value::Null();
  if (part.empty()) return RaiseValueError(ts, "Empty attribute in format string");
  if (numeric > 0) return GetItem(ts, obj, Value::Int(index));
  Root name(ts, NewStrValue(ts, part));
  if (c == '.') return GetAttr(ts, obj, As<StrObject>(name.get()));
  return GetItem(ts, obj, name.get());
}

// get_field_object: "0", "name", "0.attr[key]"...
Value FieldObject(ThreadState& ts, FieldSource& src, std::string_view name) {
  size_t i = 0;
  while (i < name.size() && name[i] != '.' && name[i] != '[') ++i;
  Root obj(ts, FirstFieldObject(ts, src, name.substr(0, i)));
  std::string_view rest = name.substr(i);
  for (size_t j = 0; !obj.get().is_null() && j < rest.size();) obj.set(FieldStep(ts, obj.get(), rest, &j));
  return obj.get();
}

Value Convert(ThreadState& ts, Value v, uint32_t conversion) {
  switch (conversion) {
    case 'r': return Repr(ts, v);
    case 's': return Str(ts, v);
    case 'a': return Ascii(ts, v);
    default: break;
  }
  if (conversion > 32 && conversion < 127)
    return RaiseValueError(ts, absl::StrCat("Unknown conversion specifier ", std::string(1, static_cast<char>(conversion))));
  return RaiseValueError(ts, absl::StrFormat("Unknown conversion specifier \\x%x", conversion));
}

bool BuildString(ThreadState& ts, std::string_view fmt, FieldSource& src, int depth, std::string* out);

// output_markup: the field's value, converted, formatted with its (expanded) spec.
bool RenderField(ThreadState& ts, const Field& field, FieldSource& src, int depth, std::string* out) {
  Root obj(ts, FieldObject(ts, src, field.name));
  if (obj.get().is_null()) return false;
  if (field.conversion != 0) {
    obj.set(Convert(ts, obj.get(), field.conversion));
    if (obj.get().is_null()) return false;
  }
  std::string expanded;
  std::string_view spec = field.spec;
  if (field.spec_has_fields) {
    if (!BuildString(ts, field.spec, src, depth - 1, &expanded)) return false;
    spec = expanded;
  }
  return FormatInto(ts, obj.get(), spec, out);
}

// The literal text before the next field, with "{{" and "}}" unescaped; sets *field_follows.
bool LiteralText(ThreadState& ts, std::string_view fmt, size_t* i, std::string* out, bool* field_follows) {
  size_t start = *i;
  char c = 0;
  *field_follows = false;
  while (*i < fmt.size()) {
    c = fmt[(*i)++];
    if (c == '{' || c == '}') {
      *field_follows = true;
      break;
    }
  }
  bool at_end = *i >= fmt.size();
  size_t len = *i - start;
  if (*field_follows && c == '}' && (at_end || fmt[*i] != '}'))
    return RaiseValueError(ts, "Single '}' encountered in format string"), false;
  if (*field_follows && c == '{' && at_end) return RaiseValueError(ts, "Single '{' encountered in format string"), false;
  if (*field_follows) {
    if (fmt[*i] == c) ++*i, *field_follows = false;  // a doubled brace stands for itself
    else --len;
  }
  out->append(fmt.substr(start, len));
  return true;
}

bool BuildString(ThreadState& ts, std::string_view fmt, FieldSource& src, int depth, std::string* out) {
  if (depth <= 0) return RaiseValueError(ts, "Max string recursion exceeded"), false;
  for (size_t i = 0; i < fmt.size();) {
    bool field_follows;
    if (!LiteralText(ts, fmt, &i, out, &field_follows)) return false;
    if (!field_follows) continue;
    Field field;
    if (!ParseField(ts, fmt, &i, &field) || !RenderField(ts, field, src, depth, out)) return false;
    if (static_cast<int64_t>(out->size()) > kMaxFormatLength) return RaiseMemoryError(ts), false;
  }
  return true;
}

// Nested specs may themselves hold fields, one level deep: '{:{w}}' but not '{:{:{w}}}'.
constexpr int kFormatRecursionDepth = 2;

Value StrFormatMethod(ThreadState& ts, const CallArgs& a) {
  FieldSource src;
  src.args = a.argv + 1;
  src.nargs = a.nargs - 1;
  src.call = &a;
  std::string out;
  if (!BuildString(ts, As<StrObject>(a.argv[0])->view(), src, kFormatRecursionDepth, &out)) return Value::Null();
  return MakeStr(ts, std::move(out));
}

Value StrFormatMap(ThreadState& ts, const CallArgs& a) {
  if (a.nkw() != 0) return RaiseTypeError(ts, "str.format_map() takes no keyword arguments");
  if (a.nargs != 2)
    return RaiseTypeError(ts, absl::StrCat("str.format_map() takes exactly one argument (", a.nargs - 1, " given)"));
  FieldSource src;
  src.mapping = a.argv[1];
  std::string out;
  if (!BuildString(ts, As<StrObject>(a.argv[0])->view(), src, kFormatRecursionDepth, &out)) return Value::Null();
  return MakeStr(ts, std::move(out));
}

// ---------------------------------------------------------------------------------------------
// printf-style formatting (CPython's PyUnicode_Format)

constexpr unsigned kLeft = 1, kSign = 2, kBlank = 4, kAlt = 8, kZero = 16;  // the '-+ #0' flags

// One conversion specifier: %[(key)][flags][width][.precision][length]type
struct Conversion {
  uint32_t ch = 0;       // the type character
  unsigned flags = 0;
  int64_t width = -1;
  int64_t prec = -1;
  bool numeric = false;  // the converted text may carry a sign (CPython's arg->sign)
  bool octets = false;   // formatting bytes: lengths count octets, not code points
};

// The format string as CPython walks it: `pos` is a byte offset and `ch` the code point just
// read. Next() mirrors CPython's `if (--fmtcnt >= 0) { ch = READ(fmtpos); fmtpos++; }`, and
// `exhausted` its fmtcnt < 0: the string ended where more was needed. For `bytes % args`
// (`octets`) the format is raw octets and `ch` is one octet.
struct Cursor {
  std::string_view s;
  bool octets = false;
  size_t pos = 0;
  size_t ch_start = 0;
  uint32_t ch = 0;
  bool exhausted = false;

  bool Next() {
    if (exhausted || pos >= s.size()) return exhausted = true, false;
    ch_start = pos;
    ch = octets ? static_cast<unsigned char>(s[pos++]) : DecodeUtf8(s, &pos);
    return true;
  }
  // The code point at pos without consuming it; 0 at the end (CPython reads the NUL there).
  uint32_t Peek() const {
    size_t i = pos;
    if (pos >= s.size()) return 0;
    return octets ? static_cast<unsigned char>(s[pos]) : DecodeUtf8(s, &i);
  }
  // Length of `text` as this format counts it: octets, or code points.
  int64_t Length(std::string_view text) const {
    return octets ? static_cast<int64_t>(text.size()) : CountCodePoints(text);
  }
};

// The arguments: a tuple (consumed left to right), or one object; and the mapping for %(key).
struct PercentArgs {
  PercentArgs(ThreadState& ts, Value v) : current(ts, v), dict(ts) {}
  Root current;        // the tuple, the single argument, or the value of the last %(key)
  Root dict;           // the mapping, or Null
  int64_t arglen = -1;  // CPython's encoding: -1 and index -2 mean "one object, not used yet"
  int64_t argidx = -2;
};

Value NextArg(ThreadState& ts, PercentArgs& pa) {
  if (pa.argidx < pa.arglen) {
    int64_t i = pa.argidx++;
    if (pa.arglen < 0) return pa.current.get();
    return As<TupleObject>(pa.current.get())->items[i];
  }
  return RaiseTypeError(ts, "not enough arguments for format string");
}

// %(key): replaces the current argument with mapping[key].
bool MappingKey(ThreadState& ts, Cursor& c, PercentArgs& pa) {
  if (pa.dict.get().is_null()) return RaiseTypeError(ts, "format requires a mapping"), false;
  ++c.pos;  // the '('
  size_t start = c.pos;
  int depth = 1;
  while (depth > 0 && c.Next()) depth += c.ch == '(' ? 1 : c.ch == ')' ? -1 : 0;
  if (c.exhausted || depth > 0) return RaiseValueError(ts, "incomplete format key"), false;
  std::string_view name = c.s.substr(start, c.pos - 1 - start);
  Root key(ts, c.octets ? NewBytesValue(ts, name) : NewStrValue(ts, name));
  pa.current.set(GetItem(ts, pa.dict.get(), key.get()));
  pa.arglen = -1;
  pa.argidx = -2;
  return !pa.current.get().is_null();
}

// A '*' width or precision: the next argument, which must be an int.
bool StarArg(ThreadState& ts, PercentArgs& pa, int64_t* out) {
  Value v = NextArg(ts, pa);
  if (v.is_null()) return false;
  if (!v.is_intlike()) return RaiseTypeError(ts, "* wants int"), false;
  *out = v.as_int();
  return true;
}

// Decimal digits starting with c.ch; stops at the first non-digit (left in c.ch).
bool ReadDigits(ThreadState& ts, Cursor& c, int64_t limit, const char* too_big, int64_t* out) {
  int64_t v = c.ch - '0';
  while (c.Next() && c.ch >= '0' && c.ch <= '9') {
    int64_t digit = c.ch - '0';
    if (v > (limit - digit) / 10) return RaiseValueError(ts, too_big), false;
    v = v * 10 + digit;
  }
  *out = v;
  return true;
}

bool ParseWidth(ThreadState& ts, Cursor& c, PercentArgs& pa, Conversion* conv) {
  if (c.ch == '*') {
    if (!StarArg(ts, pa, &conv->width)) return false;
    if (conv->width < 0) conv->flags |= kLeft, conv->width = -conv->width;
    c.Next();
    return true;
  }
  if (c.ch >= '0' && c.ch <= '9') return ReadDigits(ts, c, INT64_MAX, "width too big", &conv->width);
  return true;
}

bool ParsePrecision(ThreadState& ts, Cursor& c, PercentArgs& pa, Conversion* conv) {
  if (c.ch != '.') return true;
  conv->prec = 0;
  c.Next();
  if (c.ch == '*') {
    if (!StarArg(ts, pa, &conv->prec)) return false;
    if (conv->prec > INT_MAX || conv->prec < INT_MIN)
      return RaiseOverflowError(ts, "Python int too large to convert to C int"), false;
    conv->prec = std::max<int64_t>(conv->prec, 0);
    c.Next();
    return true;
  }
  if (c.ch >= '0' && c.ch <= '9') return ReadDigits(ts, c, INT_MAX, "precision too big", &conv->prec);
  return true;
}

// unicode_format_arg_parse: everything between the '%' and the type character.
bool ParseConversion(ThreadState& ts, Cursor& c, PercentArgs& pa, Conversion* conv) {
  if (c.Peek() == '(' && !MappingKey(ts, c, pa)) return false;
  while (c.Next()) {
    unsigned flag = c.ch == '-' ? kLeft : c.ch == '+' ? kSign : c.ch == ' ' ? kBlank : c.ch == '#' ? kAlt
                  : c.ch == '0' ? kZero : 0;
    if (flag == 0) break;
    conv->flags |= flag;
  }
  if (!ParseWidth(ts, c, pa, conv) || !ParsePrecision(ts, c, pa, conv)) return false;
  if (!c.exhausted && (c.ch == 'h' || c.ch == 'l' || c.ch == 'L')) c.Next();  // C length modifiers mean nothing
  if (c.exhausted) return RaiseValueError(ts, "incomplete format"), false;
  conv->ch = c.ch;
  return true;
}

// ----- the conversions

bool HasSpecial(ThreadState& ts, Value v, StrObject* name) { return !LookupInType(TypeOf(ts.interp, v), name).is_null(); }

Value WrongIntType(ThreadState& ts, uint32_t ch, Value v) {
  bool needs_int = ch == 'o' || ch == 'x' || ch == 'X';
  return RaiseTypeError(ts, absl::StrCat("%", std::string(1, static_cast<char>(ch)), " format: ",
                                         needs_int ? "an integer" : "a real number", " is required, not ",
                                         TypeName(ts, v)));
}

// int(x) for a float, as CPython's PyNumber_Long would.
bool FloatToInt(ThreadState& ts, double x, Value* out) {
  *out = IntFromDouble(ts, x);
  return !out->is_null();
}

// The integer a %d/%x/... conversion formats: ints, floats (truncated; not for o x X) and
// objects with __index__ or (for d i u) __int__.
bool IntegerArg(ThreadState& ts, Value v, uint32_t ch, Value* out) {
  bool needs_index = ch == 'o' || ch == 'x' || ch == 'X';
  if (IsAnyInt(v)) return *out = v, true;
  if (v.is_float()) return needs_index ? (WrongIntType(ts, ch, v), false) : FloatToInt(ts, v.as_float(), out);
  Interpreter& in = ts.interp;
  if (!needs_index && HasSpecial(ts, v, in.names.__int__)) {
    bool found;
    Value r = CallSpecial(ts, v, in.names.__int__, nullptr, 0, &found);
    if (r.is_null()) return false;
    if (!IsAnyInt(r))
      return RaiseTypeError(ts, absl::StrCat("__int__ returned non-int (type ", TypeName(ts, r), ")")), false;
    return *out = r, true;
  }
  if (HasSpecial(ts, v, in.names.__index__)) {
    bool found;
    Value r = CallSpecial(ts, v, in.names.__index__, nullptr, 0, &found);
    if (r.is_null()) return false;
    if (!IsAnyInt(r))
      return RaiseTypeError(ts, absl::StrCat("__index__ returned non-int (type ", TypeName(ts, r), ")")), false;
    return *out = r, true;
  }
  return WrongIntType(ts, ch, v), false;
}

// _PyUnicode_FormatLong: [-][0x][zeros to the precision]digits.
bool FormatLong(ThreadState& ts, Value v, const Conversion& conv, std::string* out) {
  if (conv.prec > INT_MAX - 3) return RaiseOverflowError(ts, "precision too large"), false;
  if (!CheckLength(ts, conv.prec)) return false;
  uint32_t ch = conv.ch;
  int base = ch == 'o' ? 8 : (ch == 'x' || ch == 'X') ? 16 : 10;
  if (base == 10 && v.is_intlike() && conv.prec <= 0) {  // plain %d of an unboxed int
    char buf[24];
    out->append(buf, std::to_chars(buf, buf + sizeof buf, v.as_int()).ptr);
    return true;
  }
  std::string digits;
  bool negative;
  if (!MagnitudeDigits(ts, v, base, ch == 'X', &digits, &negative)) return false;
  if (negative) *out += '-';
  if ((conv.flags & kAlt) && base != 10) *out += ch == 'o' ? "0o" : ch == 'x' ? "0x" : "0X";
  if (conv.prec > static_cast<int64_t>(digits.size())) out->append(conv.prec - digits.size(), '0');
  *out += digits;
  return true;
}

// PyFloat_AsDouble: floats, ints, and objects with __float__ or __index__.
bool RealArg(ThreadState& ts, Value v, double* out) {
  if (v.is_float()) return *out = v.as_float(), true;
  if (IsAnyInt(v)) return AnyIntToDouble(ts, v, out);
  Interpreter& in = ts.interp;
  if (HasSpecial(ts, v, in.names.__float__)) {
    bool found;
    Value r = CallSpecial(ts, v, in.names.__float__, nullptr, 0, &found);
    if (r.is_null()) return false;
    if (!r.is_float())
      return RaiseTypeError(ts, absl::StrCat(TypeName(ts, v), ".__float__ returned non-float (type ", TypeName(ts, r),
                                             ")")),
             false;
    return *out = r.as_float(), true;
  }
  int64_t i;
  if (HasSpecial(ts, v, in.names.__index__)) return ToIndex(ts, v, &i) ? (*out = static_cast<double>(i), true) : false;
  return RaiseTypeError(ts, absl::StrCat("must be real number, not ", TypeName(ts, v))), false;
}

bool CharArg(ThreadState& ts, Value v, std::string* out) {
  if (IsStr(v)) {
    if (As<StrObject>(v)->length() != 1) return RaiseTypeError(ts, "%c requires int or char"), false;
    return *out += As<StrObject>(v)->view(), true;
  }
  int64_t c;
  if (IsBigInt(v)) return RaiseOverflowError(ts, "%c arg not in range(0x110000)"), false;
  if (v.is_intlike()) c = v.as_int();
  else if (HasSpecial(ts, v, ts.interp.names.__index__)) {
    if (!ToIndex(ts, v, &c)) return false;
  } else {
    return RaiseTypeError(ts, "%c requires int or char"), false;
  }
  if (c < 0 || c > 0x10FFFF) return RaiseOverflowError(ts, "%c arg not in range(0x110000)"), false;
  AppendUtf8(*out, static_cast<uint32_t>(c));
  return true;
}

// %s %r %a: str(), repr() or ascii() of the argument.
bool TextArg(ThreadState& ts, Value v, uint32_t ch, std::string* out) {
  if (ch == 's' && IsExact(v, ts.interp.types.str)) return *out += As<StrObject>(v)->view(), true;
  Value r = ch == 's' ? Str(ts, v) : ch == 'r' ? Repr(ts, v) : Ascii(ts, v);
  if (r.is_null()) return false;
  *out += As<StrObject>(r)->view();
  return true;
}

// bytes' %b / %s: a bytes-like object, or what its __bytes__ returns.
bool OctetsArg(ThreadState& ts, Value v, std::string* out) {
  std::string_view view;
  if (BytesLikeView(v, &view)) return *out += view, true;
  StrObject* name = Intern(ts.interp, "__bytes__");
  if (v.is_object() && v.as_object()->kind != Kind::kType && HasSpecial(ts, v, name)) {
    bool found;
    Value r = CallSpecial(ts, v, name, nullptr, 0, &found);
    if (r.is_null()) return false;
    if (!IsBytes(r))
      return RaiseTypeError(ts, absl::StrCat("__bytes__ returned non-bytes (type ", TypeName(ts, r), ")")), false;
    return *out += As<BytesObject>(r)->view(), true;
  }
  return RaiseTypeError(ts, absl::StrCat("%b requires a bytes-like object, or an object that implements __bytes__, not '",
                                         TypeName(ts, v), "'")),
         false;
}

// bytes' %c: an int in range(256) or a bytes object of length 1.
bool OctetCharArg(ThreadState& ts, Value v, std::string* out) {
  std::string_view view;
  if (BytesLikeView(v, &view)) {
    if (view.size() != 1) return RaiseTypeError(ts, "%c requires an integer in range(256) or a single byte"), false;
    return *out += view, true;
  }
  int64_t c;
  if (!v.is_intlike() && !HasSpecial(ts, v, ts.interp.names.__index__))
    return RaiseTypeError(ts, "%c requires an integer in range(256) or a single byte"), false;
  if (!ToIndex(ts, v, &c)) return false;
  if (c < 0 || c > 255) return RaiseOverflowError(ts, "%c arg not in range(256)"), false;
  out->push_back(static_cast<char>(c));
  return true;
}

Value UnsupportedCharacter(ThreadState& ts, const Cursor& c) {
  char shown = c.ch >= 31 && c.ch <= 126 ? static_cast<char>(c.ch) : '?';
  return RaiseValueError(ts, absl::StrFormat("unsupported format character '%c' (0x%x) at index %d", shown, c.ch,
                                             c.Length(c.s.substr(0, c.ch_start))));
}

// unicode_format_arg_format: the argument converted to text, before padding.
bool ConvertArg(ThreadState& ts, const Cursor& c, PercentArgs& pa, Conversion* conv, std::string* text) {
  Root v(ts, NextArg(ts, pa));
  if (v.get().is_null()) return false;
  if (c.octets && (conv->ch == 's' || conv->ch == 'b')) return OctetsArg(ts, v.get(), text);
  if (c.octets && conv->ch == 'r') conv->ch = 'a';  // bytes' %r is ascii(): the text must be ASCII
  if (c.octets && conv->ch == 'c') return OctetCharArg(ts, v.get(), text);
  switch (conv->ch) {
    case 's': case 'r': case 'a':
      return TextArg(ts, v.get(), conv->ch, text);
    case 'i': case 'd': case 'u': case 'o': case 'x': case 'X': {
      Value n;
      conv->numeric = true;
      return IntegerArg(ts, v.get(), conv->ch, &n) && FormatLong(ts, n, *conv, text);
    }
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
      double x;
      conv->numeric = true;
      if (!RealArg(ts, v.get(), &x)) return false;
      int prec = conv->prec < 0 ? 6 : static_cast<int>(conv->prec);
      if (!CheckLength(ts, int64_t{prec} + 400)) return false;
      *text = DoubleToString(x, static_cast<char>(conv->ch), prec, conv->flags & kAlt, false, false);
      return true;
    }
    case 'c':
      return CharArg(ts, v.get(), text);
    default:
      return UnsupportedCharacter(ts, c), false;
  }
}

// unicode_format_arg_output: pads `text` to the width; a sign and a 0x prefix go before zero
// padding, after space padding.
bool PadArg(ThreadState& ts, Conversion conv, std::string_view text, std::string* out) {
  if (!CheckLength(ts, conv.width)) return false;
  char fill = conv.numeric && (conv.flags & kZero) ? '0' : ' ';
  int64_t len = conv.octets ? static_cast<int64_t>(text.size()) : CountCodePoints(text);
  if (conv.width <= len && (conv.prec == -1 || conv.prec >= len) && !(conv.flags & (kSign | kBlank)))
    return *out += text, true;
  bool is_text = conv.ch == 's' || conv.ch == 'r' || conv.ch == 'a' || conv.ch == 'b';
  if (is_text && conv.prec >= 0 && len > conv.prec)
    text = conv.octets ? text.substr(0, conv.prec) : PrefixCodePoints(text, conv.prec), len = conv.prec;
  char sign = '\0';
  if (conv.numeric) {
    if (text[0] == '-' || text[0] == '+') sign = text[0], text.remove_prefix(1), --len;
    else if (conv.flags & kSign) sign = '+';
    else if (conv.flags & kBlank) sign = ' ';
  }
  int64_t width = std::max(conv.width, len);
  if (sign && fill != ' ') *out += sign;
  if (sign && width > len) --width;
  bool prefix = (conv.flags & kAlt) && (conv.ch == 'x' || conv.ch == 'X' || conv.ch == 'o');
  if (prefix) {
    if (fill != ' ') *out += text.substr(0, 2), text.remove_prefix(2);
    width = std::max<int64_t>(width - 2, 0);
    len -= 2;
  }
  if (width > len && !(conv.flags & kLeft)) out->append(width - len, fill), width = len;
  if (fill == ' ') {
    if (sign) *out += sign;
    if (prefix) *out += text.substr(0, 2), text.remove_prefix(2);
  }
  *out += text;
  if (width > len) out->append(width - len, ' ');
  return true;
}

Value NotAllConverted(ThreadState& ts, bool octets) {
  return RaiseTypeError(ts, octets ? "not all arguments converted during bytes formatting"
                                   : "not all arguments converted during string formatting");
}

// One '%' directive; c.pos is just past the '%'.
bool FormatOneArg(ThreadState& ts, Cursor& c, PercentArgs& pa, std::string* out) {
  if (c.Peek() == '%') {
    ++c.pos;
    *out += '%';
    return true;
  }
  Conversion conv;
  conv.octets = c.octets;
  std::string text;
  if (!ParseConversion(ts, c, pa, &conv) || !ConvertArg(ts, c, pa, &conv, &text) || !PadArg(ts, conv, text, out))
    return false;
  if (!pa.dict.get().is_null() && pa.argidx < pa.arglen) return NotAllConverted(ts, c.octets), false;
  return true;
}

// CPython's PyMapping_Check: anything with __getitem__ (a list too!) except tuples and the
// format's own type (strs, or for bytes formatting bytes and bytearrays).
bool IsMappingArg(ThreadState& ts, Value v, bool octets) {
  if (!v.is_object()) return false;  // an unboxed int, float, bool or None has no __getitem__
  if (IsTuple(v) || (octets ? IsBytes(v) || IsByteArray(v) : IsStr(v))) return false;
  return HasSpecial(ts, v, ts.interp.names.__getitem__);
}

// The shared loop of str % args and bytes % args (`octets`): the result text into *out.
bool PercentFormatInto(ThreadState& ts, std::string_view fmt, bool octets, Value args, std::string* out) {
  PercentArgs pa(ts, args);
  if (IsTuple(args)) pa.arglen = static_cast<int64_t>(As<TupleObject>(args)->size()), pa.argidx = 0;
  if (IsMappingArg(ts, args, octets)) pa.dict.set(args);
  Cursor c{fmt, octets};
  while (c.pos < c.s.size()) {
    size_t next = c.s.find('%', c.pos);
    if (next == std::string_view::npos) next = c.s.size();
    *out += c.s.substr(c.pos, next - c.pos);
    if (next == c.s.size()) break;
    c.pos = next + 1;
    if (!FormatOneArg(ts, c, pa, out)) return false;
    if (static_cast<int64_t>(out->size()) > kMaxFormatLength) return RaiseMemoryError(ts), false;
  }
  if (pa.argidx < pa.arglen && pa.dict.get().is_null()) return NotAllConverted(ts, octets), false;
  return true;
}

}  // namespace

Value PercentFormat(ThreadState& ts, StrObject* fmt, Value args) {
  RootedPtr<StrObject> keep(ts, fmt);
  std::string out;
  out.reserve(fmt->view().size() + 32);  // the text around the conversions, and room for them
  if (!PercentFormatInto(ts, fmt->view(), false, args, &out)) return Value::Null();
  return MakeStr(ts, std::move(out));
}

bool PercentFormatOctets(ThreadState& ts, std::string_view fmt, Value args, std::string* out) {
  return PercentFormatInto(ts, fmt, true, args, out);
}

namespace {

Value StrMod(ThreadState& ts, const CallArgs& a) {
  if (!CheckSlotArity(ts, a, 2, 2)) return Value::Null();
  return PercentFormat(ts, As<StrObject>(a.argv[0]), a.argv[1]);
}

// str has no reflected %, but CPython still exposes the slot (returning NotImplemented), so
// `5 % "x"` falls through to the usual TypeError.
Value StrRMod(ThreadState& ts, const CallArgs& a) {
  if (!CheckSlotArity(ts, a, 2, 2)) return Value::Null();
  return ts.interp.not_implemented;
}

}  // namespace

void InitFormat(Interpreter& interp) {
  BuiltinTypes& t = interp.types;
  AddMethod(interp, t.object, "__format__", ObjectDunderFormat);
  AddMethod(interp, t.int_, "__format__", NumberDunderFormat);
  AddMethod(interp, t.float_, "__format__", NumberDunderFormat);
  AddMethod(interp, t.str, "__format__", StrDunderFormat);
  AddMethod(interp, t.str, "format", StrFormatMethod);
  AddMethod(interp, t.str, "format_map", StrFormatMap);
  AddMethod(interp, t.str, "__mod__", StrMod);
  AddMethod(interp, t.str, "__rmod__", StrRMod);
}

}  // namespace gilvm::vm
