// The math module: CPython's functions on floats and ints of any size, with its error messages
// ("math domain error", "math range error").
#include <cerrno>
#include <cmath>
#include <numeric>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "stdlib/stdlib.h"
#include "vm/bigint.h"
#include "vm/dict.h"
#include "vm/errors.h"
#include "vm/instance.h"
#include "vm/int.h"
#include "vm/interpreter.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/protocol.h"
#include "vm/str.h"
#include "vm/tuple.h"

namespace gilvm::stdlib {

using namespace vm;  // NOLINT: a client of the native API

namespace {

// float(x) for a math argument: int, float, or __float__/__index__.
bool ToDouble(ThreadState& ts, Value v, double* out) {
  if (v.is_float()) return *out = v.as_float(), true;
  if (IsAnyInt(v)) return AnyIntToDouble(ts, v, out);
  bool found;
  Value r = CallSpecial(ts, v, ts.interp.names.__float__, nullptr, 0, &found);
  if (found) {
    if (r.is_null()) return false;
    if (r.is_float()) return *out = r.as_float(), true;
  }
  r = CallSpecial(ts, v, ts.interp.names.__index__, nullptr, 0, &found);
  if (found && IsAnyInt(r)) return AnyIntToDouble(ts, r, out);
  if (found && r.is_null()) return false;
  RaiseTypeError(ts, absl::StrCat("must be real number, not ", TypeName(ts, v)));
  return false;
}

Value DomainError(ThreadState& ts) { return RaiseValueError(ts, "math domain error"); }
Value RangeError(ThreadState& ts) { return RaiseOverflowError(ts, "math range error"); }

// Wraps a libm function as CPython's math_1 does: NaN out of non-NaN in is a domain error,
// an infinite result from a finite input is a range error (or domain error when can_overflow
// is false).
Value Math1(ThreadState& ts, const CallArgs& a, const char* name, double (*fn)(double), bool can_overflow) {
  if (!ArgCountBetween(ts, a, name, 1, 1)) return Value::Null();
  double x;
  if (!ToDouble(ts, a.argv[0], &x)) return Value::Null();
  double r = fn(x);
  if (std::isnan(r) && !std::isnan(x)) return DomainError(ts);
  if (std::isinf(r) && std::isfinite(x)) return can_overflow ? RangeError(ts) : DomainError(ts);
  return Value::Float(r);
}

#define GILVM_MATH1(NAME, FN, OVERFLOW) \
  Value Math_##NAME(ThreadState& ts, const CallArgs& a) { return Math1(ts, a, #NAME, FN, OVERFLOW); }
GILVM_MATH1(sin, ::sin, false)
GILVM_MATH1(cos, ::cos, false)
GILVM_MATH1(tan, ::tan, false)
GILVM_MATH1(asin, ::asin, false)
GILVM_MATH1(acos, ::acos, false)
GILVM_MATH1(atan, ::atan, false)
GILVM_MATH1(sinh, ::sinh, true)
GILVM_MATH1(cosh, ::cosh, true)
GILVM_MATH1(tanh, ::tanh, false)
GILVM_MATH1(exp, ::exp, true)
GILVM_MATH1(expm1, ::expm1, true)
GILVM_MATH1(fabs, ::fabs, false)
GILVM_MATH1(log1p, ::log1p, false)
#undef GILVM_MATH1

Value Sqrt(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "sqrt", 1, 1)) return Value::Null();
  double x;
  if (!ToDouble(ts, a.argv[0], &x)) return Value::Null();
  if (x < 0) return DomainError(ts);
  return Value::Float(std::sqrt(x));
}

// log of an int too large for a double: with n = m * 2**e (0.5 <= m < 1), fn(m) + fn(2) * e,
// as CPython does, so log2(2**5000) is exactly 5000.0.
bool BigLog(ThreadState& ts, Value v, double (*fn)(double), double* out) {
  IntRef n(v);
  if (n->sign() <= 0) return DomainError(ts), false;
  uint64_t bits = n->BitLength();
  double top;
  vm::ToDouble(vm::ShiftRight(*n, bits - 60), &top);
  *out = fn(std::ldexp(top, -60)) + fn(2.0) * static_cast<double>(bits);
  return true;
}

