// The utf-8, ascii and latin-1 codecs and the five-argument UnicodeEncodeError /
// UnicodeDecodeError (see vm/codecs.h for the invariants).
#include "vm/codecs.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "vm/bytes.h"
#include "vm/dict.h"
#include "vm/errors.h"
#include "vm/instance.h"
#include "vm/interpreter.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/str.h"
#include "vm/thread_state.h"
#include "vm/tuple.h"
#include "vm/utf8.h"

namespace gilvm::vm {

namespace {

enum class Codec { kUtf8, kAscii, kLatin1, kUnsupported, kUnknown };

const char* CodecName(Codec c) {
  switch (c) {
    case Codec::kUtf8: return "utf-8";
    case Codec::kAscii: return "ascii";
    case Codec::kLatin1: return "latin-1";
    default: return "?";
  }
}

// CPython's normalisation before the alias lookup: case-insensitive, and '-' or ' ' count as '_'.
std::string NormalizeEncoding(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (c == '-' || c == ' ') c = '_';
    else if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    out += c;
  }
  return out;
}

bool OneOf(const std::string& s, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), s) != names.end();
}

Codec LookupCodec(std::string_view name) {
  std::string n = NormalizeEncoding(name);
  if (OneOf(n, {"utf_8", "utf8", "u8", "utf", "utf8_ucs2", "utf8_ucs4", "cp65001"})) return Codec::kUtf8;
  if (OneOf(n, {"ascii", "us_ascii", "646", "ansi_x3.4_1968", "ansi_x3_4_1968", "ansi_x3.4_1986", "cp367", "csascii",
                "ibm367", "iso646_us", "iso_646.irv_1991", "iso_ir_6", "us"}))
    return Codec::kAscii;
  if (OneOf(n, {"latin_1", "latin1", "latin", "l1", "iso_8859_1", "iso8859_1", "8859", "cp819", "iso_ir_100",
                "csisolatin1", "iso_8859_1_1987", "ibm819"}))
    return Codec::kLatin1;
  // Codecs CPython has and gilvm does not: say so rather than pretend they do not exist.
  if (OneOf(n, {"utf_16", "utf16", "utf_16_le", "utf_16_be", "utf_32", "utf32", "utf_32_le", "utf_32_be", "utf_7",
                "cp1252", "windows_1252", "cp437", "cp850", "iso8859_15", "iso_8859_15", "latin9", "koi8_r",
                "mac_roman", "shift_jis", "euc_jp", "gbk", "gb2312", "big5", "idna", "unicode_escape",
                "raw_unicode_escape", "punycode"}))
    return Codec::kUnsupported;
  return Codec::kUnknown;
}

bool CheckCodec(ThreadState& ts, std::string_view encoding, Codec c) {
  if (c == Codec::kUnknown) {
    Raise(ts, ts.interp.exc.LookupError, absl::StrCat("unknown encoding: ", std::string(encoding)));
    return false;
  }
  if (c == Codec::kUnsupported) {
    Raise(ts, ts.interp.exc.NotImplementedError,
          absl::StrCat("the '", std::string(encoding),
                       "' codec is not supported by gilvm yet (only utf-8, ascii, latin-1)"));
    return false;
  }
  return true;
}

enum class Handler { kStrict, kIgnore, kReplace, kBackslash, kXmlCharRef, kUnsupported, kUnknown };

Handler LookupHandler(std::string_view errors) {
  if (errors == "strict") return Handler::kStrict;
  if (errors == "ignore") return Handler::kIgnore;
  if (errors == "replace") return Handler::kReplace;
  if (errors == "backslashreplace") return Handler::kBackslash;
  if (errors == "xmlcharrefreplace") return Handler::kXmlCharRef;
  if (errors == "surrogateescape" || errors == "surrogatepass" || errors == "namereplace")
    return Handler::kUnsupported;
  return Handler::kUnknown;
}

