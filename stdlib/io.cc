// The io module and open(): binary files (FileIO, BufferedReader/Writer/Random), text files
// (TextIOWrapper) and the in-memory streams (BytesIO, StringIO). See stdlib/io.h for the layers
// and the invariants; this file keeps to three parts:
//   1. the descriptor layer: raw reads and writes with the GIL released, and the buffers;
//   2. the text layer: decoding, newline translation, line splitting over the binary buffer;
//   3. the Python-visible methods, open(), and the io module.
#include "stdlib/io.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <cerrno>
#include <memory>
#include <string>
#include <string_view>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "stdlib/stdlib.h"
#include "vm/bytes.h"
#include "vm/dict.h"
#include "vm/errors.h"
#include "vm/function.h"
#include "vm/instance.h"
#include "vm/interpreter.h"
#include "vm/list.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/sandbox.h"
#include "vm/str.h"
#include "vm/threads.h"
#include "vm/tuple.h"
#include "vm/utf8.h"

namespace gilvm::stdlib {

using namespace gilvm::vm;  // NOLINT: a client of the whole native API

namespace {

constexpr size_t kBufferSize = 8192;  // io.DEFAULT_BUFFER_SIZE
constexpr const char* kClosedDot = "I/O operation on closed file.";
constexpr const char* kClosedNoDot = "I/O operation on closed file";

// In-memory streams. StringIO keeps code points, so positions are O(1) as CPython's are.
struct BytesIOObject : IoObject {
  explicit BytesIOObject(TypeObject* t) : IoObject(t, Impl::kBytesIO) {}
  size_t ExtraBytes() const override { return data.capacity(); }
  std::string data;
  size_t pos = 0;
};

struct StringIOObject : IoObject {
  explicit StringIOObject(TypeObject* t) : IoObject(t, Impl::kStringIO) {}
  size_t ExtraBytes() const override { return data.capacity() * 4; }
  std::u32string data;
  size_t pos = 0;
};

Value RaiseUnsupported(ThreadState& ts, std::string_view msg) {
  return Raise(ts, ts.interp.types.io_unsupported_operation, msg);
}

// ---------------------------------------------------------------------------------------------
// 1. The descriptor layer

// Holds a file's `busy` flag for the scope of one operation, waiting (GIL released) while
// another thread has it. ok() is false if the wait was interrupted (exception pending).
class FileBusy {
 public:
  FileBusy(ThreadState& ts, FileObject* f) : f_(f) {
    {
      std::lock_guard guard(f->mu);
      if (!f->busy) {
        f->busy = owned_ = true;
        return;
      }
    }
    for (;;) {
      WaitResult r = BlockingWait(ts, f->mu, f->cv, kNoDeadline, [f] { return f->busy ? false : (f->busy = true); });
      if (r == WaitResult::kReady) {
        owned_ = true;
        return;
      }
      if (!HandleWake(ts)) return;
    }
  }
  ~FileBusy() {
    if (!owned_) return;
    std::lock_guard guard(f_->mu);
    f_->busy = false;
    f_->cv.notify_one();
  }
  bool ok() const { return owned_; }

 private:
  FileObject* f_;
  bool owned_ = false;
};

// Waits until fd is ready for `events` (not for regular files, which are always ready).
bool WaitReady(ThreadState& ts, FileObject* f, short events) {
  if (f->regular) return true;
  int64_t deadline = f->timeout < 0 ? kNoDeadline : DeadlineAfter(f->timeout);
  for (;;) {
    WaitResult r = WaitFd(ts, f->fd, events, deadline);
    if (r == WaitResult::kReady) return true;
    if (r == WaitResult::kTimedOut) {
      Raise(ts, ts.interp.exc.TimeoutError, "timed out");
      return false;
    }
    if (!HandleWake(ts)) return false;
  }
}

// sys.stdin/stdout/stderr are the host's descriptors: in a sandbox without file access a script
// may write to stdout/stderr (through the host's sinks) but not read, seek or truncate them, which
// would reach the host's terminal, pipe or log file. true if allowed; else PermissionError
// "<action> sys.stdin is not allowed: ..." pending.
bool HostStreamAllowed(ThreadState& ts, FileObject* f, std::string_view action) {
  static constexpr const char* kStreams[] = {"sys.stdin", "sys.stdout", "sys.stderr"};
  if (f->host_stream < 0 || SandboxPermits(ts.interp, SandboxAccess::kFiles)) return true;
  return SandboxAllows(ts, SandboxAccess::kFiles, std::string(action) + " " + kStreams[f->host_stream]);
}

// One read(2) of up to `n` bytes into `out` (a C++ buffer: the GIL is released meanwhile).
// Returns the count (0 at end of file), or -1 with OSError or KeyboardInterrupt pending.
ssize_t RawRead(ThreadState& ts, FileObject* f, std::string* out, size_t n) {
  if (!HostStreamAllowed(ts, f, "reading")) return -1;
  for (;;) {
    if (!WaitReady(ts, f, POLLIN)) return -1;
    auto chunk = std::make_unique_for_overwrite<char[]>(n);  // not zeroed: read() fills it
    ssize_t got;
    int err;
    {
      GilReleaseGuard unlocked(ts);
      got = read(f->fd, chunk.get(), n);
      err = errno;
    }
    if (got >= 0) {
      out->append(chunk.get(), got);
      return got;
    }
    if (err == EAGAIN) continue;  // a non-blocking descriptor: wait again
    if (err == EINTR) {
      if (!CheckInterrupts(ts)) return -1;
      continue;
    }
    RaiseOSError(ts, err);
    return -1;
  }
}

// Writes all of `data` (a C++ string: the GIL is released meanwhile).
bool RawWriteAll(ThreadState& ts, FileObject* f, std::string_view data) {
  if (f->sink == Sink::kStdout) {
    ts.interp.WriteStdout(data);
    return true;
  }
  if (f->sink == Sink::kStderr) {
    ts.interp.WriteStderr(data);
    return true;
  }
  while (!data.empty()) {
    if (!WaitReady(ts, f, POLLOUT)) return false;
    ssize_t n;
    int err;
    {
      GilReleaseGuard unlocked(ts);
      n = write(f->fd, data.data(), data.size());
      err = errno;
    }
    if (n >= 0) {
      data.remove_prefix(n);
    } else if (err == EINTR) {
      if (!CheckInterrupts(ts)) return false;
    } else if (err != EAGAIN) {
      RaiseOSError(ts, err);
      return false;
    }
  }
  return true;
}

size_t Avail(const FileObject* f) { return f->rbuf.size() - f->rpos; }

void NoteUnflushed(FileObject* f) { f->interp->unflushed_files.insert(f); }

bool FlushWrites(ThreadState& ts, FileObject* f) {
  f->interp->unflushed_files.erase(f);
  if (f->wbuf.empty()) return f->sink == Sink::kStdout ? (ts.interp.FlushStdout(), true) : true;
  std::string pending;
  pending.swap(f->wbuf);
  if (!RawWriteAll(ts, f, pending)) return false;
  if (f->sink == Sink::kStdout) ts.interp.FlushStdout();
  return true;
}

// Reads one more chunk (at least `want` bytes asked for) after what is buffered; false on
// error. Sets f->eof when the descriptor reports end of file.
bool Fill(ThreadState& ts, FileObject* f, size_t want) {
  if (f->rpos > 0) {
    f->rbuf.erase(0, f->rpos);
    f->rpos = 0;
  }
  ssize_t n = RawRead(ts, f, &f->rbuf, std::max(want, kBufferSize));
  if (n < 0) return false;
  if (n == 0) f->eof = true;
  return true;
}

// Before reading: pending writes go out first (files opened with '+').
bool PrepareRead(ThreadState& ts, FileObject* f) {
  f->eof = false;
  return f->wbuf.empty() || FlushWrites(ts, f);
}

// Before writing: read-ahead is given back, so the write lands where the script thinks it is.
// Pipes, terminals and sockets read and write separate streams: their read-ahead stays.
bool PrepareWrite(ThreadState& ts, FileObject* f) {
  if (!f->regular) return true;
  if (Avail(f) == 0) {
    f->rbuf.clear();
    f->rpos = 0;
    return true;
  }
  if (lseek(f->fd, -static_cast<off_t>(Avail(f)), SEEK_CUR) < 0) {
    RaiseOSError(ts, errno);
    return false;
  }
  f->rbuf.clear();
  f->rpos = 0;
  return true;
}

// Takes up to n buffered bytes.
std::string Take(FileObject* f, size_t n) {
  n = std::min(n, Avail(f));
  std::string out = f->rbuf.substr(f->rpos, n);
  f->rpos += n;
  return out;
}

// Binary read(n): n < 0 reads to the end; a raw file does one read(2).
bool BinaryRead(ThreadState& ts, FileObject* f, int64_t n, std::string* out) {
  if (!PrepareRead(ts, f)) return false;
  if (n < 0) {
    while (!f->eof)
      if (!Fill(ts, f, kBufferSize)) return false;
    *out = Take(f, Avail(f));
    return true;
  }
  if (f->raw && Avail(f) == 0) return RawRead(ts, f, out, n) >= 0;
  while (Avail(f) < static_cast<size_t>(n) && !f->eof)
    if (!Fill(ts, f, n - Avail(f))) return false;
  *out = Take(f, n);
  return true;
}

// Binary readline(limit): up to and including the next b'\n'.
bool BinaryReadLine(ThreadState& ts, FileObject* f, int64_t limit, std::string* out) {
  if (!PrepareRead(ts, f)) return false;
  size_t scanned = 0;
  for (;;) {
    std::string_view avail = std::string_view(f->rbuf).substr(f->rpos);
    size_t nl = avail.find('\n', scanned);
    size_t end = nl == std::string_view::npos ? (f->eof ? avail.size() : std::string_view::npos) : nl + 1;
    if (limit >= 0 && (end == std::string_view::npos || end > static_cast<size_t>(limit)) &&
        avail.size() >= static_cast<size_t>(limit))
      end = limit;
    if (end != std::string_view::npos) {
      *out = Take(f, end);
      return true;
    }
    scanned = avail.size();
    if (!Fill(ts, f, kBufferSize)) return false;
  }
}

bool BinaryWrite(ThreadState& ts, FileObject* f, std::string_view data) {
  if (!PrepareWrite(ts, f)) return false;
  if (f->raw || f->sink != Sink::kFd) return RawWriteAll(ts, f, data);  // the sinks buffer themselves
  if (data.empty()) return true;
  if (f->wbuf.empty()) NoteUnflushed(f);
  f->wbuf.append(data);
  return f->wbuf.size() < kBufferSize || FlushWrites(ts, f);
}

// The position the script sees: the descriptor's, less what is read ahead, plus what waits
// to be written. -1 with OSError pending.
int64_t BinaryTell(ThreadState& ts, FileObject* f) {
  off_t pos = lseek(f->fd, 0, SEEK_CUR);
  if (pos < 0) {
    RaiseOSError(ts, errno);
    return -1;
  }
  if (f->appending && !f->wbuf.empty()) {
    if (!FlushWrites(ts, f)) return -1;
    pos = lseek(f->fd, 0, SEEK_CUR);
  }
  return pos - static_cast<int64_t>(Avail(f)) + static_cast<int64_t>(f->wbuf.size());
}

int64_t BinarySeek(ThreadState& ts, FileObject* f, int64_t offset, int whence) {
  if (!FlushWrites(ts, f)) return -1;
  if (whence == SEEK_CUR) offset -= static_cast<int64_t>(Avail(f));
  off_t pos = lseek(f->fd, offset, whence);
  if (pos < 0) {
    RaiseOSError(ts, errno);
    return -1;
  }
  f->rbuf.clear();
  f->rpos = 0;
  f->eof = false;
  return pos;
}

bool CloseFile(ThreadState& ts, FileObject* f) {
  if (f->closed) return true;
  bool ok = FlushWrites(ts, f);
  f->closed = true;
  f->interp->unflushed_files.erase(f);
  if (f->closefd && f->fd >= 0 && close(f->fd) < 0 && ok) {
    RaiseOSError(ts, errno);
    ok = false;
  }
  f->rbuf.clear();
  f->rbuf.shrink_to_fit();
  return ok;
}

// ---------------------------------------------------------------------------------------------
// 2. The text layer

// "utf-8", "ascii" or "latin-1" for the spellings CPython accepts; empty if unsupported.
std::string NormalizeCodec(std::string_view name) {
  std::string n = absl::AsciiStrToLower(std::string(name));
  std::replace(n.begin(), n.end(), '_', '-');
  if (n == "utf-8" || n == "utf8" || n == "u8" || n == "utf") return "utf-8";
  if (n == "ascii" || n == "us-ascii" || n == "646") return "ascii";
  if (n == "latin-1" || n == "latin1" || n == "iso-8859-1" || n == "iso8859-1" || n == "l1" || n == "8859" ||
      n == "cp819" || n == "latin")
    return "latin-1";
  return "";
}

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

bool ValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    if (i + 8 <= s.size()) {  // eight ASCII bytes at a time: the common case
      uint64_t word;
      memcpy(&word, s.data() + i, 8);
      if ((word & 0x8080808080808080ull) == 0) {
        i += 8;
        continue;
      }
    }
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t n = c >= 0xC2 && c < 0xE0 ? 2 : c >= 0xE0 && c < 0xF0 ? 3 : c >= 0xF0 && c < 0xF5 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (size_t k = 1; k < n; ++k)
      if (!IsContinuation(s[i + k])) return false;
    auto c1 = static_cast<unsigned char>(s[i + 1]);
    if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0) || (c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90))
      return false;
    i += n;
  }
  return true;
}

