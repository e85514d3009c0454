// _re: the native core of the `re` module, on RE2. stdlib/lib/re.py does everything that needs
// no speed (translating Python's pattern syntax to RE2's, Pattern and Match objects, templates,
// the caching); this file compiles translated patterns and runs them: one match per call for
// match/search/fullmatch/finditer, or a whole scan per call for findall/split/sub.
//
// Invariants:
//  - A compiled pattern is an opaque `_re.RE2` object (Re2Code) owning up to four
//    RE2 programs; RE2 programs are immutable after construction and safe to run from any thread,
//    which is what lets a long match run with the GIL released.
//  - Positions cross this boundary as code-point indices (Python's), never bytes. The subject
//    str is UTF-8 (vm/str.h); pos/endpos are turned into byte offsets with StrObject::ByteOffset
//    and results back into code points by counting UTF-8 lead bytes from a known point.
//  - Python's `$` (without MULTILINE) matches at the end or before a final "\n"; RE2's cannot.
//    re.py emits two sources for such patterns: `$` as `\z` (exact when the subject does not end
//    with "\n") and `$` as `(?m:$)` (exact when the only "\n" in the searched range is the final
//    one). Any other subject is refused with re.error rather than matched differently.
//  - Results that re.py must raise as re.error come back as a str (the message); a match comes
//    back as a flat tuple (start0, end0, start1, end1, ...) with -1 for a group that did not
//    take part; no match is None.
#include <re2/re2.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>

#include "stdlib/stdlib.h"
#include "vm/dict.h"
#include "vm/errors.h"
#include "vm/instance.h"
#include "vm/interpreter.h"
#include "vm/list.h"
#include "vm/native.h"
#include "vm/str.h"
#include "vm/thread_state.h"
#include "vm/tuple.h"

