// A minimal inflater (RFC 1951 DEFLATE inside an RFC 1950 zlib wrapper) for the
// zlib-compressed age test vectors. zlib is not part of the wasm build, and
// the CCTV test must run there too, so the test carries its own (after the
// structure of Mark Adler's puff.c). Test-only code: correct, not fast.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace bb::test {

namespace inflate_detail {

struct Bits {
  const uint8_t* in;
  size_t size;
  size_t pos = 0;
  uint32_t buf = 0;
  int count = 0;
  bool error = false;

  uint32_t need(int n) {  // n <= 16 bits, LSB first
    while (count < n) {
      if (pos >= size) {
        error = true;
        return 0;
      }
      buf |= uint32_t{in[pos++]} << count;
      count += 8;
    }
    const uint32_t v = buf & ((1u << n) - 1);
    buf >>= n;
    count -= n;
    return v;
  }
};

struct Huffman {
  uint16_t counts[16] = {};  // number of codes of each length
  uint16_t symbols[320] = {};

  // Builds the canonical code; false if over-subscribed.
  bool build(const uint8_t* lengths, int n) {
    for (int len = 0; len < 16; ++len) counts[len] = 0;
    for (int s = 0; s < n; ++s) counts[lengths[s]]++;
    int left = 1;
    for (int len = 1; len < 16; ++len) {
      left <<= 1;
      left -= counts[len];
      if (left < 0) return false;
    }
    uint16_t offs[16];
    offs[1] = 0;
    for (int len = 1; len < 15; ++len) offs[len + 1] = static_cast<uint16_t>(offs[len] + counts[len]);
    for (int s = 0; s < n; ++s) {
      if (lengths[s] != 0) symbols[offs[lengths[s]]++] = static_cast<uint16_t>(s);
    }
    return true;
  }

