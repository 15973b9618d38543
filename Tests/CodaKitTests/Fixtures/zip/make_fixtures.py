#!/usr/bin/env python3
"""Re-creates the zip and DEFLATE fixtures in this folder (see README.txt).

Run from this folder: python3 make_fixtures.py
Needs Info-ZIP `zip` and `gzip` on PATH, and, for the three REFI-QDA samples, the project's shared/ folder
(pass its path as the first argument; default /work/shared). Prints the CRC-32 and length of every original.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = sys.argv[1] if len(sys.argv) > 1 else "/work/shared"


def raw_deflate(data, level=6, strategy=zlib.Z_DEFAULT_STRATEGY, mem_level=8):
    c = zlib.compressobj(level, zlib.DEFLATED, -15, mem_level, strategy)
    return c.compress(data) + c.flush()


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def large_text(seed):
    """About 310 KB: five passes over the seed's lines, every third line with its words reversed (so the
    passes differ), each pass followed by a repeat of its last 20,000 bytes (long matches far back)."""
    lines = seed.split(b"\n")
    out = bytearray()
    for r in range(5):
        start = len(out)
        for i, line in enumerate(lines):
            if (i + r) % 3 == 0:
                line = b" ".join(reversed(line.split(b" ")))
            out += b"[%d] " % r + line + b"\n"
        out += out[max(start, len(out) - 20000):]
    return bytes(out)


def repetitive_text():
    """Mirrors `InflateTests.repetitiveText` in Swift: runs of one byte and of a short phrase."""
    return b"The interviewer asks again. " * 4000 + b"a" * 70000 + b"ab" * 1000


def main():
    seed = open(os.path.join(HERE, "seed.txt"), "rb").read()
    large = large_text(seed)
    rep = repetitive_text()

    # Raw DEFLATE streams (zlib, no header).
    write("empty.deflate", raw_deflate(b""))
    write("seed.l0.deflate", raw_deflate(seed, 0, mem_level=1))
    write("seed.l1.deflate", raw_deflate(seed, 1))
    write("seed.l6.deflate", raw_deflate(seed, 6))
    write("seed.l9.deflate", raw_deflate(seed, 9))
    write("seed.fixed.deflate", raw_deflate(seed, 6, zlib.Z_FIXED))
    write("seed.huffman.deflate", raw_deflate(seed, 6, zlib.Z_HUFFMAN_ONLY))
    write("seed-head.l9.deflate", raw_deflate(seed[:4096], 9))
    write("large.l9.deflate", raw_deflate(large, 9))
    write("repetitive.l9.deflate", raw_deflate(rep, 9))

    # gzip files: the test skips the 10-byte header (-n: no name, no time) and checks the CRC trailer.
    for level in ("1", "9"):
        gz = subprocess.run(["gzip", "-n", "-" + level, "-c", "seed.txt"], cwd=HERE, check=True,
                            capture_output=True).stdout
        write("seed.txt.%s.gz" % level, gz)

    with tempfile.TemporaryDirectory() as tmp:
        tree = os.path.join(tmp, "Project")
        os.makedirs(os.path.join(tree, "Sources", "Interviews"))
        shutil.copy(os.path.join(HERE, "seed.txt"), os.path.join(tree, "Sources", "seed.txt"))
        open(os.path.join(tree, "Sources", "empty.txt"), "wb").close()
        with open(os.path.join(tree, "Sources", "Interviews", "na\u00efve caf\u00e9.txt"), "wb") as f:
            f.write("Caf\u00e9 au lait \u2013 na\u00efve.\n".encode())
        with open(os.path.join(tree, "photo.png"), "wb") as f:
            f.write(bytes(range(256)) * 4)
        for p in [tree] + [os.path.join(r, n) for r, ds, fs in os.walk(tree) for n in ds + fs]:
            os.utime(p, (315532800 + 86400 * 365 * 30, 315532800 + 86400 * 365 * 30))

        # Info-ZIP: folders, deflated text, a stored .png (-n), an empty file, a UTF-8 name, an archive comment.
        path = os.path.join(HERE, "infozip.zip")
        if os.path.exists(path):
            os.remove(path)
        subprocess.run(["zip", "-q", "-X", "-r", "-n", ".png", "-z", path, "Project"], cwd=tmp, check=True,
                       input=b"Made by Info-ZIP for Coda's tests.\n")
        # Info-ZIP writing to a pipe: data descriptors, local headers without sizes.
        piped = subprocess.run(["zip", "-q", "-X", "-fz-", "-r", "-", "Project"], cwd=tmp, check=True,
                               capture_output=True).stdout
        write("infozip-piped.zip", piped)
        # Info-ZIP reading stdin: a ZIP64 archive.
        path = os.path.join(HERE, "zip64.zip")
        if os.path.exists(path):
            os.remove(path)
        subprocess.run(["zip", "-q", path, "-"], cwd=tmp, check=True, input=b"streamed text\n")
        # Info-ZIP with a password (traditional PKWARE encryption).
        path = os.path.join(HERE, "encrypted.zip")
        if os.path.exists(path):
            os.remove(path)
        subprocess.run(["zip", "-q", "-X", "-P", "secret", path, "Project/Sources/seed.txt"], cwd=tmp, check=True)

    # Python's zipfile, deflated and stored.
    entries = [("sources/", None), ("sources/seed.txt", seed), ("sources/empty.txt", b""),
               ("sources/r\u00e9sum\u00e9 \u2013 \u00fcbersicht.txt", "Zusammenfassung \u00fcber alles\n".encode()),
               ("project.qde", b"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Project/>\n")]
    for name, method in (("python-deflated.zip", zipfile.ZIP_DEFLATED), ("python-stored.zip", zipfile.ZIP_STORED)):
        with zipfile.ZipFile(os.path.join(HERE, name), "w", method) as z:
            for entry, data in entries:
                info = zipfile.ZipInfo(entry, (1980, 1, 1, 0, 0, 0))
                info.compress_type = method
                if data is None:
                    info.external_attr = 0o40755 << 16 | 0x10
                    z.writestr(info, b"")
                else:
                    z.writestr(info, data)
    with zipfile.ZipFile(os.path.join(HERE, "python-bzip2.zip"), "w", zipfile.ZIP_BZIP2) as z:
        info = zipfile.ZipInfo("word/document.xml", (1980, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_BZIP2
        z.writestr(info, b"<w:document/>\n")

    # A CP437 name: Python writes the ASCII placeholder "XX.txt" without the UTF-8 flag; its two bytes are then
    # replaced in both headers by 0x81 0x94 ("\u00fc\u00f6" in code page 437), as old Windows tools wrote them.
    with zipfile.ZipFile(os.path.join(HERE, "cp437.zip"), "w", zipfile.ZIP_STORED) as z:
        z.writestr(zipfile.ZipInfo("XX.txt", (1980, 1, 1, 0, 0, 0)), b"code page 437\n")
    data = open(os.path.join(HERE, "cp437.zip"), "rb").read()
    assert data.count(b"XX.txt") == 2
    write("cp437.zip", data.replace(b"XX.txt", b"\x81\x94.txt"))

    # Files made by qualitative-analysis tools, from shared/refi-qda/samples (see shared/refi-qda/SOURCES.md).
    samples = os.path.join(SHARED, "refi-qda", "samples")
    for src, dst in (("qc-1.3.2/demo.qdpx", "qc-demo.qdpx"),
                     ("skyloom-refi-qda-lib/TestProject.qdpx", "skyloom.qdpx"),
                     ("nvivo-mac-15.0.0/nvivo_project.qdpx", "nvivo.qdpx")):
        shutil.copy(os.path.join(samples, src), os.path.join(HERE, dst))
        os.chmod(os.path.join(HERE, dst), 0o644)

    for label, data in (("seed.txt", seed), ("seed head", seed[:4096]), ("large text", large), ("repetitive text", rep)):
        print("%-16s length %7d  crc32 0x%08x" % (label, len(data), zlib.crc32(data)))


if __name__ == "__main__":
    main()
