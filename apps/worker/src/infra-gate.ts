import type { Worker } from 'bullmq';
import { Gauge, type Registry } from 'prom-client';
import type { Logger } from '@hub/observability';

export interface InfraGateOptions {
  /** Resolves when every dependency the jobs need answers again (PostgreSQL and Redis). */
  probe: () => Promise<void>;
  logger: Logger;
  registry?: Registry;
  /** How often a tripped gate probes; default 1 s. */
  probeIntervalMs?: number;
}

/**
 * Stops a worker from taking jobs while its infrastructure is down. A job that meets an infrastructure
 * failure trips the gate: every queue's worker pauses (jobs already running finish or trip it too), the
 * gate probes until PostgreSQL and Redis answer, then resumes them. Meanwhile /readyz says not ready.
 * Jobs that met the failure were put back without an attempt counted (see processors.ts).
 */
export class InfraGate {
  private workers: Worker[] = [];
  private tripped: { since: number; reason: string } | undefined;
  private readonly gauge: Gauge | undefined;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly opts: InfraGateOptions) {
    this.gauge = opts.registry
      ? new Gauge({
          name: 'hub_worker_paused_for_infrastructure',
          help: '1 while the worker has stopped taking jobs because PostgreSQL or Redis is unreachable',
          registers: [opts.registry],
        })
      : undefined;
    this.gauge?.set(0);
  }

  attach(workers: Worker[]): void {
    this.workers = workers;
  }

  /** Undefined while jobs run; otherwise why the worker is not taking jobs. */
  get state(): { since: number; reason: string } | undefined {
    return this.tripped;
  }

  trip(err: unknown): void {
    if (this.tripped || this.closed) return;
    this.tripped = { since: Date.now(), reason: err instanceof Error ? err.message : String(err) };
    this.gauge?.set(1);
    this.opts.logger.warn({ reason: this.tripped.reason }, 'infrastructure unreachable: worker paused, probing');
    // Not waiting for active jobs: they meet the same failure and are put back themselves.
    for (const w of this.workers) void w.pause(true).catch(() => undefined);
    this.schedule();
  }

  private schedule(): void {
    this.timer = setTimeout(() => void this.check(), this.opts.probeIntervalMs ?? 1000);
    this.timer.unref?.();
  }

  private async check(): Promise<void> {
    if (this.closed || !this.tripped) return;
    try {
      await this.opts.probe();
    } catch {
      this.schedule();
      return;
    }
    const downMs = Date.now() - this.tripped.since;
    this.tripped = undefined;
    this.gauge?.set(0);
    this.opts.logger.info({ downMs }, 'infrastructure reachable again: worker resumed');
    for (const w of this.workers) w.resume();
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
  }
}
