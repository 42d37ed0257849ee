#!/usr/bin/env bash
# Sets the same text at the same narrow measures with pdfTeX (without and with microtype) and with
# brochure (its default fine typography, and without it), and measures every PDF the same way
# (bench/tex-measure.py: word boxes from pdftotext). Prints the Markdown tables of docs/typography.md.
#
# Needs: pdflatex with microtype and the dejavu package (Debian: texlive-latex-recommended
# texlive-latex-extra texlive-fonts-extra), pdftotext (poppler-utils), python3, and a JDK for
# ./brochure. Font: DejaVu Serif Condensed, as Type 1 for pdfTeX (the dejavu package) and as
# TrueType for brochure (Debian's fonts-dejavu-extra; the same metrics: space 0.2856 em, the
# alphabet 13.337 em wide in both).
#
# Usage: bench/tex-compare.sh [measure-in-mm ...]     (default: 62 48)
#        KEEP=DIR bench/tex-compare.sh …                keeps every PDF in DIR (to look at them)
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)
SIZE=9.5
LEADING=13
PARSKIP=6.5
MEASURES=("${@:-62 48}")
read -r -a MEASURES <<< "${MEASURES[*]}"
TTF=$(ls /usr/share/texlive/texmf-dist/fonts/truetype/public/dejavu/DejaVuSerifCondensed.ttf \
         /usr/share/fonts/truetype/dejavu/DejaVuSerifCondensed.ttf 2>/dev/null | head -1 || true)
[ -n "$TTF" ] || { echo "DejaVuSerifCondensed.ttf not found (install texlive-fonts-extra or fonts-dejavu-extra)" >&2; exit 1; }
for tool in pdflatex pdftotext python3; do
    command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 1; }
done
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
./brochure --version >/dev/null

tex_escape() {
    python3 -c 'import sys,re
t=sys.stdin.read()
t=re.sub(r"([\\{}])", r"\\\1", t).replace("\\\\","\\textbackslash{}")
for c in "%$&#_": t=t.replace(c, "\\"+c)
t=t.replace("~","\\textasciitilde{}").replace("^","\\textasciicircum{}").replace("\u00a0","~")
sys.stdout.write(t)'
}

# pdfTeX: article class, T1, DejaVu Serif Condensed at SIZE/LEADING, no indent, PARSKIP between
# paragraphs, LaTeX's default line breaking (\pretolerance=100, \tolerance=200, \hyphenpenalty=50,
# US English patterns, \lefthyphenmin=2, \righthyphenmin=3). $3: extra preamble.
tex() {
    local corpus=$1 mm=$2 extra=$3 out=$4
    {
        cat <<TEX
\\documentclass{article}
\\usepackage[T1]{fontenc}
\\usepackage[utf8]{inputenc}
\\usepackage{DejaVuSerifCondensed}
\\usepackage[paperwidth=210mm,paperheight=297mm,textwidth=${mm}mm,textheight=257mm,top=20mm]{geometry}
$extra
\\pagestyle{empty}
\\setlength{\\parindent}{0pt}
\\setlength{\\parskip}{${PARSKIP}pt}
\\begin{document}
\\fontsize{${SIZE}}{${LEADING}}\\selectfont
TEX
        tex_escape < "$corpus"
        echo '\end{document}'
    } > "$WORK/doc.tex"
    (cd "$WORK" && pdflatex -interaction=batchmode doc.tex >/dev/null) || { tail -20 "$WORK/doc.log" >&2; exit 1; }
    mv "$WORK/doc.pdf" "$out"
}

