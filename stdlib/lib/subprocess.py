# subprocess: starting programs and talking to them through pipes, as CPython 3.11's module on
# Linux (run, Popen, call, check_call, check_output, getoutput, getstatusoutput and the
# exceptions, with the same messages).
#
# Invariants:
#  - The child is started by _subprocess.spawn (stdlib/subprocess.cc): fork + exec without
#    running Python code in the child; exec and chdir failures come back as OSError subclasses
#    naming the program (or cwd), like CPython's.
#  - Waiting never holds the GIL: _subprocess.wait and _subprocess.poll release it, so other
#    threads run while a thread waits for a child or its pipes.
#  - communicate() multiplexes stdin/stdout/stderr with _subprocess.poll and os.read/os.write on
#    the raw descriptors, writing at most _PIPE_BUF bytes per ready event, so a child that fills
#    one pipe while we feed another never deadlocks. What was read or written survives a
#    TimeoutExpired, so a later communicate() carries on where the timed-out one stopped.
#  - Not supported (each raises an error naming it): preexec_fn, pass_fds, user, group,
#    extra_groups, umask, process_group, startupinfo and creationflags (Windows).

import os
import sys
import time
import _subprocess
import _thread

__all__ = ["Popen", "PIPE", "STDOUT", "call", "check_call", "getstatusoutput", "getoutput",
           "check_output", "run", "CalledProcessError", "DEVNULL", "SubprocessError",
           "TimeoutExpired", "CompletedProcess"]

PIPE = -1
STDOUT = -2
DEVNULL = -3

_PIPE_BUF = 512
_READ_CHUNK = 32768
_SIGTERM = 15
_SIGKILL = 9

# Signal names for CalledProcessError's "died with <Signals.SIGKILL: 9>." (no signal module yet).
_SIGNAL_NAMES = {1: 'SIGHUP', 2: 'SIGINT', 3: 'SIGQUIT', 4: 'SIGILL', 5: 'SIGTRAP', 6: 'SIGABRT',
                 7: 'SIGBUS', 8: 'SIGFPE', 9: 'SIGKILL', 10: 'SIGUSR1', 11: 'SIGSEGV',
                 12: 'SIGUSR2', 13: 'SIGPIPE', 14: 'SIGALRM', 15: 'SIGTERM', 17: 'SIGCHLD',
                 18: 'SIGCONT', 19: 'SIGSTOP', 20: 'SIGTSTP', 21: 'SIGTTIN', 22: 'SIGTTOU',
                 23: 'SIGURG', 24: 'SIGXCPU', 25: 'SIGXFSZ', 26: 'SIGVTALRM', 27: 'SIGPROF',
                 28: 'SIGWINCH', 29: 'SIGIO', 30: 'SIGPWR', 31: 'SIGSYS'}


class SubprocessError(Exception):
    pass


class CalledProcessError(SubprocessError):
    def __init__(self, returncode, cmd, output=None, stderr=None):
        self.returncode = returncode
        self.cmd = cmd
        self.output = output
        self.stderr = stderr

    def __str__(self):
        if self.returncode and self.returncode < 0:
            name = _SIGNAL_NAMES.get(-self.returncode)
            if name is None:
                return "Command '%s' died with unknown signal %d." % (self.cmd, -self.returncode)
            return "Command '%s' died with <Signals.%s: %d>." % (self.cmd, name, -self.returncode)
        return "Command '%s' returned non-zero exit status %d." % (self.cmd, self.returncode)

    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class TimeoutExpired(SubprocessError):
    def __init__(self, cmd, timeout, output=None, stderr=None):
        self.cmd = cmd
        self.timeout = timeout
        self.output = output
        self.stderr = stderr

    def __str__(self):
        return "Command '%s' timed out after %s seconds" % (self.cmd, self.timeout)

    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class CompletedProcess:
    def __init__(self, args, returncode, stdout=None, stderr=None):
        self.args = args
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr

    def __repr__(self):
        parts = ['args={!r}'.format(self.args), 'returncode={!r}'.format(self.returncode)]
        if self.stdout is not None:
            parts.append('stdout={!r}'.format(self.stdout))
        if self.stderr is not None:
            parts.append('stderr={!r}'.format(self.stderr))
        return "{}({})".format(type(self).__name__, ', '.join(parts))

    def check_returncode(self):
        if self.returncode:
            raise CalledProcessError(self.returncode, self.args, self.stdout, self.stderr)


