"""Fetching pages and feeds over HTTP: one client, polite and bounded.

A :class:`Fetcher` holds one ``httpx.Client`` and the state politeness needs (when each
host was last asked). Every request has explicit timeouts, names itself with a clear
User-Agent, waits its turn per host, and reads the body streamed, stopping at a size
limit. Timeouts, connection errors, HTTP 429 and 5xx are retried with exponential
backoff (``Retry-After`` honoured up to a cap); anything else fails at once. A failure is
an :class:`InputError` naming the URL and the reason in one line, e.g.
``https://e.org/a: HTTP 500 after 3 tries``.

Build one Fetcher for a whole run (the rate limit is per Fetcher) and close it at the end::

    with Fetcher(FetchSettings(read_timeout=10, tries=4, min_interval=2)) as fetcher:
        for item in read_source("https://e.org/feed.xml", fetcher=fetcher):
            ...
"""

from __future__ import annotations

import email.utils
import importlib.metadata
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import TracebackType

import httpx

from wirewatch.errors import ConfigError, InputError
from wirewatch.ingest.decoding import MAX_DOCUMENT_BYTES, format_size, parse_content_type

SCHEMES = frozenset({"http", "https"})
HOMEPAGE = "https://github.com/wirewatch/wirewatch"
# Worth asking again: the server is overloaded or briefly broken, not refusing the page.
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5"
)
CHUNK = 64 * 1024


def default_user_agent() -> str:
    """``wirewatch/<version> (+<homepage>)``: who is asking, and where to read about it."""
    # From the installed metadata, not ``wirewatch.__version__``: ingest must not import
    # the package root (a higher layer, and a circular import at start-up).
    try:
        version = importlib.metadata.version("wirewatch")
    except importlib.metadata.PackageNotFoundError:
        version = "dev"
    return f"wirewatch/{version} (+{HOMEPAGE})"


@dataclass(frozen=True, slots=True)
class FetchSettings:
    """How to fetch. Times in seconds; ``tries`` counts the first attempt (3 = 2 retries)."""

    connect_timeout: float = 10.0
    # Longest wait for the next bytes of a response (not for the whole body).
    read_timeout: float = 30.0
    # Longest time for a whole response, so a server trickling bytes cannot hold us.
    total_timeout: float = 120.0
    tries: int = 3
    # Wait before the first retry; it doubles for each further one.
    backoff: float = 0.5
    # A server's Retry-After is honoured up to this many seconds.
    max_retry_after: float = 60.0
    # Least time between two requests to the same host (0 for none).
    min_interval: float = 1.0
    max_bytes: int = MAX_DOCUMENT_BYTES
    max_redirects: int = 10
    user_agent: str = field(default_factory=default_user_agent)

    def __post_init__(self) -> None:
        if self.tries < 1:
            raise ConfigError(f"fetch tries must be at least 1, not {self.tries}")
        for name in ("connect_timeout", "read_timeout", "total_timeout"):
            if getattr(self, name) <= 0:
                raise ConfigError(f"fetch {name} must be positive, not {getattr(self, name)}")
        for name in ("backoff", "max_retry_after", "min_interval"):
            if getattr(self, name) < 0:
                raise ConfigError(f"fetch {name} must not be negative, not {getattr(self, name)}")
        if self.max_bytes < 1:
            raise ConfigError(f"fetch max_bytes must be positive, not {self.max_bytes}")


@dataclass(frozen=True, slots=True)
class Fetched:
    """A successful response: the body, whole, and what the server said it is."""

    url: str
    # After redirects.
    final_url: str
    status: int
    content: bytes
    # The media type, lower-cased, without parameters (``text/html``), if given.
    content_type: str | None
    # The ``charset`` parameter of Content-Type, if given.
    charset: str | None


