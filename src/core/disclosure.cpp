#include "core/disclosure.h"

#include <algorithm>

namespace bb::rules {

//-----------------------------------------------------------------------------
// Bases and legal norms
//-----------------------------------------------------------------------------

const char* code(BasisKind b) {
  switch (b) {
    case BasisKind::keine:
      return "keine";
    case BasisKind::einwilligung:
      return "einwilligung";
    case BasisKind::gesetzliche_pflicht:
      return "gesetzliche_pflicht";
    case BasisKind::gesetzliche_befugnis:
      return "gesetzliche_befugnis";
    case BasisKind::anonymisiert:
      return "anonymisiert";
    case BasisKind::pseudonymisiert:
      return "pseudonymisiert";
  }
  return "?";
}
Str label(BasisKind b) {
  switch (b) {
    case BasisKind::keine:
      return Str::rules_basis_keine;
    case BasisKind::einwilligung:
      return Str::rules_basis_einwilligung;
    case BasisKind::gesetzliche_pflicht:
      return Str::rules_basis_pflicht;
    case BasisKind::gesetzliche_befugnis:
      return Str::rules_basis_befugnis;
    case BasisKind::anonymisiert:
      return Str::rules_basis_anonymisiert;
    case BasisKind::pseudonymisiert:
      return Str::rules_basis_pseudonymisiert;
  }
  return Str::err_internal;
}

const char* code(LegalNorm n) {
  switch (n) {
    case LegalNorm::at_b_kjhg_37:
      return "at_b_kjhg_37";
    case LegalNorm::de_kkg_4_3:
      return "de_kkg_4_3";
    case LegalNorm::de_befugnis_arbeitsbereich:
      return "de_befugnis_arbeitsbereich";
  }
  return "?";
}
Str label(LegalNorm n) {
  switch (n) {
    case LegalNorm::at_b_kjhg_37:
      return Str::rules_norm_at_b_kjhg_37;
    case LegalNorm::de_kkg_4_3:
      return Str::rules_norm_de_kkg_4_3;
    case LegalNorm::de_befugnis_arbeitsbereich:
      return Str::rules_norm_de_arbeitsbereich;
  }
  return Str::err_internal;
}
BasisKind basis_of(LegalNorm n) {
  return n == LegalNorm::at_b_kjhg_37 ? BasisKind::gesetzliche_pflicht : BasisKind::gesetzliche_befugnis;
}
Jurisdiction jurisdiction_of(LegalNorm n) {
  return n == LegalNorm::at_b_kjhg_37 ? Jurisdiction::oesterreich : Jurisdiction::deutschland;
}

Str label(ConsentSought s) {
  switch (s) {
    case ConsentSought::nicht_erfasst:
      return Str::rules_sought_nicht_erfasst;
    case ConsentSought::angestrebt_erteilt:
      return Str::rules_sought_erteilt;
    case ConsentSought::angestrebt_verweigert:
      return Str::rules_sought_verweigert;
    case ConsentSought::nicht_angestrebt:
      return Str::rules_sought_nicht_angestrebt;
  }
  return Str::err_internal;
}

namespace {
bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }
}  // namespace

std::optional<Text> consent_sought_problem(const ConsentSoughtRecord& r) {
  if (r.result == ConsentSought::nicht_erfasst) return Text{Str::rules_sought_missing, {}};
  if (r.result == ConsentSought::nicht_angestrebt && blank(r.reason_not_sought))
    return Text{Str::rules_sought_reason_missing, {}};
  return std::nullopt;
}

