// The network directory in the store: import of a directory file (diff first,
// then apply in ONE transaction), the companion's own entries and edits,
// export, the offline offer search ("Beratungsführer"), partner details with
// the fingerprint of their public key, the list of insoweit erfahrene
// Fachkräfte. Domain types: core/directory.h; the file: exchange/
// directory_file.h. Design and rules: docs/directory.md.
//
// Import rules (tests: tests/unit/directory/import_test.cpp, dir-import-*):
//   - entries are matched by their directory id; a partner, offer or
//     Fachkraft is "added", "changed" (with the fields that differ) or
//     "removed" (not in the file any more: marked removed, never deleted, so
//     referrals keep their partner; offers of a removed partner go with it);
//   - entries added on this device (origin local) are never touched;
//   - a directory entry edited on this device whose file version did not
//     change keeps the local edit; if the file changed it too, it is a
//     CONFLICT, resolved by one rule: the file wins, and the local values of
//     the fields that differ are appended to the entry's private note
//     ("Eigene Änderung, ersetzt durch das Netzwerkverzeichnis vom …:");
//   - a file with an older "Stand" than the imported one is refused unless
//     ImportOptions::allow_older;
//   - invalid files never reach this layer (the parser refuses them whole);
//     any error while applying rolls the whole import back.
//
// Index of this file:
// [SECTION] Directory status
// [SECTION] Import (diff, apply)
// [SECTION] Export
// [SECTION] Partners, offers, Fachkräfte (read)
// [SECTION] Own entries and edits
// [SECTION] Offer search
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/directory.h"
#include "core/result.h"
#include "store/store.h"

