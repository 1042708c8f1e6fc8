// The settings card „Organisation“ (issue 7, item 6): the jurisdiction the
// child-protection flow follows, its procedure (procedure_settings.cpp), the
// retention period after a case closes — there is none until the
// organisation sets one, and the card says so —, the
// closed cases whose period is over, and their deletion, for good, only after
// a second tap that names the family. The list holds family names, so it
// lives in the case UI's state (destroyed on lock).
#include <memory>
#include <string>

#include "core/i18n.h"
#include "imgui.h"
#include "store/organisation.h"
#include "store/retention.h"
#include "ui/icons.h"
#include "ui/screens/protection_ui.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace bb::ui {
namespace {

void message(ProtectionUi& p, const std::string& text, bool ok) {
  p.org_message = text;
  p.org_message_ok = ok;
}

void draw_jurisdiction(ScreenContext& ctx, ProtectionUi& p) {
  auto current = store::load_jurisdiction(*ctx.session->reader());
  const std::optional<rules::Jurisdiction> j = current.ok() ? *current : std::nullopt;
  ImGui::TextUnformatted(tr(Str::cp_ui_org_jurisdiction));
  if (!j) {
    muted_text(tr(Str::cp_ui_org_jurisdiction_unset));
    widget_registry().tag_last_item("settings.org.jurisdiction.unset", tr(Str::cp_ui_org_jurisdiction_unset));
  }
  FlowRow row;
  for (auto option : {rules::Jurisdiction::deutschland, rules::Jurisdiction::oesterreich}) {
    const char* text = tr(rules::label(option));
    row.next(text);
    const std::string id = std::string("settings.org.jurisdiction.") + rules::code(option);
    if (choice(id.c_str(), text, j == option) && j != option) {
      const Status st = ctx.session->act_on_store(
          Str::cp_ui_action_org, [&](store::Store& db) { return store::set_jurisdiction(db, option); });
      message(p, st.ok() ? tr(Str::form_saved) : st.error().text(), st.ok());
      p.procedure.reset();  // the proposal follows the country
      p.stale = true;
    }
  }
}

void draw_retention(ScreenContext& ctx, ProtectionUi& p) {
  auto policy = store::load_retention_policy(*ctx.session->reader());
  if (!p.retention_loaded) {
    p.retention_loaded = true;
    p.retention_months = policy.ok() && policy->months ? std::to_string(*policy->months) : std::string();
  }
  ImGui::Spacing();
  ImGui::TextUnformatted(tr(Str::cp_ui_org_retention));
  const bool set = policy.ok() && policy->months;
  const std::string state =
      set ? format_text(Str::ret_policy_months, std::to_string(*policy->months)) : tr(Str::rules_ret_not_set);
  ImGui::PushStyleColor(ImGuiCol_Text,
                        set ? ImGui::GetStyleColorVec4(ImGuiCol_Text) : palette().warning_text);
  ImGui::TextWrapped("%s", state.c_str());
  ImGui::PopStyleColor();
  widget_registry().tag_last_item("settings.org.retention.state", state.c_str());
  text_field("settings.org.retention", tr(Str::cp_ui_org_retention_months), p.retention_months, true);
  if (button("settings.org.retention.save", tr(Str::form_save))) {
    std::optional<int> months;
    try {
      months = std::stoi(p.retention_months);
    } catch (...) {
      months = 0;  // not a number: the core's "at least one month" says why
    }
    const Status st = ctx.session->act_on_store(
        Str::cp_ui_action_org, [&](store::Store& db) { return store::set_retention_months(db, months); });
    message(p, st.ok() ? tr(Str::form_saved) : st.error().text(), st.ok());
    p.due.reset();
  }
  if (set) {
    ImGui::SameLine();
    if (button("settings.org.retention.clear", tr(Str::cp_ui_org_retention_clear))) {
      const Status st = ctx.session->act_on_store(Str::cp_ui_action_org, [&](store::Store& db) {
        return store::set_retention_months(db, std::nullopt);
      });
      message(p, st.ok() ? tr(Str::form_saved) : st.error().text(), st.ok());
      p.retention_months.clear();
      p.due.reset();
    }
  }
}

void erase(ScreenContext& ctx, ProtectionUi& p, const store::DeletionCandidate& c) {
  const int64_t id = c.family_id;
  const Status st = ctx.session->act_on_store(Str::cp_ui_action_erase,
                                              [&](store::Store& db) { return store::erase_family(db, id); });
  p.confirm_erase = 0;
  p.due.reset();
  if (!st.ok()) {
    message(p, st.error().text(), false);
    return;
  }
  message(p, tr(Str::cp_ui_org_erased), true);
  // Whatever the case screens still show of this family goes with it.
  CaseUi& ui = *ctx.forms.cases;
  ui.list.stale = true;
  if (ui.family_id == id) {
    ui.family_id = 0;
    ui.overview.reset();
    ui.kjh.reset();
    ui.protection.reset();  // this very state: nothing below may touch `p` again
    ui.view = CaseView::list;
  }
}

// True when the state was dropped (the family shown was erased).
bool draw_due(ScreenContext& ctx, ProtectionUi& p) {
  if (!p.due) {
    auto due = store::cases_due_for_deletion(*ctx.session->reader());
    if (!due.ok()) {
      message(p, due.error().text(), false);
      return false;
    }
    p.due = std::move(*due);
  }
  if (!p.due->policy_set) return false;
  ImGui::Spacing();
  ImGui::TextUnformatted(tr(Str::cp_ui_org_due));
  if (p.due->due.empty()) {
    muted_text(tr(Str::cp_ui_org_due_none));
    widget_registry().tag_last_item("settings.org.due.none", tr(Str::cp_ui_org_due_none));
  }
  for (size_t i = 0; i < p.due->due.size(); ++i) {
    const auto c = p.due->due[i];
    const std::string id = "settings.org.due." + std::to_string(i);
    const std::string line = format_text(Str::cp_ui_org_due_line, c.family_name) + "  ·  " +
                             format_text(Str::cp_ui_org_closed_on, c.closed_on.german()) + "  ·  " +
                             format_text(Str::rules_ret_due, c.due_on.german());
    ImGui::PushID(id.c_str());
    ImGui::TextWrapped("%s", line.c_str());
    widget_registry().tag_personal(id.c_str(), line);
    if (p.confirm_erase == c.family_id) {
      const std::string ask = format_text(Str::cp_ui_org_erase_ask, c.family_name);
      ImGui::PushStyleColor(ImGuiCol_Text, palette().warning_text);
      ImGui::TextWrapped(BB_ICON_WARNING "  %s", ask.c_str());
      ImGui::PopStyleColor();
      widget_registry().tag_personal("settings.org.erase.ask", ask);
      if (button("settings.org.erase.confirm", tr(Str::cp_ui_org_erase_confirm), true)) {
        ImGui::PopID();
        const bool dropped = ctx.forms.cases->family_id == c.family_id;
        erase(ctx, p, c);
        return dropped;
      }
      ImGui::SameLine();
      if (button("settings.org.erase.cancel", tr(Str::form_cancel))) p.confirm_erase = 0;
    } else if (button((id + ".erase").c_str(),
                      (std::string(BB_ICON_TRASH "  ") + tr(Str::cp_ui_org_erase)).c_str())) {
      p.confirm_erase = c.family_id;
    }
    ImGui::PopID();
  }
  return false;
}

}  // namespace

void draw_organisation_card(ScreenContext& ctx) {
  if (!ctx.session || !ctx.session->reader()) return;
  if (!ctx.forms.cases) ctx.forms.cases = std::make_shared<CaseUi>();
  ProtectionUi& p = protection_ui(*ctx.forms.cases);
  begin_card("settings.org.card");
  ImGui::Text(BB_ICON_SHIELD "  %s", tr(Str::cp_ui_org_title));
  muted_text(tr(Str::cp_ui_org_hint));
  draw_jurisdiction(ctx, p);
  draw_procedure_settings(ctx, p);
  draw_retention(ctx, p);
  if (draw_due(ctx, p)) {
    ProtectionUi& fresh = protection_ui(*ctx.forms.cases);
    message(fresh, tr(Str::cp_ui_org_erased), true);
    end_card();
    return;
  }
  if (!p.org_message.empty()) {
    ImGui::TextColored(p.org_message_ok ? palette().ok_text : palette().warning_text, "%s",
                       p.org_message.c_str());
    widget_registry().tag_last_item("settings.org.message", p.org_message.c_str());
  }
  end_card();
}

}  // namespace bb::ui
