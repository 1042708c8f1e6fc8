// „Übergabe an die KJH“ (issue 8, item 4, on screen): the recipient — a
// Jugendamt of the directory, encrypted to its age key, or the Kinder- und
// Jugendhilfe with a passphrase entered twice —, the sections, and per
// section what the one decision point says (plan_handover: allowed, or the
// German reason why not). „Übergabedatei erstellen“ runs create_handover,
// which decides again and writes the Offenlegungsprotokoll in the same
// transaction; the screen then offers the file (a name without personal data)
// and shows the protocol line. Opened from a Mitteilung sent as an encrypted
// file, it hands over only the Mitteilung's documented content to its
// recipient, on its legal basis. Where the browser has a share sheet for the
// file (iPad, Android), „Teilen …“ hands it there. docs/handover.md, docs/ui.md.
#include <memory>
#include <string>

#include "core/i18n.h"
#include "core/passphrase.h"
#include "crypto/keys.h"
#include "crypto/scrypt.h"
#include "imgui.h"
#include "platform/platform.h"
#include "platform/storage.h"
#include "store/disclosures.h"
#include "ui/form_widgets.h"
#include "ui/icons.h"
#include "ui/screens/handover_ui.h"
#include "ui/screens/network_ui.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace bb::ui {
namespace {

const store::PartnerRecord* chosen_partner(const HandoverForm& f) {
  for (const auto& p : f.partners)
    if (p.id == f.partner_id) return &p;
  return nullptr;
}

exchange::HandoverRequest request_of(const HandoverForm& f) {
  exchange::HandoverRequest r;
  r.family_id = f.family_id;
  r.categories = f.categories;
  r.by = f.by;
  if (f.mitteilung) {
    r.purpose = rules::Purpose::mitteilung_kjh;
    r.recipient = f.mitteilung_recipient;
    return r;
  }
  r.recipient = {rules::RecipientKind::kjh, std::nullopt, tr(Str::handover_ui_kjh_general, Lang::de)};
  if (const auto* p = chosen_partner(f)) {
    r.recipient.partner = p->id;
    r.recipient.name = p->partner.name;
  }
  return r;
}

void load_partners(const store::Store& db, HandoverForm& f) {
  store::PartnerQuery q;
  q.category = directory::Category::kinder_jugendhilfe;
  auto page = store::list_partners(db, q);
  f.partners.clear();
  f.partners_loaded = true;
  if (!page.ok()) return;
  for (const auto& row : page->rows) {
    auto rec = store::load_partner(db, row.id);
    if (rec.ok()) f.partners.push_back(std::move(*rec));
  }
  if (f.mitteilung) {  // the Mitteilung's recipient, nobody else
    f.partner_id = f.mitteilung_recipient.partner.value_or(0);
    const auto* p = chosen_partner(f);
    f.use_passphrase = !p || p->partner.age_key.empty();
    return;
  }
  // The first Jugendamt with a key is the likely recipient.
  for (const auto& p : f.partners)
    if (!p.partner.age_key.empty()) {
      f.partner_id = p.id;
      break;
    }
  f.use_passphrase = f.partner_id == 0;
}

void draw_partner_choices(HandoverForm& f) {
  if (f.mitteilung) {
    const std::string to = format_text(Str::cp_ui_to, f.mitteilung_recipient.name);
    ImGui::TextWrapped("%s", to.c_str());
    widget_registry().tag_personal("handover.mitteilung.recipient", to);
    muted_text(tr(Str::handover_ui_mitteilung_hint));
    return;
  }
  for (const auto& p : f.partners) {
    const std::string id = "handover.partner." + std::to_string(p.id);
    std::string text = p.partner.name;
    if (p.partner.age_key.empty()) text += "  ·  " + std::string(tr(Str::handover_ui_no_key));
    if (choice(id.c_str(), text.c_str(), f.partner_id == p.id, -1)) {
      f.partner_id = p.id;
      f.use_passphrase = p.partner.age_key.empty();
      f.plan_stale = true;
    }
  }
  if (choice("handover.partner.none", tr(Str::handover_ui_kjh_other), f.partner_id == 0, -1)) {
    f.partner_id = 0;
    f.use_passphrase = true;
    f.plan_stale = true;
  }
}

void draw_recipient(HandoverForm& f) {
  begin_card("handover.recipient.card");
  ImGui::TextColored(palette().accent, BB_ICON_ADDRESS_BOOK "  %s", tr(Str::handover_ui_recipient));
  draw_partner_choices(f);
  const store::PartnerRecord* p = chosen_partner(f);
  const bool has_key = p && !p->partner.age_key.empty();
  ImGui::Spacing();
  if (has_key) {
    if (choice("handover.mode.key", tr(Str::handover_ui_mode_key), !f.use_passphrase))
      f.use_passphrase = false;
    ImGui::SameLine();
  }
  if (choice("handover.mode.passphrase", tr(Str::handover_ui_mode_passphrase), f.use_passphrase))
    f.use_passphrase = true;
  if (!f.use_passphrase && has_key) {
    const std::string fp = std::string(tr(Str::network_fingerprint)) + ": " + p->fingerprint;
    ImGui::TextWrapped("%s", fp.c_str());
    widget_registry().tag_last_item("handover.fingerprint", p->fingerprint.c_str());
    muted_text(tr(Str::network_fingerprint_hint));
  } else {
    password_field("handover.pass1", tr(Str::handover_ui_passphrase), f.pass1);
    password_field("handover.pass2", tr(Str::handover_ui_passphrase_again), f.pass2);
    muted_text(tr(Str::handover_ui_passphrase_hint));
  }
  text_field("handover.by", tr(Str::handover_ui_by), f.by);
  end_card();
}

void draw_sections(const store::Store& db, HandoverForm& f) {
  if (f.plan_stale) {
    f.plan_stale = false;
    f.plan.reset();
    if (!f.categories.empty()) {
      auto plan = exchange::plan_handover(db, request_of(f));
      if (plan.ok())
        f.plan = std::move(*plan);
      else
        f.message = plan.error().text();
    }
  }
  begin_card("handover.sections.card");
  ImGui::TextColored(palette().accent, BB_ICON_LIST "  %s", tr(Str::handover_ui_sections));
  muted_text(tr(f.mitteilung ? Str::handover_ui_mitteilung_sections : Str::handover_ui_sections_hint));
  for (int i = 0; i < rules::kCategoryCount; ++i) {
    const auto c = static_cast<rules::DataCategory>(i);
    const std::string id = std::string("handover.section.") + rules::code(c);
    bool on = f.categories.contains(c);
    if (f.mitteilung) {  // its documented content, fixed
      if (!on) continue;
      ImGui::TextUnformatted(tr(rules::label(c)));
      widget_registry().tag_last_item(id.c_str(), tr(rules::label(c)));
    } else if (check_field(id.c_str(), tr(rules::label(c)), on)) {
      if (on)
        f.categories.add(c);
      else
        f.categories.remove(c);
      f.plan_stale = true;
    }
    if (!f.plan) continue;
    for (const auto& line : f.plan->lines) {
      if (line.category != c) continue;
      const std::string text = line.allowed ? std::string(tr(Str::handover_ui_allowed)) : line.reason;
      ImGui::Indent();
      ImGui::PushStyleColor(ImGuiCol_Text, line.allowed ? palette().ok_text : palette().warning_text);
      ImGui::TextWrapped("%s  %s", line.allowed ? BB_ICON_CHECK : BB_ICON_TIMES, text.c_str());
      ImGui::PopStyleColor();
      widget_registry().tag_last_item((id + ".state").c_str(), text.c_str());
      ImGui::Unindent();
    }
  }
  if (f.plan) {
    const std::string summary = f.plan->decision.summary.str();
    ImGui::Spacing();
    ImGui::TextWrapped("%s", summary.c_str());
    widget_registry().tag_last_item("handover.summary", summary.c_str());
  }
  end_card();
}

// The recipients of the file, or the German reason why there are none.
Result<std::vector<crypto::RecipientPtr>> recipients_of(const HandoverForm& f) {
  std::vector<crypto::RecipientPtr> to;
  if (f.use_passphrase) {
    if (f.pass1 != f.pass2) return make_error(Str::passphrase_mismatch, "handover passphrases differ");
    if (auto policy = check_passphrase_policy(f.pass1); !policy.ok()) return policy.error();
    to.push_back(std::make_shared<crypto::ScryptRecipient>(f.pass1));
    return to;
  }
  const store::PartnerRecord* p = chosen_partner(f);
  const std::string key = p ? p->partner.age_key : std::string();
  auto r = crypto::parse_recipient(key);
  if (!r.ok()) return make_error(Str::handover_err_recipient_key, r.error().detail, key);
  to.push_back(*r);
  return to;
}

std::string protocol_line(const store::Store& db, int64_t family_id, int64_t protocol_id) {
  auto log = store::load_disclosure_log(db, family_id);
  if (log.ok())
    for (const auto& rec : *log)
      if (rec.id == protocol_id) return rules::describe(rec.entry, language());
  return {};
}

void create(ScreenContext& ctx, HandoverForm& f) {
  auto to = recipients_of(f);
  // Typed again after any outcome: a passphrase stays in memory no longer than needed.
  wipe(f.pass1);
  wipe(f.pass2);
  if (!to.ok()) {
    f.message = to.error().text();
    return;
  }
  const exchange::HandoverRequest request = request_of(f);
  std::optional<exchange::HandoverResult> made;
  const Status st = ctx.session->act_on_store(Str::handover_ui_action, [&](store::Store& db) -> Status {
    auto r = f.mitteilung ? exchange::create_handover(db, request, *to, f.consent_sought)
                          : exchange::create_handover(db, request, *to);
    if (!r.ok()) return r.error();
    made = std::move(*r);
    return {};
  });
  f.plan_stale = true;  // a Widerruf may have come in between
  if (!st.ok() || !made) {
    f.message = st.ok() ? tr(Str::err_internal) : st.error().text();
    return;
  }
  f.message.clear();
  f.file.assign(made->file.begin(), made->file.end());
  f.file_name = exchange_file_name("uebergabe-kjh", made->document.created, made->document.id);
  f.protocol_line = protocol_line(*ctx.session->reader(), f.family_id, made->protocol_id);
  // Where a share sheet takes the file, the done card offers it next to the download.
  f.shareable = platform::can_share_files(f.file_name);
  if (!f.shareable) platform::download_file(f.file_name, f.file);
}

void draw_share(HandoverForm& f) {
  muted_text(tr(Str::handover_ui_share_hint));
  if (button("handover.share", (std::string(BB_ICON_SHARE "  ") + tr(Str::handover_ui_share)).c_str(),
             true)) {
    platform::share_file(f.file_name, f.file);
    f.share_asked = true;
  }
  ImGui::SameLine();
  if (!f.share_asked) return;
  const auto outcome = platform::share_outcome();
  const Str said = outcome == platform::ShareOutcome::shared      ? Str::handover_ui_shared
                   : outcome == platform::ShareOutcome::cancelled ? Str::handover_ui_share_cancelled
                   : outcome == platform::ShareOutcome::failed    ? Str::handover_ui_share_failed
                                                                  : Str::lock_working;
  ImGui::NewLine();
  outcome_line(tr(said), outcome == platform::ShareOutcome::shared, "handover.share.outcome");
}

void draw_done(HandoverForm& f) {
  begin_card("handover.done.card");
  const char* done = tr(f.shareable ? Str::handover_ui_done_share : Str::handover_ui_done);
  ImGui::TextColored(palette().ok_text, BB_ICON_CHECK "  %s", done);
  widget_registry().tag_last_item("handover.done", done);
  const std::string file = format_text(Str::handover_ui_file, f.file_name);
  ImGui::TextWrapped("%s", file.c_str());
  widget_registry().tag_last_item("handover.file", f.file_name.c_str());
  ImGui::TextWrapped("%s", tr(Str::handover_ui_logged));
  widget_registry().tag_last_item("handover.logged", tr(Str::handover_ui_logged));
  ImGui::TextWrapped("%s", f.protocol_line.c_str());
  widget_registry().tag_personal("handover.protocol", f.protocol_line);
  if (f.shareable) draw_share(f);
  if (button("handover.download_again",
             tr(f.shareable ? Str::handover_ui_download : Str::handover_ui_download_again)))
    platform::download_file(f.file_name, f.file);
  end_card();
}

}  // namespace

