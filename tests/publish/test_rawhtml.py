"""Setting the generator's raw HTML blocks aside unparsed: Python-Markdown's output is the same, byte
for byte, as when its own preprocessor parses them, for every shape of block, and what is not one
whole element is left to that preprocessor."""
import markdown
import pytest

from generator.publish.rawhtml import GeneratedHtmlExtension, one_element
from generator.render.escape import MARKDOWN_EXTENSIONS

BLOCK_LEVEL = set(markdown.Markdown().block_level_elements)

PAGES = [
    '# Title {#t}\n\n<p id="a" data-seg="a">text &amp; <a href="x/">link</a><sup id="fnref:1"><a href="#fn:1">1</a></sup></p>\n',
    '## H {#h}\n\n<ul id="l"><li id="l-i1">one<ul id="l-i1-l"><li>nested</li></ul></li><li>two</li></ul>\n\n<p>after</p>\n',
    '<figure id="f"><figcaption>caption</figcaption><pre lang="ja">line one\nline two\n  indented line</pre></figure>\n',
    '<div class="footnote"><hr data-generated><ol><li id="fn:1"><p>note<br>second line &#8617;</p></li></ol></div>\n',
    '<div><div>inner</div><div>second inner</div></div>\n\n<div class="x">next</div>\n',
    '<p>one</p>\n<p>two lines without a blank between</p>\n',
    '<p>a comment <!-- </p> --> inside</p>\n',
    '<div>not closed\n\n<p>a paragraph after</p>\n',
    '<span>an inline element first</span>\n',
    'Text before\n<p>a block right after text</p>\n',
    '<p>a > in text, and < alone</p>\n',
    '<table id="t"><thead><tr><th scope="col">a</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>\n',
    '<p>first</p> trailing text\n',
]


@pytest.mark.parametrize("page", PAGES)
def test_the_output_is_the_same_as_python_markdowns_own(page):
    plain = markdown.markdown(page, extensions=MARKDOWN_EXTENSIONS)
    fast = markdown.markdown(page, extensions=MARKDOWN_EXTENSIONS + [GeneratedHtmlExtension()])
    assert fast == plain


def test_one_whole_element_is_set_aside_and_anything_else_is_not():
    assert one_element('<p id="a">text <a href="x">y</a></p>', BLOCK_LEVEL)
    assert one_element('<ul><li><ul><li>x</li></ul></li></ul>', BLOCK_LEVEL)
    assert one_element('<figure><pre>a\nb</pre></figure>', BLOCK_LEVEL)
    assert not one_element('<p>one</p>\n<p>two</p>', BLOCK_LEVEL)               # two elements
    assert not one_element('<div><div>a</div></div> tail', BLOCK_LEVEL)          # text after it
    assert not one_element('<p>a <!-- c --> b</p>', BLOCK_LEVEL)                # a comment
    assert not one_element('<p a="1 > 2">x</p>', BLOCK_LEVEL)                   # a > in an attribute
    assert not one_element('<span>x</span>', BLOCK_LEVEL)                        # not block-level
    assert not one_element('<div>open', BLOCK_LEVEL)                             # not closed
    assert not one_element('<script>if (a</p>) {}</script>', BLOCK_LEVEL | {"script"})


def test_the_blocks_are_stashed_not_parsed():
    md = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS + [GeneratedHtmlExtension()])
    md.convert('<p id="a">x</p>\n\n<div>y</div>\n')
    assert md.htmlStash.rawHtmlBlocks == ['<p id="a">x</p>\n', '<div>y</div>\n']
