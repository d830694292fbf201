import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sendFile } from '../../src/client/files.js';
import { RequestError } from '../../src/client/failure.js';

/** A sending that answers each try in turn from {@code outcomes} (an ack, or a RequestError), and records what it was given. */
function triesAnswering(outcomes) {
  const tries = [];
  const upload = (options) => {
    tries.push(options);
    const outcome = outcomes[tries.length - 1];
    return { done: outcome instanceof Error ? Promise.reject(outcome) : Promise.resolve(outcome), cancel: () => {} };
  };
  return { tries, upload };
}

const noPause = () => Promise.resolve();

test('after a network failure the file is sent again under the same clientMsgId', async () => {
  const ack = { seq: 4, clientMsgId: 'f-1', duplicate: true };
  const { tries, upload } = triesAnswering([new RequestError('network', 'the server cannot be reached'), ack]);
  const pauses = [];
  const sending = sendFile({ conversationId: 'c1', clientMsgId: 'f-1' }, { upload, wait: (ms) => { pauses.push(ms); return noPause(); } });
  assert.deepEqual(await sending.done, ack);
  assert.deepEqual(tries.map((t) => t.clientMsgId), ['f-1', 'f-1']);
  assert.deepEqual(pauses, [1000]);
});

test('a refusal is final and the network is tried at most three times', async () => {
  const refused = triesAnswering([new RequestError('file_too_large', 'too large')]);
  await assert.rejects(sendFile({ clientMsgId: 'f-2' }, { upload: refused.upload, wait: noPause }).done, { code: 'file_too_large' });
  assert.equal(refused.tries.length, 1);
  const down = new RequestError('network', 'down');
  const offline = triesAnswering([down, down, down, down]);
  await assert.rejects(sendFile({ clientMsgId: 'f-3' }, { upload: offline.upload, wait: noPause }).done, { code: 'network' });
  assert.equal(offline.tries.length, 3);
});

test('a cancel during the pause sends nothing more', async () => {
  const { tries, upload } = triesAnswering([new RequestError('network', 'down'), { seq: 1 }]);
  let sending;
  sending = sendFile({ clientMsgId: 'f-4' }, { upload, wait: () => { sending.cancel(); return noPause(); } });
  await assert.rejects(sending.done, { code: 'cancelled' });
  assert.equal(tries.length, 1);
});
