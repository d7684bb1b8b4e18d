#!/usr/bin/env python3
"""Times `extract` on 1 MB of prose and on a 50-page two-column PDF.

The prose is the fixture paper (tests/fixtures/documents/thin-lines.txt) repeated to
1 MB, each copy's figures varied so that no two paragraphs are the same; the PDF is
the same paper set by reportlab in two columns over 50 pages (needs `pip install
reportlab`). Prints the best of five runs of the whole process for each, and how many
statements were drafted.

    cargo build --release && python3 benches/extract.py [target/release/insurgency-metrics]
"""
import os
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PAPER = os.path.join(ROOT, "tests", "fixtures", "documents", "thin-lines.txt")


def prose(size):
    text = open(PAPER, encoding="utf-8").read()
    out, n = [], 0
    while sum(map(len, out)) < size:
        n += 1
        # Vary every figure a little: 8,200 -> 8,201 ...
        out.append(re.sub(r"\d[\d,.]*\d|\d", lambda m: m.group(0)[:-1] + str((int(m.group(0)[-1]) + n) % 10), text))
    return "\n\n".join(out)[:size]


def pdf(path, pages):
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, PageBreak

    body = getSampleStyleSheet()["BodyText"]
    doc = BaseDocTemplate(path, pagesize=A4)
    w = (doc.width - 0.8 * cm) / 2
    frames = [Frame(doc.leftMargin, doc.bottomMargin, w, doc.height),
              Frame(doc.leftMargin + w + 0.8 * cm, doc.bottomMargin, w, doc.height)]
    doc.addPageTemplates([PageTemplate(frames=frames)])
    paragraphs = [p.replace("\n", " ") for p in open(PAPER, encoding="utf-8").read().split("\n\n")]
    # Each page starts a copy of the paper and holds as much of it as fits.
    def one_page_of(text):
        return [Paragraph(p, body) for p in text][:14]
    story = []
    for _ in range(pages):
        story += one_page_of(paragraphs)
        story.append(PageBreak())
    doc.build(story)
    return open(path, "rb").read().count(b"/Type /Page\n") or len(re.findall(rb"/Type\s*/Page[^s]", open(path, "rb").read()))


def best(binary, path, runs=5):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run([binary, "extract", path, "--data", "embedded"], capture_output=True, text=True)
        times.append(time.perf_counter() - start)
        if done.returncode != 0:
            sys.exit(done.stderr)
    return min(times), " ".join(done.stderr.split())


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target", "release", "insurgency-metrics")
    with tempfile.TemporaryDirectory() as tmp:
        text = os.path.join(tmp, "prose-1mb.txt")
        open(text, "w", encoding="utf-8").write(prose(1_000_000))
        report = os.path.join(tmp, "report-50p.pdf")
        pages = pdf(report, 50)
        print(f"report-50p.pdf: {pages} pages")
        for path in (text, report):
            seconds, summary = best(binary, path)
            print(f"{os.path.basename(path)} ({os.path.getsize(path) / 1e6:.2f} MB): {seconds:.2f} s")
            print(f"  {summary.split(': ', 1)[1].split('; data:')[0]}")


if __name__ == "__main__":
    main()
