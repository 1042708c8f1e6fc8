// Case documentation rules (see cases.h).
#include "core/cases.h"

#include "core/search_normalize.h"

#include <cstdio>
#include <ctime>

namespace bb::cases {

//-----------------------------------------------------------------------------
// [SECTION] Dates and the clock
//-----------------------------------------------------------------------------

namespace {

bool all_digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

std::string& fixed_clock() {
  static std::string value;
  return value;
}

size_t utf8_length(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

std::string trimmed(std::string_view s) {
  size_t a = 0, b = s.size();
  while (a < b && (s[a] == ' ' || s[a] == '\t' || s[a] == '\n' || s[a] == '\r')) ++a;
  while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '\n' || s[b - 1] == '\r')) --b;
  return std::string(s.substr(a, b - a));
}

void check_length(ValidationErrors& out, const char* field, std::string_view text, size_t max) {
  if (utf8_length(text) > max) out.push_back({field, Str::case_err_text_too_long, std::to_string(max)});
}

// An optional date field: empty is fine, otherwise a real date.
bool check_optional_date(ValidationErrors& out, const char* field, std::string_view text) {
  if (text.empty()) return true;
  if (!parse_date(text)) {
    out.push_back({field, Str::case_err_date_invalid, {}});
    return false;
  }
  return true;
}

}  // namespace

std::optional<Date> parse_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  if (!all_digits(s.substr(0, 4)) || !all_digits(s.substr(5, 2)) || !all_digits(s.substr(8, 2)))
    return std::nullopt;
  Date d{to_int(s.substr(0, 4)), to_int(s.substr(5, 2)), to_int(s.substr(8, 2))};
  if (d.year < 1900 || d.year > 2200 || d.month < 1 || d.month > 12 || d.day < 1) return std::nullopt;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
  const int max = kDays[d.month - 1] + (d.month == 2 && leap ? 1 : 0);
  if (d.day > max) return std::nullopt;
  return d;
}

