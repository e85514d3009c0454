// _struct: the native core of the struct module (stdlib/lib/struct.py holds the public API,
// the Struct class and the unpack iterator).
//
// Invariants:
//  - Formats are parsed into a Layout (items with offsets) once per call; '@' is native mode
//    (x86-64 sizes, each item aligned to its size), '=', '<', '>', '!' are standard mode
//    (fixed sizes, no alignment, n/N/P refused).
//  - A failure that struct.py must raise as struct.error comes back as a str holding the
//    message; TypeError and OverflowError are raised here directly, as CPython raises them.
//  - Values are int64: a 'Q' (or unsigned native 'L'/'N'/'P') field above 2**63-1 cannot be
//    returned until big integers exist, so unpacking one raises OverflowError saying so.
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "stdlib/stdlib.h"
#include "vm/bytes.h"
#include "vm/dict.h"
#include "vm/bigint.h"
#include "vm/errors.h"
#include "vm/instance.h"
#include "vm/interpreter.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/str.h"
#include "vm/tuple.h"

namespace gilvm::stdlib {

using namespace gilvm::vm;

namespace {

struct Item {
  char code;
  size_t offset;
  size_t size;   // bytes of one value (for 's'/'p', of the whole string)
};

struct Layout {
  bool little = true;
  bool native = true;
  std::vector<Item> items;  // x pad bytes are not items
  size_t size = 0;
};

// Size of one value of `code`, or 0 for a code this mode does not know.
size_t CodeSize(char code, bool native) {
  switch (code) {
    case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p': return 1;
    case 'h': case 'H': case 'e': return 2;
    case 'i': case 'I': case 'f': return 4;
    case 'l': case 'L': return native ? 8 : 4;
    case 'q': case 'Q': case 'd': return 8;
    case 'n': case 'N': case 'P': return native ? 8 : 0;
    default: return 0;
  }
}

// Parses `fmt`; false with the struct.error message in *err.
bool Parse(std::string_view fmt, Layout* out, std::string* err) {
  size_t i = 0;
  if (!fmt.empty()) {
    char c = fmt[0];
    if (c == '@' || c == '=' || c == '<' || c == '>' || c == '!') {
      out->native = c == '@';
      out->little = !(c == '>' || c == '!');
      ++i;
    }
  }
  size_t off = 0;
  while (i < fmt.size()) {
    char c = fmt[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
      ++i;
      continue;
    }
    int64_t count = 1;
    if (c >= '0' && c <= '9') {
      count = 0;
      while (i < fmt.size() && fmt[i] >= '0' && fmt[i] <= '9') {
        if (count > (INT64_MAX / 16)) return *err = "total struct size too long", false;
        count = count * 10 + (fmt[i] - '0');
        ++i;
      }
      if (i == fmt.size()) return *err = "repeat count given without format specifier", false;
      c = fmt[i];
    }
    ++i;
    size_t sz = CodeSize(c, out->native);
    if (sz == 0) return *err = "bad char in struct format", false;
    if (out->native && sz > 1 && c != 's' && c != 'p') off = (off + sz - 1) / sz * sz;
    if (c == 's' || c == 'p') {
      out->items.push_back({c, off, static_cast<size_t>(count)});
      off += count;
    } else if (c == 'x') {
      off += count;
    } else {
      if (static_cast<uint64_t>(count) > (1u << 28)) return *err = "total struct size too long", false;
      for (int64_t k = 0; k < count; ++k, off += sz) out->items.push_back({c, off, sz});
    }
    if (off > (static_cast<size_t>(1) << 40)) return *err = "total struct size too long", false;
  }
  out->size = off;
  return true;
}

// The format argument: str (or bytes, as ASCII). False with TypeError pending otherwise.
bool FormatArg(ThreadState& ts, Value v, std::string_view* out) {
  if (IsStr(v)) return *out = As<StrObject>(v)->view(), true;
  if (IsBytes(v)) return *out = As<BytesObject>(v)->view(), true;
  RaiseTypeError(ts, absl::StrCat("Struct() argument 1 must be a str or bytes object, not ", TypeName(ts, v)));
  return false;
}

void PutUnsigned(char* p, uint64_t x, size_t n, bool little) {
  for (size_t k = 0; k < n; ++k) p[little ? k : n - 1 - k] = static_cast<char>((x >> (8 * k)) & 0xff);
}

uint64_t GetUnsigned(const char* p, size_t n, bool little) {
  uint64_t x = 0;
  for (size_t k = 0; k < n; ++k) x |= static_cast<uint64_t>(static_cast<uint8_t>(p[little ? k : n - 1 - k])) << (8 * k);
  return x;
}

// IEEE 754 binary16 from a double, rounding to nearest even; false when it overflows.
bool ToHalf(double x, uint16_t* out) {
  uint16_t sign = std::signbit(x) ? 0x8000 : 0;
  double a = std::fabs(x);
  if (std::isnan(x)) return *out = sign | 0x7e00, true;
  if (std::isinf(x)) return *out = sign | 0x7c00, true;
  if (a == 0) return *out = sign, true;
  int e;
  double m = std::frexp(a, &e);  // a = m * 2**e, 0.5 <= m < 1
  int exp = e - 1 + 15;          // biased exponent for 1.m form
  uint32_t bits;
  if (exp <= 0) {
    // Subnormal: value / 2**-24, rounded to nearest even.
    double scaled = std::ldexp(a, 24);
    bits = static_cast<uint32_t>(std::nearbyint(scaled));
  } else {
    double frac = std::ldexp(m * 2 - 1, 10);
    uint32_t f = static_cast<uint32_t>(std::nearbyint(frac));
    bits = (static_cast<uint32_t>(exp) << 10) + f;  // a carry out of f bumps the exponent
  }
  if (bits >= 0x7c00) return false;
  *out = sign | static_cast<uint16_t>(bits);
  return true;
}

double FromHalf(uint16_t h) {
  int exp = (h >> 10) & 0x1f;
  int frac = h & 0x3ff;
  double r;
  if (exp == 0) r = std::ldexp(frac, -24);
  else if (exp == 31) r = frac ? NAN : INFINITY;
  else r = std::ldexp(frac + 1024, exp - 25);
  return (h & 0x8000) ? -r : r;
}

// Range check of an integer field; the struct.error message or "".
std::string IntRange(char code, int64_t v, size_t size, bool native) {
  switch (code) {
    case 'b': return v < -128 || v > 127 ? "byte format requires -128 <= number <= 127" : "";
    case 'B': return v < 0 || v > 255 ? "ubyte format requires 0 <= number <= 255" : "";
    case 'h': return v < -32768 || v > 32767 ? "short format requires -32768 <= number <= 32767" : "";
    case 'H': return v < 0 || v > 65535 ? "ushort format requires 0 <= number <= 65535" : "";
    case 'P': return "";
    default: break;
  }
  bool is_unsigned = code == 'I' || code == 'L' || code == 'Q' || code == 'N';
  if (is_unsigned && v < 0) return "argument out of range";
  if (size == 4) {
    if (is_unsigned && v > 4294967295LL) return absl::StrCat("'", std::string(1, code), "' format requires 0 <= number <= 4294967295");
    if (!is_unsigned && (v < INT32_MIN || v > INT32_MAX)) {
      // Native 'l' is 8 bytes, so this only concerns 'i' and standard 'l'.
      return absl::StrCat("'", std::string(1, code), "' format requires -2147483648 <= number <= 2147483647");
    }
  }
  (void)native;
  return "";
}

// An int beyond int64: only the 8-octet unsigned codes take some of them (up to 2**64-1).
std::string PackBigInt(const Layout& L, const Item& it, Value v, char* p) {
  IntRef n(v);
  bool is_unsigned = it.code == 'I' || it.code == 'L' || it.code == 'Q' || it.code == 'N';
  if (is_unsigned && it.size == 8 && !n->negative() && n->BitLength() <= 64) {
    PutUnsigned(p, n->LowBits(), 8, L.little);
    return "";
  }
  if (is_unsigned && it.size == 8 && !n->negative() && !L.native) return "int too large to convert";
  return "argument out of range";
}

// Packs one value at p; returns "" or a struct.error message; false from *ok means a
// TypeError/OverflowError is pending.
std::string PackOne(ThreadState& ts, const Layout& L, const Item& it, Value v, char* p, bool* ok) {
  *ok = true;
  switch (it.code) {
    case 'c': {
      std::string_view b;
      if ((IsBytes(v) || IsByteArray(v)) && BytesLikeView(v, &b) && b.size() == 1) {
        *p = b[0];
        return "";
      }
      return "char format requires a bytes object of length 1";
    }
    case 's': case 'p': {
      std::string_view b;
      if (!(IsBytes(v) || IsByteArray(v)) || !BytesLikeView(v, &b))
        return absl::StrCat("argument for '", std::string(1, it.code), "' must be a bytes object");
      if (it.code == 's') {
        size_t n = std::min(b.size(), it.size);
        std::memcpy(p, b.data(), n);
      } else if (it.size > 0) {
        size_t n = std::min(b.size(), it.size - 1);
        std::memcpy(p + 1, b.data(), n);
        *p = static_cast<char>(std::min<size_t>(n, 255));
      }
      return "";
    }
    case '?': {
      int t = IsTrue(ts, v);
      if (t < 0) return *ok = false, "";
      *p = static_cast<char>(t);
      return "";
    }
    case 'e': case 'f': case 'd': {
      double x;
      if (v.is_float()) x = v.as_float();
      else if (v.is_intlike()) x = static_cast<double>(v.as_int());
      else return "required argument is not a float";
      if (it.code == 'd') {
        uint64_t bits;
        std::memcpy(&bits, &x, 8);
        PutUnsigned(p, bits, 8, L.little);
      } else if (it.code == 'f') {
        float f = static_cast<float>(x);
        if (std::isinf(f) && std::isfinite(x) && !L.native) {
          RaiseOverflowError(ts, "float too large to pack with f format");
          return *ok = false, "";
        }
        uint32_t bits;
        std::memcpy(&bits, &f, 4);
        PutUnsigned(p, bits, 4, L.little);
      } else {
        uint16_t h;
        if (!ToHalf(x, &h)) {
          RaiseOverflowError(ts, "float too large to pack with e format");
          return *ok = false, "";
        }
        PutUnsigned(p, h, 2, L.little);
      }
      return "";
    }
    default: {
      if (IsBigInt(v)) return PackBigInt(L, it, v, p);
      if (!v.is_intlike()) return "required argument is not an integer";
      int64_t x = v.as_int();
      std::string e = IntRange(it.code, x, it.size, L.native);
      if (!e.empty()) return e;
      PutUnsigned(p, static_cast<uint64_t>(x), it.size, L.little);
      return "";
    }
  }
}

// The value of one field; Null with an exception pending.
Value UnpackOne(ThreadState& ts, const Layout& L, const Item& it, const char* p) {
  switch (it.code) {
    case 'c': return NewBytesValue(ts, std::string_view(p, 1));
    case 's': return NewBytesValue(ts, std::string_view(p, it.size));
    case 'p': {
      if (it.size == 0) return NewBytesValue(ts, "");
      size_t n = std::min<size_t>(static_cast<uint8_t>(*p), it.size - 1);
      return NewBytesValue(ts, std::string_view(p + 1, n));
    }
    case '?': return Value::Bool(*p != 0);
    case 'e': return Value::Float(FromHalf(static_cast<uint16_t>(GetUnsigned(p, 2, L.little))));
    case 'f': {
      uint32_t bits = static_cast<uint32_t>(GetUnsigned(p, 4, L.little));
      float f;
      std::memcpy(&f, &bits, 4);
      return Value::Float(f);
    }
    case 'd': {
      uint64_t bits = GetUnsigned(p, 8, L.little);
      double d;
      std::memcpy(&d, &bits, 8);
      return Value::Float(d);
    }
    default: break;
  }
  uint64_t u = GetUnsigned(p, it.size, L.little);
  bool is_signed = it.code == 'b' || it.code == 'h' || it.code == 'i' || it.code == 'l' || it.code == 'q' || it.code == 'n';
  if (is_signed) {
    if (it.size < 8 && (u >> (8 * it.size - 1)) & 1) u |= ~((static_cast<uint64_t>(1) << (8 * it.size)) - 1);
    return Value::Int(static_cast<int64_t>(u));
  }
  return MakeInt(ts, BigNum::FromU64(u));
}

// _struct.calcsize(fmt): the size, or a str (struct.error's message).
Value CalcSize(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "calcsize", 1, 1)) return Value::Null();
  std::string_view fmt;
  if (!FormatArg(ts, a.argv[0], &fmt)) return Value::Null();
  Layout L;
  std::string err;
  if (!Parse(fmt, &L, &err)) return NewStrValue(ts, err);
  return Value::Int(static_cast<int64_t>(L.size));
}

