#ifndef QLIFT_CLIBCRYPTO_SHIM_H
#define QLIFT_CLIBCRYPTO_SHIM_H
// The system's OpenSSL libcrypto (Debian: libssl-dev), used only for SHA-256 through the EVP
// digest API (the low-level SHA256_* functions are deprecated in OpenSSL 3).
#include <openssl/evp.h>
#endif