// Raises what an unusable handler raises; false always.
bool BadHandler(ThreadState& ts, std::string_view errors, Handler h) {
  if (h == Handler::kUnsupported)
    Raise(ts, ts.interp.exc.NotImplementedError,
          absl::StrCat("the '", std::string(errors), "' error handler is not supported by gilvm yet"));
  else
    Raise(ts, ts.interp.exc.LookupError, absl::StrCat("unknown error handler name '", std::string(errors), "'"));
  return false;
}

// Creates type(encoding, object, start, end, reason) and makes it pending; false always.
bool RaiseUnicodeError(ThreadState& ts, TypeObject* type, const char* codec, Value object, int64_t start,
                       int64_t end, std::string_view reason) {
  RootedVector args(ts);
  args.push_back(NewStrValue(ts, codec));
  args.push_back(object);  // rooted by the caller
  args.push_back(Value::Int(start));
  args.push_back(Value::Int(end));
  args.push_back(NewStrValue(ts, reason));
  Value exc = Call(ts, Value::Obj(type), args.items().data(), args.size());
  if (exc.is_null()) return false;
  // Calling a built-in exception class always builds an ExceptionObject (exceptions.cc).
  RaiseObject(ts, As<ExceptionObject>(exc));
  return false;
}

// "\xe9", "\u20ac", "\U0001f600": how CPython's messages and backslashreplace spell a code point.
std::string EscapeCodePoint(uint32_t c) {
  if (c < 0x100) return absl::StrFormat("\\x%02x", c);
  if (c < 0x10000) return absl::StrFormat("\\u%04x", c);
  return absl::StrFormat("\\U%08x", c);
}

// --- encoding --------------------------------------------------------------------------------

bool Unencodable(Codec c, uint32_t cp) {
  switch (c) {
    case Codec::kAscii: return cp >= 0x80;
    case Codec::kLatin1: return cp >= 0x100;
    default: return cp >= 0xD800 && cp <= 0xDFFF;  // utf-8: lone surrogates (from chr())
  }
}

void AppendEncoded(Codec c, uint32_t cp, std::string* out) {
  if (c == Codec::kUtf8) AppendUtf8(*out, cp);
  else out->push_back(static_cast<char>(cp));
}

// The replacement `h` writes for the code points `run` (already encodable, so appended raw).
void AppendEncodeReplacement(Handler h, const std::vector<uint32_t>& run, std::string* out) {
  for (uint32_t cp : run) {
    if (h == Handler::kReplace) out->push_back('?');
    else if (h == Handler::kBackslash) out->append(EscapeCodePoint(cp));
    else if (h == Handler::kXmlCharRef) absl::StrAppend(out, "&#", cp, ";");
  }
}

}  // namespace

bool EncodeText(ThreadState& ts, std::string_view text, std::string_view encoding, std::string_view errors,
                std::string* out) {
  Codec codec = LookupCodec(encoding);
  if (!CheckCodec(ts, encoding, codec)) return false;
  out->clear();
  out->reserve(text.size());
  int64_t pos = 0;  // code-point index of text[i]
  for (size_t i = 0; i < text.size();) {
    uint32_t cp = DecodeUtf8(text, &i);
    if (!Unencodable(codec, cp)) {
      AppendEncoded(codec, cp, out);
      ++pos;
      continue;
    }
    // A run of consecutive unencodable code points is one error, as in CPython.
    std::vector<uint32_t> run{cp};
    while (i < text.size()) {
      size_t j = i;
      uint32_t next = DecodeUtf8(text, &j);
      if (!Unencodable(codec, next)) break;
      run.push_back(next);
      i = j;
    }
    Handler h = LookupHandler(errors);
    if (h == Handler::kStrict) {
      Root obj(ts, NewStrValue(ts, text));
      const char* reason = codec == Codec::kUtf8 ? "surrogates not allowed"
                           : codec == Codec::kAscii ? "ordinal not in range(128)"
                                                    : "ordinal not in range(256)";
      return RaiseUnicodeError(ts, ts.interp.exc.UnicodeEncodeError, CodecName(codec), obj.get(), pos,
                               pos + static_cast<int64_t>(run.size()), reason);
    }
    if (h == Handler::kUnsupported || h == Handler::kUnknown) return BadHandler(ts, errors, h);
    AppendEncodeReplacement(h, run, out);
    pos += static_cast<int64_t>(run.size());
  }
  return true;
}

