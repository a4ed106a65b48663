import type { Language } from './dictionary.ts';

type Pattern = readonly [RegExp, vi: string, en: string];

/**
 * The analyses' method lines, messages and warnings (server/analysis/…), which the API writes in English for logs and
 * scripts, in the user's language. Unknown lines fall back to a generic note in that language, never to English.
 */
const PATTERNS: readonly Pattern[] = [
  [/^first peak of Moran's I z \(([-\d.]+)\) over 10 bands from (\d+) m in (\d+) m steps$/, "đỉnh đầu tiên của chỉ số Moran's I (z = $1) khi thử 10 khoảng cách từ $2 m, bước $3 m", "first peak of Moran's I (z = $1) over 10 bands from $2 m in $3 m steps"],
  [/^no Moran's I peak over 10 bands from (\d+) m in (\d+) m steps; average distance to each cell's 8th nearest cell is (\d+) m$/, "không có đỉnh Moran's I khi thử 10 khoảng cách từ $1 m, bước $2 m; dùng khoảng cách trung bình tới ô gần thứ 8 của mỗi ô: $3 m", "no Moran's I peak over 10 bands from $1 m in $2 m steps; the mean distance to each cell's 8th nearest cell is $3 m"],
  [/^first peak of Moran's I z \(([-\d.]+), strictly above ([-\d.]+) and ([-\d.]+)\) over (\d+) bands from (\d+) to (\d+) m \(the grid's distinct neighbour distances\)$/, "đỉnh đầu tiên của chỉ số Moran's I (z = $1, cao hơn hẳn $2 và $3) khi thử $4 khoảng cách từ $5 đến $6 m (các khoảng cách lân cận khác nhau của lưới)", "first peak of Moran's I (z = $1, strictly above $2 and $3) over $4 bands from $5 to $6 m (the grid's distinct neighbour distances)"],
  [/^no peak of Moran's I z over (\d+) bands from (\d+) to (\d+) m \(the grid's distinct neighbour distances\), so the k-nearest rule: the average distance to each cell's 8th nearest cell, (\d+) m$/, "không có đỉnh Moran's I khi thử $1 khoảng cách từ $2 đến $3 m, nên dùng khoảng cách trung bình tới ô gần thứ 8 của mỗi ô: $4 m", "no Moran's I peak over $1 bands from $2 to $3 m, so the mean distance to each cell's 8th nearest cell: $4 m"],
  [/^no peak of Moran's I z over no bands, so the k-nearest rule: the average distance to each cell's 8th nearest cell, (\d+) m$/, "không có khoảng cách nào để thử Moran's I, nên dùng khoảng cách trung bình tới ô gần thứ 8 của mỗi ô: $1 m", "no band to test Moran's I on, so the mean distance to each cell's 8th nearest cell: $1 m"],
  [/^too few incidents for a Moran's I scan: average distance to each cell's 8th nearest cell$/, "quá ít vụ việc để dò chỉ số Moran's I: dùng khoảng cách trung bình tới ô gần thứ 8 của mỗi ô", "too few incidents to scan Moran's I: the mean distance to each cell's 8th nearest cell"],
  [/^no variation in counts: two hex rings used$/, 'số vụ việc không biến thiên: dùng hai vòng ô lục giác', 'no variation in counts: two rings of hexagons used'],
  [/^(\d+) incident\(s\) in cells without cable are left out of the rate analysis$/, '$1 vụ việc ở các ô không có cáp không được tính trong phân tích theo km cáp', '$1 incident(s) in cells without cable are left out of the rate analysis'],
  [/^(\d+) incident\(s\) in cells without sites are left out of the rate analysis$/, '$1 vụ việc ở các ô không có trạm không được tính trong phân tích theo trạm', '$1 incident(s) in cells without sites are left out of the rate analysis'],
  [/^complete spatial randomness: every incident equally likely anywhere in the study area \(border cells weighted by their area inside it\)$/, 'Giả thuyết gốc: vụ việc xảy ra ngẫu nhiên, như nhau ở mọi nơi trong vùng phân tích (ô ở rìa tính theo phần diện tích nằm trong vùng)', 'Null hypothesis: every incident equally likely anywhere in the study area (border cells weighted by their area inside it)'],
  [/^incidents in proportion to the km of cable in each cell: hot means more incidents per km of cable than elsewhere$/, 'Giả thuyết gốc: số vụ việc tỷ lệ với số km cáp trong mỗi ô; điểm nóng là nơi có nhiều vụ trên mỗi km cáp hơn nơi khác', 'Null hypothesis: incidents in proportion to the km of cable in each cell; hot means more incidents per km of cable than elsewhere'],
  [/^incidents in proportion to the BTS sites in each cell: hot means more incidents per site than elsewhere$/, 'Giả thuyết gốc: số vụ việc tỷ lệ với số trạm BTS trong mỗi ô; điểm nóng là nơi có nhiều vụ trên mỗi trạm hơn nơi khác', 'Null hypothesis: incidents in proportion to the BTS sites in each cell; hot means more incidents per site than elsewhere'],
  [/^share of the risk-weighted time the targets are watched: during each (\d+)-minute stop, then a deterrence decaying with a (\d+)-minute time constant \(Koper 1995\)$/, 'Độ bao phủ: tỷ lệ thời gian (có trọng số rủi ro) các mục tiêu được canh giữ — trong mỗi lần dừng $1 phút, sau đó tác dụng răn đe giảm dần với hằng số thời gian $2 phút (Koper 1995)', 'Coverage: the share of the risk-weighted time the targets are watched — during each $1-minute stop, then a deterrence decaying with a $2-minute time constant (Koper 1995)'],
  [/^(.+) \((.+)\) cannot be visited within one (\d+)-hour shift: not planned$/, 'không thể tới $1 trong một ca $3 giờ: không đưa vào kế hoạch', '$1 cannot be visited within one $3-hour shift: not planned'],
  [/^surprise visit to (.+) \((.+)\) on day (\d+) could not be placed: shifts full or too long$/, 'không xếp được lượt đột xuất tới $1 vào ngày thứ $3: các ca đã kín hoặc quá dài', 'the surprise visit to $1 on day $3 could not be placed: shifts full or too long'],
  [/^No targets to patrol: the plan is empty\.$/, 'Không có mục tiêu cần tuần tra: kế hoạch trống.', 'No targets to patrol: the plan is empty.'],
  [/^Each past incident weighs 2\^\(−age\/(\S+) days\), smoothed with a (\d+) m Gaussian kernel; (\d+) % of the forecast is that density, (\d+) % the cell's share of the BTS sites, (\d+) % its share of the cable\. Chosen among (\d+) candidates as the best mean hit rate at 1 and 3 % of the area over the (\d+) previous months\.$/, 'Mỗi vụ việc đã xảy ra có trọng số 2^(−tuổi/$1 ngày), làm mịn bằng nhân Gauss $2 m; dự báo gồm $3 % mật độ đó, $4 % tỷ lệ trạm BTS của ô, $5 % tỷ lệ cáp của ô. Được chọn trong $6 phương án vì có tỷ lệ trúng trung bình cao nhất ở 1 và 3 % diện tích trong $7 tháng trước.', 'Each past incident weighs 2^(−age/$1 days), smoothed with a $2 m Gaussian kernel; $3 % of the forecast is that density, $4 % the cell’s share of the BTS sites, $5 % its share of the cable. Chosen among $6 candidates as the best mean hit rate at 1 and 3 % of the area over the $7 previous months.'],
  [/^Không có vụ việc để dự báo \/ No incidents to forecast from$/, 'Không có vụ việc để dự báo', 'No incidents to forecast from'],
  [/^Chưa đủ dữ liệu để kiểm định dự báo \(cần khoảng 18 tháng\) \/ Not enough history to backtest the forecast \(about 18 months needed\)$/, 'Chưa đủ dữ liệu để kiểm định dự báo (cần khoảng 18 tháng)', 'Not enough history to backtest the forecast (about 18 months needed)'],
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
  // Lines the server already writes in both languages, "Vietnamese / English": each language takes its half.
  [/^([^/]*[đăâêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ][^/]*) \/ ([^/]+)$/i, '$1', '$2'],
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
