// The Kinderschutz view of a family (issue 7, item 5): every entry of every
// kind in the order recorded — never changed, a correction is a new entry
// that names the old one, and both stay visible as such —, the network's
// procedure as a checklist, and the ways to the forms. Also the dispatch of
// the Kinderschutz and privacy views and what they share.
#include <string>

#include "core/i18n.h"
#include "imgui.h"
#include "store/organisation.h"
#include "ui/icons.h"
#include "ui/screens/handover_ui.h"
#include "ui/screens/kjh_ui.h"
#include "ui/screens/network_ui.h"
#include "ui/screens/protection_ui.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace bb::ui {
namespace {

void reload(ScreenContext& ctx, CaseUi& ui, ProtectionUi& p) {
  if (!p.stale) return;
  p.stale = false;
  const store::Store& db = *ctx.session->reader();
  auto file = store::load_child_protection(db, ui.family_id);
  if (!file.ok()) {
    p.file.reset();
    ui.errors.general = file.error().text();
    return;
  }
  p.file = std::move(*file);
  auto j = store::load_jurisdiction(db);
  p.jurisdiction = j.ok() ? *j : std::nullopt;
  auto prof = store::family_profession(db, ui.family_id);
  p.profession = prof.ok() ? *prof : std::nullopt;
  // Without a jurisdiction there is no procedure yet: the view says why.
  auto lines = store::load_checklist(db, ui.family_id);
  p.checklist = lines.ok() ? std::move(*lines) : std::vector<rules::ChecklistLine>{};
}

std::string child_name(const CaseUi& ui, const std::optional<rules::PersonId>& id) {
  if (!id || !ui.overview) return {};
  for (const auto& p : ui.overview->persons)
    if (p.id == *id) return p.first_name;
  return {};
}

// "korrigiert" / "Korrektur des Eintrags vom …": how a version relates to the others.
template <class T>
std::string version_note(const std::vector<T>& all, const T& e) {
  std::string out;
  for (const auto& other : all)
    if (other.meta.corrects && *other.meta.corrects == e.meta.id)
      out += "  ·  " + format_text(Str::cp_ui_corrected_on, other.meta.recorded_on.german());
  if (e.meta.corrects)
    for (const auto& other : all)
      if (other.meta.id == *e.meta.corrects)
        out += "  ·  " + format_text(Str::cp_ui_correction_of, other.meta.recorded_on.german());
  return out;
}

template <class T>
bool is_current(const std::vector<T>& all, const T& e) {
  for (const auto& other : all)
    if (other.meta.corrects && *other.meta.corrects == e.meta.id) return false;
  return true;
}

// One entry: its text (muted once superseded) and, for the current version,
// "Korrigieren". True when "Korrigieren" was tapped.
bool entry_line(const std::string& id, const std::string& line, bool current) {
  ImGui::PushID(id.c_str());
  bool correct = false;
  if (current) {
    correct = button((id + ".correct").c_str(), BB_ICON_PENCIL, false, touch_target_height());
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
  } else {
    ImGui::PushStyleColor(ImGuiCol_Text, palette().muted_text);
  }
  ImGui::TextWrapped("%s", line.c_str());
  if (!current) ImGui::PopStyleColor();
  widget_registry().tag_personal(id.c_str(), line);
  ImGui::PopID();
  return correct;
}

std::string informed_text(const rules::FamilyInformed& f) {
  switch (f.state) {
    case rules::FamilyInformed::State::informiert:
      return format_text(Str::cp_ui_informed_on, f.on ? f.on->german() : std::string());
    case rules::FamilyInformed::State::nicht_informiert:
      return format_text(Str::cp_ui_not_informed_because, f.reason_not);
    case rules::FamilyInformed::State::offen:
      break;
  }
  return tr(Str::cp_ui_informed_open);
}

void draw_checklist(ScreenContext& ctx, CaseUi& ui, ProtectionUi& p) {
  begin_card("cp.checklist.card");
  ImGui::TextColored(palette().accent, BB_ICON_LIST "  %s", tr(Str::cp_ui_checklist));
  if (p.checklist.empty()) muted_text(tr(Str::cp_ui_checklist_none));
  for (size_t i = 0; i < p.checklist.size(); ++i) {
    const auto& line = p.checklist[i];
    const std::string id = indexed("cp.step.", i);
    std::string text = line.step.text(language());
    if (!line.step.required) text += "  " + std::string(tr(Str::cp_ui_step_optional));
    ImGui::PushID(id.c_str());
    // Wrapped: the steps are the network's own words, some of them long.
    ImGui::PushStyleColor(ImGuiCol_Text,
                          line.done ? palette().ok_text : ImGui::GetStyleColorVec4(ImGuiCol_Text));
    ImGui::TextWrapped("%s  %s", line.done ? BB_ICON_CHECK_SQUARE : BB_ICON_SQUARE, text.c_str());
    ImGui::PopStyleColor();
    widget_registry().tag_last_item(id.c_str(), text.c_str());
    if (line.done) {
      std::string done = format_text(Str::cp_ui_step_done_on, line.done->on.german());
      if (!line.done->by.empty()) done += " (" + line.done->by + ")";
      muted_text(done.c_str());
      widget_registry().tag_personal((id + ".done_on").c_str(), done);
    } else if (button((id + ".done").c_str(), tr(Str::cp_ui_step_mark_done))) {
      rules::StepDone step;
      step.key = line.step.key;
      step.on = today_day();
      step.by = recorder(ui);
      cp_action(
          ctx, ui, Str::cp_ui_action_step,
          [&](store::Store& db) { return status_of(store::record_step(db, ui.family_id, step)); },
          Str::form_saved);
    }
    ImGui::PopID();
  }
  if (!p.checklist.empty()) {
    const bool complete = rules::checklist_complete(p.checklist);
    muted_text(tr(complete ? Str::cp_ui_checklist_complete : Str::cp_ui_checklist_open));
    widget_registry().tag_last_item("cp.checklist.state",
                                    tr(complete ? Str::cp_ui_checklist_complete : Str::cp_ui_checklist_open));
  }
  end_card();
}

void draw_actions(ScreenContext& ctx, CaseUi& ui, ProtectionUi& p) {
  FlowRow row;
  const std::string anhalt =
      std::string(BB_ICON_FLAG "  ") + tr(p.jurisdiction == rules::Jurisdiction::oesterreich
                                              ? Str::cp_ui_add_wahrnehmung
                                              : Str::cp_ui_add_anhaltspunkt);
  row.next(anhalt.c_str());
  if (button("cp.add_anhaltspunkt", anhalt.c_str(), true)) {
    p.anhaltspunkt = rules::Anhaltspunkt{};
    p.anhaltspunkt.observed_on = today_day();
    go_to(ui, CaseView::cp_anhaltspunkt_form);
    return;
  }
  const std::string support = std::string(BB_ICON_HEART "  ") + tr(Str::cp_ui_add_support);
  row.next(support.c_str());
  if (button("cp.add_support", support.c_str())) {
    p.support = rules::SupportOffer{};
    p.support.offered_on = today_day();
    go_to(ui, CaseView::cp_support_form);
    return;
  }
  const std::string consult = std::string(BB_ICON_COMMENT "  ") + tr(Str::cp_ui_consultation);
  row.next(consult.c_str());
  if (button("cp.consultation", consult.c_str())) {
    p.consultation = rules::Consultation{};
    p.consultation.on = today_day();
    p.summary.reset();
    p.fachkraefte.reset();
    go_to(ui, CaseView::cp_consultation_form);
    return;
  }
  const std::string mitteilung = std::string(BB_ICON_SHIELD "  ") + tr(Str::cp_ui_mitteilung);
  row.next(mitteilung.c_str());
  if (button("cp.mitteilung", mitteilung.c_str())) {
    p.mitteilung = rules::Mitteilung{};
    p.mitteilung.on = today_day();
    p.mitteilung.recipient.kind = rules::RecipientKind::kjh;
    p.mitteilung.content = {rules::DataCategory::stammdaten, rules::DataCategory::kinderschutz};
    // The norm follows from jurisdiction and profession. In Deutschland
    // without a recorded profession the app cannot tell: the form asks.
    auto norm = store::mitteilung_norm_for(*ctx.session->reader(), ui.family_id);
    p.norm_unknown = !(norm.ok() && *norm);
    p.mitteilung.norm = !p.norm_unknown                                      ? **norm
                        : p.jurisdiction == rules::Jurisdiction::oesterreich ? rules::LegalNorm::at_b_kjhg_37
                                                                             : rules::LegalNorm::de_kkg_4_3;
    p.kjh_offices.clear();
    go_to(ui, CaseView::cp_mitteilung_form);
    return;
  }
  const std::string fachkraefte =
      std::string(BB_ICON_ADDRESS_BOOK "  ") + tr(Str::child_protection_fachkraefte);
  row.next(fachkraefte.c_str());
  if (button("cp.fachkraefte", fachkraefte.c_str())) {
    NetworkUi& network = network_ui(ctx.forms);
    network.fachkraefte_stale = true;
    network.show(NetworkView::fachkraefte);
    ctx.navigate_to = ScreenId::network;
  }
}

// One kind of entry: its heading and every version. `line` says an entry in
// words; `correct` gets a new entry that corrects the one tapped. True when
// the view was left.
template <class T, class Line, class Correct>
bool entry_section(Str title, const char* title_id, const char* prefix, const std::vector<T>& all, Line line,
                   Correct correct) {
  ImGui::Spacing();
  heading(tr(title), title_id);
  if (all.empty()) muted_text(tr(Str::ausk_none));
  for (size_t i = 0; i < all.size(); ++i) {
    const T& e = all[i];
    if (entry_line(indexed(prefix, i), line(e) + version_note(all, e), is_current(all, e))) {
      T next = e;
      next.meta = rules::EntryMeta{0, e.meta.id, {}, {}};
      correct(next);
      return true;
    }
  }
  return false;
}

void draw_entries(ScreenContext& ctx, CaseUi& ui, ProtectionUi& p) {
  const auto& f = *p.file;
  const bool at = p.jurisdiction == rules::Jurisdiction::oesterreich;
  const auto anhaltspunkt = [&](const rules::Anhaltspunkt& a) {
    std::string line = a.observed_on.german() + ":  " + a.what;
    if (!a.observed_by.empty()) line += "  ·  " + format_text(Str::cp_ui_observed_by_line, a.observed_by);
    const std::string child = child_name(ui, a.child);
    if (!child.empty()) line += "  ·  " + child;
    return line;
  };
  if (entry_section(at ? Str::cp_ui_wahrnehmungen : Str::cp_ui_anhaltspunkte, "cp.anhaltspunkte.title",
                    "cp.anhaltspunkt.", f.anhaltspunkte, anhaltspunkt, [&](const rules::Anhaltspunkt& next) {
                      p.anhaltspunkt = next;
                      go_to(ui, CaseView::cp_anhaltspunkt_form);
                    }))
    return;
  const auto support = [](const rules::SupportOffer& s) {
    std::string line = s.offered_on.german() + ":  " + s.what + "  ·  " + tr(rules::label(s.outcome));
    if (!s.note.empty()) line += "  ·  " + s.note;
    return line;
  };
  if (entry_section(Str::cp_ui_support, "cp.support.title", "cp.support.", f.support, support,
                    [&](const rules::SupportOffer& next) {
                      p.support = next;
                      go_to(ui, CaseView::cp_support_form);
                    }))
    return;
  const auto consultation = [](const rules::Consultation& c) {
    std::string line = c.on.german() + ":  " + c.fachkraft + "  ·  " + tr(rules::label(c.form)) + "  ·  " +
                       tr(rules::label(c.basis));
    if (!c.result.empty()) line += "  ·  " + c.result;
    return line;
  };
  if (entry_section(Str::cp_ui_consultations, "cp.consultations.title", "cp.consultation.", f.consultations,
                    consultation, [&](const rules::Consultation& next) {
                      p.consultation = next;
                      p.summary.reset();
                      go_to(ui, CaseView::cp_consultation_form);
                    }))
    return;

  ImGui::Spacing();
  heading(tr(Str::cp_ui_mitteilungen), "cp.mitteilungen.title");
  if (f.mitteilungen.empty()) muted_text(tr(Str::ausk_none));
  for (size_t i = 0; i < f.mitteilungen.size(); ++i) {
    const auto& m = f.mitteilungen[i];
    const bool current = is_current(f.mitteilungen, m);
    std::string line = m.on.german() + ":  " + format_text(Str::cp_ui_to, m.recipient.name) + "  ·  " +
                       tr(rules::label(m.norm)) + "  ·  " + tr(rules::label(m.channel)) + "  ·  " +
                       informed_text(m.informed);
    line += version_note(f.mitteilungen, m);
    const std::string id = indexed("cp.mitteilung.", i);
    ImGui::PushID(id.c_str());
    ImGui::PushStyleColor(ImGuiCol_Text,
                          current ? ImGui::GetStyleColorVec4(ImGuiCol_Text) : palette().muted_text);
    ImGui::TextWrapped("%s", line.c_str());
    ImGui::PopStyleColor();
    widget_registry().tag_personal(id.c_str(), line);
    if (current && button((id + ".informed").c_str(), tr(Str::cp_ui_record_informed))) {
      p.informed_of = m.meta.id;
      p.informed = m.informed;
      go_to(ui, CaseView::cp_informed_form);
      ImGui::PopID();
      return;
    }
    if (current) {
      ImGui::SameLine();
      // Passing it on goes through the decision point and the protocol; as an
      // encrypted file, through the handover screen (the file is made there).
      if (m.channel == rules::Channel::verschluesselte_datei) {
        if (button((id + ".handover").c_str(), tr(Str::handover_ui_mitteilung_send))) {
          open_mitteilung_handover(ui, m);
          ImGui::PopID();
          return;
        }
      } else if (button((id + ".send").c_str(), tr(Str::cp_ui_send))) {
        const int64_t mid = m.meta.id;
        const rules::Channel channel = m.channel;
        cp_action(
            ctx, ui, Str::cp_ui_action_send,
            [&](store::Store& db) {
              return status_of(store::send_mitteilung(db, mid, channel, recorder(ui)));
            },
            Str::cp_ui_sent);
        ImGui::PopID();
        return;
      }
    }
    ImGui::PopID();
  }
}

}  // namespace

