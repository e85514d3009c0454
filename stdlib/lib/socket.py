"""Sockets for gilvm: the native _socket module plus the conveniences CPython's
socket.py builds on it (create_connection, create_server).

Differences from CPython 3.11, by design for now: family, type and the
constants are plain ints (CPython wraps them in IntEnums, so their repr
differs; str() and arithmetic are the same), socket.socket cannot be
subclassed, and closing a socket closes the descriptor under any file
makefile() made from it (CPython waits until those files are closed too).
"""

import _socket
from _socket import *

# A marker meaning "use the default timeout", distinct from None (blocking).
_GLOBAL_DEFAULT_TIMEOUT = object()


# socketpair and getaddrinfo are Python functions in CPython's socket.py too, so calls with
# the wrong arguments report the same binding errors.
def socketpair(family=None, type=SOCK_STREAM, proto=0):
    """Two connected sockets (AF_UNIX unless another family is given)."""
    if family is None:
        family = AF_UNIX
    return _socket.socketpair(family, type, proto)


def fromfd(fd, family, type, proto=0):
    """A socket on a duplicate of descriptor fd (which stays open)."""
    return socket(family, type, proto, dup(fd))


def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    """[(family, type, proto, canonname, sockaddr), ...] for host and port."""
    return _socket.getaddrinfo(host, port, family, type, proto, flags)


def create_connection(address, timeout=_GLOBAL_DEFAULT_TIMEOUT,
                      source_address=None, *, all_errors=False):
    """Connect to (host, port), trying each address the name resolves to,
    and return the connected socket. The last failure is raised."""
    host, port = address
    failures = []
    for family, kind, proto, _canon, sockaddr in getaddrinfo(host, port, 0, SOCK_STREAM):
        sock = None
        try:
            sock = socket(family, kind, proto)
            if timeout is not _GLOBAL_DEFAULT_TIMEOUT:
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(sockaddr)
            return sock
        except error as exc:
            if sock is not None:
                sock.close()
            if not all_errors:
                failures = []
            failures.append(exc)
    if not failures:
        raise error("getaddrinfo returns an empty list")
    if all_errors:
        raise NotImplementedError("create_connection(all_errors=True) needs ExceptionGroup, "
                                  "which gilvm does not support yet")
    last = failures[0]
    failures = None
    raise last


def has_dualstack_ipv6():
    return False


def create_server(address, *, family=AF_INET, backlog=None, reuse_port=False,
                  dualstack_ipv6=False):
    """A listening TCP socket bound to `address`, with SO_REUSEADDR set."""
    if dualstack_ipv6:
        raise ValueError("dualstack_ipv6 not supported on this platform")
    sock = socket(family, SOCK_STREAM)
    try:
        sock.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
        if reuse_port:
            sock.setsockopt(SOL_SOCKET, SO_REUSEPORT, 1)
        if family == AF_INET6:
            sock.setsockopt(IPPROTO_IPV6, IPV6_V6ONLY, 1)
        try:
            sock.bind(address)
        except error as err:
            msg = '%s (while attempting to bind on address %r)' % (err.strerror, address)
            raise error(err.errno, msg) from None
        if backlog is None:
            sock.listen()
        else:
            sock.listen(backlog)
        return sock
    except error:
        sock.close()
        raise
