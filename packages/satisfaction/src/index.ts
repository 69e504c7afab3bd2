export * from './satisfaction.scorer';
export * from './satisfaction.usecase';
export * from './override.usecase';
export * from './satisfaction.judge';
