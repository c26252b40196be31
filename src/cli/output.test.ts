import { describe, expect, it } from 'vitest';
import { complain } from './output.ts';

const sink = (isTTY: boolean) => {
  let text = '';
  return {
    isTTY,
    write: (chunk: string | Uint8Array) => {
      text += String(chunk);
      return true;
    },
    text: () => text,
  };
};

describe('complain', () => {
  it('clears the progress bar’s line in a terminal before its own line', () => {
    // Seen in the walk: “审核中 [####……] 2/4jixiao: …/905-scan.pdf: PDF 是扫描件…” on one line.
    const tty = sink(true);
    complain('a.pdf', '坏了 (broken)', tty);
    expect(tty.text()).toBe('\r\x1b[Kjixiao: a.pdf: 坏了 (broken)\n');
  });

  it('writes the plain line when stderr is not a terminal (a log file gets no escape codes)', () => {
    const piped = sink(false);
    complain('a.pdf', '坏了 (broken)', piped);
    expect(piped.text()).toBe('jixiao: a.pdf: 坏了 (broken)\n');
  });
});