# ---- helpers ---------------------------------------------------------------------------------

def _fsencode(name):
    name = os.fspath(name)
    if isinstance(name, str):
        return name.encode('utf-8')
    return name


def _exec_candidates(executable, env):
    # The paths exec tries for a program name: itself if it names a directory, otherwise each
    # directory of PATH (from env when given), as os.get_exec_path does.
    exe = _fsencode(executable)
    if b'/' in exe:
        return [exe]
    source = os.environ if env is None else env
    path = source.get('PATH')
    if path is None:
        path = source.get(b'PATH') if env is not None else None
    if path is None:
        path = os.defpath
    dirs = _fsencode(path).split(b':')
    return [d.rstrip(b'/') + b'/' + exe if d else exe for d in dirs]


def _env_list(env):
    if env is None:
        return None
    out = []
    for key in env:
        k = _fsencode(key)
        v = _fsencode(env[key])
        if b'=' in k:
            raise ValueError("illegal environment variable name")
        out.append(k + b'=' + v)
    return out


def _time_left(endtime):
    if endtime is None:
        return None
    return endtime - time.monotonic()


def _translate_newlines(data, encoding, errors):
    return data.decode(encoding, errors).replace("\r\n", "\n").replace("\r", "\n")


def _unsupported(name):
    raise NotImplementedError("subprocess: %s is not supported by gilvm" % name)


# ---- Popen -----------------------------------------------------------------------------------

