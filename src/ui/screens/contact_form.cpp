// The contact form (Hausbesuch, Telefonat, …): when, how long, what kind,
// who was present, the topics, the note, agreed next steps and the next
// appointment. New or a correction of an existing one; removing asks nothing
// more than the tap on "Kontakt löschen" twice.
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
namespace {

// The next appointment is "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM": edited as a date and a time.
bool appointment_fields(std::string& value) {
  std::string date = value.substr(0, std::min<size_t>(10, value.size()));
  std::string time = value.size() > 11 ? value.substr(11) : std::string();
  bool changed = date_field("contact.next_appointment", tr(Str::contact_next_appointment), date);
  if (!date.empty()) changed |= time_field("contact.next_time", tr(Str::contact_next_time), time);
  if (changed) value = date.empty() ? std::string() : time.empty() ? date : date + "T" + time;
  return changed;
}

bool g_confirm_remove = false;

}  // namespace

void draw_contact_form(ScreenContext& ctx, CaseUi& ui) {
  const store::Store* store = ctx.session->reader();
  const bool is_new = ui.edit_id == 0;
  if (!ui.overview) {
    go_to(ui, CaseView::overview);
    return;
  }
  form_header(ui, tr(is_new ? Str::contact_new_title : Str::contact_edit_title), "contact.title");
  cases::ContactInput& c = ui.contact;
  const FieldErrors& e = ui.errors;
  bool& d = ui.dirty;
  begin_card("contact.card");
  d |= select_field("contact.kind", tr(Str::contact_kind), c.kind, ui.catalog(*store, "contact_kind"));
  field_error(e, "kind", "contact.kind.error");
  d |= date_field("contact.on", tr(Str::contact_on), c.on, false);
  field_error(e, "on", "contact.on.error");
  d |= time_field("contact.start", tr(Str::contact_start), c.start);
  field_error(e, "start", "contact.start.error");
  d |= minutes_field("contact.duration", tr(Str::contact_duration), c.duration_min);
  field_error(e, "duration_min", "contact.duration.error");
  d |= text_field("contact.place", tr(Str::contact_place), c.place);
  end_card();

  begin_card("contact.present.card");
  ImGui::TextUnformatted(tr(Str::contact_present));
  const auto& persons = ui.overview->persons;
  for (size_t i = 0; i < persons.size(); ++i) {
    const auto& p = persons[i];
    if (p.role == cases::PersonRole::expected_child) continue;
    bool present = std::find(c.present.begin(), c.present.end(), p.id) != c.present.end();
    const std::string id = "contact.present." + std::to_string(i);
    if (check_field(id.c_str(), p.first_name.c_str(), present, true)) {
      d = true;
      if (present)
        c.present.push_back(p.id);
      else
        c.present.erase(std::remove(c.present.begin(), c.present.end(), p.id), c.present.end());
    }
  }
  d |= text_field("contact.others", tr(Str::contact_others), c.others_present, false,
                  tr(Str::contact_others_hint));
  end_card();

  begin_card("contact.topics.card");
  ImGui::TextUnformatted(tr(Str::contact_topics));
  d |= chips("contact.topic", ui.catalog(*store, "topic"), c.topics);
  field_error(e, "topics", "contact.topics.error");
  end_card();

  begin_card("contact.note.card");
  d |= text_area("contact.note", tr(Str::contact_note), c.note, 6);
  field_error(e, "note", "contact.note.error");
  d |= text_area("contact.next_steps", tr(Str::contact_next_steps), c.next_steps, 3);
  d |= appointment_fields(c.next_appointment);
  field_error(e, "next_appointment", "contact.next_appointment.error");
  end_card();

  ImGui::Spacing();
  if (button("contact.save", tr(Str::form_save), true)) {
    g_confirm_remove = false;
    if (c.on.empty()) c.on = cases::today();
    const int64_t family = ui.family_id, contact = ui.edit_id;
    save_form(ctx, ui, cases::validate_contact(c, cases::today()), Str::action_contact,
              [&](store::Store& db) -> Status {
                if (contact) return store::edit_contact(db, contact, c);
                return status_of(store::add_contact(db, family, c));
              });
    return;
  }
  if (!is_new) {
    ImGui::SameLine();
    const char* label = tr(g_confirm_remove ? Str::contact_remove_confirm : Str::contact_remove);
    if (button("contact.remove", (std::string(BB_ICON_TRASH "  ") + label).c_str())) {
      if (!g_confirm_remove) {
        g_confirm_remove = true;
        return;
      }
      g_confirm_remove = false;
      const int64_t contact = ui.edit_id;
      save_form(
          ctx, ui, {}, Str::action_contact,
          [&](store::Store& db) { return store::remove_contact(db, contact); }, Str::contact_removed);
    }
  }
}

}  // namespace bb::ui
