#include "vm/int.h"

#include <charconv>
#include <cmath>
#include <limits>

#include "vm/bigint.h"
#include "vm/dict.h"
#include "vm/errors.h"
#include "vm/float.h"
#include "vm/function.h"
#include "vm/interpreter.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/protocol.h"
#include "vm/str.h"
#include "vm/thread_state.h"
#include "vm/tuple.h"

namespace gilvm::vm {


namespace {

constexpr uint64_t kHashModulus = (uint64_t{1} << 61) - 1;

// The slow path of every int64 operation that overflowed: redo it in arbitrary precision.
Value Promote(ThreadState& ts, BinOp op, int64_t a, int64_t b) {
  return BigIntBinaryOp(ts, op, Value::Int(a), Value::Int(b));
}

// Python's floor division and modulo; b != 0 and not (a == INT64_MIN && b == -1).
int64_t FloorDiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}
int64_t FloorMod(int64_t a, int64_t b) {
  int64_t r = a % b;
  if (r != 0 && ((r < 0) != (b < 0))) r += b;
  return r;
}

int BitLength(uint64_t v) { return v == 0 ? 0 : 64 - __builtin_clzll(v); }
uint64_t Magnitude(int64_t v) { return v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v); }

// a / b correctly rounded, like CPython's long_true_divide. Doubles are exact up to 2**53, so
// small operands divide directly; otherwise the quotient is computed with at least 55 bits plus a
// sticky bit, which the (correctly rounding) 128-bit -> double conversion then rounds once.
double TrueDivide(int64_t a, int64_t b) {
  constexpr uint64_t kExact = uint64_t{1} << 53;
  uint64_t na = Magnitude(a), nb = Magnitude(b);
  if (na <= kExact && nb <= kExact) return static_cast<double>(a) / static_cast<double>(b);
  int shift = std::max(0, 55 + BitLength(nb) - BitLength(na));
  unsigned __int128 num = static_cast<unsigned __int128>(na) << shift;
  unsigned __int128 q = num / nb;
  if (num % nb != 0) q |= 1;
  double r = std::ldexp(static_cast<double>(q), -shift);
  return (a < 0) != (b < 0) ? -r : r;
}

Value IntPow(ThreadState& ts, int64_t base, int64_t exp) {
  if (exp < 0) {
    if (base == 0) return RaiseZeroDivision(ts, "0.0 cannot be raised to a negative power");
    return Value::Float(std::pow(static_cast<double>(base), static_cast<double>(exp)));
  }
  int64_t result = 1, b = base, e = exp;
  while (true) {
    if ((e & 1) && __builtin_mul_overflow(result, b, &result)) return Promote(ts, BinOp::kPow, base, exp);
    e >>= 1;
    if (e == 0) break;
    if (__builtin_mul_overflow(b, b, &b)) return Promote(ts, BinOp::kPow, base, exp);
  }
  return Value::Int(result);
}

Value IntShift(ThreadState& ts, BinOp op, int64_t a, int64_t b) {
  if (b < 0) return RaiseValueError(ts, "negative shift count");
  if (op == BinOp::kRShift) {
    if (b >= 64) return Value::Int(a < 0 ? -1 : 0);
    return Value::Int(a >> b);
  }
  if (a == 0) return Value::Int(0);
  if (b >= 64) return Promote(ts, op, a, b);
  int64_t r = static_cast<int64_t>(static_cast<uint64_t>(a) << b);
  if ((r >> b) != a) return Promote(ts, op, a, b);
  return Value::Int(r);
}

const char* BinOpSymbol(BinOp op) {
  static constexpr const char* kSymbols[] = {"+", "-", "*", "@", "/", "//", "%", "**", "<<", ">>", "&", "|", "^"};
  return kSymbols[static_cast<int>(op)];
}

