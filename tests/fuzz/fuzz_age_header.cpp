// libFuzzer target: the age v1 header parser (src/crypto/header.h).
// Properties: never crash; an accepted header serialises back to exactly the
// bytes it was parsed from (no malleability: one encoding per header); and the
// one-shot parser and the line-by-line HeaderParser reach the same verdict.
#include <cstdlib>
#include <cstring>
#include <string>

#include "crypto/header.h"

using namespace bb::crypto;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const ByteView input(data, size);
  auto parsed = parse_header(input);

  // The streaming parser, fed line by line, agrees.
  HeaderParser lines;
  const std::string_view text = input.str();
  size_t pos = 0;
  bool stream_ok = true;
  while (!lines.done()) {
    const size_t lf = text.find('\n', pos);
    if (lf == std::string_view::npos) {
      stream_ok = false;
      break;
    }
    if (!lines.feed_line(text.substr(pos, lf + 1 - pos)).ok()) {
      stream_ok = false;
      break;
    }
    pos = lf + 1;
  }
  if (stream_ok != parsed.ok()) std::abort();
  if (!parsed.ok()) return 0;
  if (lines.consumed() != parsed->size) std::abort();

  // Parse, serialise: the same bytes.
  const std::string again = serialize_header(parsed->header);
  if (again.size() != parsed->size || std::memcmp(again.data(), data, again.size()) != 0) std::abort();
  // And the serialisation parses to the same header.
  auto reparsed = parse_header(again);
  if (!reparsed.ok() || !(reparsed->header.stanzas == parsed->header.stanzas) ||
      reparsed->header.mac != parsed->header.mac) {
    std::abort();
  }
  return 0;
}
