/**
 * The member states of the European Union (ISO 3166-1 alpha-2), as of 2026: the Llama 3.2/3.3/4 use-policy clause
 * names "the European Union", which is neither the EEA (Iceland, Liechtenstein, Norway) nor Switzerland.
 * Source: https://european-union.europa.eu/principles-countries-history/eu-countries_en
 */
const EU_MEMBER_STATES = new Set([
  "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL",
  "PL", "PT", "RO", "SK", "SI", "ES", "SE",
]);

/** Whether a domicile (an ISO code, or `EU` for "some member state") is in the European Union. */
export function isEuDomicile(domicile: string): boolean {
  const code = domicile.toUpperCase();
  return code === "EU" || EU_MEMBER_STATES.has(code);
}
