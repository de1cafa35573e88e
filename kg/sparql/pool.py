"""The query workers of `kg serve`: processes started once, each limited in time and memory.

Oxigraph cannot cancel a query in its own thread, so queries do not run in the server's threads.
A process forked at start-up, before any thread exists, loads the graph once (the zygote) and
forks the workers, which share the loaded store copy-on-write. A worker answers one query at a
time under an address-space limit (RLIMIT_AS: its size at start plus --max-memory), so a query
that grows past it fails alone. The server kills a worker that runs past the time limit, or
finds one dead, and asks the zygote for a fresh one: the pool stays full and nothing a query did
is seen by the next.

With --threads T, each worker process answers T queries at once, in threads sharing one open
store (Oxigraph releases the GIL while it evaluates): RocksDB's filters, indexes and block cache
are then held once per process instead of once per query slot. The price: a query that passes a
limit stops its process, and the queries that shared it fail with it (503).
"""

from __future__ import annotations

import gc
import json
import os
import queue
import resource
import select
import signal
import socket
import struct
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.errors import InputError, KgError

TEXT = "text/plain; charset=utf-8"
Answer = tuple[int, str, bytes]
Execute = Callable[[ox.Store, dict[str, Any]], Answer]
_LEN = struct.Struct(">Q")


def _send(sock: socket.socket, data: bytes) -> None:
    sock.sendall(_LEN.pack(len(data)) + data)


def _recv_exact(sock: socket.socket, n: int) -> bytes:
    buf = bytearray()
    while len(buf) < n:
        chunk = sock.recv(min(n - len(buf), 1 << 20))
        if not chunk:
            raise EOFError
        buf += chunk
    return bytes(buf)


def _recv_msg(sock: socket.socket) -> bytes:
    (size,) = _LEN.unpack(_recv_exact(sock, _LEN.size))
    return _recv_exact(sock, size)


def _vm_size() -> int:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0


def _worker(store: ox.Store, socks: list[socket.socket], execute: Execute, max_memory: int) -> None:
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    threaded = len(socks) > 1
    for sock in socks[1:]:
        args = (store, sock, execute, max_memory, threaded)
        threading.Thread(target=_answer, args=args, daemon=True).start()
    # each further thread may reserve a malloc arena (64 MB of address space) on first use
    limit = _vm_size() + max_memory + (len(socks) - 1) * (64 << 20)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    _answer(store, socks[0], execute, max_memory, threaded)


def _answer(store: ox.Store, sock: socket.socket, execute: Execute, max_memory: int, threaded: bool) -> None:
    """One query slot: answer jobs until the server closes the socket, then end the process."""
    while True:
        try:
            job = json.loads(_recv_msg(sock).decode("utf-8"))
        except (EOFError, OSError):
            os._exit(0)
        if not threaded:  # a backstop if the server is gone: the kernel ends a query past its limit
            signal.setitimer(signal.ITIMER_REAL, job["timeout"] + 5)
        try:
            status, media, body = execute(store, job)
        except MemoryError:
            status, media, body = 503, TEXT, _memory_message(max_memory)
        except Exception as exc:  # noqa: BLE001 - report, whatever it is, instead of dying silently
            status, media, body = 500, TEXT, f"the query failed: {type(exc).__name__}: {exc}".encode()
        if not threaded:
            signal.setitimer(signal.ITIMER_REAL, 0)
        try:
            _send(sock, f"{status} {media}\n".encode() + body)
        except MemoryError:
            os._exit(3)
        except OSError:
            os._exit(0)


def _memory_message(max_memory: int) -> bytes:
    return (
        f"the query needed more than {max_memory >> 20} MB, this endpoint's memory limit per "
        "query; narrow it or add LIMIT, or restart kg serve with a higher --max-memory"
    ).encode()


def _zygote(ctl: socket.socket, graphs: list[Path], execute: Execute, max_memory: int, threads: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # workers are reaped by the kernel
    try:
        from kg.graph.store import load, on_disk
        from kg.sparql.library import as_set

        store = as_set(load(graphs))
        # len() would scan the whole store; its graphs hold every statement
        size = _count_apart(store) if on_disk(store) else len(store)
    except KgError as exc:
        _send(ctl, f"error {exc}".encode())
        os._exit(1)
    gc.freeze()  # see Pool.__init__: what the store loaded stays shared with the workers
    _send(ctl, f"ok {size}".encode())
    while True:
        try:
            _recv_msg(ctl)  # a request for one more worker
        except (EOFError, OSError):
            os._exit(0)
        pairs = [socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM) for _ in range(threads)]
        pid = os.fork()
        if pid == 0:
            ctl.close()
            for ours, _ in pairs:
                ours.close()
            try:
                _worker(store, [theirs for _, theirs in pairs], execute, max_memory)
            finally:
                os._exit(0)
        for _, theirs in pairs:
            theirs.close()
        socket.send_fds(ctl, [_LEN.pack(pid)], [ours.fileno() for ours, _ in pairs])
        for ours, _ in pairs:
            ours.close()


def _count_apart(store: ox.Store) -> int:
    """The statements of a store on disk, counted in a child process: the scan reads the whole
    store into caches that the workers, forked from this process, would otherwise inherit (about
    30 MB at a million statements)."""
    from kg.graph.export import count_quads

    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        try:
            os.write(w, str(count_quads(store)).encode("ascii"))
        finally:
            os._exit(0)
    os.close(w)
    with os.fdopen(r, "rb") as fh:
        data = fh.read()
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:  # already reaped: SIGCHLD is ignored here
        pass
    if not data.isdigit():
        raise KgError("the store could not be read; rebuild it with `kg build`")
    return int(data)


