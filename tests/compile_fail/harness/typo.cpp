// expect: ctgrad: matmul
// Harness self-test (registered with EXPECT_NO_MATCH in ../CMakeLists.txt): the CTGRAD_KO branch
// holds a plain typo where a matmul shape error belongs. The typo makes the compile fail, so a
// bare WILL_FAIL test would go green; compile_fail.harness_typo.ko is green only because the
// output does NOT match the regex above, which shows that our ko tests cannot pass on a typo.
#include <ctgrad/ctgrad.hpp>

int harness_typo_anchor() { return 0; }

#ifdef CTGRAD_KO
int harness_typo_result = misspelled_identifier_instead_of_a_shape_error;
#endif
