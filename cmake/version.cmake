# Writes src/core/version_info.h into the build tree: the product version and the
# git commit, shown on the start screen and used to name the offline cache.
find_package(Git QUIET)
set(BB_GIT_COMMIT "unknown")
if(GIT_FOUND)
  execute_process(COMMAND ${GIT_EXECUTABLE} rev-parse --short=10 HEAD
    WORKING_DIRECTORY ${CMAKE_SOURCE_DIR} OUTPUT_VARIABLE _commit
    OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE _rc)
  if(_rc EQUAL 0)
    set(BB_GIT_COMMIT "${_commit}")
  endif()
endif()
configure_file(${CMAKE_SOURCE_DIR}/src/core/version_info.h.in
               ${CMAKE_BINARY_DIR}/generated/core/version_info.h @ONLY)
