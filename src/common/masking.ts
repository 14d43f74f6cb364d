/**
 * The masked forms of personal data: what a caller who may not read a field in full is shown.
 * Who may read what is decided elsewhere (people: grid.policy.ts, complainants: case.policy.ts);
 * these only say what the masked form looks like, so that it is the same wherever it is shown.
 * Too short a value is masked whole: keeping its ends would give it all away.
 */

/** 13812345678 → 138****5678: the first three and last four characters stay; 7 or fewer: all stars. */
export function maskPhone(phone: string): string {
  if (phone.length <= 7) return "*".repeat(phone.length);
  return phone.slice(0, 3) + "*".repeat(phone.length - 7) + phone.slice(-4);
}

/** 210504199001011234 → 2105**********1234: the region prefix and the last four stay; 8 or fewer: all stars. */
export function maskIdNumber(id: string): string {
  if (id.length <= 8) return "*".repeat(id.length);
  return id.slice(0, 4) + "*".repeat(id.length - 8) + id.slice(-4);
}

/**
 * 王小明 → 王**: the first character (the family name, most often) and two stars, whatever the
 * length, so that the length does not tell the given name. "" stays "". The first character is a
 * whole code point: a rare character outside the BMP (𠀀) is not cut in half.
 */
export function maskName(name: string): string {
  if (name === "") return "";
  return String.fromCodePoint(name.codePointAt(0)!) + "**";
}
