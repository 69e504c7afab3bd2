export * from './fragments';
export * from './send-claim';
export * from './mark-sent';
export * from './claim';
export * from './commit';
export * from './score-read';
export * from './store';
export * from './score-write';