std::string format_date(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

std::string german_date(std::string_view iso) {
  auto d = parse_date(iso.substr(0, std::min<size_t>(10, iso.size())));
  if (!d) return std::string(iso);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d.%02d.%04d", d->day, d->month, d->year);
  return buf;
}

std::string iso_from_typed_date(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (parse_date(text)) return std::string(text);
  // D.M.YYYY with one or two digits for day and month, four for the year.
  int parts[3] = {0, 0, 0};
  int digits[3] = {0, 0, 0};
  int part = 0;
  for (char c : text) {
    if (c == '.') {
      if (++part > 2) return {};
    } else if (c >= '0' && c <= '9') {
      if (++digits[part] > (part == 2 ? 4 : 2)) return {};
      parts[part] = parts[part] * 10 + (c - '0');
    } else {
      return {};
    }
  }
  if (part != 2 || digits[0] == 0 || digits[1] == 0 || digits[2] != 4) return {};
  const Date d{parts[2], parts[1], parts[0]};
  const std::string iso = format_date(d);
  return parse_date(iso) ? iso : std::string();
}

// Howard Hinnant's days_from_civil / civil_from_days.
int64_t days_from_civil(const Date& d) {
  int64_t y = d.year - (d.month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t mp = (d.month + 9) % 12;
  const int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date civil_from_days(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return Date{static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0)), m, d};
}

std::string add_days(std::string_view iso, int64_t days) {
  auto d = parse_date(iso);
  if (!d) return {};
  return format_date(civil_from_days(days_from_civil(*d) + days));
}

bool valid_time(std::string_view t) {
  if (t.size() != 5 || t[2] != ':' || !all_digits(t.substr(0, 2)) || !all_digits(t.substr(3, 2)))
    return false;
  return to_int(t.substr(0, 2)) < 24 && to_int(t.substr(3, 2)) < 60;
}

std::string now_timestamp() {
  if (!fixed_clock().empty()) return fixed_clock();
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string today() {
  if (!fixed_clock().empty()) return fixed_clock().substr(0, 10);
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

void set_fixed_clock(std::string timestamp) { fixed_clock() = std::move(timestamp); }

int age_in_months(std::string_view birth, std::string_view on) {
  auto b = parse_date(birth);
  auto o = parse_date(on);
  if (!b || !o) return -1;
  int months = (o->year - b->year) * 12 + (o->month - b->month);
  if (o->day < b->day) --months;
  return months;
}

std::string age_text(std::string_view birth, std::string_view on) {
  const int months = age_in_months(birth, on);
  if (months < 0) return {};
  if (months < 2) {
    auto b = parse_date(birth);
    auto o = parse_date(on);
    const int64_t days = days_from_civil(*o) - days_from_civil(*b);
    return format_text(Str::case_age_weeks, std::to_string(days / 7));
  }
  if (months < 12) return format_text(Str::case_age_months, std::to_string(months));
  const int years = months / 12, rest = months % 12;
  std::string out = years == 1 ? std::string(tr(Str::case_age_one_year))
                               : format_text(Str::case_age_years, std::to_string(years));
  if (rest > 0 && years < 3) out += " " + format_text(Str::case_age_months, std::to_string(rest));
  return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Enumerations
//-----------------------------------------------------------------------------

namespace {
constexpr const char* kStatusCodes[] = {"anfrage", "erstkontakt", "laufend", "abgeschlossen"};
constexpr const char* kRoleCodes[] = {"parent", "caregiver", "child", "expected_child"};
constexpr const char* kPerspectiveCodes[] = {"familie", "fruehe_hilfen", "kjh"};
constexpr const char* kGoalCodes[] = {"offen", "in_arbeit", "erreicht", "teilweise", "verworfen"};
constexpr const char* kPartyCodes[] = {"familie", "fruehe_hilfen", "kjh", "andere"};
constexpr const char* kOccasionCodes[] = {"intake", "review"};

template <class E, size_t N>
std::optional<E> from_code(const char* const (&codes)[N], std::string_view c) {
  for (size_t i = 0; i < N; ++i)
    if (c == codes[i]) return static_cast<E>(i);
  return std::nullopt;
}
}  // namespace

const char* code(FamilyStatus v) { return kStatusCodes[static_cast<int>(v)]; }
const char* code(PersonRole v) { return kRoleCodes[static_cast<int>(v)]; }
const char* code(Perspective v) { return kPerspectiveCodes[static_cast<int>(v)]; }
const char* code(GoalStatus v) { return kGoalCodes[static_cast<int>(v)]; }
const char* code(Party v) { return kPartyCodes[static_cast<int>(v)]; }
const char* code(AssessmentOccasion v) { return kOccasionCodes[static_cast<int>(v)]; }
std::optional<FamilyStatus> family_status_from(std::string_view c) {
  return from_code<FamilyStatus>(kStatusCodes, c);
}
std::optional<PersonRole> person_role_from(std::string_view c) {
  return from_code<PersonRole>(kRoleCodes, c);
}
std::optional<Perspective> perspective_from(std::string_view c) {
  return from_code<Perspective>(kPerspectiveCodes, c);
}
std::optional<GoalStatus> goal_status_from(std::string_view c) {
  return from_code<GoalStatus>(kGoalCodes, c);
}
std::optional<Party> party_from(std::string_view c) { return from_code<Party>(kPartyCodes, c); }
std::optional<AssessmentOccasion> occasion_from(std::string_view c) {
  return from_code<AssessmentOccasion>(kOccasionCodes, c);
}

Str label(FamilyStatus v) {
  static const Str k[] = {Str::case_status_anfrage, Str::case_status_erstkontakt, Str::case_status_laufend,
                          Str::case_status_abgeschlossen};
  return k[static_cast<int>(v)];
}
Str label(PersonRole v) {
  static const Str k[] = {Str::case_role_parent, Str::case_role_caregiver, Str::case_role_child,
                          Str::case_role_expected_child};
  return k[static_cast<int>(v)];
}
Str label(Perspective v) {
  static const Str k[] = {Str::case_perspective_familie, Str::case_perspective_fruehe_hilfen,
                          Str::case_perspective_kjh};
  return k[static_cast<int>(v)];
}
Str label(GoalStatus v) {
  static const Str k[] = {Str::case_goal_offen, Str::case_goal_in_arbeit, Str::case_goal_erreicht,
                          Str::case_goal_teilweise, Str::case_goal_verworfen};
  return k[static_cast<int>(v)];
}
Str label(Party v) {
  static const Str k[] = {Str::case_party_familie, Str::case_party_fruehe_hilfen, Str::case_party_kjh,
                          Str::case_party_andere};
  return k[static_cast<int>(v)];
}
Str label(AssessmentOccasion v) {
  return v == AssessmentOccasion::intake ? Str::case_assessment_intake : Str::case_assessment_review;
}
Str rating_label(int rating) {
  static const Str k[] = {Str::case_rating_1, Str::case_rating_2, Str::case_rating_3, Str::case_rating_4,
                          Str::case_rating_5};
  return rating >= 1 && rating <= 5 ? k[rating - 1] : Str::case_err_rating_invalid;
}

bool goal_is_open(GoalStatus s) { return s == GoalStatus::offen || s == GoalStatus::in_arbeit; }

//-----------------------------------------------------------------------------
// [SECTION] Validation errors
//-----------------------------------------------------------------------------

Error to_error(const ValidationError& v) { return make_error(v.message, "invalid field " + v.field, v.arg); }

std::string invalid_field(const Error& e) {
  static const std::string prefix = "invalid field ";
  return e.detail.rfind(prefix, 0) == 0 ? e.detail.substr(prefix.size()) : std::string();
}

//-----------------------------------------------------------------------------
// [SECTION] Families and status
//-----------------------------------------------------------------------------

ValidationErrors validate_family(const FamilyInput& in, std::string_view today_iso) {
  ValidationErrors out;
  if (trimmed(in.family_name).empty()) out.push_back({"family_name", Str::case_err_family_name_required, {}});
  check_length(out, "family_name", in.family_name, kMaxShortText);
  if (check_optional_date(out, "request_on", in.request_on) && !in.request_on.empty() &&
      in.request_on > today_iso)
    out.push_back({"request_on", Str::case_err_date_in_future, {}});
  check_length(out, "access_note", in.access_note, kMaxLongText);
  check_length(out, "companion", in.companion, kMaxShortText);
  check_length(out, "languages", in.languages, kMaxShortText);
  if (in.interpreter_needed && trimmed(in.languages).empty())
    out.push_back({"languages", Str::case_err_interpreter_language, {}});
  check_length(out, "address", in.address, kMaxLongText);
  check_length(out, "phone", in.phone, kMaxShortText);
  for (char c : in.phone) {
    if (!((c >= '0' && c <= '9') || c == ' ' || c == '+' || c == '/' || c == '-' || c == '(' || c == ')' ||
          c == ',' || c == ';')) {
      out.push_back({"phone", Str::case_err_phone_invalid, {}});
      break;
    }
  }
  const std::string email = trimmed(in.email);
  if (!email.empty()) {
    const auto at = email.find('@');
    if (at == std::string::npos || at == 0 || email.find('.', at) == std::string::npos ||
        email.back() == '.' || email.find(' ') != std::string::npos)
      out.push_back({"email", Str::case_err_email_invalid, {}});
  }
  check_length(out, "email", in.email, kMaxShortText);
  check_length(out, "note", in.note, kMaxLongText);
  return out;
}

bool transition_allowed(FamilyStatus from, FamilyStatus to) {
  using S = FamilyStatus;
  switch (from) {
    case S::anfrage:
      return to == S::erstkontakt || to == S::laufend || to == S::abgeschlossen;
    case S::erstkontakt:
      return to == S::laufend || to == S::abgeschlossen;
    case S::laufend:
      return to == S::abgeschlossen;
    case S::abgeschlossen:
      return to == S::erstkontakt || to == S::laufend;  // reopen
  }
  return false;
}

ValidationErrors validate_status_change(const Family& family, const StatusChange& change,
                                        std::string_view today_iso) {
  ValidationErrors out;
  if (!transition_allowed(family.status, change.to)) {
    out.push_back({"to", Str::case_err_status_transition, tr(label(family.status))});
  }
  if (change.on.empty()) {
    out.push_back({"on", Str::case_err_date_required, {}});
  } else if (!parse_date(change.on)) {
    out.push_back({"on", Str::case_err_date_invalid, {}});
  } else if (change.on > today_iso) {
    out.push_back({"on", Str::case_err_date_in_future, {}});
  } else if (!family.status_since.empty() && change.on < family.status_since) {
    out.push_back({"on", Str::case_err_date_before, german_date(family.status_since)});
  }
  if (change.to == FamilyStatus::abgeschlossen && trimmed(change.end_reason).empty())
    out.push_back({"end_reason", Str::case_err_end_reason_required, {}});
  check_length(out, "note", change.note, kMaxLongText);
  return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Persons
//-----------------------------------------------------------------------------

ValidationErrors validate_person(const PersonInput& in, std::string_view today_iso) {
  ValidationErrors out;
  const bool expected = in.role == PersonRole::expected_child;
  if (!expected && trimmed(in.first_name).empty() && trimmed(in.last_name).empty())
    out.push_back({"first_name", Str::case_err_person_name_required, {}});
  check_length(out, "first_name", in.first_name, kMaxShortText);
  check_length(out, "last_name", in.last_name, kMaxShortText);
  if (expected) {
    if (!in.birth_date.empty()) out.push_back({"birth_date", Str::case_err_expected_has_birth, {}});
    if (in.due_date.empty())
      out.push_back({"due_date", Str::case_err_due_date_required, {}});
    else
      check_optional_date(out, "due_date", in.due_date);
  } else {
    if (!in.due_date.empty()) out.push_back({"due_date", Str::case_err_due_date_other_role, {}});
    if (in.role == PersonRole::child && in.birth_date.empty())
      out.push_back({"birth_date", Str::case_err_birth_required, {}});
    if (check_optional_date(out, "birth_date", in.birth_date) && !in.birth_date.empty() &&
        in.birth_date > today_iso)
      out.push_back({"birth_date", Str::case_err_date_in_future, {}});
  }
  check_length(out, "note", in.note, kMaxLongText);
  return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Contacts
//-----------------------------------------------------------------------------

bool valid_appointment(std::string_view text) {
  if (text.size() == 10) return parse_date(text).has_value();
  return text.size() == 16 && text[10] == 'T' && parse_date(text.substr(0, 10)) &&
         valid_time(text.substr(11));
}

ValidationErrors validate_contact(const ContactInput& in, std::string_view today_iso) {
  ValidationErrors out;
  if (in.on.empty())
    out.push_back({"on", Str::case_err_date_required, {}});
  else if (!parse_date(in.on))
    out.push_back({"on", Str::case_err_date_invalid, {}});
  else if (in.on > today_iso)
    out.push_back({"on", Str::case_err_contact_in_future, {}});
  if (!in.start.empty() && !valid_time(in.start)) out.push_back({"start", Str::case_err_time_invalid, {}});
  if (in.duration_min < 1 || in.duration_min > 1440)
    out.push_back({"duration_min", Str::case_err_duration_invalid, {}});
  if (trimmed(in.kind).empty()) out.push_back({"kind", Str::case_err_choose_entry, {}});
  check_length(out, "place", in.place, kMaxShortText);
  check_length(out, "others_present", in.others_present, kMaxShortText);
  check_length(out, "note", in.note, kMaxLongText);
  check_length(out, "next_steps", in.next_steps, kMaxLongText);
  if (!in.next_appointment.empty()) {
    if (!valid_appointment(in.next_appointment))
      out.push_back({"next_appointment", Str::case_err_date_invalid, {}});
    else if (parse_date(in.on) && in.next_appointment.substr(0, 10) < in.on)
      out.push_back({"next_appointment", Str::case_err_appointment_before_contact, {}});
  }
  return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Bedarfe und Ressourcen
//-----------------------------------------------------------------------------

ValidationErrors validate_assessment(const AssessmentInput& in, std::string_view today_iso) {
  ValidationErrors out;
  if (in.on.empty())
    out.push_back({"on", Str::case_err_date_required, {}});
  else if (!parse_date(in.on))
    out.push_back({"on", Str::case_err_date_invalid, {}});
  else if (in.on > today_iso)
    out.push_back({"on", Str::case_err_date_in_future, {}});
  if (in.ratings.empty()) out.push_back({"ratings", Str::case_err_assessment_empty, {}});
  for (const auto& r : in.ratings) {
    if (r.rating < 1 || r.rating > 5) out.push_back({"ratings." + r.item, Str::case_err_rating_invalid, {}});
    check_length(out, ("ratings." + r.item).c_str(), r.comment, kMaxLongText);
  }
  check_length(out, "note", in.note, kMaxLongText);
  return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Goals and responsibilities
//-----------------------------------------------------------------------------

ValidationErrors validate_goal(const GoalInput& in) {
  ValidationErrors out;
  if (trimmed(in.title).empty()) out.push_back({"title", Str::case_err_goal_title_required, {}});
  check_length(out, "title", in.title, kMaxShortText);
  check_length(out, "description", in.description, kMaxLongText);
  check_optional_date(out, "next_review_on", in.next_review_on);
  check_length(out, "comment", in.comment, kMaxLongText);
  return out;
}

ValidationErrors validate_responsibility(const ResponsibilityInput& in) {
  ValidationErrors out;
  if (trimmed(in.topic).empty()) out.push_back({"topic", Str::case_err_choose_entry, {}});
  check_length(out, "who", in.who, kMaxShortText);
  check_length(out, "note", in.note, kMaxLongText);
  return out;
}

std::string new_catalog_code(std::string_view label, const std::vector<CatalogEntry>& existing) {
  std::string base;
  for (const auto& word : search::split_words(search::fold_for_search(label))) {
    std::string ascii;
    for (char c : word)
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) ascii += c;
    if (ascii.empty()) continue;
    if (!base.empty()) base += '_';
    base += ascii;
    if (base.size() >= 30) break;
  }
  if (base.empty()) return {};
  base = base.substr(0, 30);
  auto taken = [&](const std::string& code) {
    for (const auto& e : existing)
      if (e.code == code) return true;
    return false;
  };
  std::string code = base;
  for (int n = 2; taken(code); ++n) code = base + "_" + std::to_string(n);
  return code;
}

bool valid_catalog_kind(std::string_view kind) {
  for (const char* k : {"access_route", "contact_kind", "topic", "profession", "end_reason", "instrument"})
    if (kind == k) return true;
  return false;
}

}  // namespace bb::cases
