// Printable documents (issue 7): the Kooperationsvereinbarung, the consent
// form, the Offenlegungsprotokoll and the Auskunft are built as a
// PrintDocument and rendered to one self-contained HTML page that the browser
// prints (src/platform/print.h). Every value is escaped here, in one place;
// the page has no script and no inline style (the Content-Security-Policy
// allows neither): its look comes from print.css of the app's own origin
// (shell/print.css). docs/ui.md "Printing".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/i18n.h"

namespace bb::exchange {

class PrintDocument {
 public:
  explicit PrintDocument(std::string title) : title_(std::move(title)) {}

  void subtitle(std::string text);                      // under the title
  void heading(std::string text);                       // a section
  void paragraph(std::string text);                     // line breaks are kept
  void field(std::string label, std::string value);     // "label: value"
  void item(std::string text);                          // a bullet (consecutive ones form one list)
  void checkbox(std::string text, bool checked);        // ☒ / ☐ and the text
  void signature(std::string party, std::string name);  // a line to sign on, the party under it
  void note(std::string text);                          // small print at the end

  const std::string& title() const { return title_; }
  // The whole page, UTF-8; `lang` sets <html lang> and the signature caption.
  std::string html(Lang lang) const;

 private:
  enum class Kind { subtitle, heading, paragraph, field, item, checkbox, signature, note };
  struct Block {
    Kind kind;
    std::string a, b;
    bool flag = false;
  };
  std::string title_;
  std::vector<Block> blocks_;
};

// &, <, >, " and ' as entities; control characters other than tab and line
// breaks are dropped (they have no place in a printed page).
std::string escape_html(std::string_view text);

}  // namespace bb::exchange
