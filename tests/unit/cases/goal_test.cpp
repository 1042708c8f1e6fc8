// Focus: Bedarfe und Ressourcen, goals with history, responsibilities (issue 5 §3, §4).
#include "cases_test_util.h"

using namespace bb;
using namespace bb::cases;
using namespace bb::cases::test;

namespace {
int64_t ongoing_family(CaseStore& cs, const std::string& name = "Brunner") {
  auto id = store::create_family(cs.store, family(name), {person(PersonRole::parent, "Julia")});
  REQUIRE(id.ok());
  make_ongoing(cs.store, *id);
  return *id;
}
}  // namespace

TEST_CASE("instrument-1: intake and reviews are kept, so the change per item is visible") {
  CaseStore cs;
  const int64_t id = ongoing_family(cs);
  REQUIRE(store::record_assessment(cs.store, id,
                                   {"2026-09-12",
                                    AssessmentOccasion::intake,
                                    {{"wohnen", 1, "Schimmel"}, {"netz", 2, ""}, {"finanzen", 3, ""}},
                                    "Start"})
              .ok());
  REQUIRE(
      store::record_assessment(
          cs.store, id, {"2026-11-10", AssessmentOccasion::review, {{"wohnen", 3, ""}, {"netz", 4, ""}}, ""})
          .ok());
  auto all = store::load_assessments(cs.store, id);
  REQUIRE(all.ok());
  REQUIRE(all->size() == 2);
  CHECK(all->front().occasion == AssessmentOccasion::intake);
  CHECK(all->front().ratings.size() == 3);
  CHECK(all->front().ratings[0].item == "netz");  // catalogue order: netz before finanzen before wohnen
  auto progress = store::instrument_progress(cs.store, id);
  REQUIRE(progress.ok());
  REQUIRE(progress->size() == 3);
  const auto& wohnen = progress->back();
  CHECK(wohnen.item == "wohnen");
  CHECK(wohnen.label == "Wohnsituation");
  CHECK(wohnen.ratings.size() == 2);
  CHECK(wohnen.change() == 2);
  CHECK((*progress)[1].item == "finanzen");
  CHECK((*progress)[1].change() == 0);
  CHECK(std::string(tr(rating_label(wohnen.latest()))) == "Ausgeglichen");
}

TEST_CASE("instrument-2: an assessment needs at least one valid rating of a catalogue item") {
  CaseStore cs;
  const int64_t id = ongoing_family(cs);
  auto r = store::record_assessment(cs.store, id, {"2026-11-01", AssessmentOccasion::intake, {}, ""});
  REQUIRE_FALSE(r.ok());
  CHECK(invalid_field(r.error()) == "ratings");
  r = store::record_assessment(cs.store, id,
                               {"2026-11-01", AssessmentOccasion::intake, {{"wohnen", 6, ""}}, ""});
  REQUIRE_FALSE(r.ok());
  CHECK(invalid_field(r.error()) == "ratings.wohnen");
  CHECK(r.error().text() == "Bitte wählen Sie eine Einschätzung von 1 bis 5.");
  r = store::record_assessment(cs.store, id,
                               {"2026-11-01", AssessmentOccasion::intake, {{"horoskop", 3, ""}}, ""});
  REQUIRE_FALSE(r.ok());
  CHECK(invalid_field(r.error()) == "ratings.horoskop");
  CHECK(cs.count("SELECT count(*) FROM assessments") == 0);
}

