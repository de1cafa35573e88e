"""The query workers of `kg serve`: processes started once, each limited in time and memory.

Oxigraph cannot cancel a query in its own thread, so queries do not run in the server's threads
but in worker processes (kg/sparql/worker.py), each answering one query per slot under an
address-space limit. The server kills a worker that runs past the time limit, or finds one dead,
and starts a fresh one: the pool stays full and nothing a query did is seen by the next.

Workers are started in one of two ways:

- A store on disk (`--store`): each worker is a fresh interpreter (`python -m kg.sparql.worker`)
  that imports pyoxigraph and little else and opens the store's current version read-only; the
  server holds the version's read lock, so that a build cannot remove it. Nothing is loaded
  before the workers, so there is nothing for them to share by forking.
- Graph files (`-g`): a process forked at start-up, before any thread exists, loads the graph
  into memory once (the zygote) and forks the workers, which share it copy-on-write.

With --threads T, each worker process answers T queries at once, in threads sharing one open
store (Oxigraph releases the GIL while it evaluates): RocksDB's filters, indexes and block cache
are then held once per process instead of once per query slot. A query past its time takes its
process out of rotation: a fresh one starts at once, and the old one is stopped when its other
queries have their answers. A query past the memory limit (the process's), or a crash, ends the
process at once, and the queries that shared it fail with it (a one-line 503).
"""

from __future__ import annotations

import gc
import json
import os
import queue
import select
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any, Protocol

from kg.errors import InputError, KgError
from kg.resources import child_env
from kg.sparql.worker import _LEN, TEXT, memory_message, recv, send, serve_slots

Started = tuple[int, list[socket.socket]]  # a worker's pid and the server's ends of its slots


class Spawner(Protocol):
    @property
    def statements(self) -> int: ...

    def spawn(self) -> Started: ...

    def stop(self, pid: int) -> None: ...

    def close(self) -> None: ...


class Exec:
    """Workers for a store on disk, each a fresh interpreter that opens the store itself."""

    def __init__(self, root: Path, max_memory: int, threads: int) -> None:
        from kg.graph.disk import MANIFEST, Manifest, lock_current

        self.version = lock_current(root)
        self.max_memory, self.threads = max_memory, threads
        self.procs: dict[int, subprocess.Popen[bytes]] = {}
        self.env = child_env()  # without the server's malloc settings (kg/sparql/endpoint.py)
        for name in ("MALLOC_ARENA_MAX", "MALLOC_MMAP_THRESHOLD_"):
            self.env.pop(name, None)
        # the build recorded the count in the version's manifest; a store built before that is
        # counted in a short-lived process, while the workers start: the scan reads the whole
        # store and fills caches that no worker should hold
        self.counted: int | None = Manifest.read(self.version / MANIFEST).statements
        self.counting: subprocess.Popen[bytes] | None = None
        if self.counted is None:
            self.counting = subprocess.Popen(
                [sys.executable, "-m", "kg.sparql.worker", "--count", str(self.version)],
                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=self.env,
            )

    @property
    def statements(self) -> int:
        """The count, once the counting process has given it (waiting for it the first time)."""
        if self.counted is None:
            assert self.counting is not None
            out = self.counting.communicate()[0].strip()
            if not out.isdigit():
                where = self.version.parent
                raise KgError(f"{where}: the store could not be read; rebuild it with `kg build`")
            self.counted = int(out)
        return self.counted

    def spawn(self) -> Started:
        pairs = [socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM) for _ in range(self.threads)]
        fds = [theirs.fileno() for _, theirs in pairs]
        cmd = [sys.executable, "-m", "kg.sparql.worker", str(self.version), str(self.max_memory)]
        proc = subprocess.Popen([*cmd, *map(str, fds)], pass_fds=fds, env=self.env)
        for _, theirs in pairs:
            theirs.close()
        ours = [s for s, _ in pairs]
        ours[0].settimeout(120)
        try:
            status = bytes(recv(ours[0])).decode("utf-8", "replace")
        except (EOFError, OSError):
            status = "error the query worker did not start"
        ours[0].settimeout(None)
        if status != "ok":
            _kill(proc.pid)
            proc.wait()
            for s in ours:
                s.close()
            raise KgError(status.removeprefix("error "))
        self.procs[proc.pid] = proc
        return proc.pid, ours

    def stop(self, pid: int) -> None:
        proc = self.procs.pop(pid, None)
        if proc is not None:
            _kill(pid)
            proc.wait()

    def close(self) -> None:
        for pid in list(self.procs):
            self.stop(pid)
        if self.counting is not None and self.counting.poll() is None:
            self.counting.kill()
            self.counting.wait()


