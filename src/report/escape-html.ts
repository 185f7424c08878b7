const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text made inert for HTML text and attribute values. */
export function esc(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}
