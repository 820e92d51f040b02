# Finds kbsearch's dependencies (all from Debian packages) and provides each
# as an imported target. Used by the build and by the installed package
# config, so a consumer of a static libkbsearch gets the same dependencies.
# Once per directory, not GLOBAL: the imported targets below are visible only
# in the directory that creates them and below, so a consumer calling
# find_package(kbsearch) in two sibling directories needs them made twice.
include_guard(DIRECTORY)
include(CMakeFindDependencyMacro)

find_dependency(Threads)
find_dependency(ICU COMPONENTS uc i18n)
# Debian's cmark CMake config also requires the cmark program (a separate
# package), so use its pkg-config file instead.
find_package(PkgConfig REQUIRED)
if(NOT TARGET PkgConfig::cmark)
  pkg_check_modules(cmark REQUIRED IMPORTED_TARGET GLOBAL libcmark)
endif()
find_dependency(yaml-cpp)
find_dependency(nlohmann_json)

# Xapian's CMake config sets variables rather than a target.
find_dependency(Xapian)
if(NOT TARGET kbsearch::xapian)
  add_library(kbsearch::xapian INTERFACE IMPORTED)
  set_target_properties(kbsearch::xapian PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${XAPIAN_INCLUDE_DIR}"
    INTERFACE_LINK_LIBRARIES "${XAPIAN_LIBRARIES}")
endif()

# CLD2 ships no CMake or pkg-config file.
if(NOT TARGET kbsearch::cld2)
  find_path(CLD2_INCLUDE_DIR cld2/public/compact_lang_det.h REQUIRED)
  find_library(CLD2_LIBRARY cld2 REQUIRED)
  add_library(kbsearch::cld2 UNKNOWN IMPORTED)
  set_target_properties(kbsearch::cld2 PROPERTIES
    IMPORTED_LOCATION "${CLD2_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${CLD2_INCLUDE_DIR}")
endif()
