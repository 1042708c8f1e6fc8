// Benchmark hook (issue 8): age throughput of the browser build. Encrypts
// `megabytes` MB (10^6 bytes) to a fresh X25519 key in 64 KiB writes, keeping
// the ciphertext in memory as a handover file would be, then decrypts it in
// 64 KiB writes into a sink that only counts. No store, no personal data.
// bench/crypto.mjs compares the figures with the `age` CLI on the same machine.
#include <emscripten/emscripten.h>

#include <algorithm>
#include <string>
#include <vector>

#include "crypto/age.h"
#include "crypto/x25519.h"

namespace {
std::string g_crypto_out;
}

extern "C" {

// {"bytes":..,"encrypt_ms":..,"decrypt_ms":..} or {"error":".."}.
EMSCRIPTEN_KEEPALIVE const char* bb_test_age_throughput(int megabytes) {
  using namespace bb::crypto;
  constexpr size_t kChunk = 64 * 1024;
  const size_t total = static_cast<size_t>(megabytes) * 1000000;
  std::vector<uint8_t> chunk(kChunk);
  for (size_t i = 0; i < kChunk; ++i) chunk[i] = static_cast<uint8_t>(i * 131 + 7);
  const X25519Identity identity = X25519Identity::generate();
  std::vector<RecipientPtr> recipients{std::make_shared<X25519Recipient>(identity.recipient())};
  std::vector<uint8_t> file;
  file.reserve(total + total / 1000 + 1024);

  const double t0 = emscripten_get_now();
  auto enc = Encryptor::create(recipients, [&](ByteView b) -> bb::Status {
    file.insert(file.end(), b.data, b.data + b.size);
    return {};
  });
  bool ok = enc.ok();
  for (size_t done = 0; ok && done < total; done += kChunk)
    ok = enc->write(ByteView(chunk.data(), std::min(kChunk, total - done))).ok();
  ok = ok && enc->finish().ok();
  const double t1 = emscripten_get_now();

  size_t plain = 0;
  Decryptor dec({std::make_shared<X25519Identity>(identity)}, [&](ByteView b) -> bb::Status {
    plain += b.size;
    return {};
  });
  for (size_t at = 0; ok && at < file.size(); at += kChunk)
    ok = dec.write(ByteView(file.data() + at, std::min(kChunk, file.size() - at))).ok();
  ok = ok && dec.finish().ok() && plain == total;
  const double t2 = emscripten_get_now();

  g_crypto_out = ok ? "{\"bytes\":" + std::to_string(total) + ",\"encrypt_ms\":" + std::to_string(t1 - t0) +
                          ",\"decrypt_ms\":" + std::to_string(t2 - t1) + "}"
                    : std::string("{\"error\":\"age round trip failed\"}");
  return g_crypto_out.c_str();
}

}  // extern "C"
