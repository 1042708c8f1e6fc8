// Focus: printable documents (src/exchange/print_document.h,
// agreement_print.h): every value is escaped, the page has no script and no
// inline style (the CSP forbids both) and loads print.css; the
// Kooperationsvereinbarung prints every item of seed 000 ch. 4 and three
// signature lines.
#include <doctest/doctest.h>

#include <string>

#include "exchange/agreement_print.h"
#include "exchange/consent_print.h"
#include "exchange/print_document.h"

using namespace bb;
using namespace bb::exchange;

namespace {
size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}
}  // namespace

TEST_CASE("print-1: every value of a printed page is escaped, including the title and signature names") {
  PrintDocument doc("Titel <script>alert(1)</script>");
  doc.heading("A & B");
  doc.field("\"Feld\"", "Wert 'x' <img src=x onerror=y>");
  doc.item("<li>");
  doc.paragraph("Zeile 1\nZeile 2");
  doc.signature("Familie", "</div><script>");
  const std::string html = doc.html(Lang::de);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("A &amp; B") != std::string::npos);
  CHECK(html.find("&quot;Feld&quot;") != std::string::npos);
  CHECK(html.find("&#39;x&#39;") != std::string::npos);
  CHECK(html.find("Zeile 1<br>Zeile 2") != std::string::npos);
  CHECK(escape_html(std::string("a\x01"
                                "b")) == "ab");
}

TEST_CASE("print-2: a printed page has no inline script or style and takes its look from print.css") {
  PrintDocument doc("Einwilligung");
  doc.field("Zweck", "Vermittlung");
  const std::string html = doc.html(Lang::de);
  CHECK(html.find("<link rel=\"stylesheet\" href=\"print.css\">") != std::string::npos);
  CHECK(html.find("<style") == std::string::npos);
  CHECK(html.find("style=") == std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<html lang=\"de\">") != std::string::npos);
  CHECK(PrintDocument("x").html(Lang::en).find("<html lang=\"en\">") != std::string::npos);
}

TEST_CASE(
    "print-3: the printed Kooperationsvereinbarung has every item of seed 000 ch. 4, the open items and "
    "signature lines for Familie, Frühe Hilfen and KJH") {
  rules::CooperationAgreement a;
  a.version = 2;
  a.drafted_on = rules::Date::ymd(2026, 3, 1);
  a.fh_role = "Alltagsbegleitung";
  a.fallfuehrung_name = "Frau Berger";
  a.goals_familie = {"Ruhigere Nächte"};
  a.responsibilities = {{"Wohnsituation", rules::Responsible::kjh, "Frau Berger"}};
  a.companion_core_profession = "Hebamme";
  a.coordination_interval_days = 42;
  a.familie.on = rules::Date::ymd(2026, 3, 2);
  a.familie.by = "Frau Q.";
  const std::string html =
      agreement_document(a, "Familie Quellmalz-Dörr", rules::Date::ymd(2026, 3, 5), Lang::de).html(Lang::de);
  for (const char* part : {"Rolle, Auftrag und Aufgabe", "Fallführung", "Ziele und Zuständigkeiten",
                           "Kompetenzen", "Kommunikation und Berichtspflichten", "Laufende Abstimmung",
                           "Zustimmung", "Fassung 2", "Hebamme", "Wohnsituation", "Frau Berger",
                           "alle 42 Tage", "Ruhigere Nächte", "Familie Quellmalz-Dörr", "02.03.2026"})
    CHECK_MESSAGE(html.find(part) != std::string::npos, part);
  CHECK(html.find("Noch offen") != std::string::npos);  // the missing agreements of FH and KJH
  CHECK(count(html, "class=\"signature\"") == 3);
  CHECK(count(html, "Ort, Datum, Unterschrift") == 3);
}

TEST_CASE(
    "print-consent: the consent form names person, purpose, recipient, the covered categories checked and "
    "the others not, the dates, the witness of an oral consent, voluntariness and revocation, and two "
    "signature lines") {
  rules::Consent c;
  c.purpose = rules::Purpose::vermittlung;
  c.recipient = {rules::RecipientKind::netzwerkpartner, 7, "Schreiambulanz <Ost>"};
  c.categories = {rules::DataCategory::stammdaten, rules::DataCategory::gesundheit};
  c.given_on = rules::Date::ymd(2026, 11, 2);
  c.form = rules::ConsentForm::muendlich;
  c.witness = "Frau Okonkwo";
  c.valid_until = rules::Date::ymd(2027, 5, 1);
  const std::string html =
      consent_document(c, "Familie Quellmalz-Dörr", "Janne Quellmalz", Lang::de).html(Lang::de);
  for (const char* part : {"Einwilligung in die Weitergabe", "Janne Quellmalz", "Familie Quellmalz-Dörr",
                           "Vermittlung", "Schreiambulanz &lt;Ost&gt;", "02.11.2026", "mündlich",
                           "Frau Okonkwo", "01.05.2027", "freiwillig", "jederzeit", "Art. 7 Abs. 3 DSGVO"})
    CHECK_MESSAGE(html.find(part) != std::string::npos, part);
  CHECK(count(html, "\u2612") == 2);                          // ☒: the two categories consented to
  CHECK(count(html, "\u2610") == rules::kCategoryCount - 2);  // ☐: the others
  CHECK(count(html, "class=\"signature\"") == 2);
  // In English too, and a written consent shows no witness line.
  c.form = rules::ConsentForm::schriftlich;
  const std::string en = consent_document(c, "Family Q.", "Janne Quellmalz", Lang::en).html(Lang::en);
  CHECK(en.find("Consent to the disclosure") != std::string::npos);
  CHECK(en.find("Frau Okonkwo") == std::string::npos);
}
