/**
 * Who copies an allowed file's bytes from the upstream's storage to the client: the gate itself (`none`, streamed
 * through Node), nginx in front of it (`nginx`, told where by X-Accel-Redirect), or the client (`redirect`, sent
 * the upstream's own 302 to its CDN). The gate decides in every case; only the copying moves.
 */
export const OFFLOADS = ["none", "nginx", "redirect"] as const;
export type Offload = (typeof OFFLOADS)[number];