TEST_CASE("goal-1: every save of a goal is kept in its history with the reason") {
  CaseStore cs;
  const int64_t id = ongoing_family(cs);
  GoalInput g;
  g.perspective = Perspective::familie;
  g.title = "Wir finden eine größere Wohnung.";
  auto goal = store::add_goal(cs.store, id, g);
  REQUIRE(goal.ok());
  set_fixed_clock("2026-11-21T09:00:00Z");
  g.status = GoalStatus::in_arbeit;
  g.next_review_on = "2026-12-15";
  g.comment = "Besichtigung vereinbart.";
  REQUIRE(store::edit_goal(cs.store, *goal, g).ok());
  set_fixed_clock("2026-11-22T09:00:00Z");
  g.status = GoalStatus::erreicht;
  g.next_review_on = "";
  g.comment = "Mietvertrag unterschrieben.";
  REQUIRE(store::edit_goal(cs.store, *goal, g).ok());
  auto history = store::goal_history(cs.store, *goal);
  REQUIRE(history.ok());
  REQUIRE(history->size() == 3);
  CHECK((*history)[0].status == GoalStatus::offen);
  CHECK((*history)[0].changed_on == "2026-11-20");
  CHECK((*history)[1].status == GoalStatus::in_arbeit);
  CHECK((*history)[1].next_review_on == "2026-12-15");
  CHECK((*history)[1].comment == "Besichtigung vereinbart.");
  CHECK((*history)[2].status == GoalStatus::erreicht);
  CHECK((*history)[2].changed_on == "2026-11-22");
  auto goals = store::load_goals(cs.store, id);
  REQUIRE(goals.ok());
  REQUIRE(goals->size() == 1);
  CHECK(goals->front().status == GoalStatus::erreicht);
  CHECK(goals->front().created_at == "2026-11-20T10:00:00Z");
}

TEST_CASE("goal-2: a review is due from 7 days before its date while the goal is open, and only then") {
  CaseStore cs;
  const int64_t id = ongoing_family(cs);
  GoalInput soon{Perspective::fruehe_hilfen,
                 "Die Eltern kennen Anlaufstellen.",
                 "",
                 GoalStatus::offen,
                 "2026-11-25",
                 ""};
  GoalInput later{Perspective::kjh, "Vorsorge gesichert.", "", GoalStatus::in_arbeit, "2027-01-10", ""};
  GoalInput done{Perspective::familie, "Deutschkurs.", "", GoalStatus::erreicht, "2026-11-01", ""};
  GoalInput overdue{Perspective::familie, "Mehr Zeit füreinander.", "", GoalStatus::offen, "2026-11-02", ""};
  for (const auto& g : {soon, later, done, overdue}) REQUIRE(store::add_goal(cs.store, id, g).ok());
  auto o = store::family_overview(cs.store, id, kToday);
  REQUIRE(o.ok());
  REQUIRE(o->due_reviews.size() == 2);
  CHECK(o->due_reviews[0].title == "Mehr Zeit füreinander.");
  CHECK(o->due_reviews[0].overdue);
  CHECK(o->due_reviews[1].title == "Die Eltern kennen Anlaufstellen.");
  CHECK_FALSE(o->due_reviews[1].overdue);
  CHECK(store::load_family(cs.store, id)->next_review_on == "2026-11-02");
  store::FamilyListQuery q;
  q.due_reviews = true;
  q.today = kToday;
  CHECK(store::list_families(cs.store, q)->total == 1);
  q.today = "2026-10-01";
  CHECK(store::list_families(cs.store, q)->total == 0);
}

TEST_CASE("goal-3: a goal needs a title and a real review date; closed families take no new goals") {
  CaseStore cs;
  const int64_t id = ongoing_family(cs);
  GoalInput g;
  auto r = store::add_goal(cs.store, id, g);
  REQUIRE_FALSE(r.ok());
  CHECK(invalid_field(r.error()) == "title");
  g.title = "Ziel";
  g.next_review_on = "15.12.2026";
  r = store::add_goal(cs.store, id, g);
  REQUIRE_FALSE(r.ok());
  CHECK(invalid_field(r.error()) == "next_review_on");
  REQUIRE(store::close_family(cs.store, id, "regulaer").ok());
  g.next_review_on = "";
  CHECK(store::add_goal(cs.store, id, g).error().is(Str::case_err_family_closed));
}