// log of a positive number.
bool LogOf(ThreadState& ts, Value v, double (*fn)(double), double* out) {
  if (IsBigInt(v)) {
    double x;
    if (vm::ToDouble(*IntRef(v), &x)) {
      if (x <= 0) return DomainError(ts), false;
      return *out = fn(x), true;
    }
    return BigLog(ts, v, fn, out);
  }
  double x;
  if (!ToDouble(ts, v, &x)) return false;
  if (x <= 0 || std::isnan(x)) {
    if (std::isnan(x)) return *out = x, true;
    DomainError(ts);
    return false;
  }
  *out = fn(x);
  return true;
}

Value Log(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "log", 1, 2)) return Value::Null();
  double num, den;
  if (!LogOf(ts, a.argv[0], ::log, &num)) return Value::Null();
  if (a.nargs == 1) return Value::Float(num);
  if (!LogOf(ts, a.argv[1], ::log, &den)) return Value::Null();
  if (den == 0) return RaiseZeroDivision(ts, "float division by zero");
  return Value::Float(num / den);
}

Value Log2(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "log2", 1, 1)) return Value::Null();
  double r;
  return LogOf(ts, a.argv[0], ::log2, &r) ? Value::Float(r) : Value::Null();
}

Value Log10(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "log10", 1, 1)) return Value::Null();
  double r;
  return LogOf(ts, a.argv[0], ::log10, &r) ? Value::Float(r) : Value::Null();
}

Value ToIntChecked(ThreadState& ts, double d) { return IntFromDouble(ts, d); }

Value Rounding(ThreadState& ts, const CallArgs& a, const char* name, const char* dunder, double (*fn)(double)) {
  if (!ArgCountBetween(ts, a, name, 1, 1)) return Value::Null();
  Value v = a.argv[0];
  if (v.is_intlike()) return Value::Int(v.as_int());
  if (IsBigInt(v)) return v;
  if (v.is_float()) return ToIntChecked(ts, fn(v.as_float()));
  bool found;
  Value r = CallSpecial(ts, v, Intern(ts.interp, dunder), nullptr, 0, &found);
  if (found) return r;
  double x;
  if (!ToDouble(ts, v, &x)) return Value::Null();
  return ToIntChecked(ts, fn(x));
}

Value Floor(ThreadState& ts, const CallArgs& a) { return Rounding(ts, a, "floor", "__floor__", ::floor); }
Value Ceil(ThreadState& ts, const CallArgs& a) { return Rounding(ts, a, "ceil", "__ceil__", ::ceil); }
Value Trunc(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "trunc", 1, 1)) return Value::Null();
  Value v = a.argv[0];
  if (v.is_intlike()) return Value::Int(v.as_int());
  if (IsBigInt(v)) return v;
  if (v.is_float()) return ToIntChecked(ts, std::trunc(v.as_float()));
  bool found;
  Value r = CallSpecial(ts, v, Intern(ts.interp, "__trunc__"), nullptr, 0, &found);
  if (found) return r;
  return RaiseTypeError(ts, absl::StrCat("type ", TypeName(ts, v), " doesn't define __trunc__ method"));
}

// Two float arguments.
bool Args2(ThreadState& ts, const CallArgs& a, const char* name, double* x, double* y) {
  if (!ArgCountBetween(ts, a, name, 2, 2)) return false;
  return ToDouble(ts, a.argv[0], x) && ToDouble(ts, a.argv[1], y);
}

Value PowFn(ThreadState& ts, const CallArgs& a) {
  double x, y;
  if (!Args2(ts, a, "pow", &x, &y)) return Value::Null();
  if (x == 0 && y < 0) return DomainError(ts);
  if (x < 0 && std::isfinite(x) && std::isfinite(y) && y != std::floor(y)) return DomainError(ts);
  double r = std::pow(x, y);
  if (std::isinf(r) && std::isfinite(x) && std::isfinite(y)) return RangeError(ts);
  return Value::Float(r);
}

