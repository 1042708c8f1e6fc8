# Assembles the static web app in BB_DIST_DIR: the HTML shell, boot.js, the
# Emscripten output, the manifest and icons, the fonts from Debian's packages,
# and sw.js with the build's content hash and the list of every file to precache.
# Run by the `dist` target when the app relinks or a shell file changes (cmake -P).

set(fonts
  /usr/share/fonts/truetype/open-sans/OpenSans-Regular.ttf
  /usr/share/fonts/truetype/open-sans/OpenSans-Semibold.ttf
  /usr/share/fonts/truetype/fork-awesome/forkawesome-webfont.ttf)

# Empty the folder but keep it: a server started in it keeps working.
file(GLOB old "${BB_DIST_DIR}/*")
if(old)
  file(REMOVE_RECURSE ${old})
endif()
file(MAKE_DIRECTORY "${BB_DIST_DIR}/fonts" "${BB_DIST_DIR}/icons")
file(COPY "${BB_SOURCE_DIR}/shell/index.html" "${BB_SOURCE_DIR}/shell/boot.js" "${BB_SOURCE_DIR}/shell/early.js" "${BB_SOURCE_DIR}/shell/store.js" "${BB_SOURCE_DIR}/shell/style.css" "${BB_SOURCE_DIR}/shell/print.css"
          "${BB_SOURCE_DIR}/web/manifest.webmanifest"
          "${BB_BUILD_DIR}/app.js" "${BB_BUILD_DIR}/app.wasm"
     DESTINATION "${BB_DIST_DIR}")
file(GLOB icons "${BB_SOURCE_DIR}/web/icons/*")
file(COPY ${icons} DESTINATION "${BB_DIST_DIR}/icons")
foreach(font ${fonts})
  if(NOT EXISTS "${font}")
    message(FATAL_ERROR "font ${font} is missing (hint: run tools/setup)")
  endif()
  file(COPY "${font}" DESTINATION "${BB_DIST_DIR}/fonts")
endforeach()

# Every file, sorted, with its hash: the build id changes when any byte does.
file(GLOB_RECURSE files RELATIVE "${BB_DIST_DIR}" "${BB_DIST_DIR}/*")
list(SORT files)
set(assets "'./'")
set(hashes "")
foreach(f ${files})
  file(SHA256 "${BB_DIST_DIR}/${f}" h)
  string(APPEND hashes "${f}:${h}\n")
  string(APPEND assets ", '${f}'")
endforeach()
string(SHA256 build_hash "${hashes}")
string(SUBSTRING "${build_hash}" 0 16 short_hash)
set(BB_BUILD_ID "${BB_VERSION}-${short_hash}")
set(BB_ASSETS "${assets}")
configure_file("${BB_SOURCE_DIR}/web/sw.js" "${BB_DIST_DIR}/sw.js" @ONLY)
file(WRITE "${BB_DIST_DIR}/build.txt" "${BB_BUILD_ID}\n")
