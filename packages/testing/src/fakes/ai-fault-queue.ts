/**
 * Shared by the AI provider fakes: a queue of injected faults, each applied to the next `times`
 * requests, and sleeps that close() cancels so a delayed request never outlives its fake.
 */
export class FaultQueue<F> {
  private readonly faults: { fault: F; remaining: number }[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();

  inject(fault: F, times = 1): void {
    this.faults.push({ fault, remaining: times });
  }

  clear(): void {
    this.faults.splice(0);
  }

  /** The fault for this request, if any (consumes one of its remaining uses). */
  next(): F | undefined {
    const head = this.faults[0];
    if (!head) return undefined;
    head.remaining--;
    if (head.remaining <= 0) this.faults.shift();
    return head.fault;
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.timers.delete(t);
        resolve();
      }, ms);
      this.timers.add(t);
    });
  }

  cancelSleeps(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}
