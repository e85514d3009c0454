#include "vm/json_text.h"

#include "vm/utf8.h"

namespace gilvm::vm {

void AppendUEscape(std::string& out, uint32_t c) {
  static constexpr char kHex[] = "0123456789abcdef";
  auto one = [&](uint32_t u) {
    out += "\\u";
    for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(u >> shift) & 0xF];
  };
  if (c > 0xFFFF) {
    c -= 0x10000;
    one(0xD800 | (c >> 10));
    one(0xDC00 | (c & 0x3FF));
  } else {
    one(c);
  }
}

void AppendJsonString(std::string& out, std::string_view s, bool ensure_ascii) {
  out += '"';
  for (size_t i = 0; i < s.size();) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b >= 0x80) {
      size_t start = i;
      uint32_t c = DecodeUtf8(s, &i);
      if (ensure_ascii) AppendUEscape(out, c);
      else out.append(s.substr(start, i - start));
      continue;
    }
    ++i;
    switch (b) {
      case '"': out += "\\\""; continue;
      case '\\': out += "\\\\"; continue;
      case '\n': out += "\\n"; continue;
      case '\r': out += "\\r"; continue;
      case '\t': out += "\\t"; continue;
      case '\b': out += "\\b"; continue;
      case '\f': out += "\\f"; continue;
      default: break;
    }
    if (b < 0x20 || (ensure_ascii && b == 0x7F)) AppendUEscape(out, b);
    else out += static_cast<char>(b);
  }
  out += '"';
}

}  // namespace gilvm::vm