class Zygote:
    """Workers for graph files: forked from a process that loaded the graph once."""

    def __init__(self, graphs: list[Path], max_memory: int, threads: int) -> None:
        self.threads, self.lock = threads, threading.Lock()
        ctl, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        # Objects made so far move out of the collector's reach: its passes would write to
        # every one of them and so copy, page by page, what the forked processes share.
        gc.freeze()
        pid = os.fork()
        if pid == 0:
            ctl.close()
            _zygote(theirs, graphs, max_memory, threads)
        theirs.close()
        self.ctl, self.pid = ctl, pid
        try:
            status = bytes(recv(ctl)).decode("utf-8", "replace")
        except EOFError:
            status = "error the graph could not be loaded"
        if not status.startswith("ok"):
            self.close()
            raise InputError(status.removeprefix("error ") or "the graph could not be loaded")
        self.statements = int(status.split()[1])

    def spawn(self) -> Started:
        with self.lock:
            send(self.ctl, b"w")
            msg, fds, _, _ = socket.recv_fds(self.ctl, _LEN.size, self.threads)
        if len(fds) != self.threads:
            raise KgError("the query worker could not be started; restart kg serve")
        return _LEN.unpack(msg)[0], [socket.socket(fileno=fd) for fd in fds]

    def stop(self, pid: int) -> None:
        _kill(pid)  # reaped by the zygote (SIGCHLD ignored there)

    def close(self) -> None:
        self.ctl.close()
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass


def _zygote(ctl: socket.socket, graphs: list[Path], max_memory: int, threads: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # workers are reaped by the kernel
    try:
        from kg.graph.store import load
        from kg.sparql.library import as_set

        store = as_set(load(graphs))
        size = len(store)
    except KgError as exc:
        send(ctl, f"error {exc}".encode())
        os._exit(1)
    gc.freeze()  # what the store loaded stays shared with the workers
    send(ctl, f"ok {size}".encode())
    while True:
        try:
            recv(ctl)  # a request for one more worker
        except (EOFError, OSError):
            os._exit(0)
        pairs = [socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM) for _ in range(threads)]
        pid = os.fork()
        if pid == 0:
            ctl.close()
            for ours, _ in pairs:
                ours.close()
            try:
                serve_slots(store, [theirs for _, theirs in pairs], max_memory)
            finally:
                os._exit(0)
        for _, theirs in pairs:
            theirs.close()
        socket.send_fds(ctl, [_LEN.pack(pid)], [ours.fileno() for ours, _ in pairs])
        for ours, _ in pairs:
            ours.close()


def spawner(graphs: list[Path], max_memory: int, threads: int) -> Spawner:
    """How workers start for these graphs: from a store on disk, or forked from the zygote."""
    if len(graphs) == 1 and graphs[0].is_dir():
        from kg.graph.disk import is_store

        if not is_store(graphs[0]):
            where = graphs[0]
            raise InputError(f"{where}: not a kg store; build one with `kg build PATH... --store {where}`")
        return Exec(graphs[0], max_memory, threads)
    return Zygote(graphs, max_memory, threads)


class Proc:
    """A worker process. Dead once taken out of rotation, so that its slots are not lent again;
    stopped once killed; busy: its slots lent to queries still being answered."""

    def __init__(self, pid: int) -> None:
        self.pid, self.dead, self.stopped, self.busy = pid, False, False, 0


class Slot:
    """One query at a time, answered by one thread of a worker process."""

    def __init__(self, sock: socket.socket, proc: Proc) -> None:
        self.sock, self.proc = sock, proc


