export * from './fake-server';
export * from './telegram.fake';
export * from './line.fake';
export * from './meta-graph.fake';
export * from './kakao.fake';
export * from './smtp.fake';
export * from './alert-receivers.fake';