// Modular inverse of a (0 <= a < m) modulo m, by the extended Euclidean algorithm; false if
// gcd(a, m) != 1.
bool ModInverse(uint64_t a, uint64_t m, uint64_t* out) {
  __int128 r0 = m, r1 = a, t0 = 0, t1 = 1;
  while (r1 != 0) {
    __int128 q = r0 / r1;
    __int128 r2 = r0 - q * r1, t2 = t0 - q * t1;
    r0 = r1, r1 = r2, t0 = t1, t1 = t2;
  }
  if (r0 != 1) return false;
  if (t0 < 0) t0 += m;
  *out = static_cast<uint64_t>(t0);
  return true;
}

}  // namespace

Value IntBinaryOp(ThreadState& ts, BinOp op, int64_t a, int64_t b) {
  int64_t r;
  switch (op) {
    case BinOp::kAdd:
      if (__builtin_add_overflow(a, b, &r)) return Promote(ts, op, a, b);
      return Value::Int(r);
    case BinOp::kSub:
      if (__builtin_sub_overflow(a, b, &r)) return Promote(ts, op, a, b);
      return Value::Int(r);
    case BinOp::kMul:
      if (__builtin_mul_overflow(a, b, &r)) return Promote(ts, op, a, b);
      return Value::Int(r);
    case BinOp::kTrueDiv:
      if (b == 0) return RaiseZeroDivision(ts, "division by zero");
      return Value::Float(TrueDivide(a, b));
    case BinOp::kFloorDiv:
      if (b == 0) return RaiseZeroDivision(ts, "integer division or modulo by zero");
      if (a == std::numeric_limits<int64_t>::min() && b == -1) return Promote(ts, op, a, b);
      return Value::Int(FloorDiv(a, b));
    case BinOp::kMod:
      if (b == 0) return RaiseZeroDivision(ts, "integer modulo by zero");
      if (b == -1) return Value::Int(0);  // INT64_MIN % -1 is undefined in C++
      return Value::Int(FloorMod(a, b));
    case BinOp::kPow: return IntPow(ts, a, b);
    case BinOp::kLShift:
    case BinOp::kRShift: return IntShift(ts, op, a, b);
    case BinOp::kAnd: return Value::Int(a & b);
    case BinOp::kOr: return Value::Int(a | b);
    case BinOp::kXor: return Value::Int(a ^ b);
    case BinOp::kMatMul: break;
  }
  // Callers only pass int operands, so the types in the message are known.
  return RaiseTypeError(ts, std::string("unsupported operand type(s) for ") + BinOpSymbol(op) + ": 'int' and 'int'");
}

Value IntPowMod(ThreadState& ts, int64_t a, int64_t b, int64_t mod) {
  if (mod == 0) return RaiseValueError(ts, "pow() 3rd argument cannot be 0");
  uint64_t m = Magnitude(mod);
  if (m == 1) return Value::Int(0);
  // base reduced into [0, m).
  uint64_t base = a >= 0 ? static_cast<uint64_t>(a) % m : (m - Magnitude(a) % m) % m;
  uint64_t exp = Magnitude(b);
  if (b < 0 && !ModInverse(base, m, &base))
    return RaiseValueError(ts, "base is not invertible for the given modulus");
  unsigned __int128 result = 1, sq = base;
  while (exp != 0) {
    if (exp & 1) result = result * sq % m;
    sq = sq * sq % m;
    exp >>= 1;
  }
  uint64_t r = static_cast<uint64_t>(result);
  // Python's result has the sign of the modulus.
  if (mod < 0 && r != 0) return Value::Int(static_cast<int64_t>(r - m));
  return Value::Int(static_cast<int64_t>(r));
}

Value IntDivmodValues(ThreadState& ts, Value a, Value b) {
  Value q = AnyIntBinaryOp(ts, BinOp::kFloorDiv, a, b);
  if (q.is_null()) return q;
  Root keep(ts, q);
  Value r = AnyIntBinaryOp(ts, BinOp::kMod, a, b);
  if (r.is_null()) return r;
  return Value::Obj(NewTuple(ts, {q, r}));
}

std::string IntToString(int64_t v) {
  char buf[24];
  auto res = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, res.ptr);
}

