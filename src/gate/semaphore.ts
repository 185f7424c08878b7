/** A counting semaphore: at most `limit` holders; the others wait in order, and may give up through a signal. */
export class Semaphore {
  private holders = 0;
  private readonly waiting: { grant: () => void }[] = [];

  constructor(private readonly limit: number) {}

  get held(): number {
    return this.holders;
  }

  /** true: a slot is held and must be released; false: the signal fired first. */
  acquire(signal?: AbortSignal): Promise<boolean> {
    if (this.holders < this.limit) {
      this.holders++;
      return Promise.resolve(true);
    }
    if (signal?.aborted) return Promise.resolve(false);
    return new Promise((resolve) => {
      const entry = {
        grant: () => {
          signal?.removeEventListener("abort", onAbort);
          this.holders++;
          resolve(true);
        },
      };
      const onAbort = () => {
        const index = this.waiting.indexOf(entry);
        if (index !== -1) this.waiting.splice(index, 1);
        resolve(false);
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.waiting.push(entry);
    });
  }

  release(): void {
    this.holders--;
    this.waiting.shift()?.grant();
  }
}
