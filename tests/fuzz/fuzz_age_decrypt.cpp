// libFuzzer target: age decryption of arbitrary bytes (src/crypto/age.h) with
// a fixed X25519 identity and a fixed passphrase (those of the CCTV vectors,
// so the vectors make a good seed corpus). Properties: never crash, never
// hang; the outcome and the released plaintext do not depend on how the
// input is split into writes; a failure class is always a file class.
#include <cstdlib>
#include <memory>

#include "crypto/age.h"
#include "crypto/errors.h"
#include "crypto/keys.h"
#include "crypto/scrypt.h"

using namespace bb::crypto;

namespace {

const std::vector<IdentityPtr>& identities() {
  static const std::vector<IdentityPtr> ids = [] {
    auto x = parse_identity("AGE-SECRET-KEY-1EGTZVFFV20835NWYV6270LXYVK2VKNX2MMDKWYKLMGR48UAWX40Q2P2LM0");
    if (!x.ok()) std::abort();
    // Work factor limit 12: the fuzzer must not spend seconds and GiBs per input.
    return std::vector<IdentityPtr>{*x, std::make_shared<ScryptIdentity>("password", 12)};
  }();
  return ids;
}

struct Run {
  bool ok = false;
  Failure failure = Failure::none;
  Bytes released;
};

Run run(ByteView input, size_t piece) {
  Run r;
  Decryptor dec(identities(), [&r](ByteView b) {
    r.released.insert(r.released.end(), b.data, b.data + b.size);
    return bb::Status();
  });
  bb::Status st;
  for (size_t pos = 0; st.ok() && pos < input.size; pos += piece) st = dec.write(input.sub(pos, piece));
  if (st.ok()) st = dec.finish();
  r.ok = st.ok();
  if (!r.ok) r.failure = failure_class(st.error());
  return r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const ByteView input(data, size);
  const Run whole = run(input, size ? size : 1);
  if (!whole.ok && whole.failure == Failure::other) std::abort();  // every failure is about the file
  const Run pieces = run(input, size ? (data[size - 1] % 97) + 1 : 1);
  if (whole.ok != pieces.ok || whole.failure != pieces.failure || whole.released != pieces.released)
    std::abort();
  auto buffer = decrypt(input, identities());
  if (buffer.ok() != whole.ok) std::abort();
  if (buffer.ok() && *buffer != whole.released) std::abort();
  return 0;
}
