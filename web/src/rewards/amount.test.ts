import { describe, expect, it } from 'vitest';
import { parseVndAmount } from './amount.ts';

describe('parseVndAmount', () => {
  it('reads whole đồng written the Vietnamese way, the English way, with spaces or bare', () => {
    for (const typed of ['2.500.000', '2,500,000', '2 500 000', '2500000', ' 2.500.000 ']) expect(parseVndAmount(typed), typed).toBe(2_500_000);
    expect(parseVndAmount('500')).toBe(500);
  });

  it('refuses decimals, mixed or misplaced separators, letters, zero and nothing', () => {
    for (const typed of ['2.5', '2,50', '2.500,000', '25.00.000', '2tr', '0', '', '-1000', '1e6']) expect(parseVndAmount(typed), typed).toBeNull();
  });
});