Str text(Refusal r) {
  switch (r) {
    case Refusal::keine:
      return Str::rules_ref_keine;
    case Refusal::andere_familie:
      return Str::rules_ref_andere_familie;
    case Refusal::zweck_dokumentation:
      return Str::rules_ref_zweck_dokumentation;
    case Refusal::zweck_passt_nicht_zum_empfaenger:
      return Str::rules_ref_zweck_empfaenger;
    case Refusal::keine_grundlage:
      return Str::rules_ref_keine_grundlage;
    case Refusal::einwilligung_widerrufen:
      return Str::rules_ref_widerrufen;
    case Refusal::einwilligung_abgelaufen:
      return Str::rules_ref_abgelaufen;
    case Refusal::einwilligung_noch_nicht:
      return Str::rules_ref_noch_nicht;
    case Refusal::einwilligung_unvollstaendig:
      return Str::rules_ref_unvollstaendig;
    case Refusal::einwilligung_person:
      return Str::rules_ref_person;
    case Refusal::nicht_im_dokumentierten_inhalt:
      return Str::rules_ref_nicht_dokumentiert;
    case Refusal::grundlage_andere_jurisdiktion:
      return Str::rules_ref_andere_jurisdiktion;
    case Refusal::grundlage_ohne_zitat:
      return Str::rules_ref_ohne_zitat;
    case Refusal::grundlage_ohne_empfaenger:
      return Str::rules_ref_ohne_empfaenger;
    case Refusal::grundlage_noch_nicht:
      return Str::rules_ref_grundlage_noch_nicht;
    case Refusal::stammdaten_nicht_anonym:
      return Str::rules_ref_stammdaten_anonym;
    case Refusal::pseudonym_nur_fachkraft_supervision:
      return Str::rules_ref_pseudonym_zweck;
    case Refusal::anonym_nicht_fuer_zweck:
      return Str::rules_ref_anonym_zweck;
    case Refusal::andere_grundlage_gesondert:
      return Str::rules_ref_andere_grundlage;
  }
  return Str::err_internal;
}

bool purpose_fits_recipient(Purpose p, RecipientKind k) {
  switch (p) {
    case Purpose::dokumentation:
      return false;  // nothing leaves the app
    case Purpose::austausch:
      return k == RecipientKind::netzwerkpartner || k == RecipientKind::kjh;
    case Purpose::vermittlung:
    case Purpose::informationsrueckfluss:
      return k == RecipientKind::netzwerkpartner || k == RecipientKind::kjh;
    case Purpose::uebergabe_kjh:
    case Purpose::mitteilung_kjh:
      return k == RecipientKind::kjh;
    case Purpose::fachberatung:
      return k == RecipientKind::insoweit_erfahrene_fachkraft;
    case Purpose::supervision:
      return k == RecipientKind::supervision;
    case Purpose::kollegiale_beratung:
      return k == RecipientKind::kollegiale_beratung;
    case Purpose::anonyme_statistik:
      return k == RecipientKind::netzwerkkoordination;
  }
  return false;
}

//-----------------------------------------------------------------------------
// The decision
//-----------------------------------------------------------------------------

