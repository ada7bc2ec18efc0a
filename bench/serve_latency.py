"""Serving latency on a large store: p50/p95 of search and of each page, on SQLite.

    python bench/serve_latency.py [--db ~/.cache/wirewatch/bench-1m.db] [--rebuild] [--statements 1000000]

First the database (cached: a rerun reuses it; ``--rebuild`` makes it again from the cached
base, ``--rebuild-base`` ingests the base again too):

1. a base store, made the ordinary way: ``wirewatch.batch.ingest`` (2 workers) over
   Wikinews (2,324 articles) and the first ``--reuters`` Reuters-21578 records;
2. copies of every base article, made with SQL (``INSERT ... SELECT``, one transaction per
   copy) until there are ``--statements`` statements: each copy is published ``7 * k`` days
   later by an outlet of its own ("Outlet N"), with its own canonical URL and content
   hash, the same statements (same spans and speakers), events and sightings, and the same
   syndication group as its original (copies of one story, as syndication makes them).
   The FTS5 tables are kept by their triggers, which fire on these inserts (checked below
   by counting the indexed rows). ``lsh_bands`` is not copied: reading never uses it.
   Nothing else is done to the file (no ANALYZE, no FTS optimize): it is what a store
   grown by ingest looks like.

Then every request type runs against the app (``create_app``) served by uvicorn in a thread
of this process, asked over HTTP with httpx, one request at a time: a few warm-up requests,
then ``--n`` timed ones (``--network-n`` for the network page), each type stopped early
after ``--budget`` seconds (after 3 requests at least; the all-dates network, last and
without warm-up, after one), a request given up after ``--timeout`` seconds. The table
gives p50/p95/max wall time per type and whether its p95 meets the target: 100 ms for the
JSON API (searches and listings), 200 ms for an HTML page. Timings on a shared machine
are noisy: compare runs, not single figures. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import socket
import sqlite3
import statistics
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

HERE = Path(__file__).resolve().parents[2]
# Cached between runs: building it takes minutes.
DEFAULT_DB = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "wirewatch" / "bench-1m.db"
NEWS = HERE / "shared" / "data" / "news"
WIKINEWS = NEWS / "wikinews-en.jsonl"
REUTERS = NEWS / "reuters-21578.jsonl"

API_TARGET_MS = 100.0
PAGE_TARGET_MS = 200.0


# -- building the database ------------------------------------------------------------------


def _mib(path: Path) -> float:
    files = [path, Path(f"{path}-wal"), Path(f"{path}-shm")]
    return sum(f.stat().st_size for f in files if f.exists()) / 2**20


def _remove(path: Path) -> None:
    for f in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        f.unlink(missing_ok=True)


def _reader(reuters: int) -> Callable[[str], Iterator[object]]:
    """Wikinews as ``wirewatch ingest`` reads it; the first ``reuters`` Reuters records
    with their outlet named (the corpus gives it as ``source``, which a reader ignores)."""
    from wirewatch.ingest import RawDocument, read_source

    def read(source: str) -> Iterator[object]:
        if source != str(REUTERS):
            yield from read_source(source)
            return
        with REUTERS.open(encoding="utf-8") as fh:
            n = 0
            for number, line in enumerate(fh, start=1):
                record = json.loads(line)
                if not record.get("text"):
                    continue
                yield RawDocument(
                    id=str(record["id"]),
                    source=f"{REUTERS}:{number}",
                    text=record["text"],
                    html=None,
                    title=record.get("title"),
                    published=record.get("published"),
                    site_name=record.get("source") or "Reuters",
                )
                n += 1
                if n >= reuters:
                    return

    return read


def build_base(path: Path, reuters: int, workers: int) -> None:
    from wirewatch.batch import ingest
    from wirewatch.settings import Settings
    from wirewatch.store import Store

    part = Path(f"{path}.part")
    _remove(part)
    start = time.perf_counter()
    with Store(f"sqlite:///{part}") as store:
        sources = [str(WIKINEWS), str(REUTERS)]
        summary = ingest(sources, store, Settings.from_env(), workers, None, _reader(reuters))
        counts = store.counts()
    with sqlite3.connect(part) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    _remove(path)
    part.rename(path)
    _remove(part)  # its empty -wal and -shm
    print(
        f"base: ingested {summary.read} inputs ({summary.stored} stored, {summary.duplicates} duplicates, "
        f"{summary.failed} failed) with {workers} workers in {time.perf_counter() - start:.0f} s: "
        f"{counts['articles']} articles, {counts['statements']} statements, {counts['events']} events, "
        f"{counts['speakers']} speakers; {_mib(path):.0f} MiB"
    )


def _columns(db: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in db.execute(f"PRAGMA table_info({table})")]


def _copy_rows(
    db: sqlite3.Connection, table: str, overrides: dict[str, str], where: str, params: dict[str, object]
) -> int:
    """INSERT INTO table SELECT every column, some replaced by an SQL expression."""
    cols = _columns(db, table)
    exprs = [overrides.get(c, c) for c in cols]
    sql = f"INSERT INTO {table} ({', '.join(cols)}) SELECT {', '.join(exprs)} FROM {table} WHERE {where}"
    return db.execute(sql, params).rowcount


def replicate(base: Path, path: Path, target: int) -> None:
    """``path``: ``base`` and as many shifted copies of its articles as make ``target`` statements."""
    part = Path(f"{path}.part")
    _remove(part)
    start = time.perf_counter()
    shutil.copyfile(base, part)
    db = sqlite3.connect(part, isolation_level=None)
    db.execute("PRAGMA synchronous=OFF")
    db.execute("PRAGMA cache_size=-1000000")  # 1 GB: the FTS index merges stay in memory
    maxima = {
        t: db.execute(f"SELECT coalesce(max(id), 0), count(*) FROM {t}").fetchone()
        for t in ("articles", "statements", "events", "sightings")
    }
    base_statements = maxima["statements"][1]
    if base_statements == 0:
        raise SystemExit(f"{base}: the base has no statements")
    copies = max(0, -(-target // base_statements) - 1)
    outlets = db.execute("SELECT count(*) FROM outlets").fetchone()[0]
    limit = {t: m[0] for t, m in maxima.items()}
    print(f"replicating: {base_statements} base statements, {copies} copies for >= {target}")
    for k in range(1, copies + 1):
        t0 = time.perf_counter()
        db.execute("BEGIN")
        name = f"Outlet {outlets + k}"
        outlet = db.execute(
            "INSERT INTO outlets (name, host) VALUES (?, ?)", (name, f"outlet{outlets + k}.example")
        ).lastrowid
        p: dict[str, object] = {"k": k, "days": f"+{7 * k} days", "outlet": outlet, "name": name}
        p |= {f"off_{t}": k * m for t, m in limit.items()}
        p |= {f"max_{t}": m for t, m in limit.items()}
        shifted = (
            "CASE WHEN date(substr(published, 1, 10)) IS NULL THEN published "
            "ELSE date(substr(published, 1, 10), :days) || substr(published, 11) END"
        )
        _copy_rows(
            db,
            "articles",
            {
                "id": "id + :off_articles",
                "external_id": "external_id || '#copy-' || :k",
                "source": "source || '#copy-' || :k",
                "url": "url || '#copy-' || :k",
                "canonical_url": "canonical_url || '#copy-' || :k",
                "site_name": ":name",
                "published": shifted,
                "content_hash": "substr(content_hash, 1, 56) || printf('%08d', :k)",
                "outlet_id": ":outlet",
            },
            "id <= :max_articles",
            p,
        )
        _copy_rows(
            db,
            "sightings",
            {
                "id": "id + :off_sightings",
                "article_id": "article_id + :off_articles",
                "url": "url || '#copy-' || :k",
                "outlet_id": ":outlet",
            },
            "id <= :max_sightings",
            p,
        )
        _copy_rows(
            db,
            "statements",
            {"id": "id + :off_statements", "article_id": "article_id + :off_articles"},
            "id <= :max_statements",
            p,
        )
        events = {"id": "id + :off_events", "article_id": "article_id + :off_articles"}
        _copy_rows(db, "events", events, "id <= :max_events", p)
        db.execute("COMMIT")
        if k == 1 or k % 5 == 0 or k == copies:
            so_far = time.perf_counter() - start
            print(f"  copy {k}/{copies}: {time.perf_counter() - t0:.1f} s ({so_far:.0f} s so far)")
    # Every copy of a story is in its group: each group is (copies + 1) times its base size.
    db.execute("UPDATE syndication_groups SET size = size * ?", (copies + 1,))
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    _remove(path)
    part.rename(path)
    _remove(part)  # its empty -wal and -shm
    print(f"replicated in {time.perf_counter() - start:.0f} s")


def check(path: Path) -> dict[str, int]:
    """Row counts, and whether the FTS5 indexes hold one row per article and statement."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    tables = ("articles", "statements", "events", "speakers", "outlets", "sightings", "syndication_groups")
    counts = {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    for t in ("articles", "statements"):
        indexed = db.execute(f"SELECT count(*) FROM {t}_fts_docsize").fetchone()[0]
        counts[f"{t}_fts"] = indexed
        state = "consistent" if indexed == counts[t] else "NOT CONSISTENT"
        print(f"  {t}_fts: {indexed} indexed rows for {counts[t]} {t}: {state}")
    db.close()
    return counts


def ensure_database(args: argparse.Namespace) -> None:
    path: Path = args.db
    path.parent.mkdir(parents=True, exist_ok=True)
    base = path.with_name(f"{path.stem}-base{path.suffix}")
    start = time.perf_counter()
    built = False
    if args.rebuild_base or (not base.exists() and (args.rebuild or not path.exists())):
        build_base(base, args.reuters, args.workers)
        built = True
    if built or args.rebuild or not path.exists():
        replicate(base, path, args.statements)
        built = True
    how = f"built in {time.perf_counter() - start:.0f} s" if built else "cached"
    print(f"database {path} ({how}, {_mib(path):.0f} MiB):")
    counts = check(path)
    print("  " + ", ".join(f"{v} {k}" for k, v in counts.items() if not k.endswith("_fts")))


# -- what to ask for ------------------------------------------------------------------------

# Search words by how often they are said: names, topical words, words in nearly every
# statement, and two-word queries. Each is counted in the database and printed.
WORDS = {
    "rare": ["Pelosi", "Bundesbank", "Zimbabwe", "Netanyahu", "Volcker", "Mugabe", "Obama", "Opec"],
    "common": ["government", "oil", "minister", "police", "election", "prices", "court", "bank"],
    "frequent": ["said", "year", "would", "not"],
    "two words": ["prime minister", "oil prices", "interest rates", "police said", "trade deficit"],
}


@dataclass
class Inputs:
    """What the requests are made of, picked from the database (seeded, so reruns match)."""

    words: dict[str, list[tuple[str, int]]]  # class -> (query, statements matching)
    speaker: str  # the most quoted person: the facet filter
    outlet: str
    month: str  # the month with most statements: the date filter and the one-month network
    articles: list[int]
    popular: list[tuple[int, str, int]]  # (id, name, statements)
    rare: list[tuple[int, str, int]]


def pick_inputs(path: Path, seed: int) -> Inputs:
    rng = random.Random(seed)
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    words: dict[str, list[tuple[str, int]]] = {}
    for cls, queries in WORDS.items():
        counted = []
        for query in queries:
            expression = " AND ".join(f'"{w}"' for w in query.split())
            n = db.execute(
                "SELECT count(*) FROM statements_fts WHERE statements_fts MATCH ?", (expression,)
            ).fetchone()[0]
            if n:
                counted.append((query, n))
        words[cls] = counted
    by_speaker = db.execute(
        "SELECT s.id, s.name, s.type, count(*) AS n FROM statements st "
        "JOIN speakers s ON s.id = st.speaker_id GROUP BY s.id ORDER BY n DESC, s.id"
    ).fetchall()
    popular = [(i, name, n) for i, name, _type, n in by_speaker[:20]]
    fewest = by_speaker[-1][3]
    rare_pool = [(i, name, n) for i, name, _type, n in by_speaker if n == fewest]
    rare = rng.sample(rare_pool, min(20, len(rare_pool)))
    person = next(name for _i, name, type_, _n in by_speaker if type_ == "person")
    outlet = db.execute(
        "SELECT name FROM outlets WHERE name LIKE 'Outlet %' ORDER BY id LIMIT 1 OFFSET 9"
    ).fetchone()
    if outlet is None:
        outlet = db.execute(
            "SELECT o.name FROM articles a JOIN outlets o ON o.id = a.outlet_id "
            "GROUP BY o.id ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()
    month = db.execute(
        "SELECT substr(a.published, 1, 7) AS m FROM statements st JOIN articles a ON a.id = st.article_id "
        "WHERE a.published IS NOT NULL GROUP BY m ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]
    low, high = db.execute("SELECT min(id), max(id) FROM articles").fetchone()
    articles = []
    while len(articles) < 200:
        candidate = rng.randint(low, high)
        if db.execute("SELECT 1 FROM articles WHERE id = ?", (candidate,)).fetchone():
            articles.append(candidate)
    db.close()
    return Inputs(words, person, outlet[0], month, articles, popular, rare)


@dataclass
class Kind:
    """One request type: its paths (asked in turn), how many to time, its target."""

    name: str
    paths: list[str]
    target_ms: float
    n: int
    warmup: int = 3


def _q(path: str, **params: str | None) -> str:
    given = {k: v for k, v in params.items() if v is not None}
    return f"{path}?{urlencode(given)}" if given else path


def request_kinds(inputs: Inputs, n: int, network_n: int) -> list[Kind]:
    words = {cls: [q for q, _ in found] for cls, found in inputs.words.items()}
    common = words["common"]
    month = inputs.month
    api, page = API_TARGET_MS, PAGE_TARGET_MS
    kinds = [
        Kind(f"api search: {cls}", [_q("/api/statements", q=w) for w in ws], api, n)
        for cls, ws in words.items()
    ]
    kinds += [
        Kind(
            "api search + speaker",
            [_q("/api/statements", q=w, speaker=inputs.speaker) for w in common],
            api,
            n,
        ),
        Kind(
            "api search + outlet", [_q("/api/statements", q=w, outlet=inputs.outlet) for w in common], api, n
        ),
        Kind(
            "api search + month",
            [_q("/api/statements", q=w, since=month, until=month) for w in common],
            api,
            n,
        ),
        Kind("api statements (no q)", ["/api/statements"], api, n),
        Kind("api speakers", ["/api/speakers"], api, n),
        Kind("api events actor=IRN", [_q("/api/events", actor="IRN")], api, n),
    ]
    kinds += [
        Kind(f"page /search: {cls}", [_q("/search", q=w) for w in ws], page, n) for cls, ws in words.items()
    ]
    kinds += [
        Kind("page /search + speaker", [_q("/search", q=w, speaker=inputs.speaker) for w in common], page, n),
        Kind("page / (home)", ["/"], page, n),
        Kind("page /articles/{id}", [f"/articles/{i}" for i in inputs.articles], page, n),
        Kind("page /speakers/{id} popular", [f"/speakers/{i}" for i, _, _ in inputs.popular], page, n),
        Kind("page /speakers/{id} rare", [f"/speakers/{i}" for i, _, _ in inputs.rare], page, n),
        Kind("page /network (one month)", [_q("/network", since=month, until=month)], page, network_n),
        # Last, without warm-up: the slowest; a request given up on leaves the server busy.
        Kind("page /network (all dates)", ["/network"], page, network_n, warmup=0),
    ]
    return kinds


# -- measuring ------------------------------------------------------------------------------


@dataclass
class Result:
    kind: Kind
    times_ms: list[float] = field(default_factory=list)
    statuses: Counter[int] = field(default_factory=Counter)
    bytes: int = 0
    timed_out: bool = False

    def quantile(self, q: float) -> float:
        ordered = sorted(self.times_ms)
        if len(ordered) == 1:
            return ordered[0]
        return statistics.quantiles(ordered, n=100, method="inclusive")[round(q * 100) - 1]


def serve(app: object) -> tuple[object, threading.Thread, str]:
    """The app on uvicorn in a thread of this process, on a free local port."""
    import uvicorn

    # IPPROTO_TCP given: asyncio sets TCP_NODELAY only on sockets that name it, and without
    # it every response waits ~40 ms for a delayed ACK (Nagle) on localhost.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")  # type: ignore[arg-type]
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.01)
    return server, thread, f"http://127.0.0.1:{port}"


def run_kind(client: object, kind: Kind, budget: float) -> Result:
    import httpx

    result = Result(kind)
    paths = kind.paths
    for i in range(kind.warmup):
        client.get(paths[i % len(paths)])  # type: ignore[attr-defined]
    start = time.perf_counter()
    for i in range(kind.n):
        path = paths[i % len(paths)]
        t0 = time.perf_counter()
        try:
            response = client.get(path)  # type: ignore[attr-defined]
        except httpx.TimeoutException:
            result.timed_out = True  # the server is still at it: nothing more of this type
            break
        result.times_ms.append((time.perf_counter() - t0) * 1000)
        result.statuses[response.status_code] += 1
        result.bytes += len(response.content)
        if time.perf_counter() - start > budget and (len(result.times_ms) >= 3 or kind.warmup == 0):
            break
    return result


def measure(args: argparse.Namespace) -> None:
    import httpx

    from wirewatch.api.app import create_app
    from wirewatch.api.deps import ServeSettings
    from wirewatch.store import Store

    inputs = pick_inputs(args.db, args.seed)
    print("\ninputs:")
    for cls, found in inputs.words.items():
        print(f"  {cls}: " + ", ".join(f"{q!r} ({n} statements)" for q, n in found))
    print(f"  facets: speaker {inputs.speaker!r}, outlet {inputs.outlet!r}, month {inputs.month}")
    popular = ", ".join(f"{name} ({n})" for _, name, n in inputs.popular[:5])
    print(
        f"  speakers: 20 most quoted ({popular}, ...); 20 of the rarest ({inputs.rare[0][2]} statements each)"
    )
    print(f"  articles: {len(inputs.articles)} random ids")
    kinds = request_kinds(inputs, args.n, args.network_n)
    if args.only:
        kinds = [k for k in kinds if any(word in k.name for word in args.only)]
    store = Store(f"sqlite:///{args.db}")
    app = create_app(store, ServeSettings())
    server, thread, base_url = serve(app)
    print(
        "\nuvicorn in a thread, httpx client, one request at a time; 3 warm-up requests per type "
        f"(none for the all-dates network), then up to {args.n} timed ({args.network_n} for the network), "
        f"each type stopped after {args.budget:.0f} s (at least 3), "
        f"a request given up after {args.timeout:.0f} s"
    )
    results = []
    try:
        with httpx.Client(base_url=base_url, timeout=httpx.Timeout(10, read=args.timeout)) as client:
            for kind in kinds:
                result = run_kind(client, kind, args.budget)
                results.append(result)
                if args.verbose:
                    print(f"  {kind.name}: p95 {result.quantile(0.95):.0f} ms", flush=True)
    finally:
        server.should_exit = True  # type: ignore[attr-defined]
        thread.join()
        store.close()
    print("\n| request | n | p50 ms | p95 ms | max ms | target p95 | meets | status | avg KiB |")
    print("|---|---:|---:|---:|---:|---:|---|---|---:|")
    for r in results:
        if not r.times_ms:
            given_up = f"> {args.timeout * 1000:.0f}"
            print(f"| {r.kind.name} | 0 | | | {given_up} | {r.kind.target_ms:.0f} | NO | timed out | |")
            continue
        if r.timed_out:
            r.statuses[0] += 1  # shown as 0x1: one request given up on
        p50, p95, worst = r.quantile(0.5), r.quantile(0.95), max(r.times_ms)
        meets = "yes" if p95 < r.kind.target_ms else "NO"
        status = ", ".join(f"{code}x{count}" for code, count in sorted(r.statuses.items()))
        print(
            f"| {r.kind.name} | {len(r.times_ms)} | {p50:.0f} | {p95:.0f} | {worst:.0f} "
            f"| {r.kind.target_ms:.0f} | {meets} | {status} | {r.bytes / len(r.times_ms) / 1024:.0f} |"
        )
    print(
        f"\n{os.cpu_count()} CPUs; wall time per request as the client sees it (HTTP on localhost included); "
        "timings are noisy (a shared machine, one run): compare orders of magnitude, not single figures."
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, default=DEFAULT_DB)
    ap.add_argument("--rebuild", action="store_true", help="make the copies again (from the cached base)")
    ap.add_argument("--rebuild-base", action="store_true", help="ingest the base again, then copy")
    ap.add_argument("--statements", type=int, default=1_000_000, help="at least this many statements")
    ap.add_argument("--reuters", type=int, default=4000, help="Reuters records in the base")
    ap.add_argument("--workers", type=int, default=2, help="ingest workers for the base")
    ap.add_argument("--n", type=int, default=100, help="timed requests per type")
    ap.add_argument("--network-n", type=int, default=30, help="timed requests of the network page")
    ap.add_argument("--budget", type=float, default=60.0, help="seconds at most per request type")
    ap.add_argument("--timeout", type=float, default=600.0, help="seconds before a request is given up")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--only", nargs="+", help="only request types whose name contains one of these")
    ap.add_argument("--verbose", action="store_true", help="print each type as it is done")
    ap.add_argument("--build-only", action="store_true")
    args = ap.parse_args()
    print(f"# serve latency: SQLite {sqlite3.sqlite_version}, {os.cpu_count()} CPUs")
    ensure_database(args)
    if not args.build_only:
        measure(args)


if __name__ == "__main__":
    main()
