"""Renders TEI files with the TEI Consortium's stylesheets, as a TEI user
first sees them, and prints what a reader sees: one JSON object a line,
{"file", "html", "txt"}.

- html: the visible text of html/html.xsl's page body, a space at every
  block boundary; what the stylesheet makes up is left out: the page header
  and footer, the "Note:" label of a note, a page break's "[Page N]", the
  "Notes" heading and the link to a footnote (the footnote's text is read
  where its link stands, as the TEI has it), and (by its parameters) the
  table of contents and the numbers of headings, figures and tables;
- txt: txt/tei-to-text.xsl's output as is;
- reading, source: the text nodes README's XPath recipe selects, joined.

Used by tests/tei_stylesheets.rs. Needs PyPI `saxonche` (Saxon HE for
Python): `python3 -m venv target/py && target/py/bin/pip install saxonche`.

usage: render.py STYLESHEETS_DIR READING_XPATH SOURCE_XPATH FILE.xml...
"""

import json
import sys
from html.parser import HTMLParser

from saxonche import PySaxonProcessor

BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
          "table", "tr", "td", "th", "br", "blockquote", "dt", "dd", "dl",
          "section", "article", "header", "footer", "figure", "figcaption"}
HIDDEN = {"head", "script", "style", "title"}


class Visible(HTMLParser):
    """The text of an HTML page a browser shows, minus the stylesheets'
    generated page header and footer."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = []
        self.stack = []  # (tag, hidden) of open elements
        self.notes = {}  # footnote id -> its text, read at its link
        self.note = None  # (id, depth) of the footnote being read

    def hidden(self):
        return any(h for _, h in self.stack)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = a.get("class") or ""
        generated = any(c in cls.split() for c in
                        ("stdheader", "stdfooter", "noteLabel", "pagebreak", "noteHeading"))
        if "notelink" in cls.split():
            # the footnote's text goes where its link is
            self.out.append("\x00" + (a.get("href") or "").lstrip("#") + "\x00")
            generated = True
        if "note" in cls.split() and tag == "div" and a.get("id"):
            self.note = (a["id"], len(self.stack))
            self.notes[a["id"]] = []
        if tag in BLOCKS:
            self.out.append(" ")
        if tag in ("br", "hr", "img", "meta", "link"):
            return
        self.stack.append((tag, tag in HIDDEN or generated))

    def handle_endtag(self, tag):
        if tag in BLOCKS:
            self.out.append(" ")
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break
        if self.note and len(self.stack) <= self.note[1]:
            self.note = None

    def handle_data(self, data):
        if not self.hidden():
            if self.note:
                self.notes[self.note[0]].append(data)
            else:
                self.out.append(data)

    def text(self):
        """The visible text, each footnote at its link."""
        parts = "".join(self.out).split("\x00")
        return "".join(
            " " + "".join(self.notes.get(p, [])) + " " if k % 2 else p
            for k, p in enumerate(parts)
        )


def main():
    sheets, reading, source, files = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    with PySaxonProcessor(license=False) as proc:
        xslt = proc.new_xslt30_processor()
        html = xslt.compile_stylesheet(stylesheet_file=f"{sheets}/html/html.xsl")
        for name in ("autoToc", "numberHeadings", "numberFigures", "numberTables"):
            html.set_parameter(name, proc.make_string_value("false"))
        html.set_parameter("numberBackHeadings", proc.make_string_value(""))
        txt = xslt.compile_stylesheet(stylesheet_file=f"{sheets}/txt/tei-to-text.xsl")
        for f in files:
            xpath = proc.new_xpath_processor()
            xpath.declare_namespace("tei", "http://www.tei-c.org/ns/1.0")
            xpath.set_context(file_name=f)
            recipe = {
                name: str(xpath.evaluate_single(f"string-join({expr}, '')") or "")
                for name, expr in (("reading", reading), ("source", source))
            }
            page = Visible()
            page.feed(html.transform_to_string(source_file=f))
            print(json.dumps({
                "file": f,
                "html": page.text(),
                "txt": txt.transform_to_string(source_file=f),
                **recipe,
            }))


if __name__ == "__main__":
    main()
