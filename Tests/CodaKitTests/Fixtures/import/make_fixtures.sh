#!/bin/sh
# Remakes the tool-made fixtures in this folder from src/ and from the hand-written files (see README.txt).
# Needs Debian's libreoffice-writer-nogui (soffice), pandoc, ffmpeg and iconv (glibc).
set -eu
cd "$(dirname "$0")"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
office() { soffice --headless --convert-to "$1" --outdir "$out" "$2" >/dev/null 2>&1; }

# Word documents written by LibreOffice from Flat ODT sources.
office docx src/P22.fodt && cp "$out/P22.docx" libreoffice-P22.docx
office docx src/P23.fodt && cp "$out/P23.docx" libreoffice-table-P23.docx
office docx src/P24.fodt && cp "$out/P24.docx" libreoffice-tracked-P24.docx
office docx src/P25.fodt && cp "$out/P25.docx" libreoffice-comments-P25.docx
# An Otter-style text export opened in LibreOffice (one paragraph per line) and saved as .docx.
soffice --headless --infilter="Text (encoded):UTF8,LF,,," --convert-to docx --outdir "$out" otter-P26.txt >/dev/null 2>&1
cp "$out/otter-P26.docx" libreoffice-otter-P26.docx
# Not .docx: an old Word 97-2003 file and an OpenDocument file, for the errors.
office doc src/P22.fodt && cp "$out/P22.doc" old-word-P22.doc
office odt src/P22.fodt && cp "$out/P22.odt" opendocument-P22.odt

# A Word document written by pandoc from Markdown.
pandoc -o pandoc-P27.docx src/P27.md

# Subtitles converted by ffmpeg: SRT to WebVTT (keeps `Name:` prefixes), WebVTT to SRT (drops the voice tags).
# ffmpeg 5.1 reads no cue after a STYLE block, so that block is removed from its input first.
ffmpeg -loglevel error -y -i src/R203.srt ffmpeg-R203.vtt
sed '/^STYLE$/,/^$/d' teams-S03.vtt | ffmpeg -loglevel error -y -f webvtt -i - ffmpeg-S03.srt

# Encodings: UTF-16 LE with BOM and CRLF (glibc's UTF-16 writes a little-endian BOM), UTF-16 BE with BOM,
# Windows-1252.
sed 's/$/\r/' src/P30.txt | iconv -f UTF-8 -t UTF-16 > utf16le-P30.txt
{ printf '\376\377'; iconv -f UTF-8 -t UTF-16BE src/P31.srt; } > utf16be-P31.srt
iconv -f UTF-8 -t WINDOWS-1252 src/P32.txt > windows1252-P32.txt

# A Word-shaped document: XML parts written by hand in the shape Word 365 writes them (tracked changes, a deleted
# paragraph mark and table row, a comment, a text box with its fallback, fields, a content control, a
# Time | Speaker | Text table), zipped by Info-ZIP with [Content_Types].xml first, as Word orders it.
rm -f word-shaped-P33.docx
(cd src/word-shaped && zip -q -X -r ../../word-shaped-P33.docx '[Content_Types].xml' _rels word)
