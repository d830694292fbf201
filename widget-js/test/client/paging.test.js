import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readAllPages } from '../../src/client/paging.js';

const msgs = (...seqs) => seqs.map((seq) => ({ seq, sender: 'agent', text: 'm' + seq }));
const noWait = { wait: async () => {} };

test('follows hasMore from the highest seq of each page until the server says no more', async () => {
  const pages = [{ messages: msgs(1, 2), hasMore: true }, { messages: msgs(3), hasMore: true }, { messages: msgs(4), hasMore: false }];
  const asked = [];
  const seen = [];
  const last = await readAllPages(async (after) => { asked.push(after); return pages[asked.length - 1]; }, (r) => seen.push(...r.messages), 0, noWait);
  assert.deepEqual(asked, [0, 2, 3]);
  assert.deepEqual(seen.map((m) => m.seq), [1, 2, 3, 4]);
  assert.equal(last, 4);
});

test('a short page that says hasMore is not the end', async () => {
  const pages = [{ messages: msgs(5), hasMore: true }, { messages: msgs(6, 7, 8), hasMore: false }];
  let i = 0;
  const last = await readAllPages(async () => pages[i++], () => {}, 4, noWait);
  assert.equal(i, 2);
  assert.equal(last, 8);
});

test('an empty page with hasMore is asked again after a wait, from the same seq', async () => {
  const pages = [{ messages: [], hasMore: true }, { messages: msgs(3), hasMore: false }];
  const asked = [];
  const waits = [];
  const last = await readAllPages(async (after) => { asked.push(after); return pages[asked.length - 1]; }, () => {}, 2,
    { wait: async (ms) => waits.push(ms), emptyPageDelayMs: 10 });
  assert.deepEqual(asked, [2, 2]);
  assert.deepEqual(waits, [10]);
  assert.equal(last, 3);
});

test('empty pages that keep saying hasMore give up after a few tries instead of spinning', async () => {
  let calls = 0;
  const last = await readAllPages(async () => { calls++; return { messages: [], hasMore: true }; }, () => {}, 7, noWait);
  assert.equal(calls, 4);
  assert.equal(last, 7);
});

test('onPage returning false stops at once; no page without hasMore is followed', async () => {
  let calls = 0;
  await readAllPages(async () => { calls++; return { messages: msgs(1), hasMore: true }; }, () => false, 0, noWait);
  assert.equal(calls, 1);
  calls = 0;
  await readAllPages(async () => { calls++; return { conversation: null, messages: [] }; }, () => {}, 0, noWait);
  assert.equal(calls, 1);
});

test('a page cap bounds a server that always has more', async () => {
  let calls = 0;
  const last = await readAllPages(async (after) => { calls++; return { messages: msgs(after + 1), hasMore: true }; }, () => {}, 0,
    { ...noWait, maxPages: 5 });
  assert.equal(calls, 5);
  assert.equal(last, 5);
});