int64_t HashInt(int64_t v) {
  uint64_t h = Magnitude(v) % kHashModulus;
  int64_t r = v < 0 ? -static_cast<int64_t>(h) : static_cast<int64_t>(h);
  return r == -1 ? -2 : r;
}

namespace {

int DigitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

// CPython truncates the repr in this message to 200 characters (%.200R).
Value RaiseBadLiteral(ThreadState& ts, std::string_view text, int base) {
  std::string repr = StrRepr(text);
  size_t cut = 0, cps = 0;
  while (cut < repr.size() && cps < 200) {
    ++cut;
    while (cut < repr.size() && (static_cast<unsigned char>(repr[cut]) & 0xC0) == 0x80) ++cut;
    ++cps;
  }
  repr.resize(cut);
  return RaiseValueError(ts, "invalid literal for int() with base " + std::to_string(base) + ": " + repr);
}

// Strips a base prefix (0x/0o/0b) that matches `*base` (or sets *base when it is 0). Returns
// false for base-0 text with leading zeros ("010"), which Python rejects.
bool TakePrefix(std::string_view* s, int* base) {
  if (s->size() >= 2 && (*s)[0] == '0') {
    char p = static_cast<char>((*s)[1] | 0x20);
    int pb = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
    if (pb != 0 && (*base == 0 || *base == pb)) {
      *base = pb;
      s->remove_prefix(2);
      // An underscore may follow the prefix: 0x_1f.
      if (!s->empty() && (*s)[0] == '_') s->remove_prefix(1);
      return !s->empty();
    }
  }
  if (*base != 0) return true;
  *base = 10;
  // Base 0: a literal starting with 0 must be all zeros (and underscores).
  if (!s->empty() && (*s)[0] == '0') {
    for (char c : *s)
      if (c != '0' && c != '_') return false;
  }
  return true;
}

// The value of validated digits (underscores allowed) too large for int64.
Value ParseBigDigits(ThreadState& ts, std::string_view s, int base, bool negative) {
  std::string digits;
  digits.reserve(s.size());
  for (char c : s)
    if (c != '_') digits.push_back(c);
  BigNum n = FromDigits(digits, base);
  return MakeInt(ts, negative ? n.Negated() : std::move(n));
}

}  // namespace

Value ParseInt(ThreadState& ts, std::string_view text, int base) {
  if (base != 0 && (base < 2 || base > 36))
    return RaiseValueError(ts, "int() base must be >= 2 and <= 36, or 0");
  int shown_base = base;
  std::string_view s = StripPyWhitespace(text);
  bool negative = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  if (!TakePrefix(&s, &base) || s.empty()) return RaiseBadLiteral(ts, text, shown_base);
  uint64_t limit = negative ? uint64_t{1} << 63 : (uint64_t{1} << 63) - 1;
  uint64_t value = 0;
  size_t ndigits = 0;
  bool overflow = false, prev_digit = false;
  for (char c : s) {
    if (c == '_') {
      if (!prev_digit) return RaiseBadLiteral(ts, text, shown_base);
      prev_digit = false;
      continue;
    }
    int d = DigitValue(c);
    if (d >= base) return RaiseBadLiteral(ts, text, shown_base);
    prev_digit = true;
    ++ndigits;
    if (value > (limit - d) / base) overflow = true;
    else value = value * base + d;
  }
  if (!prev_digit) return RaiseBadLiteral(ts, text, shown_base);
  if (!CheckStrToIntDigits(ts, ndigits, base)) return Value::Null();
  if (overflow) return ParseBigDigits(ts, s, base, negative);
  return Value::Int(negative ? static_cast<int64_t>(0 - value) : static_cast<int64_t>(value));
}

// ---------------------------------------------------------------------------------------------
// int's methods. The owner check guarantees argv[0] is an int or a bool.