namespace gilvm::stdlib {

using namespace gilvm::vm;

namespace {

// Subjects longer than this (in bytes, from pos to endpos) are matched with the GIL released.
// RE2 cannot be interrupted or asked to poll, so a match over megabytes would otherwise keep
// every other thread (and Ctrl-C delivery) waiting for its whole run. Below it, the two GIL
// hand-overs would cost more than the match.
constexpr size_t kReleaseGilBytes = 64 * 1024;

enum DollarMode { kDollarAtEnd = 0, kDollarBeforeNewline = 1 };

// A compiled pattern. An instance layout with a (unused) dict, so it needs no Kind of its own;
// natives recognise it with dynamic_cast, so a plain instance of its type is refused.
struct Re2Code : InstanceObject {
  Re2Code(TypeObject* t, DictObject* d) : InstanceObject(t, d) {}
  size_t ExtraBytes() const override {
    size_t n = 0;
    for (const auto& per_mode : programs)
      for (const auto& p : per_mode)
        if (p) n += static_cast<size_t>(p->ProgramSize()) * 16;
    return n + sources[0].capacity() + sources[1].capacity();
  }
  // The RE2 source per DollarMode (sources[1] is empty when the pattern has no Python `$`).
  std::string sources[2];
  // programs[mode][longest]: the leftmost-first program, and the leftmost-longest one used only
  // to check the empty-match rule (compiled on first need).
  std::unique_ptr<RE2> programs[2][2];
  bool has_dollar = false;
  // \b or \B with Unicode semantics: RE2's are ASCII-only, which agrees with Python's only on
  // subjects without non-ASCII letters or digits (see UnicodeWordBoundaryError).
  bool unicode_word_boundary = false;
  bool nullable = false;  // can match the empty string: scans need the leftmost-longest program
  int ngroups = 0;
};

std::unique_ptr<RE2> CompileProgram(const std::string& src, bool longest) {
  RE2::Options opts;
  opts.set_log_errors(false);
  opts.set_longest_match(longest);
  opts.set_max_mem(int64_t{64} << 20);
  return std::make_unique<RE2>(src, opts);
}

// The program for `mode`, compiling it on first use; null with re's message in *err.
const RE2* Program(Re2Code* code, int mode, bool longest, std::string* err) {
  auto& slot = code->programs[mode][longest ? 1 : 0];
  if (!slot) slot = CompileProgram(code->sources[mode], longest);
  if (!slot->ok()) {
    *err = "gilvm's re (RE2) cannot compile this pattern: " + slot->error();
    return nullptr;
  }
  return slot.get();
}

Re2Code* CodeArg(ThreadState& ts, Value v) {
  Re2Code* code = v.is_object() ? dynamic_cast<Re2Code*>(v.as_object()) : nullptr;
  if (code == nullptr) RaiseTypeError(ts, "_re: expected a compiled RE2 program");
  return code;
}

// _re.RE2(src_end, src_newline_or_None, unicode_word_boundary, ngroups, nullable): a compiled pattern,
// or a str holding the message for re.error when RE2 refuses the translated pattern.
Value Re2New(ThreadState& ts, const CallArgs& a) {
  CallArgs rest{a.argv + 1, a.nargs - 1, a.kwnames};
  if (!NoKeywords(ts, rest, "RE2") || !ArgCountBetween(ts, rest, "RE2", 5, 5)) return Value::Null();
  const Value* v = rest.argv;
  // The type only needs an instance layout (Re2Code is one), whatever calls __new__ with it.
  if (!IsObjectOfKind(a.argv[0], Kind::kType) || As<TypeObject>(a.argv[0])->instance_kind != Kind::kInstance ||
      !IsStr(v[0]) || !(v[1].is_none() || IsStr(v[1])) || !v[3].is_int() || v[3].as_int() < 0)
    return RaiseTypeError(ts, "_re.RE2: bad arguments");
  RootedPtr<DictObject> dict(ts, NewDict(ts));
  RootedPtr<Re2Code> code(ts, ts.interp.heap.New<Re2Code>(As<TypeObject>(a.argv[0]), dict.get()));
  code->sources[kDollarAtEnd] = As<StrObject>(v[0])->view();
  code->has_dollar = !v[1].is_none();
  if (code->has_dollar) code->sources[kDollarBeforeNewline] = As<StrObject>(v[1])->view();
  code->unicode_word_boundary = v[2].is_bool() ? v[2].as_bool() : false;
  code->ngroups = static_cast<int>(v[3].as_int());
  code->nullable = v[4].is_bool() && v[4].as_bool();
  std::string err;
  const RE2* re = Program(code.get(), kDollarAtEnd, false, &err);
  if (re == nullptr) return NewStrValue(ts, err);
  if (re->NumberOfCapturingGroups() != code->ngroups)
    return NewStrValue(ts, "gilvm's re: internal error (group count differs after translation)");
  return Value::Obj(code.get());
}

// Code points in the UTF-8 bytes [p, p + n): the bytes that do not continue a sequence.
int64_t CountCodePoints(const char* p, size_t n) {
  int64_t count = 0;
  for (size_t i = 0; i < n; ++i) count += (static_cast<unsigned char>(p[i]) & 0xC0) != 0x80;
  return count;
}

// Which `$` program fits the searched range [bpos, bend) of `text`, or a message for re.error.
// `checked`: the caller already passed this check for a range that starts no later.
bool ChooseDollarMode(const Re2Code* code, std::string_view text, size_t bpos, size_t bend, bool checked,
                      int* mode, std::string* err) {
  *mode = kDollarAtEnd;
  if (!code->has_dollar || bend == 0 || text[bend - 1] != '\n') return true;
  *mode = kDollarBeforeNewline;
  if (checked || bend - 1 <= bpos || std::memchr(text.data() + bpos, '\n', bend - 1 - bpos) == nullptr) return true;
  *err = "gilvm's re (RE2) does not support '$' without MULTILINE on a string that has a newline "
         "before its final newline; use re.MULTILINE or \\Z";
  return false;
}

// One RE2 match; the GIL is released around it for long subjects (see kReleaseGilBytes). The
// subject's bytes and the program stay valid meanwhile: the str and the RE2 object are
// arguments of the running native, so they are rooted, and the heap never moves objects.
bool RunMatch(ThreadState& ts, const RE2* re, std::string_view text, size_t bpos, size_t bend,
              RE2::Anchor anchor, re2::StringPiece* groups, int n) {
  re2::StringPiece subject(text.data(), bend);
  if (bend - bpos < kReleaseGilBytes) return re->Match(subject, bpos, bend, anchor, groups, n);
  GilReleaseGuard unlocked(ts);
  return re->Match(subject, bpos, bend, anchor, groups, n);
}

// The flat span tuple for a match found from code point `pos` (byte `bpos`).
Value SpanTuple(ThreadState& ts, const StrObject* s, int64_t pos, size_t bpos, const re2::StringPiece* groups,
                int n) {
  std::vector<Value> spans(static_cast<size_t>(n) * 2, Value::Int(-1));
  const char* base = s->view().data();
  size_t start0 = static_cast<size_t>(groups[0].data() - base);
  int64_t cp0 = s->ascii() ? static_cast<int64_t>(start0) : pos + CountCodePoints(base + bpos, start0 - bpos);
  for (int i = 0; i < n; ++i) {
    if (groups[i].data() == nullptr) continue;
    size_t b = static_cast<size_t>(groups[i].data() - base);
    size_t e = b + groups[i].size();
    int64_t cb, ce;
    if (s->ascii()) {
      cb = static_cast<int64_t>(b), ce = static_cast<int64_t>(e);
    } else {
      // Without lookaround every group lies inside the whole match: count from its start.
      cb = cp0 + CountCodePoints(base + start0, b - start0);
      ce = cb + CountCodePoints(base + b, e - b);
    }
    spans[2 * i] = Value::Int(cb);
    spans[2 * i + 1] = Value::Int(ce);
  }
  return Value::Obj(NewTuple(ts, std::move(spans)));
}

enum MatchMode { kSearch = 0, kMatch = 1, kFullMatch = 2, kSearchAfterEmpty = 3 };
// Or'ed into the mode by a caller that already checked the subject, for \b and `$`, from a
// position no later (finditer's iterator checks once, so the subject is not scanned per match).
constexpr int64_t kSubjectChecked = 8;

// RE2's \b treats every non-ASCII character as a non-word character; Python's \w also has the
// non-ASCII letters and digits. So RE2's \b is Python's exactly when the subject has none of
// them. The program (immutable, so sharing it between interpreters is safe) finds one.
const RE2& NonAsciiWordChar() {
  static const RE2 re("[^\\x00-\\x7f\\P{L}]|[^\\x00-\\x7f\\P{N}]");
  return re;
}

// Null when a Unicode \b can run on `s` (up to byte `bend`), else re.error's message.
const char* UnicodeWordBoundaryError(const Re2Code* code, const StrObject* s, size_t bend) {
  if (!code->unicode_word_boundary || s->ascii()) return nullptr;
  if (!RE2::PartialMatch(re2::StringPiece(s->view().data(), bend), NonAsciiWordChar())) return nullptr;
  return "gilvm's re (RE2) does not support \\b or \\B on a string with non-ASCII letters or digits "
         "without re.ASCII";
}

// code.check_subject(string, pos, endpos): None, or the message re.py raises for this subject.
Value Re2CheckSubject(ThreadState& ts, const CallArgs& a) {
  if (!NoKeywords(ts, a, "check_subject") || !ArgCountBetween(ts, a, "check_subject", 4, 4)) return Value::Null();
  Re2Code* code = CodeArg(ts, a.argv[0]);
  if (code == nullptr) return Value::Null();
  if (!IsStr(a.argv[1]) || !a.argv[2].is_int() || !a.argv[3].is_int())
    return RaiseTypeError(ts, "_re.RE2.check_subject: bad arguments");
  const StrObject* s = As<StrObject>(a.argv[1]);
  int64_t endpos = std::clamp<int64_t>(a.argv[3].as_int(), 0, s->length());
  int64_t pos = std::clamp<int64_t>(a.argv[2].as_int(), 0, endpos);
  size_t bend = s->ByteOffset(endpos);
  const char* wb = UnicodeWordBoundaryError(code, s, bend);
  if (wb != nullptr) return NewStrValue(ts, wb);
  std::string err;
  int dollar;
  if (!ChooseDollarMode(code, s->view(), s->ByteOffset(pos), bend, false, &dollar, &err)) return NewStrValue(ts, err);
  return Value::None();
}

// code.match(string, pos, endpos, mode): see MatchMode. pos and endpos are code-point indices
// already clamped by re.py (0 <= pos, endpos <= len(string)). kSearchAfterEmpty implements
// Python's rule after an empty match at pos: the next match must not be empty at pos. RE2 cannot
// ask for "the first non-empty match at pos" in backtracking order, so when a non-empty match
// exists at pos (found with the leftmost-longest program) the call reports re.error instead of
// picking one that might differ from CPython's; otherwise the search resumes at pos + 1.
Value Re2Match(ThreadState& ts, const CallArgs& a) {
  if (!NoKeywords(ts, a, "match") || !ArgCountBetween(ts, a, "match", 5, 5)) return Value::Null();
  Re2Code* code = CodeArg(ts, a.argv[0]);
  if (code == nullptr) return Value::Null();
  if (!IsStr(a.argv[1]) || !a.argv[2].is_int() || !a.argv[3].is_int() || !a.argv[4].is_int())
    return RaiseTypeError(ts, "_re.RE2.match: bad arguments");
  const StrObject* s = As<StrObject>(a.argv[1]);
  int64_t pos = a.argv[2].as_int(), endpos = a.argv[3].as_int(), mode = a.argv[4].as_int();
  bool checked = (mode & kSubjectChecked) != 0;
  mode &= ~kSubjectChecked;
  if (pos < 0 || endpos > s->length() || mode < kSearch || mode > kSearchAfterEmpty)
    return RaiseValueError(ts, "_re.RE2.match: bad range");
  if (pos > endpos) return Value::None();
  size_t bpos = s->ByteOffset(pos), bend = s->ByteOffset(endpos);
  if (!checked) {
    if (const char* wb = UnicodeWordBoundaryError(code, s, bend)) return NewStrValue(ts, wb);
  }
  std::string err;
  int dollar;
  if (!ChooseDollarMode(code, s->view(), bpos, bend, checked, &dollar, &err)) return NewStrValue(ts, err);
  const RE2* re = Program(code, dollar, false, &err);
  if (re == nullptr) return NewStrValue(ts, err);
  int n = code->ngroups + 1;
  std::vector<re2::StringPiece> groups(static_cast<size_t>(n));
  RE2::Anchor anchor = mode == kMatch ? RE2::ANCHOR_START : mode == kFullMatch ? RE2::ANCHOR_BOTH : RE2::UNANCHORED;
  if (mode == kSearchAfterEmpty) {
    const RE2* longest = Program(code, dollar, true, &err);
    if (longest == nullptr) return NewStrValue(ts, err);
    re2::StringPiece whole;
    if (RunMatch(ts, longest, s->view(), bpos, bend, RE2::ANCHOR_START, &whole, 1) && !whole.empty())
      return NewStrValue(ts, "gilvm's re (RE2) cannot reproduce Python's choice after an empty match "
                             "when a non-empty match starts at the same position");
    if (pos == endpos) return Value::None();
    pos += 1;
    bpos = s->ByteOffset(pos);
  }
  if (!RunMatch(ts, re, s->view(), bpos, bend, anchor, groups.data(), n)) return Value::None();
  return SpanTuple(ts, s, pos, bpos, groups.data(), n);
}

// ---- Whole scans: findall, split, sub and the spans behind finditer-like loops.
//
// A scan runs every RE2 search of the loop in C++, with 3.7's empty-match rule (as
// kSearchAfterEmpty above), and only then builds Python objects; over a long subject the whole
// loop runs with the GIL released (it touches only the subject's bytes and the RE2 programs,
// all compiled beforehand).

struct Scan {
  std::vector<re2::StringPiece> groups;  // ngroups + 1 pieces per match, in order
  int n = 0;                             // pieces per match
  size_t matches() const { return n == 0 ? 0 : groups.size() / static_cast<size_t>(n); }
  const re2::StringPiece* match(size_t i) const { return groups.data() + i * static_cast<size_t>(n); }
};

// The byte just after the UTF-8 character that starts at `p`.
size_t NextCharByte(std::string_view text, size_t p) {
  ++p;
  while (p < text.size() && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) ++p;
  return p;
}

// The search loop proper; runs with or without the GIL (it touches no interpreter object).
void ScanLoop(const RE2* re, const RE2* longest, std::string_view text, size_t bpos, size_t bend, int64_t limit,
              Scan* out, std::string* err) {
  re2::StringPiece subject(text.data(), bend);
  std::vector<re2::StringPiece> groups(static_cast<size_t>(out->n));
  size_t p = bpos;
  bool after_empty = false;
  for (int64_t found = 0; limit <= 0 || found < limit; ++found) {
    size_t start = p;
    if (after_empty) {
      re2::StringPiece whole;
      if (longest->Match(subject, p, bend, RE2::ANCHOR_START, &whole, 1) && !whole.empty()) {
        *err = "gilvm's re (RE2) cannot reproduce Python's choice after an empty match when a non-empty match "
               "starts at the same position";
        return;
      }
      if (p >= bend) return;
      start = NextCharByte(text.substr(0, bend), p);
    }
    if (!re->Match(subject, start, bend, RE2::UNANCHORED, groups.data(), out->n)) return;
    out->groups.insert(out->groups.end(), groups.begin(), groups.end());
    p = static_cast<size_t>(groups[0].data() - text.data()) + groups[0].size();
    after_empty = groups[0].empty();
  }
}

// Scans s[pos:endpos] (code points) for at most `limit` matches (0: all). False with the message
// for re.error in *err.
bool RunScan(ThreadState& ts, Re2Code* code, const StrObject* s, int64_t pos, int64_t endpos, int64_t limit,
             Scan* out, std::string* err) {
  pos = std::clamp<int64_t>(pos, 0, s->length());
  endpos = std::clamp<int64_t>(endpos, 0, s->length());
  out->n = code->ngroups + 1;
  if (pos > endpos) return true;
  size_t bpos = s->ByteOffset(pos), bend = s->ByteOffset(endpos);
  if (const char* wb = UnicodeWordBoundaryError(code, s, bend)) {
    *err = wb;
    return false;
  }
  int dollar;
  if (!ChooseDollarMode(code, s->view(), bpos, bend, false, &dollar, err)) return false;
  const RE2* re = Program(code, dollar, false, err);
  const RE2* longest = re != nullptr && code->nullable ? Program(code, dollar, true, err) : re;
  if (re == nullptr || longest == nullptr) return false;
  if (bend - bpos < kReleaseGilBytes) {
    ScanLoop(re, longest, s->view(), bpos, bend, limit, out, err);
  } else {
    // See RunMatch: the str and the programs are rooted arguments; nothing else is touched.
    GilReleaseGuard unlocked(ts);
    ScanLoop(re, longest, s->view(), bpos, bend, limit, out, err);
  }
  return err->empty();
}

// Checks a scan method's arguments: self, a str, then ints at the indexes from `first_int` on.
bool ScanArgs(ThreadState& ts, const CallArgs& a, const char* name, size_t nargs, size_t first_int,
              Re2Code** code) {
  if (!NoKeywords(ts, a, name) || !ArgCountBetween(ts, a, name, nargs, nargs)) return false;
  *code = CodeArg(ts, a.argv[0]);
  if (*code == nullptr) return false;
  bool ok = IsStr(a.argv[1]);
  for (size_t i = first_int; i < nargs; ++i) ok = ok && a.argv[i].is_int();
  if (!ok) RaiseTypeError(ts, std::string("_re.RE2.") + name + ": bad arguments");
  return ok;
}

Value Piece(ThreadState& ts, const re2::StringPiece& p) {
  return NewStrValue(ts, std::string_view(p.data() == nullptr ? "" : p.data(), p.size()));
}

// code.findall(string, pos, endpos): the list re.findall returns, or a str for re.error.
Value Re2FindAll(ThreadState& ts, const CallArgs& a) {
  Re2Code* code;
  if (!ScanArgs(ts, a, "findall", 4, 2, &code)) return Value::Null();
  Scan scan;
  std::string err;
  if (!RunScan(ts, code, As<StrObject>(a.argv[1]), a.argv[2].as_int(), a.argv[3].as_int(), 0, &scan, &err))
    return NewStrValue(ts, err);
  RootedPtr<ListObject> out(ts, NewList(ts));
  for (size_t i = 0; i < scan.matches(); ++i) {
    const re2::StringPiece* g = scan.match(i);
    if (scan.n <= 2) {
      out->items.push_back(Piece(ts, g[scan.n - 1]));
      continue;
    }
    RootedVector items(ts);
    for (int k = 1; k < scan.n; ++k) items.push_back(Piece(ts, g[k]));
    out->items.push_back(Value::Obj(NewTuple(ts, items.items())));
  }
  return Value::Obj(out.get());
}

// code.split(string, maxsplit): the list re.split returns, or a str for re.error.
Value Re2Split(ThreadState& ts, const CallArgs& a) {
  Re2Code* code;
  if (!ScanArgs(ts, a, "split", 3, 2, &code)) return Value::Null();
  const StrObject* s = As<StrObject>(a.argv[1]);
  Scan scan;
  std::string err;
  if (!RunScan(ts, code, s, 0, s->length(), a.argv[2].as_int(), &scan, &err)) return NewStrValue(ts, err);
  RootedPtr<ListObject> out(ts, NewList(ts));
  const char* base = s->view().data();
  size_t last = 0;
  for (size_t i = 0; i < scan.matches(); ++i) {
    const re2::StringPiece* g = scan.match(i);
    size_t start = static_cast<size_t>(g[0].data() - base);
    out->items.push_back(NewStrValue(ts, std::string_view(base + last, start - last)));
    for (int k = 1; k < scan.n; ++k) out->items.push_back(g[k].data() == nullptr ? Value::None() : Piece(ts, g[k]));
    last = start + g[0].size();
  }
  out->items.push_back(NewStrValue(ts, std::string_view(base + last, s->view().size() - last)));
  return Value::Obj(out.get());
}

// code.sub(string, template, count): (result, n) as re.subn returns them, or a str for re.error.
// `template` is re.py's parsed replacement: a list of strs (literal text) and ints (groups).
Value Re2Sub(ThreadState& ts, const CallArgs& a) {
  Re2Code* code;
  if (!ScanArgs(ts, a, "sub", 4, 3, &code)) return Value::Null();
  if (!IsObjectOfKind(a.argv[2], Kind::kList))
    return RaiseTypeError(ts, "_re.RE2.sub: bad arguments");
  const ListObject* parts = As<ListObject>(a.argv[2]);
  for (Value part : parts->items)
    if (!IsStr(part) && !(part.is_int() && part.as_int() >= 0 && part.as_int() <= code->ngroups))
      return RaiseTypeError(ts, "_re.RE2.sub: bad template");
  const StrObject* s = As<StrObject>(a.argv[1]);
  Scan scan;
  std::string err;
  if (!RunScan(ts, code, s, 0, s->length(), a.argv[3].as_int(), &scan, &err)) return NewStrValue(ts, err);
  std::string result;
  const char* base = s->view().data();
  size_t last = 0;
  for (size_t i = 0; i < scan.matches(); ++i) {
    const re2::StringPiece* g = scan.match(i);
    size_t start = static_cast<size_t>(g[0].data() - base);
    result.append(base + last, start - last);
    for (Value part : parts->items) {
      if (IsStr(part)) {
        result.append(As<StrObject>(part)->view());
      } else if (const re2::StringPiece& piece = g[part.as_int()]; piece.data() != nullptr) {
        result.append(piece.data(), piece.size());
      }
    }
    last = start + g[0].size();
  }
  result.append(base + last, s->view().size() - last);
  RootedPtr<StrObject> text(ts, NewStr(ts, result));
  return Value::Obj(NewTuple(ts, {Value::Obj(text.get()), Value::Int(static_cast<int64_t>(scan.matches()))}));
}

// Turns increasing-ish byte offsets of one str into code-point indices, counting from the last
// answer (forwards or backwards), so a whole scan costs about one pass over the subject.
class CodePoints {
 public:
  explicit CodePoints(const StrObject* s) : s_(s) {}
  int64_t At(size_t b) {
    if (s_->ascii()) return static_cast<int64_t>(b);
    const char* base = s_->view().data();
    if (b >= byte_) {
      cp_ += CountCodePoints(base + byte_, b - byte_);
    } else {
      cp_ -= CountCodePoints(base + b, byte_ - b);
    }
    byte_ = b;
    return cp_;
  }

