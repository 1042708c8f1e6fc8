// The network's Kinderschutz procedure (Verfahrensablauf, seed 001 3.4) in
// the settings card „Organisation“: the steps every family's checklist shows,
// starting from the jurisdiction's proposal. Steps are edited here as a list
// (own steps added, any step made optional or removed, the proposal
// restored) and saved at once; records of a removed step stay in the files.
#include <string>

#include "core/i18n.h"
#include "imgui.h"
#include "store/child_protection.h"
#include "store/organisation.h"
#include "ui/form_widgets.h"
#include "ui/icons.h"
#include "ui/screens/protection_ui.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace bb::ui {
namespace {

// A key no step uses yet ("eigen_1", "eigen_2", …).
std::string new_key(const std::vector<rules::ProcedureStep>& steps) {
  for (int n = 1;; ++n) {
    std::string key = "eigen_" + std::to_string(n);
    bool used = false;
    for (const auto& s : steps) used |= s.key == key;
    if (!used) return key;
  }
}

void save(ScreenContext& ctx, ProtectionUi& p, const std::vector<rules::ProcedureStep>& steps) {
  const Status st = ctx.session->act_on_store(
      Str::cp_ui_action_proc, [&](store::Store& db) { return store::set_procedure(db, steps); });
  p.org_message = st.ok() ? tr(Str::form_saved) : st.error().text();
  p.org_message_ok = st.ok();
  p.procedure.reset();  // reload what is stored
  p.stale = true;       // the family's checklist follows
}

}  // namespace

void draw_procedure_settings(ScreenContext& ctx, ProtectionUi& p) {
  ImGui::Spacing();
  ImGui::TextUnformatted(tr(Str::cp_ui_proc_title));
  muted_text(tr(Str::cp_ui_proc_hint));
  const store::Store& db = *ctx.session->reader();
  auto j = store::load_jurisdiction(db);
  if (!j.ok() || !*j) {
    muted_text(tr(Str::cp_ui_proc_no_country));
    return;
  }
  if (!p.procedure) {
    auto steps = store::load_procedure(db);
    if (!steps.ok()) {
      muted_text(steps.error().text().c_str());
      return;
    }
    p.procedure = std::move(*steps);
  }
  std::vector<rules::ProcedureStep> steps = *p.procedure;
  for (size_t i = 0; i < steps.size(); ++i) {
    const std::string id = "settings.proc." + std::to_string(i);
    ImGui::PushID(id.c_str());
    const std::string text = steps[i].text(language());
    ImGui::TextWrapped("%zu.  %s", i + 1, text.c_str());
    widget_registry().tag_last_item(id.c_str(), text.c_str());
    // The button first: the check field takes the rest of the row.
    if (button((id + ".remove").c_str(),
               (std::string(BB_ICON_TRASH "  ") + tr(Str::cp_ui_proc_remove)).c_str())) {
      steps.erase(steps.begin() + static_cast<std::ptrdiff_t>(i));
      save(ctx, p, steps);
      ImGui::PopID();
      return;
    }
    ImGui::SameLine();
    bool required = steps[i].required;
    if (check_field((id + ".required").c_str(), tr(Str::cp_ui_proc_required), required)) {
      steps[i].required = required;
      save(ctx, p, steps);
      ImGui::PopID();
      return;
    }
    ImGui::PopID();
  }
  text_field("settings.proc.new", tr(Str::cp_ui_proc_new), p.new_step, true);
  if (button("settings.proc.add", (std::string(BB_ICON_PLUS "  ") + tr(Str::cp_ui_proc_add)).c_str())) {
    rules::ProcedureStep step;
    step.key = new_key(steps);
    step.label = p.new_step;
    steps.push_back(step);
    save(ctx, p, steps);
    if (p.org_message_ok) p.new_step.clear();
    return;
  }
  ImGui::SameLine();
  if (button("settings.proc.reset", tr(Str::cp_ui_proc_reset))) save(ctx, p, rules::default_procedure(**j));
}

}  // namespace bb::ui
