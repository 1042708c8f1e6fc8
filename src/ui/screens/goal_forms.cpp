// Goals (from the family's, the Frühe Hilfen' and the KJH's perspective, with
// their history) and the Bedarfe-und-Ressourcen assessment.
#include <algorithm>
#include <string>

#include "core/i18n.h"
#include "imgui.h"
#include "ui/icons.h"
#include "ui/screens/case_ui.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace bb::ui {

void draw_goal_form(ScreenContext& ctx, CaseUi& ui) {
  const bool is_new = ui.edit_id == 0;
  form_header(ui, tr(is_new ? Str::goal_new_title : Str::goal_edit_title), "goal.title");
  cases::GoalInput& g = ui.goal;
  bool& d = ui.dirty;
  begin_card("goal.card");
  ImGui::TextUnformatted(tr(Str::goal_perspective));
  static const cases::Perspective kPerspectives[] = {
      cases::Perspective::familie, cases::Perspective::fruehe_hilfen, cases::Perspective::kjh};
  for (int i = 0; i < 3; ++i) {
    if (i) ImGui::SameLine();
    const std::string id = std::string("goal.perspective.") + cases::code(kPerspectives[i]);
    if (choice(id.c_str(), tr(cases::label(kPerspectives[i])), g.perspective == kPerspectives[i])) {
      d |= g.perspective != kPerspectives[i];
      g.perspective = kPerspectives[i];
    }
  }
  d |= text_field("goal.text", tr(Str::goal_text), g.title);
  field_error(ui.errors, "title", "goal.text.error");
  d |= text_area("goal.description", tr(Str::goal_description), g.description, 3);
  ImGui::TextUnformatted(tr(Str::goal_status));
  static const cases::GoalStatus kStatus[] = {cases::GoalStatus::offen, cases::GoalStatus::in_arbeit,
                                              cases::GoalStatus::erreicht, cases::GoalStatus::teilweise,
                                              cases::GoalStatus::verworfen};
  FlowRow row;
  for (int i = 0; i < 5; ++i) {
    const char* label = tr(cases::label(kStatus[i]));
    row.next(label);
    const std::string id = std::string("goal.status.") + cases::code(kStatus[i]);
    if (choice(id.c_str(), label, g.status == kStatus[i])) {
      d |= g.status != kStatus[i];
      g.status = kStatus[i];
    }
  }
  d |= date_field("goal.review", tr(Str::goal_next_review), g.next_review_on);
  muted_text(tr(Str::goal_review_hint));
  if (!is_new)
    d |= text_field("goal.comment", tr(Str::goal_comment), g.comment, false, tr(Str::goal_comment_hint));
  end_card();

  ImGui::Spacing();
  if (button("goal.save", tr(Str::form_save), true)) {
    const int64_t family = ui.family_id, goal = ui.edit_id;
    save_form(ctx, ui, cases::validate_goal(g), Str::action_goal, [&](store::Store& db) -> Status {
      if (goal) return store::edit_goal(db, goal, g);
      return status_of(store::add_goal(db, family, g));
    });
    return;
  }

  if (!is_new) {
    auto history = store::goal_history(*ctx.session->reader(), ui.edit_id);
    if (history.ok() && !history->empty()) {
      ImGui::Spacing();
      ImGui::TextUnformatted(tr(Str::goal_history));
      for (size_t i = history->size(); i-- > 0;) {
        const auto& h = (*history)[i];
        std::string line =
            cases::german_date(h.changed_on) + "  ·  " + tr(cases::label(h.status)) + "  ·  " + h.title;
        if (!h.comment.empty()) line += "  —  " + h.comment;
        muted_text(line.c_str());
        widget_registry().tag_personal(("goal.history." + std::to_string(i)).c_str(), line);
      }
    }
  }
}

