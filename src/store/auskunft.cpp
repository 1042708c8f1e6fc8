// The Auskunft: everything stored about a family as one document (see auskunft.h).
// Reads through the repositories' own load functions, inside one read
// transaction so that the document is one consistent snapshot.
#include "store/auskunft.h"

#include <map>

#include "core/cases.h"
#include "core/rules_common.h"
#include "store/cases.h"
#include "store/child_protection.h"
#include "store/consents.h"
#include "store/cooperation_agreements.h"
#include "store/disclosures.h"
#include "store/kjh.h"
#include "store/retention.h"
#include "store/rules_internal.h"

namespace bb::store {

using namespace bb::store::detail;

namespace {

struct Builder {
  Lang lang;
  std::map<std::string, std::string> catalog;  // "kind/code" → label

  std::string t(Str id) const { return tr(id, lang); }
  std::string label(const char* kind, const std::string& code) const {
    auto it = catalog.find(std::string(kind) + "/" + code);
    return it == catalog.end() ? code : it->second;
  }
  static std::string de(const std::string& iso) {
    return iso.empty() ? std::string() : cases::german_date(iso);
  }
  static std::string de(const std::optional<rules::Date>& d) { return d ? d->german() : std::string(); }
  std::string yes_no(bool b) const { return t(b ? Str::ausk_yes : Str::ausk_no); }
  std::string cats(rules::Categories c) const {
    std::string out;
    for (auto x : c.list()) out += (out.empty() ? "" : ", ") + std::string(tr(rules::label(x), lang));
    return out;
  }
  std::string recipient(const rules::Recipient& r) const {
    std::string kind = tr(rules::label(r.kind), lang);
    return r.name.empty() ? kind : r.name + " (" + kind + ")";
  }
  std::string agreement(const rules::Agreement& a) const {
    if (!a.on) return t(Str::ausk_no);
    return a.on->german() + (a.by.empty() ? "" : " – " + a.by) + (a.note.empty() ? "" : " – " + a.note);
  }
};

void add(AuskunftRecord& r, const Builder& b, Str label, const std::string& value) {
  if (!value.empty()) r.items.push_back({b.t(label), value});
}
void add(AuskunftRecord& r, const std::string& label, const std::string& value) {
  if (!value.empty()) r.items.push_back({label, value});
}

}  // namespace

Result<Auskunft> gather_auskunft(const Store& store, int64_t family_id, Lang lang) {
  // One snapshot: a read transaction around all queries.
  const bool own = sqlite3_get_autocommit(store.db()) != 0;
  if (own) BB_TRY(exec(store.db(), "BEGIN"));
  struct End {
    sqlite3* db;
    bool own;
    ~End() {
      if (own) (void)exec(db, "COMMIT");
    }
  } end{store.db(), own};

  Builder b{lang, {}};
  for (const char* kind :
       {"access_route", "contact_kind", "topic", "profession", "end_reason", "instrument"}) {
    auto entries = load_catalog(store, kind, true);
    if (!entries.ok()) return entries.error();
    for (const auto& e : *entries) b.catalog[std::string(kind) + "/" + e.code] = e.label;
  }

  auto family = load_family(store, family_id);
  if (!family.ok()) return family.error();
  Auskunft out;
  out.family_id = family_id;
  out.family_name = family->family_name;
  out.generated_on = today_date().german();
  auto section = [&](Str title) -> AuskunftSection& {
    out.sections.push_back({title, {}});
    return out.sections.back();
  };

  {  // Familie
    auto& s = section(Str::ausk_family);
    AuskunftRecord r{family->family_name, {}};
    const auto& f = *family;
    add(r, b, Str::ausk_field_status,
        std::string(tr(cases::label(f.status), lang)) + " (" + b.de(f.status_since) + ")");
    add(r, b, Str::ausk_field_request, b.de(f.request_on));
    add(r, b, Str::ausk_field_access, b.label("access_route", f.access_route));
    add(r, b, Str::ausk_field_note, f.access_note);
    add(r, b, Str::ausk_field_companion,
        f.companion + (f.companion_profession.empty()
                           ? ""
                           : " (" + b.label("profession", f.companion_profession) + ")"));
    add(r, b, Str::ausk_field_languages, f.languages + (f.interpreter_needed ? " +" : ""));
    add(r, b, Str::ausk_field_address, f.address);
    add(r, b, Str::ausk_field_phone, f.phone);
    add(r, b, Str::ausk_field_email, f.email);
    add(r, b, Str::ausk_field_note, f.note);
    if (!f.ended_on.empty())
      add(r, b, Str::ausk_field_until, b.de(f.ended_on) + " – " + b.label("end_reason", f.end_reason));
    s.records.push_back(std::move(r));
  }
  {  // Personen
    auto persons = load_persons(store, family_id);
    if (!persons.ok()) return persons.error();
    auto& s = section(Str::ausk_persons);
    for (const auto& p : *persons) {
      AuskunftRecord r{p.first_name + " " + (p.last_name.empty() ? family->family_name : p.last_name), {}};
      add(r, b, Str::ausk_field_role, tr(cases::label(p.role), lang));
      add(r, b, Str::ausk_field_birth, b.de(p.birth_date));
      add(r, b, Str::ausk_field_due, b.de(p.due_date));
      add(r, b, Str::ausk_field_note, p.note);
      s.records.push_back(std::move(r));
    }
  }
  {  // Status
    auto history = load_status_history(store, family_id);
    if (!history.ok()) return history.error();
    auto& s = section(Str::ausk_status);
    for (const auto& h : *history) {
      AuskunftRecord r{b.de(h.on) + " – " + tr(cases::label(h.to), lang), {}};
      add(r, b, Str::ausk_field_reason, b.label("end_reason", h.end_reason));
      add(r, b, Str::ausk_field_note, h.note);
      s.records.push_back(std::move(r));
    }
  }
  {  // Kontakte
    auto contacts = load_contacts(store, family_id);
    if (!contacts.ok()) return contacts.error();
    auto& s = section(Str::ausk_contacts);
    for (auto it = contacts->rbegin(); it != contacts->rend(); ++it) {  // oldest first
      const auto& c = *it;
      AuskunftRecord r{
          b.de(c.on) + (c.start.empty() ? "" : " " + c.start) + " – " + b.label("contact_kind", c.kind), {}};
      add(r, b, Str::ausk_field_duration, std::to_string(c.duration_min));
      add(r, b, Str::ausk_field_place, c.place);
      std::string topics;
      for (const auto& t : c.topics) topics += (topics.empty() ? "" : ", ") + b.label("topic", t);
      add(r, b, Str::ausk_field_topics, topics);
      add(r, b, Str::ausk_field_present, c.others_present);
      add(r, b, Str::ausk_field_note, c.note);
      add(r, b, Str::ausk_field_next_steps, c.next_steps);
      add(r, b, Str::ausk_field_next_appointment, c.next_appointment);
      s.records.push_back(std::move(r));
    }
  }
  {  // Bedarfe und Ressourcen
    auto assessments = load_assessments(store, family_id);
    if (!assessments.ok()) return assessments.error();
    auto& s = section(Str::ausk_assessments);
    for (const auto& a : *assessments) {
      AuskunftRecord r{b.de(a.on) + " – " + tr(cases::label(a.occasion), lang), {}};
      for (const auto& x : a.ratings)
        add(r, b.label("instrument", x.item),
            std::string(tr(cases::rating_label(x.rating), lang)) +
                (x.comment.empty() ? "" : " – " + x.comment));
      add(r, b, Str::ausk_field_note, a.note);
      s.records.push_back(std::move(r));
    }
  }
  {  // Ziele
    auto goals = load_goals(store, family_id);
    if (!goals.ok()) return goals.error();
    auto& s = section(Str::ausk_goals);
    for (const auto& g : *goals) {
      AuskunftRecord r{g.title, {}};
      add(r, b, Str::ausk_field_who, tr(cases::label(g.perspective), lang));
      add(r, b, Str::ausk_field_status, tr(cases::label(g.status), lang));
      add(r, b, Str::ausk_field_description, g.description);
      auto history = goal_history(store, g.id);
      if (!history.ok()) return history.error();
      for (const auto& h : *history)
        add(r, b, Str::ausk_field_history,
            b.de(h.changed_on) + " – " + tr(cases::label(h.status), lang) + " – " + h.title +
                (h.description.empty() ? "" : " – " + h.description) +
                (h.comment.empty() ? "" : " – " + h.comment));
      s.records.push_back(std::move(r));
    }
  }
  {  // Zuständigkeiten
    auto resp = load_responsibilities(store, family_id);
    if (!resp.ok()) return resp.error();
    auto& s = section(Str::ausk_responsibilities);
    for (const auto& x : *resp) {
      AuskunftRecord r{b.label("topic", x.topic), {}};
      if (x.party) add(r, b, Str::ausk_field_who, tr(cases::label(*x.party), lang));
      add(r, b, Str::ausk_field_person, x.who);
      add(r, b, Str::ausk_field_note, x.note);
      s.records.push_back(std::move(r));
    }
  }
  auto persons = load_persons(store, family_id);
  if (!persons.ok()) return persons.error();
  auto person_name = [&](std::optional<int64_t> id) -> std::string {
    if (!id) return {};
    for (const auto& p : *persons)
      if (p.id == *id) return p.first_name + (p.last_name.empty() ? "" : " " + p.last_name);
    return "#" + std::to_string(*id);
  };
  {  // Einwilligungen
    auto consents = load_consents(store, family_id);
    if (!consents.ok()) return consents.error();
    auto& s = section(Str::ausk_consents);
    for (const auto& c : *consents) {
      AuskunftRecord r{c.given_on.german() + " – " + tr(rules::label(c.purpose), lang), {}};
      add(r, b, Str::ausk_field_person, person_name(c.person));
      add(r, b, Str::ausk_field_recipient, b.recipient(c.recipient));
      add(r, b, Str::ausk_field_categories, b.cats(c.categories));
      add(r, b, Str::ausk_field_form, tr(rules::label(c.form), lang));
      add(r, b, Str::ausk_field_witness, c.witness);
      add(r, b, Str::ausk_field_valid_until, b.de(c.valid_until));
      auto note = load_revocation_note(store, c.id);
      if (!note.ok()) return note.error();
      if (c.revoked_on)
        add(r, b, Str::ausk_field_revoked, c.revoked_on->german() + (note->empty() ? "" : " – " + *note));
      add(r, b, Str::ausk_field_note, c.note);
      s.records.push_back(std::move(r));
    }
  }
  {  // Information über Kooperationen
    auto info = load_information(store, family_id);
    if (!info.ok()) return info.error();
    auto& s = section(Str::ausk_information);
    for (const auto& i : *info) {
      AuskunftRecord r{i.informed_on.german() + " – " + b.recipient(i.cooperation_with), {}};
      add(r, b, Str::ausk_field_person, person_name(i.person));
      add(r, b, Str::ausk_field_purpose, i.purpose);
      add(r, b, Str::ausk_field_content, i.content);
      add(r, b, Str::ausk_field_how, i.how);
      add(r, b, Str::ausk_field_note, i.note);
      s.records.push_back(std::move(r));
    }
  }
  {  // Offenlegungsprotokoll
    auto log = load_disclosure_log(store, family_id);
    if (!log.ok()) return log.error();
    auto& s = section(Str::ausk_disclosures);
    for (const auto& l : *log) {
      AuskunftRecord r{l.entry.on.german() + " – " + b.recipient(l.entry.recipient), {}};
      add(r, b, Str::ausk_field_line, rules::describe(l.entry, lang));
      add(r, b, Str::ausk_field_who, l.entry.by);
      add(r, b, Str::ausk_field_note, l.entry.note);
      s.records.push_back(std::move(r));
    }
  }
  {  // KJH
    auto inv = load_kjh_involvements(store, family_id);
    if (!inv.ok()) return inv.error();
    auto ex = load_kjh_exceptions(store, family_id);
    if (!ex.ok()) return ex.error();
    auto& s = section(Str::ausk_kjh);
    for (const auto& i : *inv) {
      AuskunftRecord r{b.t(Str::ausk_kind_involvement) + ": " + tr(rules::label(i.kind), lang), {}};
      add(r, b, Str::ausk_field_person, person_name(i.child));
      add(r, b, Str::ausk_field_title, i.hilfeplan);
      add(r, b, Str::ausk_field_from, i.from.german());
      add(r, b, Str::ausk_field_until, b.de(i.ended_on));
      if (i.kind == rules::KjhKind::abklaerung)
        add(r, b, Str::ausk_field_result, tr(rules::label(i.ergebnis), lang));
      add(r, b, Str::ausk_field_fallfuehrung, i.fallfuehrung);
      add(r, b, Str::ausk_field_note, i.note);
      s.records.push_back(std::move(r));
    }
    for (const auto& e : *ex) {
      AuskunftRecord r{b.t(Str::ausk_kind_exception) + ": " + tr(rules::label(e.kind), lang), {}};
      add(r, b, Str::ausk_field_date, e.decided_on.german());
      add(r, b, Str::ausk_field_leitung,
          e.ruecksprache.who + (e.ruecksprache.on ? " – " + e.ruecksprache.on->german() : "") +
              " – Intervision: " + b.yes_no(e.ruecksprache.intervision) +
              (e.ruecksprache.note.empty() ? "" : " – " + e.ruecksprache.note));
      add(r, b.t(Str::ausk_field_agreements) + " " + tr(rules::label(rules::PartyOfThree::familie), lang),
          b.agreement(e.familie));
      add(r,
          b.t(Str::ausk_field_agreements) + " " + tr(rules::label(rules::PartyOfThree::fruehe_hilfen), lang),
          b.agreement(e.fruehe_hilfen));
      add(r, b.t(Str::ausk_field_agreements) + " " + tr(rules::label(rules::PartyOfThree::kjh), lang),
          b.agreement(e.kjh));
      add(r, b, Str::ausk_field_until, e.unbefristet ? std::string("unbefristet") : b.de(e.transition_end));
      add(r, b, Str::ausk_field_person, person_name(e.expected_child));
      add(r, b, Str::ausk_field_reason, e.begruendung);
      add(r, b, Str::ausk_field_note, e.risks_weighed);
      if (e.ended_on) add(r, b, Str::ausk_field_until, e.ended_on->german());
      s.records.push_back(std::move(r));
    }
  }
  {  // Kooperationsvereinbarungen
    auto versions = load_cooperation_agreements(store, family_id);
    if (!versions.ok()) return versions.error();
    auto& s = section(Str::ausk_agreements);
    auto list = [](const std::vector<std::string>& v) {
      std::string out;
      for (const auto& x : v) out += (out.empty() ? "" : "; ") + x;
      return out;
    };
    for (const auto& a : *versions) {
      AuskunftRecord r{
          b.t(Str::ausk_field_version) + " " + std::to_string(a.version) + " – " + a.drafted_on.german(), {}};
      add(r, b, Str::ausk_field_fallfuehrung, a.fallfuehrung_name);
      add(r, b, Str::ausk_field_description, a.fh_role + (a.kjh_role.empty() ? "" : " / " + a.kjh_role));
      add(r, tr(Str::rules_party_familie, lang), list(a.goals_familie));
      add(r, tr(Str::rules_party_kjh, lang), list(a.goals_kjh));
      add(r, tr(Str::rules_party_fruehe_hilfen, lang), list(a.goals_fh));
      for (const auto& x : a.responsibilities)
        add(r, b.t(Str::ausk_responsibilities) + ": " + x.topic,
            std::string(tr(rules::label(x.who), lang)) + (x.person.empty() ? "" : " – " + x.person));
      add(r, b, Str::ausk_field_person, a.companion_core_profession);
      add(r, b, Str::ausk_field_content,
          a.competences_fh + (a.competences_kjh.empty() ? "" : " / " + a.competences_kjh));
      add(r, b, Str::ausk_field_how, a.communication);
      add(r, b, Str::ausk_field_reason, list(a.anlassfaelle));
      if (a.coordination_interval_days)
        add(r, b, Str::ausk_field_date,
            std::to_string(*a.coordination_interval_days) + " d" +
                (a.last_coordination_on ? " – " + a.last_coordination_on->german() : ""));
      add(r, b.t(Str::ausk_field_agreements) + " " + tr(Str::rules_party_familie, lang),
          b.agreement(a.familie));
      add(r, b.t(Str::ausk_field_agreements) + " " + tr(Str::rules_party_fruehe_hilfen, lang),
          b.agreement(a.fruehe_hilfen));
      add(r, b.t(Str::ausk_field_agreements) + " " + tr(Str::rules_party_kjh, lang), b.agreement(a.kjh));
      s.records.push_back(std::move(r));
    }
  }
  {  // Kinderschutz (every version; corrections name what they correct)
    auto file = load_child_protection(store, family_id);
    if (!file.ok()) return file.error();
    auto& s = section(Str::ausk_child_protection);
    auto head = [&](Str kind, const rules::EntryMeta& m, rules::Date on) {
      AuskunftRecord r{b.t(kind) + " – " + on.german(), {}};
      add(r, b, Str::ausk_field_recorded,
          m.recorded_on.german() + (m.recorded_by.empty() ? "" : " – " + m.recorded_by));
      if (m.corrects) add(r, b, Str::ausk_field_corrects, "#" + std::to_string(*m.corrects));
      return r;
    };
    for (const auto& a : file->anhaltspunkte) {
      auto r = head(Str::ausk_kind_anhaltspunkt, a.meta, a.observed_on);
      add(r, b, Str::ausk_field_person, person_name(a.child));
      add(r, b, Str::ausk_field_content, a.what);
      add(r, b, Str::ausk_field_who, a.observed_by);
      s.records.push_back(std::move(r));
    }
    for (const auto& o : file->support) {
      auto r = head(Str::ausk_kind_support, o.meta, o.offered_on);
      add(r, b, Str::ausk_field_content, o.what);
      add(r, b, Str::ausk_field_result, tr(rules::label(o.outcome), lang));
      add(r, b, Str::ausk_field_note, o.note);
      s.records.push_back(std::move(r));
    }
    for (const auto& c : file->consultations) {
      auto r = head(Str::ausk_kind_consultation, c.meta, c.on);
      add(r, b, Str::ausk_field_who, c.fachkraft);
      add(r, b, Str::ausk_field_form, tr(rules::label(c.form), lang));
      add(r, b, Str::ausk_field_basis, tr(rules::label(c.basis), lang));
      add(r, b, Str::ausk_field_result, c.result);
      s.records.push_back(std::move(r));
    }
    for (const auto& m : file->mitteilungen) {
      auto r = head(Str::ausk_kind_mitteilung, m.meta, m.on);
      add(r, b, Str::ausk_field_recipient, b.recipient(m.recipient));
      add(r, b, Str::ausk_field_channel, tr(rules::label(m.channel), lang));
      add(r, b, Str::ausk_field_basis,
          std::string(tr(rules::label(m.norm), lang)) + (m.citation.empty() ? "" : " – " + m.citation));
      add(r, b, Str::ausk_field_person, person_name(m.child));
      add(r, b, Str::ausk_field_content, m.suspicion);
      add(r, b, Str::ausk_field_reasons, m.reasons);
      add(r, b, Str::ausk_field_categories,
          b.cats(m.content) + (m.content_text.empty() ? "" : " – " + m.content_text));
      std::string informed = m.informed.state == rules::FamilyInformed::State::informiert
                                 ? b.t(Str::ausk_yes) + " " + b.de(m.informed.on)
                             : m.informed.state == rules::FamilyInformed::State::nicht_informiert
                                 ? b.t(Str::ausk_no) + " – " + m.informed.reason_not
                                 : std::string("–");
      add(r, b, Str::ausk_field_informed, informed);
      add(r, b, Str::ausk_field_consent_sought,
          std::string(tr(rules::label(m.consent_sought.result), lang)) + " " + b.de(m.consent_sought.on) +
              (m.consent_sought.reason_not_sought.empty() ? "" : " – " + m.consent_sought.reason_not_sought));
      s.records.push_back(std::move(r));
    }
    for (const auto& st : file->steps) {
      auto r = head(Str::ausk_kind_step, st.first, st.second.on);
      add(r, b, Str::ausk_field_title, st.second.key);
      add(r, b, Str::ausk_field_who, st.second.by);
      add(r, b, Str::ausk_field_note, st.second.note);
      s.records.push_back(std::move(r));
    }
  }
  {  // Aufbewahrung
    auto ret = retention_of(store, family_id);
    if (!ret.ok()) return ret.error();
    auto& s = section(Str::ausk_retention);
    s.records.push_back({ret->text.in(lang), {}});
  }
  return out;
}

std::string auskunft_text(const Auskunft& a, Lang lang) {
  std::string out = rules::render(Str::ausk_title, a.family_name, lang) + "\n" +
                    rules::render(Str::ausk_generated, a.generated_on, lang) + "\n";
  for (const auto& s : a.sections) {
    out += "\n== " + std::string(tr(s.title, lang)) + " ==\n";
    if (s.records.empty()) out += tr(Str::ausk_none, lang) + std::string("\n");
    for (const auto& r : s.records) {
      out += "- " + r.title + "\n";
      for (const auto& i : r.items) out += "    " + i.label + ": " + i.value + "\n";
    }
  }
  return out;
}

}  // namespace bb::store
