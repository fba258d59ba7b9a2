# The fuzz targets and what each links: included by tests/fuzz/CMakeLists.txt
# (libFuzzer binaries, clang) and tests/fuzz_replay/CMakeLists.txt (replay
# binaries, any compiler), so both always agree on the list.
# A target is tests/fuzz/<name>_fuzz.cc with its seed corpus in
# tests/fuzz/corpus/<name>/.
set(PKG_FUZZ_TARGETS statements query ingest server)
set(PKG_FUZZ_LIBS_statements pkg_graph)
set(PKG_FUZZ_LIBS_query pkg_query)
set(PKG_FUZZ_LIBS_ingest pkg_ingest pkg_link)
set(PKG_FUZZ_LIBS_server pkg_web pkg_store pkg_ingest)
set(PKG_FUZZ_SOURCE_DIR ${CMAKE_SOURCE_DIR}/tests/fuzz)

# pkg_fuzz_libs_ready(NAME OUT): OUT is TRUE when every library NAME needs exists
# (a folder with no sources yet has no library).
function(pkg_fuzz_libs_ready name out)
  set(ready TRUE)
  foreach(lib ${PKG_FUZZ_LIBS_${name}})
    if(NOT TARGET ${lib})
      set(ready FALSE)
    endif()
  endforeach()
  set(${out} ${ready} PARENT_SCOPE)
endfunction()