namespace bb::store {

//-----------------------------------------------------------------------------
// [SECTION] Directory status
//-----------------------------------------------------------------------------

struct DirectoryInfo {
  bool imported = false;  // a directory file was imported at least once
  std::string stand, network, publisher, publisher_phone, publisher_email, imported_at;
  int partners = 0, offers = 0, fachkraefte = 0;  // not removed, both origins
  int local_partners = 0, local_offers = 0;       // of those: own entries
};
Result<DirectoryInfo> directory_info(const Store& store);

//-----------------------------------------------------------------------------
// [SECTION] Import (diff, apply)
//-----------------------------------------------------------------------------

enum class EntryKind { partner, offer, fachkraft };
enum class ChangeKind { added, changed, removed, conflict };
Str label(EntryKind k);   // "Netzwerkpartner", "Angebot", "Insoweit erfahrene Fachkraft"
Str label(ChangeKind k);  // "neu", "geändert", "entfernt", "geändert – Ihre eigene Änderung …"

struct DirectoryChange {
  EntryKind kind = EntryKind::partner;
  ChangeKind change = ChangeKind::added;
  std::string directory_id;
  std::string name;          // partner / Fachkraft name, offer title (the file's, or the store's if removed)
  std::string partner_name;  // offers: their partner
  std::vector<std::string> fields;  // changed / conflict: the fields that differ (file keys, e.g. "phone")
  std::string kept_note;            // conflict: what is appended to the private note
};

struct DirectoryDiff {
  std::string stand_before;  // "" = no directory imported yet
  std::string stand_after;
  bool older = false;  // the file's Stand is before the imported one
  std::vector<DirectoryChange>
      changes;        // partners, then offers, then Fachkräfte; each in file order, removals last
  int unchanged = 0;  // entries of the file that are already up to date
  int count(EntryKind kind, ChangeKind change) const;
  bool empty() const { return changes.empty(); }
};

struct ImportOptions {
  bool allow_older = false;  // accept a file whose Stand is before the imported one
};

// What an import would do, without changing anything (to show before applying).
Result<DirectoryDiff> diff_directory(const Store& store, const directory::Directory& dir);

// Applies `dir` in ONE transaction and returns what was done (the diff computed
// inside that transaction). Errors: Str::dir_err_older_stand (nothing changed),
// store errors (rolled back, nothing changed).
Result<DirectoryDiff> import_directory(Store& store, const directory::Directory& dir,
                                       const ImportOptions& options = {});

//-----------------------------------------------------------------------------
// [SECTION] Export
//-----------------------------------------------------------------------------

// Decision (docs/directory.md "Export"): the export is the directory as this
// device has it — every entry from the directory that is not removed, with
// local edits, and the imported Stand/network/coordination. Own entries
// (origin local) only with include_local (they get ids "local-p<N>",
// "local-o<N>", "local-f<N>"). Never exported: private notes, removed
// entries, referrals or anything else about families.
struct ExportOptions {
  bool include_local = false;
  std::string stand;  // "" = the imported Stand (or today if none was imported)
};
Result<directory::Directory> export_directory(const Store& store, const ExportOptions& options = {});

//-----------------------------------------------------------------------------
// [SECTION] Partners, offers, Fachkräfte (read)
//-----------------------------------------------------------------------------

enum class Origin { directory, local };

struct OfferRecord {
  int64_t id = 0, partner_id = 0;
  Origin origin = Origin::directory;
  directory::Offer offer;  // offer.id = directory id ("" for own entries)
  bool locally_edited = false, removed = false;
};

struct PartnerRecord {
  int64_t id = 0;
  Origin origin = Origin::directory;
  directory::Partner partner;  // partner.id = directory id; partner.offers empty (see `offers`)
  directory::Category category = directory::Category::weitere;
  std::string local_note;   // private, never exported
  std::string fingerprint;  // of partner.age_key, four groups of four characters ("" without key)
  bool locally_edited = false, removed = false;
  std::vector<OfferRecord> offers;  // not removed, in file order (own offers after)
};
Result<PartnerRecord> load_partner(const Store& store, int64_t partner_id);
Result<OfferRecord> load_offer(const Store& store, int64_t offer_id);

struct PartnerQuery {
  std::string text;  // name, type, town, contact person (folded like family search)
  std::optional<directory::Category> category;  // nullopt = all four
  std::string type;                             // partner type code, "" = all
  bool include_removed = false;
  int offset = 0, limit = 100;
};
struct PartnerRow {
  int64_t id = 0;
  Origin origin = Origin::directory;
  std::string name, type, town, phone;
  directory::Category category = directory::Category::weitere;
  int offers = 0;
  bool cooperation_signed = false, removed = false;
};
struct PartnerPage {
  int total = 0;
  std::vector<PartnerRow> rows;  // by category, then name
};
Result<PartnerPage> list_partners(const Store& store, const PartnerQuery& query);

struct FachkraftRecord {
  int64_t id = 0;
  Origin origin = Origin::directory;
  directory::Fachkraft fachkraft;
  std::string local_note;
  bool locally_edited = false, removed = false;
};
// The insoweit erfahrene Fachkräfte (Anlage 2), by name; `text` filters
// (name, organisation, town, note; folded). The child-protection section
// links here.
Result<std::vector<FachkraftRecord>> list_fachkraefte(const Store& store, const std::string& text = {});

// The fingerprint of a partner's public key, to compare by phone
// (crypto/fingerprint.h). Errors: Str::dir_err_age_key.
Result<std::string> age_key_fingerprint(const std::string& age_key);

//-----------------------------------------------------------------------------
// [SECTION] Own entries and edits
//-----------------------------------------------------------------------------

// Each is one transaction; validation errors come back as cases::to_error
// (cases::invalid_field(error) names the field). Ids of the `in` values are
// ignored. Editing a directory entry marks it locally edited (see the import
// rules above); editing an own entry does not.
Result<int64_t> add_partner(Store& store, const directory::Partner& in);  // origin local; in.offers ignored
Status edit_partner(Store& store, int64_t partner_id, const directory::Partner& in);
Status set_partner_note(Store& store, int64_t partner_id, const std::string& note);  // private note
Status remove_partner(Store& store, int64_t partner_id);  // marks removed (with its offers)

Result<int64_t> add_offer(Store& store, int64_t partner_id, const directory::Offer& in);  // origin local
Status edit_offer(Store& store, int64_t offer_id, const directory::Offer& in);
Status remove_offer(Store& store, int64_t offer_id);

Result<int64_t> add_fachkraft(Store& store, const directory::Fachkraft& in);  // origin local
Status edit_fachkraft(Store& store, int64_t fachkraft_id, const directory::Fachkraft& in);
Status set_fachkraft_note(Store& store, int64_t fachkraft_id, const std::string& note);
Status remove_fachkraft(Store& store, int64_t fachkraft_id);

//-----------------------------------------------------------------------------
// [SECTION] Offer search
//-----------------------------------------------------------------------------

struct OfferQuery {
  std::string text;   // words of title, description, partner name and type, languages, target groups, topics
  std::string need;   // a need_codes() code ("schlafen"), "" = any
  std::string place;  // postcode, town or district (prefix, folded), of the offer's location or its partner
  std::optional<directory::Category> category;
  bool pregnancy = false;               // only offers for pregnancy
  std::optional<int> child_age_months;  // only offers whose age range includes this age
  int offset = 0, limit = 50;
};
struct OfferRow {
  int64_t offer_id = 0, partner_id = 0;
  Origin origin = Origin::directory;
  std::string title, partner_name, partner_type, town, district, cost;
  directory::Category category = directory::Category::weitere;
  std::vector<std::string> topics;  // need codes
  bool pregnancy = false;
  std::optional<int> age_from_months, age_to_months;
};
struct OfferPage {
  int total = 0;
  std::vector<OfferRow> rows;  // by partner name, then title
};
// Only offers that are not removed and whose partner is not removed.
Result<OfferPage> search_offers(const Store& store, const OfferQuery& query);

}  // namespace bb::store
