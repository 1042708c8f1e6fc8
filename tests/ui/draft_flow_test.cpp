// Focus: no lost input across the lock (docs/ui.md, "No lost input"). A form
// with unsaved input is kept as an encrypted draft in the store just before
// the lock (and when the tab is hidden) and comes back after the unlock,
// still unsaved; once saved or discarded the draft is gone.
#include <doctest/doctest.h>

#include <string>

#include "case_host.h"
#include "exchange/case_draft.h"

using namespace bb;
using namespace bb::ui;
using bb::ui::test::CaseHost;
using bb::ui::test::fill_new_family;
using bb::ui::test::german;

namespace {

const char* kNote = "Mira schläft unruhig; Übergabe an die Großmutter geübt.";

// A family saved, its contact form open with topics and a note typed, not saved.
void contact_form_with_note(CaseHost& host) {
  fill_new_family(host);
  REQUIRE(host.tap("family.save"));
  REQUIRE(host.tap("overview.add_contact"));
  REQUIRE(host.tap("contact.topic.schlafen"));
  REQUIRE(host.type("contact.note", kNote));
}

bool draft_stored(CaseHost& host) {
  auto v = host.session.setting(exchange::kCaseDraftKey);
  return v.ok() && v->has_value();
}

}  // namespace

TEST_CASE("drafts-1: an unsaved contact note survives the lock and is back in its form, still unsaved") {
  german();
  CaseHost host;
  contact_form_with_note(host);
  host.lock_and_unlock();
  CHECK(host.app.screen_name() == std::string("families"));
  REQUIRE(host.forms_cases() != nullptr);
  CHECK(host.forms_cases()->view == CaseView::contact_form);
  CHECK(host.forms_cases()->contact.note == kNote);
  CHECK(host.forms_cases()->contact.topics == std::vector<std::string>{"schlafen"});
  CHECK(host.forms_cases()->dirty);
  CHECK(host.label("form.draft_restored").find("wieder da") != std::string::npos);
  CHECK(host.widget("contact.save") != nullptr);
}

TEST_CASE("drafts-2: saving the restored form saves the contact once and removes the draft from the store") {
  german();
  CaseHost host;
  contact_form_with_note(host);
  host.lock_and_unlock();
  REQUIRE(draft_stored(host));
  REQUIRE(host.tap("contact.save"));
  CHECK(host.label("overview.notice") == "Gespeichert.");
  CHECK(host.label("overview.timeline.0").find("Schlafen") != std::string::npos);
  int contacts_with_topic = 0;  // one contact, not two
  for (const auto& w : widget_registry().widgets())
    if (w.id.rfind("overview.timeline.", 0) == 0 && w.label.find("Schlafen") != std::string::npos)
      ++contacts_with_topic;
  CHECK(contacts_with_topic == 1);
  CHECK_FALSE(draft_stored(host));
  // The next lock has nothing to keep: the unlock opens the start screen.
  host.lock_and_unlock();
  CHECK(host.app.screen_name() == std::string("start"));
}

TEST_CASE("drafts-3: a discarded draft is gone; a form without changes leaves no draft") {
  german();
  CaseHost host;
  contact_form_with_note(host);
  host.lock_and_unlock();
  REQUIRE(host.tap("contact.title.cancel"));
  REQUIRE(host.tap("form.leave.discard"));
  CHECK_FALSE(draft_stored(host));
  REQUIRE(host.tap("overview.add_contact"));  // opened, nothing typed
  host.lock_and_unlock();
  CHECK(host.app.screen_name() == std::string("start"));
  CHECK_FALSE(draft_stored(host));
}

TEST_CASE("drafts-4: when the tab is hidden the draft is written at once (a hidden tab may be closed)") {
  german();
  CaseHost host;
  contact_form_with_note(host);
  REQUIRE_FALSE(draft_stored(host));
  host.session.set_hidden(true, host.now);
  auto stored = host.session.setting(exchange::kCaseDraftKey);
  REQUIRE(stored.ok());
  REQUIRE(stored->has_value());
  auto draft = exchange::case_draft_from_json(**stored);
  REQUIRE(draft.ok());
  CHECK(draft->form == exchange::DraftForm::contact);
  CHECK(draft->input.contact.note == kNote);
  CHECK(host.session.unlocked());  // hiding alone does not lock
}

TEST_CASE("drafts-5: a draft of a family no longer in the store is dropped with a message, not opened") {
  german();
  CaseHost host;
  exchange::CaseDraft d;
  d.form = exchange::DraftForm::contact;
  d.family_id = 999;
  d.input.contact.note = "für eine gelöschte Familie";
  // Written the way the app writes it: by the keeper, just before the lock.
  host.session.set_draft_keeper([&] {
    REQUIRE(
        host.session.save_setting(Str::action_draft, exchange::kCaseDraftKey, exchange::case_draft_to_json(d))
            .ok());
  });
  host.lock_and_unlock();
  CHECK(host.app.screen_name() == std::string("start"));
  CHECK_FALSE(draft_stored(host));
  REQUIRE(host.forms_cases() != nullptr);
  CHECK(host.forms_cases()->notice.find("nicht mehr im Begleitbuch") != std::string::npos);
}
