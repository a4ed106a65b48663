/**
 * Complementary error function, W. J. Cody (1969) "Rational Chebyshev approximations
 * for the error function", Math. Comp. 23:631–637 (the CALERF coefficients). Relative error ~1e-16.
 * @param x any real number
 * @returns erfc(x)
 * @example erfc(0) // 1
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const y = Math.abs(x);
  let result: number;
  if (y <= 0.46875) {
    const a = [3.1611237438705656, 113.86415415105016, 377.485237685302, 3209.3775891384694, 0.18577770618460315];
    const b = [23.601290952344122, 244.02463793444417, 1282.6165260773723, 2844.236833439171];
    const z = y > 1.11e-16 ? y * y : 0;
    let num = a[4] * z, den = z;
    for (let i = 0; i < 3; i++) { num = (num + a[i]) * z; den = (den + b[i]) * z; }
    const erf = (x * (num + a[3])) / (den + b[3]);
    return 1 - erf;
  }
  if (y <= 4) {
    const c = [0.5641884969886701, 8.883149794388377, 66.11919063714163, 298.635138197400, 881.952221241769,
      1712.0476126340707, 2051.0783778260716, 1230.3393547979972, 2.1531153547440383e-8];
    const d = [15.744926110709835, 117.6939508913125, 537.1811018620099, 1621.3895745666903,
      3290.7992357334597, 4362.619090143247, 3439.3676741437216, 1230.3393548037495];
    let num = c[8] * y, den = y;
    for (let i = 0; i < 7; i++) { num = (num + c[i]) * y; den = (den + d[i]) * y; }
    result = (num + c[7]) / (den + d[7]);
  } else {
    const p = [0.30532663496123236, 0.36034489994980445, 0.12578172611122926, 0.016083785148742275,
      6.587491615298378e-4, 0.016315387137302097];
    const q = [2.568520192289822, 1.8729528499234604, 0.5279051029514285, 0.06051834131244132, 0.0023352049762686918];
    if (y >= 26.6) result = 0;
    else {
      const z = 1 / (y * y);
      let num = p[5] * z, den = z;
      for (let i = 0; i < 4; i++) { num = (num + p[i]) * z; den = (den + q[i]) * z; }
      result = (z * (num + p[4])) / (den + q[4]);
      result = (0.5641895835477563 - result) / y;
    }
  }
  if (y > 0.46875) {
    const ysq = Math.trunc(y * 16) / 16;
    const del = (y - ysq) * (y + ysq);
    result = Math.exp(-ysq * ysq) * Math.exp(-del) * result;
  }
  return x < 0 ? 2 - result : result;
}

/**
 * Two-sided p-value of a standard-normal z-score: P(|Z| ≥ |z|) = erfc(|z|/√2).
 * @param z z-score (NaN gives NaN)
 * @returns p in [0, 1]
 * @example twoSidedP(1.959963984540054) // ≈ 0.05
 */
export function twoSidedP(z: number): number {
  return erfc(Math.abs(z) / Math.SQRT2);
}
