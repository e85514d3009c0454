// float: IEEE-754 doubles with Python semantics.
//
// Invariants:
//  - repr(x) is the shortest string that round-trips, formatted as CPython formats it
//    ('1e+16', '1e-07', '0.1', 'inf', 'nan', '-0.0', '1.0').
//  - Division by zero raises ZeroDivisionError ("float division by zero", "float modulo",
//    "float floor division by zero") instead of producing inf/nan.
//  - hash(x) equals CPython's, so hash(1.0) == hash(1) and 1 == 1.0 are one dict key.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "vm/opcodes.h"
#include "vm/value.h"

namespace gilvm::vm {

class ThreadState;
class Interpreter;

Value FloatBinaryOp(ThreadState& ts, BinOp op, double a, double b);
std::string FloatRepr(double v);
int64_t HashFloat(double v);
// float(text): Null with ValueError "could not convert string to float: 'x'" pending.
Value ParseFloat(ThreadState& ts, std::string_view text);
// round(x, ndigits) with CPython's correctly rounded result.
double RoundFloat(double x, int64_t ndigits);
// Exact comparison of an int with a float (no precision loss for large ints).
int CompareIntFloat(int64_t i, double f);  // -1, 0, 1; NaN compares as "unordered" = 2

void InitFloatType(Interpreter& interp);

}  // namespace gilvm::vm