TEST_CASE("responsibility-1: one responsible party per topic, set, changed and removed") {
  CaseStore cs;
  const int64_t id = ongoing_family(cs);
  REQUIRE(store::set_responsibility(cs.store, id, {"existenz", Party::andere, "Schuldnerberatung", ""}).ok());
  REQUIRE(
      store::set_responsibility(cs.store, id, {"gesundheit", Party::fruehe_hilfen, "Familienbegleitung", ""})
          .ok());
  REQUIRE(store::set_responsibility(cs.store, id, {"existenz", Party::familie, "Herr Brunner", "ab Dezember"})
              .ok());
  auto list = store::load_responsibilities(cs.store, id);
  REQUIRE(list.ok());
  REQUIRE(list->size() == 2);
  CHECK(list->front().topic == "gesundheit");
  CHECK(list->back().party == Party::familie);
  CHECK(list->back().who == "Herr Brunner");
  REQUIRE(store::set_responsibility(cs.store, id, {"gesundheit", std::nullopt, "", ""}).ok());
  CHECK(store::load_responsibilities(cs.store, id)->size() == 1);
  auto r = store::set_responsibility(cs.store, id, {"kochen", Party::kjh, "", ""});
  REQUIRE_FALSE(r.ok());
  CHECK(invalid_field(r.error()) == "topic");
}

TEST_CASE("overview-1: the header names the family, parents, children with age and the expected child") {
  CaseStore cs;
  auto id = store::create_family(
      cs.store, family("Yılmaz"),
      {person(PersonRole::parent, "Ayşe"), person(PersonRole::parent, "Murat"),
       person(PersonRole::child, "Elif", "2025-08-05"), person(PersonRole::child, "Can", "2026-10-30"),
       person(PersonRole::expected_child, "", "", "2027-02-14")});
  REQUIRE(id.ok());
  auto o = store::family_overview(cs.store, *id, kToday);
  REQUIRE(o.ok());
  CHECK(o->header == "Familie Yılmaz · Ayşe und Murat");
  CHECK(o->status_label == "Anfrage");
  CHECK(o->companion == "Sabine Hofer");
  CHECK(o->companion_profession == "Hebamme / Familienhebamme");
  REQUIRE(o->children.size() == 3);
  CHECK(o->children[0].name == "Elif Yılmaz");
  CHECK(o->children[0].age == "1 Jahr 3 Monate");
  CHECK(o->children[1].age == "3 Wochen");
  CHECK(o->children[2].expected);
  CHECK(o->children[2].age == "ET 14.02.2027");
}

TEST_CASE(
    "overview-2: the timeline shows contacts, status changes, goal changes and assessments, newest first") {
  CaseStore cs;
  const int64_t id = ongoing_family(cs);
  REQUIRE(
      store::add_contact(cs.store, id, contact("2026-10-01", "Erster Hausbesuch.", {"wohnen", "schlafen"}))
          .ok());
  REQUIRE(store::record_assessment(cs.store, id,
                                   {"2026-10-02", AssessmentOccasion::intake, {{"wohnen", 2, ""}}, ""})
              .ok());
  GoalInput g{Perspective::familie, "Größere Wohnung", "", GoalStatus::offen, "", ""};
  REQUIRE(store::add_goal(cs.store, id, g).ok());  // today
  auto o = store::family_overview(cs.store, id, kToday);
  REQUIRE(o.ok());
  REQUIRE(o->timeline.size() == 6);  // 3 status, 1 contact, 1 assessment, 1 goal
  CHECK(o->timeline[0].kind == store::TimelineKind::goal);
  CHECK(o->timeline[0].title == "Neues Ziel: Größere Wohnung");
  CHECK(o->timeline[1].kind == store::TimelineKind::assessment);
  CHECK(o->timeline[1].title == "Bedarfe und Ressourcen: Ersteinschätzung");
  CHECK(o->timeline[2].kind == store::TimelineKind::contact);
  CHECK(o->timeline[2].title == "Hausbesuch · Schlafen, Wohnen");
  CHECK(o->timeline[2].detail == "Erster Hausbesuch.");
  CHECK(o->timeline[3].title == "Status: Laufende Begleitung");
  CHECK(o->timeline[5].title == "Status: Anfrage");
  for (size_t i = 1; i < o->timeline.size(); ++i) CHECK(o->timeline[i - 1].on >= o->timeline[i].on);
  REQUIRE(o->instrument.size() == 1);
}
