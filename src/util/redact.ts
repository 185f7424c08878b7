/**
 * The one guard on every string that leaves lic: stdout, stderr, reports, the gate's headers, bodies, audit log and
 * metrics, and the cache. It knows the secrets in play (the tokens lic holds) and the shapes credentials take in
 * text an upstream may echo: `Bearer …`, a URL's password, a token in a query string. A secret is replaced with
 * `[token]` in any of the spellings it can travel in (as is, URL-encoded, JSON-escaped).
 */
export interface Redactor {
  /** A message (an error, a log line, a header, a rendered report): known secrets and credential shapes. */
  (text: string): string;
  /** The same on every string inside a message-shaped value (an audit entry), keys included. */
  deep<T>(value: T): T;
  /**
   * Data rather than messages (license texts, card data, cache entries): known secrets only. Credential shapes can be
   * ordinary words in data, and data is not rewritten on a guess.
   */
  deepSecrets<T>(value: T): T;
  /** Whether `text` holds a known secret (a cheap test before a copy). */
  holdsSecret(text: string): boolean;
}

export const REDACTED = "[token]";

/** Shorter strings are not treated as secrets: a one-letter "token" would redact every word. */
const MIN_SECRET_LENGTH = 4;

/**
 * A credential-like value: at least 8 characters of a token's alphabet, with a digit or a symbol among them, so that
 * words are left alone (GPL-3.0's "2. Basic Permissions." is not a Basic credential).
 */
const CREDENTIAL = String.raw`(?!\[token\])(?=[A-Za-z0-9._~+/=-]*[0-9_~+/=-])[A-Za-z0-9._~+/=-]{8,}`;

/**
 * Credentials by shape, whoever's they are: an echoed Authorization header, a URL's userinfo password, a query
 * parameter that carries a token (huggingface_hub and registries accept `?token=` and `?access_token=`).
 */
const CREDENTIAL_SHAPES: [RegExp, string][] = [
  [new RegExp(String.raw`\b(Bearer|Basic)(\s+)${CREDENTIAL}`, "gi"), `$1$2${REDACTED}`],
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@"']*:)(?!\[token\])[^\s/@"']+@/gi, `$1${REDACTED}@`],
  [/([?&](?:access_token|hf_token|token|api_key|apikey|password|auth)=)(?!\[token\])[^\s&#"']+/gi, `$1${REDACTED}`],
];

export function createRedactor(secrets: Iterable<string | null | undefined>): Redactor {
  const spellings = [
    ...new Set(
      [...secrets].filter(
        (secret): secret is string => typeof secret === "string" && secret.length >= MIN_SECRET_LENGTH,
      ),
    ),
  ]
    .flatMap((secret) => [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)])
    .filter((spelling, index, all) => all.indexOf(spelling) === index)
    // Longest first, so that a spelling containing another is replaced whole.
    .sort((a, b) => b.length - a.length);

  const holdsSecret = (text: string) => spellings.some((spelling) => text.includes(spelling));
  const redactSecrets = (text: string): string => {
    let out = text;
    for (const spelling of spellings) if (out.includes(spelling)) out = out.split(spelling).join(REDACTED);
    return out;
  };
  const redactText = (text: string): string => {
    let out = redactSecrets(text);
    for (const [shape, replacement] of CREDENTIAL_SHAPES) out = out.replace(shape, replacement);
    return out;
  };
  return Object.assign(redactText, {
    deep: <T>(value: T): T => redactValue(value, redactText) as T,
    deepSecrets: <T>(value: T): T => redactValue(value, redactSecrets) as T,
    holdsSecret,
  });
}

/** A redactor that knows no secret: it still scrubs credential shapes from messages. */
export const noSecrets: Redactor = createRedactor([]);

/** Every string inside a value (an audit entry, a report), keys included, through `redact`. */
export function redactValue(value: unknown, redact: (text: string) => string): unknown {
  if (typeof value === "string") return redact(value);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, redact));
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[redact(key)] = redactValue(item, redact);
    return out;
  }
  return value;
}
