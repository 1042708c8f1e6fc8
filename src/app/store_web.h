// The browser app's store session (one per page) and the C functions
// shell/boot.js and shell/store.js call for it. See store_web.cpp.
#pragma once

#include "store/session.h"

namespace bb::app {

// Created on first use, after shell/store.js handed over the stored image.
store::Session& session();
// The session with what shell/store.js found (bb_store_loaded): call once in bb_start.
store::Session& start_session();

}  // namespace bb::app
