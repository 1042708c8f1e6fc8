// The editor of the fallbezogene Kooperationsvereinbarung (seed 000 ch. 4;
// issue 7, item 4): every item of the seed, what the core reports as
// blocking or as a warning (live), the versions (an agreed version is frozen;
// changes make a new one that needs the three agreements again), the
// coordination reminder, and the print view with signature lines.
#include <cstdlib>
#include <string>
#include <vector>

#include "core/i18n.h"
#include "exchange/agreement_print.h"
#include "imgui.h"
#include "platform/print.h"
#include "store/cooperation_agreements.h"
#include "ui/icons.h"
#include "ui/screens/kjh_ui.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace bb::ui {
namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
    if (!line.empty()) out.push_back(line);
    start = end + 1;
  }
  return out;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += (out.empty() ? "" : "\n") + l;
  return out;
}

void to_text(const rules::CooperationAgreement& a, AgreementText& t) {
  t.goals_familie = joined(a.goals_familie);
  t.goals_kjh = joined(a.goals_kjh);
  t.goals_fh = joined(a.goals_fh);
  t.anlassfaelle = joined(a.anlassfaelle);
  t.interval_days = a.coordination_interval_days ? std::to_string(*a.coordination_interval_days) : "";
}

void from_text(const AgreementText& t, rules::CooperationAgreement& a) {
  a.goals_familie = lines_of(t.goals_familie);
  a.goals_kjh = lines_of(t.goals_kjh);
  a.goals_fh = lines_of(t.goals_fh);
  a.anlassfaelle = lines_of(t.anlassfaelle);
  const int days = std::atoi(t.interval_days.c_str());
  if (days > 0)
    a.coordination_interval_days = days;
  else
    a.coordination_interval_days.reset();
}

void show(KjhUi& k, const rules::CooperationAgreement& a, bool editable) {
  k.agreement = a;
  k.agreement_editable = editable;
  to_text(a, k.agreement_text);
}

// Loads the versions; shows the latest (editable if it is a draft) or
// starts version 1 with what is known already.
void load(ScreenContext& ctx, CaseUi& ui, KjhUi& k) {
  if (k.agreement_loaded) return;
  k.agreement_loaded = true;
  const store::Store& db = *ctx.session->reader();
  auto versions = store::load_cooperation_agreements(db, ui.family_id);
  k.versions = versions.ok() ? *versions : std::vector<rules::CooperationAgreement>{};
  if (!k.versions.empty()) {
    const auto& latest = k.versions.back();
    show(k, latest, !rules::in_force_since(latest));
    return;
  }
  rules::CooperationAgreement a;
  a.drafted_on = today_day();
  auto status = store::kjh_status(db, ui.family_id);
  if (status.ok() && !status->assessment.fallfuehrung.empty())
    a.fallfuehrung_name = status->assessment.fallfuehrung.front();
  if (ui.overview) a.companion_core_profession = ui.overview->companion_profession;
  show(k, a, true);
}

void draw_versions(KjhUi& k) {
  if (k.versions.empty()) return;
  ImGui::TextUnformatted(tr(Str::coop_versions));
  FlowRow row;
  for (size_t i = 0; i < k.versions.size(); ++i) {
    const auto& v = k.versions[i];
    std::string text = format_text(Str::coop_version_of, std::to_string(v.version));
    if (auto since = rules::in_force_since(v))
      text += " · " + format_text(Str::coop_agreed_on, since->german());
    row.next(text.c_str());
    const std::string id = "coop.version." + std::to_string(i);
    if (choice(id.c_str(), text.c_str(), k.agreement.version == v.version && k.agreement.id == v.id))
      show(k, v, i + 1 == k.versions.size() && !rules::in_force_since(v));
  }
}

