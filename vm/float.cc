#include "vm/float.h"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "vm/bigint.h"
#include "vm/errors.h"
#include "vm/int.h"
#include "vm/interpreter.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/str.h"
#include "vm/tuple.h"

namespace gilvm::vm {


namespace {

constexpr uint64_t kHashModulus = (uint64_t{1} << 61) - 1;
constexpr int kHashBits = 61;
constexpr int64_t kHashInf = 314159;

bool IsOddInteger(double x) { return std::fmod(std::fabs(x), 2.0) == 1.0; }

// CPython's float_pow, special cases included.
Value FloatPow(ThreadState& ts, double iv, double iw) {
  if (iw == 0) return Value::Float(1.0);
  if (std::isnan(iv)) return Value::Float(iv);
  if (std::isnan(iw)) return Value::Float(iv == 1.0 ? 1.0 : iw);
  if (std::isinf(iw)) {
    iv = std::fabs(iv);
    if (iv == 1.0) return Value::Float(1.0);
    return Value::Float((iw > 0) == (iv > 1.0) ? std::fabs(iw) : 0.0);
  }
  if (std::isinf(iv)) {
    bool odd = IsOddInteger(iw);
    if (iw > 0) return Value::Float(odd ? iv : std::fabs(iv));
    return Value::Float(odd ? std::copysign(0.0, iv) : 0.0);
  }
  if (iv == 0.0) {
    if (iw < 0.0) return RaiseZeroDivision(ts, "0.0 cannot be raised to a negative power");
    return Value::Float(IsOddInteger(iw) ? iv : 0.0);
  }
  bool negate = false;
  if (iv < 0.0) {
    if (iw != std::floor(iw))
      return RaiseValueError(
          ts, "negative number cannot be raised to a fractional power (complex numbers are not supported by gilvm)");
    iv = -iv;
    negate = IsOddInteger(iw);
  }
  if (iv == 1.0) return Value::Float(negate ? -1.0 : 1.0);
  double r = std::pow(iv, iw);
  if (std::isinf(r)) return RaiseOverflowError(ts, "(34, 'Numerical result out of range')");
  return Value::Float(negate ? -r : r);
}

double FloatMod(double a, double b) {
  double mod = std::fmod(a, b);
  if (mod != 0.0) {
    if ((b < 0) != (mod < 0)) mod += b;
  } else {
    mod = std::copysign(0.0, b);
  }
  return mod;
}

// CPython's _float_div_mod: floor quotient and modulo, b != 0.
void FloatDivMod(double a, double b, double* floordiv, double* mod) {
  *mod = std::fmod(a, b);
  double div = (a - *mod) / b;
  if (*mod != 0.0) {
    if ((b < 0) != (*mod < 0)) {
      *mod += b;
      div -= 1.0;
    }
  } else {
    *mod = std::copysign(0.0, b);
  }
  if (div != 0.0) {
    *floordiv = std::floor(div);
    if (div - *floordiv > 0.5) *floordiv += 1.0;
  } else {
    *floordiv = std::copysign(0.0, a / b);
  }
}

const char* FloatOpSymbol(BinOp op) {
  static constexpr const char* kSymbols[] = {"+", "-", "*", "@", "/", "//", "%", "**", "<<", ">>", "&", "|", "^"};
  return kSymbols[static_cast<int>(op)];
}

}  // namespace

Value FloatBinaryOp(ThreadState& ts, BinOp op, double a, double b) {
  switch (op) {
    case BinOp::kAdd: return Value::Float(a + b);
    case BinOp::kSub: return Value::Float(a - b);
    case BinOp::kMul: return Value::Float(a * b);
    case BinOp::kTrueDiv:
      if (b == 0.0) return RaiseZeroDivision(ts, "float division by zero");
      return Value::Float(a / b);
    case BinOp::kFloorDiv: {
      if (b == 0.0) return RaiseZeroDivision(ts, "float floor division by zero");
      double q, m;
      FloatDivMod(a, b, &q, &m);
      return Value::Float(q);
    }
    case BinOp::kMod:
      if (b == 0.0) return RaiseZeroDivision(ts, "float modulo");
      return Value::Float(FloatMod(a, b));
    case BinOp::kPow: return FloatPow(ts, a, b);
    default: break;
  }
  return RaiseTypeError(ts, std::string("unsupported operand type(s) for ") + FloatOpSymbol(op) +
                                ": 'float' and 'float'");
}

std::string FloatRepr(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  // Shortest round-trip digits in scientific form ("-1.2345e-05"), then laid out as CPython's
  // repr does: positional when -4 <= exponent < 16, otherwise exponent notation.
  char buf[40];
  auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
  std::string_view sci(buf, res.ptr - buf);
  std::string out;
  if (sci[0] == '-') {
    out += '-';
    sci.remove_prefix(1);
  }
  size_t e = sci.find('e');
  std::string digits;
  for (char c : sci.substr(0, e))
    if (c != '.') digits += c;
  int exp = 0;
  std::from_chars(sci.data() + e + 1 + (sci[e + 1] == '+'), sci.data() + sci.size(), exp);
  int ndigits = static_cast<int>(digits.size());
  if (exp < -4 || exp >= 16) {
    out += digits[0];
    if (ndigits > 1) out += "." + digits.substr(1);
    char ebuf[16];
    std::snprintf(ebuf, sizeof ebuf, "e%c%02d", exp < 0 ? '-' : '+', std::abs(exp));
    return out + ebuf;
  }
  int point = exp + 1;  // digits before the decimal point
  if (point <= 0) return out + "0." + std::string(-point, '0') + digits;
  if (point >= ndigits) return out + digits + std::string(point - ndigits, '0') + ".0";
  return out + digits.substr(0, point) + "." + digits.substr(point);
}

// CPython's _Py_HashDouble: the hash of the exact rational value modulo 2**61-1, so that equal
// ints and floats hash alike. NaN hashes to 0 (CPython 3.10+ uses the object's identity).
int64_t HashFloat(double v) {
  if (std::isinf(v)) return v > 0 ? kHashInf : -kHashInf;
  if (std::isnan(v)) return 0;
  int e;
  double m = std::frexp(v, &e);
  int sign = 1;
  if (m < 0) {
    sign = -1;
    m = -m;
  }
  uint64_t x = 0;
  while (m != 0.0) {
    x = ((x << 28) & kHashModulus) | x >> (kHashBits - 28);
    m *= 268435456.0;
    e -= 28;
    uint64_t y = static_cast<uint64_t>(m);
    m -= static_cast<double>(y);
    x += y;
    if (x >= kHashModulus) x -= kHashModulus;
  }
  e = e >= 0 ? e % kHashBits : kHashBits - 1 - ((-1 - e) % kHashBits);
  x = ((x << e) & kHashModulus) | x >> (kHashBits - e);
  int64_t r = sign < 0 ? -static_cast<int64_t>(x) : static_cast<int64_t>(x);
  return r == -1 ? -2 : r;
}

namespace {

bool EqualsIgnoreCase(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (size_t i = 0; i < s.size(); ++i)
    if ((s[i] | 0x20) != lower[i]) return false;
  return true;
}

// Copies the digits of a run "d(_?d)*" into *out; false if the run is malformed. Advances *i.
bool TakeDigits(std::string_view s, size_t* i, std::string* out) {
  size_t start = *i;
  while (*i < s.size()) {
    char c = s[*i];
    if (c >= '0' && c <= '9') {
      *out += c;
    } else if (c == '_') {
      if (*i == start || *i + 1 >= s.size() || s[*i + 1] < '0' || s[*i + 1] > '9') return false;
    } else {
      break;
    }
    ++*i;
  }
  return true;
}

// Validates Python's float literal grammar (with underscores) and returns it without them;
// false if `s` is not one.
bool NormalizeDecimal(std::string_view s, std::string* out) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) *out += s[i++];
  size_t before = out->size();
  if (!TakeDigits(s, &i, out)) return false;
  bool has_int = out->size() > before;
  bool has_frac = false;
  if (i < s.size() && s[i] == '.') {
    *out += s[i++];
    size_t at = out->size();
    if (i < s.size() && s[i] == '_') return false;
    if (!TakeDigits(s, &i, out)) return false;
    has_frac = out->size() > at;
  }
  if (!has_int && !has_frac) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    *out += s[i++];
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) *out += s[i++];
    size_t at = out->size();
    if (i < s.size() && s[i] == '_') return false;
    if (!TakeDigits(s, &i, out) || out->size() == at) return false;
  }
  return i == s.size();
}

}  // namespace

