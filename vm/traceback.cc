#include "vm/traceback.h"

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "compiler/parser.h"
#include "vm/code.h"
#include "vm/dict.h"
#include "vm/errors.h"
#include "vm/frame.h"
#include "vm/instance.h"
#include "vm/interpreter.h"
#include "vm/list.h"
#include "vm/ops.h"
#include "vm/str.h"
#include "vm/suggestions.h"
#include "vm/thread_state.h"
#include "vm/tuple.h"

namespace gilvm::vm {

namespace {

// Characters (code points) in the first `byte_offset` bytes of UTF-8 text.
int CharOffset(std::string_view text, int byte_offset) {
  int chars = 0;
  for (int i = 0; i < byte_offset && i < static_cast<int>(text.size()); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++chars;
  if (byte_offset > static_cast<int>(text.size())) chars += byte_offset - static_cast<int>(text.size());
  return chars;
}

int CharLength(std::string_view text) { return CharOffset(text, static_cast<int>(text.size())); }

std::string_view Strip(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\f\r\n");
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(" \t\f\r\n");
  return s.substr(b, e - b + 1);
}

// Byte offset in `segment` of character index `chars`.
size_t ByteAt(std::string_view segment, int chars) {
  size_t i = 0;
  int seen = 0;
  while (i < segment.size() && seen < chars) {
    ++i;
    while (i < segment.size() && (static_cast<unsigned char>(segment[i]) & 0xC0) == 0x80) ++i;
    ++seen;
  }
  return i;
}

struct Anchors {
  int left_end;     // characters
  int right_start;  // characters
};

// 3.11's _extract_caret_anchors_from_line_segment: for a binary operation, underline the
// operator; for a subscript, the brackets. Offsets are in characters of `segment`.
bool ExtractAnchors(std::string_view segment, Anchors* out) {
  using namespace compiler;
  SyntaxErrorInfo err;
  std::unique_ptr<Module> m = Parse(segment, ParseMode::kFile, &err);
  if (!m || m->body.size() != 1 || m->body[0]->kind != StmtKind::kExpr) return false;
  const Expr& e = *compiler::As<ExprStmt>(*m->body[0]).value;
  auto normalize = [&](int byte) { return CharOffset(segment, byte); };
  int len = static_cast<int>(segment.size());
  if (e.kind == ExprKind::kBinOp) {
    const auto& b = compiler::As<compiler::BinOp>(e);
    int op_start = normalize(b.left->pos.end_col);
    int op_end = normalize(b.right->pos.col);
    std::string_view op_str = segment.substr(ByteAt(segment, op_start), ByteAt(segment, op_end) - ByteAt(segment, op_start));
    size_t lead = op_str.find_first_not_of(" \t\f\r\n\\");
    int op_offset = lead == std::string_view::npos ? static_cast<int>(op_str.size()) : static_cast<int>(lead);
    int left = b.left->pos.end_col + op_offset;
    int right = left + 1;
    if (op_offset + 1 < static_cast<int>(op_str.size()) && !isspace(static_cast<unsigned char>(op_str[op_offset + 1])))
      ++right;
    while (left < len && (isspace(static_cast<unsigned char>(segment[left])) || segment[left] == ')' || segment[left] == '#')) {
      ++left;
      ++right;
    }
    *out = {normalize(left), normalize(right)};
    return true;
  }
  if (e.kind == ExprKind::kSubscript) {
    const auto& s = compiler::As<compiler::Subscript>(e);
    int left = normalize(s.value->pos.end_col);
    int right = normalize(s.slice->pos.end_col + 1);
    while (left < len && segment[left] != '[') ++left;
    while (right < len && segment[right] != ']') ++right;
    if (right < len) ++right;
    *out = {left, right};
    return true;
  }
  return false;
}

struct Entry {
  std::string filename;
  int line;
  std::string name;
  SourcePos pos;
};

void FormatEntry(Interpreter& interp, const Entry& e, std::string& out) {
  absl::StrAppend(&out, "  File \"", e.filename, "\", line ", e.line, ", in ", e.name, "\n");
  std::string_view line = interp.SourceLine(e.filename, e.line);
  std::string_view stripped = Strip(line);
  if (stripped.empty()) return;
  absl::StrAppend(&out, "    ", std::string(stripped), "\n");
  if (e.pos.col < 0 || e.pos.end_col < 0 || e.pos.line != e.line) return;
  // As CPython's traceback module computes it, on the line with its newline: the leading and
  // trailing white space together (which is why trailing spaces shift the carets left).
  int stripped_chars = CharLength(line) + 1 - CharLength(stripped);
  int start = CharOffset(line, e.pos.col);
  int end = CharOffset(line, e.pos.end_col);
  Anchors anchors;
  bool has_anchors = false;
  if (e.pos.end_line == e.pos.line) {
    size_t b0 = std::min(static_cast<size_t>(e.pos.col), line.size());
    size_t b1 = std::min(static_cast<size_t>(e.pos.end_col), line.size());
    has_anchors = ExtractAnchors(line.substr(b0, b1 - b0), &anchors);
  } else {
    size_t last = line.find_last_not_of(" \t\f\r\n");
    end = last == std::string_view::npos ? 0 : CharOffset(line, static_cast<int>(last + 1));
  }
  int stripped_len = CharLength(stripped);
  if (!(end - start < stripped_len || (has_anchors && anchors.right_start - anchors.left_end > 0))) return;
  out += "    ";
  out.append(static_cast<size_t>(std::max(0, start + 1 - stripped_chars)), ' ');
  if (has_anchors) {
    out.append(static_cast<size_t>(anchors.left_end), '~');
    out.append(static_cast<size_t>(std::max(0, anchors.right_start - anchors.left_end)), '^');
    out.append(static_cast<size_t>(std::max(0, end - start - anchors.right_start)), '~');
  } else {
    out.append(static_cast<size_t>(std::max(0, end - start)), '^');
  }
  out += "\n";
}

void FormatTraceback(Interpreter& interp, TracebackObject* tb, std::string& out) {
  if (tb == nullptr) return;
  out += "Traceback (most recent call last):\n";
  // CPython prints at most 3 identical consecutive entries, then a repeat count.
  constexpr int kRecursiveCutoff = 3;
  std::string last_file, last_name;
  int last_line = -1, count = 0;
  auto flush_repeats = [&] {
    if (count > kRecursiveCutoff) {
      int more = count - kRecursiveCutoff;
      absl::StrAppend(&out, "  [Previous line repeated ", more, " more time", more > 1 ? "s" : "", "]\n");
    }
  };
  for (; tb != nullptr; tb = tb->next) {
    const CodeObject* code = tb->code;
    SourcePos pos = tb->instr >= 0 && tb->instr < static_cast<int>(code->positions.size()) ? code->positions[tb->instr] : SourcePos{};
    Entry e{code->filename, pos.line, code->name, pos};
    if (e.filename == last_file && e.line == last_line && e.name == last_name) {
      ++count;
    } else {
      flush_repeats();
      last_file = e.filename;
      last_line = e.line;
      last_name = e.name;
      count = 1;
    }
    if (count <= kRecursiveCutoff) FormatEntry(interp, e, out);
  }
  flush_repeats();
}

Value Attr(ExceptionObject* exc, Interpreter& interp, const char* name) {
  return DictGetStr(exc->dict, Intern(interp, name));
}

// The SyntaxError report: file and line, the source line, a caret range, "SyntaxError: msg".
bool FormatSyntaxErrorBody(ThreadState& ts, ExceptionObject* exc, std::string& out) {
  Interpreter& interp = ts.interp;
  Value filename = Attr(exc, interp, "filename");
  Value lineno = Attr(exc, interp, "lineno");
  Value text = Attr(exc, interp, "text");
  Value offset = Attr(exc, interp, "offset");
  Value end_offset = Attr(exc, interp, "end_offset");
  Value end_lineno = Attr(exc, interp, "end_lineno");
  if (!IsStr(filename) || !lineno.is_int()) return false;
  absl::StrAppend(&out, "  File \"", As<StrObject>(filename)->str(), "\", line ", lineno.as_int(), "\n");
  if (IsStr(text)) {
    std::string_view line = As<StrObject>(text)->view();
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
    size_t lead = line.find_first_not_of(" \t\f");
    std::string_view stripped = lead == std::string_view::npos ? std::string_view() : line.substr(lead);
    int lead_chars = lead == std::string_view::npos ? 0 : CharOffset(line, static_cast<int>(lead));
    absl::StrAppend(&out, "    ", std::string(stripped), "\n");
    if (offset.is_int()) {
      int start = static_cast<int>(offset.as_int());
      int end = end_offset.is_int() && end_lineno.is_int() && end_lineno.as_int() == lineno.as_int()
                    ? static_cast<int>(end_offset.as_int())
                    : start + 1;
      if (end <= start) end = start + 1;
      // CPython underlines only one character for indentation errors, and prints no caret at
      // all when the offset points into the leading white space.
      if (exc->type->IsSubtypeOf(interp.exc.IndentationError)) end = start + 1;
      if (start - 1 - lead_chars < 0) return true;
      int line_chars = CharLength(line);
      start = std::min(start, line_chars + 1);
      end = std::min(end, line_chars + 1);
      if (end <= start) end = start + 1;
      out += "    ";
      out.append(static_cast<size_t>(std::max(0, start - 1 - lead_chars)), ' ');
      out.append(static_cast<size_t>(end - start), '^');
      out += "\n";
    }
  }
  return true;
}

std::string ExceptionLine(ThreadState& ts, ExceptionObject* exc, bool suggestions) {
  Interpreter& interp = ts.interp;
  TypeObject* type = exc->type;
  std::string name = type->qualname.empty() ? type->name : type->qualname;
  if (!type->module.empty() && type->module != "builtins" && type->module != "__main__")
    name = absl::StrCat(type->module, ".", name);
  Value msg;
  if (type->IsSubtypeOf(interp.exc.SyntaxError)) msg = Attr(exc, interp, "msg");
  std::string text;
  if (IsStr(msg)) {
    text = As<StrObject>(msg)->view();
  } else if (!StrString(ts, Value::Obj(exc), &text)) {
    ClearException(ts);
    return name + ": <exception str() failed>\n";
  }
  std::string suggestion = suggestions ? SuggestionText(ts, exc) : "";  // ". Did you mean: 'x'?"
  if (text.empty() && suggestion.empty()) return name + "\n";
  return absl::StrCat(name, ": ", text, suggestion, "\n");
}

// The notes added with add_note(), one per line after the exception line (3.11): each str note
// as it is, anything else through str(); a __notes__ that is not a list or tuple is shown by repr.
void FormatNotes(ThreadState& ts, ExceptionObject* exc, std::string& out) {
  if (exc->dict == nullptr) return;
  Value notes = Attr(exc, ts.interp, "__notes__");
  if (notes.is_null()) return;
  Root keep(ts, notes);  // a note's __str__ may replace __notes__
  std::string text;
  if (!IsObjectOfKind(notes, Kind::kList) && !IsObjectOfKind(notes, Kind::kTuple)) {
    Value r = Repr(ts, notes);
    if (r.is_null()) {
      ClearException(ts);
      out += "<__notes__ repr() failed>\n";
    } else {
      absl::StrAppend(&out, As<StrObject>(r)->str(), "\n");
    }
    return;
  }
  for (size_t i = 0;; ++i) {
    // Re-read the size each time: str() of a note may run Python code.
    bool is_list = IsObjectOfKind(notes, Kind::kList);
    size_t n = is_list ? As<ListObject>(notes)->size() : As<TupleObject>(notes)->size();
    if (i >= n) break;
    Value note = is_list ? As<ListObject>(notes)->items[i] : As<TupleObject>(notes)->items[i];
    if (IsStr(note)) {
      absl::StrAppend(&out, As<StrObject>(note)->str(), "\n");
    } else if (StrString(ts, note, &text)) {
      absl::StrAppend(&out, text, "\n");
    } else {
      ClearException(ts);
      out += "<note str() failed>\n";
    }
  }
}

void FormatChain(ThreadState& ts, ExceptionObject* exc, absl::flat_hash_set<ExceptionObject*>& seen, std::string& out,
                 bool chain, bool suggestions) {
  seen.insert(exc);
  Interpreter& interp = ts.interp;
  if (!chain) {
    // Only this exception's own report.
  } else if (IsObjectOfKind(exc->cause, Kind::kException) && !seen.contains(As<ExceptionObject>(exc->cause))) {
    FormatChain(ts, As<ExceptionObject>(exc->cause), seen, out, chain, suggestions);
    out += "\nThe above exception was the direct cause of the following exception:\n\n";
  } else if (!exc->suppress_context && IsObjectOfKind(exc->context, Kind::kException) &&
             !seen.contains(As<ExceptionObject>(exc->context))) {
    FormatChain(ts, As<ExceptionObject>(exc->context), seen, out, chain, suggestions);
    out += "\nDuring handling of the above exception, another exception occurred:\n\n";
  }
  FormatTraceback(interp, exc->traceback, out);
  if (exc->type->IsSubtypeOf(interp.exc.SyntaxError)) FormatSyntaxErrorBody(ts, exc, out);
  out += ExceptionLine(ts, exc, suggestions);
  FormatNotes(ts, exc, out);
}

}  // namespace

void AddTraceback(ThreadState& ts, Frame* frame) {
  ExceptionObject* exc = ts.exc;
  if (exc == nullptr) return;
  Heap::LimitExemption exempt(ts.interp.heap);  // a traceback entry must not fail (vm/heap.h)
  TracebackObject* tb = ts.interp.heap.New<TracebackObject>(ts.interp.types.traceback, exc->traceback, frame->code, frame->instr());
  exc->traceback = tb;
}

std::string ScriptPosition(ThreadState& ts) {
  Frame* f = ts.frame;
  if (f == nullptr) return "(no script frame)";
  // pc is the next instruction to run; a safe point sits between it and the one before.
  size_t i = static_cast<size_t>(f->pc - f->code->code.data());
  int line = i < f->code->positions.size() ? f->code->positions[i].line : 0;
  return absl::StrCat(f->code->filename, ":", line, " in ", f->code->name);
}

std::string FormatException(ThreadState& ts, ExceptionObject* exc, bool chain, bool suggestions) {
  RootedPtr<ExceptionObject> root(ts, exc);
  absl::flat_hash_set<ExceptionObject*> seen;
  std::string out;
  FormatChain(ts, exc, seen, out, chain, suggestions);
  return out;
}

}  // namespace gilvm::vm
