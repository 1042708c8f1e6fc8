// The Netzwerkpartner: the list by category (filter by category and words)
// and a partner's detail with everything of Anlage 1 — address, opening
// hours, languages, contact person and function, phone, fax, e-mail, the
// Kooperationsvereinbarung — the age key's fingerprint in groups to read out
// on the phone, and the partner's offers.
#include <string>

#include "core/cases.h"
#include "core/i18n.h"
#include "imgui.h"
#include "ui/icons.h"
#include "ui/screens/network_ui.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace bb::ui {
namespace {

constexpr directory::Category kCategories[] = {
    directory::Category::kinder_jugendhilfe, directory::Category::gesundheit,
    directory::Category::psychosozial, directory::Category::weitere};

std::string type_label(const std::string& type) {
  const auto* t = directory::partner_type(type);
  return t ? tr(t->label) : type;
}

std::string joined(const std::vector<std::string>& list) {
  std::string out;
  for (const auto& s : list) out += (out.empty() ? "" : ", ") + s;
  return out;
}

std::string address_text(const directory::Address& a) {
  std::string out = a.street;
  const std::string town = a.postcode.empty() ? a.town : a.postcode + " " + a.town;
  if (!town.empty()) out += (out.empty() ? "" : ", ") + town;
  if (!a.district.empty()) out += " (" + a.district + ")";
  return out;
}

// One labelled line of the detail; skipped when empty.
void detail_line(const char* test_id, Str label, const std::string& value) {
  if (value.empty()) return;
  ImGui::TextColored(palette().muted_text, "%s", tr(label));
  ImGui::TextWrapped("%s", value.c_str());
  widget_registry().tag_last_item(test_id, value.c_str());
}

void load_list(const store::Store& store, NetworkUi& ui) {
  store::PartnerQuery q;
  q.text = ui.partner_text;
  if (ui.partner_category >= 0) q.category = static_cast<directory::Category>(ui.partner_category);
  q.limit = 200;
  auto page = store::list_partners(store, q);
  ui.partners = page.ok() ? std::move(*page) : store::PartnerPage{};
  ui.partners_stale = false;
}

}  // namespace

void draw_partner_list(ScreenContext& ctx, NetworkUi& ui) {
  const store::Store& store = *ctx.session->reader();
  ui.partners_stale |=
      text_field("network.partners.search", tr(Str::network_partners_search), ui.partner_text, true);
  FlowRow row;
  row.next(tr(Str::families_filter_all));
  if (choice("network.partners.cat.all", tr(Str::families_filter_all), ui.partner_category < 0)) {
    ui.partner_category = -1;
    ui.partners_stale = true;
  }
  for (auto c : kCategories) {
    const std::string id = std::string("network.partners.cat.") + directory::code(c);
    row.next(tr(directory::label(c)));
    if (choice(id.c_str(), tr(directory::label(c)), ui.partner_category == static_cast<int>(c))) {
      ui.partner_category = static_cast<int>(c);
      ui.partners_stale = true;
    }
  }
  if (button("network.partners.add",
             (std::string(BB_ICON_PLUS "  ") + tr(Str::network_partner_add)).c_str())) {
    ui.edit_id = 0;
    ui.edit = directory::Partner{};
    ui.edit.type = "andere_weitere";
    ui.show(NetworkView::partner_form);
    return;
  }
  if (ui.partners_stale) load_list(store, ui);
  const std::string count = format_text(Str::network_partners_count, std::to_string(ui.partners.total));
  muted_text(count.c_str());
  widget_registry().tag_last_item("network.partners.count", count.c_str());
  int last_category = -1;
  for (size_t i = 0; i < ui.partners.rows.size(); ++i) {
    const auto& p = ui.partners.rows[i];
    if (static_cast<int>(p.category) != last_category) {
      last_category = static_cast<int>(p.category);
      ImGui::Spacing();
      ImGui::TextColored(palette().accent, "%s", tr(directory::label(p.category)));
    }
    std::string detail = type_label(p.type);
    if (!p.town.empty()) detail += "  ·  " + p.town;
    if (p.origin == store::Origin::local) detail += std::string("  ·  ") + tr(Str::dir_origin_local);
    const std::string id = "network.partner." + std::to_string(i);
    if (nav_card(id.c_str(), p.cooperation_signed ? BB_ICON_HANDSHAKE : BB_ICON_ADDRESS_BOOK, p.name.c_str(),
                 detail.c_str()))
      open_partner(ui, p.id);
  }
}