Value Atan2(ThreadState& ts, const CallArgs& a) {
  double y, x;
  if (!Args2(ts, a, "atan2", &y, &x)) return Value::Null();
  return Value::Float(std::atan2(y, x));
}

Value CopySign(ThreadState& ts, const CallArgs& a) {
  double x, y;
  if (!Args2(ts, a, "copysign", &x, &y)) return Value::Null();
  return Value::Float(std::copysign(x, y));
}

Value Fmod(ThreadState& ts, const CallArgs& a) {
  double x, y;
  if (!Args2(ts, a, "fmod", &x, &y)) return Value::Null();
  if (std::isinf(y) && std::isfinite(x)) return Value::Float(x);
  if ((y == 0 || std::isinf(x)) && !std::isnan(x) && !std::isnan(y)) return DomainError(ts);
  return Value::Float(std::fmod(x, y));
}

Value Hypot(ThreadState& ts, const CallArgs& a) {
  if (!NoKeywords(ts, a, "hypot")) return Value::Null();
  double acc = 0;
  bool has_inf = false;
  std::vector<double> xs;
  for (size_t i = 0; i < a.nargs; ++i) {
    double x;
    if (!ToDouble(ts, a.argv[i], &x)) return Value::Null();
    if (std::isinf(x)) has_inf = true;
    xs.push_back(x);
  }
  if (has_inf) return Value::Float(INFINITY);
  if (xs.size() == 2) return Value::Float(std::hypot(xs[0], xs[1]));
  for (double x : xs) acc = std::hypot(acc, x);
  return Value::Float(acc);
}

Value Modf(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "modf", 1, 1)) return Value::Null();
  double x, ip;
  if (!ToDouble(ts, a.argv[0], &x)) return Value::Null();
  if (std::isinf(x)) return Value::Obj(NewTuple(ts, {Value::Float(std::copysign(0.0, x)), Value::Float(x)}));
  double fp = std::modf(x, &ip);
  return Value::Obj(NewTuple(ts, {Value::Float(fp), Value::Float(ip)}));
}

Value Degrees(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "degrees", 1, 1)) return Value::Null();
  double x;
  return ToDouble(ts, a.argv[0], &x) ? Value::Float(x * (180.0 / M_PI)) : Value::Null();
}

Value Radians(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "radians", 1, 1)) return Value::Null();
  double x;
  return ToDouble(ts, a.argv[0], &x) ? Value::Float(x * (M_PI / 180.0)) : Value::Null();
}

Value Predicate(ThreadState& ts, const CallArgs& a, const char* name, bool (*fn)(double)) {
  if (!ArgCountBetween(ts, a, name, 1, 1)) return Value::Null();
  double x;
  return ToDouble(ts, a.argv[0], &x) ? Value::Bool(fn(x)) : Value::Null();
}

Value IsInf(ThreadState& ts, const CallArgs& a) { return Predicate(ts, a, "isinf", [](double x) { return std::isinf(x); }); }
Value IsNan(ThreadState& ts, const CallArgs& a) { return Predicate(ts, a, "isnan", [](double x) { return std::isnan(x); }); }
Value IsFinite(ThreadState& ts, const CallArgs& a) {
  return Predicate(ts, a, "isfinite", [](double x) { return std::isfinite(x); });
}

Value IsClose(ThreadState& ts, const CallArgs& a) {
  Value v[4];
  if (!ParseArgs(ts, a, Params{"isclose", {"a", "b", "rel_tol", "abs_tol"}, 2, 2, 2}, v)) return Value::Null();
  double x, y, rel = 1e-9, abs_tol = 0.0;
  if (!ToDouble(ts, v[0], &x) || !ToDouble(ts, v[1], &y)) return Value::Null();
  if (!v[2].is_null() && !ToDouble(ts, v[2], &rel)) return Value::Null();
  if (!v[3].is_null() && !ToDouble(ts, v[3], &abs_tol)) return Value::Null();
  if (rel < 0.0 || abs_tol < 0.0) return RaiseValueError(ts, "tolerances must be non-negative");
  if (x == y) return Value::Bool(true);
  if (std::isinf(x) || std::isinf(y)) return Value::Bool(false);
  double diff = std::fabs(y - x);
  return Value::Bool(diff <= std::fabs(rel * y) || diff <= std::fabs(rel * x) || diff <= abs_tol);
}