// Bytes read from a text file become a str: the common case (valid UTF-8, or ASCII) directly,
// anything else through bytes.decode, which owns the codecs and their error messages.
Value Decode(ThreadState& ts, const TextObject* t, std::string_view raw) {
  bool direct = t->utf8 ? ValidUtf8(raw)
                                    : std::all_of(raw.begin(), raw.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (direct) return NewStrValue(ts, raw);
  Root bytes(ts, NewBytesValue(ts, raw));
  Root codec(ts, NewStrValue(ts, t->codec)), errors(ts, NewStrValue(ts, t->errors));
  Value argv[2] = {codec.get(), errors.get()};
  return CallMethod(ts, bytes.get(), Intern(ts.interp, "decode"), argv, 2);
}

// How many bytes the character starting at raw[i] takes in this codec.
size_t CharBytes(const TextObject* t, std::string_view raw, size_t i) {
  if (!t->utf8) return 1;
  auto c = static_cast<unsigned char>(raw[i]);
  size_t n = c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  // A malformed sequence is cut at its first non-continuation byte; Decode reports it.
  for (size_t k = 1; k < n; ++k)
    if (i + k < raw.size() && !IsContinuation(raw[i + k])) return k;
  return n;
}

// Line endings a universal-newlines reader has met, for TextIOWrapper.newlines.
constexpr uint8_t kSeenCr = 1, kSeenLf = 2, kSeenCrLf = 4;

// Records the line endings in bytes just read into t's buffer, starting at rbuf[from]. As
// CPython's decoder does, this covers every chunk read, not only the lines returned so far; a
// '\r' that ends the chunk waits for the next byte (is it "\r\n"?).
void NoteNewlines(TextObject* t, size_t from) {
  if (t->newline != Newline::kUniversal && t->newline != Newline::kUntranslated) return;
  const std::string& buf = t->buffer->rbuf;
  if (from > t->buffer->rpos && buf[from - 1] == '\r') --from;  // a '\r' left pending last time
  if (from >= buf.size()) return;
  if (std::memchr(buf.data() + from, '\r', buf.size() - from) == nullptr) {
    // The common case, found with two memchr calls: no '\r', so any '\n' ends a line alone.
    if (std::memchr(buf.data() + from, '\n', buf.size() - from) != nullptr) t->newlines_seen |= kSeenLf;
    return;
  }
  for (size_t i = from; i < buf.size() && t->newlines_seen != (kSeenCr | kSeenLf | kSeenCrLf); ++i) {
    if (buf[i] == '\n') {
      t->newlines_seen |= i > from && buf[i - 1] == '\r' ? kSeenCrLf : kSeenLf;
    } else if (buf[i] == '\r') {
      if (i + 1 < buf.size() ? buf[i + 1] != '\n' : t->buffer->eof) t->newlines_seen |= kSeenCr;
    }
  }
}

// The line end that starts with the '\r' at raw[j], in a mode where a lone '\r' ends lines:
// appends it as the script reads it ('\n' in universal mode) and returns its length, or 0
// when the next byte has not been read yet (is it "\r\n"?).
size_t TakeCr(TextObject* t, std::string_view raw, size_t j, std::string* out) {
  if (j + 1 >= raw.size() && !t->buffer->eof) return 0;
  bool crlf = j + 1 < raw.size() && raw[j + 1] == '\n';
  if (t->newline == Newline::kUniversal) out->push_back('\n');
  else out->append(crlf ? "\r\n" : "\r");
  return crlf ? 2 : 1;
}

// ScanText's fast path when no character count is asked for (read(), readline() without a
// limit) and lines end at '\n' (with '\r' and '\r\n' too unless newline='\n'): copies whole
// runs between line-end bytes, since decoding happens once on the result.
bool ScanUncounted(TextObject* t, bool line, std::string_view raw, std::string* out) {
  FileObject* f = t->buffer;
  bool cr_ends = t->newline != Newline::kLf;
  size_t i = 0;
  bool done = false;
  while (i < raw.size()) {
    // The next '\n', or an earlier '\r': two memchr calls over one line, not a per-byte set test.
    const char* base = raw.data();
    const void* nl = memchr(base + i, '\n', raw.size() - i);
    size_t j = nl ? static_cast<const char*>(nl) - base : std::string_view::npos;
    if (cr_ends) {
      const void* cr = memchr(base + i, '\r', (nl ? j : raw.size()) - i);
      if (cr) j = static_cast<const char*>(cr) - base;
    }
    if (j == std::string_view::npos) {
      out->append(raw.substr(i));
      i = raw.size();
      break;
    }
    out->append(raw.substr(i, j - i));
    i = j;
    if (raw[j] == '\n') {
      out->push_back('\n');
      ++i;
    } else {
      size_t n = TakeCr(t, raw, j, out);
      if (n == 0) break;
      i += n;
    }
    if (line) {
      done = true;
      break;
    }
  }
  f->rpos += i;
  return done || (f->eof && Avail(f) == 0);
}

// Scans buffered bytes into `out` (translated, still encoded) until `chars` characters are taken
// or, with `line`, a line ends. Returns true when done; false when more input is needed to decide
// (the caller fills and calls again; `out`/`chars` carry over).
bool ScanText(TextObject* t, bool line, int64_t max_chars, std::string* out, int64_t* chars) {
  FileObject* f = t->buffer;
  std::string_view raw = std::string_view(f->rbuf).substr(f->rpos);
  if (max_chars < 0 && t->newline != Newline::kCr && t->newline != Newline::kCrLf)
    return ScanUncounted(t, line, raw, out);
  size_t i = 0;
  bool done = false;
  while (i < raw.size() && (max_chars < 0 || *chars < max_chars)) {
    char c = raw[i];
    if (c == '\r' && (t->newline == Newline::kUniversal || t->newline == Newline::kUntranslated || t->newline == Newline::kCrLf)) {
      if (i + 1 >= raw.size() && !f->eof) break;  // is it "\r\n"? need the next byte
      if (t->newline == Newline::kCrLf && (i + 1 >= raw.size() || raw[i + 1] != '\n')) {
        out->push_back('\r');  // a lone '\r' is a character, not a line end, in this mode
        ++i;
        ++*chars;
        continue;
      }
      i += TakeCr(t, raw, i, out);
      ++*chars;
      if (line) {
        done = true;
        break;
      }
      continue;
    }
    size_t n = CharBytes(t, raw, i);
    if (i + n > raw.size()) {
      if (!f->eof) break;
      n = raw.size() - i;
    }
    out->append(raw.substr(i, n));
    i += n;
    ++*chars;
    if (line && ((c == '\n' && t->newline != Newline::kCr && t->newline != Newline::kCrLf) ||
                 (c == '\r' && t->newline == Newline::kCr))) {
      done = true;
      break;
    }
  }
  f->rpos += i;
  if (done || (max_chars >= 0 && *chars >= max_chars)) return true;
  return f->eof && Avail(f) == 0;
}

Value TextReadImpl(ThreadState& ts, TextObject* t, bool line, int64_t max_chars) {
  FileObject* f = t->buffer;
  if (!PrepareRead(ts, f)) return Value::Null();
  if (line && max_chars < 0 && (t->newline == Newline::kUniversal || t->newline == Newline::kLf)) {
    // The usual line: already buffered, ending in '\n', with no '\r' to translate or to end
    // it first. It becomes a str straight from the buffer, as ScanUncounted would copy it.
    std::string_view raw = std::string_view(f->rbuf).substr(f->rpos);
    if (const void* nl = std::memchr(raw.data(), '\n', raw.size())) {
      size_t n = static_cast<const char*>(nl) - raw.data() + 1;
      if (t->newline == Newline::kLf || std::memchr(raw.data(), '\r', n) == nullptr) {
        f->rpos += n;
        return Decode(ts, t, raw.substr(0, n));
      }
    }
  }
  std::string out;
  int64_t chars = 0;
  while (!ScanText(t, line, max_chars, &out, &chars)) {
    size_t kept = Avail(f);
    if (!Fill(ts, f, kBufferSize)) return Value::Null();
    NoteNewlines(t, f->rpos + kept);
  }
  return Decode(ts, t, out);
}

// The bytes a str becomes in this file, newlines translated, then encoded, into *out: the str's
// own bytes when nothing changes them (no copy: a str's bytes never move, and the caller keeps
// it alive, also while a blocking write runs without the GIL), else `scratch`'s.
bool Encode(ThreadState& ts, TextObject* t, StrObject* s, std::string* scratch, std::string_view* out) {
  std::string_view text = s->view();
  if ((t->newline == Newline::kCr || t->newline == Newline::kCrLf) && text.find('\n') != std::string_view::npos) {
    *scratch = absl::StrReplaceAll(std::string(text), {{"\n", t->newline == Newline::kCr ? "\r" : "\r\n"}});
    text = *scratch;
  }
  if (t->utf8 || s->ascii()) {
    *out = text;
    return true;
  }
  Root str(ts, NewStrValue(ts, text));
  Root codec(ts, NewStrValue(ts, t->codec)), errors(ts, NewStrValue(ts, t->errors));
  Value argv[2] = {codec.get(), errors.get()};
  Root bytes(ts, CallMethod(ts, str.get(), Intern(ts.interp, "encode"), argv, 2));
  std::string_view data;
  if (bytes.get().is_null() || !RequireBytesLike(ts, bytes.get(), &data)) return false;
  scratch->assign(data);
  *out = *scratch;
  return true;
}

bool TextWrite(ThreadState& ts, TextObject* t, StrObject* s) {
  // CPython's text layer drops its read-ahead chunk without seeking back, so after a read in
  // "r+" the write lands after that chunk (the end of a small file), and on a socket file in
  // "rw" what was read ahead is lost. Do the same.
  t->buffer->rbuf.clear();
  t->buffer->rpos = 0;
  std::string scratch;
  std::string_view data;
  if (!Encode(ts, t, s, &scratch, &data) || !BinaryWrite(ts, t->buffer, data)) return false;
  if (t->line_buffering && s->view().find_first_of("\n\r") != std::string_view::npos) return FlushWrites(ts, t->buffer);
  return true;
}

// ---------------------------------------------------------------------------------------------
// 3. Methods

IoObject* Self(const CallArgs& a) { return static_cast<IoObject*>(a.argv[0].as_object()); }
FileObject* FileOf(IoObject* o) {
  return o->impl == IoObject::Impl::kText ? static_cast<TextObject*>(o)->buffer : static_cast<FileObject*>(o);
}
bool IsBuffered(IoObject* o) { return o->impl == IoObject::Impl::kFile && !static_cast<FileObject*>(o)->raw; }

// Raises ValueError if closed. `buffered_msg` is what a Buffered* object says for this operation
// (CPython words it per method); text and raw files say "I/O operation on closed file[.]".
bool CheckOpen(ThreadState& ts, IoObject* o, const char* buffered_msg = kClosedNoDot, bool text_dot = true) {
  if (!o->closed) return true;
  const char* msg = kClosedDot;
  if (IsBuffered(o)) msg = buffered_msg;
  else if (o->impl == IoObject::Impl::kFile || o->impl == IoObject::Impl::kStringIO) msg = kClosedNoDot;
  else if (o->impl == IoObject::Impl::kText && !text_dot) msg = kClosedNoDot;
  RaiseValueError(ts, msg);
  return false;
}

bool CheckReadable(ThreadState& ts, IoObject* o, const char* what = "not readable") {
  if (o->readable) return true;
  RaiseUnsupported(ts, IsBuffered(o) ? "read" : o->impl == IoObject::Impl::kFile ? "File not open for reading" : what);
  return false;
}

bool CheckWritable(ThreadState& ts, IoObject* o) {
  if (o->writable) return true;
  RaiseUnsupported(ts, IsBuffered(o) ? "write" : o->impl == IoObject::Impl::kFile ? "File not open for writing" : "not writable");
  return false;
}

// A size argument: None or an int; -1 means "all".
bool SizeArg(ThreadState& ts, const CallArgs& a, size_t i, int64_t* out) {
  *out = -1;
  if (a.nargs <= i || a.argv[i].is_none()) return true;
  if (!a.argv[i].is_intlike()) {
    RaiseTypeError(ts, absl::StrCat("argument should be integer or None, not '", TypeName(ts, a.argv[i]), "'"));
    return false;
  }
  *out = a.argv[i].as_int();
  return true;
}

std::string Utf32ToUtf8(std::u32string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char32_t c : s) AppendUtf8(out, c);
  return out;
}

