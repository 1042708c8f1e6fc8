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
#define BB_ICON_PLUS "\xef\x81\xa7"           // U+F067
#define BB_ICON_PENCIL "\xef\x81\x80"         // U+F040
#define BB_ICON_CHEVRON_LEFT "\xef\x81\x93"   // U+F053
#define BB_ICON_CLOCK "\xef\x80\x97"          // U+F017
#define BB_ICON_TIMES "\xef\x80\x8d"          // U+F00D
#define BB_ICON_USER "\xef\x80\x87"           // U+F007
#define BB_ICON_CHECK_SQUARE "\xef\x81\x86"   // U+F046
#define BB_ICON_SQUARE "\xef\x82\x96"         // U+F096
#define BB_ICON_FILTER "\xef\x82\xb0"         // U+F0B0
#define BB_ICON_COMMENT "\xef\x81\xb5"        // U+F075
#define BB_ICON_FLAG "\xef\x80\xa4"           // U+F024
#define BB_ICON_LIST "\xef\x80\xba"           // U+F03A
#define BB_ICON_TRASH "\xef\x87\xb8"          // U+F1F8
#define BB_ICON_CARET_DOWN "\xef\x83\x97"     // U+F0D7
#define BB_ICON_SHARE "\xef\x87\xa0"          // U+F1E0 (share-alt)
