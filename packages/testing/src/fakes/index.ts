export * from './fake-server';
export * from './telegram.fake';
export * from './line.fake';
export * from './meta-graph.fake';
export * from './kakao.fake';
