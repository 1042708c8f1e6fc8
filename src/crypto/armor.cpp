// Strict streaming ASCII armor (PEM "AGE ENCRYPTED FILE") for age files
// (see armor.h). Spec: age-encryption.org/v1 "ASCII armor", RFC 7468.
#include "crypto/armor.h"

#include "crypto/base64.h"
#include "crypto/header.h"
#include "crypto/quote.h"

namespace bb::crypto {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

bool all_space(std::string_view s) {
  for (char c : s) {
    if (!is_space(c)) return false;
  }
  return true;
}

}  // namespace

// [SECTION] Encoder

Status ArmorEncoder::write(ByteView data) {
  if (!started_) {
    started_ = true;
    BB_TRY(sink_(std::string(kArmorBegin) + "\n"));
  }
  size_t pos = 0;
  std::string out;
  while (pos < data.size) {
    const size_t take = std::min(kBytesPerLine - pending_.size(), data.size - pos);
    pending_.insert(pending_.end(), data.data + pos, data.data + pos + take);
    pos += take;
    if (pending_.size() == kBytesPerLine) {
      out += base64_encode_padded(pending_);
      out += '\n';
      pending_.clear();
    }
    if (out.size() >= 64 * 1024) {
      BB_TRY(sink_(out));
      out.clear();
    }
  }
  if (!out.empty()) BB_TRY(sink_(out));
  return {};
}

Status ArmorEncoder::finish() {
  if (!started_) BB_TRY(write(ByteView()));
  std::string out;
  if (!pending_.empty()) out = base64_encode_padded(pending_) + "\n";
  pending_.clear();
  out += kArmorEnd;
  out += '\n';
  return sink_(out);
}

// [SECTION] Decoder

Status ArmorDecoder::fail(std::string detail) {
  error_ = make_error(Str::age_err_armor, "invalid armor: " + std::move(detail));
  return *error_;
}

Status ArmorDecoder::write(ByteView text) {
  if (error_) return *error_;
  for (size_t i = 0; i < text.size; ++i) {
    const char c = static_cast<char>(text.data[i]);
    if (state_ == State::trailing) {
      if (!is_space(c)) return fail("trailing data after armored file");
      if (++whitespace_ >= kArmorMaxWhitespace) return fail("too much trailing whitespace");
      continue;
    }
    if (c != '\n') {
      line_ += c;
      // No valid line is this long: stop buffering garbage.
      if (line_.size() > kArmorMaxWhitespace + kArmorBegin.size() + 2) return fail("line too long");
      continue;
    }
    std::string l;
    l.swap(line_);
    BB_TRY(line(l));
  }
  return {};
}

Status ArmorDecoder::line(std::string_view l) {
  const size_t raw_size = l.size() + 1;  // with its '\n'
  if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
  switch (state_) {
    case State::leading:
      if (all_space(l)) {
        whitespace_ += raw_size;
        if (whitespace_ > kArmorMaxWhitespace) return fail("too much leading whitespace");
        return {};
      }
      if (l != kArmorBegin) return fail("invalid first line: " + quote(l));
      state_ = State::lines;
      return {};
    case State::lines: {
      if (l == kArmorEnd) {
        state_ = State::trailing;
        whitespace_ = 0;
        return {};
      }
      if (l.empty()) return fail("empty line in armored data");
      if (l.size() > kColumnsPerLine) return fail("column limit exceeded: " + quote(l));
      const auto bytes = base64_decode_padded(l);
      if (!bytes) return fail("invalid base64 line: " + quote(l));
      if (bytes->size() < kBytesPerLine) state_ = State::expect_end;
      if (error_) return *error_;
      Status st = sink_(*bytes);
      if (!st.ok()) error_ = st.error();
      return st;
    }
    case State::expect_end:
      if (l != kArmorEnd) return fail("invalid closing line: " + quote(l));
      state_ = State::trailing;
      whitespace_ = 0;
      return {};
    case State::trailing:
      break;  // handled byte by byte in write()
  }
  return {};
}

Status ArmorDecoder::finish() {
  if (error_) return *error_;
  if (!line_.empty() && state_ != State::trailing) {
    // The last line may lack its '\n' (age accepts a file without a final newline).
    std::string l;
    l.swap(line_);
    BB_TRY(line(l));
  }
  if (state_ != State::trailing) return fail("unexpected end of armored data");
  return {};
}

std::string armor(ByteView data) {
  std::string out;
  ArmorEncoder enc([&out](ByteView b) {
    out.append(b.str());
    return Status();
  });
  (void)enc.write(data);
  (void)enc.finish();
  return out;
}

Result<Bytes> dearmor(ByteView text) {
  Bytes out;
  ArmorDecoder dec([&out](ByteView b) {
    out.insert(out.end(), b.data, b.data + b.size);
    return Status();
  });
  BB_TRY(dec.write(text));
  BB_TRY(dec.finish());
  return out;
}

bool looks_armored(ByteView start) {
  std::string_view s = start.str();
  size_t i = 0;
  while (i < s.size() && i < kArmorMaxWhitespace && is_space(s[i])) ++i;
  return s.substr(i, kArmorBegin.size()) == kArmorBegin;
}

}  // namespace bb::crypto
