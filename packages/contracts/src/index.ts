export * from './app-error';
export * from './languages';
export * from './satisfaction';
export * from './live-events';
export type * from './consultant';
