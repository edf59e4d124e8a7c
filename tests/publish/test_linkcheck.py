"""The link check of a built site: every internal link leads to a page or file, every #anchor to an
element of the target page; external links are left alone; each problem at its page and line."""
from generator.diagnostics import Reporter
from generator.publish.linkcheck import check_links


def site(root, pages: dict[str, str]):
    for path, html in pages.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(html, encoding="utf-8")
    return root


def problems(root, shown="site"):
    report = Reporter()
    checked = check_links(root, report, shown)
    return checked, sorted((d.file, d.line, d.code) for d in report.diagnostics)


def test_a_planted_broken_link_and_anchor_are_reported_at_their_lines(tmp_path):
    site(tmp_path, {"a/index.html": '<p id="x"></p>\n<a href="../b/">b</a>\n<a href="#y">y</a>\n'
                                    '<a href="#x">x</a> <a href="https://example.org/">e</a>'})
    assert problems(tmp_path) == (3, [("site/a/index.html", 2, "link-broken"), ("site/a/index.html", 3, "link-anchor")])


def test_every_form_of_link_a_site_uses_resolves(tmp_path):
    site(tmp_path, {
        "index.html": '<a href="./">home</a> <a href="doc/">doc</a> <a href="doc">doc without slash</a>'
                      '<a href="doc/#s-1">section</a> <a href="doc/tables/t.csv">csv</a> <link href="assets/x.css">',
        "doc/index.html": '<h2 id="s-1">S</h2><a href="../">up</a> <a href="/assets/x.css">root-relative</a>'
                          '<a href="../doc/#s-1">same page by path</a> <a href="#s-1">same page</a>'
                          '<a href="mailto:a@b.c">mail</a> <a href="//cdn.example.org/x">cdn</a>',
        "doc/tables/t.csv": "a,b\n", "assets/x.css": "",
        "en/index.html": '<a href="../index.html">the other edition</a> <a href="../%64oc/">escaped</a>',
    })
    checked, found = problems(tmp_path)
    assert found == [] and checked == 12


def test_links_out_of_the_site_or_to_anchors_of_other_pages_that_are_not_there_are_broken(tmp_path):
    site(tmp_path, {"index.html": '<a href="../outside.html">out</a>\n<a href="doc/#nowhere">x</a>\n'
                                  '<a href="doc/?q=1#s">query</a>',
                    "doc/index.html": '<p id="s">s</p>'})
    assert problems(tmp_path)[1] == [("site/index.html", 1, "link-broken"), ("site/index.html", 2, "link-anchor")]


def test_the_same_link_on_many_pages_is_counted_on_each(tmp_path):
    pages = {f"p{i}/index.html": '<a href="../">home</a><a href="../">home again</a>' for i in range(5)}
    site(tmp_path, {"index.html": "", **pages})
    assert problems(tmp_path) == (10, [])