// --- decoding --------------------------------------------------------------------------------

namespace {

// The valid range of the second byte of a UTF-8 sequence led by `lead` (RFC 3629's table), which
// is what excludes overlong forms, surrogates and code points past U+10FFFF.
void SecondByteRange(unsigned char lead, unsigned char* lo, unsigned char* hi) {
  *lo = 0x80;
  *hi = 0xBF;
  if (lead == 0xE0) *lo = 0xA0;
  else if (lead == 0xED) *hi = 0x9F;
  else if (lead == 0xF0) *lo = 0x90;
  else if (lead == 0xF4) *hi = 0x8F;
}

// One step of the utf-8 decoder at data[i]: the sequence length (> 0) when it is valid, else 0
// with the error's [i, *err_end) range and reason, as CPython reports them.
size_t Utf8Step(std::string_view data, size_t i, size_t* err_end, const char** reason) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(data[k]); };
  unsigned char lead = b(i);
  if (lead < 0x80) return 1;
  size_t n = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
  if (n == 0) {
    *err_end = i + 1;
    *reason = "invalid start byte";
    return 0;
  }
  for (size_t k = 1; k < n; ++k) {
    if (i + k >= data.size()) {
      *err_end = data.size();
      *reason = "unexpected end of data";
      return 0;
    }
    unsigned char lo = 0x80, hi = 0xBF;
    if (k == 1) SecondByteRange(lead, &lo, &hi);
    if (b(i + k) < lo || b(i + k) > hi) {
      *err_end = i + k;
      *reason = "invalid continuation byte";
      return 0;
    }
  }
  return n;
}

// The error in data[i...] for `codec`, or 0 (and the valid length in *len) when there is none.
bool DecodeError(Codec codec, std::string_view data, size_t i, size_t* len, size_t* err_end, const char** reason) {
  auto c = static_cast<unsigned char>(data[i]);
  if (codec == Codec::kUtf8) {
    *len = Utf8Step(data, i, err_end, reason);
    return *len == 0;
  }
  *len = 1;
  if (codec == Codec::kAscii && c >= 0x80) {
    *err_end = i + 1;
    *reason = "ordinal not in range(128)";
    return true;
  }
  return false;
}

void AppendDecoded(Codec codec, std::string_view data, size_t i, size_t len, std::string* out) {
  if (codec == Codec::kUtf8) out->append(data.substr(i, len));
  else AppendUtf8(*out, static_cast<unsigned char>(data[i]));
}

}  // namespace

bool DecodeBytes(ThreadState& ts, std::string_view data, std::string_view encoding, std::string_view errors,
                 std::string* out) {
  Codec codec = LookupCodec(encoding);
  if (!CheckCodec(ts, encoding, codec)) return false;
  out->clear();
  out->reserve(data.size());
  for (size_t i = 0; i < data.size();) {
    size_t len = 0, err_end = 0;
    const char* reason = "";
    if (!DecodeError(codec, data, i, &len, &err_end, &reason)) {
      AppendDecoded(codec, data, i, len, out);
      i += len;
      continue;
    }
    Handler h = LookupHandler(errors);
    switch (h) {
      case Handler::kStrict: {
        Root obj(ts, NewBytesValue(ts, data));
        return RaiseUnicodeError(ts, ts.interp.exc.UnicodeDecodeError, CodecName(codec), obj.get(),
                                 static_cast<int64_t>(i), static_cast<int64_t>(err_end), reason);
      }
      case Handler::kIgnore: break;
      case Handler::kReplace: AppendUtf8(*out, 0xFFFD); break;
      case Handler::kBackslash:
        for (size_t k = i; k < err_end; ++k) out->append(EscapeCodePoint(static_cast<unsigned char>(data[k])));
        break;
      case Handler::kXmlCharRef:
        RaiseTypeError(ts, "don't know how to handle UnicodeDecodeError in error callback");
        return false;
      default: return BadHandler(ts, errors, h);
    }
    i = err_end;
  }
  return true;
}