std::u32string Utf8ToUtf32(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) out.push_back(DecodeUtf8(s, &i));
  return out;
}

// read([size]) for every kind of stream.
Value ReadMethod(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "read", 1, 2)) return Value::Null();
  IoObject* o = Self(a);
  int64_t n;
  if (!CheckOpen(ts, o, "read of closed file") || !CheckReadable(ts, o) || !SizeArg(ts, a, 1, &n)) return Value::Null();
  switch (o->impl) {
    case IoObject::Impl::kFile: {
      FileBusy busy(ts, static_cast<FileObject*>(o));
      std::string out;
      if (!busy.ok() || !BinaryRead(ts, static_cast<FileObject*>(o), n, &out)) return Value::Null();
      return NewBytesValue(ts, out);
    }
    case IoObject::Impl::kText: {
      FileBusy busy(ts, FileOf(o));
      if (!busy.ok()) return Value::Null();
      return TextReadImpl(ts, static_cast<TextObject*>(o), false, n);
    }
    case IoObject::Impl::kBytesIO: {
      auto* b = static_cast<BytesIOObject*>(o);
      size_t start = std::min(b->pos, b->data.size());
      size_t len = n < 0 ? b->data.size() - start : std::min<size_t>(n, b->data.size() - start);
      b->pos = start + len;
      return NewBytesValue(ts, std::string_view(b->data).substr(start, len));
    }
    case IoObject::Impl::kStringIO: {
      auto* s = static_cast<StringIOObject*>(o);
      size_t start = std::min(s->pos, s->data.size());
      size_t len = n < 0 ? s->data.size() - start : std::min<size_t>(n, s->data.size() - start);
      s->pos = start + len;
      return NewStrValue(ts, Utf32ToUtf8(std::u32string_view(s->data).substr(start, len)));
    }
  }
  return Value::Null();
}

