#include "exchange/print_document.h"

namespace bb::exchange {

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r') break;
        out += c;
    }
  }
  return out;
}

namespace {

// Escaped, with each line break as <br>.
std::string escape_lines(std::string_view text) {
  std::string escaped = escape_html(text), out;
  for (char c : escaped) {
    if (c == '\r') continue;
    out += c == '\n' ? std::string("<br>") : std::string(1, c);
  }
  return out;
}

}  // namespace

void PrintDocument::subtitle(std::string text) { blocks_.push_back({Kind::subtitle, std::move(text), {}}); }
void PrintDocument::heading(std::string text) { blocks_.push_back({Kind::heading, std::move(text), {}}); }
void PrintDocument::paragraph(std::string text) { blocks_.push_back({Kind::paragraph, std::move(text), {}}); }
void PrintDocument::field(std::string label, std::string value) {
  blocks_.push_back({Kind::field, std::move(label), std::move(value)});
}
void PrintDocument::item(std::string text) { blocks_.push_back({Kind::item, std::move(text), {}}); }
void PrintDocument::checkbox(std::string text, bool checked) {
  blocks_.push_back({Kind::checkbox, std::move(text), {}, checked});
}
void PrintDocument::signature(std::string party, std::string name) {
  blocks_.push_back({Kind::signature, std::move(party), std::move(name)});
}
void PrintDocument::note(std::string text) { blocks_.push_back({Kind::note, std::move(text), {}}); }

std::string PrintDocument::html(Lang lang) const {
  std::string h = "<!doctype html>\n<html lang=\"";
  h += lang == Lang::en ? "en" : "de";
  h += "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape_html(title_) +
       "</title>\n<link rel=\"stylesheet\" href=\"print.css\">\n</head>\n<body>\n<h1>" + escape_html(title_) +
       "</h1>\n";
  // Runs of items, fields and signatures are grouped in one element each.
  Kind open{};
  bool in_group = false;
  auto close_group = [&] {
    if (!in_group) return;
    h += open == Kind::item ? "</ul>\n" : "</div>\n";
    in_group = false;
  };
  auto group = [&](Kind kind, const char* start) {
    if (in_group && open == kind) return;
    close_group();
    h += start;
    open = kind;
    in_group = true;
  };
  for (const Block& b : blocks_) {
    switch (b.kind) {
      case Kind::subtitle:
        close_group();
        h += "<p class=\"subtitle\">" + escape_lines(b.a) + "</p>\n";
        break;
      case Kind::heading:
        close_group();
        h += "<h2>" + escape_html(b.a) + "</h2>\n";
        break;
      case Kind::paragraph:
        close_group();
        h += "<p>" + escape_lines(b.a) + "</p>\n";
        break;
      case Kind::field:
        group(Kind::field, "<div class=\"fields\">\n");
        h += "<div class=\"field\"><span class=\"label\">" + escape_html(b.a) +
             "</span><span class=\"value\">" + escape_lines(b.b) + "</span></div>\n";
        break;
      case Kind::item:
        group(Kind::item, "<ul>\n");
        h += "<li>" + escape_lines(b.a) + "</li>\n";
        break;
      case Kind::checkbox:
        close_group();
        h += std::string("<p class=\"check\">") + (b.flag ? "\u2612 " : "\u2610 ") + escape_lines(b.a) +
             "</p>\n";
        break;
      case Kind::signature:
        group(Kind::signature, "<div class=\"signatures\">\n");
        h += "<div class=\"signature\"><div class=\"line\"></div><div class=\"caption\">" +
             escape_html(tr(Str::print_signature_caption, lang)) + "</div><div class=\"party\">" +
             escape_html(b.a) + "</div>";
        if (!b.b.empty()) h += "<div class=\"name\">" + escape_html(b.b) + "</div>";
        h += "</div>\n";
        break;
      case Kind::note:
        close_group();
        h += "<p class=\"note\">" + escape_lines(b.a) + "</p>\n";
        break;
    }
  }
  close_group();
  h += "</body>\n</html>\n";
  return h;
}

}  // namespace bb::exchange
