#include "core/rules_common.h"

#include <cstdio>

#include "core/cases.h"

namespace bb::rules {

//-----------------------------------------------------------------------------
// [SECTION] Dates
//-----------------------------------------------------------------------------

std::optional<Date> Date::from_iso(std::string_view iso) {
  auto d = cases::parse_date(iso);
  if (!d) return std::nullopt;
  return Date(cases::days_from_civil(*d));
}

Date Date::ymd(int year, int month, int day) {
  return Date(cases::days_from_civil(cases::Date{year, month, day}));
}

int Date::year() const { return cases::civil_from_days(days_).year; }
int Date::month() const { return cases::civil_from_days(days_).month; }
int Date::day() const { return cases::civil_from_days(days_).day; }
std::string Date::iso() const { return cases::format_date(cases::civil_from_days(days_)); }
std::string Date::german() const {
  const auto c = cases::civil_from_days(days_);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d.%02d.%04d", c.day, c.month, c.year);
  return buf;
}

Date Date::plus_months(int n) const {
  auto c = cases::civil_from_days(days_);
  int m0 = c.year * 12 + (c.month - 1) + n;
  int y = m0 / 12, m = m0 % 12 + 1;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  const int max = kDays[m - 1] + (m == 2 && leap ? 1 : 0);
  return ymd(y, m, c.day > max ? max : c.day);
}

int age_in_months(Date birth, Date on) {
  int months = (on.year() - birth.year()) * 12 + (on.month() - birth.month());
  if (on.day() < birth.day()) --months;
  return months;
}

int age_in_years(Date birth, Date on) {
  const int m = age_in_months(birth, on);
  return m >= 0 ? m / 12 : -((-m + 11) / 12);
}

//-----------------------------------------------------------------------------
// [SECTION] Jurisdiction
//-----------------------------------------------------------------------------

const char* code(Jurisdiction j) { return j == Jurisdiction::oesterreich ? "at" : "de"; }
Str label(Jurisdiction j) {
  return j == Jurisdiction::oesterreich ? Str::rules_jur_oesterreich : Str::rules_jur_deutschland;
}

//-----------------------------------------------------------------------------
// [SECTION] Purposes, recipients, categories, channels
//-----------------------------------------------------------------------------

namespace {
struct PurposeInfo {
  Purpose p;
  const char* code;
  Str label;
};
constexpr PurposeInfo kPurposes[] = {
    {Purpose::dokumentation, "dokumentation", Str::rules_purpose_dokumentation},
    {Purpose::austausch, "austausch", Str::rules_purpose_austausch},
    {Purpose::vermittlung, "vermittlung", Str::rules_purpose_vermittlung},
    {Purpose::informationsrueckfluss, "informationsrueckfluss", Str::rules_purpose_informationsrueckfluss},
    {Purpose::uebergabe_kjh, "uebergabe_kjh", Str::rules_purpose_uebergabe_kjh},
    {Purpose::mitteilung_kjh, "mitteilung_kjh", Str::rules_purpose_mitteilung_kjh},
    {Purpose::fachberatung, "fachberatung", Str::rules_purpose_fachberatung},
    {Purpose::supervision, "supervision", Str::rules_purpose_supervision},
    {Purpose::kollegiale_beratung, "kollegiale_beratung", Str::rules_purpose_kollegiale_beratung},
    {Purpose::anonyme_statistik, "anonyme_statistik", Str::rules_purpose_anonyme_statistik},
};
static_assert(sizeof(kPurposes) / sizeof(kPurposes[0]) == kPurposeCount, "purpose table");
}  // namespace

const char* code(Purpose p) { return kPurposes[static_cast<int>(p)].code; }
Str label(Purpose p) { return kPurposes[static_cast<int>(p)].label; }
std::optional<Purpose> purpose_from(std::string_view c) {
  for (const auto& e : kPurposes)
    if (c == e.code) return e.p;
  return std::nullopt;
}

const char* code(RecipientKind k) {
  switch (k) {
    case RecipientKind::netzwerkpartner:
      return "netzwerkpartner";
    case RecipientKind::kjh:
      return "kjh";
    case RecipientKind::insoweit_erfahrene_fachkraft:
      return "insoweit_erfahrene_fachkraft";
    case RecipientKind::supervision:
      return "supervision";
    case RecipientKind::kollegiale_beratung:
      return "kollegiale_beratung";
    case RecipientKind::netzwerkkoordination:
      return "netzwerkkoordination";
  }
  return "?";
}
Str label(RecipientKind k) {
  switch (k) {
    case RecipientKind::netzwerkpartner:
      return Str::rules_recipient_netzwerkpartner;
    case RecipientKind::kjh:
      return Str::rules_recipient_kjh;
    case RecipientKind::insoweit_erfahrene_fachkraft:
      return Str::rules_recipient_fachkraft;
    case RecipientKind::supervision:
      return Str::rules_recipient_supervision;
    case RecipientKind::kollegiale_beratung:
      return Str::rules_recipient_kollegiale_beratung;
    case RecipientKind::netzwerkkoordination:
      return Str::rules_recipient_netzwerkkoordination;
  }
  return Str::err_internal;
}

bool same_recipient(const Recipient& a, const Recipient& b) {
  return a.kind == b.kind && a.partner == b.partner;
}

const char* code(DataCategory c) {
  switch (c) {
    case DataCategory::stammdaten:
      return "stammdaten";
    case DataCategory::kontakte:
      return "kontakte";
    case DataCategory::bedarfe:
      return "bedarfe";
    case DataCategory::ziele:
      return "ziele";
    case DataCategory::vermittlungen:
      return "vermittlungen";
    case DataCategory::kjh_kooperation:
      return "kjh_kooperation";
    case DataCategory::kinderschutz:
      return "kinderschutz";
    case DataCategory::gesundheit:
      return "gesundheit";
  }
  return "?";
}
Str label(DataCategory c) {
  switch (c) {
    case DataCategory::stammdaten:
      return Str::rules_cat_stammdaten;
    case DataCategory::kontakte:
      return Str::rules_cat_kontakte;
    case DataCategory::bedarfe:
      return Str::rules_cat_bedarfe;
    case DataCategory::ziele:
      return Str::rules_cat_ziele;
    case DataCategory::vermittlungen:
      return Str::rules_cat_vermittlungen;
    case DataCategory::kjh_kooperation:
      return Str::rules_cat_kjh_kooperation;
    case DataCategory::kinderschutz:
      return Str::rules_cat_kinderschutz;
    case DataCategory::gesundheit:
      return Str::rules_cat_gesundheit;
  }
  return Str::err_internal;
}

Categories Categories::all() { return Categories((1u << kCategoryCount) - 1); }
int Categories::size() const {
  int n = 0;
  for (uint32_t b = bits_; b; b &= b - 1) ++n;
  return n;
}
std::vector<DataCategory> Categories::list() const {
  std::vector<DataCategory> out;
  for (int i = 0; i < kCategoryCount; ++i)
    if (bits_ & (1u << i)) out.push_back(static_cast<DataCategory>(i));
  return out;
}

const char* code(Channel c) {
  switch (c) {
    case Channel::persoenlich:
      return "persoenlich";
    case Channel::telefon:
      return "telefon";
    case Channel::brief:
      return "brief";
    case Channel::fax:
      return "fax";
    case Channel::email:
      return "email";
    case Channel::verschluesselte_datei:
      return "verschluesselte_datei";
  }
  return "?";
}
Str label(Channel c) {
  switch (c) {
    case Channel::persoenlich:
      return Str::rules_channel_persoenlich;
    case Channel::telefon:
      return Str::rules_channel_telefon;
    case Channel::brief:
      return Str::rules_channel_brief;
    case Channel::fax:
      return Str::rules_channel_fax;
    case Channel::email:
      return Str::rules_channel_email;
    case Channel::verschluesselte_datei:
      return Str::rules_channel_datei;
  }
  return Str::err_internal;
}
bool is_written(Channel c) { return c != Channel::persoenlich && c != Channel::telefon; }

Str label(DataForm f) {
  switch (f) {
    case DataForm::personenbezogen:
      return Str::rules_form_personenbezogen;
    case DataForm::pseudonymisiert:
      return Str::rules_form_pseudonymisiert;
    case DataForm::anonymisiert:
      return Str::rules_form_anonymisiert;
  }
  return Str::err_internal;
}

Str label(PartyOfThree p) {
  switch (p) {
    case PartyOfThree::familie:
      return Str::rules_party_familie;
    case PartyOfThree::fruehe_hilfen:
      return Str::rules_party_fruehe_hilfen;
    case PartyOfThree::kjh:
      return Str::rules_party_kjh;
  }
  return Str::err_internal;
}

//-----------------------------------------------------------------------------
// [SECTION] Texts
//-----------------------------------------------------------------------------

std::string render(Str id, std::string_view arg, Lang lang) {
  std::string out = tr(id, lang);
  const auto at = out.find("{}");
  if (at != std::string::npos) out.replace(at, 2, arg.data(), arg.size());
  return out;
}

std::string Text::in(Lang lang) const { return render(id, arg_label ? tr(*arg_label, lang) : arg, lang); }

std::string render_lines(const std::vector<Text>& lines, Lang lang) {
  std::string out;
  for (const auto& t : lines) {
    if (!out.empty()) out += '\n';
    out += t.in(lang);
  }
  return out;
}

}  // namespace bb::rules