namespace {

// The outcome of one kind of basis for one category.
struct Cover {
  bool covered = false;
  std::optional<EntryId> source;
  Refusal reason = Refusal::keine_grundlage;  // when not covered: the most telling reason
  std::string arg;
  std::optional<Str> arg_label;
};

// How specific a refusal is: a more specific one explains more.
int weight(Refusal r) {
  switch (r) {
    case Refusal::keine_grundlage:
      return 0;
    case Refusal::anonym_nicht_fuer_zweck:
    case Refusal::pseudonym_nur_fachkraft_supervision:
      return 1;
    default:
      return 2;
  }
}

void consider(Cover& best, Refusal r, std::string arg = {}, std::optional<Str> arg_label = std::nullopt) {
  if (best.covered) return;
  if (weight(r) > weight(best.reason)) {
    best.reason = r;
    best.arg = std::move(arg);
    best.arg_label = arg_label;
  }
}

Cover cover_by_consent(const DisclosureRequest& rq, const CaseFacts& f, DataCategory cat, Date today) {
  Cover out;
  // Prefer the most recent consent that covers.
  const Consent* chosen = nullptr;
  for (const auto& c : f.consents) {
    if (c.purpose != rq.purpose || !consent_recipient_matches(c.recipient, rq.recipient) ||
        !c.categories.contains(cat))
      continue;
    const bool person_ok = c.family == rq.family && std::find(f.may_consent.begin(), f.may_consent.end(),
                                                              c.person) != f.may_consent.end();
    if (!person_ok) {
      consider(out, Refusal::einwilligung_person);
      continue;
    }
    if (!consent_problems(c).empty()) {
      consider(out, Refusal::einwilligung_unvollstaendig);
      continue;
    }
    if (consent_active_at(c, today)) {
      if (!chosen || chosen->given_on < c.given_on || (chosen->given_on == c.given_on && chosen->id < c.id))
        chosen = &c;
      continue;
    }
    if (c.revoked_on && today >= *c.revoked_on)
      consider(out, Refusal::einwilligung_widerrufen, c.revoked_on->german());
    else if (c.valid_until && today > *c.valid_until)
      consider(out, Refusal::einwilligung_abgelaufen, c.valid_until->german());
    else if (today < c.given_on)
      consider(out, Refusal::einwilligung_noch_nicht, c.given_on.german());
  }
  if (chosen) {
    out.covered = true;
    out.source = chosen->id;
    out.reason = Refusal::keine;
    out.arg.clear();
  }
  return out;
}

// Does `r` cover `cat`? Fills `out` with the reason if not.
bool record_covers(const LegalBasisRecord& r, const DisclosureRequest& rq, DataCategory cat, Date today,
                   Jurisdiction j, Cover& out) {
  if (r.purpose != rq.purpose || r.recipient.kind != rq.recipient.kind) return false;
  if (!r.recipient.partner) {
    consider(out, Refusal::grundlage_ohne_empfaenger);
    return false;
  }
  if (r.recipient.partner != rq.recipient.partner) return false;
  if (jurisdiction_of(r.norm) != j) {
    consider(out, Refusal::grundlage_andere_jurisdiktion, {}, label(r.norm));
    return false;
  }
  if (r.norm == LegalNorm::de_befugnis_arbeitsbereich && blank(r.citation)) {
    consider(out, Refusal::grundlage_ohne_zitat);
    return false;
  }
  if (today < r.on) {
    consider(out, Refusal::grundlage_noch_nicht, r.on.german());
    return false;
  }
  if (!r.content.contains(cat)) {
    consider(out, Refusal::nicht_im_dokumentierten_inhalt);
    return false;
  }
  return true;
}

Cover cover_by_form(const DisclosureRequest& rq, DataCategory cat, BasisKind kind) {
  Cover out;
  const bool anon = kind == BasisKind::anonymisiert;
  if ((anon && rq.form != DataForm::anonymisiert) || (!anon && rq.form != DataForm::pseudonymisiert))
    return out;
  const bool purpose_ok =
      anon ? (rq.purpose == Purpose::fachberatung || rq.purpose == Purpose::supervision ||
              rq.purpose == Purpose::kollegiale_beratung || rq.purpose == Purpose::anonyme_statistik)
           : (rq.purpose == Purpose::fachberatung || rq.purpose == Purpose::supervision);
  if (!purpose_ok) {
    consider(out, anon ? Refusal::anonym_nicht_fuer_zweck : Refusal::pseudonym_nur_fachkraft_supervision);
    return out;
  }
  if (cat == DataCategory::stammdaten) {
    consider(out, Refusal::stammdaten_nicht_anonym);
    return out;
  }
  out.covered = true;
  out.reason = Refusal::keine;
  return out;
}

// The order in which kinds of basis are preferred when they cover equally
// much: the least personal form first, then consent (the principle), then
// the statutory bases.
constexpr BasisKind kOrder[] = {BasisKind::anonymisiert, BasisKind::pseudonymisiert, BasisKind::einwilligung,
                                BasisKind::gesetzliche_pflicht, BasisKind::gesetzliche_befugnis};

struct Candidate {
  BasisKind kind = BasisKind::keine;
  std::vector<Cover> covers;  // per requested category
  std::optional<EntryId> record;
  std::optional<LegalNorm> norm;
  int count() const {
    int n = 0;
    for (const auto& c : covers) n += c.covered ? 1 : 0;
    return n;
  }
};

}  // namespace