void draw_partner_detail(ScreenContext& ctx, NetworkUi& ui) {
  const store::Store& store = *ctx.session->reader();
  if (button("network.partner.back",
             (std::string(BB_ICON_CHEVRON_LEFT "  ") + tr(Str::overview_back)).c_str())) {
    ui.show(NetworkView::partners);
    return;
  }
  if (!ui.partner || ui.partner->id != ui.partner_id) {
    auto p = store::load_partner(store, ui.partner_id);
    if (!p.ok()) {
      outcome_line(p.error().text(), false, "network.partner.error");
      return;
    }
    ui.partner = std::move(*p);
  }
  const store::PartnerRecord& r = *ui.partner;
  const directory::Partner& p = r.partner;
  begin_card("network.partner.card");
  heading(p.name.c_str(), "network.partner.name");
  const std::string kind = type_label(p.type) + "  ·  " + tr(directory::label(r.category));
  ImGui::TextColored(palette().accent, "%s", kind.c_str());
  muted_text(tr(r.origin == store::Origin::local ? Str::dir_origin_local : Str::dir_origin_directory));
  detail_line("network.partner.address", Str::network_address, address_text(p.address));
  detail_line("network.partner.hours", Str::network_opening_hours, p.opening_hours);
  detail_line("network.partner.languages", Str::network_languages, joined(p.languages));
  std::string contact = p.contact_person;
  if (!p.contact_function.empty()) contact += (contact.empty() ? "" : ", ") + p.contact_function;
  detail_line("network.partner.contact", Str::network_contact_person, contact);
  detail_line("network.partner.phone", Str::network_phone, p.phone);
  detail_line("network.partner.fax", Str::network_fax, p.fax);
  detail_line("network.partner.email", Str::network_email, p.email);
  detail_line("network.partner.website", Str::network_website, p.website);
  std::string coop = tr(p.cooperation_signed ? Str::network_coop_signed : Str::network_coop_not_signed);
  if (p.cooperation_signed && !p.cooperation_signed_on.empty())
    coop = format_text(Str::network_coop_signed_on, cases::german_date(p.cooperation_signed_on));
  detail_line("network.partner.cooperation", Str::network_cooperation, coop);
  if (!r.fingerprint.empty()) {
    detail_line("network.partner.fingerprint", Str::network_fingerprint, r.fingerprint);
    muted_text(tr(Str::network_fingerprint_hint));
  }
  detail_line("network.partner.note", Str::network_private_note, r.local_note);
  end_card();
  if (button("network.partner.edit",
             (std::string(BB_ICON_PENCIL "  ") + tr(Str::network_partner_edit)).c_str())) {
    ui.edit_id = r.id;
    ui.edit = p;
    ui.show(NetworkView::partner_form);
    return;
  }
  ImGui::Spacing();
  ImGui::TextColored(palette().accent, "%s", tr(Str::network_partner_offers));
  for (size_t i = 0; i < r.offers.size(); ++i) {
    const auto& o = r.offers[i].offer;
    std::string detail = o.schedule;
    if (const auto* c = directory::find_code(directory::costs(), o.cost))
      detail += (detail.empty() ? "" : "  ·  ") + std::string(tr(c->label));
    if (!o.description.empty()) detail += (detail.empty() ? "" : "\n") + o.description;
    begin_card(("network.partner.offer." + std::to_string(i)).c_str());
    ImGui::TextWrapped("%s", o.title.c_str());
    widget_registry().tag_last_item(("network.partner.offer." + std::to_string(i)).c_str(), o.title.c_str());
    if (!detail.empty()) muted_text(detail.c_str());
    end_card();
  }
}

}  // namespace bb::ui
