// Python-level big int operations: the glue between Values and BigNum arithmetic, with
// CPython's error messages. See vm/bigint.h for the canonical-form invariant.
#include "vm/bigint.h"

#include <cmath>
#include <limits>

#include "vm/errors.h"
#include "vm/float.h"
#include "vm/int.h"
#include "vm/interpreter.h"
#include "vm/str.h"
#include "vm/thread_state.h"

namespace gilvm::vm {

namespace {

// Results beyond this many bits would take gigabytes: refuse them up front with MemoryError,
// as CPython fails to allocate them, instead of grinding for minutes first.
constexpr uint64_t kMaxResultBits = uint64_t{1} << 32;  // 512 MiB

// Under a heap limit, a result of about `bits` bits must fit before it is computed (twice its
// size: the computation holds an operand or a product of about that size as well).
bool ResultFits(ThreadState& ts, double bits) {
  return bits < static_cast<double>(kMaxResultBits) * 2 && ts.interp.heap.Fits(static_cast<size_t>(bits / 8) * 2);
}

Value PowNegativeExponent(ThreadState& ts, Value a, Value b) {
  double x, y;
  if (!AnyIntToDouble(ts, a, &x) || !AnyIntToDouble(ts, b, &y)) return Value::Null();
  if (x == 0.0) return RaiseZeroDivision(ts, "0.0 cannot be raised to a negative power");
  return FloatBinaryOp(ts, BinOp::kPow, x, y);
}

Value BigPow(ThreadState& ts, Value a, Value b) {
  IntRef x(a), e(b);
  if (e->negative()) return PowNegativeExponent(ts, a, b);
  // Bases whose powers stay small, for any exponent.
  if (x->is_zero()) return Value::Int(e->is_zero() ? 1 : 0);
  if (Compare(*x, BigNum(1)) == 0) return Value::Int(1);
  if (Compare(*x, BigNum(-1)) == 0) return Value::Int(e->is_odd() ? -1 : 1);
  int64_t n;
  if (!e->ToInt64(&n) || static_cast<double>(x->BitLength() - 1) * static_cast<double>(n) > kMaxResultBits ||
      !ResultFits(ts, static_cast<double>(x->BitLength()) * static_cast<double>(n)))
    return RaiseMemoryError(ts);
  return MakeInt(ts, Pow(*x, static_cast<uint64_t>(n)));
}

Value BigShift(ThreadState& ts, BinOp op, Value a, Value b) {
  IntRef x(a), s(b);
  if (s->negative()) return RaiseValueError(ts, "negative shift count");
  int64_t n;
  bool fits = s->ToInt64(&n);
  if (op == BinOp::kRShift) {
    if (!fits || static_cast<uint64_t>(n) >= x->BitLength()) return Value::Int(x->negative() ? -1 : 0);
    return MakeInt(ts, ShiftRight(*x, n));
  }
  if (x->is_zero()) return Value::Int(0);
  // CPython counts the shift in 30-bit digits: a digit count past int64 is "too many digits".
  if (!fits && Compare(*s, Mul(BigNum(30), ShiftLeft(BigNum(1), 63))) >= 0)
    return RaiseOverflowError(ts, "too many digits in integer");
  if (!fits || static_cast<uint64_t>(n) > kMaxResultBits ||
      !ResultFits(ts, static_cast<double>(n) + static_cast<double>(x->BitLength())))
    return RaiseMemoryError(ts);
  return MakeInt(ts, ShiftLeft(*x, n));
}

Value BigDivide(ThreadState& ts, BinOp op, const BigNum& x, const BigNum& y) {
  if (y.is_zero()) {
    if (op == BinOp::kTrueDiv) return RaiseZeroDivision(ts, "division by zero");
    return RaiseZeroDivision(ts, op == BinOp::kMod ? "integer modulo by zero" : "integer division or modulo by zero");
  }
  if (op == BinOp::kTrueDiv) {
    double d;
    if (!TrueDivide(x, y, &d)) return RaiseOverflowError(ts, "integer division result too large for a float");
    return Value::Float(d);
  }
  BigNum q, r;
  DivMod(x, y, op == BinOp::kFloorDiv ? &q : nullptr, op == BinOp::kMod ? &r : nullptr);
  return MakeInt(ts, op == BinOp::kFloorDiv ? std::move(q) : std::move(r));
}

}  // namespace

Value MakeInt(ThreadState& ts, BigNum n) {
  int64_t small;
  if (n.ToInt64(&small)) return Value::Int(small);
  Interpreter& in = ts.interp;
  return Value::Obj(in.heap.New<BigIntObject>(in.types.int_, std::move(n)));  // charges the limbs
}

Value BigIntBinaryOp(ThreadState& ts, BinOp op, Value a, Value b) {
  switch (op) {
    case BinOp::kPow: return BigPow(ts, a, b);
    case BinOp::kLShift:
    case BinOp::kRShift: return BigShift(ts, op, a, b);
    default: break;
  }
  IntRef x(a), y(b);
  switch (op) {
    case BinOp::kAdd: return MakeInt(ts, Add(*x, *y));
    case BinOp::kSub: return MakeInt(ts, Sub(*x, *y));
    case BinOp::kMul:
      if (x->BitLength() + y->BitLength() > kMaxResultBits) return RaiseMemoryError(ts);
      return MakeInt(ts, Mul(*x, *y));
    case BinOp::kTrueDiv:
    case BinOp::kFloorDiv:
    case BinOp::kMod: return BigDivide(ts, op, *x, *y);
    case BinOp::kAnd: return MakeInt(ts, BitAnd(*x, *y));
    case BinOp::kOr: return MakeInt(ts, BitOr(*x, *y));
    case BinOp::kXor: return MakeInt(ts, BitXor(*x, *y));
    default: break;
  }
  return RaiseTypeError(ts, "unsupported operand type(s) for @: 'int' and 'int'");
}

Value AnyIntBinaryOp(ThreadState& ts, BinOp op, Value a, Value b) {
  if (a.is_intlike() && b.is_intlike()) return IntBinaryOp(ts, op, a.as_int(), b.as_int());
  return BigIntBinaryOp(ts, op, a, b);
}

Value AnyIntPowMod(ThreadState& ts, Value a, Value b, Value m) {
  if (a.is_intlike() && b.is_intlike() && m.is_intlike()) return IntPowMod(ts, a.as_int(), b.as_int(), m.as_int());
  IntRef x(a), e(b), mod(m);
  if (mod->is_zero()) return RaiseValueError(ts, "pow() 3rd argument cannot be 0");
  BigNum mabs = mod->Abs(), base = *x;
  if (e->negative()) {
    if (!ModInverse(*x, mabs, &base)) return RaiseValueError(ts, "base is not invertible for the given modulus");
  }
  BigNum r = PowMod(base, e->Abs(), mabs);
  // Python's result takes the sign of the modulus.
  if (mod->negative() && !r.is_zero()) r = Sub(r, mabs);
  return MakeInt(ts, std::move(r));
}

Value AnyIntNegate(ThreadState& ts, Value v) {
  if (v.is_intlike() && v.as_int() != std::numeric_limits<int64_t>::min()) return Value::Int(-v.as_int());
  return MakeInt(ts, IntRef(v)->Negated());
}

Value AnyIntAbs(ThreadState& ts, Value v) {
  if (v.is_intlike() && v.as_int() >= 0) return Value::Int(v.as_int());
  if (!IsBigInt(v) || IntRef(v)->negative()) return AnyIntNegate(ts, v);
  return v;
}

Value AnyIntInvert(ThreadState& ts, Value v) {
  if (v.is_intlike()) return Value::Int(~v.as_int());
  return MakeInt(ts, BitNot(*IntRef(v)));
}

int CompareAnyInt(Value a, Value b) {
  if (a.is_intlike() && b.is_intlike()) return a.as_int() < b.as_int() ? -1 : a.as_int() > b.as_int();
  return Compare(*IntRef(a), *IntRef(b));
}

int CompareAnyIntFloat(Value a, double d) {
  if (a.is_intlike()) return CompareIntFloat(a.as_int(), d);
  if (std::isnan(d)) return 2;
  return CompareWithDouble(*IntRef(a), d);
}

bool AnyIntToDouble(ThreadState& ts, Value v, double* out) {
  if (v.is_intlike()) return *out = static_cast<double>(v.as_int()), true;
  if (!ToDouble(*IntRef(v), out)) {
    RaiseOverflowError(ts, "int too large to convert to float");
    return false;
  }
  return true;
}

Value IntFromDouble(ThreadState& ts, double d) {
  if (std::isinf(d)) return RaiseOverflowError(ts, "cannot convert float infinity to integer");
  if (std::isnan(d)) return RaiseValueError(ts, "cannot convert float NaN to integer");
  return MakeInt(ts, FromDouble(d));
}

int64_t HashBigInt(const BigNum& n) {
  auto h = static_cast<int64_t>(ModMersenne61(n));
  if (n.negative()) h = -h;
  return h == -1 ? -2 : h;
}

bool AnyIntToDecimal(ThreadState& ts, Value v, std::string* out) {
  if (v.is_intlike()) return *out = IntToString(v.as_int()), true;
  const BigNum& n = *IntRef(v);
  int64_t limit = ts.interp.int_max_str_digits;
  // Too many bits for the limit: refuse before the (quadratic) conversion.
  bool too_long = limit > 0 && static_cast<double>(n.BitLength()) * 0.30102999566398120 > limit + 1;
  if (!too_long) {
    *out = ToString(n, 10);
    too_long = limit > 0 && static_cast<int64_t>(out->size() - (n.negative() ? 1 : 0)) > limit;
  }
  if (too_long) {
    RaiseValueError(ts, "Exceeds the limit (" + std::to_string(limit) +
                            " digits) for integer string conversion; use sys.set_int_max_str_digits() to increase "
                            "the limit");
    return false;
  }
  return true;
}

Value BigIntRepr(ThreadState& ts, Value v) {
  std::string s;
  if (!AnyIntToDecimal(ts, v, &s)) return Value::Null();
  return NewStrValue(ts, s);
}

std::string AnyIntToBase(Value v, int base) { return ToString(*IntRef(v), base); }

bool CheckStrToIntDigits(ThreadState& ts, size_t ndigits, int base) {
  int64_t limit = ts.interp.int_max_str_digits;
  if ((base & (base - 1)) == 0 || limit <= 0 || static_cast<int64_t>(ndigits) <= limit) return true;
  RaiseValueError(ts, "Exceeds the limit (" + std::to_string(limit) +
                          " digits) for integer string conversion: value has " + std::to_string(ndigits) +
                          " digits; use sys.set_int_max_str_digits() to increase the limit");
  return false;
}

bool BigIntToIndexError(ThreadState& ts, const char* msg) {
  RaiseOverflowError(ts, msg != nullptr ? msg : "cannot fit 'int' into an index-sized integer");
  return false;
}

}  // namespace gilvm::vm