# brochure: a project with one section of the corpus's paragraphs, the body style in DejaVu Serif
# Condensed at the same size, leading and spacing, on a page whose body is MM wide. $3: extra keys
# for the body style.
ours() {
    local corpus=$1 mm=$2 extra=$3 out=$4
    local project="$WORK/project" side
    rm -rf "$project" && mkdir -p "$project/fonts" "$project/brochure-content/"{sections,themes,layouts}
    cp "$REPO"/fonts/*.ttf "$project/fonts/" && cp "$TTF" "$project/fonts/"
    side=$(python3 -c "print((210 - $mm) / 2)")
    cat > "$project/brochure-content/brochure.yaml" <<YAML
title: Corpus
language: en-US
paper: A4
theme: corpus
date: 2025-09-01
sections:
  - sections/text.yaml
YAML
    cat > "$project/brochure-content/themes/corpus.yaml" <<YAML
extends: default
fonts:
  dejavu: {regular: fonts/$(basename "$TTF")}
margins: {top: 20mm, right: ${side}mm, bottom: 20mm, left: ${side}mm}
masters:
  body: {footer: false}
styles:
  body: {font: dejavu, size: ${SIZE}pt, leading: ${LEADING}pt, space-after: ${PARSKIP}pt, indent: 0pt $extra}
YAML
    printf 'fields:\n  paragraphs: {type: list, of: text}\n' > "$project/brochure-content/layouts/corpus.schema.yaml"
    printf '<section master="body"><#list section.paragraphs as p><p>${p}</p></#list></section>\n' \
        > "$project/brochure-content/layouts/corpus.ftlx"
    python3 - "$corpus" > "$project/brochure-content/sections/text.yaml" <<'PY'
import json, re, sys
paragraphs = [' '.join(p.split()) for p in re.split(r'\n\s*\n', open(sys.argv[1], encoding='utf-8').read()) if p.strip()]
print('layout: corpus\nparagraphs:')
for p in paragraphs:
    print('  - ' + json.dumps(p, ensure_ascii=False))
PY
    ./brochure build --content "$project/brochure-content" -o "$out" >/dev/null
}

measure() {
    python3 bench/tex-measure.py "$1" "$2" "$SIZE"
}

PLAIN=', expansion: 0%, protrusion: false, emergency-stretch: 0em, hyphen-penalty: 50'
for corpus in bench/corpus/*.txt; do
    for mm in "${MEASURES[@]}"; do
        name=$(basename "$corpus" .txt)
        tex "$corpus" "$mm" "" "$WORK/tex.pdf"
        tex "$corpus" "$mm" '\usepackage[protrusion=true,expansion=true]{microtype}' "$WORK/microtype.pdf"
        ours "$corpus" "$mm" "$PLAIN" "$WORK/plain.pdf"
        ours "$corpus" "$mm" "" "$WORK/ours.pdf"
        if [ -n "${KEEP:-}" ]; then
            mkdir -p "$KEEP" && for v in tex microtype plain ours; do cp "$WORK/$v.pdf" "$KEEP/$name-$mm-$v.pdf"; done
        fi
        echo
        echo "#### $name, ${mm} mm, DejaVu Serif Condensed ${SIZE}/${LEADING} pt"
        echo
        python3 - "$(measure "$WORK/tex.pdf" "$corpus")" "$(measure "$WORK/microtype.pdf" "$corpus")" \
            "$(measure "$WORK/plain.pdf" "$corpus")" "$(measure "$WORK/ours.pdf" "$corpus")" <<'PY'
import json, sys
cols = [json.loads(a) for a in sys.argv[1:]]
print('| figure | pdfTeX | pdfTeX + microtype | brochure, plain | brochure |')
print('|---|---:|---:|---:|---:|')
rows = [
    ('lines', lambda c: '%d' % c['lines']),
    ('justified lines (not last of a paragraph)', lambda c: '%d' % c['justified']),
    ('lines with mean word space above ½ em', lambda c: '%d (%.1f %%)' % (c['loose'], 100 * c['loose_share'])),
    ('mean word space (em)', lambda c: '%.3f' % c['mean_space']),
    ('widest word space (em)', lambda c: '%.2f' % c['widest_space']),
    ('hyphenated lines', lambda c: '%d' % c['hyphenated']),
    ('longest run of hyphenated lines', lambda c: '%d' % c['longest_hyphen_run']),
    ('justified lines short of the measure by > ½ em', lambda c: '%d' % c['short_lines']),
]
for label, f in rows:
    print('| %s | %s |' % (label, ' | '.join(f(c) for c in cols)))
PY
    done
done
