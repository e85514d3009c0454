// The _json module: the native JSON decoder behind json.loads (stdlib/lib/json.py).
//
// _json.scan(s, idx, strict, object_hook, object_pairs_hook, parse_float, parse_int,
// parse_constant) decodes the one JSON value that starts at code point idx of s, calling the
// hooks that are not None as CPython's decoder calls them, and returns
//   (value, end)       on success, end being the code point index just after the value;
//   (None, msg, pos)   on a syntax error, msg and pos being what CPython's JSONDecodeError
//                      reports (json.py raises it, so the error class lives in one place).
// _json.encode(o, default, ...) is the encoder behind JSONEncoder (see Encoder), and
// _json.encode_str(s, ensure_ascii) its string escaping.
//
// Invariants:
//  - The scanner walks the UTF-8 bytes of s; every byte it tests for ('"', '\\', digits, ...)
//    is ASCII, and every byte < 0x20 is an ASCII control character, so it never looks inside a
//    multi-byte character. Positions are converted to code point indices only when reported.
//  - Every container under construction is held in a Root on the C++ stack of the call that
//    builds it, and a decoded key is rooted while its value is decoded: root before allocating.
//  - Nesting goes through ThreadState::EnterRecursion, so deep documents raise RecursionError
//    with CPython's wording instead of exhausting the C++ stack.
//  - A JSON integer outside int64 becomes a big int, within sys.set_int_max_str_digits.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "stdlib/stdlib.h"
#include "vm/bigint.h"
#include "vm/dict.h"
#include "vm/errors.h"
#include "vm/float.h"
#include "vm/instance.h"
#include "vm/int.h"
#include "vm/interpreter.h"
#include "vm/json_text.h"
#include "vm/list.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/str.h"
#include "vm/thread_state.h"
#include "vm/tuple.h"
#include "vm/utf8.h"

namespace gilvm::stdlib {

using namespace vm;  // NOLINT: a client of the native API

namespace {

// One decoding run. Methods return false on failure: either a syntax error (err_msg set, no
// exception pending) or a Python exception pending in ts.
class Scanner {
 public:
  // The decoder's hooks, each None for the default behaviour. They live in the caller's
  // argument array, which stays rooted for the whole call.
  struct Hooks {
    Value object_hook, object_pairs_hook, parse_float, parse_int, parse_constant;
  };
  Scanner(ThreadState& ts, std::string_view s, bool strict, const Hooks& hooks)
      : ts_(ts), s_(s), strict_(strict), hooks_(hooks) {}

  bool Value_(size_t i, Value* out, size_t* end);

  const char* err_msg = nullptr;
  size_t err_pos = 0;  // byte offset

 private:
  bool Fail(const char* msg, size_t pos) {
    err_msg = msg;
    err_pos = pos;
    return false;
  }
  size_t SkipWs(size_t i) const {
    while (i < s_.size() && (s_[i] == ' ' || s_[i] == '\t' || s_[i] == '\n' || s_[i] == '\r')) ++i;
    return i;
  }
  bool Literal(size_t i, std::string_view word) const { return s_.substr(i, word.size()) == word; }
  bool IsDigit(size_t i) const { return i < s_.size() && s_[i] >= '0' && s_[i] <= '9'; }
  int Hex4(size_t i) const;
  bool String(size_t i, Value* out, size_t* end);
  bool Escape(size_t bs, size_t begin, std::string& buf, size_t* end);
  bool Number(size_t i, Value* out, size_t* end);
  bool Array(size_t i, Value* out, size_t* end);
  bool Object(size_t i, Value* out, size_t* end);
  bool FinishObject(Value dict_or_pairs, Value* out);
  bool CallHook(Value hook, Value arg, Value* out);
  bool CallHookOnText(Value hook, std::string_view text, Value* out);

