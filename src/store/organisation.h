// The organisation's settings that the rules of issue 7 depend on: the
// jurisdiction (Deutschland / Österreich; switches legal references and the
// child-protection flow) and the retention period after a case is closed.
// Neither has a default [our decision]: until the organisation sets them,
// "nicht eingestellt" is what the app shows (table `organisation`, one row,
// NULL = not set). Also: the companion's core profession of a family as the
// rules' Profession. Design: docs/consent.md.
#pragma once

#include <optional>

#include "core/child_protection.h"
#include "core/result.h"
#include "core/retention.h"
#include "core/rules_common.h"
#include "store/store.h"

namespace bb::store {

// nullopt: not set yet (the settings screen asks for it).
Result<std::optional<rules::Jurisdiction>> load_jurisdiction(const Store& store);
Status set_jurisdiction(Store& store, rules::Jurisdiction jurisdiction);

// months nullopt: not set. Setting a period below one month is refused
// (rules::validate_retention_months); nullopt clears it again.
Result<rules::RetentionPolicy> load_retention_policy(const Store& store);
Status set_retention_months(Store& store, std::optional<int> months);

// The companion's core profession recorded for the family (catalogue
// "profession" of the case module) as the rules' Profession: hebamme →
// hebamme, fgkikp → kinderkrankenpflege, fruehfoerderung → heilpaedagogik,
// andere → sonstige, a core code as itself; nullopt when not recorded (the
// app then asks, it never guesses).
std::optional<rules::Profession> profession_of_catalog_code(std::string_view code);
Result<std::optional<rules::Profession>> family_profession(const Store& store, int64_t family_id);

}  // namespace bb::store