bool slow_step_due(SlowStep& step) {
  if (step == SlowStep::requested) {
    step = SlowStep::shown;  // this frame shows „Einen Moment …“
    platform::request_frame();
    return false;
  }
  if (step != SlowStep::shown) return false;
  step = SlowStep::none;
  return true;
}

void request_slow_step(SlowStep& step) {
  step = SlowStep::requested;
  platform::request_frame();
}

HandoverUi& handover_ui(CaseUi& ui) {
  if (!ui.handover) ui.handover = std::make_shared<HandoverUi>();
  return *ui.handover;
}

std::string exchange_file_name(const char* prefix, const std::string& created, const std::string& id) {
  std::string day;
  for (char c : created.substr(0, 10))
    if (c != '-') day += c;
  return std::string(prefix) + "-" + day + "-" + id.substr(0, 8) + ".age";
}

void open_handover(CaseUi& ui) {
  HandoverForm& f = handover_ui(ui).handover;
  wipe(f.pass1);
  wipe(f.pass2);
  f = HandoverForm{};
  f.family_id = ui.family_id;
  if (ui.overview) f.by = ui.overview->family.companion;
  go_to(ui, CaseView::handover);
}

void open_mitteilung_handover(CaseUi& ui, const rules::Mitteilung& m) {
  open_handover(ui);
  HandoverForm& f = handover_ui(ui).handover;
  f.mitteilung = m.meta.id;
  f.mitteilung_recipient = m.recipient;
  f.consent_sought = m.consent_sought;
  f.categories = m.content;
  if (!m.meta.recorded_by.empty()) f.by = m.meta.recorded_by;
}