  int decode(Bits& b) const {
    int code = 0, first = 0, index = 0;
    for (int len = 1; len < 16; ++len) {
      code |= static_cast<int>(b.need(1));
      if (b.error) return -1;
      const int count = counts[len];
      if (code - count < first) return symbols[index + (code - first)];
      index += count;
      first += count;
      first <<= 1;
      code <<= 1;
    }
    return -1;  // ran out of codes
  }
};

inline bool codes(Bits& b, std::vector<uint8_t>& out, const Huffman& lencode, const Huffman& distcode) {
  static const uint16_t kLenBase[29] = {3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                                        31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
  static const uint8_t kLenExtra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                        2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
  static const uint16_t kDistBase[30] = {1,    2,    3,    4,    5,    7,    9,    13,    17,    25,
                                         33,   49,   65,   97,   129,  193,  257,  385,   513,   769,
                                         1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
  static const uint8_t kDistExtra[30] = {0, 0, 0, 0, 1, 1, 2, 2,  3,  3,  4,  4,  5,  5,  6,
                                         6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
  for (;;) {
    int sym = lencode.decode(b);
    if (sym < 0) return false;
    if (sym < 256) {
      out.push_back(static_cast<uint8_t>(sym));
    } else if (sym == 256) {
      return true;
    } else {
      sym -= 257;
      if (sym >= 29) return false;
      const size_t len = kLenBase[sym] + b.need(kLenExtra[sym]);
      const int dsym = distcode.decode(b);
      if (dsym < 0 || dsym >= 30) return false;
      const size_t dist = kDistBase[dsym] + b.need(kDistExtra[dsym]);
      if (b.error || dist > out.size()) return false;
      for (size_t i = 0; i < len; ++i) out.push_back(out[out.size() - dist]);
    }
  }
}

inline bool stored(Bits& b, std::vector<uint8_t>& out) {
  b.buf = 0;  // drop the rest of the current byte
  b.count = 0;
  if (b.pos + 4 > b.size) return false;
  const unsigned len = b.in[b.pos] | (b.in[b.pos + 1] << 8);
  const unsigned nlen = b.in[b.pos + 2] | (b.in[b.pos + 3] << 8);
  b.pos += 4;
  if (len != (~nlen & 0xffff) || b.pos + len > b.size) return false;
  out.insert(out.end(), b.in + b.pos, b.in + b.pos + len);
  b.pos += len;
  return true;
}

inline bool fixed(Bits& b, std::vector<uint8_t>& out) {
  uint8_t lengths[288];
  int s = 0;
  for (; s < 144; ++s) lengths[s] = 8;
  for (; s < 256; ++s) lengths[s] = 9;
  for (; s < 280; ++s) lengths[s] = 7;
  for (; s < 288; ++s) lengths[s] = 8;
  Huffman lencode, distcode;
  lencode.build(lengths, 288);
  for (s = 0; s < 30; ++s) lengths[s] = 5;
  distcode.build(lengths, 30);
  return codes(b, out, lencode, distcode);
}

inline bool dynamic(Bits& b, std::vector<uint8_t>& out) {
  static const uint8_t kOrder[19] = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};
  const int nlen = static_cast<int>(b.need(5)) + 257;
  const int ndist = static_cast<int>(b.need(5)) + 1;
  const int ncode = static_cast<int>(b.need(4)) + 4;
  if (b.error || nlen > 286 || ndist > 30) return false;
  uint8_t lengths[320] = {};
  for (int i = 0; i < ncode; ++i) lengths[kOrder[i]] = static_cast<uint8_t>(b.need(3));
  Huffman lencode, distcode;
  if (b.error || !lencode.build(lengths, 19)) return false;
  int index = 0;
  while (index < nlen + ndist) {
    int sym = lencode.decode(b);
    if (sym < 0) return false;
    if (sym < 16) {
      lengths[index++] = static_cast<uint8_t>(sym);
      continue;
    }
    uint8_t len = 0;
    int repeat;
    if (sym == 16) {
      if (index == 0) return false;
      len = lengths[index - 1];
      repeat = 3 + static_cast<int>(b.need(2));
    } else if (sym == 17) {
      repeat = 3 + static_cast<int>(b.need(3));
    } else {
      repeat = 11 + static_cast<int>(b.need(7));
    }
    if (b.error || index + repeat > nlen + ndist) return false;
    while (repeat--) lengths[index++] = len;
  }
  if (lengths[256] == 0) return false;  // no end-of-block code
  if (!lencode.build(lengths, nlen) || !distcode.build(lengths + nlen, ndist)) return false;
  return codes(b, out, lencode, distcode);
}

}  // namespace inflate_detail

// Decompresses a zlib stream (RFC 1950) and checks its Adler-32; false if malformed.
inline bool zlib_decompress(const std::vector<uint8_t>& in, std::vector<uint8_t>& out) {
  using namespace inflate_detail;
  out.clear();
  if (in.size() < 6) return false;
  const unsigned cmf = in[0], flg = in[1];
  if ((cmf & 0x0f) != 8 || (cmf * 256 + flg) % 31 != 0 || (flg & 0x20)) return false;
  Bits b{in.data() + 2, in.size() - 2};
  for (;;) {
    const uint32_t last = b.need(1);
    const uint32_t type = b.need(2);
    if (b.error) return false;
    bool ok = false;
    if (type == 0) {
      ok = stored(b, out);
    } else if (type == 1) {
      ok = fixed(b, out);
    } else if (type == 2) {
      ok = dynamic(b, out);
    }
    if (!ok || b.error) return false;
    if (last) break;
  }
  const size_t end = 2 + b.pos;  // the Adler-32 follows the byte-aligned end of the deflate data
  if (end + 4 != in.size()) return false;
  uint32_t a = 1, s2 = 0;
  for (uint8_t c : out) {
    a = (a + c) % 65521;
    s2 = (s2 + a) % 65521;
  }
  const uint32_t want =
      (uint32_t{in[end]} << 24) | (uint32_t{in[end + 1]} << 16) | (uint32_t{in[end + 2]} << 8) | in[end + 3];
  return ((s2 << 16) | a) == want;
}

}  // namespace bb::test
