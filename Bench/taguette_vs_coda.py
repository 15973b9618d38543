"""Taguette against Coda on one workload, in one run: see BENCHMARKS.md ("Taguette") and Bench/taguette.sh.

The workload: 100 generated interviews of about 2,000 words, 20 codes, 20 highlights of 30 words per interview,
then all codings as CSV and the codebook as QDC. Taguette is driven over HTTP on 127.0.0.1 the way its web page
does it (login token, XSRF cookie, multipart upload, JSON posts); Coda runs as separate processes. After each
run the highlights of both tools are compared (count, and document, code and text of each).

Standard library only, so it runs with the Python of Taguette's virtual environment.
"""
import argparse
import csv
import html
import html.parser
import http.client
import io
import json
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
import uuid

INTERVIEWS, TURNS, CODES, PHRASE_WORDS = 100, 20, 20, 30

VOCABULARY = """
about after again almost always answer appointment asked back bank because before benefit better bill both
bus call card case change child claim clear clinic could council counter day desk different doctor done
down early easy email enough every family felt few file find first form found friend gave good great half
hand hard help home hour house idea information just kept kind knew know last late later least left letter
life line little long look lost made make many maybe mean money month morning mother much name need never
new next night nobody nothing notice number office often old online only open other paper part pay people
person phone place plan point problem queue quick quite read ready really reason remember rent right room
rule said same school second seemed sent service short should side sign since small someone something
sometimes soon staff start still stop story street sure system take talk team tell thing think though time
told took town tried turn understand until used wait waiting walk want wanted week well went whole window
without woman word work worked worry wrong year young
""".split()


# ---------------------------------------------------------------------------------------------------------------
# The workload, generated deterministically.

def make_workload(seed=15):
    """Returns [(document id, [(speaker, text)], [(turn index, code, phrase)])]: the same for every run."""
    rng = random.Random(seed)
    documents = []
    for number in range(1, INTERVIEWS + 1):
        doc = "I%03d" % number
        turns, highlights = [], []
        for turn in range(TURNS):
            question = sentence(rng, rng.randint(8, 14))[:-1] + "?"
            turns.append(("Interviewer", question))
            tokens = []
            while len(tokens) < 88:
                tokens += sentence(rng, rng.randint(7, 16)).split()
            # The respondent's label is not `I001`: Coda reads `I` with a number as an interviewer's label.
            turns.append(("R%03d" % number, " ".join(tokens)))
            start = rng.randint(0, len(tokens) - PHRASE_WORDS)
            phrase = " ".join(tokens[start:start + PHRASE_WORDS]).rstrip(".,")
            code = "Code %02d" % ((number + turn) % CODES + 1)
            highlights.append((len(turns) - 1, code, phrase))
        documents.append((doc, turns, highlights))
    return documents


