// BigIntObject: Python ints beyond int64, and the operations that mix them with small ints.
//
// Invariants:
//  - Canonical form: an int that fits in int64 is ALWAYS the unboxed Value::Int, never a
//    BigIntObject. MakeInt enforces it, so `2**64 - 2**64` is a plain 0, and equality, hashing
//    and dict keys of small ints never see a BigInt.
//  - A BigIntObject is immutable and its type is `int` (kind kBigInt); it holds no references,
//    so it needs no Trace. Its arithmetic (vm/bignum.h) allocates only C++ memory: an operation
//    reads its operands, computes a BigNum, and allocates the one result object at the end, so
//    nothing needs rooting in between.
//  - These functions are the slow path: the eval loop and IntBinaryOp handle int64 operands
//    first and come here only for a BigInt operand or an int64 overflow.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "vm/bignum.h"
#include "vm/object.h"
#include "vm/opcodes.h"
#include "vm/value.h"

namespace gilvm::vm {

class ThreadState;

struct BigIntObject : Object {
  BigIntObject(TypeObject* t, BigNum n) : Object(t, Kind::kBigInt), num(std::move(n)) {}
  static constexpr bool kOwnsBuffers = true;  // Heap::New charges its buffers at creation
  size_t ExtraBytes() const override { return num.mag().capacity() * sizeof(BigNum::Limb); }
  BigNum num;
};

inline bool IsBigInt(Value v) { return IsObjectOfKind(v, Kind::kBigInt); }
// Any Python int (or bool): an unboxed int64 or a BigIntObject.
inline bool IsAnyInt(Value v) { return v.is_intlike() || IsBigInt(v); }

// A read-only BigNum view of any int Value: borrows a BigInt's number, converts an int64.
// Valid while the Value is alive (rooted) and no longer.
class IntRef {
 public:
  explicit IntRef(Value v) {
    if (IsBigInt(v)) {
      p_ = &static_cast<BigIntObject*>(v.as_object())->num;
    } else {
      small_ = BigNum(v.as_int());
      p_ = &small_;
    }
  }
  IntRef(const IntRef&) = delete;
  IntRef& operator=(const IntRef&) = delete;
  const BigNum& operator*() const { return *p_; }
  const BigNum* operator->() const { return p_; }

 private:
  BigNum small_;
  const BigNum* p_;
};

// The canonical int for n: unboxed when it fits in int64, else a new BigIntObject.
Value MakeInt(ThreadState& ts, BigNum n);

// Every BinOp on two ints (either may be big). TrueDiv and negative powers give floats.
Value BigIntBinaryOp(ThreadState& ts, BinOp op, Value a, Value b);
// The same, with the int64 fast path first: what int's dunders and builtins call.
Value AnyIntBinaryOp(ThreadState& ts, BinOp op, Value a, Value b);
// pow(a, b, m) for ints of any size.
Value AnyIntPowMod(ThreadState& ts, Value a, Value b, Value m);
Value AnyIntNegate(ThreadState& ts, Value v);
Value AnyIntAbs(ThreadState& ts, Value v);
Value AnyIntInvert(ThreadState& ts, Value v);

// -1, 0, 1.
int CompareAnyInt(Value a, Value b);
// -1, 0, 1, or 2 when d is NaN; exact for every int and double.
int CompareAnyIntFloat(Value a, double d);
// The int as a double, correctly rounded; OverflowError "int too large to convert to float".
bool AnyIntToDouble(ThreadState& ts, Value v, double* out);
// The exact int value of a finite double's integer part.
Value IntFromDouble(ThreadState& ts, double d);
int64_t HashBigInt(const BigNum& n);

// Decimal text of any int; ValueError when it has more digits than sys.set_int_max_str_digits.
bool AnyIntToDecimal(ThreadState& ts, Value v, std::string* out);
// repr(int) as a str Value (Null with ValueError pending past the digit limit).
Value BigIntRepr(ThreadState& ts, Value v);
// Digits in base 2, 8 or 16 (never limited), with a '-' for negatives and no prefix.
std::string AnyIntToBase(Value v, int base);
// The ValueError for parsing `ndigits` decimal digits past the limit; false if it was raised.
bool CheckStrToIntDigits(ThreadState& ts, size_t ndigits, int base);

// An int as an index-sized integer: OverflowError "cannot fit 'int' into an index-sized
// integer" (or `msg` when given) for a BigInt.
bool BigIntToIndexError(ThreadState& ts, const char* msg = nullptr);

}  // namespace gilvm::vm
