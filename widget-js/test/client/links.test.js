import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linkParts, safeHref } from '../../src/client/links.js';

const links = (text) => linkParts(text).filter((p) => p.href).map((p) => p.href);

test('http, https and mailto addresses become links; the parts put together are the text', () => {
  const text = 'Siehe https://shop.example/faq?x=1#versand oder schreib an mailto:hilfe@shop.example – danke';
  const parts = linkParts(text);
  assert.equal(parts.map((p) => p.text).join(''), text);
  assert.deepEqual(links(text), ['https://shop.example/faq?x=1#versand', 'mailto:hilfe@shop.example']);
  assert.deepEqual(links('http://localhost:8080/demo/'), ['http://localhost:8080/demo/']);
});

test('other schemes stay text, however they are written', () => {
  for (const text of ['javascript:alert(1)', 'JAVASCRIPT:alert(document.cookie)', 'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox', 'https://', 'mailto:', 'mailto:nobody', 'xhttps://a.example', 'ftp://files.example']) {
    assert.deepEqual(links(text), [], text);
    assert.equal(linkParts(text).map((p) => p.text).join(''), text, text);
  }
  assert.equal(safeHref('javascript:alert(1)'), null);
});

test('punctuation that ends the sentence is not part of the link, a bracket the address opened is', () => {
  assert.deepEqual(links('Schau hier: https://shop.example/a.'), ['https://shop.example/a']);
  assert.deepEqual(links('(siehe https://shop.example/b)'), ['https://shop.example/b']);
  assert.deepEqual(links('https://de.wikipedia.org/wiki/Kaffee_(Getränk)!'), ['https://de.wikipedia.org/wiki/Kaffee_(Getr%C3%A4nk)']);
  assert.equal(linkParts('Schau hier: https://shop.example/a.').at(-1).text, '.');
});

test('markup in a text is never part of a link and stays text', () => {
  const text = '<a href="https://evil.example">x</a> https://ok.example/"onmouseover="alert(1)';
  assert.deepEqual(links(text), ['https://evil.example/', 'https://ok.example/']);
  assert.equal(linkParts(text).map((p) => p.text).join(''), text);
});