def sentence(rng, count):
    words = [rng.choice(VOCABULARY) for _ in range(count)]
    if count > 9:
        words[count // 2] += ","
    return " ".join(words).capitalize() + "."


def plain_text(turns):
    return "\n\n".join("%s: %s" % turn for turn in turns) + "\n"


def html_page(doc, turns):
    body = "".join("<p>%s: %s</p>" % (html.escape(s), html.escape(t)) for s, t in turns)
    return "<!DOCTYPE html><html><head><title>%s</title></head><body>%s</body></html>" % (doc, body)


def highlight_offsets(turns, turn, phrase):
    """Taguette's offsets: UTF-8 bytes into the document's text (the paragraphs' text, back to back)."""
    before = "".join("%s: %s" % t for t in turns[:turn])
    text = "%s: %s" % turns[turn]
    start = len(before.encode()) + len(text[:text.index(phrase)].encode())
    return start, start + len(phrase.encode())


def expected_highlights(workload):
    return sorted((doc, code, phrase) for doc, _, highlights in workload for _, code, phrase in highlights)


# ---------------------------------------------------------------------------------------------------------------
# Taguette: a server on 127.0.0.1, and a client that makes the requests its web page makes.

SERVER = """
import sys
import taguette.web.base as base
async def no_messages(self):  # the benchmark stays on 127.0.0.1: no fetch of taguette.org's messages
    self.messages = []
    self.messages_event.set()
base.Application._check_messages = no_messages
from taguette.main import main
main()
"""


class TaguetteServer:
    def __init__(self, python, folder):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.log = open(os.path.join(folder, "taguette.log"), "w")
        self.process = subprocess.Popen(
            [python, "-u", "-c", SERVER, "--no-browser", "-b", "127.0.0.1", "-p", str(self.port),
             "--database", os.path.join(folder, "taguette.sqlite3")],
            stdout=subprocess.PIPE, stderr=self.log, text=True)
        self.token = None
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if not line and self.process.poll() is not None:
                break
            match = re.search(r"\?token=([0-9a-f]+)", line)
            if match:
                self.token = match.group(1)
                break
        if self.token is None:
            self.stop()
            sys.exit("error: Taguette did not start; see %s" % self.log.name)

    def cpu_seconds(self):
        """The server's own processor time so far (user + system), from /proc."""
        with open("/proc/%d/stat" % self.process.pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


class Browser:
    """One keep-alive connection with a cookie jar, as a browser tab has."""

    def __init__(self, port):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        self.cookies = {}

    def request(self, method, path, body=None, headers=None, expect=(200,)):
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join("%s=%s" % item for item in self.cookies.items())
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        data = response.read()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key] = rest.split(";")[0]
        if response.status not in expect:
            sys.exit("error: Taguette answered %d to %s %s: %s" % (response.status, method, path, data[:300]))
        return response, data

    def xsrf(self, path):
        return path + ("&" if "?" in path else "?") + "_xsrf=" + urllib.parse.quote(self.cookies["_xsrf"])

    def post_json(self, path, obj):
        body = json.dumps(obj).encode()
        _, data = self.request("POST", self.xsrf(path), body, {"Content-Type": "application/json; charset=utf-8"})
        return json.loads(data)

    def post_form(self, path, fields, files=()):
        boundary = uuid.uuid4().hex
        parts = []
        for name, value in fields:
            parts.append('--%s\r\nContent-Disposition: form-data; name="%s"\r\n\r\n%s\r\n' % (boundary, name, value))
        body = "".join(parts).encode()
        for name, filename, content_type, content in files:
            body += ('--%s\r\nContent-Disposition: form-data; name="%s"; filename="%s"\r\nContent-Type: %s\r\n\r\n'
                     % (boundary, name, filename, content_type)).encode() + content + b"\r\n"
        body += ("--%s--\r\n" % boundary).encode()
        return self.request("POST", path, body, {"Content-Type": "multipart/form-data; boundary=" + boundary},
                            expect=(200, 302, 303))


def run_taguette(server, workload, out):
    """The timed part: log in, make the project and its 20 tags, upload, highlight, export. Returns seconds."""
    start, cpu = time.perf_counter(), server.cpu_seconds()
    browser = Browser(server.port)
    browser.request("GET", "/?token=" + server.token, expect=(302,))
    browser.request("GET", "/project/new")
    response, _ = browser.post_form("/project/new", [("name", "Benchmark"), ("description", ""),
                                                     ("_xsrf", browser.cookies["_xsrf"])])
    project = response.getheader("Location").rstrip("/").split("/")[-1]
    _, page = browser.request("GET", "/project/%s" % project)
    default_tags = json.loads(re.search(rb"var tags = (\{.*?\});\n", page).group(1))
    for tag in default_tags.values():  # the page's "delete tag": same codebook as Coda's
        browser.request("DELETE", browser.xsrf("/api/project/%s/tag/%d" % (project, tag["id"])), expect=(204,))
    tags = {}
    for number in range(1, CODES + 1):
        name = "Code %02d" % number
        tags[name] = browser.post_json("/api/project/%s/tag/new" % project,
                                       {"path": name, "description": "Synthetic code %d" % number})["id"]
    contents = {}
    for doc, turns, highlights in workload:
        _, data = browser.post_form("/api/project/%s/document/new" % project,
                                    [("name", doc), ("description", ""), ("text_direction", "LEFT_TO_RIGHT"),
                                     ("_xsrf", browser.cookies["_xsrf"])],
                                    [("file", doc + ".html", "text/html", html_page(doc, turns).encode())])
        document = json.loads(data)["created"]
        base = "/api/project/%s/document/%d" % (project, document)
        browser.request("GET", base)
        contents[doc] = browser.request("GET", base + "/contents")[1]
        for turn, code, phrase in highlights:
            first, last = highlight_offsets(turns, turn, phrase)
            browser.post_json(base + "/highlight/new", {"start_offset": first, "end_offset": last,
                                                        "tags": [tags[code]]})
    _, codings = browser.request("GET", "/project/%s/export/highlights/.csv" % project)
    _, codebook = browser.request("GET", "/project/%s/export/codebook.qdc" % project)
    seconds, cpu = time.perf_counter() - start, server.cpu_seconds() - cpu
    browser.connection.close()
    write(os.path.join(out, "taguette-codings.csv"), codings)
    write(os.path.join(out, "taguette-codebook.qdc"), codebook)
    check_taguette_texts(workload, contents)
    rows = list(csv.DictReader(io.StringIO(codings.decode())))
    highlights = sorted((r["document"], r["tag"], r["content"].strip()) for r in rows)
    return seconds, cpu, highlights, codebook.count(b"<Code ")


class TextOf(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []

    def handle_data(self, data):
        self.parts.append(data)


def check_taguette_texts(workload, contents):
    """The offsets assume Taguette kept each paragraph's text as sent: check it did."""
    for doc, turns, _ in workload:
        parser = TextOf()
        parser.feed(json.loads(contents[doc])["contents"][0]["contents"])
        if "".join(parser.parts) != "".join("%s: %s" % t for t in turns):
            sys.exit("error: Taguette changed the text of %s, so its highlight offsets would be wrong" % doc)


# ---------------------------------------------------------------------------------------------------------------
# Coda: separate processes, as at a terminal.

def spawn(arguments, folder, stdout="/dev/null"):
    actions = [(os.POSIX_SPAWN_OPEN, 1, stdout, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644),
               (os.POSIX_SPAWN_OPEN, 2, os.path.join(folder, "..", "coda-stderr.txt"),
                os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)]
    previous = os.getcwd()
    os.chdir(folder)
    try:
        pid = os.posix_spawn(arguments[0], arguments, CODA_ENVIRONMENT, file_actions=actions)
    finally:
        os.chdir(previous)
    _, status, usage = os.wait4(pid, 0)
    CHILD_CPU[0] += usage.ru_utime + usage.ru_stime
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("error: %s exited with %d; see coda-stderr.txt" % (" ".join(arguments[:4]),
                                                                    os.waitstatus_to_exitcode(status)))


CHILD_CPU = [0.0]  # processor time of every Coda process so far
CODA_ENVIRONMENT = dict(os.environ, CODA_CODER="bench", CODA_QUIET="1")


def codebook_markdown():
    return "# Benchmark codebook\n\n" + "".join(
        "## Code %02d\nDefinition: Synthetic code %d.\n\n" % (n, n) for n in range(1, CODES + 1))


def run_coda(coda, workload, work, mode):
    """mode "bulk": one import, one `tag --from`, exports. "each": one `tag --phrase` process per highlight."""
    project = os.path.join(work, "coda-" + mode)
    shutil.rmtree(project, ignore_errors=True)
    for folder in ("Transcripts", "Codebooks"):
        os.makedirs(os.path.join(project, folder))
    files = [os.path.join(work, "interviews", doc + ".txt") for doc, _, _ in workload]
    table = os.path.join(work, "highlights.tsv")
    start, cpu = time.perf_counter(), CHILD_CPU[0]
    write(os.path.join(project, "Codebooks", "codebook.md"), codebook_markdown().encode())
    spawn([coda, "import"] + files, project)
    if mode == "bulk":
        spawn([coda, "tag", "--from", table], project)
    else:
        for doc, _, highlights in workload:
            for turn, code, phrase in highlights:
                spawn([coda, "tag", doc, str(turn + 1), code, "--phrase", phrase], project)
    codings = os.path.join(work, "coda-%s-codings.csv" % mode)
    spawn([coda, "retrieve", "--format", "csv"], project, stdout=codings)
    spawn([coda, "export", "qdc", os.path.join(work, "coda-%s-codebook.qdc" % mode)], project)
    seconds, cpu = time.perf_counter() - start, CHILD_CPU[0] - cpu
    with open(codings, newline="") as f:
        rows = list(csv.DictReader(f))
    with open(os.path.join(work, "coda-%s-codebook.qdc" % mode), "rb") as f:
        codes = f.read().count(b"<Code ")
    return seconds, cpu, sorted((r["Document"], r["Code"], r["Text"]) for r in rows), codes


def write_inputs(workload, work):
    os.makedirs(os.path.join(work, "interviews"), exist_ok=True)
    for doc, turns, _ in workload:
        write(os.path.join(work, "interviews", doc + ".txt"), plain_text(turns).encode())
    rows = ["document\tsegments\tcode\tphrase"]
    rows += ["%s\t%d\t%s\t%s" % (doc, turn + 1, code, phrase) for doc, _, hl in workload for turn, code, phrase in hl]
    write(os.path.join(work, "highlights.tsv"), ("\n".join(rows) + "\n").encode())


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


# ---------------------------------------------------------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser(description="Time Taguette and Coda on the same workload (BENCHMARKS.md).")
    parser.add_argument("--coda", default=".build/release/coda", help="the coda binary to time")
    parser.add_argument("--taguette-python", default=sys.executable, help="the Python of Taguette's venv")
    parser.add_argument("--runs", type=int, default=3, help="runs of each tool (1-15); medians are reported")
    parser.add_argument("--work", default="/tmp/coda-taguette", help="folder for every file made (emptied first)")
    options = parser.parse_args()
    coda = os.path.abspath(options.coda)
    if not os.access(coda, os.X_OK):
        sys.exit("error: %s is not built; run `swift build -c release --product coda -Xswiftc -static-executable` first" % coda)
    runs = max(1, min(options.runs, 15))
    if os.path.isdir(options.work) and os.listdir(options.work) and \
            not os.path.exists(os.path.join(options.work, "highlights.tsv")):
        sys.exit("error: %s holds other files; give --work an empty or new folder" % options.work)
    shutil.rmtree(options.work, ignore_errors=True)
    os.makedirs(options.work)
    workload = make_workload()
    write_inputs(workload, options.work)
    expected = expected_highlights(workload)
    words = sum(len(t.split()) for _, turns, _ in workload for _, t in turns) / len(workload)
    print("workload: %d interviews of %.0f words, %d codes, %d highlights of %d words"
          % (len(workload), words, CODES, len(expected), PHRASE_WORDS), flush=True)
    times = {"taguette": [], "bulk": [], "each": []}
    cpu = {"taguette": [], "bulk": [], "each": []}
    for run in range(1, runs + 1):
        folder = os.path.join(options.work, "taguette-%d" % run)
        os.makedirs(folder)
        server = TaguetteServer(options.taguette_python, folder)
        try:
            seconds, processor, highlights, codes = run_taguette(server, workload, folder)
        finally:
            server.stop()
        verify("Taguette", highlights, codes, expected)
        times["taguette"].append(seconds)
        cpu["taguette"].append(processor)
        for mode in ("bulk", "each"):
            seconds, processor, highlights, codes = run_coda(coda, workload, options.work, mode)
            verify("Coda (%s)" % mode, highlights, codes, expected)
            times[mode].append(seconds)
            cpu[mode].append(processor)
        print("run %d: Taguette %.2f s (CPU %.2f), Coda bulk %.3f s (CPU %.3f), "
              "one process per highlight %.2f s (CPU %.2f)"
              % (run, times["taguette"][-1], cpu["taguette"][-1], times["bulk"][-1], cpu["bulk"][-1],
                 times["each"][-1], cpu["each"][-1]), flush=True)
    report(times, cpu, len(expected), runs)


def verify(tool, highlights, codes, expected):
    if highlights != expected or codes != CODES:
        wrong = sorted(set(highlights) ^ set(expected))[:3]
        sys.exit("error: %s ended with %d highlights and %d codes, expected %d and %d; first differences: %s"
                 % (tool, len(highlights), codes, len(expected), CODES, wrong))


def report(times, cpu, highlights, runs):
    """Wall-clock time is what a researcher waits; processor time (the tool's own processes: Taguette's server,
    every Coda process) is steadier on a busy machine."""
    taguette, taguette_cpu = statistics.median(times["taguette"]), statistics.median(cpu["taguette"])
    print("\nAll three ended with the same %d highlights (document, code, 30-word text) and %d codes.\n"
          % (highlights, CODES))
    print("| Tool and path | Median s | Min s | Max s | Per highlight ms | Taguette ÷ this | CPU s | CPU ratio |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for key, name in (("taguette", "Taguette 1.5.2 (HTTP API)"),
                      ("bulk", "Coda: import + tag --from + exports"),
                      ("each", "Coda: import + one tag --phrase process per highlight + exports")):
        median, processor = statistics.median(times[key]), statistics.median(cpu[key])
        print("| %s | %.3f | %.3f | %.3f | %.2f | %.1f× | %.3f | %.1f× |"
              % (name, median, min(times[key]), max(times[key]), 1000 * median / highlights, taguette / median,
                 processor, taguette_cpu / processor))
    print("\nMedians of %d runs; load average %.1f at the end." % (runs, os.getloadavg()[0]))


if __name__ == "__main__":
    main()
