// Icon glyphs from Fork Awesome (Debian package fonts-fork-awesome, SIL OFL 1.1),
// merged into the text font by fonts.cpp. Codepoints from its fork-awesome.css.
// To add an icon: look up its "content" in that CSS, add it here and to
// kIconCodepoints in fonts.cpp (only listed glyphs are rasterised).
#pragma once

#define BB_ICON_HOME "\xef\x80\x95"           // U+F015
#define BB_ICON_USERS "\xef\x83\x80"          // U+F0C0
#define BB_ICON_SITEMAP "\xef\x83\xa8"        // U+F0E8
#define BB_ICON_COG "\xef\x80\x93"            // U+F013
#define BB_ICON_SEARCH "\xef\x80\x82"         // U+F002
#define BB_ICON_LOCK "\xef\x80\xa3"           // U+F023
#define BB_ICON_BOOK "\xef\x80\xad"           // U+F02D
#define BB_ICON_HANDSHAKE "\xef\x8a\xb5"      // U+F2B5
#define BB_ICON_SHIELD "\xef\x84\xb2"         // U+F132
#define BB_ICON_CHECK "\xef\x80\x8c"          // U+F00C
#define BB_ICON_WARNING "\xef\x81\xb1"        // U+F071
#define BB_ICON_REFRESH "\xef\x80\xa1"        // U+F021
#define BB_ICON_INFO "\xef\x81\x9a"           // U+F05A
#define BB_ICON_CHILD "\xef\x86\xae"          // U+F1AE
#define BB_ICON_HEART "\xef\x80\x84"          // U+F004
#define BB_ICON_CALENDAR "\xef\x81\xb3"       // U+F073
#define BB_ICON_GLOBE "\xef\x82\xac"          // U+F0AC
#define BB_ICON_FONT "\xef\x80\xb1"           // U+F031
#define BB_ICON_SUN "\xef\x86\x85"            // U+F185
#define BB_ICON_MOON "\xef\x86\x86"           // U+F186
#define BB_ICON_KEYBOARD "\xef\x84\x9c"       // U+F11C
#define BB_ICON_CHEVRON_RIGHT "\xef\x81\x94"  // U+F054
#define BB_ICON_WIFI "\xef\x87\xab"           // U+F1EB
#define BB_ICON_ADDRESS_BOOK "\xef\x8a\xba"   // U+F2BA