// An int argument of any size (ints and __index__ only), as a Value kept alive by `keep`.
bool AnyIntArg(ThreadState& ts, Value v, Root* keep) {
  if (IsAnyInt(v)) return keep->set(v), true;
  if (v.is_float()) return RaiseTypeError(ts, "'float' object cannot be interpreted as an integer"), false;
  bool found = false;
  Value r = v.is_object() ? CallSpecial(ts, v, ts.interp.names.__index__, nullptr, 0, &found) : Value::Null();
  if (!found)
    return RaiseTypeError(ts, absl::StrCat("'", TypeName(ts, v), "' object cannot be interpreted as an integer")), false;
  if (r.is_null()) return false;
  if (!IsAnyInt(r)) return RaiseTypeError(ts, absl::StrCat("__index__ returned non-int (type ", TypeName(ts, r), ")")), false;
  return keep->set(r), true;
}

Value Gcd(ThreadState& ts, const CallArgs& a) {
  if (!NoKeywords(ts, a, "gcd")) return Value::Null();
  BigNum g;
  Root arg(ts);
  for (size_t i = 0; i < a.nargs; ++i) {
    if (!AnyIntArg(ts, a.argv[i], &arg)) return Value::Null();
    g = vm::Gcd(g, *IntRef(arg.get()));
  }
  return MakeInt(ts, std::move(g));
}

// lo * (lo+1) * ... * hi by binary splitting, so the big multiplications are balanced.
BigNum RangeProduct(uint64_t lo, uint64_t hi) {
  if (lo > hi) return BigNum(1);
  if (hi - lo < 16) {
    BigNum r(1);
    uint64_t acc = 1;
    for (uint64_t i = lo; i <= hi; ++i) {
      uint64_t next;
      if (__builtin_mul_overflow(acc, i, &next)) {
        r = Mul(r, BigNum::FromU64(acc));
        next = i;
      }
      acc = next;
    }
    return Mul(r, BigNum::FromU64(acc));
  }
  uint64_t mid = lo + (hi - lo) / 2;
  return Mul(RangeProduct(lo, mid), RangeProduct(mid + 1, hi));
}

Value Factorial(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "factorial", 1, 1)) return Value::Null();
  Root arg(ts);
  if (!AnyIntArg(ts, a.argv[0], &arg)) return Value::Null();
  if (IntRef(arg.get())->negative()) return RaiseValueError(ts, "factorial() not defined for negative values");
  int64_t n;
  if (!IntRef(arg.get())->ToInt64(&n))
    return RaiseOverflowError(ts, "factorial() argument should not exceed 9223372036854775807");
  // n! has about n*log2(n) bits: refuse what could never fit in memory.
  if (n > (int64_t{1} << 31)) return RaiseMemoryError(ts);
  return MakeInt(ts, RangeProduct(2, static_cast<uint64_t>(n)));
}

// perm(n, k) = n! / (n-k)!, comb(n, k) = perm(n, k) / k!, for n of any size.
Value CombPerm(ThreadState& ts, const CallArgs& a, const char* name, bool comb) {
  if (!ArgCountBetween(ts, a, name, comb ? 2 : 1, 2)) return Value::Null();
  Root nv(ts), kv(ts);
  if (!AnyIntArg(ts, a.argv[0], &nv)) return Value::Null();
  if (a.nargs == 1) kv.set(nv.get());
  else if (!AnyIntArg(ts, a.argv[1], &kv)) return Value::Null();
  IntRef n(nv.get()), kr(kv.get());
  if (n->negative()) return RaiseValueError(ts, "n must be a non-negative integer");
  if (kr->negative()) return RaiseValueError(ts, "k must be a non-negative integer");
  if (Compare(*kr, *n) > 0) return Value::Int(0);
  BigNum k = *kr;
  if (comb && Compare(Sub(*n, k), k) < 0) k = Sub(*n, k);
  int64_t kk;
  if (!k.ToInt64(&kk))
    return RaiseOverflowError(ts, comb ? "min(n - k, k) must not exceed 9223372036854775807"
                                       : "k must not exceed 9223372036854775807");
  if (kk > (int64_t{1} << 31)) return RaiseMemoryError(ts);
  // The falling product n * (n-1) * ... * (n-k+1).
  BigNum r(1);
  int64_t small_n;
  if (n->ToInt64(&small_n)) {
    r = RangeProduct(static_cast<uint64_t>(small_n - kk + 1), static_cast<uint64_t>(small_n));
  } else {
    for (int64_t i = 0; i < kk; ++i) r = Mul(r, Sub(*n, BigNum(i)));
  }
  if (comb) vm::DivMod(r, RangeProduct(2, static_cast<uint64_t>(kk)), &r, nullptr);
  return MakeInt(ts, std::move(r));
}

