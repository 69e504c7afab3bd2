import type { Prisma } from '@hub/db';

export interface PricingRowLike {
  regularPrice: Prisma.Decimal | number | string;
  eventPrice: Prisma.Decimal | number | string | null;
  eventStartDate: Date | null;
  eventEndDate: Date | null;
  discountRate: Prisma.Decimal | number | string | null;
  discountWarning: boolean;
  pricesByCurrency: unknown;
}

export interface CurrentPrice {
  /** What a customer pays today. */
  priceKrw: number;
  regularPriceKrw: number;
  eventActive: boolean;
  eventPriceKrw?: number;
  /** Present only when the discount may be advertised (not over 49%). */
  discountRate?: number;
  discountWarning: boolean;
  /** ISO 4217 → amount, from prices_by_currency. */
  foreign: Record<string, number>;
}

/** The date part of `now` in Seoul, as YYYY-MM-DD: event dates are clinic (KST) calendar days. */
export function seoulDate(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

const day = (d: Date) => d.toISOString().slice(0, 10);

export function isEventRunning(row: Pick<PricingRowLike, 'eventPrice' | 'eventStartDate' | 'eventEndDate'>, now: Date): boolean {
  if (row.eventPrice === null || row.eventPrice === undefined) return false;
  const today = seoulDate(now);
  if (row.eventStartDate && day(row.eventStartDate) > today) return false;
  if (row.eventEndDate && day(row.eventEndDate) < today) return false;
  return true;
}

export function foreignPrices(json: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  if (!json || typeof json !== 'object' || Array.isArray(json)) return out;
  for (const [k, v] of Object.entries(json as Record<string, unknown>)) {
    const x = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
    if (Number.isFinite(x) && /^[A-Z]{3}$/.test(k.toUpperCase())) out[k.toUpperCase()] = x;
  }
  return out;
}

/** Event price while the event runs (KST calendar days, inclusive), the regular price otherwise. */
export function currentPrice(row: PricingRowLike, now: Date): CurrentPrice {
  const regular = Number(row.regularPrice);
  const running = isEventRunning(row, now);
  const event = row.eventPrice === null ? undefined : Number(row.eventPrice);
  const rate = row.discountRate === null ? (event !== undefined && regular > 0 ? ((regular - event) / regular) * 100 : undefined) : Number(row.discountRate);
  const warning = row.discountWarning || (rate !== undefined && rate > 49);
  return {
    priceKrw: running && event !== undefined ? event : regular,
    regularPriceKrw: regular,
    eventActive: running,
    ...(running && event !== undefined ? { eventPriceKrw: event } : {}),
    ...(running && rate !== undefined && !warning ? { discountRate: Math.round(rate) } : {}),
    discountWarning: running && warning,
    foreign: foreignPrices(row.pricesByCurrency),
  };
}
