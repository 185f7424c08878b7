/**
 * Whether an environment variable is switched on, as huggingface_hub reads its boolean variables (constants.py,
 * `_is_true`: 1, ON, YES or TRUE, any case), spaces around it aside; unset or anything else is off.
 */
export function isOn(value: string | undefined): boolean {
  return /^(1|on|yes|true)$/i.test(value?.trim() ?? "");
}