Value Comb(ThreadState& ts, const CallArgs& a) { return CombPerm(ts, a, "comb", true); }
Value Perm(ThreadState& ts, const CallArgs& a) { return CombPerm(ts, a, "perm", false); }

Value Prod(ThreadState& ts, const CallArgs& a) {
  Value v[2];
  if (!ParseArgs(ts, a, Params{"prod", {"iterable", "start"}, 1, 1, 1}, v)) return Value::Null();
  Root acc(ts, v[1].is_null() ? Value::Int(1) : v[1]);
  Root it(ts, GetIter(ts, v[0]));
  if (it.get().is_null()) return Value::Null();
  Root item(ts);
  for (;;) {
    Value x;
    int r = IterNext(ts, it.get(), &x);
    if (r < 0) return Value::Null();
    if (r == 0) return acc.get();
    item.set(x);
    acc.set(BinaryOp(ts, acc.get(), x, static_cast<uint32_t>(BinOp::kMul)));
    if (acc.get().is_null()) return Value::Null();
  }
}

// Shewchuk's exact summation, as CPython's fsum.
Value Fsum(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "fsum", 1, 1)) return Value::Null();
  Root it(ts, GetIter(ts, a.argv[0]));
  if (it.get().is_null()) return Value::Null();
  std::vector<double> partials;
  double special = 0.0;
  bool has_special = false;
  for (;;) {
    Value v;
    int r = IterNext(ts, it.get(), &v);
    if (r < 0) return Value::Null();
    if (r == 0) break;
    double x;
    if (!ToDouble(ts, v, &x)) return Value::Null();
    if (!std::isfinite(x)) {
      special = has_special ? special + x : x;
      has_special = true;
      continue;
    }
    size_t i = 0;
    for (double y : partials) {
      if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
      double hi = x + y;
      double lo = y - (hi - x);
      if (lo != 0.0) partials[i++] = lo;
      x = hi;
    }
    partials.resize(i);
    partials.push_back(x);
  }
  if (has_special) {
    if (std::isnan(special)) return RaiseValueError(ts, "-inf + inf in fsum");
    return Value::Float(special);
  }
  double hi = 0.0;
  if (!partials.empty()) {
    size_t n = partials.size();
    hi = partials[--n];
    double lo = 0;
    while (n > 0) {
      double x = hi, y = partials[--n];
      hi = x + y;
      double yr = hi - x;
      lo = y - yr;
      if (lo != 0.0) break;
    }
    if (n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0))) {
      double y = lo * 2.0, x = hi + y, yr = x - hi;
      if (y == yr) hi = x;
    }
  }
  return Value::Float(hi);
}


// Functions added for CPython 3.11 completeness: the ones on floats follow math_1's rules
// (Math1); the integer ones work on int64 and raise OverflowError naming the missing big ints.
#define GILVM_MATH1(NAME, FN, OVERFLOW) \
  Value Math_##NAME(ThreadState& ts, const CallArgs& a) { return Math1(ts, a, #NAME, FN, OVERFLOW); }
GILVM_MATH1(asinh, ::asinh, false)
GILVM_MATH1(acosh, ::acosh, false)
GILVM_MATH1(atanh, ::atanh, false)
GILVM_MATH1(erf, ::erf, false)
GILVM_MATH1(erfc, ::erfc, false)
GILVM_MATH1(cbrt, ::cbrt, false)
GILVM_MATH1(exp2, ::exp2, true)
#undef GILVM_MATH1

