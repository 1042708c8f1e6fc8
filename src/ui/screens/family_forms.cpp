// The forms of a family: the family itself (with its persons when it is new),
// one person, and a status change (close with an end reason, reopen). Every
// save is one core action; the core's validation messages appear next to
// their fields and nothing is half-saved.
#include <string>

#include "core/i18n.h"
#include "imgui.h"
#include "ui/icons.h"
#include "ui/screens/case_ui.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace bb::ui {
namespace {

std::string field_id(const std::string& prefix, const char* name) { return prefix + "." + name; }

// The fields of one person; `prefix` "person" or "family.person.N"; `error_prefix`
// "" or "persons.N." (how the core names the field in its errors).
bool person_fields(const std::string& prefix, const std::string& error_prefix, cases::PersonInput& p,
                   const FieldErrors& errors) {
  bool changed = false;
  static const cases::PersonRole kRoles[] = {cases::PersonRole::parent, cases::PersonRole::caregiver,
                                             cases::PersonRole::child, cases::PersonRole::expected_child};
  ImGui::TextUnformatted(tr(Str::person_role));
  for (int i = 0; i < 4; ++i) {
    if (i) ImGui::SameLine();
    const std::string id = field_id(prefix, "role.") + cases::code(kRoles[i]);
    if (choice(id.c_str(), tr(cases::label(kRoles[i])), p.role == kRoles[i])) {
      changed |= p.role != kRoles[i];
      p.role = kRoles[i];
    }
  }
  changed |= text_field(field_id(prefix, "first_name").c_str(), tr(Str::person_first_name), p.first_name);
  field_error(errors, error_prefix + "first_name", field_id(prefix, "first_name.error").c_str());
  changed |= text_field(field_id(prefix, "last_name").c_str(), tr(Str::person_last_name), p.last_name, false,
                        tr(Str::person_last_name_hint));
  if (p.role == cases::PersonRole::expected_child) {
    changed |= date_field(field_id(prefix, "due_date").c_str(), tr(Str::person_due_date), p.due_date);
    field_error(errors, error_prefix + "due_date", field_id(prefix, "due_date.error").c_str());
  } else {
    changed |= date_field(field_id(prefix, "birth_date").c_str(), tr(Str::person_birth_date), p.birth_date);
    field_error(errors, error_prefix + "birth_date", field_id(prefix, "birth_date.error").c_str());
  }
  return changed;
}

void family_fields(CaseUi& ui, const store::Store& store) {
  cases::FamilyInput& f = ui.family;
  const FieldErrors& e = ui.errors;
  bool& d = ui.dirty;
  d |= text_field("family.name", tr(Str::family_name), f.family_name);
  field_error(e, "family_name", "family.name.error");
  d |= date_field("family.request_on", tr(Str::family_request_on), f.request_on, false);
  field_error(e, "request_on", "family.request_on.error");
  d |= select_field("family.access_route", tr(Str::family_access_route), f.access_route,
                    ui.catalog(store, "access_route"), tr(Str::form_not_known));
  field_error(e, "access_route", "family.access_route.error");
  d |= text_field("family.access_note", tr(Str::family_access_note), f.access_note);
  d |= text_field("family.companion", tr(Str::family_companion), f.companion);
  d |= select_field("family.profession", tr(Str::family_profession), f.companion_profession,
                    ui.catalog(store, "profession"), tr(Str::form_not_set));
  d |= text_field("family.languages", tr(Str::family_languages), f.languages, false,
                  tr(Str::family_languages_hint));
  d |= check_field("family.interpreter", tr(Str::family_interpreter), f.interpreter_needed);
  field_error(e, "interpreter_needed", "family.interpreter.error");
  field_error(e, "languages", "family.languages.error");
  d |= text_field("family.address", tr(Str::family_address), f.address);
  d |= text_field("family.phone", tr(Str::family_phone), f.phone);
  field_error(e, "phone", "family.phone.error");
  d |= text_field("family.email", tr(Str::family_email), f.email);
  field_error(e, "email", "family.email.error");
  d |= text_area("family.note", tr(Str::family_note), f.note, 3);
  field_error(e, "note", "family.note.error");
}

}  // namespace