ProtectionUi& protection_ui(CaseUi& ui) {
  if (!ui.protection) ui.protection = std::make_shared<ProtectionUi>();
  return *ui.protection;
}

void open_child_protection(CaseUi& ui) {
  protection_ui(ui).stale = true;
  ui.notice.clear();  // an outcome of another screen would read as one of this view
  go_to(ui, CaseView::cp);
}

std::string recorder(const CaseUi& ui) { return ui.overview ? ui.overview->family.companion : std::string(); }

void cp_form_header(CaseUi& ui, Str title, const char* test_id) {
  const std::string back = std::string(BB_ICON_CHEVRON_LEFT "  ") + tr(Str::form_cancel);
  if (button((std::string(test_id) + ".cancel").c_str(), back.c_str())) go_to(ui, CaseView::cp);
  heading(tr(title), test_id);
  if (!ui.errors.general.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette().warning_text);
    ImGui::TextWrapped(BB_ICON_WARNING "  %s", ui.errors.general.c_str());
    ImGui::PopStyleColor();
    widget_registry().tag_last_item("form.error", ui.errors.general.c_str());
  }
}

void view_header(CaseUi& ui, Str title, const char* test_id, CaseView to) {
  const std::string back = std::string(BB_ICON_CHEVRON_LEFT "  ") + tr(Str::cp_ui_back);
  if (button((std::string(test_id) + ".back").c_str(), back.c_str())) go_to(ui, to);
  heading(tr(title), test_id);
  if (ui.overview) {
    muted_text(ui.overview->header.c_str());
    widget_registry().tag_personal((std::string(test_id) + ".family").c_str(), ui.overview->header);
  }
}