class Proc:
    """A worker process; dead once killed, so that the slots it shares are not lent again."""

    def __init__(self, pid: int) -> None:
        self.pid, self.dead = pid, False


class Slot:
    """One query at a time, answered by one thread of a worker process."""

    def __init__(self, sock: socket.socket, proc: Proc) -> None:
        self.sock, self.proc = sock, proc


class Pool:
    """Workers started once; run() lends one to a query, waiting in a bounded queue."""

    def __init__(
        self,
        graphs: list[Path],
        execute: Execute,
        workers: int = 2,
        max_memory: int = 1 << 30,
        max_queue: int = 16,
        threads: int = 1,
    ) -> None:
        ctl, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        # Objects made so far move out of the collector's reach: its passes would write to
        # every one of them and so copy, page by page, what the forked processes share
        # (about 7 MB per worker after a load at a million statements).
        gc.freeze()
        pid = os.fork()
        if pid == 0:
            ctl.close()
            _zygote(theirs, graphs, execute, max_memory, threads)
        theirs.close()
        self.ctl, self.zygote = ctl, pid
        self.max_memory, self.max_queue, self.threads = max_memory, max_queue, threads
        self.lock = threading.Lock()
        self.idle: queue.Queue[Slot] = queue.Queue()
        self.waiting = 0
        try:
            status = _recv_msg(ctl).decode("utf-8", "replace")
        except EOFError:
            status = "error the graph could not be loaded"
        if not status.startswith("ok"):
            self.close()
            raise InputError(status.removeprefix("error ") or "the graph could not be loaded")
        self.triples = int(status.split()[1])
        self.size = workers * threads
        for _ in range(workers):
            for slot in self._spawn():
                self.idle.put(slot)

    def _spawn(self) -> list[Slot]:
        with self.lock:
            _send(self.ctl, b"w")
            msg, fds, _, _ = socket.recv_fds(self.ctl, _LEN.size, self.threads)
        if len(fds) != self.threads:
            raise KgError("the query worker could not be started; restart kg serve")
        proc = Proc(_LEN.unpack(msg)[0])
        return [Slot(socket.socket(fileno=fd), proc) for fd in fds]

    def close(self) -> None:
        while True:
            try:
                slot = self.idle.get_nowait()
            except queue.Empty:
                break
            if not slot.proc.dead:  # a stopped one's pid may belong to another process by now
                _kill(slot.proc.pid)
            slot.sock.close()
        self.ctl.close()
        try:
            os.waitpid(self.zygote, 0)
        except ChildProcessError:
            pass

    def run(self, job: dict[str, Any], timeout: float) -> tuple[int, str, bytes, dict[str, str]]:
        """(status, media type, body, extra headers) for one query."""
        busy = {"Retry-After": str(max(1, round(timeout)))}
        with self.lock:
            if self.waiting >= self.max_queue + self.size:
                return 503, TEXT, b"the endpoint is busy (its queue is full); try again shortly", busy
            self.waiting += 1
        try:
            deadline = time.monotonic() + timeout
            try:
                slot = self.idle.get(timeout=timeout)
                while slot.proc.dead:  # its process was stopped with a query of another slot
                    slot.sock.close()
                    slot = self.idle.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                return 503, TEXT, b"the endpoint is busy with other queries; try again shortly", busy
            status, media, body, keep = self._run(slot, dict(job, timeout=timeout), timeout)
            if keep:
                self.idle.put(slot)
                return status, media, body, {}
            slot.sock.close()
            if not self._replace(slot.proc):
                body = (b"the query was stopped with another query that passed a limit in the same "
                        b"worker process (kg serve --threads); try again")
            return status, media, body, {}
        except (OSError, KgError):
            return 500, TEXT, b"the query worker has stopped; restart kg serve", {}
        finally:
            with self.lock:
                self.waiting -= 1

    def _replace(self, proc: Proc) -> bool:
        """Stop a worker process and start another in its place; False if that was done already."""
        with self.lock:
            if proc.dead:
                return False
            proc.dead = True
        _kill(proc.pid)
        for slot in self._spawn():
            self.idle.put(slot)
        return True

    def _run(self, slot: Slot, job: dict[str, Any], timeout: float) -> tuple[int, str, bytes, bool]:
        start = time.monotonic()
        try:
            _send(slot.sock, json.dumps(job).encode("utf-8"))
            left = timeout + 0.5
            if not select.select([slot.sock], [], [], left)[0]:
                raise TimeoutError
            slot.sock.settimeout(max(1.0, start + timeout + 30 - time.monotonic()))
            data = _recv_msg(slot.sock)
            slot.sock.settimeout(None)
        except TimeoutError:
            return (
                503,
                TEXT,
                (
                    f"the query ran out of time ({timeout:g} s, this endpoint's limit); "
                    "narrow it or add LIMIT"
                ).encode(),
                False,
            )
        except (EOFError, OSError):
            return 503, TEXT, _memory_message(self.max_memory) + b" (or its process failed)", False
        head, _, body = data.partition(b"\n")
        status, media = head.decode().split(" ", 1)
        return int(status), media, body, True


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
