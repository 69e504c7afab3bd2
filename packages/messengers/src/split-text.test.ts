import { describe, expect, it } from 'vitest';
import { chunk, splitText } from './split-text';

const joinedWords = (parts: string[]) => parts.join(' ').replace(/\s+/g, ' ');

describe('splitText', () => {
  it('returns short text as one part and empty text as none', () => {
    expect(splitText('hello', 10)).toEqual(['hello']);
    expect(splitText('   \n ', 10)).toEqual([]);
  });

  it('keeps every part within the limit and loses no words', () => {
    const text = Array.from({ length: 300 }, (_, i) => `word${i}`).join(' ');
    const parts = splitText(text, 100);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(100);
    expect(joinedWords(parts)).toBe(text);
  });

  it('prefers paragraph breaks over sentence ends', () => {
    const a = 'First paragraph. It has two sentences.';
    const b = 'Second paragraph is here.';
    expect(splitText(`${a}\n\n${b}`, a.length + 10)).toEqual([a, b]);
  });

  it('splits on sentence ends before plain whitespace', () => {
    const text = 'The clinic opens at nine. Bring your passport please and arrive early';
    const parts = splitText(text, 40);
    expect(parts[0]).toBe('The clinic opens at nine.');
  });

  it('splits on CJK sentence enders without spaces', () => {
    const s1 = 'ご予約ありがとうございます。';
    const s2 = '明日の午前十時にお待ちしております！';
    const s3 = 'ご質問はありますか？';
    const parts = splitText(s1 + s2 + s3, s1.length + s2.length + 2);
    expect(parts).toEqual([s1 + s2, s3]);
  });

  it('never splits a surrogate pair or an emoji sequence', () => {
    const family = '👨‍👩‍👧‍👦';
    const text = family.repeat(20);
    const parts = splitText(text, 15);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(15);
      expect(p).toBe(family.repeat(p.length / family.length));
    }
    expect(parts.join('')).toBe(text);

    const emoji = '😀'.repeat(10); // 20 UTF-16 units
    const emojiParts = splitText(emoji, 5);
    for (const p of emojiParts) expect(p).toMatch(/^(😀)+$/u);
    expect(emojiParts.join('')).toBe(emoji);
  });

  it('hard-cuts Korean text without spaces at the limit', () => {
    const text = '가'.repeat(2500);
    const parts = splitText(text, 1000);
    expect(parts.map((p) => p.length)).toEqual([1000, 1000, 500]);
  });

  it('does not produce tiny parts when the only break is early', () => {
    const text = `Hi ${'x'.repeat(200)}`;
    const parts = splitText(text, 100);
    expect(parts[0]!.length).toBe(100);
  });

  it('rejects a nonsensical limit', () => {
    expect(() => splitText('abc', 1)).toThrow(RangeError);
  });
});

describe('chunk', () => {
  it('groups into batches', () => {
    expect(chunk([1, 2, 3, 4, 5, 6, 7], 5)).toEqual([
      [1, 2, 3, 4, 5],
      [6, 7],
    ]);
  });
});
