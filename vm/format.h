// String formatting: the format-spec mini-language behind format(), f-strings and
// str.format(), and printf-style `str % args`, with CPython 3.11's output and messages.
//
// Invariants:
//  - Output is byte-for-byte CPython's: floats go through correctly rounded digit generation
//    (std::to_chars, exact like David Gay's dtoa) laid out by the rules of CPython's
//    format_float_short, so '%.2f', '{:g}' and repr-style formatting round as CPython does.
//  - A spec string is parsed once into a FormatSpec; errors are raised while parsing, in the
//    order CPython checks them, with its wording ("Unknown format code 'd' for object of type
//    'float'", "Cannot specify ',' with 's'.", ...).
//  - Results are built in C++ strings and never exceed kMaxFormatLength bytes: a huge width
//    or precision raises MemoryError up front instead of exhausting memory (CPython would try
//    the allocation, or spin for a very long time computing a zero-padded grouping).
//  - Every function follows the error rule of vm/errors.h; Value arguments must be rooted by
//    the caller; results are fresh and unrooted.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "vm/value.h"

namespace gilvm::vm {

class ThreadState;
class Interpreter;
struct StrObject;

// Longest result any formatting operation produces (the same cap as str's own operations).
inline constexpr int64_t kMaxFormatLength = int64_t{1} << 33;

// [[fill]align][sign][z][#][0][width][grouping][.precision][type], parsed.
struct FormatSpec {
  uint32_t fill = ' ';     // a code point
  char align = '\0';       // '<', '>', '^', '=' (the type's default when not given)
  char sign = '\0';        // '+', '-', ' ' or none
  bool no_neg_0 = false;   // 'z': -0.0 rounds to "0", not "-0"
  bool alternate = false;  // '#'
  int64_t width = -1;      // -1: not given
  char grouping = '\0';    // ',' or '_' or none
  int64_t precision = -1;  // -1: not given
  uint32_t type = 0;       // the presentation type, a code point; 0: not given
};

// Parses `spec` as CPython's parse_internal_render_format_spec does. `type_name` is the
// formatted value's type, for "Invalid format specifier '...' for object of type 'int'".
bool ParseFormatSpec(ThreadState& ts, std::string_view spec, uint32_t default_type, char default_align,
                     std::string_view type_name, FormatSpec* out);

// int.__format__, float.__format__, str.__format__ on raw values, appending to *out.
// `type_name` names the value's type in messages ("int", "bool", a str subclass's name).
bool FormatInt(ThreadState& ts, int64_t v, std::string_view spec, std::string_view type_name, std::string* out);
// The same for an int of any size (int64, bool or BigInt).
bool FormatAnyInt(ThreadState& ts, Value v, std::string_view spec, std::string_view type_name, std::string* out);
bool FormatFloat(ThreadState& ts, double v, std::string_view spec, std::string_view type_name, std::string* out);
bool FormatStr(ThreadState& ts, std::string_view s, std::string_view spec, std::string_view type_name,
               std::string* out);

// CPython's PyOS_double_to_string for codes e E f F g G and 'r' (repr, precision 0).
// Never fails; `precision` must be >= 0.
std::string DoubleToString(double v, char code, int precision, bool alternate, bool add_dot_0, bool no_neg_0);

// format(v, spec): calls type(v).__format__(spec) (built-in types directly) and checks that it
// returned a str. `spec` is a str, or Null for ''.
Value FormatObject(ThreadState& ts, Value v, Value spec);

// ascii(v): repr(v) with non-ASCII characters escaped as \xhh, \uhhhh or \Uhhhhhhhh.
Value Ascii(ThreadState& ts, Value v);

// fmt % args, CPython's PyUnicode_Format.
Value PercentFormat(ThreadState& ts, StrObject* fmt, Value args);
// bytes % args, CPython's _PyBytes_FormatEx: the same directives over octets, with %b/%s taking
// bytes-like objects (or __bytes__), %r/%a giving ascii(), %c one byte. `fmt` must stay alive
// (rooted) during the call; the result octets go to *out.
bool PercentFormatOctets(ThreadState& ts, std::string_view fmt, Value args, std::string* out);

// Installs __format__ on object, int (bool inherits it), float and str, and str's format,
// format_map, __mod__ and __rmod__. Call once per interpreter, after the other Init* functions.
void InitFormat(Interpreter& interp);

}  // namespace gilvm::vm
