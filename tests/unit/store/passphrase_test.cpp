// Focus: the passphrase policy and strength estimate (src/core/passphrase.h).
#include <doctest/doctest.h>

#include "core/passphrase.h"

using namespace bb;

TEST_CASE("passphrase-1: a passphrase shorter than 12 characters is refused with a German message") {
  auto a = assess_passphrase("Kx9!mQ2#vL");
  CHECK_FALSE(a.acceptable);
  REQUIRE_FALSE(a.problems.empty());
  CHECK(a.problems.front().is(Str::passphrase_too_short));
  CHECK(a.problems.front().text() == "Die Passphrase ist zu kurz: mindestens 12 Zeichen.");
  CHECK(assess_passphrase("Frühstück").length == 9);  // characters, not bytes
  CHECK(check_passphrase_policy("").error().is(Str::passphrase_empty));
}

TEST_CASE("passphrase-2: common words, repetitions, sequences and keyboard runs are refused") {
  auto common = assess_passphrase("Passwort1234!");
  CHECK_FALSE(common.acceptable);
  CHECK(common.problems.front().is(Str::passphrase_too_common));
  CHECK(common.problems.front().arg == "passwort");
  CHECK(check_passphrase_policy("Begleitbuch2024").error().is(Str::passphrase_too_common));
  CHECK(check_passphrase_policy("aaaaaaaaaaaaaaaa").error().is(Str::passphrase_repetitive));
  CHECK(check_passphrase_policy("qwertzuiop123456").error().is(Str::passphrase_repetitive));
  CHECK(check_passphrase_policy("abcdefghijklmnop").error().is(Str::passphrase_repetitive));
  CHECK(assess_passphrase("aaaaaaaaaaaaaaaa").strength == PassphraseStrength::weak);
}

TEST_CASE("passphrase-3: random words are accepted and longer passphrases rate stronger") {
  auto words = assess_passphrase("Hauskatze Mondschein Zugvogel");
  CHECK(words.acceptable);
  CHECK(words.problems.empty());
  CHECK(words.strength >= PassphraseStrength::good);
  auto mixed = assess_passphrase("vK7#qp2Lx!9z");
  CHECK(mixed.acceptable);
  CHECK(assess_passphrase("vK7#qp2Lx!9zWm4&").bits > mixed.bits);
  CHECK(assess_passphrase("Ölkännchen überm Straßenköter").acceptable);
  CHECK(std::string(tr(strength_label(PassphraseStrength::strong), Lang::de)) == "Stark");
}

TEST_CASE("passphrase-4: the confirmation must match the first entry exactly") {
  CHECK(check_passphrase_confirmation("Hauskatze Mondschein", "Hauskatze Mondschein").ok());
  auto e = check_passphrase_confirmation("Hauskatze Mondschein", "Hauskatze Mondschein ");
  REQUIRE_FALSE(e.ok());
  CHECK(e.error().text() == "Die beiden Eingaben stimmen nicht überein.");
}
