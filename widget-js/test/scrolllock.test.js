import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ScrollLock } from '../src/scrolllock.js';

/** The parts of CSSStyleDeclaration the lock uses, over a plain map. */
function fakeStyle(initial = {}) {
  const props = new Map(Object.entries(initial));
  return {
    props,
    getPropertyValue: (n) => (props.has(n) ? props.get(n).value : ''),
    getPropertyPriority: (n) => (props.has(n) ? props.get(n).priority : ''),
    setProperty: (n, value, priority = '') => props.set(n, { value, priority }),
    removeProperty: (n) => props.delete(n),
  };
}

test('locking hides overflow; unlocking leaves no trace on a page that had no inline overflow', () => {
  const style = fakeStyle({ color: { value: 'red', priority: '' } });
  const lock = new ScrollLock(style);
  lock.lock();
  assert.equal(style.getPropertyValue('overflow-y'), 'hidden');
  assert.equal(style.getPropertyPriority('overflow-x'), 'important');
  assert.ok(lock.locked);
  lock.unlock();
  assert.deepEqual([...style.props.keys()], ['color']);
  assert.ok(!lock.locked);
});

test('the page\'s own inline overflow comes back with its priority', () => {
  const style = fakeStyle({ 'overflow-y': { value: 'scroll', priority: 'important' } });
  const lock = new ScrollLock(style);
  lock.lock();
  lock.lock(); // twice must not save the locked state as "the page's"
  lock.unlock();
  assert.equal(style.getPropertyValue('overflow-y'), 'scroll');
  assert.equal(style.getPropertyPriority('overflow-y'), 'important');
  assert.ok(!style.props.has('overflow-x'));
  lock.unlock(); // unlocking when not locked changes nothing
  assert.equal(style.getPropertyValue('overflow-y'), 'scroll');
});
