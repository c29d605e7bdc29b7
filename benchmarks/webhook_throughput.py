"""Webhook throughput: the hotline's POST /twilio/voice against a bare signature-checking FastAPI app.

Starts both apps with uvicorn (one process each, free ports on 127.0.0.1), drives each in turn with the same
load generator (pre-signed requests, unique CallSids, N keep-alive connections, a warm-up, then a fixed
duration) and prints requests/s, latency percentiles, non-2xx answers and the ratio hotline/bare.

    .venv/bin/python benchmarks/webhook_throughput.py [--duration 15] [--database-url postgresql+psycopg://...]
"""

import argparse
import asyncio
import os
from pathlib import Path
import socket
import subprocess
import sys
import tempfile
import time
from urllib.parse import urlencode
import uuid

from fastapi import FastAPI, Request
from fastapi.responses import Response
from twilio.request_validator import RequestValidator
from twilio.twiml.voice_response import Gather, VoiceResponse

TOKEN = "bench-twilio-token"
PUBLIC_BASE = "https://hotline.bench.invalid"  # what requests are signed for; the apps are reached on 127.0.0.1
HOST = "127.0.0.1"
ROOT = Path(__file__).resolve().parent.parent
TARGET = {"ratio": 0.7, "p99_ms": 50.0}

# -- the bare app: the floor any FastAPI webhook stands on ---------------------------------------------------
bare_app = FastAPI()
_validator = RequestValidator(TOKEN)
_MENU = [("Барои забони тоҷикӣ 1-ро пахш кунед.", "ru-RU"), ("Для русского языка нажмите 2.", "ru-RU"),
         ("Oʻzbek tili uchun 3 ni bosing.", "tr-TR"), ("برای فارسی ۴ را فشار دهید.", "arb"),
         ("For English press 5.", "en-US")]


@bare_app.post("/twilio/voice")
async def bare_voice(request: Request) -> Response:
    form = await request.form()
    params = {key: value for key, value in form.items() if isinstance(value, str)}
    if not _validator.validate(PUBLIC_BASE + request.url.path, params, request.headers.get("X-Twilio-Signature", "")):
        return Response(status_code=403)
    response = VoiceResponse()
    gather = Gather(action=f"{PUBLIC_BASE}/twilio/ivr?line=123&node=language&lang=tg&inv=0&sil=0", method="POST",
                    num_digits=1, timeout=6, action_on_empty_result=True)
    for text, language in _MENU:
        gather.say(text, voice="Polly.Tatyana", language=language)
    response.append(gather)
    return Response(content=str(response), media_type="application/xml")


@bare_app.get("/healthz")
async def bare_health() -> dict[str, str]:
    return {"status": "ok"}


# -- servers --------------------------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def start_server(app: str, port: int, env: dict[str, str], cwd: str, app_dir: Path, log: Path) -> subprocess.Popen:
    """uvicorn, one process; its log goes to a file (a pipe nobody reads would block the server)."""
    command = [sys.executable, "-m", "uvicorn", app, "--host", HOST, "--port", str(port), "--app-dir", str(app_dir),
               "--log-level", "warning", "--no-access-log"]
    with log.open("wb") as output:
        return subprocess.Popen(command, env=env, cwd=cwd, stdout=output, stderr=subprocess.STDOUT)