class Popen:
    def __init__(self, args, bufsize=-1, executable=None, stdin=None, stdout=None, stderr=None,
                 preexec_fn=None, close_fds=True, shell=False, cwd=None, env=None,
                 universal_newlines=None, startupinfo=None, creationflags=0,
                 restore_signals=True, start_new_session=False, pass_fds=(), *,
                 user=None, group=None, extra_groups=None, encoding=None, errors=None,
                 text=None, umask=-1, pipesize=-1, process_group=None):
        self.args = args
        self.stdin = None
        self.stdout = None
        self.stderr = None
        self.pid = None
        self.returncode = None
        self._communication_started = False
        self._input = None
        self._input_offset = 0
        self._outputs = {}
        self._closed_child_fds = False
        # Held by whoever is reaping the child, so two threads never race on waitpid.
        self._waitpid_lock = _thread.allocate_lock()
        if bufsize is None:
            bufsize = -1
        if not isinstance(bufsize, int):
            raise TypeError("bufsize must be an integer")
        if preexec_fn is not None:
            _unsupported("preexec_fn")
        if pass_fds:
            _unsupported("pass_fds")
        if user is not None or group is not None or extra_groups is not None:
            _unsupported("user, group and extra_groups")
        if umask != -1:
            _unsupported("umask")
        if process_group is not None:
            _unsupported("process_group")
        if startupinfo is not None:
            raise ValueError("startupinfo is only supported on Windows platforms")
        if creationflags != 0:
            raise ValueError("creationflags is only supported on Windows platforms")
        if (text is not None and universal_newlines is not None
                and bool(universal_newlines) != bool(text)):
            raise SubprocessError('Cannot disambiguate when both text '
                                  'and universal_newlines are supplied but '
                                  'different. Pass one or the other.')
        self.text_mode = bool(encoding or errors or text or universal_newlines)
        self.encoding = encoding
        self.errors = errors
        self.universal_newlines = universal_newlines

        handles = self._get_handles(stdin, stdout, stderr)
        p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite, ours = handles
        try:
            if p2cwrite != -1:
                self.stdin = self._wrap(p2cwrite, 'wb', bufsize)
            if c2pread != -1:
                self.stdout = self._wrap(c2pread, 'rb', bufsize)
            if errread != -1:
                self.stderr = self._wrap(errread, 'rb', bufsize)
            self._execute_child(args, executable, shell, cwd, env, close_fds, start_new_session,
                                p2cread, c2pwrite, errwrite)
        except:
            for f in (self.stdin, self.stdout, self.stderr):
                if f is not None:
                    f.close()
            wrapped = [p2cwrite if self.stdin is not None else -1,
                       c2pread if self.stdout is not None else -1,
                       errread if self.stderr is not None else -1]
            for fd in (p2cwrite, c2pread, errread):
                if fd != -1 and fd not in wrapped:
                    os.close(fd)
            self._close_child_fds(ours)
            raise
        self._close_child_fds(ours)

    def _owner_of(self, fd):
        for f in (self.stdin, self.stdout, self.stderr):
            if f is not None and not f.closed and f.fileno() == fd:
                return f
        return None

    def _wrap(self, fd, mode, bufsize):
        if not self.text_mode:
            return open(fd, mode, bufsize)
        encoding = self.encoding or 'utf-8'
        errors = self.errors or 'strict'
        if mode == 'wb':
            return open(fd, 'w', encoding=encoding, errors=errors)
        return open(fd, 'r', encoding=encoding, errors=errors)

    def _close_child_fds(self, fds):
        if self._closed_child_fds:
            return
        self._closed_child_fds = True
        for fd in fds:
            try:
                os.close(fd)
            except OSError:
                pass

    @staticmethod
    def _fd_of(spec):
        if isinstance(spec, int):
            return spec
        return spec.fileno()

    def _get_handles(self, stdin, stdout, stderr):
        # The six descriptors of CPython's _get_handles (-1: none) and the child-side ones we
        # opened ourselves, which the parent closes once the child has them.
        ours = []
        p2cwrite, p2cread = self._pipe_ends(stdin, True, ours)
        c2pread, c2pwrite = self._pipe_ends(stdout, False, ours)
        if stderr == STDOUT:
            errread, errwrite = -1, c2pwrite if c2pwrite != -1 else sys.__stdout__.fileno()
        else:
            errread, errwrite = self._pipe_ends(stderr, False, ours)
        return p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite, ours

    def _pipe_ends(self, spec, child_reads, ours):
        # (parent end, child end) for one standard stream given as PIPE, DEVNULL, None (inherit),
        # a descriptor or a file; a child end opened here is added to `ours`.
        if spec == PIPE:
            read_end, write_end = os.pipe()
            parent, child = (write_end, read_end) if child_reads else (read_end, write_end)
            ours.append(child)
            return parent, child
        if spec == DEVNULL:
            child = os.open(os.devnull, os.O_RDONLY if child_reads else os.O_RDWR)
            ours.append(child)
            return -1, child
        if spec is None:
            return -1, -1
        return -1, self._fd_of(spec)

    def _execute_child(self, args, executable, shell, cwd, env, close_fds, start_new_session,
                       p2cread, c2pwrite, errwrite):
        if isinstance(args, (str, bytes)):
            args = [args]
        elif hasattr(type(args), '__fspath__'):
            if shell:
                raise TypeError('path-like args is not allowed when shell is true')
            args = [args]
        else:
            args = list(args)
        if shell:
            unix_shell = '/bin/sh'
            args = [unix_shell, "-c"] + args
            if executable:
                args[0] = executable
        if executable is None:
            executable = args[0]
        argv = [_fsencode(a) for a in args]
        candidates = _exec_candidates(executable, env)
        cwd_bytes = None if cwd is None else _fsencode(cwd)
        self.pid = _subprocess.spawn(argv, candidates, _env_list(env), cwd_bytes,
                                     p2cread, c2pwrite, errwrite, close_fds, start_new_session,
                                     executable, cwd)

    # ---- waiting --------------------------------------------------------------------------

    def _set_status(self, status):
        if self.returncode is None:
            self.returncode = os.waitstatus_to_exitcode(status)

    def poll(self):
        if self.returncode is None:
            if not self._waitpid_lock.acquire(False):
                return None  # another thread is waiting for it
            try:
                if self.returncode is None:
                    self._reap(os.WNOHANG)
            finally:
                self._waitpid_lock.release()
        return self.returncode

    def _reap(self, options):
        try:
            pid, status = os.waitpid(self.pid, options)
        except ChildProcessError:
            # Reaped outside this object (os.wait...): its status is lost.
            self.returncode = 0
            return
        if pid == self.pid:
            self._set_status(status)

    def wait(self, timeout=None):
        if self.returncode is not None:
            return self.returncode
        if timeout is None:
            with self._waitpid_lock:
                self._wait_locked(None)
            return self.returncode
        endtime = time.monotonic() + timeout
        if not self._waitpid_lock.acquire(True, max(timeout, 0)):
            raise TimeoutExpired(self.args, timeout)
        try:
            self._wait_locked(max(endtime - time.monotonic(), 0))
        finally:
            self._waitpid_lock.release()
        if self.returncode is None:
            raise TimeoutExpired(self.args, timeout)
        return self.returncode

    def _wait_locked(self, timeout):
        if self.returncode is not None:
            return
        try:
            status = _subprocess.wait(self.pid, timeout)
        except ChildProcessError:
            self.returncode = 0
            return
        if status is not None:
            self._set_status(status)

    def send_signal(self, sig):
        self.poll()
        if self.returncode is not None:
            return
        try:
            os.kill(self.pid, sig)
        except ProcessLookupError:
            pass

    def terminate(self):
        self.send_signal(_SIGTERM)

    def kill(self):
        self.send_signal(_SIGKILL)

    # ---- communicate ----------------------------------------------------------------------

    def communicate(self, input=None, timeout=None):
        if self._communication_started and input:
            raise ValueError("Cannot send input after starting communication")
        endtime = None if timeout is None else time.monotonic() + timeout
        try:
            stdout, stderr = self._communicate(input, endtime, timeout)
        finally:
            self._communication_started = True
        self.wait(timeout=_time_left(endtime))
        return (stdout, stderr)

    def _start_communication(self, input):
        if self.stdin is not None:
            try:
                self.stdin.flush()
            except BrokenPipeError:
                pass
            if input:
                if self.text_mode:
                    input = input.encode(self.stdin.encoding, self.stdin.errors)
                self._input = input
            else:
                self._close_stdin()
        for f in (self.stdout, self.stderr):
            if f is not None:
                self._outputs[id(f)] = []

    def _close_stdin(self):
        try:
            self.stdin.close()
        except BrokenPipeError:
            pass

    def _open_readers(self):
        out = []
        for f in (self.stdout, self.stderr):
            if f is not None and not f.closed:
                out.append(f.fileno())
        return out

    def _communicate(self, input, endtime, orig_timeout):
        if not self._communication_started:
            self._start_communication(input)
        while True:
            readers = self._open_readers()
            writers = []
            if self.stdin is not None and not self.stdin.closed and self._input is not None:
                writers.append(self.stdin.fileno())
            if not readers and not writers:
                break
            left = _time_left(endtime)
            if left is not None and left <= 0:
                raise self._timeout_error(orig_timeout)
            ready_r, ready_w = _subprocess.poll(readers, writers, left)
            for fd in ready_w:
                self._feed_stdin(fd)
            for fd in ready_r:
                f = self._owner_of(fd)
                data = os.read(fd, _READ_CHUNK)
                if data:
                    self._outputs[id(f)].append(data)
                else:
                    f.close()
        return self._collected(self.stdout), self._collected(self.stderr)

    def _feed_stdin(self, fd):
        chunk = self._input[self._input_offset:self._input_offset + _PIPE_BUF]
        try:
            self._input_offset += os.write(fd, chunk)
        except BrokenPipeError:
            self._close_stdin()
            return
        if self._input_offset >= len(self._input):
            self._close_stdin()

    def _collected(self, f):
        if f is None:
            return None
        data = b''.join(self._outputs[id(f)])
        if self.text_mode:
            return _translate_newlines(data, f.encoding, f.errors)
        return data

    def _timeout_error(self, orig_timeout):
        out = err = None
        if self.stdout is not None:
            out = b''.join(self._outputs[id(self.stdout)]) or None
        if self.stderr is not None:
            err = b''.join(self._outputs[id(self.stderr)]) or None
        return TimeoutExpired(self.args, orig_timeout, output=out, stderr=err)

    # ---- context manager ------------------------------------------------------------------

    def __enter__(self):
        return self

    def __exit__(self, exc_type, value, traceback):
        if self.stdout is not None:
            self.stdout.close()
        if self.stderr is not None:
            self.stderr.close()
        try:
            if self.stdin is not None:
                self._close_stdin()
        finally:
            self.wait()

    def __repr__(self):
        shown = repr(self.args)
        if len(shown) > 80:
            shown = shown[:76] + "..."
        return "<%s: returncode: %s args: %s>" % (type(self).__name__, self.returncode, shown)


