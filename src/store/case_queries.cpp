// The case-documentation queries: family overview, family list with filters,
// sorting, paging and full-text search (see cases.h, docs/cases.md "Search").
#include <algorithm>
#include <map>
#include <variant>

#include "core/search_normalize.h"
#include "store/cases.h"
#include "store/cases_internal.h"

namespace bb::store {

using namespace bb::cases;
using namespace bb::store::detail;

namespace {

using Labels = std::map<std::pair<std::string, std::string>, std::string>;

Result<Labels> catalog_labels(sqlite3* db) {
  auto s = prepare(db, "SELECT kind, code, label FROM catalog");
  if (!s.ok()) return s.error();
  Labels out;
  for (;;) {
    auto row = s->step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    out[{s->column_text(0), s->column_text(1)}] = s->column_text(2);
  }
  return out;
}

std::string label_of(const Labels& labels, const char* kind, const std::string& code) {
  auto it = labels.find({kind, code});
  return it == labels.end() ? code : it->second;
}

// "Elif Yılmaz"; an empty last name means the family name.
std::string person_name(const Person& p, const std::string& family_name) {
  const std::string& last = p.last_name.empty() ? family_name : p.last_name;
  if (p.first_name.empty()) return {};
  return p.first_name + " " + last;
}

std::string join(const std::vector<std::string>& parts, const std::string& sep) {
  std::string out;
  for (const auto& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Family overview
//-----------------------------------------------------------------------------

Result<FamilyOverview> family_overview(const Store& store, int64_t family_id, const std::string& today_in) {
  sqlite3* db = store.db();
  const std::string day = today_in.empty() ? today() : today_in;
  FamilyOverview o;
  auto family = read_family(db, family_id);
  if (!family.ok()) return family.error();
  o.family = std::move(*family);
  auto labels = catalog_labels(db);
  if (!labels.ok()) return labels.error();
  auto persons = load_persons(store, family_id);
  if (!persons.ok()) return persons.error();
  o.persons = std::move(*persons);

  std::vector<std::string> parents;
  for (const auto& p : o.persons) {
    if (p.role == PersonRole::parent || p.role == PersonRole::caregiver) parents.push_back(p.first_name);
    if (p.role == PersonRole::child)
      o.children.push_back(
          {p.id, person_name(p, o.family.family_name), false, p.birth_date, age_text(p.birth_date, day)});
    if (p.role == PersonRole::expected_child)
      o.children.push_back({p.id, person_name(p, o.family.family_name), true, p.due_date,
                            format_text(Str::case_age_expected, german_date(p.due_date))});
  }
  o.header = format_text(Str::case_header_family, o.family.family_name);
  if (!parents.empty()) {
    std::string names;
    for (size_t i = 0; i < parents.size(); ++i) {
      if (i > 0) names += i + 1 == parents.size() ? std::string(" ") + tr(Str::case_and) + " " : ", ";
      names += parents[i];
    }
    o.header += " · " + names;
  }
  o.status_label = tr(label(o.family.status));
  o.companion = o.family.companion;
  if (!o.family.companion_profession.empty())
    o.companion_profession = label_of(*labels, "profession", o.family.companion_profession);

  // Timeline: contacts, status changes, goal changes, assessments, referrals.
  struct Keyed {
    TimelineEntry entry;
    std::string created;
  };
  std::vector<Keyed> items;
  auto contacts = load_contacts(store, family_id);
  if (!contacts.ok()) return contacts.error();
  for (const auto& c : *contacts) {
    std::vector<std::string> topics;
    for (const auto& t : c.topics) topics.push_back(label_of(*labels, "topic", t));
    TimelineEntry e{
        TimelineKind::contact, c.on, c.start, c.id, label_of(*labels, "contact_kind", c.kind), c.note};
    if (!topics.empty()) e.title += " · " + join(topics, ", ");
    items.push_back({std::move(e), c.created_at});
    if (!c.next_steps.empty() && !c.next_steps_done) o.open_steps.push_back({c.id, c.on, c.next_steps});
  }
  auto history = load_status_history(store, family_id);
  if (!history.ok()) return history.error();
  for (const auto& h : *history) {
    TimelineEntry e{
        TimelineKind::status, h.on, {}, h.id, format_text(Str::case_timeline_status, tr(label(h.to))), {}};
    std::vector<std::string> detail;
    if (!h.end_reason.empty()) detail.push_back(label_of(*labels, "end_reason", h.end_reason));
    detail.push_back(h.note);
    e.detail = join(detail, " – ");
    items.push_back({std::move(e), h.created_at});
  }
  {
    auto s =
        prepare(db,
                "SELECT h.goal_id, h.changed_on, h.created_at, h.status, h.title, h.comment, "
                "coalesce(h.next_review_on, ''), h.id = (SELECT min(id) FROM goal_history WHERE goal_id = "
                "h.goal_id) FROM goal_history h JOIN goals g ON g.id = h.goal_id WHERE g.family_id = ?1");
    if (!s.ok()) return s.error();
    s->bind(1, family_id);
    for (;;) {
      auto row = s->step();
      if (!row.ok()) return row.error();
      if (!*row) break;
      const bool first = s->column_int(7) != 0;
      TimelineEntry e{TimelineKind::goal,
                      s->column_text(1),
                      {},
                      s->column_int(0),
                      format_text(first ? Str::case_timeline_goal_new : Str::case_timeline_goal_changed,
                                  s->column_text(4)),
                      {}};
      std::vector<std::string> detail{
          tr(label(goal_status_from(s->column_text(3)).value_or(GoalStatus::offen))), s->column_text(5)};
      e.detail = join(detail, " – ");
      items.push_back({std::move(e), s->column_text(2)});
    }
  }
  {
    auto s = prepare(
        db, "SELECT id, assessed_on, occasion, note, created_at FROM assessments WHERE family_id = ?1");
    if (!s.ok()) return s.error();
    s->bind(1, family_id);
    for (;;) {
      auto row = s->step();
      if (!row.ok()) return row.error();
      if (!*row) break;
      TimelineEntry e{
          TimelineKind::assessment,
          s->column_text(1),
          {},
          s->column_int(0),
          format_text(Str::case_timeline_assessment,
                      tr(label(occasion_from(s->column_text(2)).value_or(AssessmentOccasion::review)))),
          s->column_text(3)};
      items.push_back({std::move(e), s->column_text(4)});
    }
  }
  {
    // Vermittlungen (issue 6, store/referrals.h): "Vermittlung an <Partner>", reason · outcome.
    auto s =
        prepare(db,
                "SELECT id, referred_on, partner_name, reason_need, reason_text, outcome, created_at FROM "
                "referrals WHERE family_id = ?1");
    if (!s.ok()) return s.error();
    s->bind(1, family_id);
    for (;;) {
      auto row = s->step();
      if (!row.ok()) return row.error();
      if (!*row) break;
      const std::string outcome = s->column_text(5);
      const Str outcome_label = outcome == "angenommen"         ? Str::ref_outcome_angenommen
                                : outcome == "nicht_angenommen" ? Str::ref_outcome_nicht_angenommen
                                : outcome == "abgebrochen"      ? Str::ref_outcome_abgebrochen
                                                                : Str::ref_outcome_offen;
      TimelineEntry e{
          TimelineKind::referral,
          s->column_text(1),
          {},
          s->column_int(0),
          format_text(Str::ref_timeline, s->column_text(2)),
          join({label_of(*labels, "topic", s->column_text(3)), s->column_text(4), tr(outcome_label)}, " – ")};
      items.push_back({std::move(e), s->column_text(6)});
    }
  }
  std::stable_sort(items.begin(), items.end(), [](const Keyed& a, const Keyed& b) {
    if (a.entry.on != b.entry.on) return a.entry.on > b.entry.on;
    if (a.entry.time != b.entry.time) return a.entry.time > b.entry.time;
    if (a.created != b.created) return a.created > b.created;
    return a.entry.ref_id > b.entry.ref_id;
  });
  o.timeline.reserve(items.size());
  for (auto& k : items) o.timeline.push_back(std::move(k.entry));

  auto goals = load_goals(store, family_id);
  if (!goals.ok()) return goals.error();
  o.goals = std::move(*goals);
  const std::string horizon = add_days(day, kReviewHorizonDays);
  for (const auto& g : o.goals) {
    if (goal_is_open(g.status) && !g.next_review_on.empty() && g.next_review_on <= horizon)
      o.due_reviews.push_back({g.id, g.perspective, g.title, g.next_review_on, g.next_review_on < day});
  }
  std::stable_sort(o.due_reviews.begin(), o.due_reviews.end(), [](const DueReview& a, const DueReview& b) {
    return a.next_review_on < b.next_review_on;
  });
  auto resp = load_responsibilities(store, family_id);
  if (!resp.ok()) return resp.error();
  o.responsibilities = std::move(*resp);
  auto progress = instrument_progress(store, family_id);
  if (!progress.ok()) return progress.error();
  o.instrument = std::move(*progress);
  return o;
}

//-----------------------------------------------------------------------------
// [SECTION] Family list and search
//-----------------------------------------------------------------------------

namespace {

// The FTS5 expression of a query: every term (AND), each term as an OR of
// its variants as prefix phrases. Terms shorter than 3 characters search the
// names only (a one-letter prefix over all notes would match nearly everything).
std::string fts_expression(const search::Query& q) {
  std::string out;
  for (const auto& term : q.terms) {
    size_t chars = 0;
    for (unsigned char c : term.front())
      if ((c & 0xC0) != 0x80) ++chars;
    std::string alternatives;
    for (const auto& v : term) {
      if (!alternatives.empty()) alternatives += " OR ";
      alternatives += "\"" + v + "\"*";
    }
    if (!out.empty()) out += " AND ";
    out += (chars < 3 ? "names : (" : "(") + alternatives + ")";
  }
  return out;
}

// The texts of a family in the order a match is reported: names, family
// note, contacts (newest first), goals, status and assessment notes.
constexpr const char* kSourcesSql =
    "SELECT 0, family_name || coalesce((SELECT ', ' || group_concat(trim(first_name || ' ' || last_name), ', "
    "') "
    "FROM persons WHERE family_id = ?1), ''), '', '' FROM families WHERE id = ?1 "
    "UNION ALL SELECT 1, note || ' ' || access_note, '', '' FROM families WHERE id = ?1 "
    "UNION ALL SELECT * FROM (SELECT 2, note || ' ' || next_steps || ' ' || others_present || ' ' || place, "
    "kind, "
    "contact_on FROM contacts WHERE family_id = ?1 ORDER BY contact_on DESC, start_time DESC) "
    "UNION ALL SELECT 3, title || ' ' || description, '', '' FROM goals WHERE family_id = ?1 "
    "UNION ALL SELECT 1, note, '', '' FROM status_changes WHERE family_id = ?1 "
    "UNION ALL SELECT 1, note, '', '' FROM assessments WHERE family_id = ?1";

std::string source_label(const Statement& s, const Labels& labels) {
  switch (s.column_int(0)) {
    case 0:
      return tr(Str::case_context_name);
    case 1:
      return tr(Str::case_context_note);
    case 2:
      return label_of(labels, "contact_kind", s.column_text(2)) + " " + german_date(s.column_text(3));
    default:
      return tr(Str::case_context_goal);
  }
}

// "Hausbesuch 03.11.2026: …schläft seit zwei Wochen…": the first source that
// matches every term; when the terms are spread over several sources (a name
// and a note), the first source with the most terms, preferring notes. Reads
// the sources one by one and stops as soon as every term was seen, so a page
// of results costs little.
Result<std::string> context_for(Statement& s, int64_t family_id, const search::Query& q,
                                const Labels& labels) {
  s.reset();
  s.bind(1, family_id);
  std::string best;
  size_t best_hits = 0;
  std::vector<bool> seen(q.terms.size(), false);
  for (;;) {
    auto row = s.step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    const std::string text = s.column_text(1);
    const std::string folded = search::fold_for_search(text);
    size_t hits = 0;
    for (size_t t = 0; t < q.terms.size(); ++t) {
      if (search::term_matches(folded, q.terms[t])) {
        ++hits;
        seen[t] = true;
      }
    }
    const bool is_name = s.column_int(0) == 0;
    if (hits > best_hits || (hits > 0 && hits == best_hits && !is_name && best_hits < q.terms.size())) {
      best = source_label(s, labels) + ": " + search::match_context(text, q);
      best_hits = hits;
    }
    if (best_hits == q.terms.size()) break;
    if (!is_name && std::all_of(seen.begin(), seen.end(), [](bool b) { return b; })) break;
  }
  return best;
}

}  // namespace

Result<FamilyListPage> list_families(const Store& store, const FamilyListQuery& query) {
  sqlite3* db = store.db();
  const std::string day = query.today.empty() ? today() : query.today;
  using Bind = std::variant<int64_t, std::string>;
  std::vector<Bind> binds;
  std::string where = " WHERE 1";
  auto param = [&](Bind b) {
    binds.push_back(std::move(b));
    return "?" + std::to_string(binds.size());
  };
  search::Query q;
  if (!query.text.empty()) {
    q = search::parse_query(query.text);
    if (!q.empty())
      where += " AND f.id IN (SELECT rowid FROM family_search WHERE family_search MATCH " +
               param(fts_expression(q)) + ")";
  }
  if (!query.statuses.empty()) {
    where += " AND f.status IN (";
    for (size_t i = 0; i < query.statuses.size(); ++i)
      where += (i ? ", " : "") + param(std::string(code(query.statuses[i])));
    where += ")";
  }
  if (query.companion) where += " AND f.companion = " + param(*query.companion);
  if (query.due_reviews)
    where += " AND f.next_review_on IS NOT NULL AND f.next_review_on <= " +
             param(add_days(day, kReviewHorizonDays));
  if (query.without_next_visit) where += " AND f.next_appointment IS NULL";
  if (!query.next_visit_from.empty())
    where += " AND f.next_appointment IS NOT NULL AND substr(f.next_appointment, 1, 10) >= " +
             param(query.next_visit_from);
  if (!query.next_visit_to.empty())
    where += " AND f.next_appointment IS NOT NULL AND substr(f.next_appointment, 1, 10) <= " +
             param(query.next_visit_to);

  const char* dir = query.descending ? " DESC" : "";
  std::string order;
  switch (query.sort) {
    case FamilySort::name:
      order = std::string("f.sort_key") + dir + ", f.id" + dir;
      break;
    case FamilySort::status:
      order = std::string(
                  "CASE f.status WHEN 'anfrage' THEN 0 WHEN 'erstkontakt' THEN 1 WHEN 'laufend' THEN 2 "
                  "ELSE 3 END") +
              dir + ", f.sort_key, f.id";
      break;
    case FamilySort::last_contact:
      order = std::string("f.last_contact_on") + dir + " NULLS LAST, f.sort_key, f.id";
      break;
    case FamilySort::next_appointment:
      order = std::string("f.next_appointment") + dir + " NULLS LAST, f.sort_key, f.id";
      break;
    case FamilySort::next_review:
      order = std::string("f.next_review_on") + dir + " NULLS LAST, f.sort_key, f.id";
      break;
    case FamilySort::created:
      order = std::string("f.id") + dir;
      break;
  }

  auto bind_all = [&](Statement& s) {
    for (size_t i = 0; i < binds.size(); ++i) {
      if (auto* n = std::get_if<int64_t>(&binds[i]))
        s.bind(static_cast<int>(i + 1), *n);
      else
        s.bind(static_cast<int>(i + 1), std::string_view(std::get<std::string>(binds[i])));
    }
  };

  FamilyListPage page;
  {
    // Only a text search: the FTS index counts alone. Otherwise the covering
    // index families_list answers without reading the (wide) family rows.
    const bool text_only = !q.empty() && binds.size() == 1;
    auto s =
        prepare(db, text_only ? "SELECT count(*) FROM family_search WHERE family_search MATCH ?1"
                              : ("SELECT count(*) FROM families f INDEXED BY families_list" + where).c_str());
    if (!s.ok()) return s.error();
    bind_all(*s);
    auto row = s->step();
    if (!row.ok()) return row.error();
    page.total = static_cast<int>(s->column_int(0));
  }
  const int limit = std::max(0, query.limit), offset = std::max(0, query.offset);
  const std::string sql =
      "SELECT f.id, f.family_name, f.status, f.companion, coalesce(f.last_contact_on, ''), "
      "coalesce(f.next_appointment, ''), coalesce(f.next_review_on, '') FROM families f INDEXED BY "
      "families_list" +
      where + " ORDER BY " + order + " LIMIT " + std::to_string(limit) + " OFFSET " + std::to_string(offset);
  auto s = prepare(db, sql.c_str());
  if (!s.ok()) return s.error();
  bind_all(*s);
  for (;;) {
    auto row = s->step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    FamilyListRow r;
    r.id = s->column_int(0);
    r.family_name = s->column_text(1);
    r.status = family_status_from(s->column_text(2)).value_or(FamilyStatus::anfrage);
    r.companion = s->column_text(3);
    r.last_contact_on = s->column_text(4);
    r.next_appointment = s->column_text(5);
    r.next_review_on = s->column_text(6);
    page.rows.push_back(std::move(r));
  }
  if (!q.empty() && !page.rows.empty()) {
    auto labels = catalog_labels(db);
    if (!labels.ok()) return labels.error();
    auto sources = prepare(db, kSourcesSql);
    if (!sources.ok()) return sources.error();
    for (auto& r : page.rows) {
      auto context = context_for(*sources, r.id, q, *labels);
      if (!context.ok()) return context.error();
      r.context = std::move(*context);
    }
  }
  return page;
}

Result<FamilyListPage> search_families(const Store& store, const std::string& text, int limit) {
  FamilyListQuery q;
  q.text = text;
  q.limit = limit;
  return list_families(store, q);
}

Result<std::vector<std::string>> list_companions(const Store& store) {
  auto s =
      prepare(store.db(), "SELECT DISTINCT companion FROM families WHERE companion <> '' ORDER BY companion");
  if (!s.ok()) return s.error();
  std::vector<std::string> out;
  for (;;) {
    auto row = s->step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    out.push_back(s->column_text(0));
  }
  return out;
}

}  // namespace bb::store
