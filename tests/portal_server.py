"""A portal on 127.0.0.1 for the tests: it replays real answers and misbehaves on demand."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from cchc_cli.record import Record

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "portal"
SEPTEMBER = FIXTURES / "service-results_year-2026_captured-2026-09-17.json"
OCTOBER = FIXTURES / "service-results_year-2026_captured-2026-10-10.json"

FIREWALL_PAGE = (b"<html><head><title>Request Rejected</title></head><body>The requested URL "
                 b"was rejected. Please consult with your administrator.</body></html>")


class Answer(Record):
    """What the server does for one request."""

    status: int = 201
    body: bytes = b""
    content_type: str = "application/json; charset=utf-8"
    headers: tuple[tuple[str, str], ...] = ()
    delay: float = 0.0
    drop: str | None = None
    """``before``: close without answering; ``body``: close half-way through the body."""


class Seen(Record):
    """A request the server received."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes


class Portal:
    """The answers still to give (the last one repeats) and the requests seen."""

    def __init__(self) -> None:
        self.answers: list[Answer] = []
        self.seen: list[Seen] = []
        self.url = ""

    def will(self, *answers: Answer) -> None:
        """Answer the next requests with ``answers``, the last one for every later request."""
        self.answers = list(answers)

    def next_answer(self) -> Answer:
        """The answer for the request now being served."""
        return self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]


def replay(path: Path = SEPTEMBER, status: int = 201) -> Answer:
    """A real answer, as the portal sent it."""
    return Answer(status, path.read_bytes())


def error_object() -> Answer:
    """A 200 answer carrying an error object instead of results."""
    return Answer(200, json.dumps({"code": "ERROR", "message": "Hệ thống đang bận"}).encode())


def _handler(portal: Portal) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            body = self.rfile.read(length)
            portal.seen.append(Seen("POST", self.path, dict(self.headers.items()), body))
            answer = portal.next_answer()
            if answer.delay:
                time.sleep(answer.delay)
            if answer.drop == "before":
                self.close_connection = True
                return
            self.send_response(answer.status)
            self.send_header("Content-Type", answer.content_type)
            self.send_header("Content-Length", str(len(answer.body)))
            for name, value in answer.headers:
                self.send_header(name, value)
            self.end_headers()
            if answer.drop == "body":
                self.wfile.write(answer.body[: len(answer.body) // 2])
                self.wfile.flush()
                self.close_connection = True
                return
            self.wfile.write(answer.body)

        def log_message(self, format: str, *args: object) -> None:
            """Keep the test output quiet."""

    return Handler


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that gave up (a timeout test) is expected; say nothing."""


@contextmanager
def serve() -> Iterator[Portal]:
    """A portal on a free port of 127.0.0.1 for the length of the block."""
    portal = Portal()
    portal.will(replay())
    server = _QuietServer(("127.0.0.1", 0), _handler(portal))
    thread = threading.Thread(target=server.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    portal.url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield portal
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
