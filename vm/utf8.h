// UTF-8 helpers shared by the str implementation and string formatting.
//
// Invariants: StrObject data is always valid UTF-8 (vm/str.h), so these do no error handling;
// callers that take bytes from outside validate them first.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace gilvm::vm {

// Decodes the code point at byte *i and advances *i past it.
inline uint32_t DecodeUtf8(std::string_view s, size_t* i) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[*i + k]); };
  uint32_t c = b(0);
  size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  if (n == 2) c = ((c & 0x1F) << 6) | (b(1) & 0x3F);
  else if (n == 3) c = ((c & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
  else if (n == 4) c = ((c & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
  *i += n;
  return c;
}

// Appends code point c encoded as UTF-8.
inline void AppendUtf8(std::string& out, uint32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

}  // namespace gilvm::vm