// Arity check for slot wrappers (__add__...), worded like CPython's ("expected 1 argument,
// got 0"). argv[0] is self and is not counted. Shared with float.cc and str.cc.
bool CheckSlotArity(ThreadState& ts, const CallArgs& args, size_t min, size_t max) {
  if (args.kwnames != nullptr && args.nkw() > 0) {
    RaiseTypeError(ts, "wrapper takes no keyword arguments");
    return false;
  }
  if (args.nargs >= min && args.nargs <= max) return true;
  size_t want = args.nargs < min ? min - 1 : max - 1;
  RaiseTypeError(ts, "expected " + std::to_string(want) + (want == 1 ? " argument, got " : " arguments, got ") +
                         std::to_string(args.nargs - 1));
  return false;
}

namespace {

// self as a plain Value: an int64, a bool or a BigInt.
Value Self(const CallArgs& args) { return args.argv[0]; }

// Checks a named method's arguments, self excluded: "int.bit_length() takes no arguments (1 given)".
bool CheckArity(ThreadState& ts, const CallArgs& args, std::string_view name, size_t min, size_t max) {
  CallArgs rest{args.argv + 1, args.nargs - 1, args.kwnames};
  return NoKeywords(ts, rest, name) && ArgCountBetween(ts, rest, name, min, max);
}

template <BinOp op, bool reflected>
Value IntDunder(ThreadState& ts, const CallArgs& args) {
  if (!CheckSlotArity(ts, args, 2, 2)) return Value::Null();
  Value other = args.argv[1];
  if (!IsAnyInt(other)) return ts.interp.not_implemented;
  return reflected ? AnyIntBinaryOp(ts, op, other, Self(args)) : AnyIntBinaryOp(ts, op, Self(args), other);
}

template <bool reflected>
Value IntPowDunder(ThreadState& ts, const CallArgs& args) {
  if (!CheckSlotArity(ts, args, 2, 3)) return Value::Null();
  Value other = args.argv[1];
  if (!IsAnyInt(other)) return ts.interp.not_implemented;
  Value a = reflected ? other : Self(args), b = reflected ? Self(args) : other;
  if (args.nargs < 3 || args.argv[2].is_none()) return AnyIntBinaryOp(ts, BinOp::kPow, a, b);
  if (!IsAnyInt(args.argv[2])) return ts.interp.not_implemented;
  return AnyIntPowMod(ts, a, b, args.argv[2]);
}

template <bool reflected>
Value IntDivmod(ThreadState& ts, const CallArgs& args) {
  if (!CheckSlotArity(ts, args, 2, 2)) return Value::Null();
  Value other = args.argv[1];
  if (!IsAnyInt(other)) return ts.interp.not_implemented;
  return IntDivmodValues(ts, reflected ? other : Self(args), reflected ? Self(args) : other);
}

template <CmpOp op>
Value IntCompare(ThreadState& ts, const CallArgs& args) {
  if (!CheckSlotArity(ts, args, 2, 2)) return Value::Null();
  Value other = args.argv[1];
  if (!IsAnyInt(other)) return ts.interp.not_implemented;
  return Value::Bool(CompareOrdered(CompareAnyInt(Self(args), other), 0, op));
}

using UnaryFn = Value (*)(ThreadState& ts, Value v);

template <UnaryFn fn>
Value IntUnary(ThreadState& ts, const CallArgs& args) {
  if (!CheckSlotArity(ts, args, 1, 1)) return Value::Null();
  return fn(ts, Self(args));
}

// int(self): a bool becomes the plain int.
Value Identity(ThreadState&, Value v) { return v.is_bool() ? Value::Int(v.as_int()) : v; }
Value BoolValue(ThreadState&, Value v) { return Value::Bool(IsBigInt(v) || v.as_int() != 0); }
Value FloatValue(ThreadState& ts, Value v) {
  double d;
  if (!AnyIntToDouble(ts, v, &d)) return Value::Null();
  return Value::Float(d);
}
Value HashValue(ThreadState&, Value v) {
  return Value::Int(IsBigInt(v) ? HashBigInt(*IntRef(v)) : HashInt(v.as_int()));
}
Value ReprValue(ThreadState& ts, Value v) {
  std::string s;
  if (!AnyIntToDecimal(ts, v, &s)) return Value::Null();
  return NewStrValue(ts, s);
}

Value BitLength(ThreadState& ts, const CallArgs& args) {
  if (!CheckArity(ts, args, "int.bit_length", 0, 0)) return Value::Null();
  return Value::Int(static_cast<int64_t>(IntRef(Self(args))->BitLength()));
}
Value BitCount(ThreadState& ts, const CallArgs& args) {
  if (!CheckArity(ts, args, "int.bit_count", 0, 0)) return Value::Null();
  return Value::Int(static_cast<int64_t>(IntRef(Self(args))->PopCount()));
}

// round(v, -digits) for digits > 0: to a multiple of 10**digits, ties to even.
Value RoundToTens(ThreadState& ts, Value v, int64_t digits) {
  IntRef x(v);
  // 10**digits beyond twice the magnitude: every value rounds to 0 and no ties are possible.
  if (static_cast<double>(digits) * 3.3219280948873622 > static_cast<double>(x->BitLength()) + 2)
    return Value::Int(0);
  BigNum unit = Pow(BigNum(10), static_cast<uint64_t>(digits)), q, r;
  DivMod(*x, unit, &q, &r);  // floor: 0 <= r < unit
  int c = Compare(ShiftLeft(r, 1), unit);
  if (c > 0 || (c == 0 && q.is_odd())) q = Add(q, BigNum(1));
  return MakeInt(ts, Mul(q, unit));
}

}  // namespace