Value ParseFloat(ThreadState& ts, std::string_view text) {
  std::string_view s = StripPyWhitespace(text);
  std::string_view body = s;
  double sign = 1.0;
  if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
    sign = body[0] == '-' ? -1.0 : 1.0;
    body.remove_prefix(1);
  }
  if (EqualsIgnoreCase(body, "inf") || EqualsIgnoreCase(body, "infinity"))
    return Value::Float(sign * std::numeric_limits<double>::infinity());
  if (EqualsIgnoreCase(body, "nan")) return Value::Float(std::copysign(std::numeric_limits<double>::quiet_NaN(), sign));
  std::string clean;
  if (!NormalizeDecimal(s, &clean))
    return RaiseValueError(ts, "could not convert string to float: " + StrRepr(text));
  // strtod is correctly rounded in glibc and handles overflow (inf) and underflow (0) as Python
  // does; the VM never changes LC_NUMERIC, so '.' is the decimal point.
  return Value::Float(std::strtod(clean.c_str(), nullptr));
}

namespace {

// Rounds the decimal digits of an integer-valued |x| (as %.0f prints them exactly) to a multiple
// of 10**places, ties to even unless `inexact` (x had a fractional part, so it is above the tie).
std::string RoundIntegerDigits(std::string digits, int64_t places, bool inexact) {
  if (places >= static_cast<int64_t>(digits.size())) {
    // Everything is dropped: the result is 0 or 10**places (only if above one half).
    bool above_half = places == static_cast<int64_t>(digits.size()) &&
                      (digits[0] > '5' || (digits[0] == '5' && (inexact || digits.find_first_not_of('0', 1) != std::string::npos)));
    return above_half ? "1" + std::string(places, '0') : "0";
  }
  size_t keep = digits.size() - places;
  char first = digits[keep];
  bool rest_nonzero = inexact || digits.find_first_not_of('0', keep + 1) != std::string::npos;
  bool up = first > '5' || (first == '5' && (rest_nonzero || (digits[keep - 1] - '0') % 2 == 1));
  std::string kept = digits.substr(0, keep);
  if (up) {
    size_t i = kept.size();
    while (i > 0 && kept[i - 1] == '9') kept[--i] = '0';
    if (i == 0) kept.insert(kept.begin(), '1');
    else ++kept[i - 1];
  }
  return kept + std::string(places, '0');
}

}  // namespace

