"""A static file server for measurements: gzip for text, as GitHub Pages serves it.
Usage: python scripts/serve_gzip.py PORT FOLDER (binds 127.0.0.1 only)."""
import functools
import gzip
import http.server
import io
import os
import sys

TEXT = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".csv", ".tbx")


class Handler(http.server.SimpleHTTPRequestHandler):
    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?")[0].endswith("/"):
            path = os.path.join(path, "index.html")
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.endswith(TEXT) \
                or not os.path.isfile(path):
            return super().send_head()
        with open(path, "rb") as f:
            data = gzip.compress(f.read(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(data)

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    port, folder = int(sys.argv[1]), sys.argv[2]
    http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Handler, directory=folder)).serve_forever()
