// The form for a new Einwilligung — who, for what, to whom (a kind of
// recipient or one Netzwerkpartner from the directory), which data, when, in
// which form, until when — printable for signature before it is saved; and
// the form recording that the family was informed about content and purpose
// of a cooperation (seed 003 §6). The store validates; its German messages
// are shown at the fields.
#include <string>

#include "core/disclosure.h"
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

// The parents and caregivers of the family, who may consent.
bool may_consent(const cases::Person& p) {
  return p.role == cases::PersonRole::parent || p.role == cases::PersonRole::caregiver;
}

bool person_choices(const char* prefix, const CaseUi& ui, int64_t& person, bool only_consenting) {
  if (!ui.overview) return false;
  bool changed = false;
  FlowRow row;
  for (size_t i = 0; i < ui.overview->persons.size(); ++i) {
    const auto& p = ui.overview->persons[i];
    if (only_consenting && !may_consent(p)) continue;
    const std::string name = person_name(ui, p.id);
    const std::string id = prefix + std::to_string(i);
    row.next(name.c_str());
    if (choice(id.c_str(), name.c_str(), person == p.id)) {
      person = person == p.id && !only_consenting ? 0 : p.id;
      changed = true;
    }
    widget_registry().tag_personal(id.c_str(), name);
  }
  return changed;
}

bool recipient_kind_choices(const char* prefix, rules::RecipientKind& kind, rules::Purpose purpose,
                            bool filter) {
  bool changed = false;
  FlowRow row;
  for (int i = 0; i < rules::kRecipientKindCount; ++i) {
    const auto k = static_cast<rules::RecipientKind>(i);
    if (filter && !rules::purpose_fits_recipient(purpose, k)) continue;
    const char* text = tr(rules::label(k));
    row.next(text);
    if (choice((std::string(prefix) + rules::code(k)).c_str(), text, kind == k)) {
      changed = kind != k;
      kind = k;
    }
  }
  return changed;
}

// A Netzwerkpartner (or the KJH office) from the directory, or any of the kind.
bool draw_partner_choice(const store::Store& db, ConsentUi& c) {
  rules::Recipient& r = c.form.recipient;
  if (r.partner) {
    const std::string chosen = format_text(Str::consent_ui_partner_chosen, r.name);
    ImGui::TextWrapped(BB_ICON_HANDSHAKE "  %s", chosen.c_str());
    widget_registry().tag_last_item("consent.partner.chosen", chosen.c_str());
    if (!button("consent.partner.change", tr(Str::consent_ui_partner_change))) return false;
    r.partner.reset();
    r.name.clear();
    return true;
  }
  muted_text(tr(Str::consent_ui_partner));
  c.partners_stale |=
      text_field("consent.partner.search", tr(Str::consent_ui_partner_search), c.partner_search);
  if (c.partners_stale) {
    c.partners_stale = false;
    c.partners.clear();
    if (!c.partner_search.empty()) {
      store::PartnerQuery q;
      q.text = c.partner_search;
      q.limit = 6;
      if (auto page = store::list_partners(db, q); page.ok()) c.partners = std::move(page->rows);
    }
  }
  for (size_t i = 0; i < c.partners.size(); ++i) {
    const auto& p = c.partners[i];
    const std::string id = "consent.partner." + std::to_string(i);
    const std::string detail = p.type + (p.town.empty() ? "" : "  ·  " + p.town);
    if (nav_card(id.c_str(), BB_ICON_HANDSHAKE, p.name.c_str(), detail.c_str())) {
      r.partner = p.id;
      r.name = p.name;
      return true;
    }
  }
  return text_field("consent.recipient_name", tr(Str::consent_ui_recipient_name), r.name);
}

bool draw_categories(rules::Categories& categories) {
  bool changed = false;
  for (int i = 0; i < rules::kCategoryCount; ++i) {
    const auto category = static_cast<rules::DataCategory>(i);
    bool on = categories.contains(category);
    if (check_field((std::string("consent.category.") + rules::code(category)).c_str(),
                    tr(rules::label(category)), on)) {
      if (on)
        categories.add(category);
      else
        categories.remove(category);
      changed = true;
    }
  }
  return changed;
}

}  // namespace

