#!/usr/bin/env python3
"""Word counts of DOCX files with python-docx: the library a Python programmer reaches for.

A baseline for Benchmarks/speed.sh, timed, not checked: for each file, the text of the
body's paragraphs and of every table cell's paragraphs (tables nested in cells too),
split on white space. It reads the whole document into python-docx's object model (an
lxml tree), as a program built on python-docx does. Needs `pip install python-docx`.

Prints FILE<TAB>WORDS per file (FILE<TAB>ERROR: message when it cannot read one).
"""

import sys

try:
    import docx
except ImportError:
    sys.exit("python_docx_count.py: python-docx is not installed (pip install python-docx)")


def table_words(table):
    words = 0
    for row in table.rows:
        for cell in row.cells:
            words += sum(len(p.text.split()) for p in cell.paragraphs)
            words += sum(table_words(inner) for inner in cell.tables)
    return words


def count(path):
    document = docx.Document(path)
    words = sum(len(p.text.split()) for p in document.paragraphs)
    return words + sum(table_words(t) for t in document.tables)


def main(paths):
    failed = 0
    for path in paths:
        try:
            result = str(count(path))
        except Exception as error:  # a baseline reports every failure, whatever it is
            failed = 1
            result = f"ERROR: {error}"
        sys.stdout.write(f"{path}\t{result}\n")
    return failed


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
