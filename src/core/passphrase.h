// The passphrase policy of the app lock: a minimum that is enforced and a
// strength estimate that is shown while typing. Pure functions, no I/O; the
// messages are entries of the strings table (German first).
//
// The estimate counts guessing bits the way an attacker's rules would: each
// character costs log2 of the alphabet its classes span, but a common word,
// a keyboard run ("qwertz"), a repetition ("aaaa"), a sequence ("1234",
// "abcd") or a year ("2024") costs only a few bits. It is an estimate, not a
// proof; docs/store.md explains the numbers.
#pragma once

#include <string_view>
#include <vector>

#include "core/result.h"

namespace bb {

constexpr int kMinPassphraseLength = 12;   // characters (Unicode code points)
constexpr double kMinPassphraseBits = 50;  // estimated guessing bits to accept

enum class PassphraseStrength { weak, fair, good, strong };

struct PassphraseAssessment {
  int length = 0;   // in characters
  double bits = 0;  // estimated guessing bits
  PassphraseStrength strength = PassphraseStrength::weak;
  bool acceptable = false;      // meets the policy
  std::vector<Error> problems;  // why not; the first is the main reason
};

PassphraseAssessment assess_passphrase(std::string_view passphrase);

// The policy as a Status: the first problem, or ok.
Status check_passphrase_policy(std::string_view passphrase);
// For "confirm twice": Str::passphrase_mismatch when the entries differ.
Status check_passphrase_confirmation(std::string_view first, std::string_view second);

// The label for the strength meter ("Schwach" ... "Stark").
Str strength_label(PassphraseStrength strength);

}  // namespace bb
