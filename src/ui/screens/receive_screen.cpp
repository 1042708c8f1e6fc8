// „Fall empfangen“ (issue 8, item 5, on screen): pick a handover file, open it
// with the receiving keys of this Begleitbuch or the passphrase of the file,
// see this app's own rendering of the validated content (never the sender's
// text), and only „Übernehmen“ imports it, in one transaction. The same file
// again changes nothing and says so; a wrong key or passphrase or a damaged
// file gives the core's German message and writes nothing. Below, the
// received cases; one opens its stored document. docs/handover.md "Empfang".
#include <memory>
#include <string>

#include "core/cases.h"
#include "core/i18n.h"
#include "crypto/scrypt.h"
#include "imgui.h"
#include "platform/platform.h"
#include "platform/storage.h"
#include "store/keys.h"
#include "ui/icons.h"
#include "ui/screens/handover_ui.h"
#include "ui/screens/network_ui.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace bb::ui {
namespace {

void forget_file(ReceiveForm& r) {
  std::fill(r.file.begin(), r.file.end(), 0);
  r.file.clear();
  r.has_file = false;
  r.opened.reset();
}

void say(ReceiveForm& r, std::string text, bool ok) {
  r.message = std::move(text);
  r.message_ok = ok;
}

void open_file(ScreenContext& ctx, ReceiveForm& r) {
  std::vector<crypto::IdentityPtr> identities;
  if (!r.passphrase.empty()) {
    identities.push_back(std::make_shared<crypto::ScryptIdentity>(r.passphrase));
  } else {
    auto own = store::receiving_identities(*ctx.session->reader());
    if (!own.ok()) return say(r, own.error().text(), false);
    identities = std::move(*own);
  }
  auto opened = exchange::open_handover(crypto::ByteView(r.file.data(), r.file.size()), identities);
  wipe(r.passphrase);
  if (!opened.ok()) return say(r, opened.error().text(), false);
  r.opened = std::move(*opened);
  r.message.clear();
}

void import_opened(ScreenContext& ctx, ReceiveForm& r) {
  std::optional<exchange::ImportOutcome> outcome;
  const Status st =
      ctx.session->act_on_store(Str::handover_ui_action_receive, [&](store::Store& db) -> Status {
        auto done = exchange::import_handover(db, *r.opened);
        if (!done.ok()) return done.error();
        outcome = *done;
        return {};
      });
  forget_file(r);
  r.received_stale = true;
  if (!st.ok() || !outcome) return say(r, st.ok() ? tr(Str::err_internal) : st.error().text(), false);
  say(r, tr(outcome->already_received ? Str::handover_ui_already : Str::handover_ui_imported), true);
}

void draw_preview(ScreenContext& ctx, ReceiveForm& r) {
  begin_card("receive.preview.card");
  ImGui::TextColored(palette().accent, BB_ICON_BOOK "  %s", tr(Str::handover_ui_preview));
  muted_text(tr(Str::handover_ui_preview_hint));
  ImGui::TextWrapped("%s", r.opened->preview.c_str());
  widget_registry().tag_personal("receive.preview", r.opened->preview);
  end_card();
  if (button("receive.import", tr(Str::handover_ui_import), true)) {
    import_opened(ctx, r);
    return;
  }
  ImGui::SameLine();
  if (button("receive.discard", tr(Str::handover_ui_discard))) forget_file(r);
}

void draw_open(ReceiveForm& r) {
  begin_card("receive.open.card");
  const std::string picked = format_text(Str::handover_ui_picked, std::to_string(r.file.size()));
  ImGui::TextWrapped("%s", picked.c_str());
  widget_registry().tag_last_item("receive.picked", picked.c_str());
  password_field("receive.passphrase", tr(Str::handover_ui_receive_passphrase), r.passphrase);
  if (r.step != SlowStep::none) {
    ImGui::TextUnformatted(tr(Str::lock_working));
    widget_registry().tag_last_item("receive.busy", tr(Str::lock_working));
  } else {
    if (button("receive.open", tr(Str::handover_ui_open), true)) {
      request_slow_step(r.step);
      r.message.clear();
    }
    ImGui::SameLine();
    if (button("receive.discard", tr(Str::handover_ui_discard))) forget_file(r);
  }
  end_card();
}

std::string received_title(const exchange::ReceivedCase& c) {
  return c.family_name.empty() ? std::string(tr(Str::handover_ui_no_name)) : c.family_name;
}

std::string received_detail(const exchange::ReceivedCase& c) {
  return format_text(Str::handover_ui_received_line, cases::german_date(c.created.substr(0, 10))) + "  ·  " +
         c.sender + "  ·  " + c.recipient_name;
}

void draw_received_list(ScreenContext& ctx, CaseUi& ui, ReceiveForm& r) {
  if (r.received_stale) {
    r.received_stale = false;
    auto list = exchange::list_received_cases(*ctx.session->reader());
    r.received = list.ok() ? std::move(*list) : std::vector<exchange::ReceivedCase>{};
    if (!list.ok()) say(r, list.error().text(), false);
  }
  ImGui::Spacing();
  heading(tr(Str::handover_ui_received), "receive.received.title");
  if (r.received.empty()) muted_text(tr(Str::handover_ui_received_none));
  for (size_t i = 0; i < r.received.size(); ++i) {
    const auto& c = r.received[i];
    if (entry_row("receive.case." + std::to_string(i), received_title(c), received_detail(c))) {
      auto doc = exchange::load_received_document(*ctx.session->reader(), c.id);
      if (!doc.ok()) return say(r, doc.error().text(), false);
      r.shown_id = c.id;
      r.shown_report = exchange::handover_report_text(*doc);
      go_to(ui, CaseView::received_case);
      return;
    }
  }
}

bool back_button(const char* id) {
  return button(id, (std::string(BB_ICON_CHEVRON_LEFT "  ") + tr(Str::handover_ui_back)).c_str());
}

}  // namespace