// readline([size]); returns Null with an exception, or the line ('' / b'' at the end).
Value ReadLine(ThreadState& ts, IoObject* o, int64_t limit) {
  switch (o->impl) {
    case IoObject::Impl::kFile: {
      FileBusy busy(ts, static_cast<FileObject*>(o));
      std::string out;
      if (!busy.ok() || !BinaryReadLine(ts, static_cast<FileObject*>(o), limit, &out)) return Value::Null();
      return NewBytesValue(ts, out);
    }
    case IoObject::Impl::kText: {
      FileBusy busy(ts, FileOf(o));
      if (!busy.ok()) return Value::Null();
      return TextReadImpl(ts, static_cast<TextObject*>(o), true, limit);
    }
    case IoObject::Impl::kBytesIO: {
      auto* b = static_cast<BytesIOObject*>(o);
      size_t start = std::min(b->pos, b->data.size());
      size_t nl = b->data.find('\n', start);
      size_t end = nl == std::string::npos ? b->data.size() : nl + 1;
      if (limit >= 0) end = std::min(end, start + static_cast<size_t>(limit));
      b->pos = end;
      return NewBytesValue(ts, std::string_view(b->data).substr(start, end - start));
    }
    case IoObject::Impl::kStringIO: {
      auto* s = static_cast<StringIOObject*>(o);
      size_t start = std::min(s->pos, s->data.size());
      size_t nl = s->data.find(U'\n', start);
      size_t end = nl == std::u32string::npos ? s->data.size() : nl + 1;
      if (limit >= 0) end = std::min(end, start + static_cast<size_t>(limit));
      s->pos = end;
      return NewStrValue(ts, Utf32ToUtf8(std::u32string_view(s->data).substr(start, end - start)));
    }
  }
  return Value::Null();
}

bool IsEmptyLine(Value line) {
  return IsStr(line) ? As<StrObject>(line)->length() == 0 : As<BytesObject>(line)->data.empty();
}

Value ReadLineMethod(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "readline", 1, 2)) return Value::Null();
  IoObject* o = Self(a);
  int64_t limit;
  if (!CheckOpen(ts, o, "readline of closed file") || !CheckReadable(ts, o) || !SizeArg(ts, a, 1, &limit)) return Value::Null();
  return ReadLine(ts, o, limit);
}

Value ReadLinesMethod(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "readlines", 1, 2)) return Value::Null();
  IoObject* o = Self(a);
  int64_t hint;
  if (!CheckOpen(ts, o, kClosedDot) || !CheckReadable(ts, o) || !SizeArg(ts, a, 1, &hint)) return Value::Null();
  RootedPtr<ListObject> lines(ts, NewList(ts));
  int64_t total = 0;
  for (;;) {
    Value line = ReadLine(ts, o, -1);
    if (line.is_null()) return Value::Null();
    if (IsEmptyLine(line)) break;
    lines->items.push_back(line);
    total += IsStr(line) ? As<StrObject>(line)->length() : static_cast<int64_t>(As<BytesObject>(line)->data.size());
    if (hint > 0 && total >= hint) break;
  }
  return Value::Obj(lines.get());
}

Value NextMethod(ThreadState& ts, const CallArgs& a) {
  IoObject* o = Self(a);
  if (!CheckOpen(ts, o, "readline of closed file") || !CheckReadable(ts, o)) return Value::Null();
  Value line = ReadLine(ts, o, -1);
  if (line.is_null()) return line;
  if (IsEmptyLine(line)) return RaiseNoArgs(ts, ts.interp.exc.StopIteration);
  return line;
}

Value IterMethod(ThreadState& ts, const CallArgs& a) {
  if (!CheckOpen(ts, Self(a), kClosedDot)) return Value::Null();
  return a.argv[0];
}

Value WriteMethod(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "write", 2, 2)) return Value::Null();
  IoObject* o = Self(a);
  Value data = a.argv[1];
  if (!CheckOpen(ts, o, "write to closed file")) return Value::Null();
  bool text = o->impl == IoObject::Impl::kText || o->impl == IoObject::Impl::kStringIO;
  if (text && !IsStr(data)) {
    const char* who = o->impl == IoObject::Impl::kStringIO ? "string argument expected, got '" : nullptr;
    if (who) return RaiseTypeError(ts, absl::StrCat(who, TypeName(ts, data), "'"));
    return RaiseTypeError(ts, absl::StrCat("write() argument must be str, not ", TypeName(ts, data)));
  }
  if (!CheckWritable(ts, o)) return Value::Null();
  std::string_view bytes;
  if (!text && !RequireBytesLike(ts, data, &bytes)) return Value::Null();
  switch (o->impl) {
    case IoObject::Impl::kFile: {
      std::string copy(bytes);  // the GIL may be released while writing
      FileBusy busy(ts, static_cast<FileObject*>(o));
      if (!busy.ok() || !BinaryWrite(ts, static_cast<FileObject*>(o), copy)) return Value::Null();
      return Value::Int(static_cast<int64_t>(copy.size()));
    }
    case IoObject::Impl::kText: {
      FileBusy busy(ts, FileOf(o));
      if (!busy.ok() || !TextWrite(ts, static_cast<TextObject*>(o), As<StrObject>(data))) return Value::Null();
      return Value::Int(As<StrObject>(data)->length());
    }
    case IoObject::Impl::kBytesIO: {
      auto* b = static_cast<BytesIOObject*>(o);
      if (b->pos > b->data.size()) b->data.resize(b->pos, '\0');
      b->data.replace(b->pos, std::min(bytes.size(), b->data.size() - b->pos), bytes);
      b->pos += bytes.size();
      return Value::Int(static_cast<int64_t>(bytes.size()));
    }
    case IoObject::Impl::kStringIO: {
      auto* s = static_cast<StringIOObject*>(o);
      std::u32string text32 = Utf8ToUtf32(As<StrObject>(data)->view());
      if (s->pos > s->data.size()) s->data.resize(s->pos, U'\0');
      s->data.replace(s->pos, std::min(text32.size(), s->data.size() - s->pos), text32);
      s->pos += text32.size();
      return Value::Int(static_cast<int64_t>(text32.size()));
    }
  }
  return Value::Null();
}

Value WriteLinesMethod(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "writelines", 2, 2)) return Value::Null();
  if (!CheckOpen(ts, Self(a), kClosedDot)) return Value::Null();
  Root it(ts, GetIter(ts, a.argv[1]));
  if (it.get().is_null()) return Value::Null();
  for (;;) {
    Root line(ts);
    int r = IterNext(ts, it.get(), line.slot());
    if (r < 0) return Value::Null();
    if (r == 0) return Value::None();
    Value argv[2] = {a.argv[0], line.get()};
    if (WriteMethod(ts, CallArgs{argv, 2, nullptr}).is_null()) return Value::Null();
  }
}

