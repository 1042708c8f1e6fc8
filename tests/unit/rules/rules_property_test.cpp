// Randomized properties of the disclosure rules and the anonymisation
// (deterministic seed): thousands of generated families with consents,
// revocations, recorded legal bases and Mitteilungen (with corrections).
// docs/rules.md "prop-*".
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "core/anonymize.h"
#include "core/child_protection.h"
#include "core/disclosure.h"
#include "rules_test_util.h"

using namespace bb;
using namespace bb::rules;
using namespace bb::rules::test;

namespace {

// splitmix64: the same sequence on every platform (std distributions differ
// between standard libraries).
struct Rng {
  uint64_t s;
  uint64_t next() {
    uint64_t z = (s += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  int below(int n) { return static_cast<int>(next() % static_cast<uint64_t>(n)); }
  int between(int lo, int hi) { return lo + below(hi - lo + 1); }
  bool chance(int percent) { return below(100) < percent; }
  template <class T>
  const T& pick(const std::vector<T>& v) {
    return v[static_cast<size_t>(below(static_cast<int>(v.size())))];
  }
};

const Date kBase = D(2026, 3, 1);

//-----------------------------------------------------------------------------
// An independent statement of the rule (not calling the code under test)
//-----------------------------------------------------------------------------

bool blank(const std::string& s) { return s.find_first_not_of(" \t") == std::string::npos; }

bool fits(Purpose p, RecipientKind k) {
  using R = RecipientKind;
  switch (p) {
    case Purpose::dokumentation:
      return false;
    case Purpose::austausch:
    case Purpose::vermittlung:
    case Purpose::informationsrueckfluss:
      return k == R::netzwerkpartner || k == R::kjh;
    case Purpose::uebergabe_kjh:
    case Purpose::mitteilung_kjh:
      return k == R::kjh;
    case Purpose::fachberatung:
      return k == R::insoweit_erfahrene_fachkraft;
    case Purpose::supervision:
      return k == R::supervision;
    case Purpose::kollegiale_beratung:
      return k == R::kollegiale_beratung;
    case Purpose::anonyme_statistik:
      return k == R::netzwerkkoordination;
  }
  return false;
}

bool request_ok(const DisclosureRequest& rq, const CaseFacts& f) {
  return rq.family == f.family && fits(rq.purpose, rq.recipient.kind);
}

bool consent_justifies(const Consent& c, const DisclosureRequest& rq, const CaseFacts& f, DataCategory cat,
                       Date today) {
  if (!request_ok(rq, f)) return false;
  if (c.family != rq.family) return false;
  if (std::find(f.may_consent.begin(), f.may_consent.end(), c.person) == f.may_consent.end()) return false;
  if (c.purpose != rq.purpose) return false;
  if (c.recipient.kind != rq.recipient.kind) return false;
  if (c.recipient.partner && c.recipient.partner != rq.recipient.partner) return false;
  if ((c.categories.bits() & (1u << static_cast<int>(cat))) == 0) return false;
  if (c.form == ConsentForm::muendlich && blank(c.witness)) return false;
  if (c.valid_until && c.valid_until->days() < c.given_on.days()) return false;
  if (c.revoked_on && c.revoked_on->days() < c.given_on.days()) return false;
  if (today.days() < c.given_on.days()) return false;
  if (c.valid_until && today.days() > c.valid_until->days()) return false;
  if (c.revoked_on && today.days() >= c.revoked_on->days()) return false;  // revocation at once
  return true;
}

bool record_justifies(const LegalBasisRecord& r, const DisclosureRequest& rq, const CaseFacts& f,
                      DataCategory cat, Date today, Jurisdiction j) {
  if (!request_ok(rq, f)) return false;
  const bool austrian = r.norm == LegalNorm::at_b_kjhg_37;
  if (austrian != (j == Jurisdiction::oesterreich)) return false;
  if (r.recipient.kind != rq.recipient.kind || !r.recipient.partner ||
      r.recipient.partner != rq.recipient.partner)
    return false;  // exactly that recipient
  if (r.purpose != rq.purpose) return false;
  if ((r.content.bits() & (1u << static_cast<int>(cat))) == 0) return false;  // exactly that content
  if (today.days() < r.on.days()) return false;
  if (r.norm == LegalNorm::de_befugnis_arbeitsbereich && blank(r.citation)) return false;
  return true;
}

bool form_justifies(const DisclosureRequest& rq, const CaseFacts& f, DataCategory cat, BasisKind kind) {
  if (!request_ok(rq, f) || cat == DataCategory::stammdaten) return false;
  const auto p = rq.purpose;
  if (kind == BasisKind::anonymisiert)
    return rq.form == DataForm::anonymisiert &&
           (p == Purpose::fachberatung || p == Purpose::supervision || p == Purpose::kollegiale_beratung ||
            p == Purpose::anonyme_statistik);
  if (kind == BasisKind::pseudonymisiert)
    return rq.form == DataForm::pseudonymisiert && (p == Purpose::fachberatung || p == Purpose::supervision);
  return false;
}

//-----------------------------------------------------------------------------
// Generators
//-----------------------------------------------------------------------------

Recipient gen_recipient(Rng& r, bool allow_kind_only) {
  Recipient to;
  to.kind = static_cast<RecipientKind>(r.below(kRecipientKindCount));
  if (r.chance(35)) to.kind = RecipientKind::kjh;
  if (!(allow_kind_only && r.chance(30))) to.partner = r.between(1, 3);
  return to;
}

Categories gen_categories(Rng& r, bool may_be_empty) {
  uint32_t bits = static_cast<uint32_t>(r.below(1 << kCategoryCount));
  if (!may_be_empty && bits == 0) bits = 1u << r.below(kCategoryCount);
  if (r.chance(30)) bits = 1u << r.below(kCategoryCount);  // single categories are common
  return Categories::from_bits(bits);
}

struct Family {
  CaseFacts facts;
  std::vector<Mitteilung> mitteilungen;
  std::vector<Date> interesting;  // dates where the rules change
};

Family gen_family(Rng& r, FamilyId id) {
  Family g;
  g.facts.family = id;
  g.facts.may_consent = {id * 10 + 1, id * 10 + 2};
  const int consents = r.between(0, 5);
  for (int i = 0; i < consents; ++i) {
    Consent c;
    c.id = 1000 + i;
    c.family = r.chance(90) ? id : id + 1;
    c.person =
        r.chance(85) ? g.facts.may_consent[static_cast<size_t>(r.below(2))] : id * 10 + 3;  // 3: a child
    c.purpose = static_cast<Purpose>(r.below(kPurposeCount));
    if (r.chance(40))
      c.purpose =
          r.pick(std::vector<Purpose>{Purpose::vermittlung, Purpose::austausch, Purpose::uebergabe_kjh});
    c.recipient = gen_recipient(r, true);
    c.categories = gen_categories(r, r.chance(5));
    c.given_on = kBase.plus_days(r.between(-60, 60));
    c.form = r.chance(70) ? ConsentForm::schriftlich : ConsentForm::muendlich;
    if (r.chance(70)) c.witness = "Kollegin";
    if (r.chance(40)) c.valid_until = c.given_on.plus_days(r.between(-5, 120));
    if (r.chance(40)) c.revoked_on = c.given_on.plus_days(r.between(-3, 90));
    g.interesting.push_back(c.given_on);
    if (c.valid_until)
      g.interesting.push_back(*c.valid_until), g.interesting.push_back(c.valid_until->plus_days(1));
    if (c.revoked_on)
      g.interesting.push_back(*c.revoked_on), g.interesting.push_back(c.revoked_on->plus_days(-1));
    g.facts.consents.push_back(c);
  }
  // Mitteilungen (some corrected) become legal bases through legal_bases_of.
  const int mitteilungen = r.between(0, 2);
  for (int i = 0; i < mitteilungen; ++i) {
    Mitteilung m;
    m.meta = {2000 + 10 * i, std::nullopt, kBase, "K"};
    m.on = kBase.plus_days(r.between(-30, 30));
    m.recipient = Recipient{
        RecipientKind::kjh, r.chance(90) ? std::optional<PartnerId>(r.between(1, 3)) : std::nullopt, {}};
    m.norm = static_cast<LegalNorm>(r.below(3));
    if (r.chance(70)) m.citation = "Vorschrift";
    m.content = gen_categories(r, false);
    g.mitteilungen.push_back(m);
    g.interesting.push_back(m.on);
    if (r.chance(40)) {
      auto c = m;
      c.meta = {2000 + 10 * i + 1, m.meta.id, kBase, "K"};
      c.content = gen_categories(r, false);
      g.mitteilungen.push_back(c);
    }
  }
  g.facts.legal_bases = legal_bases_of(g.mitteilungen);
  // … and records entered directly, of every shape.
  const int records = r.between(0, 2);
  for (int i = 0; i < records; ++i) {
    LegalBasisRecord b;
    b.id = 3000 + i;
    b.norm = static_cast<LegalNorm>(r.below(3));
    b.recipient = gen_recipient(r, true);
    b.purpose = r.chance(70) ? Purpose::mitteilung_kjh : static_cast<Purpose>(r.below(kPurposeCount));
    b.content = gen_categories(r, true);
    b.on = kBase.plus_days(r.between(-30, 30));
    if (r.chance(60)) b.citation = "Vorschrift";
    g.facts.legal_bases.push_back(b);
  }
  return g;
}

DisclosureRequest gen_request(Rng& r, const Family& g) {
  DisclosureRequest rq;
  rq.family = r.chance(95) ? g.facts.family : g.facts.family + 1;
  // Half of the requests mirror a recorded consent or basis, so that many are allowed.
  const bool mirror_consent = !g.facts.consents.empty() && r.chance(35);
  const bool mirror_basis = !mirror_consent && !g.facts.legal_bases.empty() && r.chance(35);
  rq.categories = gen_categories(r, r.chance(2));
  // A subset of what a consent or record covers, sometimes with one more category.
  auto subset_of = [&](Categories covered) {
    uint32_t bits = covered.bits() & static_cast<uint32_t>(r.next());
    if (bits == 0) bits = covered.bits();
    if (r.chance(30)) bits |= 1u << r.below(kCategoryCount);
    if (bits != 0) rq.categories = Categories::from_bits(bits);
  };
  if (mirror_consent) {
    const auto& c = r.pick(g.facts.consents);
    rq.purpose = c.purpose;
    rq.recipient = c.recipient;
    if (!rq.recipient.partner && r.chance(80)) rq.recipient.partner = r.between(1, 3);
    if (r.chance(70)) subset_of(c.categories);
  } else if (mirror_basis) {
    const auto& b = r.pick(g.facts.legal_bases);
    rq.purpose = b.purpose;
    rq.recipient = b.recipient;
    if (r.chance(70)) subset_of(b.content);
  } else {
    rq.purpose = static_cast<Purpose>(r.below(kPurposeCount));
    rq.recipient = gen_recipient(r, true);
  }
  rq.channel = static_cast<Channel>(r.below(6));
  const int form = r.below(10);
  rq.form = form < 6   ? DataForm::personenbezogen
            : form < 8 ? DataForm::anonymisiert
                       : DataForm::pseudonymisiert;
  return rq;
}

std::string lower_ascii(std::string s) {
  for (auto& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return s;
}
bool contains_ci(const std::string& hay, const std::string& needle) {
  return lower_ascii(hay).find(lower_ascii(needle)) != std::string::npos;
}

}  // namespace

TEST_CASE(
    "prop-1: no disclosure is ever allowed without an active matching consent or a legal basis covering "
    "exactly that recipient and content, and every allowed one is logged") {
  Rng r{0x5eed0007};
  int decisions = 0, allowed = 0, refused = 0, by_kind[6] = {0, 0, 0, 0, 0, 0}, partial = 0;
  for (int fam = 0; fam < 4000; ++fam) {
    const auto g = gen_family(r, 1 + fam % 50);
    for (int q = 0; q < 6; ++q) {
      const auto rq = gen_request(r, g);
      const Date today = (!g.interesting.empty() && r.chance(50)) ? r.pick(g.interesting)
                                                                  : kBase.plus_days(r.between(-40, 120));
      const auto j = r.chance(50) ? Jurisdiction::deutschland : Jurisdiction::oesterreich;
      const auto d = decide_disclosure(rq, g.facts, today, j);
      ++decisions;
      CAPTURE(fam);
      CAPTURE(q);

      // Partition of the request.
      REQUIRE((d.allowed_categories.bits() & d.refused_categories.bits()) == 0u);
      REQUIRE((d.allowed_categories.bits() | d.refused_categories.bits()) == rq.categories.bits());
      REQUIRE(d.verdicts.size() == static_cast<size_t>(rq.categories.size()));
      REQUIRE(d.allowed == !d.allowed_categories.empty());

      // Safety: every allowed category is justified by the basis the decision names.
      for (const auto& v : d.verdicts) {
        if (!v.allowed) continue;
        bool justified = false;
        switch (d.basis) {
          case BasisKind::einwilligung:
            REQUIRE(v.source.has_value());
            REQUIRE(std::find(d.consent_ids.begin(), d.consent_ids.end(), *v.source) != d.consent_ids.end());
            for (const auto& c : g.facts.consents)
              if (c.id == *v.source) justified = consent_justifies(c, rq, g.facts, v.category, today);
            break;
          case BasisKind::gesetzliche_pflicht:
          case BasisKind::gesetzliche_befugnis:
            REQUIRE(d.legal_basis_id.has_value());
            for (const auto& b : g.facts.legal_bases)
              if (b.id == *d.legal_basis_id && basis_of(b.norm) == d.basis && d.norm == b.norm)
                justified = record_justifies(b, rq, g.facts, v.category, today, j);
            REQUIRE(d.consent_still_sought_required);
            break;
          case BasisKind::anonymisiert:
          case BasisKind::pseudonymisiert:
            justified = form_justifies(rq, g.facts, v.category, d.basis);
            break;
          case BasisKind::keine:
            break;
        }
        CAPTURE(code(d.basis));
        CAPTURE(code(v.category));
        REQUIRE(justified);
      }

      // Liveness: if one kind of basis covers the whole request, all of it is allowed.
      bool one_covers_all = false;
      {
        auto all_by = [&](auto pred) {
          for (auto cat : rq.categories.list())
            if (!pred(cat)) return false;
          return !rq.categories.empty();
        };
        one_covers_all |= all_by([&](DataCategory cat) {
          return std::any_of(g.facts.consents.begin(), g.facts.consents.end(),
                             [&](const Consent& c) { return consent_justifies(c, rq, g.facts, cat, today); });
        });
        for (const auto& b : g.facts.legal_bases)
          one_covers_all |=
              all_by([&](DataCategory cat) { return record_justifies(b, rq, g.facts, cat, today, j); });
        for (auto k : {BasisKind::anonymisiert, BasisKind::pseudonymisiert})
          one_covers_all |= all_by([&](DataCategory cat) { return form_justifies(rq, g.facts, cat, k); });
      }
      if (one_covers_all) REQUIRE(d.allowed_categories == rq.categories);

      // Logging: allowed → exactly one protocol entry of what was allowed; refused → none.
      const ConsentSoughtRecord answer{ConsentSought::angestrebt_erteilt, today, {}};
      auto e = make_log_entry(d, answer, "Begleiterin");
      REQUIRE(e.ok() == d.allowed);
      if (d.allowed) {
        CHECK(e->categories == d.allowed_categories);
        CHECK(e->basis == d.basis);
        CHECK(e->on == today);
        CHECK(same_recipient(e->recipient, rq.recipient));
        CHECK(e->purpose == rq.purpose);
        CHECK(e->consent_sought.has_value() == d.consent_still_sought_required);
        if (d.consent_still_sought_required) CHECK_FALSE(make_log_entry(d, std::nullopt, "Begleiterin").ok());
        ++allowed;
        ++by_kind[static_cast<int>(d.basis)];
        if (!d.refused_categories.empty()) ++partial;
      } else {
        ++refused;
      }
    }
  }
  MESSAGE("decisions " << decisions << ", allowed " << allowed << " (partly " << partial << "), refused "
                       << refused << "; consent " << by_kind[1] << ", duty " << by_kind[2] << ", power "
                       << by_kind[3] << ", anonymised " << by_kind[4] << ", pseudonymised " << by_kind[5]);
  // The generator must exercise every path, or the property says nothing.
  CHECK(decisions == 24000);
  CHECK(allowed > 1500);
  CHECK(refused > 2000);
  CHECK(partial > 200);
  for (int k = 1; k < 6; ++k) CHECK(by_kind[k] > 50);
}

namespace {

std::string gen_name(Rng& r) {
  static const std::vector<std::string> first = {"Ka", "Lo", "Mi", "Zu", "Be", "To", "Ve", "Na",
                                                 "Ri", "Sa", "Ö",  "Ü",  "Şe", "Ja", "Qu"};
  static const std::vector<std::string> rest = {"lo",  "mir", "zun", "bek", "tov", "vel", "nar", "ris",
                                                "sam", "qul", "xe",  "dro", "fen", "gül", "wyn", "ptar"};
  return r.pick(first) + r.pick(rest) + r.pick(rest);
}

std::vector<std::string> date_forms(Date d) {
  return {d.iso(), d.german(),
          std::to_string(d.day()) + "." + std::to_string(d.month()) + "." + std::to_string(d.year())};
}
// What must not survive in an anonymised text: the forms above, and day and
// month without the year ("24.12.").
std::vector<std::string> leak_forms(Date d) {
  auto out = date_forms(d);
  out.push_back(d.german().substr(0, 6));
  return out;
}

}  // namespace

TEST_CASE(
    "prop-2: anonymised summaries contain no name, address, exact date or birth date of any member; "
    "pseudonymised ones no name or address") {
  Rng r{0xa11a5eed};
  const std::vector<std::string> kinds = {"Hausbesuch", "Telefonat", "Beobachtung",
                                          "Unterstützung angeboten"};
  int checked = 0;
  for (int fam = 0; fam < 1500; ++fam) {
    CaseSummaryInput in;
    in.family = fam + 1;
    in.family_name = gen_name(r);
    if (r.chance(20)) in.family_name += "-" + gen_name(r);
    in.street = gen_name(r) + (r.chance(50) ? "straße" : "gasse");
    in.house_number = std::to_string(r.between(1, 120));
    in.postcode = std::to_string(r.between(1000, 99999));
    in.city = gen_name(r) + "dorf";
    in.phone = "0" + std::to_string(r.between(150, 699)) + " " + std::to_string(r.between(100000, 9999999));
    in.email = lower_ascii(in.family_name) + std::to_string(fam) + "@mail.example";
    in.as_of = kBase.plus_days(r.between(0, 400));
    std::vector<std::string> names{in.family_name, in.street, in.city, in.postcode, in.phone, in.email};
    std::vector<std::string> birth_forms;
    const int persons = r.between(1, 5);
    for (int p = 0; p < persons; ++p) {
      SummaryPerson sp;
      sp.id = 100 + p;
      sp.role = p < 2 ? (r.chance(85) ? SummaryRole::elternteil : SummaryRole::bezugsperson)
                      : (r.chance(80) ? SummaryRole::kind : SummaryRole::erwartetes_kind);
      sp.first_name = gen_name(r);
      sp.last_name = r.chance(60) ? in.family_name : gen_name(r);
      if (sp.role == SummaryRole::erwartetes_kind) {
        sp.due_date = in.as_of.plus_days(r.between(10, 250));
        for (const auto& f : leak_forms(*sp.due_date)) birth_forms.push_back(f);
      } else {
        sp.birth_date = sp.role == SummaryRole::kind ? in.as_of.plus_days(-r.between(1, 1400))
                                                     : in.as_of.plus_days(-r.between(15 * 365, 50 * 365));
        for (const auto& f : leak_forms(*sp.birth_date)) birth_forms.push_back(f);
      }
      names.push_back(sp.first_name);
      names.push_back(sp.last_name);
      in.persons.push_back(sp);
    }
    std::vector<std::string> event_forms;
    const int entries = r.between(1, 6);
    for (int e = 0; e < entries; ++e) {
      const auto& who = in.persons[static_cast<size_t>(r.below(persons))];
      const Date on = in.as_of.plus_days(-r.between(0, 300));
      const Date mentioned = on.plus_days(r.between(-30, 30));
      for (const auto& f : leak_forms(on)) event_forms.push_back(f);
      for (const auto& f : leak_forms(mentioned)) event_forms.push_back(f);
      const auto& born = in.persons[static_cast<size_t>(r.below(persons))];
      std::string text = r.pick(kinds) + " bei " + who.first_name + " " + who.last_name + " in der " +
                         in.street + " " + in.house_number + ", " + in.postcode + " " + in.city + ". " +
                         lower_ascii(who.first_name) + "s Stimmung gut; Termin am " +
                         r.pick(date_forms(mentioned)) + ", Tel. " + in.phone + ", Mail " + in.email +
                         ". Familie " + in.family_name + ".";
      if (born.birth_date)
        text += " Geburtstag von " + born.first_name + " am " + r.pick(date_forms(*born.birth_date)) + ".";
      if (born.due_date) text += " Entbindung am " + r.pick(date_forms(*born.due_date)) + ".";
      in.entries.push_back({on, text});
    }
    const auto anon = summarize(in, SummaryStrength::anonymisiert, r.chance(50) ? Lang::de : Lang::en).text();
    const auto pseudo = summarize(in, SummaryStrength::pseudonymisiert, Lang::de, "key").text();
    CAPTURE(fam);
    for (const auto& n : names) {
      CAPTURE(n);
      REQUIRE_FALSE(contains_ci(anon, n));
      REQUIRE_FALSE(contains_ci(pseudo, n));
    }
    for (const auto& d : birth_forms) {
      CAPTURE(d);
      REQUIRE_FALSE(contains_ci(anon, d));
    }
    for (const auto& d : event_forms) {
      CAPTURE(d);
      REQUIRE_FALSE(contains_ci(anon, d));
    }
    // The check is not vacuous: the pseudonymised summary keeps the event dates.
    REQUIRE(contains_ci(pseudo, in.entries[0].on.german()));
    ++checked;
  }
  CHECK(checked == 1500);
}
