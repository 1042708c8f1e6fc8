// age v1 encryption and decryption of whole files, streaming (see age.h):
// header with recipient stanzas and MAC, payload nonce, STREAM payload, and
// optional ASCII armor. Spec: age-encryption.org/v1; docs/age.md. No I/O here.
#include "crypto/age.h"

#include "crypto/quote.h"
#include "crypto/scrypt.h"

namespace bb::crypto {

// [SECTION] Encryption

Result<Encryptor> Encryptor::create(const std::vector<RecipientPtr>& recipients, Sink sink,
                                    EncryptOptions options) {
  if (recipients.empty()) return make_error(Str::age_err_no_recipients, "no recipients specified");
  for (const auto& r : recipients) {
    if (!r) return make_error(Str::err_internal, "null recipient");
    if (r->is_passphrase() && recipients.size() != 1) {
      return make_error(Str::age_err_passphrase_alone, "an scrypt recipient must be the only one");
    }
  }
  const FileKey file_key = FileKey::generate();
  Header header;
  for (const auto& r : recipients) {
    auto stanzas = r->wrap(file_key);
    if (!stanzas) return stanzas.error();
    for (auto& s : *stanzas) header.stanzas.push_back(std::move(s));
  }
  header.mac = compute_header_mac(file_key, header);
  std::string start = serialize_header(header);
  uint8_t nonce[kPayloadNonceSize];
  random_bytes(nonce, sizeof nonce);
  start.append(reinterpret_cast<const char*>(nonce), sizeof nonce);
  Key32 key = payload_key(file_key, ByteView(nonce, sizeof nonce));

  Encryptor e;
  Sink stream_sink = sink;
  if (options.armor) {
    e.armor_ = std::make_unique<ArmorEncoder>(sink);
    ArmorEncoder* armor = e.armor_.get();  // heap object: stays put when the Encryptor moves
    stream_sink = [armor](ByteView b) { return armor->write(b); };
    BB_TRY(armor->write(start));
  } else {
    BB_TRY(sink(start));
  }
  e.stream_ = std::make_unique<StreamEncryptor>(key, stream_sink);
  wipe(key.data(), key.size());
  return Result<Encryptor>(std::move(e));
}

Status Encryptor::write(ByteView plaintext) { return stream_->write(plaintext); }

Status Encryptor::finish() {
  BB_TRY(stream_->finish());
  if (armor_) BB_TRY(armor_->finish());
  return {};
}

// [SECTION] Decryption

Decryptor::Decryptor(std::vector<IdentityPtr> identities, Sink sink, DecryptOptions options)
    : identities_(std::move(identities)), sink_(std::move(sink)), options_(options) {
  if (options_.armor != DecryptOptions::Armor::detect) {
    armored_ = options_.armor == DecryptOptions::Armor::armored;
    stage_ = Stage::header;
  }
  if (armored_) armor_ = std::make_unique<ArmorDecoder>([this](ByteView b) { return feed_binary(b); });
}

Status Decryptor::fail(Error error) {
  if (!error_) error_ = std::move(error);
  return *error_;
}

namespace {

// Armor detection, as the age CLI does it: up to 1023 whitespace bytes, then
// the BEGIN line. nullopt: `start` is too short to tell yet.
std::optional<bool> armor_decision(std::string_view start) {
  size_t i = 0;
  while (i < start.size() && i < kArmorMaxWhitespace &&
         std::string_view(" \t\r\n\v\f").find(start[i]) != std::string_view::npos) {
    ++i;
  }
  if (i == kArmorMaxWhitespace) return false;
  if (i == start.size()) return std::nullopt;  // only whitespace so far
  const std::string_view rest = start.substr(i, kArmorBegin.size());
  if (rest.size() < kArmorBegin.size() && kArmorBegin.substr(0, rest.size()) == rest) return std::nullopt;
  return rest == kArmorBegin;
}

}  // namespace

Status Decryptor::write(ByteView data) {
  if (error_) return *error_;
  if (stage_ != Stage::detect) return feed(data);

  // Only the first bytes are buffered for the decision, never the whole input.
  const size_t enough = kArmorMaxWhitespace + kArmorBegin.size();
  const size_t take = std::min(enough - detect_buf_.size(), data.size);
  detect_buf_.append(data.sub(0, take).str());
  const auto armored = armor_decision(detect_buf_);
  if (!armored) return {};  // then take == data.size: nothing is left over
  armored_ = *armored;
  if (armored_) armor_ = std::make_unique<ArmorDecoder>([this](ByteView b) { return feed_binary(b); });
  stage_ = Stage::header;
  std::string buffered;
  buffered.swap(detect_buf_);
  BB_TRY(feed(buffered));
  return feed(data.sub(take));
}

Status Decryptor::feed(ByteView data) {
  Status st = armor_ ? armor_->write(data) : feed_binary(data);
  if (!st.ok()) return fail(st.error());
  return st;
}

Status Decryptor::feed_binary(ByteView data) {
  if (error_) return *error_;
  const std::string_view text = data.str();
  size_t pos = 0;
  while (stage_ == Stage::header && pos < text.size()) {
    const size_t lf = text.find('\n', pos);
    if (lf == std::string_view::npos) {
      line_.append(text.substr(pos));
      pos = text.size();
      Status st = parser_.check_partial_line(line_);
      if (!st.ok()) return fail(st.error());
      break;
    }
    line_.append(text.substr(pos, lf + 1 - pos));
    pos = lf + 1;
    Status st = parser_.feed_line(line_);
    line_.clear();
    if (!st.ok()) return fail(st.error());
    if (parser_.done()) {
      st = open_header();
      if (!st.ok()) return fail(st.error());
      stage_ = Stage::nonce;
    }
  }
  if (stage_ == Stage::nonce && pos < text.size()) {
    const size_t take = std::min(kPayloadNonceSize - nonce_.size(), text.size() - pos);
    nonce_.insert(nonce_.end(), data.data + pos, data.data + pos + take);
    pos += take;
    if (nonce_.size() == kPayloadNonceSize) {
      Key32 key = payload_key(*file_key_, nonce_);
      stream_ = std::make_unique<StreamDecryptor>(key, sink_);
      wipe(key.data(), key.size());
      file_key_.reset();
      stage_ = Stage::payload;
    }
  }
  if (stage_ == Stage::payload && pos < text.size()) {
    Status st = stream_->write(data.sub(pos));
    if (!st.ok()) return fail(st.error());
  }
  return {};
}

// The header is complete: find the file key and verify the MAC.
Status Decryptor::open_header() {
  const Header& header = parser_.header();
  bool scrypt = false;
  std::string types;
  for (const Stanza& s : header.stanzas) {
    scrypt = scrypt || s.type == kScryptType;
    types += (types.empty() ? "" : ", ") + quote(s.type, 40);
  }
  // Stricter than age, which checks this only when a passphrase is tried: a
  // header that mixes scrypt with other stanzas can only come from a broken
  // or malicious encoder, so no identity gets to open it.
  if (scrypt && header.stanzas.size() != 1) {
    return make_error(Str::age_err_scrypt_not_alone, "an scrypt recipient must be the only one");
  }
  bool tried_passphrase = false;
  for (const auto& id : identities_) {
    if (!id) continue;
    auto key = id->unwrap(header.stanzas);
    if (!key) return key.error();
    if (*key) {
      file_key_ = **key;
      break;
    }
    tried_passphrase = tried_passphrase || (id->is_passphrase() && scrypt);
  }
  if (!file_key_) {
    if (tried_passphrase) return make_error(Str::age_err_wrong_passphrase, "incorrect passphrase");
    const char* what =
        identities_.empty() ? "no identities specified" : "no identity matched any of the recipients";
    return make_error(Str::age_err_no_match, std::string(what) + " (stanza types: " + types + ")");
  }
  const auto mac = compute_header_mac(*file_key_, header);
  if (!equal_constant_time(mac, header.mac)) {
    file_key_.reset();
    return make_error(Str::age_err_header_mac, "bad header MAC");
  }
  return {};
}

Status Decryptor::finish() {
  if (error_) return *error_;
  if (stage_ == Stage::detect) {
    stage_ = Stage::header;  // undecided at the end: not armor
    std::string buffered;
    buffered.swap(detect_buf_);
    BB_TRY(feed(buffered));
  }
  if (armor_) {
    Status st = armor_->finish();
    if (!st.ok()) return fail(st.error());
  }
  switch (stage_) {
    case Stage::detect:
    case Stage::header:
      return fail(parser_.truncated(line_));
    case Stage::nonce:
      return fail(make_error(Str::age_err_header_damaged, "failed to read nonce: file ends " +
                                                              std::to_string(nonce_.size()) +
                                                              " bytes into the 16-byte payload nonce"));
    case Stage::payload: {
      Status st = stream_->finish();
      if (!st.ok()) return fail(st.error());
      return {};
    }
  }
  return {};
}

// [SECTION] Whole buffers

Result<Bytes> encrypt(ByteView plaintext, const std::vector<RecipientPtr>& recipients,
                      EncryptOptions options) {
  Bytes out;
  auto enc = Encryptor::create(
      recipients,
      [&out](ByteView b) {
        out.insert(out.end(), b.data, b.data + b.size);
        return Status();
      },
      options);
  if (!enc) return enc.error();
  BB_TRY(enc->write(plaintext));
  BB_TRY(enc->finish());
  return out;
}

Result<Bytes> decrypt(ByteView file, const std::vector<IdentityPtr>& identities, DecryptOptions options) {
  Bytes out;
  Decryptor dec(
      identities,
      [&out](ByteView b) {
        out.insert(out.end(), b.data, b.data + b.size);
        return Status();
      },
      options);
  Status st = dec.write(file);
  if (st.ok()) st = dec.finish();
  if (!st.ok()) {
    wipe(out.data(), out.size());
    return st.error();
  }
  return out;
}

}  // namespace bb::crypto
