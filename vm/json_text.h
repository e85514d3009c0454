// JSON text the VM writes itself (the GIL statistics and traces) and the json module shares: one
// escaper, CPython's.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace gilvm::vm {

// Appends code point c as a \uXXXX escape (a surrogate pair outside the BMP), lowercase hex.
void AppendUEscape(std::string& out, uint32_t c);

// Appends s (UTF-8) as a quoted JSON string, escaped as CPython's json module escapes it: the
// short escapes, \u00XX for other control characters, and with ensure_ascii everything outside
// printable ASCII (DEL included) as \uXXXX.
void AppendJsonString(std::string& out, std::string_view s, bool ensure_ascii);

}  // namespace gilvm::vm