Value IntRoundDigits(ThreadState& ts, Value v, int64_t digits) {
  Value self = Identity(ts, v);
  if (digits >= 0) return self;
  if (digits == std::numeric_limits<int64_t>::min()) return Value::Int(0);
  return RoundToTens(ts, self, -digits);
}

namespace {

Value IntRound(ThreadState& ts, const CallArgs& args) {
  if (!CheckArity(ts, args, "__round__", 0, 1)) return Value::Null();
  Value self = Identity(ts, Self(args));
  if (args.nargs < 2 || args.argv[1].is_none()) return self;
  int64_t digits;
  if (IsBigInt(args.argv[1])) {
    // A huge digit count: positive keeps the value, negative rounds everything to 0.
    return IntRef(args.argv[1])->negative() ? Value::Int(0) : self;
  }
  if (!ToIndex(ts, args.argv[1], &digits)) return Value::Null();
  if (digits >= 0) return self;
  if (digits == std::numeric_limits<int64_t>::min()) return Value::Int(0);
  return RoundToTens(ts, self, -digits);
}

Value IntConjugate(ThreadState& ts, const CallArgs& args) {
  if (!CheckArity(ts, args, "int.conjugate", 0, 0)) return Value::Null();
  return Identity(ts, Self(args));
}

Value IntAsIntegerRatio(ThreadState& ts, const CallArgs& args) {
  if (!CheckArity(ts, args, "int.as_integer_ratio", 0, 0)) return Value::Null();
  return Value::Obj(NewTuple(ts, {Identity(ts, Self(args)), Value::Int(1)}));
}

// bool's &, |, ^: bool with bool stays bool, anything else falls back to int's.
template <BinOp op>
Value BoolBitwise(ThreadState& ts, const CallArgs& args) {
  if (!CheckSlotArity(ts, args, 2, 2)) return Value::Null();
  Value other = args.argv[1];
  if (!IsAnyInt(other)) return ts.interp.not_implemented;
  Value r = AnyIntBinaryOp(ts, op, Self(args), other);
  if (other.is_bool() && args.argv[0].is_bool()) return Value::Bool(r.as_int() != 0);
  return r;
}

Value BoolRepr(ThreadState& ts, const CallArgs& args) {
  if (!CheckSlotArity(ts, args, 1, 1)) return Value::Null();
  return NewStrValue(ts, Self(args).as_int() != 0 ? "True" : "False");
}

// The rational and complex views of an int (int.real, .imag, .numerator, .denominator): a bool
// answers with a plain int, as CPython's do.
Value IntReal(ThreadState&, const CallArgs& args) {
  Value v = args.argv[0];
  return v.is_bool() ? Value::Int(v.as_int()) : v;
}
Value IntZero(ThreadState&, const CallArgs&) { return Value::Int(0); }
Value IntOne(ThreadState&, const CallArgs&) { return Value::Int(1); }

}  // namespace