bool draw_fields(CaseUi& ui, KjhUi& k) {
  rules::CooperationAgreement& a = k.agreement;
  AgreementText& t = k.agreement_text;
  bool d = false;
  begin_card("coop.role.card");
  ImGui::TextUnformatted(tr(Str::coop_section_role));
  d |= check_field("coop.fh_voluntary", tr(Str::coop_fh_voluntary), a.fh_voluntary_outside_plan);
  d |= check_field("coop.family_client", tr(Str::coop_family_client), a.family_is_client);
  d |= text_area("coop.fh_role", tr(Str::coop_fh_role), a.fh_role, 2);
  d |= text_area("coop.kjh_role", tr(Str::coop_kjh_role), a.kjh_role, 2);
  end_card();

  begin_card("coop.lead.card");
  ImGui::TextUnformatted(tr(Str::coop_section_lead));
  const std::string lead =
      std::string(BB_ICON_LOCK "  ") + tr(Str::coop_lead) + ": " + tr(Str::rules_party_kjh);
  ImGui::TextUnformatted(lead.c_str());
  widget_registry().tag_last_item("coop.lead", lead.c_str());
  muted_text(tr(Str::rules_coop_fallfuehrung_kjh));
  d |= text_field("coop.lead_name", tr(Str::kjh_fallfuehrung_name), a.fallfuehrung_name);
  end_card();

  begin_card("coop.goals.card");
  ImGui::TextUnformatted(tr(Str::coop_section_goals));
  muted_text(tr(Str::coop_one_per_line));
  d |= text_area("coop.goals_familie", tr(Str::coop_goals_familie), t.goals_familie, 2);
  d |= text_area("coop.goals_kjh", tr(Str::coop_goals_kjh), t.goals_kjh, 2);
  d |= text_area("coop.goals_fh", tr(Str::coop_goals_fh), t.goals_fh, 2);
  ImGui::TextUnformatted(tr(Str::coop_responsibilities));
  for (size_t i = 0; i < a.responsibilities.size(); ++i) {
    auto& r = a.responsibilities[i];
    const std::string id = "coop.resp." + std::to_string(i);
    ImGui::PushID(id.c_str());
    d |= text_field((id + ".topic").c_str(), tr(Str::coop_topic), r.topic);
    FlowRow row;
    for (auto who : {rules::Responsible::familie, rules::Responsible::fruehe_hilfen, rules::Responsible::kjh,
                     rules::Responsible::andere}) {
      const char* text = tr(rules::label(who));
      row.next(text);
      const std::string cid = id + ".who." + std::to_string(static_cast<int>(who));
      if (choice(cid.c_str(), text, r.who == who)) {
        d |= r.who != who;
        r.who = who;
      }
    }
    d |= text_field((id + ".person").c_str(), tr(Str::responsibility_who), r.person);
    const bool remove = button((id + ".remove").c_str(), BB_ICON_TRASH);
    ImGui::PopID();
    if (remove) {
      a.responsibilities.erase(a.responsibilities.begin() + static_cast<long>(i));
      d = true;
      break;
    }
  }
  if (button("coop.resp.add", (std::string(BB_ICON_PLUS "  ") + tr(Str::coop_add_responsibility)).c_str())) {
    a.responsibilities.push_back({});
    d = true;
  }
  end_card();

  begin_card("coop.competences.card");
  ImGui::TextUnformatted(tr(Str::coop_section_competences));
  d |= text_field("coop.core_profession", tr(Str::coop_core_profession), a.companion_core_profession);
  d |= text_area("coop.competences_fh", tr(Str::coop_competences_fh), a.competences_fh, 2);
  d |= text_area("coop.competences_kjh", tr(Str::coop_competences_kjh), a.competences_kjh, 2);
  end_card();

  begin_card("coop.communication.card");
  ImGui::TextUnformatted(tr(Str::coop_section_communication));
  d |= check_field("coop.exchange_consent", tr(Str::coop_exchange_consent), a.exchange_only_with_consent);
  d |= check_field("coop.no_reporting_duty", tr(Str::coop_no_reporting_duty), a.no_reporting_duty_stated);
  d |= text_area("coop.communication", tr(Str::coop_communication), a.communication, 2);
  end_card();

  begin_card("coop.coordination.card");
  ImGui::TextUnformatted(tr(Str::coop_section_coordination));
  d |= text_field("coop.interval", tr(Str::coop_interval), t.interval_days, false,
                  tr(Str::coop_interval_hint));
  d |= text_area("coop.anlassfaelle", tr(Str::coop_anlassfaelle), t.anlassfaelle, 2);
  end_card();

  begin_card("coop.agreements.card");
  ImGui::TextUnformatted(tr(Str::coop_section_agreement));
  d |= day_field("coop.drafted_on", tr(Str::coop_drafted), a.drafted_on);
  d |= agreement_fields("coop.familie", Str::rules_party_familie, a.familie);
  d |= agreement_fields("coop.fruehe_hilfen", Str::rules_party_fruehe_hilfen, a.fruehe_hilfen);
  d |= agreement_fields("coop.kjh", Str::rules_party_kjh, a.kjh);
  end_card();
  if (d) ui.dirty = true;
  return d;
}

// A version agreed by all three (or an older one): its content, read only.
void draw_frozen(const rules::CooperationAgreement& a) {
  begin_card("coop.frozen.card");
  if (auto since = rules::in_force_since(a)) {
    const std::string line = format_text(Str::coop_agreed_on, since->german());
    ImGui::TextColored(palette().ok_text, BB_ICON_CHECK "  %s", line.c_str());
    widget_registry().tag_last_item("coop.in_force", line.c_str());
  }
  muted_text(tr(Str::coop_err_frozen));
  auto row = [](const char* id, Str label, const std::string& value) {
    const std::string line = std::string(tr(label)) + ": " + value;
    ImGui::TextWrapped("%s", line.c_str());
    widget_registry().tag_personal(id, line);
  };
  row("coop.show.lead", Str::coop_lead,
      std::string(tr(Str::rules_party_kjh)) +
          (a.fallfuehrung_name.empty() ? "" : " (" + a.fallfuehrung_name + ")"));
  row("coop.show.fh_role", Str::coop_fh_role, a.fh_role);
  row("coop.show.goals_familie", Str::coop_goals_familie, joined(a.goals_familie));
  row("coop.show.communication", Str::coop_communication, a.communication);
  end_card();
}

