// The overview of one family: a clear header (who, which children, status,
// companion), the actions, open next steps, due reviews, persons, goals, the
// Bedarfe-und-Ressourcen change and the timeline of everything that happened.
#include <string>

#include "core/i18n.h"
#include "imgui.h"
#include "ui/icons.h"
#include "ui/screens/case_ui.h"
#include "ui/screens/consent_ui.h"
#include "ui/screens/handover_ui.h"
#include "ui/screens/kjh_ui.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace bb::ui {
namespace {

void section_title(const char* icon, Str title) {
  ImGui::Spacing();
  ImGui::PushFont(nullptr);
  ImGui::TextColored(palette().accent, "%s", icon);
  ImGui::SameLine();
  ImGui::TextUnformatted(tr(title));
  ImGui::PopFont();
}

void open_contact(CaseUi& ui, const store::Store& store, int64_t contact_id) {
  auto c = store::load_contact(store, contact_id);
  if (!c.ok()) {
    ui.notice = c.error().text();
    return;
  }
  ui.edit_id = contact_id;
  ui.contact = static_cast<const cases::ContactInput&>(*c);
  go_to(ui, CaseView::contact_form);
}

void open_goal(CaseUi& ui, const cases::Goal& goal) {
  ui.edit_id = goal.id;
  ui.goal = static_cast<const cases::GoalInput&>(goal);
  ui.goal.comment.clear();
  go_to(ui, CaseView::goal_form);
}

void draw_header(const store::FamilyOverview& o) {
  begin_card("overview.header.card");
  heading(o.header.c_str());
  widget_registry().tag_personal("overview.header", o.header);
  std::string status = o.status_label;
  if (!o.companion.empty()) status += "  ·  " + format_text(Str::overview_companion, o.companion);
  if (!o.companion_profession.empty()) status += " (" + o.companion_profession + ")";
  ImGui::TextColored(palette().accent, "%s", status.c_str());
  widget_registry().tag_personal("overview.status", status);
  for (size_t i = 0; i < o.children.size(); ++i) {
    const auto& c = o.children[i];
    const std::string line = std::string(BB_ICON_CHILD "  ") + c.name + "  ·  " + c.age;
    ImGui::TextUnformatted(line.c_str());
    widget_registry().tag_personal(indexed("overview.child.", i).c_str(), line);
  }
  if (o.family.interpreter_needed) muted_text(tr(Str::overview_interpreter));
  end_card();
}

}  // namespace

// A tappable line of personal text (a person, a goal, a timeline entry).
bool entry_row(const std::string& test_id, const std::string& title, const std::string& detail) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float width = ImGui::GetContentRegionAvail().x;
  const float wrap = width - 2 * style.FramePadding.x;
  const ImVec2 title_size = ImGui::CalcTextSize(title.c_str(), nullptr, false, wrap);
  const ImVec2 detail_size =
      detail.empty() ? ImVec2(0, 0) : ImGui::CalcTextSize(detail.c_str(), nullptr, false, wrap);
  const float height =
      std::max(touch_target_height(), title_size.y + detail_size.y + style.FramePadding.y * 2 + 2);
  ImGui::PushID(test_id.c_str());
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const bool pressed = ImGui::InvisibleButton("entry", ImVec2(width, height));
  widget_registry().tag_personal(test_id.c_str(), detail.empty() ? title : title + "\n" + detail);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + height),
                    ImGui::GetColorU32(ImGui::IsItemHovered() ? ImGuiCol_FrameBgHovered : ImGuiCol_FrameBg),
                    style.FrameRounding);
  const float x = pos.x + style.FramePadding.x;
  float y = pos.y + style.FramePadding.y;
  dl->AddText(nullptr, 0, ImVec2(x, y), ImGui::GetColorU32(ImGuiCol_Text), title.c_str(), nullptr, wrap);
  y += title_size.y + 2;
  if (!detail.empty())
    dl->AddText(nullptr, 0, ImVec2(x, y), ImGui::GetColorU32(palette().muted_text), detail.c_str(), nullptr,
                wrap);
  ImGui::PopID();
  return pressed;
}

