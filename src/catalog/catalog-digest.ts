import { hash } from "node:crypto";
import { once } from "../util/once.js";
import { HAND_WRITTEN, SPDX_LIST } from "./catalog.js";
import { HUB_LICENSES } from "./hub-licenses.js";

/**
 * A digest of everything the catalog says about licenses: the hand-written entries with their terms and sources,
 * the Hub's license ids, and the SPDX list. lic.lock records it, so `lic check --locked` knows when a verdict may
 * have changed with the catalog although the model did not.
 */
export const catalogDigest = once(
  () =>
    `sha256:${hash("sha256", JSON.stringify({ entries: HAND_WRITTEN, hub: HUB_LICENSES, spdx: SPDX_LIST }), "hex")}`,
);
