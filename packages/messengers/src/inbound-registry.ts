import { messengerPlatforms, type MessengerPlatforms } from './platforms';
import type { Platform } from './types';

/** The inbound adapters, a view of `messengerPlatforms` (each keeps its own secrets type). */
export const inboundAdapters = Object.fromEntries(Object.entries(messengerPlatforms).map(([name, p]) => [name, p.inbound])) as {
  [P in Platform]: MessengerPlatforms[P]['inbound'];
};

export type InboundAdapters = typeof inboundAdapters;
