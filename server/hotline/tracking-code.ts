import { randomInt } from 'node:crypto';

// No 0/O, 1/I/L: codes are read aloud over the phone and typed from paper.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** `KT-XXXX-XXXX`: 31^8 ≈ 8.5e11 codes from a CSPRNG, so a code cannot be guessed to read someone else's report. */
export function newTrackingCode(): string {
  const chars = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `KT-${chars.slice(0, 4)}-${chars.slice(4)}`;
}