class Pool:
    """Workers started once; run() lends one to a query, waiting in a bounded queue."""

    def __init__(
        self, spawner: Spawner, workers: int = 1, max_memory: int = 1 << 30, max_queue: int = 16,
        threads: int = 4,
    ) -> None:
        self.spawner = spawner
        self.max_memory, self.max_queue, self.threads = max_memory, max_queue, threads
        self.lock = threading.Lock()
        self.idle: queue.Queue[Slot] = queue.Queue()
        self.waiting = 0
        self.size = workers * threads
        try:
            for _ in range(workers):
                for slot in self._slots(self.spawner.spawn()):
                    self.idle.put(slot)
            self.triples = self.spawner.statements
        except KgError:
            self.close()
            raise

    @staticmethod
    def _slots(started: Started) -> list[Slot]:
        proc = Proc(started[0])
        return [Slot(sock, proc) for sock in started[1]]

    def close(self) -> None:
        while True:
            try:
                slot = self.idle.get_nowait()
            except queue.Empty:
                break
            if not slot.proc.stopped:  # a stopped one's pid may belong to another process by now
                slot.proc.dead = slot.proc.stopped = True
                self.spawner.stop(slot.proc.pid)
            slot.sock.close()
        self.spawner.close()

    def run(self, job: dict[str, Any], timeout: float) -> tuple[int, str, bytes, dict[str, str]]:
        """(status, media type, body, extra headers) for one query."""
        busy = {"Retry-After": str(max(1, round(timeout)))}
        with self.lock:
            if self.waiting >= self.max_queue + self.size:
                return 503, TEXT, b"the endpoint is busy (its queue is full); try again shortly", busy
            self.waiting += 1
        try:
            slot = self._lend(time.monotonic() + timeout)
            if slot is None:
                return 503, TEXT, b"the endpoint is busy with other queries; try again shortly", busy
            status, media, body, outcome = self._run(slot, dict(job, timeout=timeout), timeout)
            proc = slot.proc
            with self.lock:
                proc.busy -= 1
            if outcome == "ok" and not proc.dead:
                self.idle.put(slot)
                return status, media, body, {}
            slot.sock.close()
            if outcome == "failed" and not self._retire(proc, now=True):
                body = (b"the query was stopped with another query that passed a limit in the same "
                        b"worker process (kg serve --threads); try again")
            elif outcome == "timeout":
                self._retire(proc, now=False)
            self._stop_if_done(proc)
            return status, media, body, {}
        except (OSError, KgError):
            return 500, TEXT, b"the query worker has stopped; restart kg serve", {}
        finally:
            with self.lock:
                self.waiting -= 1

    def _lend(self, deadline: float) -> Slot | None:
        """An idle slot of a live process, counted busy; None if none comes before the deadline."""
        while True:
            try:
                slot = self.idle.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                return None
            with self.lock:
                if not slot.proc.dead:
                    slot.proc.busy += 1
                    return slot
            slot.sock.close()  # its process was taken out of rotation with a query of another slot

    def _retire(self, proc: Proc, now: bool) -> bool:
        """Take a worker process out of rotation and start another in its place; stop it now (its
        process failed), or once its other queries are answered (one of its queries ran out of
        time: the others, in threads of the same process, still get their answers). False if
        that was done already."""
        with self.lock:
            if proc.dead:
                return False
            proc.dead = True
            proc.stopped = now
        if now:
            self.spawner.stop(proc.pid)
        for slot in self._slots(self.spawner.spawn()):
            self.idle.put(slot)
        return True

    def _stop_if_done(self, proc: Proc) -> None:
        """Stop a process taken out of rotation once no query of it is being answered."""
        with self.lock:
            if not proc.dead or proc.busy or proc.stopped:
                return
            proc.stopped = True
        self.spawner.stop(proc.pid)

    def _run(self, slot: Slot, job: dict[str, Any], timeout: float) -> tuple[int, str, bytes, str]:
        start = time.monotonic()
        try:
            send(slot.sock, json.dumps(job).encode("utf-8"))
            if not _readable(slot.sock, timeout + 0.5):
                raise TimeoutError
            slot.sock.settimeout(max(1.0, start + timeout + 30 - time.monotonic()))
            data = recv(slot.sock)
            slot.sock.settimeout(None)
        except TimeoutError:
            return (
                503,
                TEXT,
                (
                    f"the query ran out of time ({timeout:g} s, this endpoint's limit); "
                    "narrow it or add LIMIT"
                ).encode(),
                "timeout",
            )
        except (EOFError, OSError):
            return 503, TEXT, memory_message(self.max_memory) + b" (or its process failed)", "failed"
        cut = data.index(b"\n")
        status, media = bytes(data[:cut]).decode().split(" ", 1)
        return int(status), media, bytes(memoryview(data)[cut + 1 :]), "ok"


def _readable(sock: socket.socket, seconds: float) -> bool:
    """Whether the socket has something to read within `seconds`. poll, not select: select
    refuses descriptors numbered past 1,023, which a busy server (or a long test run) reaches."""
    poller = select.poll()
    poller.register(sock, select.POLLIN)
    return bool(poller.poll(max(0, int(seconds * 1000))))


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
