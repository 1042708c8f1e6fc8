// The JSON of a form draft (case_draft.h). Written and read only by this app,
// inside its encrypted store; the reader still checks every type, because a
// store can come back from an older or newer backup.
#include "exchange/case_draft.h"

#include <nlohmann/json.hpp>

#include "exchange/json_header.h"

namespace bb::exchange {
namespace {

using json = nlohmann::json;

constexpr size_t kMaxDraftBytes = 1024 * 1024;

const char* form_code(DraftForm f) {
  switch (f) {
    case DraftForm::family:
      return "family";
    case DraftForm::person:
      return "person";
    case DraftForm::contact:
      return "contact";
    case DraftForm::goal:
      return "goal";
    case DraftForm::assessment:
      return "assessment";
    case DraftForm::status:
      return "status";
    case DraftForm::responsibility:
      return "responsibility";
    case DraftForm::consent:
      return "consent";
    case DraftForm::information:
      return "information";
  }
  return "contact";
}

std::optional<DraftForm> form_from(std::string_view code) {
  for (DraftForm f :
       {DraftForm::family, DraftForm::person, DraftForm::contact, DraftForm::goal, DraftForm::assessment,
        DraftForm::status, DraftForm::responsibility, DraftForm::consent, DraftForm::information})
    if (code == form_code(f)) return f;
  return std::nullopt;
}

// --- Writing ----------------------------------------------------------------

json person_json(const cases::PersonInput& p) {
  return {{"role", cases::code(p.role)}, {"first_name", p.first_name}, {"last_name", p.last_name},
          {"birth_date", p.birth_date},  {"due_date", p.due_date},     {"note", p.note}};
}

json family_json(const cases::FamilyInput& f) {
  return {{"family_name", f.family_name},
          {"request_on", f.request_on},
          {"access_route", f.access_route},
          {"access_note", f.access_note},
          {"companion", f.companion},
          {"companion_profession", f.companion_profession},
          {"languages", f.languages},
          {"interpreter_needed", f.interpreter_needed},
          {"address", f.address},
          {"phone", f.phone},
          {"email", f.email},
          {"note", f.note}};
}

json contact_json(const cases::ContactInput& c) {
  return {{"on", c.on},
          {"start", c.start},
          {"duration_min", c.duration_min},
          {"kind", c.kind},
          {"place", c.place},
          {"present", c.present},
          {"others_present", c.others_present},
          {"topics", c.topics},
          {"note", c.note},
          {"next_steps", c.next_steps},
          {"next_appointment", c.next_appointment}};
}

json goal_json(const cases::GoalInput& g) {
  return {{"perspective", cases::code(g.perspective)},
          {"title", g.title},
          {"description", g.description},
          {"status", cases::code(g.status)},
          {"next_review_on", g.next_review_on},
          {"comment", g.comment}};
}

json assessment_json(const cases::AssessmentInput& a) {
  json ratings = json::array();
  for (const auto& r : a.ratings)
    ratings.push_back({{"item", r.item}, {"rating", r.rating}, {"comment", r.comment}});
  return {{"on", a.on}, {"occasion", cases::code(a.occasion)}, {"ratings", ratings}, {"note", a.note}};
}

json status_json(const cases::StatusChange& s) {
  return {{"to", cases::code(s.to)}, {"on", s.on}, {"end_reason", s.end_reason}, {"note", s.note}};
}

json responsibility_json(const cases::ResponsibilityInput& r) {
  return {{"topic", r.topic},
          {"party", r.party ? json(cases::code(*r.party)) : json(nullptr)},
          {"who", r.who},
          {"note", r.note}};
}

json recipient_json(const rules::Recipient& r) {
  return {{"kind", rules::code(r.kind)},
          {"partner", r.partner ? json(*r.partner) : json(nullptr)},
          {"name", r.name}};
}

json date_json(const std::optional<rules::Date>& d) { return d ? json(d->iso()) : json(nullptr); }

const char* consent_form_code(rules::ConsentForm f) {
  return f == rules::ConsentForm::muendlich ? "muendlich" : "schriftlich";
}

json consent_json(const rules::Consent& c) {
  json categories = json::array();
  for (auto category : c.categories.list()) categories.push_back(rules::code(category));
  return {{"person", c.person},
          {"purpose", rules::code(c.purpose)},
          {"recipient", recipient_json(c.recipient)},
          {"categories", categories},
          {"given_on", c.given_on.iso()},
          {"form", consent_form_code(c.form)},
          {"witness", c.witness},
          {"valid_until", date_json(c.valid_until)},
          {"note", c.note}};
}

json information_json(const store::InformationRecord& r) {
  return {{"informed_on", r.informed_on.iso()},
          {"person", r.person ? json(*r.person) : json(nullptr)},
          {"cooperation_with", recipient_json(r.cooperation_with)},
          {"purpose", r.purpose},
          {"content", r.content},
          {"how", r.how},
          {"note", r.note}};
}

// --- Reading ----------------------------------------------------------------

Error unreadable(const std::string& detail) {
  return make_error(Str::draft_unreadable, "case draft: " + detail);
}

// A member of `obj` that must be there with the type the check accepts.
const json* member(const json& obj, const char* key) {
  auto it = obj.find(key);
  return it == obj.end() ? nullptr : &*it;
}

Status read(const json& obj, const char* key, std::string& out) {
  const json* v = member(obj, key);
  if (!v || !v->is_string()) return unreadable(std::string(key) + ": not a string");
  out = v->get_ref<const std::string&>();
  return {};
}

Status read(const json& obj, const char* key, bool& out) {
  const json* v = member(obj, key);
  if (!v || !v->is_boolean()) return unreadable(std::string(key) + ": not a boolean");
  out = v->get<bool>();
  return {};
}

Status read(const json& obj, const char* key, int64_t& out) {
  const json* v = member(obj, key);
  if (!v || !v->is_number_integer()) return unreadable(std::string(key) + ": not an integer");
  if (v->is_number_unsigned() && v->get<json::number_unsigned_t>() > static_cast<uint64_t>(INT64_MAX))
    return unreadable(std::string(key) + ": out of range");
  out = v->get<json::number_integer_t>();
  return {};
}

Status read(const json& obj, const char* key, int& out) {
  int64_t wide = 0;
  BB_TRY(read(obj, key, wide));
  if (wide < INT32_MIN || wide > INT32_MAX) return unreadable(std::string(key) + ": out of range");
  out = static_cast<int>(wide);
  return {};
}

template <class Enum>
Status read_code(const json& obj, const char* key, std::optional<Enum> (*from)(std::string_view), Enum& out) {
  std::string text;
  BB_TRY(read(obj, key, text));
  auto v = from(text);
  if (!v) return unreadable(std::string(key) + ": unknown code");
  out = *v;
  return {};
}

const json* object_member(const json& obj, const char* key) {
  const json* v = member(obj, key);
  return v && v->is_object() ? v : nullptr;
}

Status read_person(const json& o, cases::PersonInput& p) {
  BB_TRY(read_code(o, "role", cases::person_role_from, p.role));
  BB_TRY(read(o, "first_name", p.first_name));
  BB_TRY(read(o, "last_name", p.last_name));
  BB_TRY(read(o, "birth_date", p.birth_date));
  BB_TRY(read(o, "due_date", p.due_date));
  return read(o, "note", p.note);
}

Status read_family(const json& o, cases::FamilyInput& f) {
  BB_TRY(read(o, "family_name", f.family_name));
  BB_TRY(read(o, "request_on", f.request_on));
  BB_TRY(read(o, "access_route", f.access_route));
  BB_TRY(read(o, "access_note", f.access_note));
  BB_TRY(read(o, "companion", f.companion));
  BB_TRY(read(o, "companion_profession", f.companion_profession));
  BB_TRY(read(o, "languages", f.languages));
  BB_TRY(read(o, "interpreter_needed", f.interpreter_needed));
  BB_TRY(read(o, "address", f.address));
  BB_TRY(read(o, "phone", f.phone));
  BB_TRY(read(o, "email", f.email));
  return read(o, "note", f.note);
}

Status read_contact(const json& o, cases::ContactInput& c) {
  BB_TRY(read(o, "on", c.on));
  BB_TRY(read(o, "start", c.start));
  BB_TRY(read(o, "duration_min", c.duration_min));
  BB_TRY(read(o, "kind", c.kind));
  BB_TRY(read(o, "place", c.place));
  const json* present = member(o, "present");
  if (!present || !present->is_array()) return unreadable("present: not a list");
  for (const auto& id : *present) {
    if (!id.is_number_integer()) return unreadable("present: not an id");
    c.present.push_back(id.get<json::number_integer_t>());
  }
  BB_TRY(read(o, "others_present", c.others_present));
  const json* topics = member(o, "topics");
  if (!topics || !topics->is_array()) return unreadable("topics: not a list");
  for (const auto& t : *topics) {
    if (!t.is_string()) return unreadable("topics: not a code");
    c.topics.push_back(t.get<std::string>());
  }
  BB_TRY(read(o, "note", c.note));
  BB_TRY(read(o, "next_steps", c.next_steps));
  return read(o, "next_appointment", c.next_appointment);
}

Status read_goal(const json& o, cases::GoalInput& g) {
  BB_TRY(read_code(o, "perspective", cases::perspective_from, g.perspective));
  BB_TRY(read(o, "title", g.title));
  BB_TRY(read(o, "description", g.description));
  BB_TRY(read_code(o, "status", cases::goal_status_from, g.status));
  BB_TRY(read(o, "next_review_on", g.next_review_on));
  return read(o, "comment", g.comment);
}

Status read_assessment(const json& o, cases::AssessmentInput& a) {
  BB_TRY(read(o, "on", a.on));
  BB_TRY(read_code(o, "occasion", cases::occasion_from, a.occasion));
  const json* ratings = member(o, "ratings");
  if (!ratings || !ratings->is_array()) return unreadable("ratings: not a list");
  for (const auto& r : *ratings) {
    if (!r.is_object()) return unreadable("ratings: not an object");
    cases::Rating rating;
    BB_TRY(read(r, "item", rating.item));
    BB_TRY(read(r, "rating", rating.rating));
    BB_TRY(read(r, "comment", rating.comment));
    a.ratings.push_back(std::move(rating));
  }
  return read(o, "note", a.note);
}

Status read_status(const json& o, cases::StatusChange& s) {
  BB_TRY(read_code(o, "to", cases::family_status_from, s.to));
  BB_TRY(read(o, "on", s.on));
  BB_TRY(read(o, "end_reason", s.end_reason));
  return read(o, "note", s.note);
}

Status read_responsibility(const json& o, cases::ResponsibilityInput& r) {
  BB_TRY(read(o, "topic", r.topic));
  const json* party = member(o, "party");
  if (!party) return unreadable("party: missing");
  if (party->is_null()) {
    r.party.reset();
  } else {
    cases::Party p{};
    BB_TRY(read_code(o, "party", cases::party_from, p));
    r.party = p;
  }
  BB_TRY(read(o, "who", r.who));
  return read(o, "note", r.note);
}

// An id that may be null (nullopt); a present one is positive.
Status read_optional_id(const json& obj, const char* key, std::optional<int64_t>& out) {
  const json* v = member(obj, key);
  if (!v) return unreadable(std::string(key) + ": missing");
  if (v->is_null()) {
    out.reset();
    return {};
  }
  int64_t id = 0;
  BB_TRY(read(obj, key, id));
  if (id <= 0) return unreadable(std::string(key) + ": not an id");
  out = id;
  return {};
}

Status read_date(const json& obj, const char* key, rules::Date& out) {
  std::string text;
  BB_TRY(read(obj, key, text));
  auto day = rules::Date::from_iso(text);
  if (!day) return unreadable(std::string(key) + ": not a date");
  out = *day;
  return {};
}

Status read_optional_date(const json& obj, const char* key, std::optional<rules::Date>& out) {
  const json* v = member(obj, key);
  if (!v) return unreadable(std::string(key) + ": missing");
  if (v->is_null()) {
    out.reset();
    return {};
  }
  rules::Date day;
  BB_TRY(read_date(obj, key, day));
  out = day;
  return {};
}

template <class Enum>
std::optional<Enum> enum_from(std::string_view text, int count) {
  for (int i = 0; i < count; ++i)
    if (text == rules::code(static_cast<Enum>(i))) return static_cast<Enum>(i);
  return std::nullopt;
}

Status read_recipient(const json& obj, const char* key, rules::Recipient& r) {
  const json* o = object_member(obj, key);
  if (!o) return unreadable(std::string(key) + ": not an object");
  std::string kind;
  BB_TRY(read(*o, "kind", kind));
  auto k = enum_from<rules::RecipientKind>(kind, rules::kRecipientKindCount);
  if (!k) return unreadable(std::string(key) + ": unknown kind");
  r.kind = *k;
  BB_TRY(read_optional_id(*o, "partner", r.partner));
  return read(*o, "name", r.name);
}

Status read_consent(const json& o, rules::Consent& c) {
  BB_TRY(read(o, "person", c.person));
  if (c.person < 0) return unreadable("person: negative id");
  BB_TRY(read_code(o, "purpose", rules::purpose_from, c.purpose));
  BB_TRY(read_recipient(o, "recipient", c.recipient));
  const json* categories = member(o, "categories");
  if (!categories || !categories->is_array()) return unreadable("categories: not a list");
  for (const auto& code : *categories) {
    if (!code.is_string()) return unreadable("categories: not a code");
    auto category = enum_from<rules::DataCategory>(code.get_ref<const std::string&>(), rules::kCategoryCount);
    if (!category) return unreadable("categories: unknown code");
    c.categories.add(*category);
  }
  BB_TRY(read_date(o, "given_on", c.given_on));
  std::string form;
  BB_TRY(read(o, "form", form));
  if (form != consent_form_code(rules::ConsentForm::schriftlich) &&
      form != consent_form_code(rules::ConsentForm::muendlich))
    return unreadable("form: unknown code");
  c.form = form == consent_form_code(rules::ConsentForm::muendlich) ? rules::ConsentForm::muendlich
                                                                    : rules::ConsentForm::schriftlich;
  BB_TRY(read(o, "witness", c.witness));
  BB_TRY(read_optional_date(o, "valid_until", c.valid_until));
  return read(o, "note", c.note);
}

Status read_information(const json& o, store::InformationRecord& r) {
  BB_TRY(read_date(o, "informed_on", r.informed_on));
  BB_TRY(read_optional_id(o, "person", r.person));
  BB_TRY(read_recipient(o, "cooperation_with", r.cooperation_with));
  BB_TRY(read(o, "purpose", r.purpose));
  BB_TRY(read(o, "content", r.content));
  BB_TRY(read(o, "how", r.how));
  return read(o, "note", r.note);
}

Status read_form(const json& root, CaseDraft& d) {
  const json* input = object_member(root, "input");
  if (!input) return unreadable("input: not an object");
  const json& o = *input;
  switch (d.form) {
    case DraftForm::family: {
      const json* family = object_member(o, "family");
      const json* persons = member(o, "persons");
      if (!family || !persons || !persons->is_array()) return unreadable("family: incomplete");
      BB_TRY(read_family(*family, d.input.family));
      for (const auto& p : *persons) {
        if (!p.is_object()) return unreadable("persons: not an object");
        cases::PersonInput person;
        BB_TRY(read_person(p, person));
        d.input.persons.push_back(std::move(person));
      }
      return {};
    }
    case DraftForm::person:
      return read_person(o, d.input.person);
    case DraftForm::contact:
      return read_contact(o, d.input.contact);
    case DraftForm::goal:
      return read_goal(o, d.input.goal);
    case DraftForm::assessment:
      return read_assessment(o, d.input.assessment);
    case DraftForm::status:
      return read_status(o, d.input.status);
    case DraftForm::responsibility:
      return read_responsibility(o, d.input.responsibility);
    case DraftForm::consent:
      return read_consent(o, d.consent);
    case DraftForm::information:
      return read_information(o, d.information);
  }
  return unreadable("unknown form");
}

}  // namespace

std::string case_draft_to_json(const CaseDraft& d) {
  json input;
  switch (d.form) {
    case DraftForm::family: {
      json persons = json::array();
      for (const auto& p : d.input.persons) persons.push_back(person_json(p));
      input = {{"family", family_json(d.input.family)}, {"persons", persons}};
      break;
    }
    case DraftForm::person:
      input = person_json(d.input.person);
      break;
    case DraftForm::contact:
      input = contact_json(d.input.contact);
      break;
    case DraftForm::goal:
      input = goal_json(d.input.goal);
      break;
    case DraftForm::assessment:
      input = assessment_json(d.input.assessment);
      break;
    case DraftForm::status:
      input = status_json(d.input.status);
      break;
    case DraftForm::responsibility:
      input = responsibility_json(d.input.responsibility);
      break;
    case DraftForm::consent:
      input = consent_json(d.consent);
      break;
    case DraftForm::information:
      input = information_json(d.information);
      break;
  }
  const json root = {{"format", "begleitbuch-draft"}, {"version", kCaseDraftVersion},
                     {"form", form_code(d.form)},     {"family_id", d.family_id},
                     {"edit_id", d.edit_id},          {"input", input}};
  // Invalid UTF-8 in a field (never typed, but pasted bytes could be) is
  // replaced rather than thrown on.
  return root.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<CaseDraft> case_draft_from_json(std::string_view text) {
  if (text.size() > kMaxDraftBytes) return unreadable("too large");
  if (!valid_utf8(text)) return unreadable("invalid UTF-8");
  try {
    const json root = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    if (!root.is_object()) return unreadable("not a JSON object");
    std::string format, form;
    BB_TRY(read(root, "format", format));
    if (format != "begleitbuch-draft") return unreadable("not a draft");
    int64_t version = 0;
    BB_TRY(read(root, "version", version));
    if (version != kCaseDraftVersion) return unreadable("version " + std::to_string(version));
    BB_TRY(read(root, "form", form));
    auto kind = form_from(form);
    if (!kind) return unreadable("unknown form " + form);
    CaseDraft d;
    d.form = *kind;
    BB_TRY(read(root, "family_id", d.family_id));
    BB_TRY(read(root, "edit_id", d.edit_id));
    if (d.family_id < 0 || d.edit_id < 0) return unreadable("negative id");
    if ((d.form == DraftForm::consent || d.form == DraftForm::information) && d.family_id == 0)
      return unreadable("a consent draft without its family");
    BB_TRY(read_form(root, d));
    return d;
  } catch (const std::exception& e) {  // defence in depth: no accessor above throws
    return unreadable(e.what());
  }
}

}  // namespace bb::exchange