// gamma and lgamma: poles (0 and negative integers) are domain errors, as in CPython.
Value GammaLike(ThreadState& ts, const CallArgs& a, const char* name, bool log) {
  if (!ArgCountBetween(ts, a, name, 1, 1)) return Value::Null();
  double x;
  if (!ToDouble(ts, a.argv[0], &x)) return Value::Null();
  if (std::isnan(x)) return Value::Float(x);
  if (std::isinf(x)) {
    if (x > 0) return Value::Float(x);
    if (log) return Value::Float(-x);
    return DomainError(ts);
  }
  if (x == std::floor(x) && x <= 0) return DomainError(ts);
  double r = log ? std::lgamma(x) : std::tgamma(x);
  if (std::isinf(r)) return RangeError(ts);
  return Value::Float(r);
}
Value Gamma(ThreadState& ts, const CallArgs& a) { return GammaLike(ts, a, "gamma", false); }
Value LGamma(ThreadState& ts, const CallArgs& a) { return GammaLike(ts, a, "lgamma", true); }

Value Isqrt(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "isqrt", 1, 1)) return Value::Null();
  Root arg(ts);
  if (!AnyIntArg(ts, a.argv[0], &arg)) return Value::Null();
  IntRef n(arg.get());
  if (n->negative()) return RaiseValueError(ts, "isqrt() argument must be nonnegative");
  return MakeInt(ts, vm::Isqrt(*n));
}

Value Lcm(ThreadState& ts, const CallArgs& a) {
  if (!NoKeywords(ts, a, "lcm")) return Value::Null();
  BigNum l(1);
  Root arg(ts);
  for (size_t i = 0; i < a.nargs; ++i) {
    if (!AnyIntArg(ts, a.argv[i], &arg)) return Value::Null();
    BigNum x = IntRef(arg.get())->Abs();
    if (x.is_zero() || l.is_zero()) {
      l = BigNum();
      continue;
    }
    BigNum q;
    vm::DivMod(l, vm::Gcd(l, x), &q, nullptr);
    l = Mul(q, x);
  }
  return MakeInt(ts, std::move(l));
}

Value Frexp(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "frexp", 1, 1)) return Value::Null();
  double x;
  if (!ToDouble(ts, a.argv[0], &x)) return Value::Null();
  int e = 0;
  double m = (std::isnan(x) || std::isinf(x) || x == 0) ? x : std::frexp(x, &e);
  return Value::Obj(NewTuple(ts, {Value::Float(m), Value::Int(e)}));
}

Value Ldexp(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "ldexp", 2, 2)) return Value::Null();
  double x;
  if (!ToDouble(ts, a.argv[0], &x)) return Value::Null();
  if (!IsAnyInt(a.argv[1])) return RaiseTypeError(ts, "Expected an int as second argument to ldexp.");
  // A huge exponent acts as one just past the double range (its sign is what matters).
  int64_t e = a.argv[1].is_intlike() ? a.argv[1].as_int() : IntRef(a.argv[1])->negative() ? -200000 : 200000;
  if (x == 0 || !std::isfinite(x)) return Value::Float(x);
  if (e > 100000) return RangeError(ts);
  if (e < -100000) return Value::Float(std::copysign(0.0, x));
  double r = std::ldexp(x, static_cast<int>(e));
  if (std::isinf(r)) return RangeError(ts);
  return Value::Float(r);
}

Value Remainder(ThreadState& ts, const CallArgs& a) {
  double x, y;
  if (!Args2(ts, a, "remainder", &x, &y)) return Value::Null();
  if (std::isnan(x) || std::isnan(y)) return Value::Float(NAN);
  if (std::isinf(x) || y == 0) return DomainError(ts);
  if (std::isinf(y)) return Value::Float(x);
  return Value::Float(std::remainder(x, y));
}

Value NextAfter(ThreadState& ts, const CallArgs& a) {
  double x, y;
  if (!Args2(ts, a, "nextafter", &x, &y)) return Value::Null();
  return Value::Float(std::nextafter(x, y));
}

