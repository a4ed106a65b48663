import type { Language } from './dictionary.ts';
import { problemPlace, translateProblem } from './problems.ts';

/**
 * What each API error code means to a person, in both languages; `{name}` is filled from the error's details.
 * The server's messages are for developers and logs; users read these. `tests/api/messages.test.ts` checks that every
 * code the server can answer has a text here.
 */
export const ERROR_TEXT: Record<string, readonly [vi: string, en: string]> = {
  InvalidParameter: ['Tham số “{parameter}” không hợp lệ.', 'The parameter “{parameter}” is not valid.'],
  InvalidBody: ['Dữ liệu gửi lên chưa đúng.', 'Some of what was sent is not valid.'],
  InvalidFeature: ['Đối tượng không đúng với lớp dữ liệu.', 'The feature does not fit its layer.'],
  ImportInvalid: ['Tệp có {problemCount} lỗi; chưa nhập đối tượng nào.', 'Problems in the file: {problemCount}; nothing was imported.'],
  NotFound: ['Không tìm thấy dữ liệu yêu cầu (có thể đã bị xoá hoặc bạn không có quyền xem).', 'Not found (it may have been deleted, or you may not see it).'],
  Conflict: ['Thao tác không phù hợp với trạng thái hiện tại của dữ liệu.', 'This does not fit the current state of the record.'],
  PreconditionFailed: ['Người khác vừa thay đổi dữ liệu này sau khi bạn mở nó, nên thay đổi của bạn chưa được lưu. Hãy tải bản mới rồi làm lại.', 'Someone else changed this record after you opened it, so your change was not saved. Load the new version and try again.'],
  Forbidden: ['Vai trò của bạn không được phép thực hiện thao tác này.', 'Your role may not do this.'],
  Unauthenticated: ['Phiên đăng nhập đã hết hoặc chưa đăng nhập. Vui lòng đăng nhập lại.', 'You are not signed in, or your session has ended. Please sign in again.'],
  TooManyRequests: ['Quá nhiều yêu cầu trong thời gian ngắn. Vui lòng thử lại sau {retryAfterSeconds} giây.', 'Too many requests in a short time. Try again in {retryAfterSeconds} seconds.'],
  BodyTooLarge: ['Dữ liệu gửi lên quá lớn (tối đa {maxBytes} byte).', 'What was sent is too large (at most {maxBytes} bytes).'],
  MalformedXml: ['Tệp không đúng định dạng XML (dòng {line}, cột {column}).', 'The file is not well-formed XML (line {line}, column {column}).'],
  UnsupportedPhoto: ['Ảnh phải là tệp JPEG, PNG hoặc WebP.', 'A photo must be a JPEG, PNG or WebP file.'],
  MissingSignature: ['Thiếu chữ ký của hệ thống cảnh báo.', 'The alarm system’s signature is missing.'],
  BadSignature: ['Chữ ký của hệ thống cảnh báo không khớp.', 'The alarm system’s signature does not match.'],
  StaleTimestamp: ['Thời điểm gửi của hệ thống cảnh báo lệch quá nhiều.', 'The alarm system’s timestamp is too far off.'],
  UnsupportedMediaType: ['Dữ liệu gửi lên không đúng định dạng (cần {accepted}).', 'What was sent has the wrong content type (expected {accepted}).'],
  GeometryTooComplex: ['Hình quá phức tạp (tối đa {maxPositions} điểm). Hãy đơn giản hoá hoặc chia nhỏ.', 'The shape is too complex (at most {maxPositions} points). Simplify or split it.'],
  FilterTooCostly: ['Bộ lọc không gian tốn quá nhiều thời gian. Hãy dùng hình đơn giản hơn hoặc vùng nhỏ hơn.', 'The spatial filter takes too long. Use a simpler shape or a smaller area.'],
  WorkLimitExceeded: ['Yêu cầu cần quá nhiều tài nguyên. Hãy chọn vùng nhỏ hơn hoặc ít dữ liệu hơn.', 'The request needs too much work. Choose a smaller area or less data.'],
  TooManyJobs: ['Bạn đang chạy quá nhiều yêu cầu nặng cùng lúc (tối đa {maxJobsPerCaller}). Vui lòng thử lại sau {retryAfterSeconds} giây.', 'You are running too many heavy requests at once (at most {maxJobsPerCaller}). Try again in {retryAfterSeconds} seconds.'],
  ServiceBusy: ['Máy chủ đang bận với các yêu cầu nặng. Vui lòng thử lại sau {retryAfterSeconds} giây.', 'The server is busy with heavy requests. Try again in {retryAfterSeconds} seconds.'],
  NoPatrolBases: ['Chưa có trụ sở công an nào làm điểm xuất phát tuần tra: hãy thêm vào lớp trụ sở công an trước.', 'There is no police station to start patrols from: add police stations first.'],
  InternalError: ['Máy chủ gặp lỗi. Vui lòng thử lại; nếu vẫn lỗi, báo quản trị hệ thống.', 'The server failed. Try again; if it fails again, tell the administrator.'],
  network: ['Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.', 'Cannot reach the server. Check the connection and try again.'],
};

const fill = (template: string, details: Record<string, unknown> | undefined, language: Language) =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = details?.[name];
    if (name === 'parameter' && typeof value === 'string') return problemPlace(value, language) || value;
    return typeof value === 'number' ? value.toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB') : String(value ?? '…');
  });

type Problem = { path?: string; message: string; index?: number; row?: number };

/** One problem of a refused body or file, for people: where (row, feature, field) and what, in `language`. */
export function problemText(problem: Problem, language: Language): string {
  const where = [
    problem.row !== undefined ? `${language === 'vi' ? 'dòng' : 'row'} ${problem.row}` : '',
    problemPlace(problem.path, language),
  ].filter(Boolean).join(' · ');
  const what = translateProblem(problem.message, language) ?? (language === 'vi' ? 'giá trị không hợp lệ' : 'not a valid value');
  return where ? `${where}: ${what}` : what;
}

/**
 * The text of an API error for people: the code's text filled from its details, then the first listed problem.
 * Used where the error is made (`api/client.ts`), so every error shown in the app is in the UI's language.
 */
export function messageFor(code: string, status: number, details: Record<string, unknown> | undefined, language: Language): string {
  const template = ERROR_TEXT[code]?.[language === 'vi' ? 0 : 1] ?? (language === 'vi' ? `Yêu cầu không thực hiện được (mã ${status}).` : `The request failed (code ${status}).`);
  const problems = (details?.problems as Problem[] | undefined) ?? [];
  const first = problems.length && code !== 'ImportInvalid' ? ` ${problemText(problems[0], language)}` : '';
  return `${fill(template, details, language)}${first}`;
}

/** The language the page is shown in (LanguageProvider keeps it on `<html lang>`). */
export function pageLanguage(): Language {
  return typeof document !== 'undefined' && document.documentElement.lang === 'en' ? 'en' : 'vi';
}