void draw_coordination(ScreenContext& ctx, CaseUi& ui, KjhUi& k) {
  const rules::CooperationAgreement& a = k.agreement;
  auto due = rules::next_coordination_due(a);
  if (!due || !rules::in_force_since(a)) return;
  begin_card("coop.coordination_due.card");
  const bool is_due = rules::coordination_due(a, today_day());
  const std::string line =
      format_text(is_due ? Str::coop_coordination_due : Str::coop_coordination_next, due->german());
  ImGui::TextColored(is_due ? palette().warning_text : palette().muted_text, BB_ICON_CLOCK "  %s",
                     line.c_str());
  widget_registry().tag_personal("coop.coordination", line);
  const int64_t id = a.id;
  if (button("coop.coordinated", tr(Str::coop_record_coordination)))
    run_action(
        ctx, ui, Str::action_cooperation_agreement,
        [&](store::Store& db) { return store::record_coordination(db, id, today_day()); },
        Str::coop_coordination_recorded, CaseView::cooperation_agreement);
  end_card();
}

}  // namespace

void draw_cooperation_agreement(ScreenContext& ctx, CaseUi& ui) {
  KjhUi& k = kjh_ui(ui);
  load(ctx, ui, k);
  form_header(ui, tr(Str::coop_title), "coop.title");
  if (ui.overview) {
    muted_text(ui.overview->header.c_str());
    widget_registry().tag_personal("coop.family", ui.overview->header);
  }
  if (!ui.notice.empty() && !ui.dirty) {
    ImGui::TextColored(palette().ok_text, BB_ICON_CHECK "  %s", ui.notice.c_str());
    widget_registry().tag_last_item("coop.notice", ui.notice.c_str());
  }
  draw_versions(k);
  rules::CooperationAgreement& a = k.agreement;
  if (k.agreement_editable) {
    draw_fields(ui, k);
    from_text(k.agreement_text, a);
  } else {
    draw_frozen(a);
  }
  draw_coordination(ctx, ui, k);
  if (ui.view != CaseView::cooperation_agreement) return;

  // What the core reports, blocking first.
  const auto issues = rules::validate_agreement(a, today_day());
  if (!issues.empty()) {
    begin_card("coop.issues.card");
    ImGui::TextUnformatted(tr(rules::blocks(issues) ? Str::coop_blocked : Str::coop_warnings));
    for (size_t i = 0; i < issues.size(); ++i) {
      const bool blocking = issues[i].severity == rules::Severity::blocking;
      const std::string line =
          std::string(blocking ? BB_ICON_WARNING "  " : BB_ICON_INFO "  ") + issues[i].text.str();
      ImGui::TextColored(blocking ? palette().warning_text : palette().muted_text, "%s", line.c_str());
      widget_registry().tag_last_item(("coop.issue." + std::to_string(i)).c_str(),
                                      issues[i].text.str().c_str());
    }
    end_card();
  }

  ImGui::Spacing();
  const int64_t family = ui.family_id;
  if (k.agreement_editable) {
    if (button("coop.save", tr(Str::form_save), true)) {
      const rules::CooperationAgreement in = a;
      run_action(
          ctx, ui, Str::action_cooperation_agreement,
          [&](store::Store& db) { return status_of(store::save_cooperation_agreement(db, family, in)); },
          Str::form_saved, CaseView::cooperation_agreement);
      return;
    }
    ImGui::SameLine();
  } else if (!k.versions.empty() && a.id == k.versions.back().id) {
    if (button("coop.revise", (std::string(BB_ICON_PENCIL "  ") + tr(Str::coop_new_version)).c_str(), true)) {
      rules::CooperationAgreement next = rules::revise(a, today_day());
      next.id = 0;
      show(k, next, true);
      ui.dirty = true;
      return;
    }
    ImGui::SameLine();
  }
  if (button("coop.print", (std::string(BB_ICON_BOOK "  ") + tr(Str::print_action)).c_str())) {
    const std::string family_name = ui.overview ? ui.overview->header : std::string();
    std::string html = exchange::agreement_document(a, family_name, today_day(), language()).html(language());
    platform::print_html(html);
    wipe(html);
  }
}

}  // namespace bb::ui
