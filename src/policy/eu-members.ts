import { isCountryCode } from "./iso-3166-1.js";

/**
 * The member states of the European Union (ISO 3166-1 alpha-2), as of 2026: the Llama 3.2/3.3/4 use-policy clause
 * names "the European Union", which is neither the EEA (Iceland, Liechtenstein, Norway) nor Switzerland.
 * Source: https://european-union.europa.eu/principles-countries-history/eu-countries_en
 * Greece is GR in ISO 3166-1 (the EU's own protocol order writes EL); a test holds every code to the ISO list.
 */
export const EU_MEMBER_STATES: ReadonlySet<string> = new Set([
  "AT",
  "BE",
  "BG",
  "HR",
  "CY",
  "CZ",
  "DK",
  "EE",
  "FI",
  "FR",
  "DE",
  "GR",
  "HU",
  "IE",
  "IT",
  "LV",
  "LT",
  "LU",
  "MT",
  "NL",
  "PL",
  "PT",
  "RO",
  "SK",
  "SI",
  "ES",
  "SE",
]);

/**
 * `EU` stands for "some member state": ISO 3166-1 reserves it, exceptionally, for the European Union
 * (ISO 3166 Maintenance Agency, https://www.iso.org/obp/ui/#iso:code:3166:EU).
 */
const EUROPEAN_UNION = "EU";

/** Whether a policy may name `code` (any case) as its domicile: an ISO 3166-1 alpha-2 country code, or EU. */
export function isDomicileCode(code: string): boolean {
  return code.toUpperCase() === EUROPEAN_UNION || isCountryCode(code);
}

/** Whether a domicile (an ISO code, or `EU` for "some member state") is in the European Union. */
export function isEuDomicile(domicile: string): boolean {
  const code = domicile.toUpperCase();
  return code === EUROPEAN_UNION || EU_MEMBER_STATES.has(code);
}