void InitIntType(Interpreter& interp) {
  TypeObject* t = interp.types.int_;
  auto add = [&](std::string_view name, NativeFn fn) { AddMethod(interp, t, name, fn); };
#define GILVM_INT_BINOP(op, name)                             \
  add("__" name "__", IntDunder<BinOp::op, false>);           \
  add("__r" name "__", IntDunder<BinOp::op, true>);
  GILVM_INT_BINOP(kAdd, "add")
  GILVM_INT_BINOP(kSub, "sub")
  GILVM_INT_BINOP(kMul, "mul")
  GILVM_INT_BINOP(kTrueDiv, "truediv")
  GILVM_INT_BINOP(kFloorDiv, "floordiv")
  GILVM_INT_BINOP(kMod, "mod")
  GILVM_INT_BINOP(kLShift, "lshift")
  GILVM_INT_BINOP(kRShift, "rshift")
  GILVM_INT_BINOP(kAnd, "and")
  GILVM_INT_BINOP(kOr, "or")
  GILVM_INT_BINOP(kXor, "xor")
#undef GILVM_INT_BINOP
  add("__pow__", IntPowDunder<false>);
  add("__rpow__", IntPowDunder<true>);
  add("__divmod__", IntDivmod<false>);
  add("__rdivmod__", IntDivmod<true>);
  add("__lt__", IntCompare<CmpOp::kLt>);
  add("__le__", IntCompare<CmpOp::kLe>);
  add("__eq__", IntCompare<CmpOp::kEq>);
  add("__ne__", IntCompare<CmpOp::kNe>);
  add("__gt__", IntCompare<CmpOp::kGt>);
  add("__ge__", IntCompare<CmpOp::kGe>);
  add("__neg__", IntUnary<AnyIntNegate>);
  add("__pos__", IntUnary<Identity>);
  add("__abs__", IntUnary<AnyIntAbs>);
  add("__invert__", IntUnary<AnyIntInvert>);
  add("__bool__", IntUnary<BoolValue>);
  add("__int__", IntUnary<Identity>);
  add("__index__", IntUnary<Identity>);
  add("__float__", IntUnary<FloatValue>);
  add("__hash__", IntUnary<HashValue>);
  add("__repr__", IntUnary<ReprValue>);
  add("__trunc__", IntUnary<Identity>);
  add("__floor__", IntUnary<Identity>);
  add("__ceil__", IntUnary<Identity>);
  add("__round__", IntRound);
  add("bit_length", BitLength);
  add("bit_count", BitCount);
  add("conjugate", IntConjugate);
  add("as_integer_ratio", IntAsIntegerRatio);
  AddGetter(interp, t, "real", IntReal);
  AddGetter(interp, t, "imag", IntZero);
  AddGetter(interp, t, "numerator", IntReal);
  AddGetter(interp, t, "denominator", IntOne);
}

void InitBoolType(Interpreter& interp) {
  TypeObject* t = interp.types.bool_;
  AddMethod(interp, t, "__repr__", BoolRepr);
  AddMethod(interp, t, "__and__", BoolBitwise<BinOp::kAnd>);
  AddMethod(interp, t, "__rand__", BoolBitwise<BinOp::kAnd>);
  AddMethod(interp, t, "__or__", BoolBitwise<BinOp::kOr>);
  AddMethod(interp, t, "__ror__", BoolBitwise<BinOp::kOr>);
  AddMethod(interp, t, "__xor__", BoolBitwise<BinOp::kXor>);
  AddMethod(interp, t, "__rxor__", BoolBitwise<BinOp::kXor>);
}

}  // namespace gilvm::vm
