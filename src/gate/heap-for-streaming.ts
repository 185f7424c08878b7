import { setFlagsFromString } from "node:v8";

/**
 * Node's HTTP client copies every body chunk it parses into a buffer of its own (up to 64 KiB, from malloc), freed
 * only when the garbage collector finds the chunk dead, so a download frees them in bursts of tens of megabytes.
 * glibc gives the top of its heap back to the kernel whenever more than its trim threshold is free there (128 KiB
 * at start), and the next chunks fault fresh zeroed pages in again: streaming 1 GiB that way cost the gate twice
 * the CPU of a bare relay (page faults, brk, clear_page in perf), and a quarter of its throughput. glibc raises the
 * threshold by itself to twice the size of the largest mmapped block freed so far (at most 32 MiB, so 64 MiB):
 * one such block, allocated and let go at start-up, lets the heap keep the buffers it reuses. The pages of a block
 * never written are never faulted in, so this costs no resident memory; other C libraries ignore it.
 */
const BLOCK_BYTES = 32 * 1024 * 1024 - 64 * 1024;

/**
 * V8 (11.3, Node 20) counts the external memory allocated since its last full collection against the old
 * generation's limit, and sets that limit from the live heap times a growing factor it picks from how busy the
 * collector has been. The gate's live heap is some 11 MB (catalog, matcher data, decisions); once the factor is
 * small, the chunks in flight reach the limit every 25 MB or so, and 1 GiB costs some 50 full collections
 * (--trace-gc: "Start (allocation limit)", nothing promoted). The collections lower the factor again, so a gate
 * stayed in that mode: 140 to 170 ticks of CPU per GiB against a bare relay's 75 to 95, at two thirds of its
 * throughput. A fixed factor of 4 (the most V8 picks itself) keeps the limit some 30 MB above the live heap:
 * measured here, 70 to 92 ticks per GiB and the relay's throughput or more, also after 45 s idle, with a peak
 * resident set of 111 MB.
 */
const HEAP_GROWING_PERCENT = 300;

let done = false;

/** Sets up this process's memory for streaming file bytes; once per process, before the first download. */
export function tuneHeapForStreaming(): void {
  if (done) return;
  done = true;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  // Uninitialised, so never touched; freed (munmap) at the next collection, which is when glibc adjusts.
  Buffer.allocUnsafeSlow(BLOCK_BYTES);
}