Value FlushMethod(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "flush", 1, 1)) return Value::Null();
  IoObject* o = Self(a);
  bool reader = IsBuffered(o) && !o->writable;
  if (!CheckOpen(ts, o, reader ? kClosedDot : "flush of closed file")) return Value::Null();
  if (o->impl != IoObject::Impl::kFile && o->impl != IoObject::Impl::kText) return Value::None();
  FileBusy busy(ts, FileOf(o));
  if (!busy.ok() || !FlushWrites(ts, FileOf(o))) return Value::Null();
  return Value::None();
}

Value CloseMethod(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "close", 1, 1)) return Value::Null();
  IoObject* o = Self(a);
  if (o->closed) return Value::None();
  if (o->impl == IoObject::Impl::kFile || o->impl == IoObject::Impl::kText) {
    FileBusy busy(ts, FileOf(o));
    if (!busy.ok()) return Value::Null();
    bool ok = CloseFile(ts, FileOf(o));  // marks the binary layer closed, even on error
    o->closed = true;
    if (!ok) return Value::Null();
  } else if (o->impl == IoObject::Impl::kBytesIO) {
    std::string().swap(static_cast<BytesIOObject*>(o)->data);
  } else {
    std::u32string().swap(static_cast<StringIOObject*>(o)->data);
  }
  o->closed = true;
  return Value::None();
}

Value EnterMethod(ThreadState& ts, const CallArgs& a) {
  if (!CheckOpen(ts, Self(a), kClosedDot)) return Value::Null();
  return a.argv[0];
}

Value ExitMethod(ThreadState& ts, const CallArgs& a) {
  Value self = a.argv[0];
  Root r(ts, CallMethod(ts, self, ts.interp.names.close, nullptr, 0));
  return r.get().is_null() ? r.get() : Value::None();
}

// A stream position for seek/truncate/tell on in-memory streams.
size_t* MemoryPos(IoObject* o) {
  return o->impl == IoObject::Impl::kBytesIO ? &static_cast<BytesIOObject*>(o)->pos : &static_cast<StringIOObject*>(o)->pos;
}
size_t MemorySize(IoObject* o) {
  return o->impl == IoObject::Impl::kBytesIO ? static_cast<BytesIOObject*>(o)->data.size()
                                             : static_cast<StringIOObject*>(o)->data.size();
}

Value SeekMethod(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "seek", 2, 3)) return Value::Null();
  IoObject* o = Self(a);
  if (!CheckOpen(ts, o, "seek of closed file")) return Value::Null();
  int64_t offset, whence = 0;
  if (!ToIndex(ts, a.argv[1], &offset) || (a.nargs == 3 && !ToIndex(ts, a.argv[2], &whence))) return Value::Null();
  if (whence < 0 || whence > 2)
    return RaiseValueError(ts, absl::StrCat("invalid whence (", whence, ", should be 0, 1 or 2)"));
  if (o->impl == IoObject::Impl::kBytesIO || o->impl == IoObject::Impl::kStringIO) {
    if (o->impl == IoObject::Impl::kStringIO && whence != 0 && offset != 0)
      return Raise(ts, ts.interp.exc.OSError, "Can't do nonzero cur-relative seeks");
    if (whence == 0 && offset < 0)
      return RaiseValueError(ts, absl::StrCat(o->impl == IoObject::Impl::kStringIO ? "Negative seek position " : "negative seek value ", offset));
    int64_t base = whence == 0 ? 0 : whence == 1 ? static_cast<int64_t>(*MemoryPos(o)) : static_cast<int64_t>(MemorySize(o));
    *MemoryPos(o) = static_cast<size_t>(std::max<int64_t>(0, base + offset));
    return Value::Int(static_cast<int64_t>(*MemoryPos(o)));
  }
  if (o->impl == IoObject::Impl::kText && whence != 0 && offset != 0)
    return RaiseUnsupported(ts, whence == 1 ? "can't do nonzero cur-relative seeks" : "can't do nonzero end-relative seeks");
  if (!HostStreamAllowed(ts, FileOf(o), "seeking")) return Value::Null();
  FileBusy busy(ts, FileOf(o));
  if (!busy.ok()) return Value::Null();
  if (o->impl == IoObject::Impl::kText) static_cast<TextObject*>(o)->newlines_seen = 0;  // as the decoder's reset
  int64_t pos = BinarySeek(ts, FileOf(o), offset, static_cast<int>(whence));
  return pos < 0 ? Value::Null() : Value::Int(pos);
}

Value TellMethod(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "tell", 1, 1)) return Value::Null();
  IoObject* o = Self(a);
  if (!CheckOpen(ts, o)) return Value::Null();
  if (o->impl == IoObject::Impl::kBytesIO || o->impl == IoObject::Impl::kStringIO)
    return Value::Int(static_cast<int64_t>(*MemoryPos(o)));
  FileBusy busy(ts, FileOf(o));
  if (!busy.ok()) return Value::Null();
  int64_t pos = BinaryTell(ts, FileOf(o));
  return pos < 0 ? Value::Null() : Value::Int(pos);
}

Value TruncateMethod(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "truncate", 1, 2)) return Value::Null();
  IoObject* o = Self(a);
  if (!CheckOpen(ts, o, "truncate of closed file")) return Value::Null();
  if (!o->writable && (o->impl == IoObject::Impl::kText || IsBuffered(o))) return RaiseUnsupported(ts, "truncate");
  if (!CheckWritable(ts, o)) return Value::Null();
  int64_t size;
  if (!SizeArg(ts, a, 1, &size)) return Value::Null();
  if (o->impl == IoObject::Impl::kBytesIO || o->impl == IoObject::Impl::kStringIO) {
    if (size < 0) size = static_cast<int64_t>(*MemoryPos(o));
    if (o->impl == IoObject::Impl::kBytesIO) {
      auto& d = static_cast<BytesIOObject*>(o)->data;
      d.resize(std::min<size_t>(d.size(), size));
    } else {
      auto& d = static_cast<StringIOObject*>(o)->data;
      d.resize(std::min<size_t>(d.size(), size));
    }
    return Value::Int(size);
  }
  FileObject* f = FileOf(o);
  if (!HostStreamAllowed(ts, f, "truncating")) return Value::Null();
  FileBusy busy(ts, f);
  if (!busy.ok() || !FlushWrites(ts, f)) return Value::Null();
  if (size < 0) {
    size = BinaryTell(ts, f);
    if (size < 0) return Value::Null();
  }
  if (ftruncate(f->fd, size) < 0) return RaiseOSError(ts, errno);
  return Value::Int(size);
}

Value FilenoMethod(ThreadState& ts, const CallArgs& a) {
  IoObject* o = Self(a);
  if (o->impl == IoObject::Impl::kBytesIO || o->impl == IoObject::Impl::kStringIO) return RaiseUnsupported(ts, "fileno");
  if (!CheckOpen(ts, o, kClosedNoDot, false)) return Value::Null();
  return Value::Int(FileOf(o)->fd);
}

Value IsattyMethod(ThreadState& ts, const CallArgs& a) {
  IoObject* o = Self(a);
  if (!CheckOpen(ts, o, kClosedNoDot, false)) return Value::Null();
  if (o->impl == IoObject::Impl::kBytesIO || o->impl == IoObject::Impl::kStringIO) return Value::Bool(false);
  return Value::Bool(isatty(FileOf(o)->fd) == 1);
}

Value ReadableMethod(ThreadState& ts, const CallArgs& a) {
  IoObject* o = Self(a);
  if (!CheckOpen(ts, o, kClosedNoDot, false)) return Value::Null();
  return Value::Bool(o->readable);
}

Value WritableMethod(ThreadState& ts, const CallArgs& a) {
  IoObject* o = Self(a);
  if (!CheckOpen(ts, o, kClosedNoDot, false)) return Value::Null();
  return Value::Bool(o->writable);
}

Value SeekableMethod(ThreadState& ts, const CallArgs& a) {
  IoObject* o = Self(a);
  if (!CheckOpen(ts, o, kClosedNoDot, false)) return Value::Null();
  if (o->impl == IoObject::Impl::kBytesIO || o->impl == IoObject::Impl::kStringIO) return Value::Bool(true);
  return Value::Bool(lseek(FileOf(o)->fd, 0, SEEK_CUR) >= 0);
}

