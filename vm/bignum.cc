// BigNum arithmetic: schoolbook and Karatsuba multiplication, Knuth's algorithm D for division,
// two's-complement bitwise operations, and correctly rounded conversions to double.
//
// Magnitude helpers work on raw limb vectors (Mag); the signed functions at the bottom combine
// them with Python's sign rules. See vm/bignum.h for the representation's invariants.
#include "vm/bignum.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace gilvm::vm {

namespace {

using Limb = BigNum::Limb;
using Mag = std::vector<Limb>;
constexpr uint64_t kBase = uint64_t{1} << 32;
// Below this many limbs (of the shorter operand) schoolbook multiplication beats Karatsuba.
constexpr size_t kKaratsubaCutoff = 40;

void Trim(Mag& m) {
  while (!m.empty() && m.back() == 0) m.pop_back();
}

int CmpMag(const Limb* a, size_t na, const Limb* b, size_t nb) {
  if (na != nb) return na < nb ? -1 : 1;
  for (size_t i = na; i-- > 0;)
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}
int CmpMag(const Mag& a, const Mag& b) { return CmpMag(a.data(), a.size(), b.data(), b.size()); }

Mag AddMag(const Limb* a, size_t na, const Limb* b, size_t nb) {
  if (na < nb) std::swap(a, b), std::swap(na, nb);
  Mag out(na + 1);
  uint64_t carry = 0;
  for (size_t i = 0; i < na; ++i) {
    uint64_t t = uint64_t{a[i]} + (i < nb ? b[i] : 0) + carry;
    out[i] = static_cast<Limb>(t);
    carry = t >> 32;
  }
  out[na] = static_cast<Limb>(carry);
  Trim(out);
  return out;
}
Mag AddMag(const Mag& a, const Mag& b) { return AddMag(a.data(), a.size(), b.data(), b.size()); }

// a - b for |a| >= |b|.
Mag SubMag(const Limb* a, size_t na, const Limb* b, size_t nb) {
  Mag out(na);
  int64_t borrow = 0;
  for (size_t i = 0; i < na; ++i) {
    int64_t t = int64_t{a[i]} - (i < nb ? b[i] : 0) - borrow;
    borrow = t < 0;
    out[i] = static_cast<Limb>(t + (borrow ? static_cast<int64_t>(kBase) : 0));
  }
  Trim(out);
  return out;
}
Mag SubMag(const Mag& a, const Mag& b) { return SubMag(a.data(), a.size(), b.data(), b.size()); }

// out[offset...] += x; out must be long enough to absorb the carry.
void AddInto(Mag& out, const Mag& x, size_t offset) {
  uint64_t carry = 0;
  size_t i = 0;
  for (; i < x.size(); ++i) {
    uint64_t t = uint64_t{out[offset + i]} + x[i] + carry;
    out[offset + i] = static_cast<Limb>(t);
    carry = t >> 32;
  }
  for (size_t k = offset + i; carry != 0 && k < out.size(); ++k) {
    uint64_t t = uint64_t{out[k]} + carry;
    out[k] = static_cast<Limb>(t);
    carry = t >> 32;
  }
}

Mag MulSchool(const Limb* a, size_t na, const Limb* b, size_t nb) {
  Mag out(na + nb, 0);
  for (size_t i = 0; i < na; ++i) {
    uint64_t ai = a[i], carry = 0;
    if (ai == 0) continue;
    for (size_t j = 0; j < nb; ++j) {
      uint64_t t = ai * b[j] + out[i + j] + carry;
      out[i + j] = static_cast<Limb>(t);
      carry = t >> 32;
    }
    out[i + nb] = static_cast<Limb>(carry);
  }
  return out;
}

Mag MulRec(const Limb* a, size_t na, const Limb* b, size_t nb);

// A long operand times a short one: the long one in pieces the short one's size, so each
// piece is a balanced (Karatsuba-friendly) product.
Mag MulUnbalanced(const Limb* a, size_t na, const Limb* b, size_t nb) {
  Mag out(na + nb, 0);
  for (size_t off = 0; off < na; off += nb) {
    size_t len = std::min(nb, na - off);
    Mag part = MulRec(a + off, len, b, nb);
    Trim(part);
    AddInto(out, part, off);
  }
  return out;
}

Mag Karatsuba(const Limb* a, size_t na, const Limb* b, size_t nb) {
  size_t m = std::max(na, nb) / 2;
  size_t a0n = std::min(m, na), b0n = std::min(m, nb);
  Mag a0(a, a + a0n), a1(a + a0n, a + na), b0(b, b + b0n), b1(b + b0n, b + nb);
  Trim(a0), Trim(b0);
  Mag z0 = MulRec(a0.data(), a0.size(), b0.data(), b0.size());
  Mag z2 = MulRec(a1.data(), a1.size(), b1.data(), b1.size());
  Mag sa = AddMag(a0, a1), sb = AddMag(b0, b1);
  Mag z1 = MulRec(sa.data(), sa.size(), sb.data(), sb.size());
  Trim(z0), Trim(z1), Trim(z2);
  z1 = SubMag(z1, z0);
  z1 = SubMag(z1, z2);
  Mag out(na + nb + 1, 0);
  AddInto(out, z0, 0);
  AddInto(out, z1, m);
  AddInto(out, z2, 2 * m);
  out.resize(na + nb);
  return out;
}

// The product, na + nb limbs long (maybe with zero top limbs).
Mag MulRec(const Limb* a, size_t na, const Limb* b, size_t nb) {
  if (na == 0 || nb == 0) return Mag(na + nb, 0);
  if (na < nb) std::swap(a, b), std::swap(na, nb);
  if (nb < kKaratsubaCutoff) return MulSchool(a, na, b, nb);
  if (na >= 2 * nb) return MulUnbalanced(a, na, b, nb);
  return Karatsuba(a, na, b, nb);
}

Mag MulMag(const Mag& a, const Mag& b) {
  Mag out = MulRec(a.data(), a.size(), b.data(), b.size());
  Trim(out);
  return out;
}

// Divides u by a one-limb d in place; returns the remainder.
Limb DivSmall(Mag& u, Limb d) {
  uint64_t rem = 0;
  for (size_t i = u.size(); i-- > 0;) {
    uint64_t cur = (rem << 32) | u[i];
    u[i] = static_cast<Limb>(cur / d);
    rem = cur % d;
  }
  Trim(u);
  return static_cast<Limb>(rem);
}

// DivSmall by a compile-time divisor, which the compiler turns into multiplications: decimal
// conversion divides by 10**9 once per nine digits, so this is its inner loop.
template <Limb d>
Limb DivSmallConst(Mag& u) {
  uint64_t rem = 0;
  for (size_t i = u.size(); i-- > 0;) {
    uint64_t cur = (rem << 32) | u[i];
    u[i] = static_cast<Limb>(cur / d);
    rem = cur % d;
  }
  Trim(u);
  return static_cast<Limb>(rem);
}

// u * m + add, in place.
void MulAddSmall(Mag& u, Limb m, Limb add) {
  uint64_t carry = add;
  for (Limb& x : u) {
    uint64_t t = uint64_t{x} * m + carry;
    x = static_cast<Limb>(t);
    carry = t >> 32;
  }
  if (carry != 0) u.push_back(static_cast<Limb>(carry));
}

// Knuth's algorithm D (TAOCP 4.3.1): q = u / v, r = u % v for magnitudes, v.size() >= 2.
void DivKnuth(const Mag& u, const Mag& v, Mag* q, Mag* r) {
  size_t n = v.size(), m = u.size() - n;
  int s = __builtin_clz(v.back());  // normalize so the divisor's top bit is set
  Mag vn(n), un(u.size() + 1);
  for (size_t i = n; i-- > 0;)
    vn[i] = (v[i] << s) | (s != 0 && i > 0 ? static_cast<Limb>(uint64_t{v[i - 1]} >> (32 - s)) : 0);
  un[u.size()] = s != 0 ? static_cast<Limb>(uint64_t{u.back()} >> (32 - s)) : 0;
  for (size_t i = u.size(); i-- > 0;)
    un[i] = (u[i] << s) | (s != 0 && i > 0 ? static_cast<Limb>(uint64_t{u[i - 1]} >> (32 - s)) : 0);
  Mag qq(m + 1);
  for (size_t j = m + 1; j-- > 0;) {
    uint64_t num = (uint64_t{un[j + n]} << 32) | un[j + n - 1];
    uint64_t qhat = num / vn[n - 1], rhat = num % vn[n - 1];
    while (qhat >= kBase || qhat * vn[n - 2] > ((rhat << 32) | un[j + n - 2])) {
      --qhat;
      rhat += vn[n - 1];
      if (rhat >= kBase) break;
    }
    // un[j..j+n] -= qhat * vn.
    int64_t borrow = 0;
    uint64_t carry = 0;
    for (size_t i = 0; i < n; ++i) {
      uint64_t p = qhat * vn[i] + carry;
      carry = p >> 32;
      int64_t t = int64_t{un[i + j]} - static_cast<int64_t>(p & 0xFFFFFFFF) - borrow;
      borrow = t < 0;
      un[i + j] = static_cast<Limb>(t);
    }
    int64_t t = int64_t{un[j + n]} - static_cast<int64_t>(carry) - borrow;
    un[j + n] = static_cast<Limb>(t);
    if (t < 0) {
      // qhat was one too large (rare): add the divisor back.
      --qhat;
      uint64_t c = 0;
      for (size_t i = 0; i < n; ++i) {
        uint64_t s2 = uint64_t{un[i + j]} + vn[i] + c;
        un[i + j] = static_cast<Limb>(s2);
        c = s2 >> 32;
      }
      un[j + n] = static_cast<Limb>(un[j + n] + c);
    }
    qq[j] = static_cast<Limb>(qhat);
  }
  Trim(qq);
  if (q) *q = std::move(qq);
  if (r) {
    Mag rr(n);
    for (size_t i = 0; i < n; ++i)
      rr[i] = (un[i] >> s) | (s != 0 ? static_cast<Limb>(uint64_t{un[i + 1]} << (32 - s)) : 0);
    Trim(rr);
    *r = std::move(rr);
  }
}

void DivModMag(const Mag& u, const Mag& v, Mag* q, Mag* r) {
  if (CmpMag(u, v) < 0) {
    if (q) q->clear();
    if (r) *r = u;
    return;
  }
  if (v.size() == 1) {
    Mag qq = u;
    Limb rem = DivSmall(qq, v[0]);
    if (q) *q = std::move(qq);
    if (r) *r = rem ? Mag{rem} : Mag{};
    return;
  }
  DivKnuth(u, v, q, r);
}

// The n-limb two's-complement form of a (n large enough to hold a sign bit).
Mag ToTwos(const BigNum& a, size_t n) {
  Mag t(a.mag());
  t.resize(n, 0);
  if (!a.negative()) return t;
  uint64_t carry = 1;
  for (Limb& x : t) {
    uint64_t s = uint64_t{static_cast<Limb>(~x)} + carry;
    x = static_cast<Limb>(s);
    carry = s >> 32;
  }
  return t;
}

BigNum FromTwos(Mag t) {
  bool neg = !t.empty() && (t.back() >> 31);
  if (neg) {
    uint64_t carry = 1;
    for (Limb& x : t) {
      uint64_t s = uint64_t{static_cast<Limb>(~x)} + carry;
      x = static_cast<Limb>(s);
      carry = s >> 32;
    }
  }
  return BigNum::FromMagnitude(std::move(t), neg);
}

template <typename Op>
BigNum Bitwise(const BigNum& a, const BigNum& b, Op op) {
  size_t n = std::max(a.mag().size(), b.mag().size()) + 1;
  Mag x = ToTwos(a, n), y = ToTwos(b, n);
  for (size_t i = 0; i < n; ++i) x[i] = op(x[i], y[i]);
  return FromTwos(std::move(x));
}

// q * 2**s rounded half-to-even to a double; q carries a sticky bit in bit 0 whenever it is
// inexact. False on overflow.
bool RoundScaled(uint64_t q, int64_t s, double* out) {
  if (q == 0) return *out = 0.0, true;
  int bl = 64 - __builtin_clzll(q);
  int64_t e = bl - 1 + s;  // the leading bit's exponent
  if (e > 1023) return false;
  int64_t keep = e >= -1022 ? 53 : 53 - (-1022 - e);  // subnormals keep fewer bits
  if (keep < 0) return *out = 0.0, true;
  int64_t drop = bl - keep;
  if (drop > 0) {
    unsigned __int128 qq = q, half = static_cast<unsigned __int128>(1) << (drop - 1);
    unsigned __int128 rem = qq & ((half << 1) - 1);
    qq >>= drop;
    if (rem > half || (rem == half && (qq & 1))) ++qq;
    q = static_cast<uint64_t>(qq);
    s += drop;
  }
  *out = std::ldexp(static_cast<double>(q), static_cast<int>(std::max<int64_t>(s, -2000)));
  return !std::isinf(*out);
}

// The top 64 bits of a magnitude of `bits` bits (> 64), with a sticky bit for the rest.
uint64_t TopBitsSticky(const Mag& m, uint64_t bits) {
  uint64_t shift = bits - 64;
  size_t limb = shift / 32;
  int off = shift % 32;
  unsigned __int128 acc = 0;
  for (size_t i = std::min(m.size(), limb + 3); i-- > limb;) acc = (acc << 32) | m[i];
  uint64_t top = static_cast<uint64_t>(acc >> off);
  bool sticky = (acc & ((static_cast<unsigned __int128>(1) << off) - 1)) != 0;
  for (size_t i = 0; i < limb && !sticky; ++i) sticky = m[i] != 0;
  return top | (sticky ? 1 : 0);
}

// Digits of base**k that fit in one limb: the chunk size for base conversions.
void ChunkFor(int base, int* digits, Limb* power) {
  uint64_t p = base;
  int k = 1;
  while (p * base < kBase) p *= base, ++k;
  *digits = k;
  *power = static_cast<Limb>(p);
}

int Log2Exact(int base) { return (base & (base - 1)) == 0 ? __builtin_ctz(base) : 0; }

std::string ToStringPow2(const Mag& m, int bits_per_digit) {
  static constexpr char kDigits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
  uint64_t total = 0;
  if (!m.empty()) total = (m.size() - 1) * 32 + (32 - __builtin_clz(m.back()));
  std::string out;
  for (uint64_t bit = 0; bit < total; bit += bits_per_digit) {
    unsigned d = 0;
    for (int k = 0; k < bits_per_digit; ++k) {
      uint64_t b = bit + k;
      if (b / 32 < m.size() && (m[b / 32] >> (b % 32)) & 1) d |= 1u << k;
    }
    out.push_back(kDigits[d]);
  }
  std::reverse(out.begin(), out.end());
  return out;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// BigNum

BigNum::BigNum(int64_t v) {
  uint64_t m = v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
  *this = FromU64(m);
  neg_ = v < 0;
}

BigNum BigNum::FromU64(uint64_t v) {
  BigNum r;
  if (v != 0) r.mag_.push_back(static_cast<Limb>(v));
  if (v >> 32) r.mag_.push_back(static_cast<Limb>(v >> 32));
  return r;
}

BigNum BigNum::FromMagnitude(std::vector<Limb> mag, bool negative) {
  BigNum r;
  r.mag_ = std::move(mag);
  r.neg_ = negative;
  r.Normalize();
  return r;
}

void BigNum::Normalize() {
  Trim(mag_);
  if (mag_.empty()) neg_ = false;
}

bool BigNum::ToInt64(int64_t* out) const {
  if (mag_.size() > 2) return false;
  uint64_t m = LowBits();
  if (neg_) {
    if (m > (uint64_t{1} << 63)) return false;
    *out = static_cast<int64_t>(0 - m);
  } else {
    if (m > (uint64_t{1} << 63) - 1) return false;
    *out = static_cast<int64_t>(m);
  }
  return true;
}

uint64_t BigNum::BitLength() const {
  if (mag_.empty()) return 0;
  return (mag_.size() - 1) * uint64_t{32} + (32 - __builtin_clz(mag_.back()));
}

uint64_t BigNum::PopCount() const {
  uint64_t n = 0;
  for (Limb x : mag_) n += __builtin_popcount(x);
  return n;
}

uint64_t BigNum::LowBits() const {
  uint64_t m = 0;
  if (!mag_.empty()) m = mag_[0];
  if (mag_.size() > 1) m |= uint64_t{mag_[1]} << 32;
  return m;
}

BigNum BigNum::Negated() const {
  BigNum r = *this;
  if (!r.mag_.empty()) r.neg_ = !r.neg_;
  return r;
}

BigNum BigNum::Abs() const {
  BigNum r = *this;
  r.neg_ = false;
  return r;
}

// ---------------------------------------------------------------------------------------------
// Signed arithmetic

int CompareMagnitude(const BigNum& a, const BigNum& b) { return CmpMag(a.mag(), b.mag()); }

int Compare(const BigNum& a, const BigNum& b) {
  if (a.sign() != b.sign()) return a.sign() < b.sign() ? -1 : 1;
  int c = CompareMagnitude(a, b);
  return a.negative() ? -c : c;
}

BigNum Add(const BigNum& a, const BigNum& b) {
  if (a.negative() == b.negative()) return BigNum::FromMagnitude(AddMag(a.mag(), b.mag()), a.negative());
  int c = CompareMagnitude(a, b);
  if (c == 0) return BigNum();
  if (c > 0) return BigNum::FromMagnitude(SubMag(a.mag(), b.mag()), a.negative());
  return BigNum::FromMagnitude(SubMag(b.mag(), a.mag()), b.negative());
}

BigNum Sub(const BigNum& a, const BigNum& b) { return Add(a, b.Negated()); }

BigNum Mul(const BigNum& a, const BigNum& b) {
  return BigNum::FromMagnitude(MulMag(a.mag(), b.mag()), a.negative() != b.negative());
}

void DivMod(const BigNum& a, const BigNum& b, BigNum* q, BigNum* r) {
  Mag qm, rm;
  DivModMag(a.mag(), b.mag(), &qm, &rm);
  BigNum qq = BigNum::FromMagnitude(std::move(qm), a.negative() != b.negative());
  BigNum rr = BigNum::FromMagnitude(std::move(rm), a.negative());
  // Truncated to floored: when the signs differ and there is a remainder, step down once.
  if (!rr.is_zero() && a.negative() != b.negative()) {
    qq = Sub(qq, BigNum(1));
    rr = Add(rr, b);
  }
  if (q) *q = std::move(qq);
  if (r) *r = std::move(rr);
}

BigNum Pow(const BigNum& a, uint64_t e) {
  BigNum result(1), base = a;
  while (true) {
    if (e & 1) result = Mul(result, base);
    e >>= 1;
    if (e == 0) break;
    base = Mul(base, base);
  }
  return result;
}

BigNum PowMod(const BigNum& a, const BigNum& e, const BigNum& m) {
  BigNum base, result(1);
  DivMod(a, m, nullptr, &base);
  uint64_t bits = e.BitLength();
  for (uint64_t i = bits; i-- > 0;) {
    DivMod(Mul(result, result), m, nullptr, &result);
    if ((e.mag()[i / 32] >> (i % 32)) & 1) DivMod(Mul(result, base), m, nullptr, &result);
  }
  DivMod(result, m, nullptr, &result);  // m == 1 gives 0
  return result;
}

bool ModInverse(const BigNum& a, const BigNum& m, BigNum* out) {
  BigNum r0 = m, r1, t0, t1(1);
  DivMod(a, m, nullptr, &r1);
  while (!r1.is_zero()) {
    BigNum q, r2;
    DivMod(r0, r1, &q, &r2);
    BigNum t2 = Sub(t0, Mul(q, t1));
    r0 = std::move(r1), r1 = std::move(r2), t0 = std::move(t1), t1 = std::move(t2);
  }
  if (Compare(r0, BigNum(1)) != 0) return false;
  DivMod(t0, m, nullptr, out);
  return true;
}

BigNum ShiftLeft(const BigNum& a, uint64_t n) {
  if (a.is_zero()) return a;
  size_t limbs = n / 32;
  int bits = n % 32;
  Mag out(limbs, 0);
  out.reserve(limbs + a.mag().size() + 1);
  Limb carry = 0;
  for (Limb x : a.mag()) {
    out.push_back((x << bits) | carry);
    carry = bits ? static_cast<Limb>(uint64_t{x} >> (32 - bits)) : 0;
  }
  out.push_back(carry);
  return BigNum::FromMagnitude(std::move(out), a.negative());
}

BigNum ShiftRight(const BigNum& a, uint64_t n) {
  const Mag& m = a.mag();
  size_t limbs = n / 32;
  int bits = n % 32;
  if (limbs >= m.size()) return a.negative() ? BigNum(-1) : BigNum();
  Mag out;
  out.reserve(m.size() - limbs);
  for (size_t i = limbs; i < m.size(); ++i) {
    uint64_t hi = i + 1 < m.size() ? m[i + 1] : 0;
    out.push_back(static_cast<Limb>(((hi << 32) | m[i]) >> bits));
  }
  BigNum r = BigNum::FromMagnitude(std::move(out), a.negative());
  if (a.negative()) {
    // Flooring: a negative number that lost one-bits rounds down.
    bool lost = bits != 0 && (m[limbs] & ((Limb{1} << bits) - 1)) != 0;
    for (size_t i = 0; i < limbs && !lost; ++i) lost = m[i] != 0;
    if (lost) r = Sub(r, BigNum(1));
  }
  return r;
}

BigNum BitAnd(const BigNum& a, const BigNum& b) { return Bitwise(a, b, [](Limb x, Limb y) { return x & y; }); }
BigNum BitOr(const BigNum& a, const BigNum& b) { return Bitwise(a, b, [](Limb x, Limb y) { return x | y; }); }
BigNum BitXor(const BigNum& a, const BigNum& b) { return Bitwise(a, b, [](Limb x, Limb y) { return x ^ y; }); }
BigNum BitNot(const BigNum& a) { return Sub(a.Negated(), BigNum(1)); }

BigNum Gcd(const BigNum& a, const BigNum& b) {
  BigNum x = a.Abs(), y = b.Abs();
  while (!y.is_zero()) {
    BigNum r;
    DivMod(x, y, nullptr, &r);
    x = std::move(y);
    y = std::move(r);
  }
  return x;
}

BigNum Isqrt(const BigNum& a) {
  if (a.is_zero()) return a;
  // Newton's iteration from above: x starts >= sqrt(a) and decreases to floor(sqrt(a)).
  BigNum x = ShiftLeft(BigNum(1), (a.BitLength() + 1) / 2);
  while (true) {
    BigNum q;
    DivMod(a, x, &q, nullptr);
    BigNum y = ShiftRight(Add(x, q), 1);
    if (Compare(y, x) >= 0) return x;
    x = std::move(y);
  }
}

// ---------------------------------------------------------------------------------------------
// Conversions

bool ToDouble(const BigNum& a, double* out) {
  uint64_t bits = a.BitLength();
  bool ok;
  if (bits <= 64) {
    *out = static_cast<double>(a.LowBits());
    ok = true;
  } else {
    ok = RoundScaled(TopBitsSticky(a.mag(), bits), static_cast<int64_t>(bits - 64), out);
  }
  if (a.negative()) *out = -*out;
  return ok;
}

bool TrueDivide(const BigNum& a, const BigNum& b, double* out) {
  int64_t la = a.BitLength(), lb = b.BitLength();
  bool neg = a.negative() != b.negative();
  if (la <= 53 && lb <= 53) {
    *out = static_cast<double>(a.LowBits()) / static_cast<double>(b.LowBits());
  } else if (la - lb > 1025) {
    return false;
  } else if (la - lb < -1080) {
    *out = 0.0;
  } else {
    // A quotient of 55 or 56 bits plus a sticky bit, then one correct rounding.
    int64_t shift = 55 + lb - la;
    BigNum num = shift > 0 ? ShiftLeft(a.Abs(), shift) : a.Abs();
    BigNum den = shift < 0 ? ShiftLeft(b.Abs(), -shift) : b.Abs();
    Mag q, r;
    DivModMag(num.mag(), den.mag(), &q, &r);
    uint64_t qq = BigNum::FromMagnitude(q, false).LowBits() | (r.empty() ? 0 : 1);
    if (!RoundScaled(qq, -shift, out)) return false;
  }
  if (neg) *out = -*out;
  return true;
}

BigNum FromDouble(double d) {
  d = std::trunc(d);
  if (std::fabs(d) < 9.2e18) return BigNum(static_cast<int64_t>(d));
  int e;
  double m = std::frexp(std::fabs(d), &e);  // |d| = m * 2**e, 0.5 <= m < 1
  auto mant = static_cast<uint64_t>(std::ldexp(m, 53));
  BigNum r = ShiftLeft(BigNum::FromU64(mant), e - 53);
  return d < 0 ? r.Negated() : r;
}

int CompareWithDouble(const BigNum& a, double d) {
  if (std::isinf(d)) return d > 0 ? -1 : 1;
  double fl = std::floor(d);
  int c = Compare(a, FromDouble(fl));
  if (c != 0) return c;
  return d > fl ? -1 : 0;
}

double NaturalLog(const BigNum& a) {
  uint64_t bits = a.BitLength();
  if (bits <= 1000) {
    double d;
    ToDouble(a, &d);
    return std::log(d);
  }
  // log(a) = log(a / 2**k) + k*log(2), with a / 2**k comfortably inside a double's range.
  uint64_t k = bits - 64;
  double top;
  ToDouble(ShiftRight(a, k), &top);
  return std::log(top) + static_cast<double>(k) * std::log(2.0);
}

std::string ToString(const BigNum& a, int base) {
  std::string out;
  if (a.is_zero()) {
    out = "0";
  } else if (int k = Log2Exact(base)) {
    out = ToStringPow2(a.mag(), k);
  } else {
    static constexpr char kDigits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    int chunk;
    Limb power;
    ChunkFor(base, &chunk, &power);
    Mag m = a.mag();
    while (!m.empty()) {
      Limb rem = base == 10 ? DivSmallConst<1000000000>(m) : DivSmall(m, power);
      for (int i = 0; i < chunk && (rem != 0 || !m.empty()); ++i) {
        out.push_back(kDigits[rem % base]);
        rem /= base;
      }
    }
    std::reverse(out.begin(), out.end());
  }
  return a.negative() ? "-" + out : out;
}

BigNum FromDigits(std::string_view digits, int base) {
  auto value = [](char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; };
  Mag m;
  if (int k = Log2Exact(base)) {
    m.assign((digits.size() * k + 31) / 32, 0);
    uint64_t bit = 0;
    for (size_t i = digits.size(); i-- > 0; bit += k) {
      uint64_t d = value(digits[i]);
      for (int j = 0; j < k; ++j)
        if ((d >> j) & 1) m[(bit + j) / 32] |= Limb{1} << ((bit + j) % 32);
    }
    return BigNum::FromMagnitude(std::move(m), false);
  }
  int chunk;
  Limb power;
  ChunkFor(base, &chunk, &power);
  size_t i = 0;
  // The first chunk is short so the rest are full.
  size_t first = digits.size() % chunk == 0 ? chunk : digits.size() % chunk;
  while (i < digits.size()) {
    size_t len = i == 0 ? first : chunk;
    Limb val = 0, mul = 1;
    for (size_t j = 0; j < len; ++j) val = val * base + value(digits[i + j]), mul *= base;
    MulAddSmall(m, mul, val);
    i += len;
  }
  return BigNum::FromMagnitude(std::move(m), false);
}

uint64_t ModMersenne61(const BigNum& a) {
  constexpr uint64_t kP = (uint64_t{1} << 61) - 1;
  unsigned __int128 h = 0;
  for (size_t i = a.mag().size(); i-- > 0;) h = ((h << 32) | a.mag()[i]) % kP;
  return static_cast<uint64_t>(h);
}

}  // namespace gilvm::vm