Value Ulp(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "ulp", 1, 1)) return Value::Null();
  double x;
  if (!ToDouble(ts, a.argv[0], &x)) return Value::Null();
  if (std::isnan(x)) return Value::Float(x);
  x = std::fabs(x);
  if (std::isinf(x)) return Value::Float(x);
  double up = std::nextafter(x, INFINITY);
  if (std::isinf(up)) return Value::Float(x - std::nextafter(x, -INFINITY));
  return Value::Float(up - x);
}

// Reads a sequence of floats (a list or tuple, or any iterable) into *out.
bool FloatSeq(ThreadState& ts, Value seq, std::vector<double>* out) {
  Root it(ts, GetIter(ts, seq));
  if (it.get().is_null()) return false;
  for (;;) {
    Value v;
    int r = IterNext(ts, it.get(), &v);
    if (r < 0) return false;
    if (r == 0) return true;
    double x;
    if (!ToDouble(ts, v, &x)) return false;
    out->push_back(x);
  }
}

Value Dist(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "dist", 2, 2)) return Value::Null();
  std::vector<double> p, q;
  if (!FloatSeq(ts, a.argv[0], &p) || !FloatSeq(ts, a.argv[1], &q)) return Value::Null();
  if (p.size() != q.size()) return RaiseValueError(ts, "both points must have the same number of dimensions");
  bool has_inf = false;
  double acc = 0;
  for (size_t i = 0; i < p.size(); ++i) {
    double d = std::fabs(p[i] - q[i]);
    if (std::isinf(d)) has_inf = true;
    acc = std::hypot(acc, d);
  }
  return Value::Float(has_inf ? INFINITY : acc);
}

}  // namespace

ModuleObject* MakeMathModule(ThreadState& ts) {
  Interpreter& in = ts.interp;
  RootedPtr<ModuleObject> m(ts, NewNativeModule(ts, "math"));
  DictObject* d = m->dict;
  AddFunctions(in, d, {
      {"sqrt", Sqrt},       {"floor", Floor},       {"ceil", Ceil},         {"trunc", Trunc},
      {"fabs", Math_fabs},  {"pow", PowFn},         {"exp", Math_exp},      {"expm1", Math_expm1},
      {"log", Log},         {"log2", Log2},         {"log10", Log10},       {"log1p", Math_log1p},
      {"sin", Math_sin},    {"cos", Math_cos},      {"tan", Math_tan},      {"asin", Math_asin},
      {"acos", Math_acos},  {"atan", Math_atan},    {"atan2", Atan2},       {"sinh", Math_sinh},
      {"cosh", Math_cosh},  {"tanh", Math_tanh},    {"hypot", Hypot},       {"gcd", Gcd},
      {"factorial", Factorial}, {"isclose", IsClose}, {"isinf", IsInf},     {"isnan", IsNan},
      {"isfinite", IsFinite}, {"copysign", CopySign}, {"fmod", Fmod},       {"modf", Modf},
      {"degrees", Degrees}, {"radians", Radians},   {"comb", Comb},         {"perm", Perm},
      {"prod", Prod},       {"fsum", Fsum},
      {"asinh", Math_asinh}, {"acosh", Math_acosh}, {"atanh", Math_atanh}, {"erf", Math_erf},
      {"erfc", Math_erfc},  {"cbrt", Math_cbrt},    {"exp2", Math_exp2},    {"gamma", Gamma},
      {"lgamma", LGamma},   {"isqrt", Isqrt},       {"lcm", Lcm},           {"frexp", Frexp},
      {"ldexp", Ldexp},     {"remainder", Remainder}, {"nextafter", NextAfter}, {"ulp", Ulp},
      {"dist", Dist},
  });
  DictSetStr(d, Intern(in, "pi"), Value::Float(M_PI));
  DictSetStr(d, Intern(in, "e"), Value::Float(M_E));
  DictSetStr(d, Intern(in, "tau"), Value::Float(2 * M_PI));
  DictSetStr(d, Intern(in, "inf"), Value::Float(INFINITY));
  DictSetStr(d, Intern(in, "nan"), Value::Float(NAN));
  return m.get();
}

}  // namespace gilvm::stdlib