  ThreadState& ts_;
  std::string_view s_;
  bool strict_;
  const Hooks& hooks_;
};

// *out = hook(arg); arg must be rooted.
bool Scanner::CallHook(Value hook, Value arg, Value* out) {
  *out = Call(ts_, hook, &arg, 1);
  return !out->is_null();
}

// *out = hook(text), for parse_float, parse_int and parse_constant.
bool Scanner::CallHookOnText(Value hook, std::string_view text, Value* out) {
  Root arg(ts_, NewStrValue(ts_, text));
  if (arg.get().is_null()) return false;
  return CallHook(hook, arg.get(), out);
}

int Scanner::Hex4(size_t i) const {
  if (i + 4 > s_.size()) return -1;
  int v = 0;
  for (size_t k = i; k < i + 4; ++k) {
    char c = s_[k];
    int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

// The escape whose backslash is at bs, appended to buf; *end is set past it. `begin` is the
// opening quote, which an escape cut short by the end of the text reports.
bool Scanner::Escape(size_t bs, size_t begin, std::string& buf, size_t* end) {
  size_t n = s_.size();
  if (bs + 1 >= n) return Fail("Unterminated string starting at", begin);
  char e = s_[bs + 1];
  if (e != 'u') {
    char c;
    switch (e) {
      case '"': c = '"'; break;
      case '\\': c = '\\'; break;
      case '/': c = '/'; break;
      case 'b': c = '\b'; break;
      case 'f': c = '\f'; break;
      case 'n': c = '\n'; break;
      case 'r': c = '\r'; break;
      case 't': c = '\t'; break;
      default: return Fail("Invalid \\escape", bs);
    }
    buf += c;
    *end = bs + 2;
    return true;
  }
  // As CPython: four hex digits must be there with at least one character after them.
  if (bs + 6 >= n) return Fail("Invalid \\uXXXX escape", bs + 1);
  int code = Hex4(bs + 2);
  if (code < 0) return Fail("Invalid \\uXXXX escape", bs + 1);
  size_t e_end = bs + 6;
  if (code >= 0xD800 && code <= 0xDBFF && e_end + 6 < n && s_[e_end] == '\\' && s_[e_end + 1] == 'u') {
    int low = Hex4(e_end + 2);
    if (low < 0) return Fail("Invalid \\uXXXX escape", e_end + 1);
    if (low >= 0xDC00 && low <= 0xDFFF) {
      AppendUtf8(buf, 0x10000 + (((code - 0xD800) << 10) | (low - 0xDC00)));
      *end = e_end + 6;
      return true;
    }
  }
  AppendUtf8(buf, static_cast<uint32_t>(code));  // a lone surrogate is kept, as CPython keeps it
  *end = e_end;
  return true;
}

// The string whose opening quote is at i.
bool Scanner::String(size_t i, Value* out, size_t* end) {
  size_t begin = i, n = s_.size();
  std::string buf;
  size_t k = i + 1, run = k;
  for (;;) {
    while (k < n) {
      unsigned char c = static_cast<unsigned char>(s_[k]);
      if (c == '"' || c == '\\') break;
      if (c < 0x20 && strict_) return Fail("Invalid control character at", k);
      ++k;
    }
    if (k >= n) return Fail("Unterminated string starting at", begin);
    buf.append(s_.substr(run, k - run));
    if (s_[k] == '"') break;
    if (!Escape(k, begin, buf, &k)) return false;
    run = k;
  }
  *end = k + 1;
  *out = NewStrValue(ts_, buf);
  return !out->is_null();
}

bool Scanner::Number(size_t i, Value* out, size_t* end) {
  size_t start = i, n = s_.size();
  if (i < n && s_[i] == '-') ++i;
  if (!IsDigit(i)) return Fail("Expecting value", start);
  if (s_[i] == '0') {
    ++i;
  } else {
    while (IsDigit(i)) ++i;
  }
  bool is_float = false;
  if (i + 1 < n && s_[i] == '.' && IsDigit(i + 1)) {
    i += 2;
    while (IsDigit(i)) ++i;
    is_float = true;
  }
  if (i + 1 < n && (s_[i] == 'e' || s_[i] == 'E')) {
    size_t j = i + 1;
    if (s_[j] == '+' || s_[j] == '-') ++j;
    if (IsDigit(j)) {
      while (IsDigit(j)) ++j;
      i = j;
      is_float = true;
    }
  }
  *end = i;
  std::string_view text = s_.substr(start, i - start);
  if (is_float) {
    if (!hooks_.parse_float.is_none()) return CallHookOnText(hooks_.parse_float, text, out);
    *out = ParseFloat(ts_, text);
    return !out->is_null();
  }
  if (!hooks_.parse_int.is_none()) return CallHookOnText(hooks_.parse_int, text, out);
  int64_t v;
  auto r = std::from_chars(text.data(), text.data() + text.size(), v);
  if (r.ec != std::errc()) {
    *out = ParseInt(ts_, text, 10);  // beyond int64: a big int, as int(text) would give
    return !out->is_null();
  }
  *out = Value::Int(v);
  return true;
}

// The array whose '[' is at i.
bool Scanner::Array(size_t i, Value* out, size_t* end) {
  if (!ts_.EnterRecursion(" while decoding a JSON array from a unicode string")) return false;
  RootedPtr<ListObject> list(ts_, NewList(ts_));
  bool ok = false;
  size_t n = s_.size();
  i = SkipWs(i + 1);
  if (i < n && s_[i] == ']') {
    ok = true;
  } else {
    for (;;) {
      Value v;
      if (!Value_(i, &v, &i)) break;
      list->items.push_back(v);
      i = SkipWs(i);
      if (i < n && s_[i] == ']') {
        ok = true;
        break;
      }
      if (i >= n || s_[i] != ',') {
        Fail("Expecting ',' delimiter", i);
        break;
      }
      i = SkipWs(i + 1);
    }
  }
  ts_.LeaveRecursion();
  if (!ok) return false;
  *end = i + 1;
  *out = Value::Obj(list.get());
  return true;
}

// The object whose '{' is at i.
bool Scanner::Object(size_t i, Value* out, size_t* end) {
  if (!ts_.EnterRecursion(" while decoding a JSON object from a unicode string")) return false;
  // Without object_pairs_hook the pairs go straight into a dict; with it, into a list of tuples.
  bool pairs = !hooks_.object_pairs_hook.is_none();
  Root items(ts_, pairs ? Value::Obj(NewList(ts_)) : Value::Obj(NewDict(ts_)));
  bool ok = false;
  size_t n = s_.size();
  i = SkipWs(i + 1);
  if (i < n && s_[i] == '}') {
    ok = true;
  } else {
    for (;;) {
      if (i >= n || s_[i] != '"') {
        Fail("Expecting property name enclosed in double quotes", i);
        break;
      }
      Root key(ts_);
      if (!String(i, key.slot(), &i)) break;
      i = SkipWs(i);
      if (i >= n || s_[i] != ':') {
        Fail("Expecting ':' delimiter", i);
        break;
      }
      Root v(ts_);
      if (!Value_(SkipWs(i + 1), v.slot(), &i)) break;
      if (pairs) {
        TupleObject* pair = NewTuple(ts_, {key.get(), v.get()});
        items.as<ListObject>()->items.push_back(Value::Obj(pair));
      } else {
        DictSetStr(items.as<DictObject>(), key.as<StrObject>(), v.get());  // never allocates a GC object
      }
      i = SkipWs(i);
      if (i < n && s_[i] == '}') {
        ok = true;
        break;
      }
      if (i >= n || s_[i] != ',') {
        Fail("Expecting ',' delimiter", i);
        break;
      }
      i = SkipWs(i + 1);
    }
  }
  ts_.LeaveRecursion();
  if (!ok) return false;
  *end = i + 1;
  return FinishObject(items.get(), out);
}

// The decoded object as the hooks want it: object_pairs_hook(pairs), object_hook(dict) or the
// dict itself. dict_or_pairs is rooted by the caller.
bool Scanner::FinishObject(Value dict_or_pairs, Value* out) {
  if (!hooks_.object_pairs_hook.is_none()) return CallHook(hooks_.object_pairs_hook, dict_or_pairs, out);
  if (!hooks_.object_hook.is_none()) return CallHook(hooks_.object_hook, dict_or_pairs, out);
  *out = dict_or_pairs;
  return true;
}

bool Scanner::Value_(size_t i, Value* out, size_t* end) {
  if (i >= s_.size()) return Fail("Expecting value", i);
  switch (s_[i]) {
    case '"': return String(i, out, end);
    case '[': return Array(i, out, end);
    case '{': return Object(i, out, end);
    default: break;
  }
  struct Word {
    std::string_view text;
    Value value;
  };
  static constexpr double kInf = __builtin_inf();
  const Word words[] = {{"null", Value::None()},          {"true", Value::Bool(true)},
                        {"false", Value::Bool(false)},    {"NaN", Value::Float(__builtin_nan(""))},
                        {"Infinity", Value::Float(kInf)}, {"-Infinity", Value::Float(-kInf)}};
  for (const Word& w : words) {
    if (s_[i] == w.text[0] && Literal(i, w.text)) {
      *end = i + w.text.size();
      if (w.value.is_float() && !hooks_.parse_constant.is_none())
        return CallHookOnText(hooks_.parse_constant, w.text, out);
      *out = w.value;
      return true;
    }
  }
  return Number(i, out, end);
}

// Code point index of byte offset `byte` in s (counts the bytes that start a character).
int64_t CodePointIndex(const StrObject* s, size_t byte) {
  if (s->ascii()) return static_cast<int64_t>(byte);
  int64_t n = 0;
  for (size_t k = 0; k < byte; ++k)
    if ((static_cast<unsigned char>(s->view()[k]) & 0xC0) != 0x80) ++n;
  return n;
}

// _json.scan(s, idx, strict): see the comment at the top of the file.
Value Scan(ThreadState& ts, const CallArgs& a) {
  if (!NoKeywords(ts, a, "scan") || !ArgCountBetween(ts, a, "scan", 8, 8)) return Value::Null();
  if (!IsStr(a.argv[0])) return RaiseTypeError(ts, "scan() argument 1 must be str");
  if (!a.argv[1].is_int()) return RaiseTypeError(ts, "scan() argument 2 must be int");
  auto* s = As<StrObject>(a.argv[0]);
  int64_t idx = a.argv[1].as_int();
  if (idx < 0 || idx > s->length()) {
    Root msg(ts, NewStrValue(ts, "Expecting value"));
    return Value::Obj(NewTuple(ts, {Value::None(), msg.get(), Value::Int(idx)}));
  }
  Scanner::Hooks hooks{a.argv[3], a.argv[4], a.argv[5], a.argv[6], a.argv[7]};
  Scanner scanner(ts, s->view(), a.argv[2].is_intlike() && a.argv[2].as_int() != 0, hooks);
  Root value(ts);
  size_t end = 0;
  if (scanner.Value_(s->ByteOffset(idx), value.slot(), &end))
    return Value::Obj(NewTuple(ts, {value.get(), Value::Int(CodePointIndex(s, end))}));
  if (ts.exc != nullptr) return Value::Null();
  Root msg(ts, NewStrValue(ts, scanner.err_msg));
  return Value::Obj(NewTuple(ts, {Value::None(), msg.get(), Value::Int(CodePointIndex(s, scanner.err_pos))}));
}

bool IsBoolArg(Value v) { return v.is_intlike() && v.as_int() != 0; }

// _json.encode_str(s, ensure_ascii): s as a quoted JSON string (AppendJsonString).
Value EncodeStr(ThreadState& ts, const CallArgs& a) {
  if (!NoKeywords(ts, a, "encode_str") || !ArgCountBetween(ts, a, "encode_str", 2, 2)) return Value::Null();
  if (!IsStr(a.argv[0])) return RaiseTypeError(ts, "encode_str() argument 1 must be str");
  std::string out;
  AppendJsonString(out, As<StrObject>(a.argv[0])->view(), IsBoolArg(a.argv[1]));
  return NewStrValue(ts, out);
}

// The encoder: JSON text for a document, with CPython's output and errors. Containers are
// rooted while they are encoded, because default() and sorting run Python code that may drop
// them; a dict's items are copied into a RootedVector first (CPython's encoder snapshots them
// too), a list is re-read live after every item. `markers_` holds the containers and default()
// arguments on the current path, for check_circular; the frames that pushed them root them.
class Encoder {
 public:
  explicit Encoder(ThreadState& ts) : ts_(ts) {}

  Value default_fn;  // JSONEncoder.default, bound; rooted in the caller's arguments
  bool check_circular = true, ensure_ascii = true, allow_nan = true, sort_keys = false, skipkeys = false;
  bool has_indent = false;
  std::string_view indent, item_sep, key_sep;  // views into rooted argument strings
  std::string out;

  // false: exception pending.
  bool Encode(Value v, int level) {
    if (v.is_none()) return out += "null", true;
    if (v.is_bool()) return out += v.as_bool() ? "true" : "false", true;
    if (v.is_int()) return out += std::to_string(v.as_int()), true;
    if (IsBigInt(v)) return BigInt(v);
    if (v.is_float()) return Float(v.as_float());
    if (IsStr(v)) return AppendJsonString(out, As<StrObject>(v)->view(), ensure_ascii), true;
    if (IsList(v) || IsTuple(v) || IsDict(v)) return Container(v, level);
    return Default(v, level);
  }

 private:
  bool BigInt(Value v) {
    std::string digits;
    if (!AnyIntToDecimal(ts_, v, &digits)) return false;
    return out += digits, true;
  }
  bool Float(double d) {
    if (std::isfinite(d)) return out += FloatRepr(d), true;
    if (!allow_nan) {
      RaiseValueError(ts_, "Out of range float values are not JSON compliant");
      return false;
    }
    out += std::isnan(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
    return true;
  }
  // Marks o as being encoded; false (ValueError pending) if it already is: a cycle.
  bool Enter(Value o) {
    if (!check_circular) return true;
    for (Object* m : markers_) {
      if (m == o.as_object()) {
        RaiseValueError(ts_, "Circular reference detected");
        return false;
      }
    }
    markers_.push_back(o.as_object());
    return true;
  }
  void Leave() {
    if (check_circular) markers_.pop_back();
  }
  bool Default(Value o, int level) {
    if (!o.is_object()) return Encode(Value::None(), level);  // not reached: every scalar is handled
    Root keep(ts_, o);
    if (!Enter(o)) return false;
    Root replacement(ts_, Call(ts_, default_fn, &o, 1));
    bool ok = !replacement.get().is_null() && Encode(replacement.get(), level);
    Leave();
    return ok;
  }
  bool Container(Value v, int level) {
    Root keep(ts_, v);
    if (!ts_.EnterRecursion(" while encoding a JSON object")) return false;
    bool ok = Enter(v);
    if (ok) {
      ok = IsDict(v) ? Dict(As<DictObject>(v), level) : Array(v, level);
      Leave();
    }
    ts_.LeaveRecursion();
    return ok;
  }
  void Newline(int level) {
    out += '\n';
    for (int i = 0; i < level; ++i) out += indent;
  }
  // seq is rooted by Container. A list is read live, its size re-read after every item, as
  // CPython's encoder does: default() may change it.
  bool Array(Value seq, int level) {
    if (SequenceItems(seq).empty()) return out += "[]", true;
    out += '[';
    if (has_indent) Newline(level + 1);
    for (size_t i = 0; i < SequenceItems(seq).size(); ++i) {
      if (i > 0) {
        out += item_sep;
        if (has_indent) Newline(level + 1);
      }
      if (!Encode(SequenceItems(seq)[i], level + 1)) return false;
    }
    if (has_indent) Newline(level);
    out += ']';
    return true;
  }
  // Appends a key as a JSON string; false with TypeError pending for a key JSON cannot have,
  // unless skipkeys, which sets *skip instead.
  bool Key(Value k, bool* skip) {
    *skip = false;
    if (IsStr(k)) return AppendJsonString(out, As<StrObject>(k)->view(), ensure_ascii), true;
    if (k.is_float() || k.is_none() || k.is_bool() || k.is_int() || IsBigInt(k)) {
      out += '"';
      if (!Encode(k, 0)) return false;
      out += '"';
      return true;
    }
    if (skipkeys) return *skip = true, true;
    RaiseTypeError(ts_, absl::StrCat("keys must be str, int, float, bool or None, not ", TypeName(ts_, k)));
    return false;
  }
  bool Dict(DictObject* d, int level) {
    if (d->size() == 0) return out += "{}", true;
    RootedVector kv(ts_);  // key0, value0, key1, value1...
    if (!Items(d, kv)) return false;
    out += '{';
    if (has_indent) Newline(level + 1);
    bool first = true;
    for (size_t i = 0; i < kv.size(); i += 2) {
      size_t mark = out.size();
      if (!first) {
        out += item_sep;
        if (has_indent) Newline(level + 1);
      }
      bool skip;
      if (!Key(kv[i], &skip)) return false;
      if (skip) {
        out.resize(mark);
        continue;
      }
      first = false;
      out += key_sep;
      if (!Encode(kv[i + 1], level + 1)) return false;
    }
    if (has_indent) Newline(level);  // even when skipkeys dropped every key, as CPython does
    out += '}';
    return true;
  }
  // d's items into kv, sorted as sorted(d.items()) sorts them when sort_keys is set.
  bool Items(DictObject* d, RootedVector& kv) {
    bool all_str = true;
    for (const DictObject::Entry& e : d->entries) {
      if (e.key.is_null()) continue;
      kv.push_back(e.key);
      kv.push_back(e.value);
      all_str = all_str && IsStr(e.key);
    }
    if (!sort_keys) return true;
    if (all_str) {
      // Distinct str keys: their UTF-8 byte order is code point order, as Python compares.
      std::vector<std::pair<std::string_view, size_t>> order;
      for (size_t i = 0; i < kv.size(); i += 2) order.emplace_back(As<StrObject>(kv[i])->view(), i);
      std::sort(order.begin(), order.end());
      std::vector<Value> sorted;
      for (auto& [key, i] : order) sorted.insert(sorted.end(), {kv[i], kv[i + 1]});
      kv.items() = std::move(sorted);
      return true;
    }
    return SortWithPython(kv);
  }
  // Mixed keys: sorted() on the (key, value) tuples, so comparisons and their TypeError are
  // Python's own.
  bool SortWithPython(RootedVector& kv) {
    RootedPtr<ListObject> pairs(ts_, NewList(ts_));
    for (size_t i = 0; i < kv.size(); i += 2) {
      TupleObject* t = NewTuple(ts_, {kv[i], kv[i + 1]});
      pairs->items.push_back(Value::Obj(t));
    }
    Value sorted_fn = DictGetStr(ts_.interp.builtins, Intern(ts_.interp, "sorted"));
    Value arg = Value::Obj(pairs.get());
    Root sorted(ts_, Call(ts_, sorted_fn, &arg, 1));
    if (sorted.get().is_null()) return false;
    kv.items().clear();
    for (Value t : As<ListObject>(sorted.get())->items) {
      kv.push_back(As<TupleObject>(t)->items[0]);
      kv.push_back(As<TupleObject>(t)->items[1]);
    }
    return true;
  }

  ThreadState& ts_;
  std::vector<Object*> markers_;
};

// _json.encode(o, default, check_circular, ensure_ascii, allow_nan, sort_keys, skipkeys,
// indent, item_separator, key_separator): the JSON text of o (json.py checks the types).
Value Encode(ThreadState& ts, const CallArgs& a) {
  if (!NoKeywords(ts, a, "encode") || !ArgCountBetween(ts, a, "encode", 10, 10)) return Value::Null();
  Value indent = a.argv[7], item_sep = a.argv[8], key_sep = a.argv[9];
  // Worded as CPython's C encoder words them (its argument numbers).
  if (!IsStr(key_sep))
    return RaiseTypeError(ts, absl::StrCat("make_encoder() argument 5 must be str, not ", TypeName(ts, key_sep)));
  if (!IsStr(item_sep))
    return RaiseTypeError(ts, absl::StrCat("make_encoder() argument 6 must be str, not ", TypeName(ts, item_sep)));
  if (!indent.is_none() && !IsStr(indent)) return RaiseTypeError(ts, "encode() indent must be str or None");
  Encoder enc(ts);
  enc.default_fn = a.argv[1];
  enc.check_circular = IsBoolArg(a.argv[2]);
  enc.ensure_ascii = IsBoolArg(a.argv[3]);
  enc.allow_nan = IsBoolArg(a.argv[4]);
  enc.sort_keys = IsBoolArg(a.argv[5]);
  enc.skipkeys = IsBoolArg(a.argv[6]);
  enc.has_indent = IsStr(indent);
  if (enc.has_indent) enc.indent = As<StrObject>(indent)->view();
  enc.item_sep = As<StrObject>(item_sep)->view();
  enc.key_sep = As<StrObject>(key_sep)->view();
  if (!enc.Encode(a.argv[0], 0)) return Value::Null();
  return NewStrValue(ts, enc.out);
}

ModuleObject* MakeJsonModule(ThreadState& ts) {
  RootedPtr<ModuleObject> m(ts, NewNativeModule(ts, "_json"));
  AddFunctions(ts.interp, m->dict, {{"scan", Scan}, {"encode_str", EncodeStr}, {"encode", Encode}});
  return m.get();
}

}  // namespace

void RegisterJsonModule(Interpreter& in) { in.native_modules["_json"] = MakeJsonModule; }

}  // namespace gilvm::stdlib
