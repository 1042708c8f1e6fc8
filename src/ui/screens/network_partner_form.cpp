// A Netzwerkpartner of one's own, or a correction of a directory entry: the
// contact fields of Anlage 1. Own entries are kept across imports; a
// corrected directory entry is marked locally edited (the import keeps it, or
// keeps the own values as a note on a conflict: store/directory.h).
#include <string>
#include <vector>

#include "core/i18n.h"
#include "imgui.h"
#include "ui/icons.h"
#include "ui/screens/network_ui.h"
#include "ui/widgets.h"

namespace bb::ui {

void draw_partner_form(ScreenContext& ctx, NetworkUi& ui) {
  if (button("partner.cancel", (std::string(BB_ICON_CHEVRON_LEFT "  ") + tr(Str::form_cancel)).c_str())) {
    ui.show(ui.edit_id ? NetworkView::partner : NetworkView::partners);
    return;
  }
  heading(tr(ui.edit_id ? Str::network_partner_edit : Str::network_partner_add), "partner.title");
  if (!ui.errors.general.empty()) outcome_line(ui.errors.general, false, "form.error");
  directory::Partner& p = ui.edit;
  const FieldErrors& e = ui.errors;
  begin_card("partner.card");
  text_field("partner.name", tr(Str::network_partner_name), p.name, true);
  field_error(e, "name", "partner.name.error");
  std::vector<cases::CatalogEntry> types;
  for (const auto& t : directory::partner_types()) types.push_back({"", t.code, tr(t.label), 0, true});
  select_field("partner.type", tr(Str::network_partner_type), p.type, types);
  text_field("partner.street", tr(Str::network_street), p.address.street, true);
  text_field("partner.postcode", tr(Str::network_postcode), p.address.postcode, true);
  text_field("partner.town", tr(Str::network_town), p.address.town, true);
  text_field("partner.hours", tr(Str::network_opening_hours), p.opening_hours, true);
  text_field("partner.contact", tr(Str::network_contact_person), p.contact_person, true);
  text_field("partner.function", tr(Str::network_contact_function), p.contact_function, true);
  text_field("partner.phone", tr(Str::network_phone), p.phone, true);
  text_field("partner.fax", tr(Str::network_fax), p.fax, true);
  text_field("partner.email", tr(Str::network_email), p.email, true);
  field_error(e, "email", "partner.email.error");
  check_field("partner.cooperation", tr(Str::network_coop_signed), p.cooperation_signed);
  if (p.cooperation_signed)
    date_field("partner.cooperation_on", tr(Str::network_cooperation), p.cooperation_signed_on);
  field_error(e, "cooperation_signed_on", "partner.cooperation_on.error");
  end_card();
  if (button("partner.save", tr(Str::form_save), true)) {
    if (!p.cooperation_signed) p.cooperation_signed_on.clear();
    ui.errors.clear();
    ui.errors.list = directory::validate_partner(p, false);
    if (!ui.errors.list.empty()) {
      ui.errors.general = tr(Str::form_check_fields);
      return;
    }
    const int64_t id = ui.edit_id;
    int64_t saved = id;
    const Status st = ctx.session->act_on_store(Str::action_partner, [&](store::Store& db) -> Status {
      if (id) return store::edit_partner(db, id, p);
      auto added = store::add_partner(db, p);
      if (!added.ok()) return added.error();
      saved = *added;
      return {};
    });
    if (!st.ok()) {
      ui.errors.set(st.error());
      return;
    }
    ui.reload();
    ui.message = tr(Str::form_saved);
    ui.message_ok = true;
    open_partner(ui, saved);
  }
}

}  // namespace bb::ui
