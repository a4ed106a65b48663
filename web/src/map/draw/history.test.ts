import { describe, expect, it } from 'vitest';
import { historyOf, push, redo, undo } from './history.ts';

describe('edit history', () => {
  it('undoes and redoes in order, and a new change after undo drops the redo branch', () => {
    let history = push(push(historyOf<string | null>(null), 'a'), 'b');
    history = undo(history);
    expect(history.present).toBe('a');
    history = redo(history);
    expect(history.present).toBe('b');
    history = push(undo(history), 'c');
    expect(history.present).toBe('c');
    expect(redo(history)).toBe(history);
    expect(undo(undo(history)).present).toBeNull();
  });

  it('ignores a change that repeats the present, so undo never looks like it did nothing', () => {
    const geometry = { type: 'Point', coordinates: [108, 14] };
    const history = push(historyOf<unknown>(geometry), { type: 'Point', coordinates: [108, 14] });
    expect(history.past).toEqual([]);
  });
});
