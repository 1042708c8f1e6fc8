// libFuzzer target: the ASCII armor decoder (src/crypto/armor.h).
// Properties: never crash; accepted armor re-encodes to the input up to the
// documented leniencies (CRLF line ends, whitespace around the block), so
// armor is not malleable; and feeding the input in pieces changes nothing.
#include <cstdlib>
#include <string>

#include "crypto/armor.h"

using namespace bb::crypto;

namespace {
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const ByteView input(data, size);
  auto whole = dearmor(input);

  // The same in pieces of 1..16 bytes (the first byte picks the size).
  const size_t piece = size ? (data[0] % 16) + 1 : 1;
  bb::crypto::Bytes out;
  ArmorDecoder dec([&out](ByteView b) {
    out.insert(out.end(), b.data, b.data + b.size);
    return bb::Status();
  });
  bb::Status st;
  for (size_t pos = 0; st.ok() && pos < size; pos += piece) st = dec.write(input.sub(pos, piece));
  if (st.ok()) st = dec.finish();
  if (st.ok() != whole.ok()) std::abort();
  if (!whole.ok()) return 0;
  if (out != *whole) std::abort();

  // Canonical form: trim the outer whitespace, CRLF to LF, one final LF.
  std::string expect(input.str());
  size_t b = 0, e = expect.size();
  while (b < e && is_space(expect[b])) ++b;
  while (e > b && is_space(expect[e - 1])) --e;
  expect = expect.substr(b, e - b);
  std::string norm;
  for (size_t i = 0; i < expect.size(); ++i) {
    if (expect[i] == '\r' && i + 1 < expect.size() && expect[i + 1] == '\n') continue;
    norm += expect[i];
  }
  norm += '\n';
  if (armor(*whole) != norm) std::abort();
  return 0;
}
