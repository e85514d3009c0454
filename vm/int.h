// int: Python integer semantics on the unboxed int64 fast path.
//
// Invariants:
//  - Results that do not fit in int64 never wrap: the overflow check sends them to the big-int
//    slow path (vm/bigint.h), which returns a BigIntObject.
//  - Floor division and modulo round toward negative infinity, as Python's do.
//  - Hashes equal CPython's: hash(n) == n except hash(-1) == -2, reduced modulo 2**61-1.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "vm/opcodes.h"
#include "vm/value.h"

namespace gilvm::vm {

class ThreadState;
class Interpreter;

// Every BinOp on two ints (TrueDiv gives a float, Pow with a negative exponent gives a float).
Value IntBinaryOp(ThreadState& ts, BinOp op, int64_t a, int64_t b);
// divmod(a, b) for ints of any size (a tuple), or Null with the exception pending.
Value IntDivmodValues(ThreadState& ts, Value a, Value b);
// round(v, digits) for an int of any size (digits < 0 rounds to tens, halves to even).
Value IntRoundDigits(ThreadState& ts, Value v, int64_t digits);
// pow(a, b, mod) for int64 ints.
Value IntPowMod(ThreadState& ts, int64_t a, int64_t b, int64_t mod);
std::string IntToString(int64_t v);
int64_t HashInt(int64_t v);
// int(text, base) as Python parses it (whitespace, sign, underscores, base prefixes when
// base is 0 or matches). Returns Null with ValueError pending on bad text, using CPython's
// message "invalid literal for int() with base 10: 'abc'".
Value ParseInt(ThreadState& ts, std::string_view text, int base);

void InitIntType(Interpreter& interp);   // int's and bool's methods and dunders
void InitBoolType(Interpreter& interp);

}  // namespace gilvm::vm
