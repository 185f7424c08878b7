import { type Redactor, redactValue } from "../util/redact.js";

/** Strings longer than this (bodies, long reasons) are redacted each time: they seldom repeat, and would crowd the memory. */
const MAX_REMEMBERED_LENGTH = 1024;

/**
 * The gate's redactor, remembering what it gave for short strings. Every answer's headers and every audit entry
 * pass the redactor whole (a handful of patterns over each string), which was the largest cost of lic's own code on
 * a cached decision under load; yet most of those strings repeat from request to request (the content type, the
 * policy header, the commit, the audit entry's keys). The redactor is a pure function of its text for the life of
 * a handler (its secrets are fixed when it is made), so a remembered answer is the same answer. The memory is
 * bounded: when full it is emptied and fills again with what comes next. Only clean strings are remembered.
 */
export function memoRedactor(redact: Redactor, maxEntries = 4096): Redactor {
  const remembered = new Set<string>();
  const redactText = (text: string): string => {
    if (text.length > MAX_REMEMBERED_LENGTH) return redact(text);
    if (remembered.has(text)) return text;
    const clean = redact(text);
    // Only strings that hold no secret are remembered (as themselves): a token never sits in the memory as a key.
    if (clean === text) {
      if (remembered.size >= maxEntries) remembered.clear();
      remembered.add(text);
    }
    return clean;
  };
  return Object.assign(redactText, {
    deep: <T>(value: T): T => redactValue(value, redactText) as T,
    deepSecrets: <T>(value: T): T => redact.deepSecrets(value),
    holdsSecret: (text: string) => redact.holdsSecret(text),
  });
}