class _Retry(Exception):
    """One attempt failed in a way worth retrying; ``reason`` says how."""

    def __init__(self, reason: str, wait: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.wait = wait


class Fetcher:
    """Fetches URLs with one HTTP client; use as a context manager, or call :meth:`close`."""

    def __init__(self, settings: FetchSettings | None = None) -> None:
        self.settings = settings or FetchSettings()
        s = self.settings
        self._client = httpx.Client(
            timeout=httpx.Timeout(
                connect=s.connect_timeout, read=s.read_timeout, write=s.read_timeout, pool=s.connect_timeout
            ),
            follow_redirects=True,
            max_redirects=s.max_redirects,
            headers={"User-Agent": s.user_agent, "Accept": ACCEPT},
        )
        # Per host, when its next request may start (monotonic clock).
        self._next_turn: dict[str, float] = {}
        self._lock = threading.Lock()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def get(self, url: str) -> Fetched:
        """GET ``url``: the response, or InputError naming the URL and why not."""
        try:
            parsed = httpx.URL(url)
        except httpx.InvalidURL as error:
            raise InputError(url, f"not a valid URL ({error})") from None
        if not parsed.scheme:
            raise InputError(url, "not an absolute URL (only http and https URLs are fetched)")
        if parsed.scheme not in SCHEMES:
            raise InputError(url, f"only http and https URLs are fetched, not {parsed.scheme}")
        if not parsed.host:
            raise InputError(url, "not a valid URL (no host)")
        tries = self.settings.tries
        reason = ""
        for attempt in range(1, tries + 1):
            self._wait_turn(parsed.host)
            try:
                return self._get_once(url)
            except _Retry as retry:
                reason = retry.reason
                if attempt == tries:
                    break
                delay = self.settings.backoff * 2 ** (attempt - 1)
                if retry.wait is not None:
                    delay = max(delay, min(retry.wait, self.settings.max_retry_after))
                time.sleep(delay)
        raise InputError(url, f"{reason} after {tries} {'try' if tries == 1 else 'tries'}")

    def _wait_turn(self, host: str) -> None:
        """Sleep until ``host`` may be asked again, and book the turn after this one."""
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next_turn.get(host, now))
            self._next_turn[host] = start + self.settings.min_interval
        if start > now:
            time.sleep(start - now)

    def _get_once(self, url: str) -> Fetched:
        s = self.settings
        started = time.monotonic()
        try:
            with self._client.stream("GET", url) as response:
                status = response.status_code
                if status in RETRY_STATUSES:
                    raise _Retry(f"HTTP {status}", _retry_after(response.headers.get("Retry-After")))
                if not 200 <= status < 300:
                    phrase = f" {response.reason_phrase}" if response.reason_phrase else ""
                    raise InputError(url, f"HTTP {status}{phrase}")
                declared = response.headers.get("Content-Length", "")
                if declared.isdigit() and int(declared) > s.max_bytes:
                    raise InputError(url, _too_big(int(declared), s.max_bytes))
                body = bytearray()
                for chunk in response.iter_bytes(CHUNK):
                    body += chunk
                    if len(body) > s.max_bytes:
                        raise InputError(url, _too_big(None, s.max_bytes))
                    if time.monotonic() - started > s.total_timeout:
                        raise _Retry(f"timed out (the response took over {s.total_timeout:g} s)")
                media_type, charset = parse_content_type(response.headers.get("Content-Type"))
                return Fetched(
                    url=url,
                    final_url=str(response.url),
                    status=status,
                    content=bytes(body),
                    content_type=media_type,
                    charset=charset,
                )
        except httpx.TimeoutException as error:
            raise _Retry(f"timed out ({_timeout_kind(error, s)})") from None
        except httpx.TooManyRedirects:
            raise InputError(url, f"more than {s.max_redirects} redirects") from None
        except httpx.UnsupportedProtocol as error:
            raise InputError(url, f"redirected to an unsupported URL ({error})") from None
        except httpx.DecodingError as error:
            raise InputError(url, f"could not decode the response ({error})") from None
        except httpx.ConnectError as error:
            raise _Retry(f"cannot connect ({_os_reason(error)})") from None
        except httpx.TransportError as error:
            raise _Retry(f"connection failed ({_os_reason(error)})") from None


def _too_big(size: int | None, limit: int) -> str:
    if size is None:
        return f"response is over the {format_size(limit)} limit"
    return f"response is {format_size(size)}, over the {format_size(limit)} limit"


def _timeout_kind(error: httpx.TimeoutException, s: FetchSettings) -> str:
    if isinstance(error, httpx.ConnectTimeout | httpx.PoolTimeout):
        return f"no connection within {s.connect_timeout:g} s"
    if isinstance(error, httpx.WriteTimeout):
        return f"could not send the request within {s.read_timeout:g} s"
    return f"no data for {s.read_timeout:g} s"


def _os_reason(error: Exception) -> str:
    """``[Errno 111] Connection refused`` -> ``Connection refused``; one line."""
    text = str(error) or type(error).__name__
    if text.startswith("[Errno") and "] " in text:
        text = text.split("] ", 1)[1]
    return " ".join(text.split())


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (seconds, or an HTTP date), if valid."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max((when - datetime.now(UTC)).total_seconds(), 0.0)
