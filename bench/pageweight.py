#!/usr/bin/env python3
"""Bytes a browser transfers for one page, on a first view (empty cache) and a repeat view (the same page again).

Usage: pageweight.py BASE_URL SESSION_COOKIE PATH...   (called by bench/pageweight.sh)

The page and the assets it links in its head and body (style sheets, scripts, icon, images) are fetched as a
browser would, offering gzip and Brotli; a transfer counts the status line, the response headers and the body as
it came over the wire (compressed when the server compressed it). The repeat view follows the HTTP caching rules
a browser applies: an asset stored fresh (max-age, no no-cache/no-store) costs nothing, one that may be stored but
must be revalidated (ETag or Last-Modified) costs a conditional request and its 304 answer, one marked no-store is
fetched in full again. The page itself is never cached (it carries no-store).
"""
import gzip
import re
import sys
import urllib.error
import urllib.request
from html.parser import HTMLParser

BROWSER = {
    "Accept-Encoding": "gzip, deflate, br",
    "Accept": "text/html,application/xhtml+xml,*/*;q=0.8",
    "User-Agent": "bolwerk-pageweight",
}


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


class Assets(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and a.get("rel") in ("stylesheet", "icon") and a.get("href"):
            self.urls.append(a["href"])
        elif tag in ("script", "img") and a.get("src"):
            self.urls.append(a["src"])


def fetch(url, cookie, extra=None):
    headers = dict(BROWSER)
    headers["Cookie"] = "BOLWERK_SESSION=" + cookie
    headers.update(extra or {})
    try:
        response = OPENER.open(urllib.request.Request(url, headers=headers))
        status, body, head = response.status, response.read(), response.headers
    except urllib.error.HTTPError as answer:  # 304 arrives as an "error"
        status, body, head = answer.code, answer.read(), answer.headers
    header_bytes = len("HTTP/1.1 200 OK\r\n") + sum(len(k) + len(v) + 4 for k, v in head.items()) + 2
    return status, head, body, header_bytes + len(body)


def repeat_cost(url, cookie, head):
    control = (head.get("Cache-Control") or "").lower()
    if "no-store" in control:
        return fetch(url, cookie)[3], "full again (no-store)"
    max_age = re.search(r"max-age=(\d+)", control)
    if max_age and int(max_age.group(1)) > 0 and "no-cache" not in control:
        return 0, "from cache (max-age=%s)" % max_age.group(1)
    conditions = {}
    if head.get("ETag"):
        conditions["If-None-Match"] = head["ETag"]
    if head.get("Last-Modified"):
        conditions["If-Modified-Since"] = head["Last-Modified"]
    if not conditions:
        return fetch(url, cookie)[3], "full again (no validator)"
    status, _, _, cost = fetch(url, cookie, conditions)
    return cost, "revalidated (%d)" % status


def measure(base, cookie, path):
    status, head, body, page_cost = fetch(base + path, cookie)
    if status != 200:
        sys.exit("%s answered %d" % (path, status))
    parser = Assets()
    parser.feed((gzip.decompress(body) if head.get("Content-Encoding") == "gzip" else body).decode("utf-8"))
    first, repeat = page_cost, fetch(base + path, cookie)[3]
    print("%s" % path)
    print("  %-60s %8d B  %s" % ("page (" + (head.get("Content-Encoding") or "identity") + ")", page_cost, ""))
    for url in dict.fromkeys(parser.urls):
        absolute = base + url if url.startswith("/") else url
        _, asset_head, _, cost = fetch(absolute, cookie)
        again, how = repeat_cost(absolute, cookie, asset_head)
        first += cost
        repeat += again
        print("  %-60s %8d B  repeat %6d B %s [%s; %s]" % (url[:60], cost, again, how,
              asset_head.get("Content-Encoding") or "identity", asset_head.get("Cache-Control")))
    print("  first view: %d bytes, repeat view: %d bytes" % (first, repeat))


if __name__ == "__main__":
    base, cookie, paths = sys.argv[1], sys.argv[2], sys.argv[3:]
    for p in paths:
        measure(base, cookie, p)
