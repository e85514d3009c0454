// BigNum: arbitrary-precision signed integer arithmetic, as a plain C++ value type.
//
// This is the arithmetic behind Python's big ints (vm/bigint.h wraps it in a heap object); it
// knows nothing of the interpreter, allocates only std::vector storage, and so can be unit
// tested on its own and used in the middle of an operation without any GC rooting.
//
// Invariants:
//  - A number is sign + magnitude. The magnitude is little-endian 32-bit limbs with no zero
//    top limb; zero is the empty magnitude and is never negative.
//  - Every function returns a normalized number; callers never see a zero top limb.
//  - Division and modulo round toward negative infinity (Python's rules); bitwise operations
//    act on the infinite two's-complement representation, as Python's do.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gilvm::vm {

class BigNum {
 public:
  using Limb = uint32_t;
  static constexpr int kLimbBits = 32;

  BigNum() = default;
  explicit BigNum(int64_t v);
  static BigNum FromU64(uint64_t v);
  // Takes a magnitude with possibly zero top limbs; normalizes.
  static BigNum FromMagnitude(std::vector<Limb> mag, bool negative);

  bool is_zero() const { return mag_.empty(); }
  bool negative() const { return neg_; }
  int sign() const { return neg_ ? -1 : mag_.empty() ? 0 : 1; }
  bool is_odd() const { return !mag_.empty() && (mag_[0] & 1); }
  const std::vector<Limb>& mag() const { return mag_; }

  // The value as int64 if it fits.
  bool ToInt64(int64_t* out) const;
  // Bits of the magnitude (0 for zero).
  uint64_t BitLength() const;
  uint64_t PopCount() const;
  // The low 64 bits of the magnitude.
  uint64_t LowBits() const;

  BigNum Negated() const;
  BigNum Abs() const;

 private:
  void Normalize();
  bool neg_ = false;
  std::vector<Limb> mag_;
};

int Compare(const BigNum& a, const BigNum& b);
// Compares magnitudes only.
int CompareMagnitude(const BigNum& a, const BigNum& b);

BigNum Add(const BigNum& a, const BigNum& b);
BigNum Sub(const BigNum& a, const BigNum& b);
BigNum Mul(const BigNum& a, const BigNum& b);
// Floor division; b must not be zero. Either output may be null.
void DivMod(const BigNum& a, const BigNum& b, BigNum* q, BigNum* r);
// a ** e.
BigNum Pow(const BigNum& a, uint64_t e);
// (a ** e) % m with e >= 0 and m > 0; the result is in [0, m).
BigNum PowMod(const BigNum& a, const BigNum& e, const BigNum& m);
// The inverse of a modulo m (m > 0) in [0, m); false when gcd(a, m) != 1.
bool ModInverse(const BigNum& a, const BigNum& m, BigNum* out);
BigNum ShiftLeft(const BigNum& a, uint64_t n);
// Floor of a / 2**n.
BigNum ShiftRight(const BigNum& a, uint64_t n);
BigNum BitAnd(const BigNum& a, const BigNum& b);
BigNum BitOr(const BigNum& a, const BigNum& b);
BigNum BitXor(const BigNum& a, const BigNum& b);
BigNum BitNot(const BigNum& a);  // -a - 1
BigNum Gcd(const BigNum& a, const BigNum& b);  // non-negative
BigNum Isqrt(const BigNum& a);                  // a >= 0

// Correctly rounded (half to even) conversion; false when the result would be infinite.
bool ToDouble(const BigNum& a, double* out);
// a / b correctly rounded; b != 0. False when the quotient is too large for a double.
bool TrueDivide(const BigNum& a, const BigNum& b, double* out);
// The integer part of a finite double.
BigNum FromDouble(double d);
// -1, 0, 1: a compared with the finite or infinite double d (not NaN), exactly.
int CompareWithDouble(const BigNum& a, double d);
// log(a) for a > 0, accurate even when a is far beyond a double's range.
double NaturalLog(const BigNum& a);

// The magnitude's digits in base 2..36 (lowercase), with a '-' for negatives; no prefix.
std::string ToString(const BigNum& a, int base);
// Digits only (no sign, prefix or underscores), each valid in `base`.
BigNum FromDigits(std::string_view digits, int base);
// |a| mod (2**61 - 1), the core of Python's int hash.
uint64_t ModMersenne61(const BigNum& a);

}  // namespace gilvm::vm
