// Printing a document (issue 7: Kooperationsvereinbarung, consent form,
// Offenlegungsprotokoll, Auskunft). The page is HTML from
// exchange::PrintDocument. In the browser (print_web.cpp, shell/boot.js
// host.printHtml) it goes into a hidden same-origin frame whose print dialog
// opens; nothing of it is written to any storage, and the frame is removed
// after printing and when the app locks (discard_print). Natively
// (print_native.cpp) the last page is kept in memory for the tests.
#pragma once

#include <string>

namespace bb::platform {

// Opens the print dialog for `html` (call inside a tap).
void print_html(const std::string& html);
// Removes every print frame still open (called when the app locks).
void discard_print();
// Natively: the page of the last print_html since the last discard_print ("" on the web).
const std::string& last_printed_html();

}  // namespace bb::platform