double RoundFloat(double x, int64_t ndigits) {
  // Beyond these, every double is unchanged / rounds to zero (CPython's NDIGITS_MAX/MIN).
  if (ndigits > 323) return x;
  if (ndigits < -308) return 0.0 * x;
  if (!std::isfinite(x) || x == 0.0) return x;
  // Round the exact binary value in decimal, then convert back: correctly rounded, as CPython's
  // dtoa-based double_round. glibc's printf is exact and breaks ties to even.
  std::string text;
  if (ndigits >= 0) {
    int n = std::snprintf(nullptr, 0, "%.*f", static_cast<int>(ndigits), x);
    text.resize(n + 1);
    std::snprintf(text.data(), text.size(), "%.*f", static_cast<int>(ndigits), x);
  } else {
    double whole = std::trunc(std::fabs(x));
    int n = std::snprintf(nullptr, 0, "%.0f", whole);
    std::string digits(n + 1, '\0');
    std::snprintf(digits.data(), digits.size(), "%.0f", whole);
    digits.resize(n);
    text = (x < 0 ? "-" : "") + RoundIntegerDigits(digits, -ndigits, whole != std::fabs(x));
  }
  double r = std::strtod(text.c_str(), nullptr);
  return r == 0.0 ? std::copysign(0.0, x) : r;
}