DisclosureDecision decide_disclosure(const DisclosureRequest& rq, const CaseFacts& f, Date today,
                                     Jurisdiction j) {
  DisclosureDecision d;
  d.request = rq;
  d.decided_on = today;
  d.jurisdiction = j;
  const auto cats = rq.categories.list();

  auto refuse_all = [&](Refusal r, std::optional<Str> arg_label) {
    for (auto c : cats) {
      d.verdicts.push_back({c, false, r, {}, arg_label, std::nullopt});
      d.refused_categories.add(c);
    }
    d.summary = {Str::rules_disc_refused, {}, std::nullopt};
    return d;
  };
  if (cats.empty()) return refuse_all(Refusal::keine_grundlage, {});
  if (rq.family != f.family) return refuse_all(Refusal::andere_familie, {});
  if (rq.purpose == Purpose::dokumentation) return refuse_all(Refusal::zweck_dokumentation, {});
  if (!purpose_fits_recipient(rq.purpose, rq.recipient.kind))
    return refuse_all(Refusal::zweck_passt_nicht_zum_empfaenger, label(rq.recipient.kind));

  // Evaluate every kind of basis for every requested category.
  std::vector<Candidate> candidates;
  for (auto kind : kOrder) {
    if (kind == BasisKind::gesetzliche_pflicht || kind == BasisKind::gesetzliche_befugnis) {
      // One record per decision: the one of this kind covering the most.
      Candidate best;
      best.kind = kind;
      best.covers.assign(cats.size(), Cover{});
      for (const auto& r : f.legal_bases) {
        if (basis_of(r.norm) != kind) continue;
        Candidate c;
        c.kind = kind;
        c.record = r.id;
        c.norm = r.norm;
        for (auto cat : cats) {
          Cover cv;
          if (record_covers(r, rq, cat, today, j, cv)) {
            cv.covered = true;
            cv.reason = Refusal::keine;
            cv.source = r.id;
          }
          c.covers.push_back(cv);
        }
        if (c.count() > best.count()) {
          best = c;
        } else {
          for (size_t i = 0; i < cats.size(); ++i)
            if (!best.covers[i].covered)
              consider(best.covers[i], c.covers[i].reason, c.covers[i].arg, c.covers[i].arg_label);
        }
      }
      candidates.push_back(best);
    } else {
      Candidate c;
      c.kind = kind;
      for (auto cat : cats)
        c.covers.push_back(kind == BasisKind::einwilligung ? cover_by_consent(rq, f, cat, today)
                                                           : cover_by_form(rq, cat, kind));
      candidates.push_back(c);
    }
  }

  const Candidate* chosen = nullptr;
  for (const auto& c : candidates)
    if (c.count() > 0 && (!chosen || c.count() > chosen->count())) chosen = &c;

  for (size_t i = 0; i < cats.size(); ++i) {
    CategoryVerdict v;
    v.category = cats[i];
    if (chosen && chosen->covers[i].covered) {
      v.allowed = true;
      v.source = chosen->covers[i].source;
      d.allowed_categories.add(cats[i]);
    } else {
      // The most telling reason over all kinds; "covered elsewhere" first.
      Cover why;
      for (const auto& c : candidates) {
        if (&c == chosen) continue;
        if (c.covers[i].covered) {
          why.reason = Refusal::andere_grundlage_gesondert;
          why.arg.clear();
          why.arg_label = label(c.kind);
          break;
        }
        consider(why, c.covers[i].reason, c.covers[i].arg, c.covers[i].arg_label);
      }
      if (chosen) consider(why, chosen->covers[i].reason, chosen->covers[i].arg, chosen->covers[i].arg_label);
      v.reason = why.reason;
      v.reason_arg = why.arg;
      v.reason_arg_label = why.arg_label;
      d.refused_categories.add(cats[i]);
    }
    d.verdicts.push_back(v);
  }

  if (!chosen) {
    d.summary = {Str::rules_disc_refused, {}, std::nullopt};
    return d;
  }
  d.allowed = true;
  d.basis = chosen->kind;
  switch (chosen->kind) {
    case BasisKind::einwilligung: {
      std::string dates;
      for (const auto& v : d.verdicts)
        if (v.allowed && v.source &&
            std::find(d.consent_ids.begin(), d.consent_ids.end(), *v.source) == d.consent_ids.end())
          d.consent_ids.push_back(*v.source);
      for (auto id : d.consent_ids)
        for (const auto& c : f.consents)
          if (c.id == id) {
            if (!dates.empty()) dates += ", ";
            dates += c.given_on.german();
            break;
          }
      d.summary = {Str::rules_disc_allowed_consent, dates};
      break;
    }
    case BasisKind::gesetzliche_pflicht:
    case BasisKind::gesetzliche_befugnis: {
      d.legal_basis_id = chosen->record;
      d.norm = chosen->norm;
      d.consent_still_sought_required = true;
      std::string citation;
      for (const auto& r : f.legal_bases)
        if (r.id == *chosen->record) citation = r.citation;
      if (*d.norm == LegalNorm::at_b_kjhg_37) {
        d.summary = {Str::rules_disc_allowed_pflicht_at, {}};
        d.notes.push_back({Str::rules_note_pflicht_at, {}});
      } else if (*d.norm == LegalNorm::de_kkg_4_3) {
        d.summary = {Str::rules_disc_allowed_befugnis_de, {}};
        d.notes.push_back({Str::rules_note_befugnis_de, {}});
      } else {
        d.summary = {Str::rules_disc_allowed_befugnis_other, citation};
      }
      d.notes.push_back({Str::rules_note_only_documented, {}});
      d.notes.push_back({Str::rules_note_consent_sought, {}});
      break;
    }
    case BasisKind::anonymisiert:
      d.summary = labelled(Str::rules_disc_allowed_anonym, label(rq.purpose));
      d.notes.push_back({Str::rules_note_anonym, {}});
      break;
    case BasisKind::pseudonymisiert:
      d.summary = labelled(Str::rules_disc_allowed_pseudonym, label(rq.purpose));
      d.notes.push_back({Str::rules_note_pseudonym, {}});
      break;
    case BasisKind::keine:
      break;
  }
  if (!d.refused_categories.empty()) d.notes.push_back({Str::rules_note_partly, {}});
  d.notes.push_back({Str::rules_note_minimum, {}});
  return d;
}

