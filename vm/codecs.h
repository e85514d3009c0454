// Codecs: str.encode and bytes.decode for the encodings gilvm knows (utf-8, ascii, latin-1 and
// their aliases), with CPython's error handlers and exception messages.
//
// Invariants:
//  - Encoding names are normalised as CPython's codec registry does (case and '-'/' '/'_' do
//    not matter), and messages name the codec by its canonical name ('utf-8', 'ascii',
//    'latin-1'), whatever alias the caller used.
//  - Positions in UnicodeEncodeError are code-point indexes into the str; in
//    UnicodeDecodeError, byte offsets into the input. `end` is exclusive, as in CPython.
//  - An error handler name is only checked when an error actually happens (CPython looks it up
//    lazily), so 'abc'.encode('ascii', 'bogus') succeeds.
//  - Decoded text is always valid UTF-8 (the str invariant); the utf-8 decoder rejects
//    surrogates, overlong forms and values past U+10FFFF.
#pragma once

#include <string>
#include <string_view>

namespace gilvm::vm {

class ThreadState;
class Interpreter;

// Encodes str text (UTF-8) into `*out`. False with UnicodeEncodeError, LookupError ("unknown
// encoding: X", "unknown error handler name 'X'") or NotImplementedError pending.
bool EncodeText(ThreadState& ts, std::string_view text, std::string_view encoding, std::string_view errors,
                std::string* out);
// Decodes octets into UTF-8 text in `*out`. Same failures, with UnicodeDecodeError.
bool DecodeBytes(ThreadState& ts, std::string_view data, std::string_view encoding, std::string_view errors,
                 std::string* out);

// Installs __init__ and __str__ of UnicodeEncodeError and UnicodeDecodeError (the five-argument
// form, with encoding/object/start/end/reason attributes).
void InitUnicodeErrors(Interpreter& interp);

}  // namespace gilvm::vm