bool draw_handover_button(CaseUi& ui) {
  if (!button("overview.handover", (std::string(BB_ICON_SHIELD "  ") + tr(Str::handover_ui_title)).c_str()))
    return false;
  open_handover(ui);
  return true;
}

void draw_handover_view(ScreenContext& ctx, CaseUi& ui) {
  HandoverForm& f = handover_ui(ui).handover;
  const store::Store& db = *ctx.session->reader();
  if (f.family_id != ui.family_id) {
    go_to(ui, CaseView::overview);
    return;
  }
  if (f.mitteilung)  // back to the Kinderschutz view it came from
    form_header(ui, tr(Str::handover_ui_mitteilung_title), "handover.title", CaseView::cp);
  else
    form_header(ui, tr(Str::handover_ui_title), "handover.title");
  if (!f.partners_loaded) load_partners(db, f);
  if (!f.file.empty()) {
    draw_done(f);
    return;
  }
  muted_text(tr(Str::handover_ui_intro));
  draw_recipient(f);
  draw_sections(db, f);
  outcome_line(f.message, false, "handover.message");
  const bool can = f.plan && !f.plan->allowed.empty();
  if (slow_step_due(f.step)) create(ctx, f);
  if (f.step != SlowStep::none) {
    ImGui::TextUnformatted(tr(Str::lock_working));
    widget_registry().tag_last_item("handover.busy", tr(Str::lock_working));
  } else if (button("handover.create", tr(Str::handover_ui_create), can)) {
    request_slow_step(f.step);
    f.message.clear();
  }
  if (!can) muted_text(tr(Str::handover_ui_nothing));
}

}  // namespace bb::ui