Value ClosedGetter(ThreadState& ts, const CallArgs& a) { return Value::Bool(Self(a)->closed); }

Value NameGetter(ThreadState& ts, const CallArgs& a) {
  IoObject* o = Self(a);
  if (o->impl != IoObject::Impl::kFile && o->impl != IoObject::Impl::kText)
    return RaiseAttributeError(ts, absl::StrCat("'", o->type->name, "' object has no attribute 'name'"));
  return FileOf(o)->name;
}

Value ModeGetter(ThreadState& ts, const CallArgs& a) {
  IoObject* o = Self(a);
  if (o->impl == IoObject::Impl::kText) return NewStrValue(ts, static_cast<TextObject*>(o)->mode);
  return NewStrValue(ts, FileOf(o)->mode);
}

TextObject* Text(const CallArgs& a) { return static_cast<TextObject*>(Self(a)); }
Value EncodingGetter(ThreadState& ts, const CallArgs& a) { return NewStrValue(ts, Text(a)->encoding); }
Value ErrorsGetter(ThreadState& ts, const CallArgs& a) { return NewStrValue(ts, Text(a)->errors); }
Value BufferGetter(ThreadState& ts, const CallArgs& a) { return Value::Obj(Text(a)->buffer); }
Value LineBufferingGetter(ThreadState& ts, const CallArgs& a) { return Value::Bool(Text(a)->line_buffering); }
// None until a line end has been read; then the one kind seen, or a tuple of the kinds.
Value NewlinesGetter(ThreadState& ts, const CallArgs& a) {
  static constexpr std::pair<uint8_t, const char*> kKinds[] = {{kSeenCr, "\r"}, {kSeenLf, "\n"}, {kSeenCrLf, "\r\n"}};
  RootedVector kinds(ts);
  for (auto [bit, text] : kKinds)
    if (Text(a)->newlines_seen & bit) kinds.push_back(NewStrValue(ts, text));
  if (kinds.size() == 0) return Value::None();
  if (kinds.size() == 1) return kinds[0];
  return Value::Obj(NewTuple(ts, kinds.items()));
}
Value CloseFdGetter(ThreadState& ts, const CallArgs& a) { return Value::Bool(FileOf(Self(a))->closefd); }

Value Read1Method(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "read1", 1, 2)) return Value::Null();
  IoObject* o = Self(a);
  int64_t n;
  if (!CheckOpen(ts, o, "read of closed file") || !SizeArg(ts, a, 1, &n)) return Value::Null();
  if (!o->readable) return RaiseUnsupported(ts, "read1");
  if (o->impl == IoObject::Impl::kBytesIO) return ReadMethod(ts, a);
  auto* f = static_cast<FileObject*>(o);
  FileBusy busy(ts, f);
  if (!busy.ok() || !PrepareRead(ts, f)) return Value::Null();
  if (Avail(f) == 0 && n != 0 && !Fill(ts, f, n < 0 ? kBufferSize : n)) return Value::Null();
  return NewBytesValue(ts, Take(f, n < 0 ? Avail(f) : n));
}

Value PeekMethod(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "peek", 1, 2)) return Value::Null();
  auto* f = static_cast<FileObject*>(Self(a));
  if (!CheckOpen(ts, f, "peek of closed file")) return Value::Null();
  FileBusy busy(ts, f);
  if (!busy.ok() || !PrepareRead(ts, f)) return Value::Null();
  if (Avail(f) == 0 && !Fill(ts, f, kBufferSize)) return Value::Null();
  return NewBytesValue(ts, std::string_view(f->rbuf).substr(f->rpos));
}

Value GetValueMethod(ThreadState& ts, const CallArgs& a) {
  IoObject* o = Self(a);
  if (o->closed) return RaiseValueError(ts, o->impl == IoObject::Impl::kStringIO ? kClosedNoDot : kClosedDot);
  if (o->impl == IoObject::Impl::kBytesIO) return NewBytesValue(ts, static_cast<BytesIOObject*>(o)->data);
  return NewStrValue(ts, Utf32ToUtf8(static_cast<StringIOObject*>(o)->data));
}

Value FileRepr(ThreadState& ts, const CallArgs& a) {
  IoObject* o = Self(a);
  std::string type = absl::StrCat("_io.", o->type->name);
  FileObject* f = FileOf(o);
  if (o->impl == IoObject::Impl::kFile && f->raw && o->closed) return NewStrValue(ts, absl::StrCat("<", type, " [closed]>"));
  std::string name;
  if (!ReprString(ts, f->name, &name)) return Value::Null();
  if (o->impl == IoObject::Impl::kFile && f->raw)
    return NewStrValue(ts, absl::StrCat("<", type, " name=", name, " mode='", f->mode, "' closefd=", f->closefd ? "True" : "False", ">"));
  if (o->impl == IoObject::Impl::kFile) return NewStrValue(ts, absl::StrCat("<", type, " name=", name, ">"));
  auto* t = static_cast<TextObject*>(o);
  return NewStrValue(ts, absl::StrCat("<", type, " name=", name, " mode='", t->mode, "' encoding='", t->encoding, "'>"));
}

// BytesIO(initial_bytes=b'') and StringIO(initial_value='', newline='\n').
Value BytesIONew(ThreadState& ts, const CallArgs& a) {
  Value init[1];
  if (!ParseArgs(ts, CallArgs{a.argv + 1, a.nargs - 1, a.kwnames}, Params{"BytesIO", {"initial_bytes"}}, init))
    return Value::Null();
  std::string_view data;
  if (!init[0].is_null() && !init[0].is_none() && !RequireBytesLike(ts, init[0], &data)) return Value::Null();
  auto* b = ts.interp.heap.New<BytesIOObject>(As<TypeObject>(a.argv[0]));
  b->data.assign(data);
  b->readable = b->writable = true;
  return Value::Obj(b);
}

Value StringIONew(ThreadState& ts, const CallArgs& a) {
  Value init[2];
  if (!ParseArgs(ts, CallArgs{a.argv + 1, a.nargs - 1, a.kwnames}, Params{"StringIO", {"initial_value", "newline"}}, init))
    return Value::Null();
  if (!init[0].is_null() && !init[0].is_none() && !IsStr(init[0]))
    return RaiseTypeError(ts, absl::StrCat("initial_value must be str or None, not ", TypeName(ts, init[0])));
  if (!init[1].is_null() && !init[1].is_none() && (!IsStr(init[1]) || As<StrObject>(init[1])->view() != "\n"))
    return RaiseValueError(ts, "gilvm's io.StringIO supports only newline='\\n'");
  auto* s = ts.interp.heap.New<StringIOObject>(As<TypeObject>(a.argv[0]));
  if (IsStr(init[0])) s->data = Utf8ToUtf32(As<StrObject>(init[0])->view());
  s->readable = s->writable = true;
  return Value::Obj(s);
}

// ---------------------------------------------------------------------------------------------
// open()

struct OpenMode {
  bool read = false, write = false, create = false, append = false, plus = false, text = false, binary = false;
};

bool ParseMode(ThreadState& ts, std::string_view mode, OpenMode* m) {
  std::string seen;
  for (char c : mode) {
    if (std::string_view("rwxa+bt").find(c) == std::string_view::npos || seen.find(c) != std::string::npos) {
      RaiseValueError(ts, absl::StrCat("invalid mode: '", std::string(mode), "'"));
      return false;
    }
    seen += c;
    switch (c) {
      case 'r': m->read = true; break;
      case 'w': m->write = true; break;
      case 'x': m->create = true; break;
      case 'a': m->append = true; break;
      case '+': m->plus = true; break;
      case 'b': m->binary = true; break;
      case 't': m->text = true; break;
    }
  }
  if (m->text && m->binary) {
    RaiseValueError(ts, "can't have text and binary mode at once");
    return false;
  }
  if (m->read + m->write + m->create + m->append != 1) {
    RaiseValueError(ts, "must have exactly one of create/read/write/append mode");
    return false;
  }
  return true;
}

// An optional str argument of open(); false with CPython's TypeError.
bool OptionalStr(ThreadState& ts, Value v, const char* what, Value* out) {
  *out = v.is_null() ? Value::None() : v;
  if (out->is_none() || IsStr(*out)) return true;
  RaiseTypeError(ts, absl::StrCat("open() argument '", what, "' must be str or None, not ", TypeName(ts, *out)));
  return false;
}

TypeObject* BinaryType(Interpreter& in, const OpenMode& m, bool raw) {
  if (raw) return in.types.io_file;
  if (m.plus) return in.types.io_buffered_random;
  return m.read ? in.types.io_buffered_reader : in.types.io_buffered_writer;
}

