// The Einwilligungen of a family (issue 7, item 1): every consent with its
// state today (aktiv, widerrufen, abgelaufen, gilt ab), the Widerruf at any
// time, the printed form for signature, and the records that the family was
// informed about content and purpose of each cooperation. Also the card on
// the family overview. A consent is evidence: the list offers no edit, only
// the Widerruf (the store refuses any change, docs/consent.md).
#include <string>

#include "core/i18n.h"
#include "exchange/consent_print.h"
#include "imgui.h"
#include "platform/print.h"
#include "ui/icons.h"
#include "ui/screens/consent_ui.h"
#include "ui/screens/kjh_ui.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace bb::ui {
namespace {

void reload(ScreenContext& ctx, CaseUi& ui, ConsentUi& c) {
  if (!c.stale) return;
  c.stale = false;
  const store::Store& db = *ctx.session->reader();
  auto consents = store::load_consents(db, ui.family_id);
  auto informed = store::load_information(db, ui.family_id);
  if (!consents.ok() || !informed.ok()) {
    ui.notice = !consents.ok() ? consents.error().text() : informed.error().text();
    c.consents.clear();
    c.informed.clear();
    return;
  }
  c.consents = std::move(*consents);
  c.informed = std::move(*informed);
}

// The consent's state on `today`, in words, and whether it allows anything.
std::string state_line(const rules::Consent& c, rules::Date today, bool& active) {
  active = rules::consent_active_at(c, today);
  if (c.revoked_on && *c.revoked_on <= today)
    return format_text(Str::consent_ui_revoked, c.revoked_on->german());
  if (c.valid_until && *c.valid_until < today)
    return format_text(Str::consent_ui_expired, c.valid_until->german());
  if (today < c.given_on) return format_text(Str::consent_ui_not_yet, c.given_on.german());
  std::string line = std::string(tr(Str::consent_ui_active)) + "  ·  " +
                     format_text(Str::consent_ui_given, c.given_on.german());
  line += "  ·  " + (c.valid_until ? format_text(Str::consent_ui_until, c.valid_until->german())
                                   : std::string(tr(Str::consent_ui_until_revoked)));
  return line;
}

void print_consent(const CaseUi& ui, const rules::Consent& c) {
  const std::string family = ui.overview ? ui.overview->header : std::string();
  platform::print_html(
      exchange::consent_document(c, family, person_name(ui, c.person), language()).html(language()));
}

void draw_revocation(ScreenContext& ctx, CaseUi& ui, ConsentUi& c) {
  begin_card("consents.revoke.card");
  ImGui::TextColored(palette().warning_text, BB_ICON_WARNING "  %s", tr(Str::consent_ui_revoke_title));
  ImGui::TextWrapped("%s", tr(Str::consent_ui_revoke_hint));
  day_field("consents.revoke.on", tr(Str::consent_ui_revoke_on), c.revoke_on);
  text_field("consents.revoke.note", tr(Str::consent_ui_revoke_note), c.revoke_note);
  if (!ui.errors.general.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette().warning_text);
    ImGui::TextWrapped(BB_ICON_WARNING "  %s", ui.errors.general.c_str());
    ImGui::PopStyleColor();
    widget_registry().tag_last_item("consents.revoke.error", ui.errors.general.c_str());
  }
  if (button("consents.revoke.confirm", tr(Str::consent_ui_revoke_confirm), true)) {
    const int64_t id = c.revoking;
    const rules::Date on = c.revoke_on;
    const std::string note = c.revoke_note;
    if (run_action(
            ctx, ui, Str::action_consent_revoke,
            [&](store::Store& db) { return store::revoke_consent(db, id, on, note); },
            Str::consent_ui_revoked_notice, CaseView::consents)) {
      c.revoking = 0;
      wipe(c.revoke_note);
      c.stale = true;
    }
  }
  ImGui::SameLine();
  if (button("consents.revoke.cancel", tr(Str::form_cancel))) {
    c.revoking = 0;
    wipe(c.revoke_note);
    ui.errors.clear();
  }
  end_card();
}

void draw_consent_list(ScreenContext& ctx, CaseUi& ui, ConsentUi& c) {
  const rules::Date today = today_day();
  if (c.consents.empty()) muted_text(tr(Str::consent_ui_none));
  // Newest first: the list grows at the top, where the companion looks.
  for (size_t n = c.consents.size(); n-- > 0;) {
    const rules::Consent& consent = c.consents[n];
    const std::string id = indexed("consents.row.", n);
    begin_card((id + ".card").c_str());
    bool active = false;
    const std::string state = state_line(consent, today, active);
    const std::string title = consent_summary(consent);
    ImGui::TextWrapped("%s", title.c_str());
    widget_registry().tag_personal(id.c_str(), title);
    std::string who = person_name(ui, consent.person) + "  ·  " + tr(rules::label(consent.form));
    if (consent.form == rules::ConsentForm::muendlich)
      who += "  ·  " + format_text(Str::consent_ui_witness, consent.witness);
    muted_text(who.c_str());
    widget_registry().tag_personal((id + ".who").c_str(), who);
    ImGui::TextColored(active ? palette().ok_text : palette().warning_text, "%s", state.c_str());
    widget_registry().tag_last_item((id + ".state").c_str(), state.c_str());
    ImGui::PushID(id.c_str());
    if (button((id + ".print").c_str(), (std::string(BB_ICON_BOOK "  ") + tr(Str::consent_ui_print)).c_str()))
      print_consent(ui, consent);
    if (!consent.revoked_on && c.revoking == 0) {
      ImGui::SameLine();
      if (button((id + ".revoke").c_str(), tr(Str::consent_ui_revoke))) {
        c.revoking = consent.id;
        c.revoke_on = today;
        ui.errors.clear();
      }
    }
    ImGui::PopID();
    end_card();
    if (c.revoking == consent.id) draw_revocation(ctx, ui, c);
  }
}

