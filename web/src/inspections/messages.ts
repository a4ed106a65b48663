import { useLanguage } from '../i18n/language.tsx';

const vi = {
  inspections: 'Kiểm tra, xử lý vi phạm',
  none: 'Chưa có lần kiểm tra nào được ghi.',
  record: 'Ghi nhận kết quả kiểm tra',
  agency: 'Cơ quan kiểm tra',
  jointWith: 'Phối hợp với',
  date: 'Ngày kiểm tra',
  findings: 'Nội dung phát hiện',
  addFinding: 'Thêm nội dung',
  removeFinding: 'Bỏ nội dung này',
  findingNote: 'Mô tả',
  decision: 'Hình thức xử lý',
  noAction: 'Không xử lý',
  amountVnd: 'Số tiền phạt (đồng)',
  legalBasis: 'Căn cứ pháp lý',
  followUp: 'Ngày kiểm tra lại',
  notes: 'Ghi chú',
  submit: 'Ghi nhận',
  recorded: 'Đã ghi nhận',
  planItem: 'Theo kế hoạch',
  noPlanItem: 'Kiểm tra đột xuất (ngoài kế hoạch)',
  by: 'do',
  fineOf: 'phạt',
  plans: 'Kế hoạch kiểm tra liên ngành',
  noPlans: 'Chưa có kế hoạch kiểm tra nào.',
  itemsDone: 'đã thực hiện',
  itemsOverdue: 'quá hạn',
  itemsPlanned: 'chưa đến hạn',
  awaiting: 'Chờ',
  area: 'Khu vực',
  status_done: 'Đã thực hiện',
  status_overdue: 'Quá hạn',
  status_planned: 'Theo lịch',
} as const;

export type InspectionsKey = keyof typeof vi;

const en: Record<InspectionsKey, string> = {
  inspections: 'Inspections and violations',
  none: 'No inspection recorded yet.',
  record: 'Record an inspection',
  agency: 'Inspecting agency',
  jointWith: 'Together with',
  date: 'Inspected on',
  findings: 'Findings',
  addFinding: 'Add a finding',
  removeFinding: 'Remove this finding',
  findingNote: 'Description',
  decision: 'Decision',
  noAction: 'No action',
  amountVnd: 'Fine (VND)',
  legalBasis: 'Legal basis',
  followUp: 'Follow-up on',
  notes: 'Notes',
  submit: 'Record',
  recorded: 'Recorded',
  planItem: 'As planned',
  noPlanItem: 'Unplanned (surprise) inspection',
  by: 'by',
  fineOf: 'fine of',
  plans: 'Joint inspection plans',
  noPlans: 'No inspection plan yet.',
  itemsDone: 'carried out',
  itemsOverdue: 'past due',
  itemsPlanned: 'to come',
  awaiting: 'Awaiting',
  area: 'Area',
  status_done: 'Carried out',
  status_overdue: 'Past due',
  status_planned: 'Scheduled',
};

/** The inspection screens' strings in the chosen language. */
export function useInspectionsText() {
  const { language } = useLanguage();
  const table = language === 'vi' ? vi : en;
  return (key: InspectionsKey) => table[key];
}