# ---- the convenience functions ---------------------------------------------------------------

def run(*popenargs, input=None, capture_output=False, timeout=None, check=False, **kwargs):
    if input is not None:
        if kwargs.get('stdin') is not None:
            raise ValueError('stdin and input arguments may not both be used.')
        kwargs['stdin'] = PIPE
    if capture_output:
        if kwargs.get('stdout') is not None or kwargs.get('stderr') is not None:
            raise ValueError('stdout and stderr arguments may not be used with capture_output.')
        kwargs['stdout'] = PIPE
        kwargs['stderr'] = PIPE
    with Popen(*popenargs, **kwargs) as process:
        try:
            stdout, stderr = process.communicate(input, timeout=timeout)
        except TimeoutExpired:
            process.kill()
            process.wait()
            raise
        except:
            process.kill()
            raise
        retcode = process.poll()
        if check and retcode:
            raise CalledProcessError(retcode, process.args, output=stdout, stderr=stderr)
    return CompletedProcess(process.args, retcode, stdout, stderr)


def call(*popenargs, timeout=None, **kwargs):
    with Popen(*popenargs, **kwargs) as p:
        try:
            return p.wait(timeout=timeout)
        except:
            p.kill()
            raise


def check_call(*popenargs, **kwargs):
    retcode = call(*popenargs, **kwargs)
    if retcode:
        cmd = kwargs.get("args")
        if cmd is None:
            cmd = popenargs[0]
        raise CalledProcessError(retcode, cmd)
    return 0


def check_output(*popenargs, timeout=None, **kwargs):
    if 'stdout' in kwargs:
        raise ValueError('stdout argument not allowed, it will be overridden.')
    if 'input' in kwargs and kwargs['input'] is None:
        if kwargs.get('universal_newlines') or kwargs.get('text') or kwargs.get('encoding') \
                or kwargs.get('errors'):
            kwargs['input'] = ''
        else:
            kwargs['input'] = b''
    return run(*popenargs, stdout=PIPE, timeout=timeout, check=True, **kwargs).stdout


def getstatusoutput(cmd, *, encoding=None, errors=None):
    try:
        data = check_output(cmd, shell=True, text=True, stderr=STDOUT,
                            encoding=encoding, errors=errors)
        exitcode = 0
    except CalledProcessError as ex:
        data = ex.output
        exitcode = ex.returncode
    if data[-1:] == '\n':
        data = data[:-1]
    return exitcode, data


def getoutput(cmd, *, encoding=None, errors=None):
    return getstatusoutput(cmd, encoding=encoding, errors=errors)[1]
