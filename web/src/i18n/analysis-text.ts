import type { Language } from './dictionary.ts';

type Pattern = readonly [RegExp, vi: string, en: string];

/**
 * The analyses' method lines, messages and warnings (server/analysis/…), which the API writes in English for logs and
 * scripts, in the user's language. Unknown lines fall back to a generic note in that language, never to English.
 */
const PATTERNS: readonly Pattern[] = [
  [/^first peak of Moran's I z \(([-\d.]+)\) over 10 bands from (\d+) m in (\d+) m steps$/, "đỉnh đầu tiên của chỉ số Moran's I (z = $1) khi thử 10 khoảng cách từ $2 m, bước $3 m", "first peak of Moran's I (z = $1) over 10 bands from $2 m in $3 m steps"],
  [/^no Moran's I peak over 10 bands from (\d+) m in (\d+) m steps; average distance to each cell's 8th nearest cell is (\d+) m$/, "không có đỉnh Moran's I khi thử 10 khoảng cách từ $1 m, bước $2 m; dùng khoảng cách trung bình tới ô gần thứ 8 của mỗi ô: $3 m", "no Moran's I peak over 10 bands from $1 m in $2 m steps; the mean distance to each cell's 8th nearest cell is $3 m"],
  [/^distance band given by the caller$/, 'khoảng cách do người dùng chọn', 'distance band chosen by the user'],
  [/^only (\d+) incident\(s\): fewer than 30, results are unreliable$/, 'chỉ có $1 vụ việc (ít hơn 30): kết quả kém tin cậy', 'only $1 incident(s): fewer than 30, the results are unreliable'],
  [/^(\d+) of (\d+) cells have fewer than 8 neighbours in the (\d+) m band$/, '$1 trong $2 ô có ít hơn 8 ô lân cận trong khoảng $3 m', '$1 of $2 cells have fewer than 8 neighbours within $3 m'],
  [/^Too little variation: (\d+) incident\(s\) over (\d+) cell\(s\); Gi\* is undefined$/, 'Số liệu quá đồng đều: $1 vụ việc trên $2 ô; không tính được Gi*', 'Too little variation: $1 incident(s) over $2 cell(s); Gi* is undefined'],
  [/^Không có vụ việc nào trong lựa chọn \/ No incidents match the selection$/, 'Không có vụ việc nào trong lựa chọn', 'No incidents match the selection'],
  [/^only (\d+) time slice\(s\): Mann-Kendall needs about 10 for a trend$/, 'chỉ có $1 lát thời gian: kiểm định Mann-Kendall cần khoảng 10', 'only $1 time slice(s): Mann-Kendall needs about 10 for a trend'],
  [/^no incidents in the period: every cell is no_pattern$/, 'không có vụ việc trong kỳ: không ô nào có xu hướng', 'no incidents in the period: no cell has a trend'],
  [/^(.+) (\d{4}-\d{2}-\d{2}) shift (\d) takes (\d+) min along the roads, over shiftHours$/, '$1 ngày $2 ca $3 mất $4 phút theo đường bộ, vượt thời lượng ca', '$1 on $2, shift $3 takes $4 min along the roads, longer than a shift'],
  [/^surprise visit to (.+) \((.+)\) on (\d{4}-\d{2}-\d{2}) could not be placed: shifts full or too long$/, 'không xếp được lượt đột xuất tới $1 ngày $3: các ca đã kín hoặc quá dài', 'the surprise visit to $1 on $3 could not be placed: shifts full or too long'],
  [/^periodic visit to (.+) \((.+)\) due by (\d{4}-\d{2}-\d{2}) could not be scheduled: shifts full or too long$/, 'không xếp được lượt định kỳ tới $1 (hạn $3): các ca đã kín hoặc quá dài', 'the periodic visit to $1 due by $3 could not be scheduled: shifts full or too long'],
];

/** An analysis line in `language`; null when the catalogue does not know it (a test lists the server's lines). */
export function translateAnalysis(line: string, language: Language): string | null {
  for (const [pattern, vi, en] of PATTERNS) if (pattern.test(line)) return line.replace(pattern, language === 'vi' ? vi : en);
  return null;
}

/** `translateAnalysis`, or a generic note in the language when the line is unknown. */
export function analysisText(line: string, language: Language): string {
  return translateAnalysis(line, language) ?? (language === 'vi' ? 'Ghi chú của phép phân tích (xem nhật ký máy chủ)' : 'Analysis note (see the server log)');
}
