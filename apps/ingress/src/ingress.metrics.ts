import { Counter, Histogram, type Registry } from 'prom-client';

export interface IngressMetrics {
  requests: Counter<'platform' | 'status'>;
  latency: Histogram<'platform'>;
  enqueued: Counter<'platform' | 'kind'>;
  duplicates: Counter<'platform'>;
  rejections: Counter<'platform' | 'reason'>;
  ignored: Counter<'platform' | 'reason'>;
}

export function createIngressMetrics(registry: Registry): IngressMetrics {
  return {
    requests: new Counter({
      name: 'hub_ingress_requests_total',
      help: 'Webhook requests by platform and HTTP status',
      labelNames: ['platform', 'status'],
      registers: [registry],
    }),
    latency: new Histogram({
      name: 'hub_ingress_request_duration_seconds',
      help: 'Webhook handling latency',
      labelNames: ['platform'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      registers: [registry],
    }),
    enqueued: new Counter({ name: 'hub_ingress_enqueued_total', help: 'Events durably queued', labelNames: ['platform', 'kind'], registers: [registry] }),
    duplicates: new Counter({
      name: 'hub_ingress_duplicates_total',
      help: 'Events already queued (redelivery, replica)',
      labelNames: ['platform'],
      registers: [registry],
    }),
    rejections: new Counter({
      name: 'hub_ingress_rejections_total',
      help: 'Rejected webhooks by platform and reason',
      labelNames: ['platform', 'reason'],
      registers: [registry],
    }),
    ignored: new Counter({
      name: 'hub_ingress_ignored_total',
      help: 'Supported-but-ignored event types',
      labelNames: ['platform', 'reason'],
      registers: [registry],
    }),
  };
}
