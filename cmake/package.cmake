# libshi as a package: the libraries and headers, a CMake package
# (find_package(shi): shi::shi, the shared library, and shi::shi_static) and a
# pkg-config file. Included by CMakeLists.txt after the library targets.
include(CMakePackageConfigHelpers)
set(SHI_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/shi)

install(TARGETS shi_lib EXPORT shiStaticTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(EXPORT shiStaticTargets NAMESPACE shi:: DESTINATION ${SHI_CMAKE_DIR})
if(TARGET shi_shared)
  install(TARGETS shi_shared EXPORT shiTargets
    LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} NAMELINK_COMPONENT Development)
  install(EXPORT shiTargets NAMESPACE shi:: DESTINATION ${SHI_CMAKE_DIR})
  set(SHI_HAVE_SHARED 1)
else()
  set(SHI_HAVE_SHARED 0)
endif()
install(DIRECTORY include/shi DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

configure_package_config_file(cmake/shiConfig.cmake.in ${CMAKE_BINARY_DIR}/shiConfig.cmake
  INSTALL_DESTINATION ${SHI_CMAKE_DIR})
# 0.x: a new minor version may change the API (the soname carries it too).
write_basic_package_version_file(${CMAKE_BINARY_DIR}/shiConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_BINARY_DIR}/shiConfig.cmake ${CMAKE_BINARY_DIR}/shiConfigVersion.cmake
  DESTINATION ${SHI_CMAKE_DIR})

# shi.pc finds its prefix from where it is installed (${pcfiledir}), so a
# `cmake --install --prefix DIR` elsewhere than the configured prefix still
# gives the right -I and -L. An absolute libdir keeps its absolute prefix.
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  set(SHI_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
  set(SHI_PC_LIBDIR "${CMAKE_INSTALL_LIBDIR}")
else()
  file(RELATIVE_PATH _rel "/p/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/p")
  string(REGEX REPLACE "/$" "" _rel "${_rel}")
  set(SHI_PC_PREFIX "\${pcfiledir}/${_rel}")
  set(SHI_PC_LIBDIR "\${prefix}/${CMAKE_INSTALL_LIBDIR}")
endif()
if(IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(SHI_PC_INCLUDEDIR "${CMAKE_INSTALL_INCLUDEDIR}")
else()
  set(SHI_PC_INCLUDEDIR "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
endif()
# A static link needs the OpenMP runtime too (GOMP_parallel and friends).
set(SHI_PC_OPENMP "")
if(OpenMP_C_FOUND)
  set(SHI_PC_OPENMP "${OpenMP_C_FLAGS}")
endif()
configure_file(cmake/shi.pc.in ${CMAKE_BINARY_DIR}/shi.pc @ONLY)
install(FILES ${CMAKE_BINARY_DIR}/shi.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