 private:
  const StrObject* s_;
  size_t byte_ = 0;
  int64_t cp_ = 0;
};

// code.spans(string, pos, endpos, limit): a list with a flat span tuple per match (as match()
// returns them), or a str for re.error. For sub() with a callable, where each match becomes a
// Match object anyway.
Value Re2Spans(ThreadState& ts, const CallArgs& a) {
  Re2Code* code;
  if (!ScanArgs(ts, a, "spans", 5, 2, &code)) return Value::Null();
  const StrObject* s = As<StrObject>(a.argv[1]);
  Scan scan;
  std::string err;
  if (!RunScan(ts, code, s, a.argv[2].as_int(), a.argv[3].as_int(), a.argv[4].as_int(), &scan, &err))
    return NewStrValue(ts, err);
  RootedPtr<ListObject> out(ts, NewList(ts));
  CodePoints cps(s);
  const char* base = s->view().data();
  for (size_t i = 0; i < scan.matches(); ++i) {
    const re2::StringPiece* g = scan.match(i);
    std::vector<Value> spans(static_cast<size_t>(scan.n) * 2, Value::Int(-1));
    for (int k = 0; k < scan.n; ++k) {
      if (g[k].data() == nullptr) continue;
      size_t b = static_cast<size_t>(g[k].data() - base);
      spans[2 * k] = Value::Int(cps.At(b));
      spans[2 * k + 1] = Value::Int(cps.At(b + g[k].size()));
    }
    out->items.push_back(Value::Obj(NewTuple(ts, std::move(spans))));
  }
  return Value::Obj(out.get());
}

ModuleObject* MakeReModule(ThreadState& ts) {
  Interpreter& in = ts.interp;
  RootedPtr<ModuleObject> m(ts, NewNativeModule(ts, "_re"));
  TypeObject* re2 = NewBuiltinType(in, "RE2", nullptr, Kind::kInstance, "_re");
  re2->subclassable = false;
  AddStaticMethod(in, re2, "__new__", Re2New);
  AddMethod(in, re2, "match", Re2Match);
  AddMethod(in, re2, "check_subject", Re2CheckSubject);
  AddMethod(in, re2, "findall", Re2FindAll);
  AddMethod(in, re2, "split", Re2Split);
  AddMethod(in, re2, "sub", Re2Sub);
  AddMethod(in, re2, "spans", Re2Spans);
  DictSetStr(m->dict, Intern(in, "RE2"), Value::Obj(re2));
  DictSetStr(m->dict, Intern(in, "RELEASE_GIL_BYTES"), Value::Int(static_cast<int64_t>(kReleaseGilBytes)));
  return m.get();
}

}  // namespace

void RegisterReModule(Interpreter& in) { in.native_modules["_re"] = MakeReModule; }

}  // namespace gilvm::stdlib
