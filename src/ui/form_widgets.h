// Form building blocks for the case documentation: date and time pickers made
// for fingers, selections from a catalogue, chips, check boxes and the German
// validation message next to its field. Values are the core's text forms
// (dates ISO "YYYY-MM-DD", times "HH:MM", catalogue codes); the rules stay in
// the core (src/core/cases.h validate_*), these only show what it says.
// Each widget takes a stable test ID; its parts get "<id>.<part>".
#pragma once

#include <string>
#include <vector>

#include "core/cases.h"

namespace bb::ui {

// The validation messages of one form, as the core returned them.
struct FieldErrors {
  cases::ValidationErrors list;
  std::string general;  // an error that names no field (shown at the top)
  void clear() {
    list.clear();
    general.clear();
  }
  // Sorts an action's error into a field message or the general one.
  void set(const Error& error);
  const cases::ValidationError* find(const std::string& field) const;
};

// The message for `field` (if any), in the warning colour, under the field.
void field_error(const FieldErrors& errors, const std::string& field, const char* test_id);

// A date: a button showing "TT.MM.JJJJ" that opens a calendar (month and year
// steps, today, clear) with a field to type the date too. Returns true when
// the value changed. `allow_empty` offers "Kein Datum".
bool date_field(const char* test_id, const char* label, std::string& iso, bool allow_empty = true);
// A time "HH:MM": a button that opens hour and minute choices and a field.
bool time_field(const char* test_id, const char* label, std::string& hhmm);
// Minutes with − and + steps of `step`.
bool minutes_field(const char* test_id, const char* label, int& minutes, int step = 15);
// One entry of a catalogue (a list to tap). `empty_label` non-null offers "none".
bool select_field(const char* test_id, const char* label, std::string& code,
                  const std::vector<cases::CatalogEntry>& entries, const char* empty_label = nullptr);
// Several entries as toggle chips that wrap; the test ID of a chip is "<id>.<code>".
bool chips(const char* test_id, const std::vector<cases::CatalogEntry>& entries,
           std::vector<std::string>& codes);
// A row of buttons that wraps to the next line when the next one would not
// fit: call next(label) before drawing each button.
class FlowRow {
 public:
  FlowRow();
  void next(const char* label);

 private:
  float right_;
  bool first_ = true;
};

// A check box one touch target high; `personal`: the label names a person.
bool check_field(const char* test_id, const char* label, bool& value, bool personal = false);

}  // namespace bb::ui
