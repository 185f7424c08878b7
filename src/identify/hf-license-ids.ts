/** `license: other` means a custom license named by `license_name` (hub-docs modelcard.md). */
export const CUSTOM_LICENSE = "other";
/** `license: unknown` is the Hub's explicit "we do not know". */
export const UNKNOWN_LICENSE = "unknown";
