#!/usr/bin/env python3
"""Stand-ins for the order-processing services, for trying the workflow by hand.

    python3 workflows/scenarios/06-order-processing/services.py [PORT]   # default 9000

Serves /notifications, /inventory, /approvals and /payments on one port, prints every request,
and keeps the stock in memory: 5 cars, 100 paperclips.
"""
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

STOCK = {"car": 5, "paperclip": 100}


class Services(BaseHTTPRequestHandler):
    def do_GET(self):
        parts = self.path.strip("/").split("/")
        if parts[:2] == ["inventory", "items"] and len(parts) == 3:
            return self.reply(200, {"itemName": parts[2], "quantity": STOCK.get(parts[2], 0)})
        self.reply(404, {"error": "no such route"})

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length) or b"{}")
        parts = self.path.strip("/").split("/")
        if parts == ["notifications", "notifications"]:
            print("NOTIFY:", body.get("message"), flush=True)
            return self.reply(201, {})
        if parts == ["approvals", "approvals"]:
            print("APPROVAL REQUESTED:", body, flush=True)
            return self.reply(202, {})
        if parts == ["payments", "payments"]:
            return self.reply(201, {"id": "PAY-" + body["orderId"]})
        if parts[:2] == ["inventory", "items"] and parts[3:] == ["take"]:
            left = STOCK.get(parts[2], 0) - body["quantity"]
            if left < 0:
                return self.reply(409, {"error": "not enough " + parts[2]})
            STOCK[parts[2]] = left
            return self.reply(200, {"itemName": parts[2], "quantity": left})
        self.reply(404, {"error": "no such route"})

    def reply(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 9000
    print(f"order-processing services on http://localhost:{port}", flush=True)
    ThreadingHTTPServer(("127.0.0.1", port), Services).serve_forever()
