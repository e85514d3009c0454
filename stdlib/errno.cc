// The errno module: the error numbers of the C library (values from <errno.h>, so always the
// platform's own), and errorcode, mapping each number back to its name.
//
// Invariants: the table is ordered so that, where two names share a number (EAGAIN and
// EWOULDBLOCK, EDEADLK and EDEADLOCK, ENOTSUP and EOPNOTSUPP), errorcode maps it to the name
// CPython's does on Linux: the alias comes first and the later entry wins.
#include <cerrno>
#include <cstdint>

#include "stdlib/stdlib.h"
#include "vm/dict.h"
#include "vm/instance.h"
#include "vm/interpreter.h"
#include "vm/native.h"
#include "vm/str.h"

namespace gilvm::stdlib {

using namespace gilvm::vm;

namespace {

struct ErrnoName {
  const char* name;
  int value;
};

const ErrnoName kErrnoNames[] = {
#ifdef ENODEV
      {"ENODEV", ENODEV},
#endif
#ifdef ENOCSI
      {"ENOCSI", ENOCSI},
#endif
#ifdef EHOSTUNREACH
      {"EHOSTUNREACH", EHOSTUNREACH},
#endif
#ifdef ENOMSG
      {"ENOMSG", ENOMSG},
#endif
#ifdef EUCLEAN
      {"EUCLEAN", EUCLEAN},
#endif
#ifdef EL2NSYNC
      {"EL2NSYNC", EL2NSYNC},
#endif
#ifdef EL2HLT
      {"EL2HLT", EL2HLT},
#endif
#ifdef ENODATA
      {"ENODATA", ENODATA},
#endif
#ifdef ENOTBLK
      {"ENOTBLK", ENOTBLK},
#endif
#ifdef ENOSYS
      {"ENOSYS", ENOSYS},
#endif
#ifdef EPIPE
      {"EPIPE", EPIPE},
#endif
#ifdef EINVAL
      {"EINVAL", EINVAL},
#endif
#ifdef EOVERFLOW
      {"EOVERFLOW", EOVERFLOW},
#endif
#ifdef EADV
      {"EADV", EADV},
#endif
#ifdef EINTR
      {"EINTR", EINTR},
#endif
#ifdef EUSERS
      {"EUSERS", EUSERS},
#endif
#ifdef ENOTEMPTY
      {"ENOTEMPTY", ENOTEMPTY},
#endif
#ifdef ENOBUFS
      {"ENOBUFS", ENOBUFS},
#endif
#ifdef EPROTO
      {"EPROTO", EPROTO},
#endif
#ifdef EREMOTE
      {"EREMOTE", EREMOTE},
#endif
#ifdef ENAVAIL
      {"ENAVAIL", ENAVAIL},
#endif
#ifdef ECHILD
      {"ECHILD", ECHILD},
#endif
#ifdef ELOOP
      {"ELOOP", ELOOP},
#endif
#ifdef EXDEV
      {"EXDEV", EXDEV},
#endif
#ifdef E2BIG
      {"E2BIG", E2BIG},
#endif
#ifdef ESRCH
      {"ESRCH", ESRCH},
#endif
#ifdef EMSGSIZE
      {"EMSGSIZE", EMSGSIZE},
#endif
#ifdef EAFNOSUPPORT
      {"EAFNOSUPPORT", EAFNOSUPPORT},
#endif
#ifdef EBADR
      {"EBADR", EBADR},
#endif
#ifdef EHOSTDOWN
      {"EHOSTDOWN", EHOSTDOWN},
#endif
#ifdef EPFNOSUPPORT
      {"EPFNOSUPPORT", EPFNOSUPPORT},
#endif
#ifdef ENOPROTOOPT
      {"ENOPROTOOPT", ENOPROTOOPT},
#endif
#ifdef EBUSY
      {"EBUSY", EBUSY},
#endif
#ifdef EWOULDBLOCK
      {"EWOULDBLOCK", EWOULDBLOCK},
#endif
#ifdef EAGAIN
      {"EAGAIN", EAGAIN},
#endif
#ifdef EBADFD
      {"EBADFD", EBADFD},
#endif
#ifdef EDOTDOT
      {"EDOTDOT", EDOTDOT},
#endif
#ifdef EISCONN
      {"EISCONN", EISCONN},
#endif
#ifdef ENOANO
      {"ENOANO", ENOANO},
#endif
#ifdef ESHUTDOWN
      {"ESHUTDOWN", ESHUTDOWN},
#endif
#ifdef ECHRNG
      {"ECHRNG", ECHRNG},
#endif
#ifdef ELIBBAD
      {"ELIBBAD", ELIBBAD},
#endif
#ifdef ENONET
      {"ENONET", ENONET},
#endif
#ifdef EBADE
      {"EBADE", EBADE},
#endif
#ifdef EBADF
      {"EBADF", EBADF},
#endif
#ifdef EMULTIHOP
      {"EMULTIHOP", EMULTIHOP},
#endif
#ifdef EIO
      {"EIO", EIO},
#endif
#ifdef EUNATCH
      {"EUNATCH", EUNATCH},
#endif
#ifdef EPROTOTYPE
      {"EPROTOTYPE", EPROTOTYPE},
#endif
#ifdef ENOSPC
      {"ENOSPC", ENOSPC},
#endif
#ifdef ENOEXEC
      {"ENOEXEC", ENOEXEC},
#endif
#ifdef EALREADY
      {"EALREADY", EALREADY},
#endif
#ifdef ENETDOWN
      {"ENETDOWN", ENETDOWN},
#endif
#ifdef ENOTNAM
      {"ENOTNAM", ENOTNAM},
#endif
#ifdef EACCES
      {"EACCES", EACCES},
#endif
#ifdef ELNRNG
      {"ELNRNG", ELNRNG},
#endif
#ifdef EILSEQ
      {"EILSEQ", EILSEQ},
#endif
#ifdef ENOTDIR
      {"ENOTDIR", ENOTDIR},
#endif
#ifdef ENOTUNIQ
      {"ENOTUNIQ", ENOTUNIQ},
#endif
#ifdef EPERM
      {"EPERM", EPERM},
#endif
#ifdef EDOM
      {"EDOM", EDOM},
#endif
#ifdef EXFULL
      {"EXFULL", EXFULL},
#endif
#ifdef ECONNREFUSED
      {"ECONNREFUSED", ECONNREFUSED},
#endif
#ifdef EISDIR
      {"EISDIR", EISDIR},
#endif
#ifdef EPROTONOSUPPORT
      {"EPROTONOSUPPORT", EPROTONOSUPPORT},
#endif
#ifdef EROFS
      {"EROFS", EROFS},
#endif
#ifdef EADDRNOTAVAIL
      {"EADDRNOTAVAIL", EADDRNOTAVAIL},
#endif
#ifdef EIDRM
      {"EIDRM", EIDRM},
#endif
#ifdef ECOMM
      {"ECOMM", ECOMM},
#endif
#ifdef ESRMNT
      {"ESRMNT", ESRMNT},
#endif
#ifdef EREMOTEIO
      {"EREMOTEIO", EREMOTEIO},
#endif
#ifdef EL3RST
      {"EL3RST", EL3RST},
#endif
#ifdef EBADMSG
      {"EBADMSG", EBADMSG},
#endif
#ifdef ENFILE
      {"ENFILE", ENFILE},
#endif
#ifdef ELIBMAX
      {"ELIBMAX", ELIBMAX},
#endif
#ifdef ESPIPE
      {"ESPIPE", ESPIPE},
#endif
#ifdef ENOLINK
      {"ENOLINK", ENOLINK},
#endif
#ifdef ENETRESET
      {"ENETRESET", ENETRESET},
#endif
#ifdef ETIMEDOUT
      {"ETIMEDOUT", ETIMEDOUT},
#endif
#ifdef ENOENT
      {"ENOENT", ENOENT},
#endif
#ifdef EEXIST
      {"EEXIST", EEXIST},
#endif
#ifdef EDQUOT
      {"EDQUOT", EDQUOT},
#endif
#ifdef ENOSTR
      {"ENOSTR", ENOSTR},
#endif
#ifdef EBADSLT
      {"EBADSLT", EBADSLT},
#endif
#ifdef EBADRQC
      {"EBADRQC", EBADRQC},
#endif
#ifdef ELIBACC
      {"ELIBACC", ELIBACC},
#endif
#ifdef EFAULT
      {"EFAULT", EFAULT},
#endif
#ifdef EFBIG
      {"EFBIG", EFBIG},
#endif
#ifdef EDEADLK
      {"EDEADLK", EDEADLK},
#endif
#ifdef EDEADLOCK
      {"EDEADLOCK", EDEADLOCK},
#endif
#ifdef ENOTCONN
      {"ENOTCONN", ENOTCONN},
#endif
#ifdef EDESTADDRREQ
      {"EDESTADDRREQ", EDESTADDRREQ},
#endif
#ifdef ELIBSCN
      {"ELIBSCN", ELIBSCN},
#endif
#ifdef ENOLCK
      {"ENOLCK", ENOLCK},
#endif
#ifdef EISNAM
      {"EISNAM", EISNAM},
#endif
#ifdef ECONNABORTED
      {"ECONNABORTED", ECONNABORTED},
#endif
#ifdef ENETUNREACH
      {"ENETUNREACH", ENETUNREACH},
#endif
#ifdef ESTALE
      {"ESTALE", ESTALE},
#endif
#ifdef ENOSR
      {"ENOSR", ENOSR},
#endif
#ifdef ENOMEM
      {"ENOMEM", ENOMEM},
#endif
#ifdef ENOTSOCK
      {"ENOTSOCK", ENOTSOCK},
#endif
#ifdef ESTRPIPE
      {"ESTRPIPE", ESTRPIPE},
#endif
#ifdef EMLINK
      {"EMLINK", EMLINK},
#endif
#ifdef ERANGE
      {"ERANGE", ERANGE},
#endif
#ifdef ELIBEXEC
      {"ELIBEXEC", ELIBEXEC},
#endif
#ifdef EL3HLT
      {"EL3HLT", EL3HLT},
#endif
#ifdef ECONNRESET
      {"ECONNRESET", ECONNRESET},
#endif
#ifdef EADDRINUSE
      {"EADDRINUSE", EADDRINUSE},
#endif
#ifdef EOPNOTSUPP
      {"EOPNOTSUPP", EOPNOTSUPP},
#endif
#ifdef ENOTSUP
      {"ENOTSUP", ENOTSUP},
#endif
#ifdef EREMCHG
      {"EREMCHG", EREMCHG},
#endif
#ifdef ENAMETOOLONG
      {"ENAMETOOLONG", ENAMETOOLONG},
#endif
#ifdef ENOTTY
      {"ENOTTY", ENOTTY},
#endif
#ifdef ERESTART
      {"ERESTART", ERESTART},
#endif
#ifdef ESOCKTNOSUPPORT
      {"ESOCKTNOSUPPORT", ESOCKTNOSUPPORT},
#endif
#ifdef ETIME
      {"ETIME", ETIME},
#endif
#ifdef EBFONT
      {"EBFONT", EBFONT},
#endif
#ifdef ETOOMANYREFS
      {"ETOOMANYREFS", ETOOMANYREFS},
#endif
#ifdef EMFILE
      {"EMFILE", EMFILE},
#endif
#ifdef ETXTBSY
      {"ETXTBSY", ETXTBSY},
#endif
#ifdef EINPROGRESS
      {"EINPROGRESS", EINPROGRESS},
#endif
#ifdef ENXIO
      {"ENXIO", ENXIO},
#endif
#ifdef ENOPKG
      {"ENOPKG", ENOPKG},
#endif
#ifdef ENOMEDIUM
      {"ENOMEDIUM", ENOMEDIUM},
#endif
#ifdef EMEDIUMTYPE
      {"EMEDIUMTYPE", EMEDIUMTYPE},
#endif
#ifdef ECANCELED
      {"ECANCELED", ECANCELED},
#endif
#ifdef ENOKEY
      {"ENOKEY", ENOKEY},
#endif
#ifdef EKEYEXPIRED
      {"EKEYEXPIRED", EKEYEXPIRED},
#endif
#ifdef EKEYREVOKED
      {"EKEYREVOKED", EKEYREVOKED},
#endif
#ifdef EKEYREJECTED
      {"EKEYREJECTED", EKEYREJECTED},
#endif
#ifdef EOWNERDEAD
      {"EOWNERDEAD", EOWNERDEAD},
#endif
#ifdef ENOTRECOVERABLE
      {"ENOTRECOVERABLE", ENOTRECOVERABLE},
#endif
#ifdef ERFKILL
      {"ERFKILL", ERFKILL},
#endif
};

ModuleObject* MakeErrnoModule(ThreadState& ts) {
  Interpreter& in = ts.interp;
  RootedPtr<ModuleObject> m(ts, NewNativeModule(ts, "errno"));
  RootedPtr<DictObject> codes(ts, NewDict(ts));
  for (const ErrnoName& e : kErrnoNames) {
    StrObject* name = Intern(in, e.name);  // interned: rooted by the interpreter
    DictSetStr(m->dict, name, Value::Int(e.value));
    if (!DictSet(ts, codes.get(), Value::Int(e.value), Value::Obj(name))) return nullptr;
  }
  DictSetStr(m->dict, Intern(in, "errorcode"), Value::Obj(codes.get()));
  return m.get();
}

}  // namespace

void RegisterErrnoModule(Interpreter& in) { in.native_modules["errno"] = MakeErrnoModule; }

}  // namespace gilvm::stdlib
