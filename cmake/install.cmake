# Install rules for embedding hosts: `cmake --install <build> --prefix <dir>` installs
#   include/gilvm/gilvm.h                       the public header (and no internal header)
#   lib/libgilvm_embed.a + the static libraries it is made of (vm, stdlib, compiler)
#   lib/cmake/gilvm/gilvmConfig.cmake, gilvmConfigVersion.cmake, gilvmTargets*.cmake
# so that a host does
#   find_package(gilvm 0.1 REQUIRED)
#   target_link_libraries(app PRIVATE gilvm::gilvm)
# The gilvm CLI is not installed: a host links the library. tests/embed/install_test.py checks
# all of it against a consumer project (tests/embed/consumer/).
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(GILVM_CMAKE_INSTALL_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/gilvm)

# gilvm::gilvm is the one target a host names; the others are exported only because the static
# library's link line needs them (gilvm_config carries nothing a host sees: its include path
# and definitions are for building gilvm itself).
set_target_properties(gilvm_embed PROPERTIES EXPORT_NAME gilvm)
install(TARGETS gilvm_embed gilvm_vm gilvm_stdlib gilvm_compiler gilvm_config
  EXPORT gilvmTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${PROJECT_SOURCE_DIR}/include/gilvm/gilvm.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/gilvm)
install(EXPORT gilvmTargets NAMESPACE gilvm:: DESTINATION ${GILVM_CMAKE_INSTALL_DIR})

configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/gilvmConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/gilvmConfig.cmake
  INSTALL_DESTINATION ${GILVM_CMAKE_INSTALL_DIR})
# 0.x: a minor version may change the API, so only the same major.minor is compatible.
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/gilvmConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/gilvmConfig.cmake ${CMAKE_CURRENT_BINARY_DIR}/gilvmConfigVersion.cmake
  DESTINATION ${GILVM_CMAKE_INSTALL_DIR})
