"""moto's DynamoDB behind one lock, on a free loopback port.

moto's TransactWriteItems is not atomic when requests arrive concurrently (a storm of
conditional debits overdraws), so every request is handled under one lock: the server then
behaves like one serial DynamoDB. Prints "PORT <n>" once it listens; exits when its parent
closes stdin, so it never outlives the JVM or script that started it.
"""
import sys
import threading

from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
from werkzeug.serving import make_server


class SerialisedApp:
    def __init__(self, app):
        self._app = app
        self._lock = threading.Lock()

    def __call__(self, environ, start_response):
        with self._lock:
            # Drain the response inside the lock: moto may build the body lazily.
            return [b"".join(self._app(environ, start_response))]


def main():
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    app = SerialisedApp(DomainDispatcherApplication(create_backend_app))
    server = make_server("127.0.0.1", port, app, threaded=True)
    print("PORT %d" % server.port, flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    sys.stdin.read()  # returns when the parent exits or closes the pipe
    server.shutdown()


if __name__ == "__main__":
    main()
