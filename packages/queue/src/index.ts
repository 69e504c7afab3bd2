export * from './queues';
export * from './connection';
export * from './producers';
export * from './live-events';
export * from './chat-order';
