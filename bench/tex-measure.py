#!/usr/bin/env python3
"""Measures justified text in a PDF the same way for any typesetter (pdfTeX or brochure).

Usage: tex-measure.py PDF CORPUS.txt SIZE_PT

Reads word boxes with `pdftotext -bbox-layout` (poppler), lines in reading order, and the corpus
(paragraphs separated by blank lines) to know which line ends each paragraph: words are counted
along the lines (a word broken at a line end, by a hyphen or after a dash or slash, counts once)
until the paragraph's count is reached. Every line that is not the last of its paragraph is a
justified line; for each, its word spaces are the gaps between neighbouring word boxes.
Prints one JSON object.
"""
import json
import re
import statistics
import subprocess
import sys
import xml.etree.ElementTree as ET

NS = '{http://www.w3.org/1999/xhtml}'
JOINERS = ('-', '\u2010', '\u2013', '\u2014', '/')


def lines_of(pdf):
    xml = subprocess.run(['pdftotext', '-bbox-layout', pdf, '-'], check=True, capture_output=True).stdout
    root = ET.fromstring(xml)
    out = []
    for page in root.iter(NS + 'page'):
        for line in page.iter(NS + 'line'):
            words = [(float(w.get('xMin')), float(w.get('xMax')), w.text or '') for w in line.iter(NS + 'word')]
            if words:
                out.append(words)
    return out


def paragraphs_of(corpus):
    text = open(corpus, encoding='utf-8').read()
    return [p for p in re.split(r'\n\s*\n', text) if p.strip()]


def main():
    pdf, corpus, size = sys.argv[1], sys.argv[2], float(sys.argv[3])
    lines = lines_of(pdf)
    counts = [len(p.replace('\u00a0', ' ').split()) for p in paragraphs_of(corpus)]
    last = set()
    p, seen, carried = 0, 0, False
    for i, words in enumerate(lines):
        n = len(words) - (1 if carried else 0)
        seen += n
        end = words[-1][2]
        carried = end.endswith(JOINERS) and len(end) > 1
        if p < len(counts) and seen >= counts[p] and not carried:
            if seen != counts[p]:
                sys.exit('%s: lost the paragraphs at line %d (%d words counted, %d expected): %s'
                         % (pdf, i + 1, seen, counts[p], ' '.join(w[2] for w in words)))
            last.add(i)
            p, seen = p + 1, 0
    if p != len(counts):
        sys.exit('%s: found %d of %d paragraphs' % (pdf, p, len(counts)))
    justified = [words for i, words in enumerate(lines) if i not in last and len(words) > 1]
    means, widest, rights = [], 0.0, []
    for words in justified:
        gaps = [(b[0] - a[1]) / size for a, b in zip(words, words[1:])]
        means.append(sum(gaps) / len(gaps))
        widest = max(widest, max(gaps))
        rights.append(words[-1][1])
    measure_right = statistics.median(rights)
    hyphenated = [i for i, words in enumerate(lines) if words[-1][2].endswith(('-', '\u2010'))]
    run, longest, previous = 0, 0, -2
    for i in hyphenated:
        run = run + 1 if i == previous + 1 else 1
        longest, previous = max(longest, run), i
    loose = sum(1 for m in means if m > 0.5)
    short = sum(1 for words in justified if measure_right - words[-1][1] > 0.5 * size)
    print(json.dumps({
        'lines': len(lines),
        'justified': len(justified),
        'loose_share': loose / len(justified),
        'loose': loose,
        'mean_space': statistics.mean(means),
        'widest_space': widest,
        'hyphenated': len(hyphenated),
        'longest_hyphen_run': longest,
        'short_lines': short,
    }))


if __name__ == '__main__':
    main()