void draw_family_overview(ScreenContext& ctx, CaseUi& ui) {
  const store::Store* store = ctx.session->reader();
  if (!store) return;
  if (ui.overview_stale || !ui.overview) {
    auto o = store::family_overview(*store, ui.family_id);
    ui.overview_stale = false;
    if (!o.ok()) {
      ui.overview.reset();
      ui.notice = o.error().text();
    } else {
      ui.overview = std::move(*o);
    }
  }
  const std::string back = std::string(BB_ICON_CHEVRON_LEFT "  ") + tr(Str::overview_back);
  if (button("overview.back", back.c_str())) {
    ui.family_id = 0;
    ui.overview.reset();
    go_to(ui, CaseView::list);
    return;
  }
  if (!ui.overview) {
    if (!ui.notice.empty()) muted_text(ui.notice.c_str());
    return;
  }
  const store::FamilyOverview& o = *ui.overview;
  draw_header(o);

  // The actions of the daily work, the most frequent first.
  const bool closed = o.family.status == cases::FamilyStatus::abgeschlossen;
  if (!closed) {
    const std::string add_contact = std::string(BB_ICON_COMMENT "  ") + tr(Str::overview_add_contact);
    if (button("overview.add_contact", add_contact.c_str(), true)) {
      ui.edit_id = 0;
      ui.contact = cases::ContactInput{};
      ui.contact.on = cases::today();
      ui.contact.kind = "hausbesuch";
      go_to(ui, CaseView::contact_form);
      return;
    }
    ImGui::SameLine();
  }
  if (button("overview.edit", (std::string(BB_ICON_PENCIL "  ") + tr(Str::overview_edit)).c_str())) {
    ui.family = static_cast<const cases::FamilyInput&>(o.family);
    go_to(ui, CaseView::family_form);
    return;
  }
  ImGui::SameLine();
  if (button("overview.status_change", tr(closed ? Str::overview_reopen : Str::overview_change_status))) {
    ui.status = cases::StatusChange{};
    ui.status.on = cases::today();
    ui.status.to = closed ? cases::FamilyStatus::laufend : cases::FamilyStatus::erstkontakt;
    for (auto to : {cases::FamilyStatus::erstkontakt, cases::FamilyStatus::laufend})
      if (!closed && cases::transition_allowed(o.family.status, to)) {
        ui.status.to = to;
        break;
      }
    go_to(ui, CaseView::status_form);
    return;
  }
  if (!ui.notice.empty()) {
    ImGui::TextColored(palette().ok_text, BB_ICON_CHECK "  %s", ui.notice.c_str());
    widget_registry().tag_last_item("overview.notice", ui.notice.c_str());
  }
  if (draw_kjh_card(ctx, ui)) return;
  if (draw_consents_card(ctx, ui)) return;
  if (draw_handover_button(ui)) return;

  if (!o.open_steps.empty()) {
    section_title(BB_ICON_LIST, Str::overview_open_steps);
    for (size_t i = 0; i < o.open_steps.size(); ++i) {
      const auto& s = o.open_steps[i];
      ImGui::PushID(static_cast<int>(i));
      const std::string id = indexed("overview.step.", i);
      if (button((id + ".done").c_str(), BB_ICON_CHECK, false, touch_target_height())) {
        const int64_t contact = s.contact_id;
        const Status st = ctx.session->act_on_store(Str::action_next_steps_done, [&](store::Store& db) {
          return store::set_next_steps_done(db, contact, true);
        });
        ui.notice = st.ok() ? tr(Str::overview_step_done) : st.error().text();
        ui.overview_stale = true;
      }
      ImGui::SameLine();
      ImGui::AlignTextToFramePadding();
      const std::string text = cases::german_date(s.on) + ": " + s.text;
      ImGui::TextWrapped("%s", text.c_str());
      widget_registry().tag_personal(id.c_str(), text);
      ImGui::PopID();
    }
  }

  if (!o.due_reviews.empty()) {
    section_title(BB_ICON_FLAG, Str::overview_due_reviews);
    for (size_t i = 0; i < o.due_reviews.size(); ++i) {
      const auto& r = o.due_reviews[i];
      const std::string detail =
          format_text(r.overdue ? Str::overview_review_overdue : Str::overview_review_due,
                      cases::german_date(r.next_review_on));
      if (entry_row(indexed("overview.review.", i), r.title, detail)) {
        for (const auto& g : o.goals)
          if (g.id == r.goal_id) {
            open_goal(ui, g);
            return;
          }
      }
    }
  }

  section_title(BB_ICON_USERS, Str::overview_persons);
  for (size_t i = 0; i < o.persons.size(); ++i) {
    const auto& p = o.persons[i];
    std::string name = p.first_name;
    if (!p.last_name.empty()) name += " " + p.last_name;
    std::string detail = tr(cases::label(p.role));
    if (!p.birth_date.empty())
      detail += "  ·  " + format_text(Str::overview_born, cases::german_date(p.birth_date));
    if (!p.due_date.empty())
      detail += "  ·  " + format_text(Str::overview_due, cases::german_date(p.due_date));
    if (entry_row(indexed("overview.person.", i), name, detail)) {
      ui.edit_id = p.id;
      ui.person = static_cast<const cases::PersonInput&>(p);
      go_to(ui, CaseView::person_form);
      return;
    }
  }
  if (button("overview.add_person",
             (std::string(BB_ICON_PLUS "  ") + tr(Str::overview_add_person)).c_str())) {
    ui.edit_id = 0;
    ui.person = cases::PersonInput{};
    ui.person.role = cases::PersonRole::child;
    go_to(ui, CaseView::person_form);
    return;
  }

  section_title(BB_ICON_HEART, Str::overview_goals);
  for (size_t i = 0; i < o.goals.size(); ++i) {
    const auto& g = o.goals[i];
    std::string detail = std::string(tr(cases::label(g.perspective))) + "  ·  " + tr(cases::label(g.status));
    if (!g.next_review_on.empty())
      detail += "  ·  " + format_text(Str::overview_review_on, cases::german_date(g.next_review_on));
    if (entry_row(indexed("overview.goal.", i), g.title, detail)) {
      open_goal(ui, g);
      return;
    }
  }
  if (button("overview.add_goal", (std::string(BB_ICON_PLUS "  ") + tr(Str::overview_add_goal)).c_str())) {
    ui.edit_id = 0;
    ui.goal = cases::GoalInput{};
    go_to(ui, CaseView::goal_form);
    return;
  }

  section_title(BB_ICON_HANDSHAKE, Str::overview_responsibilities);
  if (o.responsibilities.empty()) muted_text(tr(Str::overview_responsibilities_none));
  for (size_t i = 0; i < o.responsibilities.size(); ++i) {
    const auto& r = o.responsibilities[i];
    std::string topic = r.topic;
    for (const auto& e : ui.catalog(*store, "topic"))
      if (e.code == r.topic) topic = e.label;
    std::string detail = r.party ? tr(cases::label(*r.party)) : "";
    if (!r.who.empty()) detail += "  ·  " + r.who;
    if (entry_row(indexed("overview.responsibility.", i), topic, detail)) {
      ui.responsibility = static_cast<const cases::ResponsibilityInput&>(r);
      go_to(ui, CaseView::responsibility_form);
      return;
    }
  }
  if (button("overview.add_responsibility",
             (std::string(BB_ICON_PLUS "  ") + tr(Str::overview_add_responsibility)).c_str())) {
    ui.responsibility = cases::ResponsibilityInput{};
    ui.responsibility.party = cases::Party::familie;
    go_to(ui, CaseView::responsibility_form);
    return;
  }

  section_title(BB_ICON_SHIELD, Str::overview_instrument);
  if (o.instrument.empty()) muted_text(tr(Str::overview_instrument_none));
  for (size_t i = 0; i < o.instrument.size(); ++i) {
    const auto& item = o.instrument[i];
    std::string line = item.label + ": " + tr(cases::rating_label(item.latest()));
    if (item.ratings.size() > 1) {
      line += "  (" + format_text(Str::overview_instrument_since, tr(cases::rating_label(item.first())));
      const int change = item.change();  // > 0: towards Ressource
      line += change > 0   ? ", +" + std::to_string(change) + ")"
              : change < 0 ? ", −" + std::to_string(-change) + ")"
                           : ")";
    }
    ImGui::TextWrapped("%s", line.c_str());
    widget_registry().tag_personal(indexed("overview.instrument.", i).c_str(), line);
  }
  if (button("overview.add_assessment",
             (std::string(BB_ICON_PLUS "  ") + tr(Str::overview_add_assessment)).c_str())) {
    ui.assessment = cases::AssessmentInput{};
    ui.assessment.on = cases::today();
    ui.assessment.occasion =
        o.instrument.empty() ? cases::AssessmentOccasion::intake : cases::AssessmentOccasion::review;
    go_to(ui, CaseView::assessment_form);
    return;
  }

  draw_family_referrals_card(ctx, ui);
  if (ui.view != CaseView::overview) return;
  draw_child_protection_card(ctx, ui);
  if (ui.view != CaseView::overview) return;
  draw_privacy_card(ctx, ui);

  section_title(BB_ICON_CALENDAR, Str::overview_timeline);
  if (o.timeline.empty()) muted_text(tr(Str::overview_timeline_empty));
  for (size_t i = 0; i < o.timeline.size(); ++i) {
    const auto& e = o.timeline[i];
    std::string title = cases::german_date(e.on);
    if (!e.time.empty()) title += " " + e.time;
    title += "  ·  " + e.title;
    if (entry_row(indexed("overview.timeline.", i), title, e.detail)) {
      if (e.kind == store::TimelineKind::contact) {
        open_contact(ui, *store, e.ref_id);
        return;
      }
      if (e.kind == store::TimelineKind::referral) {
        open_referral(ui, e.ref_id);
        return;
      }
      if (e.kind == store::TimelineKind::goal)
        for (const auto& g : o.goals)
          if (g.id == e.ref_id) {
            open_goal(ui, g);
            return;
          }
    }
  }
}

}  // namespace bb::ui