void draw_family_form(ScreenContext& ctx, CaseUi& ui) {
  const store::Store* store = ctx.session->reader();
  const bool is_new = ui.family_id == 0;
  form_header(ui, tr(is_new ? Str::family_new_title : Str::family_edit_title), "family.title");
  begin_card("family.card");
  family_fields(ui, *store);
  end_card();
  if (is_new) {
    ImGui::Spacing();
    ImGui::TextUnformatted(tr(Str::overview_persons));
    for (size_t i = 0; i < ui.persons.size(); ++i) {
      const std::string prefix = "family.person." + std::to_string(i);
      ImGui::PushID(static_cast<int>(i));
      begin_card(prefix.c_str());
      ui.dirty |= person_fields(prefix, "persons." + std::to_string(i) + ".", ui.persons[i], ui.errors);
      if (button((prefix + ".remove").c_str(),
                 (std::string(BB_ICON_TRASH "  ") + tr(Str::person_remove)).c_str())) {
        ui.persons.erase(ui.persons.begin() + static_cast<long>(i));
        ui.dirty = true;
        end_card();
        ImGui::PopID();
        break;
      }
      end_card();
      ImGui::PopID();
    }
    if (button("family.add_person",
               (std::string(BB_ICON_PLUS "  ") + tr(Str::overview_add_person)).c_str())) {
      cases::PersonInput p;
      p.role = ui.persons.empty() ? cases::PersonRole::parent : cases::PersonRole::child;
      ui.persons.push_back(p);
      ui.dirty = true;
    }
  }
  ImGui::Spacing();
  if (!button("family.save", tr(Str::form_save), true)) return;

  // The core's rules, all at once, next to their fields.
  const std::string today = cases::today();
  cases::ValidationErrors errors = cases::validate_family(ui.family, today);
  if (is_new)
    for (size_t i = 0; i < ui.persons.size(); ++i)
      for (auto err : cases::validate_person(ui.persons[i], today)) {
        err.field = "persons." + std::to_string(i) + "." + err.field;
        errors.push_back(std::move(err));
      }
  int64_t id = ui.family_id;
  const bool saved =
      save_form(ctx, ui, std::move(errors), is_new ? Str::action_family_create : Str::action_family_edit,
                [&](store::Store& db) -> Status {
                  if (!is_new) return store::edit_family(db, id, ui.family);
                  auto created = store::create_family(db, ui.family, ui.persons);
                  if (created.ok()) id = *created;
                  return status_of(created);
                });
  if (!saved) return;
  ui.family_id = id;
  ui.persons.clear();
}

void draw_person_form(ScreenContext& ctx, CaseUi& ui) {
  const bool is_new = ui.edit_id == 0;
  form_header(ui, tr(is_new ? Str::person_new_title : Str::person_edit_title), "person.title");
  begin_card("person.card");
  ui.dirty |= person_fields("person", "", ui.person, ui.errors);
  ui.dirty |= text_area("person.note", tr(Str::family_note), ui.person.note, 2);
  end_card();
  ImGui::Spacing();
  if (button("person.save", tr(Str::form_save), true)) {
    const int64_t family = ui.family_id, person = ui.edit_id;
    save_form(ctx, ui, cases::validate_person(ui.person, cases::today()), Str::action_person,
              [&](store::Store& db) -> Status {
                if (person) return store::edit_person(db, person, ui.person);
                return status_of(store::add_person(db, family, ui.person));
              });
    return;
  }
  if (!is_new) {
    ImGui::SameLine();
    if (button("person.remove", (std::string(BB_ICON_TRASH "  ") + tr(Str::person_remove)).c_str())) {
      const int64_t person = ui.edit_id;
      save_form(
          ctx, ui, {}, Str::action_person, [&](store::Store& db) { return store::remove_person(db, person); },
          Str::person_removed);
    }
  }
}

void draw_status_form(ScreenContext& ctx, CaseUi& ui) {
  const store::Store* store = ctx.session->reader();
  if (!ui.overview) {
    go_to(ui, CaseView::overview);
    return;
  }
  const cases::FamilyStatus from = ui.overview->family.status;
  form_header(ui, tr(Str::status_title), "status.title");
  begin_card("status.card");
  muted_text(format_text(Str::status_now, tr(cases::label(from))).c_str());
  ImGui::TextUnformatted(tr(Str::status_to));
  static const cases::FamilyStatus kAll[] = {cases::FamilyStatus::anfrage, cases::FamilyStatus::erstkontakt,
                                             cases::FamilyStatus::laufend,
                                             cases::FamilyStatus::abgeschlossen};
  for (auto to : kAll) {
    if (!cases::transition_allowed(from, to)) continue;  // the core's rule decides what is offered
    const std::string id = std::string("status.to.") + cases::code(to);
    if (choice(id.c_str(), tr(cases::label(to)), ui.status.to == to)) {
      ui.dirty |= ui.status.to != to;
      ui.status.to = to;
    }
  }
  field_error(ui.errors, "to", "status.to.error");
  ui.dirty |= date_field("status.on", tr(Str::status_on), ui.status.on, false);
  field_error(ui.errors, "on", "status.on.error");
  if (ui.status.to == cases::FamilyStatus::abgeschlossen) {
    ui.dirty |= select_field("status.end_reason", tr(Str::status_end_reason), ui.status.end_reason,
                             ui.catalog(*store, "end_reason"));
    field_error(ui.errors, "end_reason", "status.end_reason.error");
  }
  ui.dirty |= text_area("status.note", tr(Str::family_note), ui.status.note, 2);
  end_card();
  ImGui::Spacing();
  if (!button("status.save", tr(Str::form_save), true)) return;
  const int64_t family = ui.family_id;
  save_form(ctx, ui, cases::validate_status_change(ui.overview->family, ui.status, cases::today()),
            Str::action_status,
            [&](store::Store& db) { return store::change_status(db, family, ui.status); });
}

}  // namespace bb::ui
