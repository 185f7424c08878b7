import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";

/** How long, and how much more, a client still sending a refused body is read before its connection is cut. */
const LINGER_MS = 2000;
const LINGER_BYTES = 8 * 1024 * 1024;

/**
 * Closes, without a reset, a connection whose request body is still arriving. Node closes it as soon as the 413 is
 * written (Connection: close), and a close with unread bytes sends a TCP reset, which can destroy the 413 in the
 * client's buffer before the client reads it. So the gate only ends its side once the answer is out, then reads
 * and discards what still comes, until the client closes or for LINGER_MS (LINGER_BYTES at most), as Apache's
 * lingering close does.
 */
export function lingerBeforeClose(incoming: IncomingMessage, socket: Socket): void {
  socket.destroySoon = () => {
    let discarded = 0;
    const cut = setTimeout(() => socket.destroy(), LINGER_MS);
    socket.once("close", () => clearTimeout(cut));
    socket.on("data", (chunk: Buffer) => {
      discarded += chunk.byteLength;
      if (discarded > LINGER_BYTES) socket.destroy();
    });
    socket.once("end", () => socket.destroy());
    socket.end();
    incoming.resume();
    socket.resume();
  };
}