def wait_ready(process: subprocess.Popen, port: int, log: Path, timeout_s: float = 30) -> None:
    import httpx

    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"bench: the server exited: {log.read_text(errors='replace')[-2000:]}")
        try:
            if httpx.get(f"http://{HOST}:{port}/healthz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    raise SystemExit(f"bench: no answer on port {port} after {timeout_s:.0f} s")


def stop_server(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


def hotline_env(workdir: str, database_url: str | None, redis_url: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("HOTLINE_")}
    env.update(HOTLINE_ENV="development", HOTLINE_TWILIO_AUTH_TOKEN=TOKEN, HOTLINE_PUBLIC_BASE_URL=PUBLIC_BASE,
               HOTLINE_DATABASE_URL=database_url or f"sqlite:///{workdir}/bench.db", HOTLINE_REDIS_URL=redis_url,
               HOTLINE_VAR_DIR=f"{workdir}/var", HOTLINE_SECRET_KEY="bench-secret-key-" + "0" * 32)
    return env


def migrate(env: dict[str, str], cwd: str) -> None:
    """`hotline db upgrade` on the bench database."""
    done = subprocess.run([sys.executable, "-m", "hotline.cli", "db", "upgrade"], env=env, cwd=cwd,
                          capture_output=True, text=True)
    if done.returncode != 0:
        lines = (done.stderr or done.stdout).strip().splitlines() or ["(no output)"]
        raise SystemExit(f"bench: `hotline db upgrade` failed: {lines[-1]}")


def flush_redis(redis_url: str) -> None:
    from redis import Redis

    Redis.from_url(redis_url).flushdb()


# -- the requests, signed before the clock starts -------------------------------------------------------------
def signed_requests(count: int, line: str = "123") -> list[bytes]:
    """Raw HTTP/1.1 POSTs of a new call, each with its own CallSid, signed for the public URL."""
    validator, url = RequestValidator(TOKEN), PUBLIC_BASE + "/twilio/voice"
    requests = []
    for _ in range(count):
        caller = f"+99290{uuid.uuid4().int % 10**7:07d}"
        params = {"AccountSid": "AC" + "b" * 32, "ApiVersion": "2010-04-01", "CallSid": "CA" + uuid.uuid4().hex,
                  "CallStatus": "ringing", "Called": line, "Caller": caller, "CalledCountry": "TJ",
                  "CallerCountry": "TJ", "Direction": "inbound", "From": caller, "FromCountry": "TJ",
                  "To": line, "ToCountry": "TJ"}
        body = urlencode(params).encode()
        head = (f"POST /twilio/voice HTTP/1.1\r\nHost: {HOST}\r\nUser-Agent: TwilioProxy/1.1\r\n"
                f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(body)}\r\n"
                f"X-Twilio-Signature: {validator.compute_signature(url, params)}\r\n\r\n")
        requests.append(head.encode() + body)
    return requests


# -- the load generator ---------------------------------------------------------------------------------------
class Load:
    """Shared by the connections: the next request, the deadline, and what came back."""

    def __init__(self, requests: list[bytes], duration_s: float):
        self.requests, self.next = requests, 0
        self.deadline = time.perf_counter() + duration_s
        self.latencies: list[float] = []
        self.statuses: dict[int, int] = {}
        self.errors = 0
        self.fallbacks = 0  # 200 answers that are not the language menu: the hotline's catch-all to a human

    def count(self, status: int, body: bytes) -> None:
        self.statuses[status] = self.statuses.get(status, 0) + 1
        if status == 200 and b"<Gather" not in body:
            self.fallbacks += 1

    def take(self) -> bytes | None:
        if self.next >= len(self.requests) or time.perf_counter() >= self.deadline:
            return None
        self.next += 1
        return self.requests[self.next - 1]


async def raw_connection(port: int, load: Load) -> None:
    """One keep-alive HTTP/1.1 connection sending request after request (Content-Length bodies only)."""
    reader, writer = await asyncio.open_connection(HOST, port)
    try:
        while (request := load.take()) is not None:
            started = time.perf_counter()
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            body = await reader.readexactly(_content_length(head))
            load.latencies.append(time.perf_counter() - started)
            load.count(int(head[9:12]), body)
    except (OSError, asyncio.IncompleteReadError, ValueError):
        load.errors += 1
    finally:
        writer.close()


def _content_length(head: bytes) -> int:
    for line in head.split(b"\r\n"):
        if line[:15].lower() == b"content-length:":
            return int(line[15:])
    raise ValueError("no Content-Length")


async def httpx_connection(client, port: int, load: Load) -> None:
    while (request := load.take()) is not None:
        head, body = request.split(b"\r\n\r\n", 1)
        headers = dict(line.split(": ", 1) for line in head.decode().split("\r\n")[1:] if not line.startswith("Host"))
        started = time.perf_counter()
        try:
            response = await client.post(f"http://{HOST}:{port}/twilio/voice", content=body, headers=headers)
        except Exception:
            load.errors += 1
            continue
        load.latencies.append(time.perf_counter() - started)
        load.count(response.status_code, response.content)


async def drive(port: int, requests: list[bytes], duration_s: float, connections: int, client: str) -> dict:
    load = Load(requests, duration_s)
    started = time.perf_counter()
    if client == "httpx":
        import httpx

        limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
        async with httpx.AsyncClient(limits=limits, timeout=30) as http:
            await asyncio.gather(*(httpx_connection(http, port, load) for _ in range(connections)))
    else:
        await asyncio.gather(*(raw_connection(port, load) for _ in range(connections)))
    return figures(load, time.perf_counter() - started)


def figures(load: Load, elapsed_s: float) -> dict:
    latencies = sorted(load.latencies)

    def percentile(share: float) -> float:
        return latencies[min(len(latencies) - 1, int(share * len(latencies)))] * 1000 if latencies else float("nan")

    non_2xx = sum(n for status, n in load.statuses.items() if not 200 <= status < 300)
    return {"requests": len(latencies), "rps": len(latencies) / elapsed_s, "p50": percentile(0.50),
            "p95": percentile(0.95), "p99": percentile(0.99), "non_2xx": non_2xx, "errors": load.errors, "fallbacks": load.fallbacks,
            "statuses": dict(sorted(load.statuses.items())), "exhausted": load.next >= len(load.requests)}


def measure(port: int, args: argparse.Namespace) -> dict:
    """Warm up, size the pool of signed requests from the warm-up rate (bounded), then the measured run."""
    run = asyncio.run if args.client == "httpx" else _run_uvloop
    warm = run(drive(port, signed_requests(args.warmup_requests), args.warmup, args.connections, args.client))
    needed = min(args.max_requests, int(warm["rps"] * args.duration * 3) + 2000)
    result = run(drive(port, signed_requests(needed), args.duration, args.connections, args.client))
    result["answered"] = warm["requests"] + result["requests"]
    return result


def _run_uvloop(coroutine):
    try:
        import uvloop

        return uvloop.run(coroutine)
    except ImportError:
        return asyncio.run(coroutine)


# -- the run --------------------------------------------------------------------------------------------------
def bench_app(name: str, app: str, env: dict, workdir: str, app_dir: Path, args) -> dict:
    port, log = free_port(), Path(workdir) / f"{name}.log"
    server = start_server(app, port, env, workdir, app_dir, log)
    try:
        wait_ready(server, port, log)
        print(f"  {name}: warming up {args.warmup:.0f} s, measuring {args.duration:.0f} s "
              f"on {args.connections} connections ({args.client} client) ...", flush=True)
        result = measure(port, args)
    finally:
        stop_server(server)
    result["logged_failures"] = log.read_text(errors="replace").count("Traceback")
    if name == "hotline":
        result["recorded"] = recorded_calls(env["HOTLINE_DATABASE_URL"])
    return result


def recorded_calls(database_url: str) -> int:
    """Calls in the database once the server has stopped: every answered new call must be there."""
    from sqlalchemy import create_engine, text

    engine = create_engine(database_url)
    with engine.connect() as connection:
        count = connection.execute(text("SELECT count(*) FROM calls")).scalar_one()
    engine.dispose()
    return count


def report(results: dict[str, dict]) -> bool:
    print(f"\n{'app':8} {'requests':>9} {'req/s':>9} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'non-2xx':>8} "
          f"{'errors':>7} {'fallback':>8} {'tracebacks':>10}")
    for name, r in results.items():
        print(f"{name:8} {r['requests']:9d} {r['rps']:9.0f} {r['p50']:8.2f} {r['p95']:8.2f} {r['p99']:8.2f} "
              f"{r['non_2xx']:8d} {r['errors']:7d} {r['fallbacks']:8d} {r['logged_failures']:10d}"
              + ("  (request pool exhausted)" if r["exhausted"] else ""))
        if r["non_2xx"]:
            print(f"         statuses: {r['statuses']}")
    if not {"hotline", "bare"} <= results.keys():
        return True
    ours, bare = results["hotline"], results["bare"]
    ratio = ours["rps"] / bare["rps"] if bare["rps"] else float("nan")
    checks = {f"ratio hotline/bare {ratio:.2f} >= {TARGET['ratio']}": ratio >= TARGET["ratio"],
              f"hotline p99 {ours['p99']:.1f} ms < {TARGET['p99_ms']:.0f} ms": ours["p99"] < TARGET["p99_ms"],
              f"hotline non-2xx {ours['non_2xx']} == 0, connection errors {ours['errors']} == 0":
                  ours["non_2xx"] == 0 and ours["errors"] == 0,
              f"hotline answered the menu every time (fallbacks {ours['fallbacks']} == 0)": ours["fallbacks"] == 0,
              f"every answered call recorded ({ours['recorded']} in the database >= {ours['answered']} answered)":
                  ours["recorded"] >= ours["answered"]}
    print()
    for text, ok in checks.items():
        print(f"{'PASS' if ok else 'FAIL'}  {text}")
    return all(checks.values())


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=15, help="measured seconds per app (max 120)")
    parser.add_argument("--warmup", type=float, default=3, help="warm-up seconds per app")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--client", choices=("raw", "httpx"), default="raw")
    parser.add_argument("--max-requests", type=int, default=200_000, help="cap on requests per measured run")
    parser.add_argument("--warmup-requests", type=int, default=20_000)
    parser.add_argument("--database-url", default=None, help="the hotline's database (default: a fresh SQLite file)")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/13", help="a Redis database for the bench only")
    parser.add_argument("--only", choices=("hotline", "bare"), default=None)
    args = parser.parse_args(argv)
    if not (0 < args.duration <= 120 and 0 <= args.warmup <= 60 and 1 <= args.connections <= 256):
        parser.error("--duration must be in (0, 120], --warmup in [0, 60], --connections in [1, 256]")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    results = {}
    with tempfile.TemporaryDirectory(prefix="hotline-bench-") as workdir:
        env = hotline_env(workdir, args.database_url, args.redis_url)
        if args.only != "bare":
            migrate(env, workdir)
            flush_redis(args.redis_url)
        try:
            if args.only != "hotline":
                results["bare"] = bench_app("bare", "webhook_throughput:bare_app", env, workdir, Path(__file__).parent, args)
            if args.only != "bare":
                results["hotline"] = bench_app("hotline", "hotline.asgi:app", env, workdir, ROOT, args)
        finally:
            if args.only != "bare":
                flush_redis(args.redis_url)
    return 0 if report(results) else 1


if __name__ == "__main__":
    sys.exit(main())
