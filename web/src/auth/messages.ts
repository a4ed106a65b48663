import { useLanguage } from '../i18n/language.tsx';
import type { Role } from './session.ts';

const vi = {
  signInTitle: 'Đăng nhập', username: 'Tên đăng nhập', password: 'Mật khẩu', signIn: 'Đăng nhập', signingIn: 'Đang đăng nhập…',
  signOut: 'Đăng xuất', wrongCredentials: 'Sai tên đăng nhập hoặc mật khẩu.', paused: 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {s} giây.',
  demoAccounts: 'Tài khoản demo: admin, police, dic, viettel, vnpt, ubnd — mật khẩu “demo”.',
  hotlineLink: 'Người dân báo tin về hành vi phá hoại, trộm cắp cáp viễn thông', checking: 'Đang kiểm tra phiên đăng nhập…',
  admin: 'Quản trị', police_planner: 'Công an', carrier_editor: 'Doanh nghiệp', dic_reviewer: 'Sở KH&CN', viewer: 'Xem',
} as const;

type AuthKey = keyof typeof vi;

const en: Record<AuthKey, string> = {
  signInTitle: 'Sign in', username: 'Username', password: 'Password', signIn: 'Sign in', signingIn: 'Signing in…',
  signOut: 'Sign out', wrongCredentials: 'Wrong username or password.', paused: 'Too many failed sign-ins. Try again in {s} seconds.',
  demoAccounts: 'Demo accounts: admin, police, dic, viettel, vnpt, ubnd — password “demo”.',
  hotlineLink: 'Citizens: report theft or sabotage of telecom cables', checking: 'Checking your session…',
  admin: 'Admin', police_planner: 'Police', carrier_editor: 'Carrier', dic_reviewer: 'Department', viewer: 'Viewer',
};

/** Texts of the sign-in page and the user menu. */
export function useAuthText() {
  const { language } = useLanguage();
  const table = language === 'vi' ? vi : en;
  return { a: (key: AuthKey) => table[key], roleLabel: (role: Role) => table[role] };
}