// --- UnicodeEncodeError / UnicodeDecodeError ---------------------------------------------------

namespace {

constexpr const char* kAttrs[] = {"encoding", "object", "start", "end", "reason"};

// __init__(self, encoding, object, start, end, reason): the attributes CPython's have.
Value UnicodeErrorInit(ThreadState& ts, const CallArgs& a) {
  auto* e = As<ExceptionObject>(a.argv[0]);
  bool decode = e->type->IsSubtypeOf(ts.interp.exc.UnicodeDecodeError);
  if (a.nkw() > 0) return RaiseTypeError(ts, absl::StrCat(e->type->name, "() takes no keyword arguments"));
  if (a.nargs != 6)
    return RaiseTypeError(ts, absl::StrCat("function takes exactly 5 arguments (", a.nargs - 1, " given)"));
  const Value* v = a.argv + 1;
  std::string_view data;
  bool object_ok = decode ? BytesLikeView(v[1], &data) : IsStr(v[1]);
  if (!IsStr(v[0]) || !object_ok || !v[2].is_intlike() || !v[3].is_intlike() || !IsStr(v[4]))
    return RaiseTypeError(ts, absl::StrCat(e->type->name, "() arguments must be (str, ", decode ? "bytes" : "str",
                                           ", int, int, str)"));
  Root object(ts, v[1]);
  if (decode && !IsBytes(v[1])) object.set(NewBytesValue(ts, data));
  for (int k = 0; k < 5; ++k) {
    Value value = k == 1 ? object.get() : v[k];
    DictSetStr(e->dict, Intern(ts.interp, kAttrs[k]), value);
  }
  return Value::None();
}

Value Attr(ExceptionObject* e, Interpreter& in, const char* name) {
  Value v = DictGetStr(e->dict, Intern(in, name));
  return v.is_null() ? Value::None() : v;
}

// CPython's format: one character (or byte) is shown, a longer range is given as "a-b".
Value UnicodeErrorStr(ThreadState& ts, const CallArgs& a) {
  auto* e = As<ExceptionObject>(a.argv[0]);
  Interpreter& in = ts.interp;
  Value enc = Attr(e, in, "encoding"), obj = Attr(e, in, "object"), reason = Attr(e, in, "reason");
  Value start = Attr(e, in, "start"), end = Attr(e, in, "end");
  if (!IsStr(enc) || !IsStr(reason) || !start.is_intlike() || !end.is_intlike()) return NewStrValue(ts, "");
  std::string codec(As<StrObject>(enc)->view()), why(As<StrObject>(reason)->view());
  int64_t s = start.as_int(), en = end.as_int();
  bool decode = e->type->IsSubtypeOf(in.exc.UnicodeDecodeError);
  std::string_view data;
  if (decode && BytesLikeView(obj, &data) && en == s + 1 && s >= 0 && static_cast<size_t>(s) < data.size())
    return NewStrValue(ts, absl::StrFormat("'%s' codec can't decode byte 0x%02x in position %d: %s", codec,
                                           static_cast<unsigned char>(data[s]), s, why));
  if (!decode && IsStr(obj) && en == s + 1 && s >= 0 && s < As<StrObject>(obj)->length()) {
    auto* str = As<StrObject>(obj);
    size_t i = str->ByteOffset(s);
    uint32_t cp = DecodeUtf8(str->view(), &i);
    return NewStrValue(ts, absl::StrFormat("'%s' codec can't encode character '%s' in position %d: %s", codec,
                                           EscapeCodePoint(cp), s, why));
  }
  return NewStrValue(ts, absl::StrFormat("'%s' codec can't %s in position %d-%d: %s", codec,
                                         decode ? "decode bytes" : "encode characters", s, en - 1, why));
}

}  // namespace

void InitUnicodeErrors(Interpreter& interp) {
  for (TypeObject* t : {interp.exc.UnicodeEncodeError, interp.exc.UnicodeDecodeError}) {
    AddMethod(interp, t, "__init__", UnicodeErrorInit);
    AddMethod(interp, t, "__str__", UnicodeErrorStr);
  }
}

}  // namespace gilvm::vm
