import { formatForeign, formatKrw, type LangCode } from '../lang';

/** A money amount found in text. */
export interface PriceMention {
  /** The matched text (number with its currency). */
  raw: string;
  index: number;
  currency: string;
  amounts: number[];
}

// Order matters: longer and more specific tokens first (韩元 before 元, NT$ and US$ before $).
const SUFFIX_CURRENCIES: [RegExp, string][] = [
  [/^(원|won|krw|ウォン|韩元|韓元|韩币|韓幣|₩)/u, 'KRW'],
  [/^(円|엔|jpy|yen)/u, 'JPY'],
  [/^(usd|dollars?|달러|ドル|美元|đô la)/u, 'USD'],
  [/^(新台币|新台幣|台币|台幣|twd|대만달러)/u, 'TWD'],
  [/^(人民币|人民幣|cny|rmb|위안|元)/u, 'CNY'],
  [/^(vnd|đồng|₫)/u, 'VND'],
  [/^(eur|euros?|유로|ユーロ|欧元|歐元)/u, 'EUR'],
];
const PREFIX_CURRENCIES: [RegExp, string][] = [
  [/(₩|krw)\s?$/u, 'KRW'],
  [/(nt\$|twd)\s?$/u, 'TWD'],
  [/(us\$|usd)\s?$/u, 'USD'],
  [/\$\s?$/u, 'USD'],
  [/(jpy)\s?$/u, 'JPY'],
  [/(cny|rmb)\s?$/u, 'CNY'],
  [/(¥|￥)\s?$/u, 'YEN_SIGN'],
  [/(€|eur)\s?$/u, 'EUR'],
  [/(vnd)\s?$/u, 'VND'],
];

const NUM = String.raw`\d{1,3}(?:[,.]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const MULT = String.raw`만|천|억|万|萬|千|億|亿|k|nghìn|ngàn|triệu`;
// number, optional unit multiplier, optional second (range) number
const AMOUNT = new RegExp(
  String.raw`(${NUM})(?:\s*(${MULT}))?(?:\s*(\d+)\s*(천|千))?(?:\s*(?:~|〜|～|-|–|to|至|đến)\s*(${NUM})(?:\s*(${MULT}))?(?:\s*(\d+)\s*(천|千))?)?`,
  'giu',
);

const MULTIPLIER: Record<string, number> = {
  만: 1e4,
  万: 1e4,
  萬: 1e4,
  천: 1e3,
  千: 1e3,
  억: 1e8,
  億: 1e8,
  亿: 1e8,
  k: 1e3,
  nghìn: 1e3,
  ngàn: 1e3,
  triệu: 1e6,
};

export function parseNumber(s: string): number {
  if (/^\d{1,3}([,.]\d{3})+$/.test(s)) return Number(s.replace(/[,.]/g, ''));
  if (/^\d{1,3}(,\d{3})+\.\d+$/.test(s)) return Number(s.replace(/,/g, ''));
  return Number(s);
}

function amountOf(num: string | undefined, mult: string | undefined, extra: string | undefined, extraMult: string | undefined): number | undefined {
  if (!num) return undefined;
  let x = parseNumber(num) * (mult ? (MULTIPLIER[mult.toLowerCase()] ?? 1) : 1);
  if (extra && extraMult) x += Number(extra) * (MULTIPLIER[extraMult] ?? 1);
  return x;
}

/** Every amount with a currency (prefix ₩/$/¥… or suffix 원/円/won/元…) in `text`; bare numbers are ignored. */
export function extractPrices(text: string, lang: LangCode): PriceMention[] {
  const t = text.normalize('NFKC');
  const lower = t.toLowerCase();
  const out: PriceMention[] = [];
  for (const m of lower.matchAll(AMOUNT)) {
    const start = m.index!;
    const end = start + m[0].length;
    // A digit or letter glued before the number belongs to something else (a date, a model name).
    if (start > 0 && /[a-z]/.test(lower[start - 1]!)) {
      if (!PREFIX_CURRENCIES.some(([re]) => re.test(lower.slice(Math.max(0, start - 4), start)))) continue;
    }
    let currency: string | undefined;
    let rawStart = start;
    let rawEnd = end;
    const after = lower.slice(end).replace(/^\s+/, '');
    const gap = lower.slice(end).length - after.length;
    for (const [re, cur] of SUFFIX_CURRENCIES) {
      const s = after.match(re);
      if (s) {
        currency = cur;
        rawEnd = end + gap + s[0].length;
        break;
      }
    }
    if (!currency) {
      const before = lower.slice(Math.max(0, start - 5), start);
      for (const [re, cur] of PREFIX_CURRENCIES) {
        const p = before.match(re);
        if (p) {
          currency = cur;
          rawStart = start - p[0].length;
          break;
        }
      }
    }
    if (!currency) continue;
    if (currency === 'YEN_SIGN') currency = lang === 'zh' || lang === 'zh-TW' ? 'CNY' : 'JPY';
    const amounts = [amountOf(m[1], m[2], m[3], m[4]), amountOf(m[5], m[6] ?? m[2], m[7], m[8])].filter(
      (x): x is number => x !== undefined && Number.isFinite(x),
    );
    // "5~10만원": the multiplier after the second number applies to the first too.
    if (m[5] && !m[2] && m[6] && amounts.length === 2) amounts[0] = amounts[0]! * (MULTIPLIER[m[6].toLowerCase()] ?? 1);
    out.push({ raw: t.slice(rawStart, rawEnd), index: rawStart, currency, amounts });
  }
  return out;
}

export function sameAmount(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(1, Math.abs(b) * 0.005);
}

export function formatPrice(amount: number, currency: string, lang: LangCode): string {
  return currency === 'KRW' ? formatKrw(amount, lang) : formatForeign(amount, currency);
}
