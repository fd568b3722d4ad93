# Compiler warnings (STYLE.md); -Werror only when SHI_WARNINGS_AS_ERRORS is on (CI, make check).
function(shi_set_warnings target)
  if(CMAKE_C_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes
      -Wmissing-prototypes -Wformat=2 -Wcast-qual -Wwrite-strings -Wundef -Wvla -Wdouble-promotion)
    if(SHI_WARNINGS_AS_ERRORS)
      target_compile_options(${target} PRIVATE -Werror)
    endif()
  endif()
endfunction()