std::string RawMode(const OpenMode& m) {
  std::string mode = m.create ? "xb" : m.append ? "ab" : m.read || m.plus ? "rb" : "wb";
  if (m.plus) mode += '+';
  return mode;
}

// open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True),
// without the sandbox's check: socket.makefile() wraps its own socket's descriptor through it.
Value OpenUnchecked(ThreadState& ts, const CallArgs& a) {
  Value arg[8];
  if (!ParseArgs(ts, a, Params{"open", {"file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"}, 1}, arg))
    return Value::Null();
  Value file = arg[0];
  std::string path;
  std::string_view bytes_path;
  if (IsStr(file)) path = As<StrObject>(file)->view();
  else if (BytesLikeView(file, &bytes_path) && IsBytes(file)) path = bytes_path;
  else if (!file.is_intlike())
    return RaiseTypeError(ts, absl::StrCat("expected str, bytes or os.PathLike object, not ", TypeName(ts, file)));
  if (!arg[1].is_null() && !IsStr(arg[1]))
    return RaiseTypeError(ts, absl::StrCat("open() argument 'mode' must be str, not ", TypeName(ts, arg[1])));
  std::string mode_text = arg[1].is_null() ? "r" : As<StrObject>(arg[1])->str();
  int64_t buffering = -1;
  if (!arg[2].is_null() && !ToIndex(ts, arg[2], &buffering)) return Value::Null();
  Value encoding, errors, newline;
  if (!OptionalStr(ts, arg[3], "encoding", &encoding) || !OptionalStr(ts, arg[4], "errors", &errors) ||
      !OptionalStr(ts, arg[5], "newline", &newline))
    return Value::Null();
  bool closefd = true;
  if (!arg[6].is_null()) {
    int t = IsTrue(ts, arg[6]);
    if (t < 0) return Value::Null();
    closefd = t;
  }
  if (!arg[7].is_null() && !arg[7].is_none()) return RaiseTypeError(ts, "gilvm's open() does not support the 'opener' argument");
  OpenMode m;
  if (!ParseMode(ts, mode_text, &m)) return Value::Null();
  if (m.binary && !encoding.is_none()) return RaiseValueError(ts, "binary mode doesn't take an encoding argument");
  if (m.binary && !errors.is_none()) return RaiseValueError(ts, "binary mode doesn't take an errors argument");
  if (m.binary && !newline.is_none()) return RaiseValueError(ts, "binary mode doesn't take a newline argument");
  if (!m.binary && buffering == 0) return RaiseValueError(ts, "can't have unbuffered text I/O");
  Newline nl = Newline::kUniversal;
  if (IsStr(newline)) {
    std::string_view v = As<StrObject>(newline)->view();
    if (v == "") nl = Newline::kUntranslated;
    else if (v == "\n") nl = Newline::kLf;
    else if (v == "\r") nl = Newline::kCr;
    else if (v == "\r\n") nl = Newline::kCrLf;
    else return RaiseValueError(ts, absl::StrCat("illegal newline value: ", std::string(v)));
  }
  std::string codec = "utf-8";
  if (IsStr(encoding)) {
    codec = NormalizeCodec(As<StrObject>(encoding)->view());
    if (codec.empty())
      return Raise(ts, ts.interp.exc.LookupError,
                   absl::StrCat("unknown encoding: ", As<StrObject>(encoding)->str(),
                                " (gilvm's files support utf-8, ascii and latin-1)"));
  }
  if (!closefd && !file.is_intlike()) return RaiseValueError(ts, "Cannot use closefd=False with file name");
  if (!FlushUnflushedFiles(ts)) return Value::Null();

  int fd;
  if (file.is_intlike()) {
    fd = static_cast<int>(file.as_int());
    if (fd < 0) return RaiseValueError(ts, "negative file descriptor");
  } else {
    int flags = O_CLOEXEC | (m.plus ? O_RDWR : m.read ? O_RDONLY : O_WRONLY);
    if (m.write) flags |= O_CREAT | O_TRUNC;
    if (m.create) flags |= O_CREAT | O_EXCL;
    if (m.append) flags |= O_CREAT | O_APPEND;
    int err;
    {
      GilReleaseGuard unlocked(ts);  // opening a FIFO waits for its other end
      fd = open(path.c_str(), flags, 0666);
      err = errno;
    }
    if (fd < 0) return RaiseOSError(ts, err, file);
  }
  struct stat st;
  if (fstat(fd, &st) < 0) {
    int err = errno;
    if (!file.is_intlike()) close(fd);
    return RaiseOSError(ts, err);
  }
  if (S_ISDIR(st.st_mode)) {
    if (!file.is_intlike()) close(fd);
    return RaiseOSError(ts, EISDIR, file);
  }
  Interpreter& in = ts.interp;
  bool raw = m.binary && buffering == 0;
  RootedPtr<FileObject> f(ts, in.heap.New<FileObject>(BinaryType(in, m, raw), &in));
  f->fd = fd;
  f->closefd = closefd;
  f->raw = raw;
  f->regular = S_ISREG(st.st_mode);
  f->appending = m.append;
  f->name = file;
  f->mode = RawMode(m);
  f->readable = m.read || m.plus;
  f->writable = !m.read || m.plus;
  if (m.append) lseek(fd, 0, SEEK_END);
  if (m.binary) return Value::Obj(f.get());
  auto* t = in.heap.New<TextObject>(in.types.io_text, f.get());
  t->encoding = IsStr(encoding) ? As<StrObject>(encoding)->view() : "UTF-8";
  t->codec = codec;
  t->utf8 = codec == "utf-8";
  if (IsStr(errors)) t->errors = As<StrObject>(errors)->view();
  t->mode = mode_text;
  t->newline = nl;
  t->line_buffering = buffering == 1 || (buffering < 0 && isatty(fd) == 1);
  t->readable = f->readable;
  t->writable = f->writable;
  return Value::Obj(t);
}

// builtins.open and io.open: a path needs file access, a descriptor number (which may be one of
// the host's) needs descriptor access (vm/sandbox.h).
Value Open(ThreadState& ts, const CallArgs& a) {
  Value file = a.nargs > 0 ? a.argv[0] : Value::Null();
  for (size_t k = 0; file.is_null() && k < a.nkw(); ++k)
    if (As<StrObject>(a.kwnames->items[k])->view() == "file") file = a.kwvalue(k);
  SandboxAccess what = file.is_intlike() ? SandboxAccess::kDescriptors : SandboxAccess::kFiles;
  if (!SandboxAllows(ts, what, "open()")) return Value::Null();
  return OpenUnchecked(ts, a);
}

// ---------------------------------------------------------------------------------------------
// Types and the module

