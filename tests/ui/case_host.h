// The host of the case-screen UI tests: a tall headless app with a real
// encrypted store and personal labels revealed, plus the steps several tests share.
#pragma once

#include <doctest/doctest.h>

#include <functional>
#include <string>

#include "core/cases.h"
#include "headless_host.h"
#include "platform/platform.h"
#include "store/cases.h"
#include "ui/screens/case_ui.h"
#include "ui/widget_registry.h"

namespace bb::ui::test {

// Tall enough that every field of a form is on screen (taps need no scrolling).
struct CaseHost : HeadlessHost {
  explicit CaseHost(float height = 5200) : HeadlessHost(1024, height, 1, true) {
    widget_registry().set_reveal_personal(true);
    frames(2);
  }
  ~CaseHost() { widget_registry().set_reveal_personal(false); }

  bool type_date(const std::string& id, const std::string& typed) {
    if (!tap(id)) return false;
    if (!type(id + ".typed", typed)) return false;
    return tap(id + ".use");
  }
  CaseUi* forms_cases() { return app.forms().cases.get(); }
  // "Jetzt sperren", then the passphrase again: the UI state is dropped between.
  void lock_and_unlock() {
    REQUIRE(tap("nav.lock"));
    REQUIRE(session.state() == store::SessionState::locked);
    REQUIRE(forms_cases() == nullptr);
    REQUIRE(type("lock.pass", kTestPassphrase));
    REQUIRE(tap("lock.unlock"));
    frames(4);
    REQUIRE(session.state() == store::SessionState::unlocked);
  }
  int families() {
    auto page = store::list_families(*session.reader(), store::FamilyListQuery{});
    return page.ok() ? page->total : -1;
  }
  // Some widget whose ID starts with `prefix` shows `text`.
  bool has(const std::string& prefix, const std::string& text) const {
    for (const auto& w : widget_registry().widgets())
      if (w.id.rfind(prefix, 0) == 0 && w.label.find(text) != std::string::npos) return true;
    return false;
  }
  int count_prefix(const std::string& prefix) const {
    int n = 0;
    for (const auto& w : widget_registry().widgets())
      if (w.id.rfind(prefix, 0) == 0) ++n;
    return n;
  }
};

// Familie Quellmalz-Dörr: mother Janne and child Ilvy (200 days old), with
// `companion`; `ongoing` puts it in Begleitung (status laufend); `adjust`
// changes the family's fields before it is created. Returns its id.
inline Result<int64_t> create_quellmalz_family(store::Store& db, const std::string& companion, bool ongoing,
                                               const std::function<void(cases::FamilyInput&)>& adjust = {}) {
  cases::FamilyInput f;
  f.family_name = "Quellmalz-Dörr";
  f.companion = companion;
  if (adjust) adjust(f);
  cases::PersonInput mother, child;
  mother.first_name = "Janne";
  child.role = cases::PersonRole::child;
  child.first_name = "Ilvy";
  child.birth_date = cases::add_days(cases::today(), -200);
  auto id = store::create_family(db, f, {mother, child});
  if (!id.ok() || !ongoing) return id;
  cases::StatusChange to;
  to.to = cases::FamilyStatus::laufend;
  if (Status st = store::change_status(db, *id, to); !st.ok()) return st.error();
  return id;
}

inline void german() {
  platform::save_preference("language", "de");
  platform::save_preference("font_step", "1");
  platform::save_preference("theme", "light");
}

// Fills the new-family form: family Brunnhuber-Öztürk with a mother, a child and an expected child.
inline void fill_new_family(CaseHost& host) {
  REQUIRE(host.tap("nav.families"));
  REQUIRE(host.tap("families.new"));
  REQUIRE(host.type("family.name", "Brunnhuber-Öztürk"));
  REQUIRE(host.type("family.companion", "Frau Lindqvist"));
  REQUIRE(host.tap("family.add_person"));
  REQUIRE(host.type("family.person.0.first_name", "Selin"));
  REQUIRE(host.tap("family.add_person"));
  REQUIRE(host.type("family.person.1.first_name", "Mira"));
  REQUIRE(host.type_date("family.person.1.birth_date", "14.2.2026"));
  REQUIRE(host.tap("family.add_person"));
  REQUIRE(host.tap("family.person.2.role.expected_child"));
  REQUIRE(host.type("family.person.2.first_name", "Baby"));
  const std::string due = cases::add_days(cases::today(), 60);
  REQUIRE(host.type_date("family.person.2.due_date", cases::german_date(due)));
}

}  // namespace bb::ui::test