void draw_assessment_form(ScreenContext& ctx, CaseUi& ui) {
  const store::Store* store = ctx.session->reader();
  form_header(ui, tr(Str::assessment_title), "assessment.title");
  cases::AssessmentInput& a = ui.assessment;
  bool& d = ui.dirty;
  begin_card("assessment.card");
  d |= date_field("assessment.on", tr(Str::assessment_on), a.on, false);
  field_error(ui.errors, "on", "assessment.on.error");
  for (auto occasion : {cases::AssessmentOccasion::intake, cases::AssessmentOccasion::review}) {
    if (occasion == cases::AssessmentOccasion::review) ImGui::SameLine();
    const std::string id = std::string("assessment.occasion.") + cases::code(occasion);
    if (choice(id.c_str(), tr(cases::label(occasion)), a.occasion == occasion)) {
      d |= a.occasion != occasion;
      a.occasion = occasion;
    }
  }
  muted_text(tr(Str::assessment_hint));
  end_card();
  field_error(ui.errors, "ratings", "assessment.ratings.error");

  const float w = std::max(touch_target_height(), (ImGui::GetContentRegionAvail().x - 6 * 8) / 6);
  for (const auto& item : ui.catalog(*store, "instrument")) {
    auto it = std::find_if(a.ratings.begin(), a.ratings.end(),
                           [&](const cases::Rating& r) { return r.item == item.code; });
    if (!item.active && it == a.ratings.end()) continue;
    ImGui::PushID(item.code.c_str());
    begin_card(("assessment.item." + item.code).c_str());
    ImGui::TextWrapped("%s", item.label.c_str());
    const int current = it == a.ratings.end() ? 0 : it->rating;
    for (int r = 0; r <= 5; ++r) {
      if (r) ImGui::SameLine();
      const std::string id = "assessment." + item.code + "." + std::to_string(r);
      const char* label = r == 0 ? "–" : nullptr;
      const std::string number = std::to_string(r);
      if (choice(id.c_str(), label ? label : number.c_str(), current == r, w)) {
        d = true;
        if (r == 0) {
          if (it != a.ratings.end()) a.ratings.erase(it);
        } else if (it == a.ratings.end()) {
          a.ratings.push_back({item.code, r, {}});
        } else {
          it->rating = r;
        }
      }
    }
    if (current > 0) muted_text(tr(cases::rating_label(current)));
    field_error(ui.errors, "ratings." + item.code, ("assessment." + item.code + ".error").c_str());
    end_card();
    ImGui::PopID();
  }
  d |= text_area("assessment.note", tr(Str::family_note), a.note, 3);
  ImGui::Spacing();
  if (!button("assessment.save", tr(Str::form_save), true)) return;
  const int64_t family = ui.family_id;
  save_form(ctx, ui, cases::validate_assessment(a, cases::today()), Str::action_assessment,
            [&](store::Store& db) { return status_of(store::record_assessment(db, family, a)); });
}

// Who is responsible for a topic (Zuständigkeit): the family, the Frühe Hilfen,
// the KJH or another service; "Entfernen" removes the entry.
void draw_responsibility_form(ScreenContext& ctx, CaseUi& ui) {
  const store::Store* store = ctx.session->reader();
  form_header(ui, tr(Str::responsibility_title), "responsibility.title");
  cases::ResponsibilityInput& r = ui.responsibility;
  bool& d = ui.dirty;
  begin_card("responsibility.card");
  d |= select_field("responsibility.topic", tr(Str::contact_topics), r.topic, ui.catalog(*store, "topic"));
  field_error(ui.errors, "topic", "responsibility.topic.error");
  ImGui::TextUnformatted(tr(Str::responsibility_party));
  static const cases::Party kParties[] = {cases::Party::familie, cases::Party::fruehe_hilfen,
                                          cases::Party::kjh, cases::Party::andere};
  FlowRow row;
  for (int i = 0; i < 4; ++i) {
    const char* label = tr(cases::label(kParties[i]));
    row.next(label);
    const std::string id = std::string("responsibility.party.") + cases::code(kParties[i]);
    if (choice(id.c_str(), label, r.party == kParties[i])) {
      d |= r.party != kParties[i];
      r.party = kParties[i];
    }
  }
  d |= text_field("responsibility.who", tr(Str::responsibility_who), r.who, false,
                  tr(Str::responsibility_who_hint));
  d |= text_area("responsibility.note", tr(Str::family_note), r.note, 2);
  end_card();
  ImGui::Spacing();
  const bool save = button("responsibility.save", tr(Str::form_save), true);
  ImGui::SameLine();
  const bool remove = button("responsibility.remove",
                             (std::string(BB_ICON_TRASH "  ") + tr(Str::responsibility_remove)).c_str());
  if (!save && !remove) return;
  cases::ResponsibilityInput in = r;
  if (remove) in.party.reset();
  const int64_t family = ui.family_id;
  save_form(ctx, ui, cases::validate_responsibility(in), Str::action_responsibility,
            [&](store::Store& db) { return store::set_responsibility(db, family, in); });
}

}  // namespace bb::ui
