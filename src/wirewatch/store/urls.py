"""URLs as keys: the canonical form two copies of one page share, and the outlet a URL names."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Query parameters that track a click, not what the page is.
_TRACKING = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "ocid", "cmpid", "smid", "ref")


def canonical_url(url: str | None) -> str | None:
    """``HTTPS://www.Example.com/a/?utm_source=x#top`` -> ``https://example.com/a``.

    Scheme and host are lower-cased, ``www.`` and default ports dropped, tracking parameters
    and the fragment removed, the rest of the query sorted, a trailing slash dropped. ``http``
    and ``https`` copies of a page are one page.
    """
    if not url or not url.strip():
        return None
    parts = urlsplit(url.strip())
    if not parts.netloc:
        return url.strip()
    host = (parts.hostname or "").lower().removeprefix("www.")
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    query = sorted(
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith(_TRACKING)
    )
    path = parts.path.rstrip("/") or ""
    return urlunsplit(("https", host, path, urlencode(query), ""))


def host_of(url: str | None) -> str | None:
    """The host a URL names, without ``www.``; None for a path or a blank."""
    if not url:
        return None
    host = urlsplit(url.strip()).hostname
    return host.lower().removeprefix("www.") if host else None
