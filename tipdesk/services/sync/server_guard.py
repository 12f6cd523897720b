"""What keeps HQ's receiver (:mod:`tipdesk.services.sync.server`) up under a hostile network:
slow or half-sent requests, bodies nobody asked for, too many uploads at once.

- :func:`protocol` gives uvicorn's HTTP/1.1 protocol (h11) with a **header deadline**: a
  connection whose request line and headers have not all arrived ``header_timeout`` seconds
  after it opened is closed (uvicorn has no such timeout; 300 half-sent requests once stayed
  open). The receiver answers every request with ``Connection: close``, so a connection serves
  one request and the deadline covers it whole; uvicorn's ``limit_concurrency`` caps the
  connections open at once and ``timeout_keep_alive`` the rest.
- :func:`read_body` reads an upload's body within a byte limit, a total deadline and an idle
  deadline (no pause longer than ``idle`` seconds).
- :class:`Slots` lets a few uploads read their bodies at once, one per device.
- :data:`log` is the receiver's log: one line per refused request or dropped connection, never
  a traceback for what a client does.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from typing import Any

from uvicorn.protocols.http.h11_impl import H11Protocol

log = logging.getLogger("tipdesk.serve")


def protocol(header_timeout: float) -> type[H11Protocol]:
    """uvicorn's h11 protocol, closing a connection whose request headers are not complete
    ``header_timeout`` seconds after it opened."""

    class HeaderDeadline(H11Protocol):
        def connection_made(self, transport: Any) -> None:
            super().connection_made(transport)
            self._deadline: asyncio.TimerHandle | None = self.loop.call_later(
                header_timeout, self._too_slow
            )

        def handle_events(self) -> None:
            super().handle_events()
            if self._deadline is not None and getattr(self, "cycle", None) is not None:
                self._deadline.cancel()  # the request's line and headers have arrived
                self._deadline = None

        def connection_lost(self, exc: Exception | None) -> None:
            if getattr(self, "_deadline", None) is not None:
                self._deadline.cancel()  # type: ignore[union-attr]
                self._deadline = None
            super().connection_lost(exc)

        def _too_slow(self) -> None:
            self._deadline = None
            if getattr(self, "cycle", None) is None and not self.transport.is_closing():
                client = f"{self.client[0]}" if self.client else "?"
                log.warning(
                    "closed a connection from %s: no complete request within %.0f s",
                    client,
                    header_timeout,
                )
                self.transport.close()

    return HeaderDeadline


class TooLarge(Exception):
    """The body passed its limit."""


class TooSlow(Exception):
    """The body did not arrive in time."""


async def read_body(chunks: AsyncIterator[bytes], limit: int, total: float, idle: float) -> bytes:
    """The body from ``chunks``, refused past ``limit`` bytes (:class:`TooLarge`), or when it
    takes longer than ``total`` seconds or pauses longer than ``idle`` (:class:`TooSlow`).
    A client that goes away raises what the framework raises (Starlette's
    ``ClientDisconnect``)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + total
    body = bytearray()
    while True:
        left = deadline - loop.time()
        if left <= 0:
            raise TooSlow
        try:
            chunk = await asyncio.wait_for(anext(chunks), timeout=min(idle, left))
        except StopAsyncIteration:
            return bytes(body)
        except TimeoutError:
            raise TooSlow from None
        body += chunk
        if len(body) > limit:
            raise TooLarge


class Slots:
    """Uploads reading their bodies: at most ``total`` at once, ``per_device`` per device.
    Used from the event loop's thread only."""

    def __init__(self, total: int, per_device: int = 1) -> None:
        self.total, self.per_device = total, per_device
        self.busy: dict[str, int] = {}

    def take(self, device_id: str) -> tuple[int, str] | None:
        """Take a slot for ``device_id``: None when taken, else the answer to give (429 for
        the device's own upload in progress, 503 when HQ is busy with others)."""
        if self.busy.get(device_id, 0) >= self.per_device:
            return 429, "An upload from this device is already in progress; try again later."
        if sum(self.busy.values()) >= self.total:
            return 503, "HQ is receiving other uploads; try again shortly."
        self.busy[device_id] = self.busy.get(device_id, 0) + 1
        return None

    def give_back(self, device_id: str) -> None:
        left = self.busy.get(device_id, 0) - 1
        if left > 0:
            self.busy[device_id] = left
        else:
            self.busy.pop(device_id, None)
