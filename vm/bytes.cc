// bytes and bytearray: construction, the sequence protocol, the methods both share and
// bytearray's mutations (see vm/bytes.h for the invariants).
//
// Methods are written once over std::string_view and installed in both types' dicts; a method
// that returns octets returns the type of its receiver's kind (a bytearray method gives a
// bytearray, a bytes method or a subclass's gives plain bytes), as CPython does. Arguments that
// take "a bytes-like object" accept bytes and bytearray through BytesLikeView.
#include "vm/bytes.h"

#include <algorithm>
#include <limits>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "vm/bigint.h"
#include "vm/codecs.h"
#include "vm/dict.h"
#include "vm/errors.h"
#include "vm/format.h"
#include "vm/interpreter.h"
#include "vm/iterators.h"
#include "vm/list.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/protocol.h"
#include "vm/slice.h"
#include "vm/str.h"
#include "vm/thread_state.h"
#include "vm/tuple.h"
#include "vm/subclass.h"

namespace gilvm::vm {

namespace {

// The largest bytes object we build; past it a result raises MemoryError (as str does).
constexpr uint64_t kMaxBytes = uint64_t{1} << 33;

}  // namespace

// ---------------------------------------------------------------------------------------------
// construction and views

BytesObject* NewBytes(ThreadState& ts, std::string_view data) {
  return ts.interp.heap.New<BytesObject>(ts.interp.types.bytes, Kind::kBytes, std::string(data));
}

Value NewBytesValue(ThreadState& ts, std::string_view data) { return Value::Obj(NewBytes(ts, data)); }

BytesObject* NewByteArray(ThreadState& ts, std::string_view data) {
  return ts.interp.heap.New<BytesObject>(ts.interp.types.bytearray, Kind::kByteArray, std::string(data));
}

bool BytesLikeView(Value v, std::string_view* out) {
  if (!IsBytes(v) && !IsByteArray(v)) return false;
  *out = As<BytesObject>(v)->view();
  return true;
}

bool RequireBytesLike(ThreadState& ts, Value v, std::string_view* out) {
  if (BytesLikeView(v, out)) return true;
  RaiseTypeError(ts, absl::StrCat("a bytes-like object is required, not '", TypeName(ts, v), "'"));
  return false;
}

std::string BytesRepr(std::string_view data, bool bytearray) {
  // Single quotes unless the data holds a ' and no ", as CPython chooses.
  bool has_single = data.find('\'') != std::string_view::npos;
  char quote = has_single && data.find('"') == std::string_view::npos ? '"' : '\'';
  std::string out = bytearray ? "bytearray(b" : "b";
  out += quote;
  for (char ch : data) {
    auto c = static_cast<unsigned char>(ch);
    if (c == static_cast<unsigned char>(quote) || c == '\\') {
      out += '\\';
      out += ch;
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c >= 0x7f) {
      out += absl::StrFormat("\\x%02x", c);
    } else {
      out += ch;
    }
  }
  out += quote;
  if (bytearray) out += ')';
  return out;
}

namespace {

// ---------------------------------------------------------------------------------------------
// shared helpers

BytesObject* Self(const CallArgs& a) { return As<BytesObject>(a.argv[0]); }
std::string_view SelfView(const CallArgs& a) { return Self(a)->view(); }
bool IsArray(Value v) { return v.as_object()->kind == Kind::kByteArray; }
// "bytes" or "bytearray": the name CPython's messages give the receiver's built-in type.
const char* KindName(Value v) { return IsArray(v) ? "bytearray" : "bytes"; }
// The arguments after self, for the parsing helpers of vm/native.h.
CallArgs Rest(const CallArgs& a) { return {a.argv + 1, a.nargs - 1, a.kwnames}; }

// A new bytes/bytearray of n bytes is allowed: under the size cap and the heap limit (checked
// before building it, so an absurd request never tries to allocate).
bool CheckSize(ThreadState& ts, uint64_t n) {
  if (n <= kMaxBytes && ts.interp.heap.Fits(n)) return true;
  RaiseMemoryError(ts);
  return false;
}

// A bytearray's `data` may grow by `more` bytes in place: under the size cap, and the growth of
// its buffer is charged to the heap (may throw std::bad_alloc under a heap limit).
bool CheckGrowth(ThreadState& ts, const std::string& data, uint64_t more) {
  if (data.size() + more > kMaxBytes) return RaiseMemoryError(ts), false;
  size_t need = data.size() + more;
  // Natives' arguments are rooted, so collecting is safe here.
  if (need > data.capacity()) ts.interp.heap.ChargeGrowthOrCollect(std::max(need, 2 * data.capacity()) - data.capacity());
  return true;
}

// A new object of the receiver's built-in kind holding `data`.
Value MakeLike(ThreadState& ts, Value self, std::string data) {
  if (!CheckSize(ts, data.size())) return Value::Null();
  Interpreter& in = ts.interp;
  bool array = IsArray(self);
  return Value::Obj(in.heap.New<BytesObject>(array ? in.types.bytearray : in.types.bytes,
                                             array ? Kind::kByteArray : Kind::kBytes, std::move(data)));
}

// Does `v` convert to an index (an int, or __index__)?
bool HasIndex(ThreadState& ts, Value v) {
  return v.is_intlike() || (v.is_object() && !LookupInType(v.as_object()->type, ts.interp.names.__index__).is_null());
}

// An int in range(0, 256); `what` is "byte" or "bytes" (CPython words it both ways).
bool ByteValue(ThreadState& ts, Value v, const char* what, unsigned char* out) {
  int64_t n;
  if (!ToIndex(ts, v, &n)) return false;
  if (n < 0 || n > 255) {
    RaiseValueError(ts, absl::StrCat(what, " must be in range(0, 256)"));
    return false;
  }
  *out = static_cast<unsigned char>(n);
  return true;
}

// Appends the ints of `iterable` as octets.
bool AppendIterable(ThreadState& ts, Value iterable, const char* what, std::string* out) {
  RootedVector items(ts);
  if (!CollectIterable(ts, iterable, items)) return false;
  for (Value item : items.items()) {
    unsigned char c;
    if (!ByteValue(ts, item, what, &c)) return false;
    out->push_back(static_cast<char>(c));
  }
  return true;
}

bool IsIterable(ThreadState& ts, Value v) {
  TypeObject* t = TypeOf(ts.interp, v);
  return !LookupInType(t, ts.interp.names.__iter__).is_null() ||
         !LookupInType(t, ts.interp.names.__getitem__).is_null();
}

// bytes(x) / bytearray(x) for one argument without an encoding: a bytes-like object, a count,
// or an iterable of ints.
bool OctetsFromObject(ThreadState& ts, Value x, const char* tname, std::string* out) {
  std::string_view view;
  if (BytesLikeView(x, &view)) {
    out->assign(view);
    return true;
  }
  if (IsStr(x)) return RaiseTypeError(ts, "string argument without an encoding"), false;
  if (HasIndex(ts, x)) {
    int64_t n;
    if (!ToIndex(ts, x, &n)) return false;
    if (n < 0) return RaiseValueError(ts, "negative count"), false;
    if (!CheckSize(ts, static_cast<uint64_t>(n))) return false;
    out->assign(static_cast<size_t>(n), '\0');
    return true;
  }
  if (x.is_object() && x.as_object()->kind != Kind::kType && IsIterable(ts, x))
    return AppendIterable(ts, x, std::string_view(tname) == "bytes" ? "bytes" : "byte", out);
  RaiseTypeError(ts, absl::StrCat("cannot convert '", TypeName(ts, x), "' object to ", tname));
  return false;
}

// The (source, encoding, errors) arguments shared by bytes() and bytearray().
bool OctetsFromArgs(ThreadState& ts, const Value* args, const char* tname, std::string* out) {
  Value x = args[0], enc = args[1], errors = args[2];
  if (!enc.is_null() || !errors.is_null()) {
    if (!IsStr(x))
      return RaiseTypeError(ts, enc.is_null() ? "errors without a string argument"
                                              : "encoding without a string argument"),
             false;
    if (enc.is_null()) return RaiseTypeError(ts, "string argument without an encoding"), false;
    if (!IsStr(enc))
      return RaiseTypeError(ts, absl::StrCat(tname, "() argument 'encoding' must be str, not ", TypeName(ts, enc))), false;
    if (!errors.is_null() && !IsStr(errors))
      return RaiseTypeError(ts, absl::StrCat(tname, "() argument 'errors' must be str, not ", TypeName(ts, errors))), false;
    std::string_view err = errors.is_null() ? "strict" : As<StrObject>(errors)->view();
    return EncodeText(ts, As<StrObject>(x)->view(), As<StrObject>(enc)->view(), err, out);
  }
  if (x.is_null()) return true;
  return OctetsFromObject(ts, x, tname, out);
}

// ---------------------------------------------------------------------------------------------
// construction from Python: bytes.__new__, bytearray.__new__ / __init__, fromhex

// x.__bytes__() when x's type defines it: 1 with *out set, 0 when absent, -1 raised.
int CallDunderBytes(ThreadState& ts, Value x, std::string* out) {
  if (!x.is_object() || x.as_object()->kind == Kind::kType) return 0;
  bool found;
  Value r = CallSpecial(ts, x, Intern(ts.interp, "__bytes__"), nullptr, 0, &found);
  if (!found) return 0;
  if (r.is_null()) return -1;
  if (!IsBytes(r)) {
    RaiseTypeError(ts, absl::StrCat("__bytes__ returned non-bytes (type ", TypeName(ts, r), ")"));
    return -1;
  }
  out->assign(As<BytesObject>(r)->view());
  return 1;
}

Value BytesNew(ThreadState& ts, const CallArgs& a) {
  if (a.nargs < 1 || !IsObjectOfKind(a.argv[0], Kind::kType))
    return RaiseTypeError(ts, "bytes.__new__(X): X is not a type object");
  auto* cls = As<TypeObject>(a.argv[0]);
  if (!cls->IsSubtypeOf(ts.interp.types.bytes))
    return RaiseTypeError(ts, absl::StrCat("bytes.__new__(", cls->name, "): ", cls->name, " is not a subtype of bytes"));
  Value args[3];
  if (!ParseArgs(ts, Rest(a), Params{"bytes", {"source", "encoding", "errors"}, 0}, args)) return Value::Null();
  bool plain = args[1].is_null() && args[2].is_null() && !args[0].is_null();
  if (plain && cls == ts.interp.types.bytes && IsBytes(args[0]) && args[0].as_object()->type == cls)
    return args[0];  // bytes(b) is b, as in CPython
  std::string data;
  int dunder = plain ? CallDunderBytes(ts, args[0], &data) : 0;
  if (dunder < 0) return Value::Null();
  if (dunder == 0 && !OctetsFromArgs(ts, args, "bytes", &data)) return Value::Null();
  return Value::Obj(NewOfType<BytesObject>(ts.interp.heap, cls, Kind::kBytes, std::move(data)));
}

Value ByteArrayNew(ThreadState& ts, const CallArgs& a) {
  if (a.nargs < 1 || !IsObjectOfKind(a.argv[0], Kind::kType))
    return RaiseTypeError(ts, "bytearray.__new__(X): X is not a type object");
  auto* cls = As<TypeObject>(a.argv[0]);
  return Value::Obj(NewOfType<BytesObject>(ts.interp.heap, cls, Kind::kByteArray, std::string()));
}

Value ByteArrayInit(ThreadState& ts, const CallArgs& a) {
  Value args[3];
  if (!ParseArgs(ts, Rest(a), Params{"bytearray", {"source", "encoding", "errors"}, 0}, args)) return Value::Null();
  std::string data;
  if (!OctetsFromArgs(ts, args, "bytearray", &data)) return Value::Null();
  // The buffer arrives after __new__ made the object, so New did not charge it (the arguments
  // and self are rooted: collecting here is safe).
  ts.interp.heap.ChargeGrowthOrCollect(data.capacity());
  Self(a)->data = std::move(data);
  return Value::None();
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool IsAsciiSpace(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// fromhex(string), a classmethod: argv[0] is the class.
Value FromHex(ThreadState& ts, const CallArgs& a) {
  if (!NoKeywords(ts, Rest(a), "fromhex") || !ArgCountBetween(ts, Rest(a), "fromhex", 1, 1)) return Value::Null();
  Value s = a.argv[1];
  if (!IsStr(s)) return RaiseTypeError(ts, absl::StrCat("fromhex() argument must be str, not ", TypeName(ts, s)));
  std::string_view text = As<StrObject>(s)->view();
  std::string out;
  for (size_t i = 0; i < text.size();) {
    if (IsAsciiSpace(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    int hi = HexDigit(text[i]);
    int lo = i + 1 < text.size() ? HexDigit(text[i + 1]) : -1;
    if (hi < 0 || lo < 0) {
      // Positions count code points; text before the error is ASCII, so bytes == code points.
      size_t bad = hi < 0 ? i : i + 1;
      return RaiseValueError(ts, absl::StrCat("non-hexadecimal number found in fromhex() arg at position ", bad));
    }
    out.push_back(static_cast<char>(hi * 16 + lo));
    i += 2;
  }
  auto* cls = As<TypeObject>(a.argv[0]);
  bool array = cls->IsSubtypeOf(ts.interp.types.bytearray);
  Value r = Value::Obj(ts.interp.heap.New<BytesObject>(array ? ts.interp.types.bytearray : ts.interp.types.bytes,
                                                       array ? Kind::kByteArray : Kind::kBytes, std::move(out)));
  if (cls == ts.interp.types.bytes || cls == ts.interp.types.bytearray) return r;
  Root keep(ts, r);
  return Call(ts, a.argv[0], keep.slot(), 1);  // a subclass is built from the result, as CPython does
}

// ---------------------------------------------------------------------------------------------
// dunders

Value BytesLen(ThreadState& ts, const CallArgs& a) {
  if (!CheckSlotArity(ts, a, 1, 1)) return Value::Null();
  return Value::Int(static_cast<int64_t>(Self(a)->data.size()));
}

Value BytesReprMethod(ThreadState& ts, const CallArgs& a) {
  if (!CheckSlotArity(ts, a, 1, 1)) return Value::Null();
  if (!IsArray(a.argv[0])) return NewStrValue(ts, BytesRepr(SelfView(a), false));
  // A bytearray subclass shows its own name: MyArray(b'...').
  return NewStrValue(ts, absl::StrCat(TypeName(ts, a.argv[0]), "(", BytesRepr(SelfView(a), false), ")"));
}

Value BytesHash(ThreadState& ts, const CallArgs& a) {
  if (!CheckSlotArity(ts, a, 1, 1)) return Value::Null();
  BytesObject* b = Self(a);
  if (b->hash == -1) b->hash = HashText(b->view());
  return Value::Int(b->hash);
}

Value SliceOf(ThreadState& ts, Value self, SliceObject* slice) {
  std::string_view s = As<BytesObject>(self)->view();
  int64_t start, stop, step, n;
  if (!SliceIndices(ts, slice, static_cast<int64_t>(s.size()), &start, &stop, &step, &n)) return Value::Null();
  std::string out;
  if (n > 0 && step == 1) {
    out.assign(s.substr(start, n));
  } else {
    for (int64_t k = 0, i = start; k < n; ++k, i += step) out.push_back(s[i]);
  }
  return MakeLike(ts, self, std::move(out));
}

Value BytesGetItem(ThreadState& ts, const CallArgs& a) {
  if (!CheckSlotArity(ts, a, 2, 2)) return Value::Null();
  Value key = a.argv[1];
  bool array = IsArray(a.argv[0]);
  if (IsSlice(key)) return SliceOf(ts, a.argv[0], As<SliceObject>(key));
  if (!HasIndex(ts, key))
    return RaiseTypeError(ts, absl::StrCat(array ? "bytearray" : "byte", " indices must be integers or slices, not ",
                                           TypeName(ts, key)));
  int64_t i;
  std::string_view s = SelfView(a);
  if (!ToIndex(ts, key, &i)) return Value::Null();
  if (i < 0) i += static_cast<int64_t>(s.size());
  if (i < 0 || i >= static_cast<int64_t>(s.size()))
    return RaiseIndexError(ts, array ? "bytearray index out of range" : "index out of range");
  return Value::Int(static_cast<unsigned char>(s[i]));
}

Value BytesContains(ThreadState& ts, const CallArgs& a) {
  if (!CheckSlotArity(ts, a, 2, 2)) return Value::Null();
  Value item = a.argv[1];
  std::string_view s = SelfView(a), sub;
  if (HasIndex(ts, item)) {
    unsigned char c;
    if (!ByteValue(ts, item, "byte", &c)) return Value::Null();
    return Value::Bool(s.find(static_cast<char>(c)) != std::string_view::npos);
  }
  if (!RequireBytesLike(ts, item, &sub)) return Value::Null();
  return Value::Bool(s.find(sub) != std::string_view::npos);
}

Value BytesIter(ThreadState& ts, const CallArgs& a) {
  if (!CheckSlotArity(ts, a, 1, 1)) return Value::Null();
  return Value::Obj(NewIterator(ts, IterKind::kSeq, a.argv[0]));
}

// `self + other`. As in CPython, a user type's __radd__ gets the first turn (bytes concatenation
// is a sequence slot, tried after the numeric ones); when it declines, or there is none, anything
// that is not bytes-like is "can't concat".
Value BytesAdd(ThreadState& ts, const CallArgs& a) {
  if (!CheckSlotArity(ts, a, 2, 2)) return Value::Null();
  std::string_view other;
  if (!BytesLikeView(a.argv[1], &other)) {
    TypeObject* t = TypeOf(ts.interp, a.argv[1]);
    Value radd = t->is_builtin ? Value::Null() : LookupInType(t, ts.interp.names.__radd__);
    if (!radd.is_null() && !radd.is_none()) {
      Value r = CallFound(ts, radd, a.argv[1], &a.argv[0], 1);
      if (r.is_null() || !r.Is(ts.interp.not_implemented)) return r;
    }
    return RaiseTypeError(ts, absl::StrCat("can't concat ", TypeName(ts, a.argv[1]), " to ", KindName(a.argv[0])));
  }
  std::string_view s = SelfView(a);
  if (!CheckSize(ts, s.size() + other.size())) return Value::Null();
  std::string out;
  out.reserve(s.size() + other.size());
  out.append(s).append(other);
  return MakeLike(ts, a.argv[0], std::move(out));
}

// The count of `self * n`; 0 with NotImplemented in *r when `n` is not an index.
bool RepeatCount(ThreadState& ts, Value n, int64_t* count, Value* r) {
  *r = Value::Null();
  if (!HasIndex(ts, n)) {
    *r = ts.interp.not_implemented;  // BinaryOp: "can't multiply sequence by non-int of type ..."
    return false;
  }
  return ToIndex(ts, n, count);
}

bool Repeated(ThreadState& ts, std::string_view s, int64_t n, std::string* out) {
  out->clear();
  if (n <= 0 || s.empty()) return true;
  if (static_cast<uint64_t>(n) > kMaxBytes / s.size()) return RaiseMemoryError(ts), false;
  if (!CheckSize(ts, s.size() * n)) return false;
  out->reserve(s.size() * n);
  for (int64_t i = 0; i < n; ++i) out->append(s);
  return true;
}

Value BytesMul(ThreadState& ts, const CallArgs& a) {
  if (!CheckSlotArity(ts, a, 2, 2)) return Value::Null();
  int64_t n;
  Value r;
  if (!RepeatCount(ts, a.argv[1], &n, &r)) return r;
  std::string out;
  if (!Repeated(ts, SelfView(a), n, &out)) return Value::Null();
  return MakeLike(ts, a.argv[0], std::move(out));
}

template <CmpOp op>
Value BytesCompare(ThreadState& ts, const CallArgs& a) {
  if (!CheckSlotArity(ts, a, 2, 2)) return Value::Null();
  std::string_view other;
  if (!BytesLikeView(a.argv[1], &other)) return ts.interp.not_implemented;
  return Value::Bool(CompareOrdered(SelfView(a).compare(other), 0, op));
}

// `self % args`: printf-style formatting over octets (vm/format.h).
Value BytesMod(ThreadState& ts, const CallArgs& a) {
  if (!CheckSlotArity(ts, a, 2, 2)) return Value::Null();
  std::string out;
  // The format is copied: formatting may run Python code (__bytes__, __index__) that changes a
  // bytearray receiver.
  std::string fmt(SelfView(a));
  if (!PercentFormatOctets(ts, fmt, a.argv[1], &out)) return Value::Null();
  return MakeLike(ts, a.argv[0], std::move(out));
}

// bytes has no reflected %, but the slot exists (returning NotImplemented), as for str.
Value BytesRMod(ThreadState& ts, const CallArgs& a) {
  if (!CheckSlotArity(ts, a, 2, 2)) return Value::Null();
  return ts.interp.not_implemented;
}

// ---------------------------------------------------------------------------------------------
// argument helpers for the methods

// Positional-only arguments, self excluded, worded as Argument Clinic words them
// ("bytes.upper() takes no arguments (1 given)", "center expected at least 1 argument, got 0").
bool Positional(ThreadState& ts, const CallArgs& a, std::string_view name, size_t min, size_t max) {
  CallArgs rest = Rest(a);
  return NoKeywords(ts, rest, name) && ArgCountBetween(ts, rest, name, min, max);
}
std::string Qualified(const CallArgs& a, std::string_view name) {
  return absl::StrCat(KindName(a.argv[0]), ".", std::string(name));
}

// find(), count(), startswith()... share str's older argument wording and window rules
// (vm/native.h).
bool PositionalOld(ThreadState& ts, const CallArgs& a, std::string_view name, size_t min, size_t max) {
  return ArgCountBetweenOld(ts, Rest(a), name, min, max);
}

// The (sub[, start[, end]]) arguments of find, count, index...: sub is bytes-like or an int.
struct SearchArgs {
  std::string sub;
  int64_t start = 0, end = std::numeric_limits<int64_t>::max();
};
bool ParseSearch(ThreadState& ts, const CallArgs& a, std::string_view name, SearchArgs* out) {
  if (!PositionalOld(ts, a, name, 1, 3)) return false;
  Value sub = a.argv[1];
  std::string_view view;
  if (BytesLikeView(sub, &view)) {
    out->sub.assign(view);
  } else if (HasIndex(ts, sub)) {
    unsigned char c;
    if (!ByteValue(ts, sub, "byte", &c)) return false;
    out->sub.assign(1, static_cast<char>(c));
  } else {
    RaiseTypeError(ts, absl::StrCat("argument should be integer or bytes-like object, not '", TypeName(ts, sub), "'"));
    return false;
  }
  if (!OptionalSliceIndex(ts, a, 2, &out->start) || !OptionalSliceIndex(ts, a, 3, &out->end)) return false;
  AdjustSliceIndices(static_cast<int64_t>(SelfView(a).size()), &out->start, &out->end);
  return true;
}

int64_t FindIn(std::string_view s, const SearchArgs& f, bool reverse) {
  if (f.end - f.start < static_cast<int64_t>(f.sub.size())) return -1;
  std::string_view window = s.substr(f.start, f.end - f.start);
  size_t pos = reverse ? window.rfind(f.sub) : window.find(f.sub);
  return pos == std::string_view::npos ? -1 : f.start + static_cast<int64_t>(pos);
}

template <bool reverse, bool raise>
Value BytesFind(ThreadState& ts, const CallArgs& a) {
  constexpr const char* kName = raise ? (reverse ? "rindex" : "index") : (reverse ? "rfind" : "find");
  SearchArgs f;
  if (!ParseSearch(ts, a, kName, &f)) return Value::Null();
  int64_t r = FindIn(SelfView(a), f, reverse);
  if (r < 0 && raise) return RaiseValueError(ts, "subsection not found");
  return Value::Int(r);
}

Value BytesCount(ThreadState& ts, const CallArgs& a) {
  SearchArgs f;
  if (!ParseSearch(ts, a, "count", &f)) return Value::Null();
  if (f.start > f.end) return Value::Int(0);
  if (f.sub.empty()) return Value::Int(f.end - f.start + 1);
  std::string_view window = SelfView(a).substr(f.start, f.end - f.start);
  int64_t n = 0;
  for (size_t pos = window.find(f.sub); pos != std::string_view::npos; pos = window.find(f.sub, pos + f.sub.size())) ++n;
  return Value::Int(n);
}

bool TailMatch(std::string_view s, std::string_view sub, int64_t start, int64_t end, bool at_end) {
  AdjustSliceIndices(static_cast<int64_t>(s.size()), &start, &end);
  int64_t n = static_cast<int64_t>(sub.size());
  if (end - n < start) return false;
  if (n == 0) return true;
  return s.substr(at_end ? end - n : start, n) == sub;
}

template <bool at_end>
Value BytesStartsWith(ThreadState& ts, const CallArgs& a) {
  constexpr const char* kName = at_end ? "endswith" : "startswith";
  if (!PositionalOld(ts, a, kName, 1, 3)) return Value::Null();
  int64_t start = 0, end = std::numeric_limits<int64_t>::max();
  if (!OptionalSliceIndex(ts, a, 2, &start) || !OptionalSliceIndex(ts, a, 3, &end)) return Value::Null();
  Value arg = a.argv[1];
  std::string_view sub;
  if (BytesLikeView(arg, &sub)) return Value::Bool(TailMatch(SelfView(a), sub, start, end, at_end));
  if (!IsTuple(arg))
    return RaiseTypeError(ts, absl::StrCat(kName, " first arg must be bytes or a tuple of bytes, not ", TypeName(ts, arg)));
  for (Value item : As<TupleObject>(arg)->items) {
    if (!RequireBytesLike(ts, item, &sub)) return Value::Null();
    if (TailMatch(SelfView(a), sub, start, end, at_end)) return Value::Bool(true);
  }
  return Value::Bool(false);
}

// ---------------------------------------------------------------------------------------------
// decode, hex

// The (encoding='utf-8', errors='strict') arguments of decode and encode.
bool ParseCodecArgs(ThreadState& ts, const CallArgs& a, std::string_view fname, std::string_view* enc,
                    std::string_view* errors) {
  Value out[2];
  if (!ParseArgs(ts, Rest(a), Params{fname, {"encoding", "errors"}, 0}, out)) return false;
  *enc = "utf-8";
  *errors = "strict";
  const char* names[] = {"encoding", "errors"};
  std::string_view* dest[] = {enc, errors};
  for (int i = 0; i < 2; ++i) {
    if (out[i].is_null()) continue;
    if (!IsStr(out[i])) {
      RaiseTypeError(ts, absl::StrCat(std::string(fname), "() argument '", names[i], "' must be str, not ",
                                      TypeName(ts, out[i])));
      return false;
    }
    *dest[i] = As<StrObject>(out[i])->view();
  }
  return true;
}

Value BytesDecode(ThreadState& ts, const CallArgs& a) {
  std::string_view enc, errors;
  if (!ParseCodecArgs(ts, a, "decode", &enc, &errors)) return Value::Null();
  std::string text;
  if (!DecodeBytes(ts, SelfView(a), enc, errors, &text)) return Value::Null();
  return NewStrValue(ts, text);
}

// str.encode lives here with its inverse; InitBytesTypes installs it on str.
Value StrEncode(ThreadState& ts, const CallArgs& a) {
  std::string_view enc, errors;
  if (!ParseCodecArgs(ts, a, "encode", &enc, &errors)) return Value::Null();
  std::string data;
  if (!EncodeText(ts, As<StrObject>(a.argv[0])->view(), enc, errors, &data)) return Value::Null();
  return NewBytesValue(ts, data);
}

// hex(sep=<none>, bytes_per_sep=1): groups of |bytes_per_sep| counted from the right when it
// is positive, from the left when negative.
Value BytesHex(ThreadState& ts, const CallArgs& a) {
  Value out[2];
  if (!ParseArgs(ts, Rest(a), Params{"hex", {"sep", "bytes_per_sep"}, 0}, out)) return Value::Null();
  std::string sep;
  if (!out[0].is_null()) {
    std::string_view view;
    if (IsStr(out[0])) view = As<StrObject>(out[0])->view();
    else if (!BytesLikeView(out[0], &view)) {
      int64_t n = Length(ts, out[0]);  // CPython asks for len() first, so this raises its error
      if (n < 0) return Value::Null();
      return RaiseTypeError(ts, "sep must be str or bytes.");
    }
    if (IsStr(out[0]) ? As<StrObject>(out[0])->length() != 1 : view.size() != 1)
      return RaiseValueError(ts, "sep must be length 1.");
    if (static_cast<unsigned char>(view[0]) >= 0x80) return RaiseValueError(ts, "sep must be ASCII.");
    sep.assign(view);
  }
  int64_t group = 1;
  if (!out[1].is_null() && !ToIndex(ts, out[1], &group)) return Value::Null();
  std::string_view s = SelfView(a);
  int64_t n = static_cast<int64_t>(s.size());
  int64_t every = group < 0 ? -group : group;
  std::string text;
  for (int64_t i = 0; i < n; ++i) {
    if (i > 0 && !sep.empty() && every > 0) {
      bool boundary = group > 0 ? (n - i) % every == 0 : i % every == 0;
      if (boundary) text += sep;
    }
    absl::StrAppendFormat(&text, "%02x", static_cast<unsigned char>(s[i]));
  }
  return NewStrValue(ts, text);
}

// ---------------------------------------------------------------------------------------------
// case mapping and predicates (ASCII only, as CPython's bytes)

bool IsLowerC(unsigned char c) { return c >= 'a' && c <= 'z'; }
bool IsUpperC(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool IsAlphaC(unsigned char c) { return IsLowerC(c) || IsUpperC(c); }
bool IsDigitC(unsigned char c) { return c >= '0' && c <= '9'; }
bool IsAlnumC(unsigned char c) { return IsAlphaC(c) || IsDigitC(c); }
char ToUpperC(char c) { return IsLowerC(static_cast<unsigned char>(c)) ? static_cast<char>(c - 32) : c; }
char ToLowerC(char c) { return IsUpperC(static_cast<unsigned char>(c)) ? static_cast<char>(c + 32) : c; }

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ToUpperC(c);
  return out;
}
std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ToLowerC(c);
  return out;
}
std::string SwapCase(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = IsLowerC(static_cast<unsigned char>(c)) ? ToUpperC(c) : ToLowerC(c);
  return out;
}
// A letter after a non-letter starts a word (upper-cased); other letters are lower-cased.
std::string Title(std::string_view s) {
  std::string out(s);
  bool prev_cased = false;
  for (char& c : out) {
    auto u = static_cast<unsigned char>(c);
    c = prev_cased ? ToLowerC(c) : ToUpperC(c);
    prev_cased = IsAlphaC(u);
  }
  return out;
}
std::string Capitalize(std::string_view s) {
  std::string out = Lower(s);
  if (!out.empty()) out[0] = ToUpperC(out[0]);
  return out;
}

using MapFn = std::string (*)(std::string_view);
template <MapFn fn, const char* name>
Value BytesMap(ThreadState& ts, const CallArgs& a) {
  if (!Positional(ts, a, Qualified(a, name), 0, 0)) return Value::Null();
  return MakeLike(ts, a.argv[0], fn(SelfView(a)));
}

bool AllOf(std::string_view s, bool (*pred)(unsigned char)) {
  if (s.empty()) return false;
  for (char c : s)
    if (!pred(static_cast<unsigned char>(c))) return false;
  return true;
}
bool AllDigits(std::string_view s) { return AllOf(s, IsDigitC); }
bool AllAlpha(std::string_view s) { return AllOf(s, IsAlphaC); }
bool AllAlnum(std::string_view s) { return AllOf(s, IsAlnumC); }
bool AllSpace(std::string_view s) { return AllOf(s, IsAsciiSpace); }
bool AllAscii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}
// islower/isupper: at least one cased byte, and none of the opposite case.
template <bool (*want)(unsigned char), bool (*avoid)(unsigned char)>
bool CasedAs(std::string_view s) {
  bool any = false;
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (avoid(u)) return false;
    any = any || want(u);
  }
  return any;
}
bool IsTitled(std::string_view s) {
  bool prev_cased = false, any = false;
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (IsUpperC(u)) {
      if (prev_cased) return false;
      any = prev_cased = true;
    } else if (IsLowerC(u)) {
      if (!prev_cased) return false;
    } else {
      prev_cased = false;
    }
  }
  return any;
}

using PredFn = bool (*)(std::string_view);
template <PredFn fn, const char* name>
Value BytesPredicate(ThreadState& ts, const CallArgs& a) {
  if (!Positional(ts, a, Qualified(a, name), 0, 0)) return Value::Null();
  return Value::Bool(fn(SelfView(a)));
}

// ---------------------------------------------------------------------------------------------
// strip, split, splitlines, partition

// The bytes argument of strip/split/partition..., or null: "a bytes-like object is required".
bool OptionalBytesArg(ThreadState& ts, Value v, bool* given, std::string_view* out) {
  *given = !v.is_null() && !v.is_none();
  return !*given || RequireBytesLike(ts, v, out);
}

template <bool left, bool right>
Value BytesStrip(ThreadState& ts, const CallArgs& a) {
  constexpr const char* kName = left && right ? "strip" : left ? "lstrip" : "rstrip";
  if (!Positional(ts, a, kName, 0, 1)) return Value::Null();
  bool given;
  std::string_view chars;
  if (!OptionalBytesArg(ts, a.nargs > 1 ? a.argv[1] : Value::Null(), &given, &chars)) return Value::Null();
  auto strip = [&](char c) {
    return given ? chars.find(c) != std::string_view::npos : IsAsciiSpace(static_cast<unsigned char>(c));
  };
  std::string_view s = SelfView(a);
  size_t b = 0, e = s.size();
  while (left && b < e && strip(s[b])) ++b;
  while (right && e > b && strip(s[e - 1])) --e;
  return MakeLike(ts, a.argv[0], std::string(s.substr(b, e - b)));
}

// Appends s[b:e] as a new object of the receiver's kind.
bool AddPart(ThreadState& ts, Value self, RootedVector& parts, std::string_view s, size_t b, size_t e) {
  Value v = MakeLike(ts, self, std::string(s.substr(b, e - b)));
  if (v.is_null()) return false;
  parts.push_back(v);
  return true;
}

bool IsSpaceAt(std::string_view s, size_t i) { return IsAsciiSpace(static_cast<unsigned char>(s[i])); }

bool SplitWhitespace(ThreadState& ts, Value self, std::string_view s, int64_t maxsplit, RootedVector& parts) {
  size_t i = 0, n = s.size();
  for (; maxsplit > 0; --maxsplit) {
    while (i < n && IsSpaceAt(s, i)) ++i;
    if (i == n) break;
    size_t j = i;
    while (i < n && !IsSpaceAt(s, i)) ++i;
    if (!AddPart(ts, self, parts, s, j, i)) return false;
  }
  while (i < n && IsSpaceAt(s, i)) ++i;
  return i == n || AddPart(ts, self, parts, s, i, n);
}

bool RSplitWhitespace(ThreadState& ts, Value self, std::string_view s, int64_t maxsplit, RootedVector& parts) {
  size_t e = s.size();
  for (; maxsplit > 0; --maxsplit) {
    while (e > 0 && IsSpaceAt(s, e - 1)) --e;
    if (e == 0) break;
    size_t j = e;
    while (e > 0 && !IsSpaceAt(s, e - 1)) --e;
    if (!AddPart(ts, self, parts, s, e, j)) return false;
  }
  while (e > 0 && IsSpaceAt(s, e - 1)) --e;
  return e == 0 || AddPart(ts, self, parts, s, 0, e);
}

bool SplitOn(ThreadState& ts, Value self, std::string_view s, std::string_view d, int64_t maxsplit, RootedVector& parts) {
  size_t i = 0;
  for (size_t pos; maxsplit > 0 && (pos = s.find(d, i)) != std::string_view::npos; --maxsplit) {
    if (!AddPart(ts, self, parts, s, i, pos)) return false;
    i = pos + d.size();
  }
  return AddPart(ts, self, parts, s, i, s.size());
}

bool RSplitOn(ThreadState& ts, Value self, std::string_view s, std::string_view d, int64_t maxsplit,
              RootedVector& parts) {
  size_t e = s.size();
  for (size_t pos; maxsplit > 0 && e >= d.size() && (pos = s.rfind(d, e - d.size())) != std::string_view::npos;
       --maxsplit) {
    if (!AddPart(ts, self, parts, s, pos + d.size(), e)) return false;
    e = pos;
  }
  return AddPart(ts, self, parts, s, 0, e);
}

template <bool reverse>
Value BytesSplit(ThreadState& ts, const CallArgs& a) {
  Value out[2];
  if (!ParseArgs(ts, Rest(a), Params{reverse ? "rsplit" : "split", {"sep", "maxsplit"}, 0}, out)) return Value::Null();
  bool given;
  std::string_view sep;
  if (!OptionalBytesArg(ts, out[0], &given, &sep)) return Value::Null();
  if (given && sep.empty()) return RaiseValueError(ts, "empty separator");
  int64_t maxsplit = -1;
  if (!out[1].is_null() && !ToIndex(ts, out[1], &maxsplit)) return Value::Null();
  if (maxsplit < 0) maxsplit = std::numeric_limits<int64_t>::max();
  RootedVector parts(ts);
  // The receiver's data is copied: building parts allocates, and nothing else may change it.
  std::string s(SelfView(a));
  Value self = a.argv[0];
  bool ok;
  if (!given)
    ok = reverse ? RSplitWhitespace(ts, self, s, maxsplit, parts) : SplitWhitespace(ts, self, s, maxsplit, parts);
  else
    ok = reverse ? RSplitOn(ts, self, s, sep, maxsplit, parts) : SplitOn(ts, self, s, sep, maxsplit, parts);
  if (!ok) return Value::Null();
  if (reverse) std::reverse(parts.items().begin(), parts.items().end());
  return Value::Obj(NewList(ts, std::move(parts.items())));
}

Value BytesSplitLines(ThreadState& ts, const CallArgs& a) {
  Value keep_arg;
  if (!ParseArgs(ts, Rest(a), Params{"splitlines", {"keepends"}, 0}, &keep_arg)) return Value::Null();
  bool keepends = false;
  if (!keep_arg.is_null()) {
    if (keep_arg.is_float()) return RaiseTypeError(ts, "'float' object cannot be interpreted as an integer");
    int t = IsTrue(ts, keep_arg);
    if (t < 0) return Value::Null();
    keepends = t != 0;
  }
  RootedVector parts(ts);
  std::string s(SelfView(a));
  size_t i = 0, n = s.size();
  while (i < n) {
    size_t start = i;
    while (i < n && s[i] != '\n' && s[i] != '\r') ++i;
    size_t eol = i;
    if (i < n) i += (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
    if (!AddPart(ts, a.argv[0], parts, s, start, keepends ? i : eol)) return Value::Null();
  }
  return Value::Obj(NewList(ts, std::move(parts.items())));
}

template <bool reverse>
Value BytesPartition(ThreadState& ts, const CallArgs& a) {
  if (!Positional(ts, a, reverse ? "rpartition" : "partition", 1, 1)) return Value::Null();
  std::string_view sep_view;
  if (!RequireBytesLike(ts, a.argv[1], &sep_view)) return Value::Null();
  if (sep_view.empty()) return RaiseValueError(ts, "empty separator");
  std::string s(SelfView(a)), sep(sep_view);
  size_t pos = reverse ? s.rfind(sep) : s.find(sep);
  RootedVector parts(ts);
  Value self = a.argv[0];
  bool ok;
  if (pos == std::string::npos) {
    ok = reverse ? AddPart(ts, self, parts, "", 0, 0) && AddPart(ts, self, parts, "", 0, 0) &&
                       AddPart(ts, self, parts, s, 0, s.size())
                 : AddPart(ts, self, parts, s, 0, s.size()) && AddPart(ts, self, parts, "", 0, 0) &&
                       AddPart(ts, self, parts, "", 0, 0);
  } else {
    ok = AddPart(ts, self, parts, s, 0, pos) && AddPart(ts, self, parts, sep, 0, sep.size()) &&
         AddPart(ts, self, parts, s, pos + sep.size(), s.size());
  }
  if (!ok) return Value::Null();
  return Value::Obj(NewTuple(ts, std::move(parts.items())));
}

// ---------------------------------------------------------------------------------------------
// join, replace, padding, affixes

Value JoinItems(ThreadState& ts, Value self, std::string_view sep, std::span<const Value> items) {
  uint64_t total = 0;
  std::string_view part;
  for (size_t i = 0; i < items.size(); ++i) {
    if (!BytesLikeView(items[i], &part))
      return RaiseTypeError(ts, absl::StrCat("sequence item ", i, ": expected a bytes-like object, ",
                                             TypeName(ts, items[i]), " found"));
    total += part.size() + (i > 0 ? sep.size() : 0);
  }
  if (!CheckSize(ts, total)) return Value::Null();
  std::string out;
  out.reserve(total);
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out.append(sep);
    BytesLikeView(items[i], &part);
    out.append(part);
  }
  return MakeLike(ts, self, std::move(out));
}

Value BytesJoin(ThreadState& ts, const CallArgs& a) {
  if (!NoKeywords(ts, Rest(a), Qualified(a, "join"))) return Value::Null();
  if (a.nargs != 2)
    return RaiseTypeError(ts, absl::StrCat(Qualified(a, "join"), "() takes exactly one argument (", a.nargs - 1, " given)"));
  Value seq = a.argv[1];
  if (IsList(seq)) return JoinItems(ts, a.argv[0], SelfView(a), As<ListObject>(seq)->items);
  if (IsTuple(seq)) return JoinItems(ts, a.argv[0], SelfView(a), As<TupleObject>(seq)->items);
  Root it(ts, GetIter(ts, seq));
  if (it.get().is_null()) {
    if (!ExceptionMatches(ts, ts.interp.exc.TypeError)) return Value::Null();
    ClearException(ts);
    return RaiseTypeError(ts, "can only join an iterable");
  }
  RootedVector items(ts);
  Value item;
  int r;
  while ((r = IterNext(ts, it.get(), &item)) == 1) items.push_back(item);
  if (r < 0) return Value::Null();
  return JoinItems(ts, a.argv[0], SelfView(a), items.items());
}

bool ReplaceInto(ThreadState& ts, std::string_view s, std::string_view from, std::string_view to, int64_t count,
                 std::string* out) {
  if (from.empty()) {
    // `to` before every byte and at the end, `count` times at most.
    for (size_t i = 0; i <= s.size(); ++i) {
      if (count-- > 0) {
        if (!CheckSize(ts, out->size() + to.size() + s.size())) return false;
        out->append(to);
      }
      if (i < s.size()) out->push_back(s[i]);
    }
    return true;
  }
  size_t i = 0;
  for (size_t pos; count > 0 && (pos = s.find(from, i)) != std::string_view::npos; --count) {
    if (!CheckSize(ts, out->size() + (pos - i) + to.size())) return false;
    out->append(s.substr(i, pos - i)).append(to);
    i = pos + from.size();
  }
  out->append(s.substr(i));
  return true;
}

Value BytesReplace(ThreadState& ts, const CallArgs& a) {
  if (!Positional(ts, a, "replace", 2, 3)) return Value::Null();
  std::string_view from, to;
  if (!RequireBytesLike(ts, a.argv[1], &from) || !RequireBytesLike(ts, a.argv[2], &to)) return Value::Null();
  int64_t count = -1;
  if (a.nargs > 3 && !ToIndex(ts, a.argv[3], &count)) return Value::Null();
  if (count < 0) count = std::numeric_limits<int64_t>::max();
  std::string out;
  if (!ReplaceInto(ts, SelfView(a), from, to, count, &out)) return Value::Null();
  return MakeLike(ts, a.argv[0], std::move(out));
}

// kind: 'c' center, 'l' ljust, 'r' rjust.
template <char kind>
Value BytesPad(ThreadState& ts, const CallArgs& a) {
  constexpr const char* kName = kind == 'c' ? "center" : kind == 'l' ? "ljust" : "rjust";
  int64_t width;
  if (!Positional(ts, a, kName, 1, 2) || !ToIndex(ts, a.argv[1], &width)) return Value::Null();
  char fill = ' ';
  if (a.nargs > 2) {
    std::string_view f;
    if (!BytesLikeView(a.argv[2], &f) || f.size() != 1)
      return RaiseTypeError(ts, absl::StrCat(kName, "() argument 2 must be a byte string of length 1, not ",
                                             TypeName(ts, a.argv[2])));
    fill = f[0];
  }
  std::string_view s = SelfView(a);
  int64_t len = static_cast<int64_t>(s.size());
  if (width <= len) return MakeLike(ts, a.argv[0], std::string(s));
  if (!CheckSize(ts, static_cast<uint64_t>(width))) return Value::Null();
  int64_t marg = width - len;
  // CPython's split of the margin for center(): the extra column goes left when width is odd.
  int64_t left = kind == 'c' ? marg / 2 + (marg & width & 1) : kind == 'l' ? 0 : marg;
  std::string out(static_cast<size_t>(left), fill);
  out.append(s).append(static_cast<size_t>(marg - left), fill);
  return MakeLike(ts, a.argv[0], std::move(out));
}

Value BytesZfill(ThreadState& ts, const CallArgs& a) {
  int64_t width;
  if (!Positional(ts, a, "zfill", 1, 1) || !ToIndex(ts, a.argv[1], &width)) return Value::Null();
  std::string_view s = SelfView(a);
  int64_t len = static_cast<int64_t>(s.size());
  if (width <= len) return MakeLike(ts, a.argv[0], std::string(s));
  if (!CheckSize(ts, static_cast<uint64_t>(width))) return Value::Null();
  std::string out(static_cast<size_t>(width - len), '0');
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    out.insert(out.begin(), s[0]);
    out.append(s.substr(1));
  } else {
    out.append(s);
  }
  return MakeLike(ts, a.argv[0], std::move(out));
}

template <bool suffix>
Value BytesRemoveAffix(ThreadState& ts, const CallArgs& a) {
  if (!Positional(ts, a, suffix ? "removesuffix" : "removeprefix", 1, 1)) return Value::Null();
  std::string_view affix;
  if (!RequireBytesLike(ts, a.argv[1], &affix)) return Value::Null();
  std::string_view s = SelfView(a);
  if (!affix.empty() && (suffix ? s.ends_with(affix) : s.starts_with(affix)))
    s = suffix ? s.substr(0, s.size() - affix.size()) : s.substr(affix.size());
  return MakeLike(ts, a.argv[0], std::string(s));
}

// translate(table, /, delete=b''): each byte mapped through a 256-byte table (None: kept),
// after dropping the bytes in `delete`.
Value BytesTranslate(ThreadState& ts, const CallArgs& a) {
  Value out[2];
  if (!ParseArgs(ts, Rest(a), Params{"translate", {"table", "delete"}, 1, 1}, out)) return Value::Null();
  std::string_view table, del;
  bool has_table = !out[0].is_none();
  if (has_table && !RequireBytesLike(ts, out[0], &table)) return Value::Null();
  if (has_table && table.size() != 256) return RaiseValueError(ts, "translation table must be 256 characters long");
  if (!out[1].is_null() && !RequireBytesLike(ts, out[1], &del)) return Value::Null();
  std::string result;
  for (char c : SelfView(a)) {
    if (del.find(c) != std::string_view::npos) continue;
    result.push_back(has_table ? table[static_cast<unsigned char>(c)] : c);
  }
  return MakeLike(ts, a.argv[0], std::move(result));
}

// maketrans(frm, to), a staticmethod: the identity table with frm[i] mapped to to[i].
Value BytesMakeTrans(ThreadState& ts, const CallArgs& a) {
  if (!NoKeywords(ts, a, "maketrans") || !ArgCountBetween(ts, a, "maketrans", 2, 2)) return Value::Null();
  std::string_view from, to;
  if (!RequireBytesLike(ts, a.argv[0], &from) || !RequireBytesLike(ts, a.argv[1], &to)) return Value::Null();
  if (from.size() != to.size()) return RaiseValueError(ts, "maketrans arguments must have same length");
  std::string table(256, '\0');
  for (int i = 0; i < 256; ++i) table[i] = static_cast<char>(i);
  for (size_t i = 0; i < from.size(); ++i) table[static_cast<unsigned char>(from[i])] = to[i];
  return NewBytesValue(ts, table);
}

// expandtabs(tabsize=8): each tab padded with spaces to the next multiple of tabsize; the
// column restarts after \n and \r.
Value BytesExpandTabs(ThreadState& ts, const CallArgs& a) {
  Value arg;
  if (!ParseArgs(ts, Rest(a), Params{"expandtabs", {"tabsize"}, 0}, &arg)) return Value::Null();
  int64_t tabsize = 8;
  if (!arg.is_null() && !ToIndex(ts, arg, &tabsize)) return Value::Null();
  if (tabsize > std::numeric_limits<int>::max() || tabsize < std::numeric_limits<int>::min())
    return RaiseOverflowError(ts, "Python int too large to convert to C int");
  std::string out;
  int64_t column = 0;
  for (char c : SelfView(a)) {
    if (c == '\t') {
      if (tabsize <= 0) continue;
      int64_t spaces = tabsize - column % tabsize;
      if (!CheckSize(ts, out.size() + spaces)) return Value::Null();
      out.append(static_cast<size_t>(spaces), ' ');
      column += spaces;
    } else {
      out.push_back(c);
      column = (c == '\n' || c == '\r') ? 0 : column + 1;
    }
  }
  return MakeLike(ts, a.argv[0], std::move(out));
}

// ---------------------------------------------------------------------------------------------
// bytearray's mutations

// The octets a slice assignment or += takes: bytes-like, or an iterable of ints.
bool AssignableOctets(ThreadState& ts, Value v, std::string* out) {
  std::string_view view;
  if (BytesLikeView(v, &view)) {
    out->assign(view);
    return true;
  }
  if (IsStr(v) || HasIndex(ts, v) || !v.is_object() || !IsIterable(ts, v)) {
    RaiseTypeError(ts, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
    return false;
  }
  return AppendIterable(ts, v, "byte", out);
}

bool AssignSlice(ThreadState& ts, BytesObject* self, SliceObject* slice, std::string_view src) {
  std::string& d = self->data;
  int64_t start, stop, step, n;
  if (!SliceIndices(ts, slice, static_cast<int64_t>(d.size()), &start, &stop, &step, &n)) return false;
  if (step == 1) {
    if (!CheckSize(ts, d.size() - n + src.size())) return false;
    d.replace(static_cast<size_t>(start), static_cast<size_t>(n), src);
    return true;
  }
  if (static_cast<int64_t>(src.size()) != n) {
    RaiseValueError(ts, absl::StrCat("attempt to assign bytes of size ", src.size(), " to extended slice of size ", n));
    return false;
  }
  for (int64_t k = 0, i = start; k < n; ++k, i += step) d[i] = src[k];
  return true;
}

bool DeleteSlice(ThreadState& ts, BytesObject* self, SliceObject* slice) {
  std::string& d = self->data;
  int64_t start, stop, step, n;
  if (!SliceIndices(ts, slice, static_cast<int64_t>(d.size()), &start, &stop, &step, &n)) return false;
  if (n <= 0) return true;
  if (step < 0) {  // the same positions, walked upwards
    start += (n - 1) * step;
    step = -step;
  }
  std::string kept;
  kept.reserve(d.size() - n);
  for (int64_t i = 0, next = start, k = 0; i < static_cast<int64_t>(d.size()); ++i) {
    if (k < n && i == next) {
      ++k;
      next += step;
      continue;
    }
    kept.push_back(d[i]);
  }
  d = std::move(kept);
  return true;
}

// An item index for assignment or deletion: "bytearray index out of range".
bool ArrayIndex(ThreadState& ts, BytesObject* self, Value key, int64_t* out) {
  if (!HasIndex(ts, key)) {
    RaiseTypeError(ts, absl::StrCat("bytearray indices must be integers or slices, not ", TypeName(ts, key)));
    return false;
  }
  int64_t i;
  if (!ToIndex(ts, key, &i)) return false;
  int64_t size = static_cast<int64_t>(self->data.size());
  if (i < 0) i += size;
  if (i < 0 || i >= size) {
    RaiseIndexError(ts, "bytearray index out of range");
    return false;
  }
  *out = i;
  return true;
}

Value ArraySetItem(ThreadState& ts, const CallArgs& a) {
  if (!CheckSlotArity(ts, a, 3, 3)) return Value::Null();
  BytesObject* self = Self(a);
  Value key = a.argv[1], value = a.argv[2];
  if (IsSlice(key)) {
    std::string src;
    if (!AssignableOctets(ts, value, &src)) return Value::Null();
    return AssignSlice(ts, self, As<SliceObject>(key), src) ? Value::None() : Value::Null();
  }
  int64_t i;
  unsigned char c;
  if (!ArrayIndex(ts, self, key, &i) || !ByteValue(ts, value, "byte", &c)) return Value::Null();
  self->data[i] = static_cast<char>(c);
  return Value::None();
}

Value ArrayDelItem(ThreadState& ts, const CallArgs& a) {
  if (!CheckSlotArity(ts, a, 2, 2)) return Value::Null();
  BytesObject* self = Self(a);
  Value key = a.argv[1];
  if (IsSlice(key)) return DeleteSlice(ts, self, As<SliceObject>(key)) ? Value::None() : Value::Null();
  int64_t i;
  if (!ArrayIndex(ts, self, key, &i)) return Value::Null();
  self->data.erase(static_cast<size_t>(i), 1);
  return Value::None();
}

Value ArrayIAdd(ThreadState& ts, const CallArgs& a) {
  if (!CheckSlotArity(ts, a, 2, 2)) return Value::Null();
  std::string_view other;
  if (!BytesLikeView(a.argv[1], &other))
    return RaiseTypeError(ts, absl::StrCat("can't concat ", TypeName(ts, a.argv[1]), " to bytearray"));
  if (!CheckGrowth(ts, Self(a)->data, other.size())) return Value::Null();
  std::string copy(other);  // `other` may be self
  Self(a)->data += copy;
  return a.argv[0];
}

// `self *= n`. A non-index `n` gives NotImplemented, so that BinaryOp words the error as
// CPython's operator does ("can't multiply sequence by non-int of type 'str'").
Value ArrayIMul(ThreadState& ts, const CallArgs& a) {
  if (!CheckSlotArity(ts, a, 2, 2)) return Value::Null();
  int64_t n;
  Value r;
  if (!RepeatCount(ts, a.argv[1], &n, &r)) return r;
  std::string out;
  if (!Repeated(ts, SelfView(a), n, &out)) return Value::Null();
  Self(a)->data = std::move(out);
  return a.argv[0];
}

Value ArrayAppend(ThreadState& ts, const CallArgs& a) {
  if (!Positional(ts, a, "append", 1, 1)) return Value::Null();
  unsigned char c;
  if (!ByteValue(ts, a.argv[1], "byte", &c)) return Value::Null();
  if (!CheckGrowth(ts, Self(a)->data, 1)) return Value::Null();
  Self(a)->data.push_back(static_cast<char>(c));
  return Value::None();
}

Value ArrayExtend(ThreadState& ts, const CallArgs& a) {
  if (!Positional(ts, a, "extend", 1, 1)) return Value::Null();
  Value v = a.argv[1];
  std::string add;
  std::string_view view;
  if (BytesLikeView(v, &view)) {
    add.assign(view);
  } else if (!v.is_object() || !IsIterable(ts, v)) {
    return RaiseTypeError(ts, absl::StrCat("can't extend bytearray with ", TypeName(ts, v)));
  } else if (!AppendIterable(ts, v, "byte", &add)) {
    return Value::Null();
  }
  if (!CheckGrowth(ts, Self(a)->data, add.size())) return Value::Null();
  Self(a)->data += add;
  return Value::None();
}

Value ArrayPop(ThreadState& ts, const CallArgs& a) {
  if (!Positional(ts, a, "pop", 0, 1)) return Value::Null();
  int64_t i = -1;
  if (a.nargs > 1 && !ToIndex(ts, a.argv[1], &i)) return Value::Null();
  std::string& d = Self(a)->data;
  if (d.empty()) return RaiseIndexError(ts, "pop from empty bytearray");
  if (i < 0) i += static_cast<int64_t>(d.size());
  if (i < 0 || i >= static_cast<int64_t>(d.size())) return RaiseIndexError(ts, "pop index out of range");
  auto c = static_cast<unsigned char>(d[i]);
  d.erase(static_cast<size_t>(i), 1);
  return Value::Int(c);
}

Value ArrayInsert(ThreadState& ts, const CallArgs& a) {
  if (!Positional(ts, a, "insert", 2, 2)) return Value::Null();
  int64_t i;
  unsigned char c;
  if (!ToIndex(ts, a.argv[1], &i) || !ByteValue(ts, a.argv[2], "byte", &c)) return Value::Null();
  std::string& d = Self(a)->data;
  int64_t n = static_cast<int64_t>(d.size());
  if (i < 0) i = std::max<int64_t>(i + n, 0);
  if (i > n) i = n;
  d.insert(d.begin() + i, static_cast<char>(c));
  return Value::None();
}

Value ArrayRemove(ThreadState& ts, const CallArgs& a) {
  if (!Positional(ts, a, "remove", 1, 1)) return Value::Null();
  unsigned char c;
  if (!ByteValue(ts, a.argv[1], "byte", &c)) return Value::Null();
  std::string& d = Self(a)->data;
  size_t pos = d.find(static_cast<char>(c));
  if (pos == std::string::npos) return RaiseValueError(ts, "value not found in bytearray");
  d.erase(pos, 1);
  return Value::None();
}

Value ArrayClear(ThreadState& ts, const CallArgs& a) {
  if (!Positional(ts, a, "bytearray.clear", 0, 0)) return Value::Null();
  Self(a)->data.clear();
  return Value::None();
}

Value ArrayReverse(ThreadState& ts, const CallArgs& a) {
  if (!Positional(ts, a, "bytearray.reverse", 0, 0)) return Value::Null();
  std::reverse(Self(a)->data.begin(), Self(a)->data.end());
  return Value::None();
}

Value ArrayCopy(ThreadState& ts, const CallArgs& a) {
  if (!Positional(ts, a, "bytearray.copy", 0, 0)) return Value::Null();
  return Value::Obj(NewByteArray(ts, SelfView(a)));
}

// ---------------------------------------------------------------------------------------------
// int.to_bytes / int.from_bytes (for ints of any size; they live here, beside the octets they make)

// The byteorder argument: true for big-endian. `fname` names the method in the TypeError.
bool ByteOrderArg(ThreadState& ts, Value v, std::string_view fname, bool* big) {
  *big = true;
  if (v.is_null()) return true;
  if (!IsStr(v)) {
    RaiseTypeError(ts, absl::StrCat(std::string(fname), "() argument 'byteorder' must be str, not ", TypeName(ts, v)));
    return false;
  }
  std::string_view order = As<StrObject>(v)->view();
  if (order != "big" && order != "little") {
    RaiseValueError(ts, "byteorder must be either 'little' or 'big'");
    return false;
  }
  *big = order == "big";
  return true;
}

bool SignedArg(ThreadState& ts, Value v, bool* out) {
  *out = false;
  if (v.is_null()) return true;
  int t = IsTrue(ts, v);
  *out = t > 0;
  return t >= 0;
}

// Does `v` fit in `length` octets (two's complement when `is_signed`)?
bool FitsIn(const BigNum& v, int64_t length, bool is_signed) {
  uint64_t bits = (v.negative() ? BitNot(v) : v).BitLength() + (is_signed ? 1 : 0);
  if (v.is_zero()) bits = 0;
  return bits <= static_cast<uint64_t>(length) * 8;
}

// The `length` little-endian two's-complement octets of v (which fits).
std::string LittleEndianOctets(const BigNum& v, size_t length) {
  std::string data(length, '\0');
  const auto& mag = v.mag();
  for (size_t k = 0; k < length && k / 4 < mag.size(); ++k) data[k] = static_cast<char>((mag[k / 4] >> (8 * (k % 4))) & 0xff);
  if (v.negative()) {
    // Two's complement within the length: invert, then add one.
    unsigned carry = 1;
    for (char& c : data) {
      unsigned x = static_cast<unsigned char>(~static_cast<unsigned char>(c)) + carry;
      c = static_cast<char>(x & 0xff);
      carry = x >> 8;
    }
  }
  return data;
}

Value IntToBytes(ThreadState& ts, const CallArgs& a) {
  Value out[3];
  if (!ParseArgs(ts, Rest(a), Params{"to_bytes", {"length", "byteorder", "signed"}, 0, 0, 2}, out)) return Value::Null();
  int64_t length = 1;
  bool big, is_signed;
  if (!out[0].is_null() && !ToIndex(ts, out[0], &length)) return Value::Null();
  if (!ByteOrderArg(ts, out[1], "to_bytes", &big) || !SignedArg(ts, out[2], &is_signed)) return Value::Null();
  if (length < 0) return RaiseValueError(ts, "length argument must be non-negative");
  IntRef v(a.argv[0]);
  if (!is_signed && v->negative()) return RaiseOverflowError(ts, "can't convert negative int to unsigned");
  if (!FitsIn(*v, length, is_signed)) return RaiseOverflowError(ts, "int too big to convert");
  if (!CheckSize(ts, static_cast<uint64_t>(length))) return Value::Null();
  std::string data = LittleEndianOctets(*v, static_cast<size_t>(length));
  if (big) std::reverse(data.begin(), data.end());
  return NewBytesValue(ts, data);
}

// The octets int.from_bytes reads: bytes-like, or what bytes(x) would build from an iterable.
bool FromBytesSource(ThreadState& ts, Value x, std::string* out) {
  std::string_view view;
  if (BytesLikeView(x, &view)) {
    out->assign(view);
    return true;
  }
  if (IsStr(x) || HasIndex(ts, x) || !x.is_object() || x.as_object()->kind == Kind::kType || !IsIterable(ts, x)) {
    RaiseTypeError(ts, absl::StrCat("cannot convert '", TypeName(ts, x), "' object to bytes"));
    return false;
  }
  return AppendIterable(ts, x, "bytes", out);
}

// from_bytes(bytes, byteorder='big', *, signed=False), a classmethod: argv[0] is the class.
Value IntFromBytes(ThreadState& ts, const CallArgs& a) {
  Value out[3];
  if (!ParseArgs(ts, Rest(a), Params{"from_bytes", {"bytes", "byteorder", "signed"}, 1, 0, 2}, out)) return Value::Null();
  std::string data;
  bool big, is_signed;
  if (!FromBytesSource(ts, out[0], &data) || !ByteOrderArg(ts, out[1], "from_bytes", &big) ||
      !SignedArg(ts, out[2], &is_signed))
    return Value::Null();
  if (big) std::reverse(data.begin(), data.end());
  // Now little-endian: octet k is bits 8k..8k+7 of the magnitude (or of the two's complement).
  std::vector<BigNum::Limb> limbs((data.size() + 3) / 4, 0);
  for (size_t k = 0; k < data.size(); ++k)
    limbs[k / 4] |= static_cast<BigNum::Limb>(static_cast<unsigned char>(data[k])) << (8 * (k % 4));
  BigNum n = BigNum::FromMagnitude(std::move(limbs), false);
  if (is_signed && !data.empty() && static_cast<unsigned char>(data.back()) >= 0x80)
    n = Sub(n, ShiftLeft(BigNum(1), data.size() * 8));
  Value r = MakeInt(ts, std::move(n));
  Root keep(ts, r);
  if (a.argv[0].Is(Value::Obj(ts.interp.types.int_))) return r;
  return Call(ts, a.argv[0], &r, 1);  // a subclass is built from the int, as CPython does
}

// ---------------------------------------------------------------------------------------------
// installation

constexpr char kUpper[] = "upper";
constexpr char kLower[] = "lower";
constexpr char kSwapcase[] = "swapcase";
constexpr char kTitle[] = "title";
constexpr char kCapitalize[] = "capitalize";
constexpr char kIsDigit[] = "isdigit";
constexpr char kIsAlpha[] = "isalpha";
constexpr char kIsAlnum[] = "isalnum";
constexpr char kIsSpace[] = "isspace";
constexpr char kIsUpper[] = "isupper";
constexpr char kIsLower[] = "islower";
constexpr char kIsTitle[] = "istitle";
constexpr char kIsAscii[] = "isascii";

// The methods bytes and bytearray share.
void AddSharedMethods(Interpreter& in, TypeObject* t) {
  auto add = [&](std::string_view name, NativeFn fn) { AddMethod(in, t, name, fn); };
  add("__len__", BytesLen);
  add("__repr__", BytesReprMethod);
  add("__getitem__", BytesGetItem);
  add("__contains__", BytesContains);
  add("__iter__", BytesIter);
  add("__add__", BytesAdd);
  add("__mul__", BytesMul);
  add("__rmul__", BytesMul);
  add("__mod__", BytesMod);
  add("__rmod__", BytesRMod);
  add("__eq__", BytesCompare<CmpOp::kEq>);
  add("__ne__", BytesCompare<CmpOp::kNe>);
  add("__lt__", BytesCompare<CmpOp::kLt>);
  add("__le__", BytesCompare<CmpOp::kLe>);
  add("__gt__", BytesCompare<CmpOp::kGt>);
  add("__ge__", BytesCompare<CmpOp::kGe>);
  add("decode", BytesDecode);
  add("hex", BytesHex);
  add("count", BytesCount);
  add("find", BytesFind<false, false>);
  add("rfind", BytesFind<true, false>);
  add("index", BytesFind<false, true>);
  add("rindex", BytesFind<true, true>);
  add("startswith", BytesStartsWith<false>);
  add("endswith", BytesStartsWith<true>);
  add("join", BytesJoin);
  add("split", BytesSplit<false>);
  add("rsplit", BytesSplit<true>);
  add("splitlines", BytesSplitLines);
  add("partition", BytesPartition<false>);
  add("rpartition", BytesPartition<true>);
  add("strip", BytesStrip<true, true>);
  add("lstrip", BytesStrip<true, false>);
  add("rstrip", BytesStrip<false, true>);
  add("replace", BytesReplace);
  add("center", BytesPad<'c'>);
  add("ljust", BytesPad<'l'>);
  add("rjust", BytesPad<'r'>);
  add("zfill", BytesZfill);
  add("removeprefix", BytesRemoveAffix<false>);
  add("removesuffix", BytesRemoveAffix<true>);
  add("upper", BytesMap<Upper, kUpper>);
  add("lower", BytesMap<Lower, kLower>);
  add("swapcase", BytesMap<SwapCase, kSwapcase>);
  add("title", BytesMap<Title, kTitle>);
  add("capitalize", BytesMap<Capitalize, kCapitalize>);
  add("isdigit", BytesPredicate<AllDigits, kIsDigit>);
  add("isalpha", BytesPredicate<AllAlpha, kIsAlpha>);
  add("isalnum", BytesPredicate<AllAlnum, kIsAlnum>);
  add("isspace", BytesPredicate<AllSpace, kIsSpace>);
  add("isupper", BytesPredicate<CasedAs<IsUpperC, IsLowerC>, kIsUpper>);
  add("islower", BytesPredicate<CasedAs<IsLowerC, IsUpperC>, kIsLower>);
  add("istitle", BytesPredicate<IsTitled, kIsTitle>);
  add("isascii", BytesPredicate<AllAscii, kIsAscii>);
  add("translate", BytesTranslate);
  add("expandtabs", BytesExpandTabs);
  AddClassMethod(in, t, "fromhex", FromHex);
  AddStaticMethod(in, t, "maketrans", BytesMakeTrans);
}

void AddByteArrayMethods(Interpreter& in, TypeObject* t) {
  auto add = [&](std::string_view name, NativeFn fn) { AddMethod(in, t, name, fn); };
  add("__init__", ByteArrayInit);
  add("__setitem__", ArraySetItem);
  add("__delitem__", ArrayDelItem);
  add("__iadd__", ArrayIAdd);
  add("__imul__", ArrayIMul);
  add("append", ArrayAppend);
  add("extend", ArrayExtend);
  add("pop", ArrayPop);
  add("insert", ArrayInsert);
  add("remove", ArrayRemove);
  add("clear", ArrayClear);
  add("reverse", ArrayReverse);
  add("copy", ArrayCopy);
  // Mutable, so unhashable, as CPython says by setting __hash__ to None.
  DictSetStr(t->dict, in.names.__hash__, Value::None());
}

}  // namespace

void InitBytesTypes(Interpreter& interp) {
  BuiltinTypes& t = interp.types;
  AddSharedMethods(interp, t.bytes);
  AddSharedMethods(interp, t.bytearray);
  AddMethod(interp, t.bytes, "__hash__", BytesHash);
  AddStaticMethod(interp, t.bytes, "__new__", BytesNew);
  AddStaticMethod(interp, t.bytearray, "__new__", ByteArrayNew);
  AddByteArrayMethods(interp, t.bytearray);
  AddMethod(interp, t.str, "encode", StrEncode);
  AddMethod(interp, t.int_, "to_bytes", IntToBytes);
  AddClassMethod(interp, t.int_, "from_bytes", IntFromBytes);
  InitUnicodeErrors(interp);
}

}  // namespace gilvm::vm
