// Kinderschutz entries of a family (issue 7, item 5): gewichtige
// Anhaltspunkte, support offered or used, consultations, Mitteilungen (with
// whether the family was informed and whether consent was sought) and the
// steps of the local procedure. The rules are core/child_protection.h.
//
// APPEND-ONLY: entries are never changed or deleted — triggers refuse UPDATE
// and DELETE (except when the whole family is deleted). A correction is a
// new entry of the same kind whose meta.corrects names the latest version;
// the current view shows only versions not superseded, the history all.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/child_protection.h"
#include "core/result.h"
#include "store/store.h"

namespace bb::store {

// Each function appends one entry (a correction when meta.corrects is set;
// meta.id is ignored, meta.recorded_on "" = today). Returns the new id.
// Refused: a correction of an unknown, other-family, other-kind or already
// corrected entry (rules::validate_append); dates in the future; a child
// that is not a child of the family.
Result<int64_t> record_anhaltspunkt(Store& store, int64_t family_id, const rules::Anhaltspunkt& a);
Result<int64_t> record_support(Store& store, int64_t family_id, const rules::SupportOffer& s);
// The data form is never personenbezogen (S003 §5.3); the basis follows the
// jurisdiction and the companion's profession when left unbestimmt.
Result<int64_t> record_consultation(Store& store, int64_t family_id, const rules::Consultation& c);
// Needs the jurisdiction setting; blocking problems of
// rules::validate_mitteilung refuse it (warnings do not). The Mitteilung is
// the legal basis of exactly its recipient and content (disclosures.h);
// passing it on is send_mitteilung (or disclose).
Result<int64_t> record_mitteilung(Store& store, int64_t family_id, const rules::Mitteilung& m);
// Whether and when the family was informed, or why not: a correction of the
// Mitteilung carrying the new state. Returns the new entry's id.
Result<int64_t> record_family_informed(Store& store, int64_t mitteilung_id,
                                       const rules::FamilyInformed& informed, const std::string& by);
// A step of the local procedure done.
Result<int64_t> record_step(Store& store, int64_t family_id, const rules::StepDone& step);

// Passes the current version of a Mitteilung on to its recipient through the
// decision point: disclose() with purpose Mitteilung, its recipient and its
// content, and its consent_sought record. Returns the protocol line's id.
Result<int64_t> send_mitteilung(Store& store, int64_t mitteilung_id, rules::Channel channel,
                                const std::string& by);

// Everything recorded, every version, in order of recording.
struct ChildProtectionFile {
  std::vector<rules::Anhaltspunkt> anhaltspunkte;
  std::vector<rules::SupportOffer> support;
  std::vector<rules::Consultation> consultations;
  std::vector<rules::Mitteilung> mitteilungen;
  std::vector<std::pair<rules::EntryMeta, rules::StepDone>> steps;
};
Result<ChildProtectionFile> load_child_protection(const Store& store, int64_t family_id);

// The network's procedure: the stored steps, or the jurisdiction's starting
// point (rules::default_procedure) while none are stored. Needs the
// jurisdiction when nothing is stored.
Result<std::vector<rules::ProcedureStep>> load_procedure(const Store& store);
// Replaces the steps (keys unique, each with a label or a built-in text).
Status set_procedure(Store& store, const std::vector<rules::ProcedureStep>& steps);
// The checklist of a family: the procedure with the latest record per step.
Result<std::vector<rules::ChecklistLine>> load_checklist(const Store& store, int64_t family_id);

// What the consultation / Mitteilung screens show before recording: the
// basis of a consultation, the norm of a new Mitteilung (nullopt: the app
// asks for the profession or the jurisdiction).
Result<rules::ConsultationBasis> consultation_basis_for(const Store& store, int64_t family_id);
Result<std::optional<rules::LegalNorm>> mitteilung_norm_for(const Store& store, int64_t family_id);

}  // namespace bb::store
