# Finds kbsearch's dependencies (all from Debian packages) for the build and
# provides each as an imported target. Only the build needs them: the
# shared library links them privately, so the installed package config
# finds none of them.
find_package(Threads REQUIRED)
find_package(ICU REQUIRED COMPONENTS uc i18n)
# Debian's cmark CMake config also requires the cmark program (a separate
# package), so use its pkg-config file instead.
find_package(PkgConfig REQUIRED)
pkg_check_modules(cmark REQUIRED IMPORTED_TARGET libcmark)
# cpp-httplib (kbsearch serve): Debian builds it as a library, with the
# TLS and compression options its pkg-config file passes on (the header's
# classes change with them).
pkg_check_modules(httplib REQUIRED IMPORTED_TARGET cpp-httplib)
find_package(yaml-cpp REQUIRED)
find_package(nlohmann_json REQUIRED)

# Xapian's CMake config sets variables rather than a target.
find_package(Xapian REQUIRED)
add_library(kbsearch::xapian INTERFACE IMPORTED)
set_target_properties(kbsearch::xapian PROPERTIES
  INTERFACE_INCLUDE_DIRECTORIES "${XAPIAN_INCLUDE_DIR}"
  INTERFACE_LINK_LIBRARIES "${XAPIAN_LIBRARIES}")

# CLD2 ships no CMake or pkg-config file.
find_path(CLD2_INCLUDE_DIR cld2/public/compact_lang_det.h REQUIRED)
find_library(CLD2_LIBRARY cld2 REQUIRED)
add_library(kbsearch::cld2 UNKNOWN IMPORTED)
set_target_properties(kbsearch::cld2 PROPERTIES
  IMPORTED_LOCATION "${CLD2_LIBRARY}"
  INTERFACE_INCLUDE_DIRECTORIES "${CLD2_INCLUDE_DIR}")
