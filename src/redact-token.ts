/**
 * A function that replaces every occurrence of `token` with `[token]`: the last guard on everything lic prints,
 * logs or passes on, in case a message (an upstream's echo, a URL) ever carries it. No token: the text as it is.
 */
export function tokenRedactor(token: string | undefined): (text: string) => string {
  return token ? (text) => text.split(token).join("[token]") : (text) => text;
}
