#include <git2.h>

// git_libgit2_opts is a variadic C function, which Swift cannot call; this wrapper fixes the
// signature for the one option Glassbox sets (the CA bundle used to verify HTTPS remotes).
static inline int CGit2_set_ssl_cert_file(const char *file) {
    return git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, file, (const char *)0);
}
