import { describe, expect, it } from 'vitest';
import { logFormat } from '../../platform/logger.js';
import { createProgress, describeProgress, Terminal } from '../../platform/progress.js';

const ESC = '\u001b';
const TOKEN = new RegExp(`${ESC}\\[[0-9;]*[A-Za-z]|\\n|\\r|[^${ESC}\\n\\r]+`, 'g');
const ESCAPE = new RegExp(`^${ESC}\\[([0-9;]*)([A-Za-z])$`);

/** A terminal as a person sees it: the few escape sequences Terminal writes, applied to a grid of lines. */
function screenOf(output: string): string[] {
  const screen: string[] = [''];
  let row = 0;
  for (const token of output.match(TOKEN) ?? []) {
    const sequence = ESCAPE.exec(token);
    if (sequence) {
      if (sequence[2] === 'F') row = Math.max(0, row - Number(sequence[1] || 1));
      if (sequence[2] === 'J') screen.splice(row, screen.length - row, '');
      continue;
    }
    if (token === '\n') {
      row++;
      screen[row] ??= '';
    } else if (token !== '\r') screen[row] += token;
  }
  return screen.filter((line, i) => line !== '' || i < screen.length - 1);
}

function fakeTty() {
  const stream = {
    isTTY: true,
    columns: 60,
    output: '',
    write(chunk: string) {
      stream.output += chunk;
      return true;
    },
  };
  return stream;
}

describe('the terminal', () => {
  it('keeps log lines above the progress area, never inside a progress line', () => {
    const tty = fakeTty();
    const terminal = new Terminal(tty as unknown as NodeJS.WriteStream);
    terminal.set('seed', 'contribution   1.000 rows');
    terminal.writeAbove('[12:00:00] INFO: request served\n');
    terminal.set('seed', 'contribution   2.000 rows');
    terminal.set('etl', 'snapshot 7 of 24');
    terminal.writeAbove('[12:00:01] INFO: another line\n');
    expect(screenOf(tty.output)).toEqual([
      '[12:00:00] INFO: request served',
      '[12:00:01] INFO: another line',
      'contribution   2.000 rows',
      'snapshot 7 of 24',
    ]);
    terminal.remove('seed', 'contribution done');
    terminal.clear();
    expect(screenOf(tty.output)).toEqual(['[12:00:00] INFO: request served', '[12:00:01] INFO: another line', 'contribution done']);
  });

  it('cuts a progress line to the terminal width, so the area can be erased line for line', () => {
    const tty = fakeTty();
    const terminal = new Terminal(tty as unknown as NodeJS.WriteStream);
    terminal.set('long', 'x'.repeat(200));
    terminal.writeAbove('log\n');
    const screen = screenOf(tty.output);
    expect(screen[0]).toBe('log');
    expect(screen[1]!.length).toBeLessThan(60);
  });

  it('shows counts, rate and an estimate of what is left', () => {
    const line = describeProgress({ label: 'contribution', rows: 2_500_000, total: 10_000_000, approximate: true, seconds: 5 });
    expect(line).toMatch(/2\.500\.000 of ~10\.000\.000 rows/);
    expect(line).toMatch(/500\.000 rows\/s/);
    expect(line).toMatch(/about 15,0 s left/);
    expect(describeProgress({ label: 'warehouse', rows: 6, total: 24, unit: 'snapshots', seconds: 30 })).toMatch(
      /6 of 24 snapshots {2}5,0 s each/,
    );
  });

  it('logs progress as structured lines every 5 s when there is no progress area', () => {
    const logged: Array<{ fields: Record<string, unknown>; message: string }> = [];
    const progress = createProgress(
      { info: (fields, message) => logged.push({ fields: fields as Record<string, unknown>, message }) },
      { area: false },
    );
    const realNow = Date.now;
    let now = 1_000_000;
    Date.now = () => now;
    try {
      progress({ label: 'contribution', rows: 0, seconds: 0, total: 1000 });
      now += 4000;
      progress({ label: 'contribution', rows: 400, seconds: 4, total: 1000 });
      now += 2000;
      progress({ label: 'contribution', rows: 600, seconds: 6, total: 1000 });
    } finally {
      Date.now = realNow;
    }
    expect(logged).toHaveLength(1);
    expect(logged[0]!.fields).toMatchObject({ step: 'contribution', rows: 600, total: 1000, perSecond: 100, secondsLeft: 4 });
  });

  it('writes JSON when asked or when stderr is not a terminal, human lines on a terminal', () => {
    const tty = { isTTY: true } as NodeJS.WriteStream;
    const pipe = { isTTY: false } as NodeJS.WriteStream;
    expect(logFormat({}, tty)).toBe('pretty');
    expect(logFormat({}, pipe)).toBe('json');
    expect(logFormat({ LOG_FORMAT: 'json' }, tty)).toBe('json');
    expect(logFormat({ LOG_FORMAT: 'pretty' }, pipe)).toBe('pretty');
  });
});