bool cp_action(ScreenContext& ctx, CaseUi& ui, Str what, const std::function<Status(store::Store&)>& action,
               Str notice) {
  ui.errors.clear();
  const Status st = ctx.session->act_on_store(what, action);
  if (!st.ok()) {
    ui.errors.set(st.error());
    if (ui.errors.general.empty()) ui.errors.general = st.error().text();
    return false;
  }
  ui.notice = tr(notice);
  ui.dirty = false;
  ProtectionUi& p = protection_ui(ui);
  p.stale = true;
  p.log.reset();
  p.auskunft.reset();
  go_to(ui, CaseView::cp);
  return true;
}

void draw_cp_view(ScreenContext& ctx, CaseUi& ui) {
  ProtectionUi& p = protection_ui(ui);
  view_header(ui, Str::child_protection_title, "cp", CaseView::overview);
  if (ui.view != CaseView::cp) return;
  reload(ctx, ui, p);
  if (!ui.notice.empty()) {
    ImGui::TextColored(palette().ok_text, BB_ICON_CHECK "  %s", ui.notice.c_str());
    widget_registry().tag_last_item("cp.notice", ui.notice.c_str());
  }
  if (!ui.errors.general.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette().warning_text);
    ImGui::TextWrapped(BB_ICON_WARNING "  %s", ui.errors.general.c_str());
    ImGui::PopStyleColor();
    widget_registry().tag_last_item("cp.error", ui.errors.general.c_str());
  }
  if (!p.file) return;
  if (!p.jurisdiction) {
    begin_card("cp.no_jurisdiction.card");
    ImGui::PushStyleColor(ImGuiCol_Text, palette().warning_text);
    ImGui::TextWrapped(BB_ICON_WARNING "  %s", tr(Str::cp_err_jurisdiction));
    ImGui::PopStyleColor();
    widget_registry().tag_last_item("cp.no_jurisdiction", tr(Str::cp_err_jurisdiction));
    if (button("cp.to_settings", tr(Str::cp_ui_to_settings))) ctx.navigate_to = ScreenId::settings;
    end_card();
  } else {
    muted_text(format_text(Str::cp_ui_jurisdiction, tr(rules::label(*p.jurisdiction))).c_str());
    widget_registry().tag_last_item("cp.jurisdiction", tr(rules::label(*p.jurisdiction)));
  }
  draw_actions(ctx, ui, p);
  if (ui.view != CaseView::cp) return;
  ImGui::Spacing();
  draw_checklist(ctx, ui, p);
  if (ui.view != CaseView::cp || p.stale) return;
  muted_text(tr(Str::cp_ui_append_only));
  draw_entries(ctx, ui, p);
}

void draw_protection_view(ScreenContext& ctx, CaseUi& ui) {
  switch (ui.view) {
    case CaseView::cp:
      draw_cp_view(ctx, ui);
      break;
    case CaseView::cp_anhaltspunkt_form:
      draw_anhaltspunkt_form(ctx, ui);
      break;
    case CaseView::cp_support_form:
      draw_support_form(ctx, ui);
      break;
    case CaseView::cp_consultation_form:
      draw_consultation_form(ctx, ui);
      break;
    case CaseView::cp_mitteilung_form:
      draw_mitteilung_form(ctx, ui);
      break;
    case CaseView::cp_informed_form:
      draw_informed_form(ctx, ui);
      break;
    case CaseView::disclosure_log:
      draw_disclosure_log(ctx, ui);
      break;
    case CaseView::auskunft:
      draw_auskunft(ctx, ui);
      break;
    default:
      break;
  }
}

}  // namespace bb::ui