void draw_consent_form(ScreenContext& ctx, CaseUi& ui) {
  const store::Store* db = ctx.session->reader();
  if (!ui.overview || !db) {
    go_to(ui, CaseView::overview);
    return;
  }
  ConsentUi& c = consent_ui(ui);
  rules::Consent& f = c.form;
  bool& d = ui.dirty;
  form_header(ui, tr(Str::consent_ui_form_title), "consent.title", CaseView::consents);

  begin_card("consent.person.card");
  ImGui::TextUnformatted(tr(Str::consent_ui_person));
  bool any = false;
  for (const auto& p : ui.overview->persons) any |= may_consent(p);
  if (!any) ImGui::TextColored(palette().warning_text, "%s", tr(Str::consent_ui_no_person));
  d |= person_choices("consent.person.", ui, f.person, true);
  field_error(ui.errors, "person", "consent.person.error");
  end_card();

  begin_card("consent.purpose.card");
  ImGui::TextUnformatted(tr(Str::consent_ui_purpose));
  FlowRow purposes;
  for (int i = 0; i < rules::kPurposeCount; ++i) {
    const auto p = static_cast<rules::Purpose>(i);
    const char* text = tr(rules::label(p));
    purposes.next(text);
    if (choice((std::string("consent.purpose.") + rules::code(p)).c_str(), text, f.purpose == p)) {
      f.purpose = p;
      // Keep the recipient only if it fits the new purpose.
      if (!rules::purpose_fits_recipient(p, f.recipient.kind))
        for (int k = 0; k < rules::kRecipientKindCount; ++k)
          if (rules::purpose_fits_recipient(p, static_cast<rules::RecipientKind>(k))) {
            f.recipient = {static_cast<rules::RecipientKind>(k), std::nullopt, {}};
            break;
          }
      d = true;
    }
  }
  if (f.purpose != rules::Purpose::dokumentation) {
    ImGui::Spacing();
    ImGui::TextUnformatted(tr(Str::consent_ui_recipient));
    if (recipient_kind_choices("consent.recipient.", f.recipient.kind, f.purpose, true)) {
      f.recipient.partner.reset();
      f.recipient.name.clear();
      d = true;
    }
    if (f.recipient.kind == rules::RecipientKind::netzwerkpartner ||
        f.recipient.kind == rules::RecipientKind::kjh)
      d |= draw_partner_choice(*db, c);
    else
      d |= text_field("consent.recipient_name", tr(Str::consent_ui_recipient_name), f.recipient.name);
    field_error(ui.errors, "recipient", "consent.recipient.error");
  }
  end_card();

  begin_card("consent.categories.card");
  ImGui::TextUnformatted(tr(Str::consent_ui_categories));
  d |= draw_categories(f.categories);
  end_card();

  begin_card("consent.when.card");
  d |= day_field("consent.given_on", tr(Str::consent_ui_given_on), f.given_on);
  field_error(ui.errors, "given_on", "consent.given_on.error");
  ImGui::TextUnformatted(tr(Str::consent_ui_form));
  FlowRow forms;
  for (auto form : {rules::ConsentForm::schriftlich, rules::ConsentForm::muendlich}) {
    const char* text = tr(rules::label(form));
    forms.next(text);
    const std::string id = std::string("consent.form.") +
                           (form == rules::ConsentForm::schriftlich ? "schriftlich" : "muendlich");
    if (choice(id.c_str(), text, f.form == form)) {
      f.form = form;
      d = true;
    }
  }
  if (f.form == rules::ConsentForm::muendlich)
    d |= text_field("consent.witness", tr(Str::consent_ui_witness_field), f.witness);
  d |= day_field("consent.valid_until", tr(Str::consent_ui_valid_until), f.valid_until);
  d |= text_area("consent.note", tr(Str::family_note), f.note, 2);
  end_card();

  ImGui::Spacing();
  if (button("consent.save", tr(Str::consent_ui_save), true)) {
    const rules::Consent input = f;
    if (run_action(
            ctx, ui, Str::action_consent,
            [&](store::Store& s) { return status_of(store::record_consent(s, input)); },
            Str::consent_ui_saved, CaseView::consents))
      c.stale = true;
    return;
  }
  ImGui::SameLine();
  // Printed before saving: the family signs the form, then the companion saves.
  if (button("consent.print", (std::string(BB_ICON_BOOK "  ") + tr(Str::consent_ui_print)).c_str()))
    platform::print_html(
        exchange::consent_document(f, ui.overview->header, person_name(ui, f.person), language())
            .html(language()));
}

void draw_information_form(ScreenContext& ctx, CaseUi& ui) {
  if (!ui.overview || !ctx.session->reader()) {
    go_to(ui, CaseView::overview);
    return;
  }
  ConsentUi& c = consent_ui(ui);
  store::InformationRecord& r = c.info;
  bool& d = ui.dirty;
  form_header(ui, tr(Str::consent_ui_info_form_title), "informed.title", CaseView::consents);
  begin_card("informed.card");
  d |= day_field("informed.on", tr(Str::consent_ui_info_on), r.informed_on);
  field_error(ui.errors, "informed_on", "informed.on.error");
  ImGui::TextUnformatted(tr(Str::consent_ui_info_person));
  int64_t person = r.person.value_or(0);
  if (person_choices("informed.person.", ui, person, false)) {
    r.person = person ? std::optional<int64_t>(person) : std::nullopt;
    d = true;
  }
  ImGui::TextUnformatted(tr(Str::consent_ui_info_recipient));
  d |= recipient_kind_choices("informed.recipient.", r.cooperation_with.kind, rules::Purpose::austausch,
                              false);
  d |= text_field("informed.recipient_name", tr(Str::consent_ui_recipient_name), r.cooperation_with.name);
  d |= text_field("informed.purpose", tr(Str::consent_ui_info_purpose), r.purpose);
  d |= text_area("informed.content", tr(Str::consent_ui_info_content), r.content, 3);
  field_error(ui.errors, "content", "informed.content.error");
  d |= text_field("informed.how", tr(Str::consent_ui_info_how), r.how);
  end_card();
  ImGui::Spacing();
  if (button("informed.save", tr(Str::consent_ui_info_save), true)) {
    const store::InformationRecord input = r;
    if (run_action(
            ctx, ui, Str::action_information,
            [&](store::Store& s) { return status_of(store::record_information(s, input)); }, Str::form_saved,
            CaseView::consents))
      c.stale = true;
  }
}

}  // namespace bb::ui