void draw_information(CaseUi& ui, ConsentUi& c) {
  ImGui::Spacing();
  begin_card("consents.informed.card");
  ImGui::TextColored(palette().accent, BB_ICON_CHECK "  %s", tr(Str::consent_ui_informed_title));
  if (c.informed.empty()) muted_text(tr(Str::consent_ui_informed_none));
  for (size_t i = 0; i < c.informed.size(); ++i) {
    const auto& r = c.informed[i];
    std::string line = format_text(Str::consent_ui_informed_line, r.informed_on.german()) + " " + r.purpose;
    if (!r.cooperation_with.name.empty()) line += " (" + r.cooperation_with.name + ")";
    line += "\n" + r.content;
    if (!r.how.empty()) line += "  ·  " + r.how;
    ImGui::TextWrapped("%s", line.c_str());
    widget_registry().tag_personal(indexed("consents.informed.", i).c_str(), line);
  }
  if (button("consents.informed.add",
             (std::string(BB_ICON_PLUS "  ") + tr(Str::consent_ui_informed_add)).c_str())) {
    c.info = store::InformationRecord{};
    c.info.family_id = ui.family_id;
    c.info.informed_on = today_day();
    go_to(ui, CaseView::information_form);
  }
  end_card();
}

}  // namespace

ConsentUi& consent_ui(CaseUi& ui) {
  if (!ui.consents) ui.consents = std::make_shared<ConsentUi>();
  return *ui.consents;
}

void open_consents(CaseUi& ui) {
  ConsentUi& c = consent_ui(ui);
  c.stale = true;
  c.revoking = 0;
  ui.notice.clear();
  go_to(ui, CaseView::consents);
}

std::string person_name(const CaseUi& ui, int64_t person_id) {
  if (ui.overview)
    for (const auto& p : ui.overview->persons)
      if (p.id == person_id)
        return p.first_name + " " + (p.last_name.empty() ? ui.overview->family.family_name : p.last_name);
  return tr(Str::consent_ui_nobody);
}

std::string consent_summary(const rules::Consent& c) {
  std::string line = std::string(tr(rules::label(c.purpose))) + "  →  " + tr(rules::label(c.recipient.kind));
  if (!c.recipient.name.empty()) line += ": " + c.recipient.name;
  std::string categories;
  for (auto category : c.categories.list())
    categories += (categories.empty() ? "" : ", ") + std::string(tr(rules::label(category)));
  return line + "\n" + categories;
}

void draw_consents_view(ScreenContext& ctx, CaseUi& ui) {
  ConsentUi& c = consent_ui(ui);
  const std::string back = std::string(BB_ICON_CHEVRON_LEFT "  ") + tr(Str::kjh_back);
  if (button("consents.back", back.c_str())) {
    go_to(ui, CaseView::overview);
    return;
  }
  heading(tr(Str::consent_ui_title), "consents.title");
  if (ui.overview) {
    muted_text(ui.overview->header.c_str());
    widget_registry().tag_personal("consents.family", ui.overview->header);
  }
  reload(ctx, ui, c);
  if (!ui.notice.empty()) {
    ImGui::TextColored(palette().ok_text, BB_ICON_CHECK "  %s", ui.notice.c_str());
    widget_registry().tag_last_item("consents.notice", ui.notice.c_str());
  }
  if (button("consents.new", (std::string(BB_ICON_PLUS "  ") + tr(Str::consent_ui_new)).c_str(), true)) {
    c.form = rules::Consent{};
    c.form.family = ui.family_id;
    c.form.given_on = today_day();
    c.form.categories = {};
    c.partner_search.clear();
    c.partners_stale = true;
    ui.notice.clear();
    go_to(ui, CaseView::consent_form);
    return;
  }
  muted_text(tr(Str::consent_ui_evidence));
  draw_consent_list(ctx, ui, c);
  if (ui.view != CaseView::consents) return;
  draw_information(ui, c);
}

bool draw_consents_card(ScreenContext& ctx, CaseUi& ui) {
  auto consents = store::load_consents(*ctx.session->reader(), ui.family_id);
  ImGui::Spacing();
  begin_card("overview.consents.card");
  ImGui::TextColored(palette().accent, BB_ICON_CHECK "  %s", tr(Str::consent_ui_title));
  if (consents.ok()) {
    const rules::Date today = today_day();
    size_t active = 0;
    for (const auto& c : *consents) active += rules::consent_active_at(c, today) ? 1 : 0;
    const std::string line = consents->empty()
                                 ? std::string(tr(Str::consent_ui_card_none))
                                 : format_text(Str::consent_ui_card_count, std::to_string(active));
    ImGui::TextWrapped("%s", line.c_str());
    widget_registry().tag_last_item("overview.consents.state", line.c_str());
  }
  const bool left = button("overview.consents", tr(Str::consent_ui_open));
  if (left) open_consents(ui);
  end_card();
  return left;
}

}  // namespace bb::ui
