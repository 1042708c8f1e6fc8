// Übergabe an die KJH (handover.h).
#include "exchange/handover.h"

#include <sodium.h>

#include <ctime>

#include "core/version_info.h"
#include "crypto/age.h"
#include "store/auskunft.h"
#include "store/disclosures.h"

namespace bb::exchange {
namespace {

// Which Auskunft section carries which data category. Consents, information
// records, the Offenlegungsprotokoll and the retention state are the
// Frühe Hilfen' own records about handling the data, not case content: they
// never go into a handover (our decision).
std::optional<rules::DataCategory> category_of(Str section) {
  using C = rules::DataCategory;
  switch (section) {
    case Str::ausk_family:
    case Str::ausk_persons:
    case Str::ausk_status:
      return C::stammdaten;
    case Str::ausk_contacts:
      return C::kontakte;
    case Str::ausk_assessments:
      return C::bedarfe;
    case Str::ausk_goals:
    case Str::ausk_responsibilities:
      return C::ziele;
    case Str::ausk_kjh:
    case Str::ausk_agreements:
      return C::kjh_kooperation;
    case Str::ausk_child_protection:
      return C::kinderschutz;
    default:
      return std::nullopt;
  }
}

std::string utc_now() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string random_id() {
  uint8_t raw[16];
  randombytes_buf(raw, sizeof raw);
  char hex[33];
  sodium_bin2hex(hex, sizeof hex, raw, sizeof raw);
  return hex;
}

rules::DisclosureRequest disclosure_request(const HandoverRequest& r, rules::Categories categories) {
  rules::DisclosureRequest d;
  d.family = r.family_id;
  d.recipient = r.recipient;
  d.purpose = r.purpose;
  d.categories = categories;
  d.channel = rules::Channel::verschluesselte_datei;
  d.form = rules::DataForm::personenbezogen;
  return d;
}

}  // namespace

Result<HandoverPlan> plan_handover(const store::Store& store, const HandoverRequest& request) {
  if (request.recipient.kind != rules::RecipientKind::kjh)
    return make_error(Str::handover_err_recipient_kind, "handover: the recipient is not the KJH");
  auto decision = store::decide(store, disclosure_request(request, request.categories));
  if (!decision.ok()) return decision.error();
  HandoverPlan plan;
  plan.decision = std::move(*decision);
  // One disclosure = one basis (disclosures.h): the file holds what the
  // decision allows on its basis; the rest is named with its reason.
  plan.allowed = plan.decision.allowed ? plan.decision.allowed_categories : rules::Categories{};
  for (const auto& v : plan.decision.verdicts) {
    HandoverPlanLine line;
    line.category = v.category;
    line.allowed = plan.allowed.contains(v.category);
    if (!line.allowed) line.reason = v.reason_text().in(Lang::de);
    plan.lines.push_back(std::move(line));
  }
  return plan;
}

Result<HandoverDocument> build_handover_document(const store::Store& store, const HandoverRequest& request,
                                                 const HandoverPlan& plan) {
  auto auskunft = store::gather_auskunft(store, request.family_id, Lang::de);
  if (!auskunft.ok()) return auskunft.error();
  HandoverDocument doc;
  doc.id = random_id();
  doc.created = utc_now();
  doc.app_version = BB_VERSION;
  doc.sender = request.by;
  doc.recipient_kind = rules::code(request.recipient.kind);
  doc.recipient_name = request.recipient.name;
  doc.purpose = rules::code(request.purpose);
  doc.basis = rules::code(plan.decision.basis);
  // The family's name is Stammdaten: without them (e.g. a Mitteilung that
  // documents only Kinderschutz content) the document carries no name.
  if (plan.allowed.contains(rules::DataCategory::stammdaten)) doc.family_name = auskunft->family_name;
  for (auto category : plan.allowed.list()) {
    HandoverSection section;
    section.category = rules::code(category);
    section.title = tr(rules::label(category), Lang::de);
    for (const auto& s : auskunft->sections) {
      if (category_of(s.title) != category) continue;
      HandoverPart part;
      part.title = tr(s.title, Lang::de);
      for (const auto& r : s.records) {
        HandoverRecord rec;
        rec.title = r.title;
        for (const auto& i : r.items) rec.items.push_back({i.label, i.value});
        part.records.push_back(std::move(rec));
      }
      section.parts.push_back(std::move(part));
    }
    doc.sections.push_back(std::move(section));
  }
  for (const auto& line : plan.lines) {
    if (line.allowed) continue;
    doc.left_out.push_back(
        {rules::code(line.category), tr(rules::label(line.category), Lang::de), line.reason});
  }
  doc.report = handover_report_text(doc);
  return doc;
}

Result<HandoverResult> create_handover(store::Store& store, const HandoverRequest& request,
                                       const std::vector<crypto::RecipientPtr>& recipients,
                                       const std::optional<rules::ConsentSoughtRecord>& consent_sought,
                                       crypto::EncryptOptions options) {
  auto plan = plan_handover(store, request);
  if (!plan.ok()) return plan.error();
  if (plan->allowed.empty()) {
    return make_error(Str::handover_err_nothing_allowed,
                      "handover: nothing may be handed over: " + plan->decision.summary.in(Lang::en));
  }
  HandoverResult out;
  auto doc = build_handover_document(store, request, *plan);
  if (!doc.ok()) return doc.error();
  out.document = std::move(*doc);
  const std::string json = format_handover_document(out.document);
  auto file = crypto::encrypt(crypto::ByteView(json), recipients, options);
  sodium_memzero(const_cast<char*>(json.data()), json.size());
  if (!file.ok()) return file.error();
  out.file = std::move(*file);
  // Decides again and logs in ONE transaction; refuses if anything changed
  // since the plan (e.g. a Widerruf): the file is then discarded.
  auto logged = store::disclose(store, disclosure_request(request, plan->allowed), consent_sought, request.by,
                                "Übergabedatei " + out.document.id);
  if (!logged.ok()) return logged.error();
  out.protocol_id = logged->record.id;
  return out;
}

}  // namespace bb::exchange