std::string explain(const DisclosureDecision& d, Lang lang) {
  std::string out = d.summary.in(lang);
  for (const auto& n : d.notes) out += "\n" + n.in(lang);
  for (const auto& v : d.verdicts) {
    out += "\n– ";
    out += tr(label(v.category), lang);
    out += ": ";
    out += v.allowed ? tr(Str::rules_verdict_allowed, lang) : v.reason_text().in(lang);
  }
  return out;
}

//-----------------------------------------------------------------------------
// Offenlegungsprotokoll
//-----------------------------------------------------------------------------

Result<DisclosureLogEntry> make_log_entry(const DisclosureDecision& d,
                                          const std::optional<ConsentSoughtRecord>& consent_sought,
                                          std::string by, std::string note) {
  if (!d.allowed || d.allowed_categories.empty() || d.basis == BasisKind::keine)
    return make_error(Str::rules_log_not_allowed, "disclosure not allowed");
  if (d.consent_still_sought_required) {
    if (!consent_sought) return make_error(Str::rules_sought_missing, "consent sought not recorded");
    if (auto p = consent_sought_problem(*consent_sought))
      return make_error(p->id, "consent sought incomplete", p->arg);
  }
  DisclosureLogEntry e;
  e.family = d.request.family;
  e.on = d.decided_on;
  e.recipient = d.request.recipient;
  e.purpose = d.request.purpose;
  e.categories = d.allowed_categories;
  e.channel = d.request.channel;
  e.form = d.request.form;
  e.basis = d.basis;
  e.norm = d.norm;
  e.consent_ids = d.consent_ids;
  e.legal_basis_id = d.legal_basis_id;
  if (d.consent_still_sought_required) e.consent_sought = consent_sought;
  e.by = std::move(by);
  e.note = std::move(note);
  return e;
}

std::string describe(const DisclosureLogEntry& e, Lang lang) {
  std::string cats;
  for (auto c : e.categories.list()) {
    if (!cats.empty()) cats += ", ";
    cats += tr(label(c), lang);
  }
  std::string who = e.recipient.name.empty()
                        ? std::string(tr(label(e.recipient.kind), lang))
                        : e.recipient.name + " (" + tr(label(e.recipient.kind), lang) + ")";
  std::string basis = tr(label(e.basis), lang);
  if (e.norm) basis += std::string(" – ") + tr(label(*e.norm), lang);
  std::string out = e.on.german() + " – " + who + ": " + cats;
  out += " – " + render(Str::rules_log_purpose, tr(label(e.purpose), lang), lang);
  out += " – " + render(Str::rules_log_basis, basis, lang);
  out += " – " + render(Str::rules_log_channel, tr(label(e.channel), lang), lang);
  if (e.form != DataForm::personenbezogen) out += std::string(" – ") + tr(label(e.form), lang);
  if (e.consent_sought)
    out += " – " + render(Str::rules_log_consent_sought, tr(label(e.consent_sought->result), lang), lang);
  return out;
}

}  // namespace bb::rules