int CompareIntFloat(int64_t i, double f) {
  if (std::isnan(f)) return 2;
  constexpr double kTwo63 = 9223372036854775808.0;
  if (f >= kTwo63) return -1;
  if (f < -kTwo63) return 1;
  // -2**63 <= f < 2**63: floor(f) is exactly representable as int64.
  double fl = std::floor(f);
  int64_t fi = static_cast<int64_t>(fl);
  if (i < fi) return -1;
  if (i > fi) return 1;
  return f > fl ? -1 : 0;
}

// ---------------------------------------------------------------------------------------------
// float's methods. The owner check guarantees argv[0] is a float.

namespace {

double Self(const CallArgs& args) { return args.argv[0].as_float(); }

// Converts a float method's operand: floats and ints (bools included) take part in arithmetic.
// 1: converted; 0: not a number (NotImplemented); -1: an int too large for a double (raised).
int ToDouble(ThreadState& ts, Value v, double* out) {
  if (v.is_float()) *out = v.as_float();
  else if (v.is_intlike()) *out = static_cast<double>(v.as_int());
  else if (IsBigInt(v)) return AnyIntToDouble(ts, v, out) ? 1 : -1;
  else return 0;
  return 1;
}

#define GILVM_FLOAT_OPERAND(v, out)                 \
  switch (ToDouble(ts, v, out)) {                   \
    case 0: return ts.interp.not_implemented;       \
    case -1: return Value::Null();                  \
    default: break;                                 \
  }

template <BinOp op, bool reflected>
Value FloatDunder(ThreadState& ts, const CallArgs& args) {
  if (!CheckSlotArity(ts, args, 2, 2)) return Value::Null();
  double other;
  GILVM_FLOAT_OPERAND(args.argv[1], &other)
  return reflected ? FloatBinaryOp(ts, op, other, Self(args)) : FloatBinaryOp(ts, op, Self(args), other);
}

template <bool reflected>
Value FloatPowDunder(ThreadState& ts, const CallArgs& args) {
  if (!CheckSlotArity(ts, args, 2, 3)) return Value::Null();
  double other;
  GILVM_FLOAT_OPERAND(args.argv[1], &other)
  if (args.nargs == 3 && !args.argv[2].is_none())
    return RaiseTypeError(ts, "pow() 3rd argument not allowed unless all arguments are integers");
  return reflected ? FloatPow(ts, other, Self(args)) : FloatPow(ts, Self(args), other);
}

template <bool reflected>
Value FloatDivmodDunder(ThreadState& ts, const CallArgs& args) {
  if (!CheckSlotArity(ts, args, 2, 2)) return Value::Null();
  double other;
  GILVM_FLOAT_OPERAND(args.argv[1], &other)
  double a = reflected ? other : Self(args), b = reflected ? Self(args) : other;
  if (b == 0.0) return RaiseZeroDivision(ts, "float divmod()");
  double q, m;
  FloatDivMod(a, b, &q, &m);
  return Value::Obj(NewTuple(ts, {Value::Float(q), Value::Float(m)}));
}

bool CompareResult(CmpOp op, int c) {
  if (c == 2) return op == CmpOp::kNe;  // NaN: unordered, only != holds
  switch (op) {
    case CmpOp::kLt: return c < 0;
    case CmpOp::kLe: return c <= 0;
    case CmpOp::kEq: return c == 0;
    case CmpOp::kNe: return c != 0;
    case CmpOp::kGt: return c > 0;
    case CmpOp::kGe: return c >= 0;
  }
  return false;
}

template <CmpOp op>
Value FloatCompare(ThreadState& ts, const CallArgs& args) {
  if (!CheckSlotArity(ts, args, 2, 2)) return Value::Null();
  double a = Self(args);
  Value other = args.argv[1];
  int c;
  if (other.is_float()) {
    double b = other.as_float();
    c = (std::isnan(a) || std::isnan(b)) ? 2 : a < b ? -1 : a > b ? 1 : 0;
  } else if (IsAnyInt(other)) {
    c = CompareAnyIntFloat(other, a);
    if (c != 2) c = -c;  // CompareIntFloat compares int with float; we need float with int
  } else {
    return ts.interp.not_implemented;
  }
  return Value::Bool(CompareResult(op, c));
}

// A finite double that is a whole number, as an int; OverflowError/ValueError otherwise.
Value WholeToInt(ThreadState& ts, double whole) {
  if (std::isnan(whole)) return RaiseValueError(ts, "cannot convert float NaN to integer");
  if (std::isinf(whole)) return RaiseOverflowError(ts, "cannot convert float infinity to integer");
  return IntFromDouble(ts, whole);
}

using UnaryFn = Value (*)(ThreadState& ts, double v);

template <UnaryFn fn>
Value FloatUnary(ThreadState& ts, const CallArgs& args) {
  if (!CheckSlotArity(ts, args, 1, 1)) return Value::Null();
  return fn(ts, Self(args));
}

Value Identity(ThreadState&, double v) { return Value::Float(v); }
Value Negate(ThreadState&, double v) { return Value::Float(-v); }
Value AbsValue(ThreadState&, double v) { return Value::Float(std::fabs(v)); }
Value BoolValue(ThreadState&, double v) { return Value::Bool(v != 0.0); }
Value HashValue(ThreadState&, double v) { return Value::Int(HashFloat(v)); }
Value ReprValue(ThreadState& ts, double v) { return NewStrValue(ts, FloatRepr(v)); }
Value TruncValue(ThreadState& ts, double v) { return WholeToInt(ts, std::trunc(v)); }
Value FloorValue(ThreadState& ts, double v) { return WholeToInt(ts, std::floor(v)); }
Value CeilValue(ThreadState& ts, double v) { return WholeToInt(ts, std::ceil(v)); }
Value IsIntegerValue(ThreadState&, double v) { return Value::Bool(std::isfinite(v) && v == std::floor(v)); }

// round(x): nearest integer, halves to even.
Value RoundToInt(ThreadState& ts, double x) {
  double r = std::round(x);
  if (std::fabs(x - r) == 0.5) r = 2.0 * std::round(x / 2.0);
  return WholeToInt(ts, r);
}

Value FloatRound(ThreadState& ts, const CallArgs& args) {
  CallArgs rest{args.argv + 1, args.nargs - 1, args.kwnames};
  if (!NoKeywords(ts, rest, "__round__") || !ArgCountBetween(ts, rest, "__round__", 0, 1)) return Value::Null();
  if (args.nargs < 2 || args.argv[1].is_none()) return RoundToInt(ts, Self(args));
  int64_t ndigits;
  if (!ToIndex(ts, args.argv[1], &ndigits)) return Value::Null();
  double r = RoundFloat(Self(args), ndigits);
  if (std::isinf(r) && std::isfinite(Self(args))) return RaiseOverflowError(ts, "rounded value too large to represent");
  return Value::Float(r);
}

Value FloatAsIntegerRatio(ThreadState& ts, double v) {
  if (std::isinf(v)) return RaiseOverflowError(ts, "cannot convert Infinity to integer ratio");
  if (std::isnan(v)) return RaiseValueError(ts, "cannot convert NaN to integer ratio");
  int exp;
  double m = std::frexp(v, &exp);
  // Scale the mantissa to an integer, then cancel common powers of two.
  for (int i = 0; i < 300 && m != std::floor(m); ++i) {
    m *= 2.0;
    --exp;
  }
  if (exp >= 0) {
    // A fresh object survives until the next allocation, which is the tuple holding it.
    Value whole = IntFromDouble(ts, v);
    return Value::Obj(NewTuple(ts, {whole, Value::Int(1)}));
  }
  int64_t num = static_cast<int64_t>(m);
  int shift = -exp;
  while (shift > 0 && num % 2 == 0) {
    num /= 2;
    --shift;
  }
  Value den = MakeInt(ts, ShiftLeft(BigNum(1), shift));
  return Value::Obj(NewTuple(ts, {Value::Int(num), den}));
}

// float.hex(): '0x1.8000000000000p+0', '-0x0.0p+0', 'inf'.
Value FloatHex(ThreadState& ts, double v) {
  if (!std::isfinite(v)) return NewStrValue(ts, FloatRepr(v));
  std::string out = std::signbit(v) ? "-" : "";
  v = std::fabs(v);
  if (v == 0.0) return NewStrValue(ts, out + "0x0.0p+0");
  int exp;
  double m = std::frexp(v, &exp);  // v = m * 2**exp, 0.5 <= m < 1
  int shift = 1 - std::max(-1021 - exp, 0);
  m = std::ldexp(m, shift);
  exp -= shift;
  static constexpr char kHex[] = "0123456789abcdef";
  int lead = static_cast<int>(m);
  m -= lead;
  out += "0x";
  out += kHex[lead];
  out += '.';
  for (int i = 0; i < 13; ++i) {
    m *= 16.0;
    int d = static_cast<int>(m);
    out += kHex[d];
    m -= d;
  }
  out += 'p';
  out += exp < 0 ? '-' : '+';
  out += std::to_string(std::abs(exp));
  return NewStrValue(ts, out);
}

// A method without arguments; `name` is for CPython's message "float.hex() takes no arguments
// (1 given)".
template <UnaryFn fn, const char* name>
Value FloatMethod0(ThreadState& ts, const CallArgs& args) {
  size_t extra = args.nargs - 1 + (args.kwnames != nullptr ? args.nkw() : 0);
  if (extra != 0)
    return RaiseTypeError(ts, std::string(name) + "() takes no arguments (" + std::to_string(extra) + " given)");
  return fn(ts, Self(args));
}

Value FloatReal(ThreadState&, const CallArgs& args) { return args.argv[0]; }
Value FloatImag(ThreadState&, const CallArgs&) { return Value::Float(0.0); }

// float.fromhex(s): optional whitespace and sign, an optional 0x, hex digits with an optional
// point, an optional binary exponent; or inf/infinity/nan. strtod does the correctly rounded
// conversion once the text is known to be in Python's (stricter) form.
Value FloatFromHex(ThreadState& ts, const CallArgs& args) {
  if (!NoKeywords(ts, args, "float.fromhex")) return Value::Null();
  if (args.nargs != 2)
    return RaiseTypeError(ts, absl::StrCat("float.fromhex() takes exactly one argument (", args.nargs - 1, " given)"));
  if (!IsObjectOfKind(args.argv[1], Kind::kStr))
    return RaiseTypeError(ts, "bad argument type for built-in operation");
  std::string_view text = As<StrObject>(args.argv[1])->view();
  auto invalid = [&] { return Raise(ts, ts.interp.exc.ValueError, "invalid hexadecimal floating-point string"); };
  auto is_space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  bool negative = false;
  if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  std::string lower = absl::AsciiStrToLower(std::string(text));
  double v;
  if (lower == "inf" || lower == "infinity") {
    v = std::numeric_limits<double>::infinity();
  } else if (lower == "nan") {
    v = std::numeric_limits<double>::quiet_NaN();
  } else {
    std::string_view body = lower;
    if (body.substr(0, 2) == "0x") body.remove_prefix(2);
    size_t digits = 0, i = 0;
    bool point = false;
    for (; i < body.size(); ++i) {
      char c = body[i];
      if (absl::ascii_isxdigit(c)) {
        ++digits;
      } else if (c == '.' && !point) {
        point = true;
      } else {
        break;
      }
    }
    if (digits == 0) return invalid();
    if (i < body.size()) {  // the exponent: p, an optional sign, decimal digits
      if (body[i] != 'p' || ++i == body.size()) return invalid();
      if (body[i] == '+' || body[i] == '-') ++i;
      if (i == body.size()) return invalid();
      for (; i < body.size(); ++i)
        if (!absl::ascii_isdigit(body[i])) return invalid();
    }
    std::string c_text = "0x" + std::string(body);
    errno = 0;
    char* end = nullptr;
    v = std::strtod(c_text.c_str(), &end);
    if (end != c_text.c_str() + c_text.size()) return invalid();
    if (errno == ERANGE && std::isinf(v))
      return Raise(ts, ts.interp.exc.OverflowError, "hexadecimal value too large to represent as a float");
  }
  Value result = Value::Float(negative ? -v : v);
  TypeObject* cls = As<TypeObject>(args.argv[0]);
  if (cls == ts.interp.types.float_) return result;
  return Call(ts, args.argv[0], &result, 1);
}

constexpr char kIsInteger[] = "float.is_integer";
constexpr char kConjugate[] = "float.conjugate";
constexpr char kAsIntegerRatio[] = "float.as_integer_ratio";
constexpr char kHexName[] = "float.hex";

}  // namespace

