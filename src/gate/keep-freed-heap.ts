/**
 * Node's HTTP client copies every body chunk it parses into a buffer of its own (up to 64 KiB, from malloc), freed
 * only when the garbage collector finds the chunk dead, so a download frees them in bursts of tens of megabytes.
 * glibc gives the top of its heap back to the kernel whenever more than its trim threshold is free there (128 KiB
 * at start), and the next chunks fault fresh zeroed pages in again: streaming 1 GiB that way cost the gate twice
 * the CPU of a bare relay (page faults, brk, clear_page in perf), and a quarter of its throughput. glibc raises the
 * threshold by itself to twice the size of the largest mmapped block freed so far (at most 32 MiB, so 64 MiB):
 * one such block, allocated and let go at start-up, lets the heap keep the buffers it reuses. The pages of a block
 * never written are never faulted in, so this costs no resident memory; other C libraries ignore it.
 * It does not remove a second cost of the same size, met by a gate that has been idle for a while (40 s will do):
 * V8 has then brought its old-generation limit down to the live heap, and the chunks promoted while in flight
 * reach it every 20 MB or so, so 1 GiB costs some 45 full collections of the gate's 18 MB heap (--trace-gc).
 */
const BLOCK_BYTES = 32 * 1024 * 1024 - 64 * 1024;

let done = false;

export function keepFreedHeap(): void {
  if (done) return;
  done = true;
  // Uninitialised, so never touched; freed (munmap) at the next collection, which is when glibc adjusts.
  Buffer.allocUnsafeSlow(BLOCK_BYTES);
}
