import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TYPING, TypingNotices, RemoteTyping } from '../../src/client/typing.js';
import { FakeClock } from './fake-clock.js';

function notices(t) {
  const clock = new FakeClock().install(t);
  const sent = [];
  return { clock, sent, typing: new TypingNotices((typing) => sent.push(typing), () => clock.now) };
}

test('the timings: typing repeated every 3 s, stopped after 4 s without a key, shown for 8 s', () => {
  assert.deepEqual(TYPING, { repeatMs: 3000, idleMs: 4000, shownMs: 8000 });
});

test('the first key says typing; keys right after it say nothing new', (t) => {
  const { clock, sent, typing } = notices(t);
  typing.input('H');
  clock.tick(1000);
  typing.input('Ha');
  clock.tick(1000);
  typing.input('Hal');
  assert.deepEqual(sent, [true]);
});

test('while the keys go on, typing is said again once it is older than 3 s', (t) => {
  const { clock, sent, typing } = notices(t);
  for (let i = 0; i < 8; i++) {
    typing.input('x'.repeat(i + 1));
    clock.tick(1000);
  }
  assert.deepEqual(sent, [true, true]);
});

test('4 s without a key say stopped, once', (t) => {
  const { clock, sent, typing } = notices(t);
  typing.input('Hallo');
  clock.tick(TYPING.idleMs - 1);
  assert.deepEqual(sent, [true]);
  clock.tick(1);
  assert.deepEqual(sent, [true, false]);
  clock.tick(60000);
  typing.stop();
  assert.deepEqual(sent, [true, false]);
});

test('an emptied box, or the message sent, says stopped at once; nothing is said when nothing was typed', (t) => {
  const { sent, typing } = notices(t);
  typing.stop();
  typing.input('   ');
  assert.deepEqual(sent, []);
  typing.input('Hallo');
  typing.input('');
  assert.deepEqual(sent, [true, false]);
  typing.input('Neu');
  typing.stop();
  assert.deepEqual(sent, [true, false, true, false]);
});

test('a cancelled notice is not followed by stopped', (t) => {
  const { clock, sent, typing } = notices(t);
  typing.input('Hallo');
  typing.cancel();
  clock.tick(60000);
  assert.deepEqual(sent, [true]);
});

test('the other side shows as typing for 8 s unless a new notice, a stop or a message comes first', (t) => {
  const clock = new FakeClock().install(t);
  let changes = 0;
  const remote = new RemoteTyping(() => changes++);
  remote.notice(true);
  assert.equal(remote.shown, true);
  clock.tick(5000);
  remote.notice(true);
  clock.tick(TYPING.shownMs - 1);
  assert.equal(remote.shown, true, 'a new notice starts the 8 s again');
  clock.tick(1);
  assert.equal(remote.shown, false);
  assert.equal(changes, 1);

  remote.notice(true);
  remote.notice(false);
  assert.equal(remote.shown, false);
  remote.notice(true);
  remote.clear();
  assert.equal(remote.shown, false);
  clock.tick(60000);
  assert.equal(changes, 1, 'nothing goes off after a stop or a message');
});
