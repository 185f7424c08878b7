import nock from "nock";
import { afterAll, afterEach, beforeAll, expect } from "vitest";

/**
 * No real network for the file's tests, and every interceptor a test sets up must have been used. nock patches the
 * HTTP modules and fetch while active: it is switched off after the file, since the next file in the same worker
 * (vitest.config.ts: isolate false) talks to real servers on 127.0.0.1.
 */
export function useNock(): void {
  beforeAll(() => {
    if (!nock.isActive()) nock.activate();
    nock.disableNetConnect();
  });
  afterEach(() => {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    expect(pending).toEqual([]);
  });
  afterAll(() => {
    nock.enableNetConnect();
    nock.restore();
  });
}