void open_receive(CaseUi& ui) {
  ReceiveForm& r = handover_ui(ui).receive;
  forget_file(r);
  wipe(r.passphrase);
  r.message.clear();
  r.received_stale = true;
  ui.family_id = 0;
  go_to(ui, CaseView::receive);
}

void draw_receive_view(ScreenContext& ctx, CaseUi& ui) {
  ReceiveForm& r = handover_ui(ui).receive;
  std::vector<uint8_t> picked;
  if (platform::take_picked_file(picked)) {
    forget_file(r);
    r.file = std::move(picked);
    r.has_file = true;
    r.message.clear();
  }
  if (back_button("receive.back")) {
    forget_file(r);
    wipe(r.passphrase);
    go_to(ui, CaseView::list);
    return;
  }
  heading(tr(Str::handover_ui_receive_title), "receive.title");
  muted_text(tr(Str::handover_ui_receive_intro));
  if (slow_step_due(r.step)) open_file(ctx, r);
  if (r.opened) {
    draw_preview(ctx, r);
  } else if (r.has_file) {
    draw_open(r);
  } else if (button("receive.pick", (std::string(BB_ICON_PLUS "  ") + tr(Str::handover_ui_pick)).c_str(),
                    true)) {
    platform::pick_file(".age,application/octet-stream");
  }
  outcome_line(r.message, r.message_ok, "receive.message");
  draw_received_list(ctx, ui, r);
}

void draw_received_case(ScreenContext& ctx, CaseUi& ui) {
  (void)ctx;
  ReceiveForm& r = handover_ui(ui).receive;
  if (back_button("received.back")) {
    r.shown_report.clear();
    go_to(ui, CaseView::receive);
    return;
  }
  heading(tr(Str::handover_ui_received), "received.title");
  begin_card("received.card");
  ImGui::TextWrapped("%s", r.shown_report.c_str());
  widget_registry().tag_personal("received.report", r.shown_report);
  end_card();
}

}  // namespace bb::ui
