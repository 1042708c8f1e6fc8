# Imported targets for the prebuilt third-party libraries in BB_DEPS_DIR.

function(bb_import name lib include_dir)
  add_library(${name} STATIC IMPORTED GLOBAL)
  set_target_properties(${name} PROPERTIES
    IMPORTED_LOCATION "${BB_DEPS_DIR}/${lib}"
    INTERFACE_INCLUDE_DIRECTORIES "${include_dir}")
endfunction()

# SQLite3 Multiple Ciphers: the defines that change the header's API must match
# the library (see tools/lib/build-deps.sh).
bb_import(bb_sqlite libsqlite3mc.a "${BB_DEPS_DIR}/include/sqlite")
set_property(TARGET bb_sqlite PROPERTY INTERFACE_COMPILE_DEFINITIONS SQLITE_OMIT_DEPRECATED)
if(NOT BB_WEB)
  find_package(Threads REQUIRED)
  set_property(TARGET bb_sqlite PROPERTY INTERFACE_LINK_LIBRARIES Threads::Threads ${CMAKE_DL_LIBS} m)
endif()

bb_import(bb_imgui libimgui.a "${BB_DEPS_DIR}/include/imgui")
set(BB_IMGUI_DEFINES IMGUI_DISABLE_OBSOLETE_FUNCTIONS IMGUI_DISABLE_OBSOLETE_KEYIO)
if(BB_WEB)
  list(APPEND BB_IMGUI_DEFINES IMGUI_IMPL_OPENGL_ES3)
endif()
set_property(TARGET bb_imgui PROPERTY INTERFACE_COMPILE_DEFINITIONS ${BB_IMGUI_DEFINES})

if(BB_WEB)
  bb_import(bb_sodium libsodium.a "${BB_DEPS_DIR}/include")
  set_property(TARGET bb_sodium PROPERTY INTERFACE_COMPILE_DEFINITIONS SODIUM_STATIC)
else()
  find_library(SODIUM_LIBRARY NAMES sodium REQUIRED)
  find_path(SODIUM_INCLUDE_DIR sodium.h REQUIRED)
  add_library(bb_sodium INTERFACE)
  target_link_libraries(bb_sodium INTERFACE ${SODIUM_LIBRARY})
  target_include_directories(bb_sodium INTERFACE ${SODIUM_INCLUDE_DIR})
endif()

# Header-only libraries from Debian packages. They are copied into the build tree
# because the wasm build must not see /usr/include (glibc headers).
set(BB_HEADER_ONLY_DIR "${CMAKE_BINARY_DIR}/third_party/include")
file(COPY /usr/include/nlohmann /usr/include/doctest DESTINATION "${BB_HEADER_ONLY_DIR}")
add_library(bb_json INTERFACE)
target_include_directories(bb_json SYSTEM INTERFACE "${BB_HEADER_ONLY_DIR}")
add_library(bb_doctest INTERFACE)
target_include_directories(bb_doctest SYSTEM INTERFACE "${BB_HEADER_ONLY_DIR}")
