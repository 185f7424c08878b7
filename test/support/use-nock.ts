import nock from "nock";
import { afterAll, afterEach, beforeAll, expect } from "vitest";

/** No real network for the file's tests, and every interceptor a test sets up must have been used. */
export function useNock(): void {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    expect(pending).toEqual([]);
  });
  afterAll(() => nock.enableNetConnect());
}