void InitIoTypes(Interpreter& in) {
  TypeObject* base = NewBuiltinType(in, "_IOBase", nullptr, Kind::kIo, "_io");
  for (auto [name, fn] : std::initializer_list<std::pair<const char*, NativeFn>>{
           {"close", CloseMethod},     {"flush", FlushMethod},       {"__enter__", EnterMethod},
           {"__exit__", ExitMethod},   {"__iter__", IterMethod},     {"__next__", NextMethod},
           {"readline", ReadLineMethod}, {"readlines", ReadLinesMethod}, {"writelines", WriteLinesMethod},
           {"fileno", FilenoMethod},   {"isatty", IsattyMethod},     {"readable", ReadableMethod},
           {"writable", WritableMethod}, {"seekable", SeekableMethod}, {"seek", SeekMethod},
           {"tell", TellMethod},       {"truncate", TruncateMethod}, {"read", ReadMethod},
           {"write", WriteMethod}})
    AddMethod(in, base, name, fn);
  AddGetter(in, base, "closed", ClosedGetter);
  TypeObject* raw_base = NewBuiltinType(in, "_RawIOBase", base, Kind::kIo, "_io");
  TypeObject* buffered_base = NewBuiltinType(in, "_BufferedIOBase", base, Kind::kIo, "_io");
  TypeObject* text_base = NewBuiltinType(in, "_TextIOBase", base, Kind::kIo, "_io");

  TypeObject* file = in.types.io_file = NewBuiltinType(in, "FileIO", raw_base, Kind::kIo, "_io");
  AddMethod(in, file, "readall", ReadMethod);
  AddGetter(in, file, "closefd", CloseFdGetter);
  TypeObject* reader = in.types.io_buffered_reader = NewBuiltinType(in, "BufferedReader", buffered_base, Kind::kIo, "_io");
  TypeObject* writer = in.types.io_buffered_writer = NewBuiltinType(in, "BufferedWriter", buffered_base, Kind::kIo, "_io");
  TypeObject* random = in.types.io_buffered_random = NewBuiltinType(in, "BufferedRandom", buffered_base, Kind::kIo, "_io");
  for (TypeObject* t : {file, reader, writer, random, in.types.io_text = NewBuiltinType(in, "TextIOWrapper", text_base, Kind::kIo, "_io")}) {
    AddMethod(in, t, "__repr__", FileRepr);
    AddGetter(in, t, "name", NameGetter);
    AddGetter(in, t, "mode", ModeGetter);
  }
  for (TypeObject* t : {reader, random}) {
    AddMethod(in, t, "read1", Read1Method);
    AddMethod(in, t, "peek", PeekMethod);
  }
  AddMethod(in, writer, "read1", Read1Method);
  TypeObject* text = in.types.io_text;
  AddGetter(in, text, "encoding", EncodingGetter);
  AddGetter(in, text, "errors", ErrorsGetter);
  AddGetter(in, text, "buffer", BufferGetter);
  AddGetter(in, text, "line_buffering", LineBufferingGetter);
  AddGetter(in, text, "newlines", NewlinesGetter);

  TypeObject* bytes_io = in.types.io_bytes_io = NewBuiltinType(in, "BytesIO", buffered_base, Kind::kIo, "_io");
  AddStaticMethod(in, bytes_io, "__new__", BytesIONew);
  AddMethod(in, bytes_io, "getvalue", GetValueMethod);
  AddMethod(in, bytes_io, "read1", Read1Method);
  TypeObject* string_io = in.types.io_string_io = NewBuiltinType(in, "StringIO", text_base, Kind::kIo, "_io");
  AddStaticMethod(in, string_io, "__new__", StringIONew);
  AddMethod(in, string_io, "getvalue", GetValueMethod);
  for (TypeObject* t : {file, reader, writer, random, text, bytes_io, string_io}) t->subclassable = false;

  // io.UnsupportedOperation derives from both OSError and ValueError, as CPython's does.
  TypeObject* unsupported = in.types.io_unsupported_operation =
      NewBuiltinType(in, "UnsupportedOperation", in.exc.OSError, Kind::kException, "io");
  unsupported->mro = {unsupported, in.exc.OSError, in.exc.ValueError, in.exc.Exception, in.exc.BaseException, in.types.object};
}

ModuleObject* MakeIoModule(ThreadState& ts) {
  Interpreter& in = ts.interp;
  RootedPtr<ModuleObject> m(ts, NewNativeModule(ts, "io"));
  DictObject* d = m->dict;
  auto set = [&](const char* name, Value v) { DictSetStr(d, Intern(in, name), v); };
  set("open", DictGetStr(in.builtins, Intern(in, "open")));
  for (TypeObject* t : {in.types.io_file, in.types.io_buffered_reader, in.types.io_buffered_writer,
                        in.types.io_buffered_random, in.types.io_text, in.types.io_bytes_io, in.types.io_string_io,
                        in.types.io_unsupported_operation})
    set(t->name.c_str(), Value::Obj(t));
  for (TypeObject* t : in.extra_types)
    if (t->module == "_io" && t->name[0] == '_') set(t->name.substr(1).c_str(), Value::Obj(t));  // IOBase...
  set("DEFAULT_BUFFER_SIZE", Value::Int(kBufferSize));
  set("SEEK_SET", Value::Int(0));
  set("SEEK_CUR", Value::Int(1));
  set("SEEK_END", Value::Int(2));
  return m.get();
}

}  // namespace

FileObject::~FileObject() {
  // Unreachable now: what the script wrote still reaches the file, as with CPython's finalizer.
  if (closed) return;
  interp->unflushed_files.erase(this);
  std::string_view rest = wbuf;
  while (!rest.empty() && sink == Sink::kFd) {
    ssize_t n = write(fd, rest.data(), rest.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    rest.remove_prefix(n);
  }
  if (closefd && fd >= 0) close(fd);
}

void FileObject::Trace(Tracer& t) {
  t.Visit(name);
  t.Visit(owner);
}
void TextObject::Trace(Tracer& t) { t.Visit(Value::Obj(buffer)); }

Value NewStdStream(ThreadState& ts, int fd) {
  Interpreter& in = ts.interp;
  static constexpr const char* kNames[] = {"<stdin>", "<stdout>", "<stderr>"};
  RootedPtr<FileObject> f(ts, in.heap.New<FileObject>(fd == 0 ? in.types.io_buffered_reader : in.types.io_buffered_writer, &in));
  f->fd = fd;
  f->closefd = false;
  f->sink = fd == 1 ? Sink::kStdout : fd == 2 ? Sink::kStderr : Sink::kFd;
  f->host_stream = fd;
  struct stat st;
  f->regular = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  f->mode = fd == 0 ? "rb" : "wb";
  f->readable = fd == 0;
  f->writable = fd != 0;
  f->name = NewStrValue(ts, kNames[fd]);
  auto* t = in.heap.New<TextObject>(in.types.io_text, f.get());
  t->encoding = t->codec = "utf-8";
  t->mode = fd == 0 ? "r" : "w";
  t->errors = fd == 2 ? "backslashreplace" : "strict";
  t->readable = f->readable;
  t->writable = f->writable;
  return Value::Obj(t);
}

bool ReadInputLine(ThreadState& ts, Value stream, std::string* line) {
  Root result(ts);
  if (IsObjectOfKind(stream, Kind::kIo) && static_cast<IoObject*>(stream.as_object())->impl == IoObject::Impl::kText) {
    auto* t = static_cast<TextObject*>(stream.as_object());
    if (!CheckOpen(ts, t) || !CheckReadable(ts, t)) return false;
    FileBusy busy(ts, t->buffer);
    if (!busy.ok()) return false;
    result.set(TextReadImpl(ts, t, true, -1));
  } else {
    result.set(CallMethod(ts, stream, ts.interp.names.readline, nullptr, 0));
  }
  if (result.get().is_null()) return false;
  if (!IsStr(result.get())) {
    RaiseTypeError(ts, "object.readline() returned non-string");
    return false;
  }
  std::string_view text = As<StrObject>(result.get())->view();
  if (text.empty()) {
    Raise(ts, ts.interp.exc.EOFError, "EOF when reading a line");
    return false;
  }
  if (text.back() == '\n') text.remove_suffix(1);
  line->assign(text);
  return true;
}

bool WriteText(ThreadState& ts, Value stream, const std::vector<std::string>& parts) {
  if (stream.is_null() || stream.is_none()) {
    stream = DictGetStr(ts.interp.sys_module->dict, Intern(ts.interp, "stdout"));
    if (stream.is_null() || stream.is_none()) return true;
  }
  if (IsObjectOfKind(stream, Kind::kIo) && static_cast<IoObject*>(stream.as_object())->impl == IoObject::Impl::kText) {
    auto* t = static_cast<TextObject*>(stream.as_object());
    if (!t->closed && t->buffer->sink == Sink::kStdout && t->buffer->wbuf.empty()) {
      for (const std::string& part : parts) ts.interp.WriteStdout(part);  // no str objects, no calls
      return true;
    }
  }
  Root root(ts, stream);
  for (const std::string& part : parts) {
    Root s(ts, NewStrValue(ts, part));
    if (CallMethod(ts, root.get(), ts.interp.names.write, s.slot(), 1).is_null()) return false;
  }
  return true;
}

Value OpenSocketFile(ThreadState& ts, int fd, std::string_view mode, const Value* options, Value owner,
                     double timeout) {
  Root mode_str(ts, NewStrValue(ts, mode));
  Value argv[7] = {Value::Int(fd), mode_str.get(), options[0], options[1], options[2], options[3], Value::Bool(false)};
  for (Value& v : argv)
    if (v.is_null()) v = Value::None();
  if (argv[2].is_none()) argv[2] = Value::Int(-1);
  Root file(ts, OpenUnchecked(ts, CallArgs{argv, 7, nullptr}));
  if (file.get().is_null()) return Value::Null();
  FileObject* f = FileOf(file.as<IoObject>());
  f->owner = owner;
  f->timeout = timeout;
  return file.get();
}

bool FlushUnflushedFiles(ThreadState& ts) {
  while (!ts.interp.unflushed_files.empty()) {
    auto* f = static_cast<FileObject*>(*ts.interp.unflushed_files.begin());
    RootedPtr<FileObject> root(ts, f);
    FileBusy busy(ts, f);
    if (!busy.ok() || !FlushWrites(ts, f)) return false;
  }
  return true;
}

void RegisterIoModule(Interpreter& interp) {
  InitIoTypes(interp);
  AddFunction(interp, interp.builtins, "open", Open);
  interp.native_modules["io"] = MakeIoModule;
  interp.native_modules["_io"] = MakeIoModule;
}

}  // namespace gilvm::stdlib