void InitFloatType(Interpreter& interp) {
  TypeObject* t = interp.types.float_;
  auto add = [&](std::string_view name, NativeFn fn) { AddMethod(interp, t, name, fn); };
#define GILVM_FLOAT_BINOP(op, name)               \
  add("__" name "__", FloatDunder<BinOp::op, false>); \
  add("__r" name "__", FloatDunder<BinOp::op, true>);
  GILVM_FLOAT_BINOP(kAdd, "add")
  GILVM_FLOAT_BINOP(kSub, "sub")
  GILVM_FLOAT_BINOP(kMul, "mul")
  GILVM_FLOAT_BINOP(kTrueDiv, "truediv")
  GILVM_FLOAT_BINOP(kFloorDiv, "floordiv")
  GILVM_FLOAT_BINOP(kMod, "mod")
#undef GILVM_FLOAT_BINOP
  add("__pow__", FloatPowDunder<false>);
  add("__rpow__", FloatPowDunder<true>);
  add("__divmod__", FloatDivmodDunder<false>);
  add("__rdivmod__", FloatDivmodDunder<true>);
  add("__lt__", FloatCompare<CmpOp::kLt>);
  add("__le__", FloatCompare<CmpOp::kLe>);
  add("__eq__", FloatCompare<CmpOp::kEq>);
  add("__ne__", FloatCompare<CmpOp::kNe>);
  add("__gt__", FloatCompare<CmpOp::kGt>);
  add("__ge__", FloatCompare<CmpOp::kGe>);
  add("__neg__", FloatUnary<Negate>);
  add("__pos__", FloatUnary<Identity>);
  add("__abs__", FloatUnary<AbsValue>);
  add("__bool__", FloatUnary<BoolValue>);
  add("__float__", FloatUnary<Identity>);
  add("__int__", FloatUnary<TruncValue>);
  add("__trunc__", FloatUnary<TruncValue>);
  add("__floor__", FloatUnary<FloorValue>);
  add("__ceil__", FloatUnary<CeilValue>);
  add("__hash__", FloatUnary<HashValue>);
  add("__repr__", FloatUnary<ReprValue>);
  add("__round__", FloatRound);
  add("is_integer", FloatMethod0<IsIntegerValue, kIsInteger>);
  add("conjugate", FloatMethod0<Identity, kConjugate>);
  add("as_integer_ratio", FloatMethod0<FloatAsIntegerRatio, kAsIntegerRatio>);
  add("hex", FloatMethod0<FloatHex, kHexName>);
  AddClassMethod(interp, t, "fromhex", FloatFromHex);
  AddGetter(interp, t, "real", FloatReal);
  AddGetter(interp, t, "imag", FloatImag);
}

}  // namespace gilvm::vm