// _struct.pack(fmt, args): bytes, or a str (struct.error's message).
Value Pack(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "pack", 2, 2)) return Value::Null();
  std::string_view fmt;
  if (!FormatArg(ts, a.argv[0], &fmt)) return Value::Null();
  if (!IsObjectOfKind(a.argv[1], Kind::kTuple)) return RaiseTypeError(ts, "_struct.pack: args must be a tuple");
  Layout L;
  std::string err;
  if (!Parse(fmt, &L, &err)) return NewStrValue(ts, err);
  auto* args = As<TupleObject>(a.argv[1]);
  if (args->size() != L.items.size())
    return NewStrValue(ts, absl::StrCat("pack expected ", L.items.size(), " items for packing (got ", args->size(), ")"));
  std::string out(L.size, '\0');
  for (size_t k = 0; k < L.items.size(); ++k) {
    bool ok;
    std::string e = PackOne(ts, L, L.items[k], args->items[k], out.data() + L.items[k].offset, &ok);
    if (!ok) return Value::Null();
    if (!e.empty()) return NewStrValue(ts, e);
  }
  return NewBytesValue(ts, out);
}

// _struct.unpack(fmt, buffer, offset): the tuple of values read from buffer[offset:]; the
// caller (struct.py) has checked the buffer's size against calcsize. A str is struct.error's
// message for a bad format.
Value Unpack(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "unpack", 3, 3)) return Value::Null();
  std::string_view fmt;
  if (!FormatArg(ts, a.argv[0], &fmt)) return Value::Null();
  std::string_view buf;
  if (!RequireBytesLike(ts, a.argv[1], &buf)) return Value::Null();
  if (!a.argv[2].is_intlike()) return RaiseTypeError(ts, "_struct.unpack: offset must be an int");
  Layout L;
  std::string err;
  if (!Parse(fmt, &L, &err)) return NewStrValue(ts, err);
  int64_t off = a.argv[2].as_int();
  if (off < 0 || static_cast<size_t>(off) + L.size > buf.size())
    return NewStrValue(ts, absl::StrCat("unpack requires a buffer of ", L.size, " bytes"));
  // Copy: allocating the values may run a collection, and the buffer belongs to a heap object.
  std::string data(buf.substr(off, L.size));
  RootedVector vals(ts);
  for (const Item& it : L.items) {
    Value v = UnpackOne(ts, L, it, data.data() + it.offset);
    if (v.is_null()) return Value::Null();
    vals.push_back(v);
  }
  return Value::Obj(NewTuple(ts, vals.items()));
}

ModuleObject* MakeStructModule(ThreadState& ts) {
  RootedPtr<ModuleObject> m(ts, NewNativeModule(ts, "_struct"));
  AddFunctions(ts.interp, m->dict, {{"calcsize", CalcSize}, {"pack", Pack}, {"unpack", Unpack}});
  return m.get();
}

}  // namespace

void RegisterStructModule(Interpreter& in) { in.native_modules["_struct"] = MakeStructModule; }

}  // namespace gilvm::stdlib
