import { formatWhen } from '../format/format-value.ts';
import { useLanguage } from '../i18n/language.tsx';
import { vocabularyLabel } from '../i18n/vocabulary-labels.ts';
import type { CaseRow } from './api.ts';
import { nextSort } from './filters.ts';
import { useRegisterText, type RegisterKey } from './messages.ts';

type Props = { rows: CaseRow[]; sort: string; onSort: (sort: string) => void; onOpen: (row: CaseRow) => void };

const COLUMNS: { key: RegisterKey; sort?: string }[] = [
  { key: 'number', sort: 'id' }, { key: 'type', sort: 'type' }, { key: 'status', sort: 'status' }, { key: 'occurred', sort: 'occurred_at' },
  { key: 'place', sort: 'district_code' }, { key: 'asset' }, { key: 'assignee', sort: 'due_date' },
];

/** A case's "new" and "overdue" badges. */
export function CaseBadges({ isNew, overdue }: { isNew: boolean; overdue: boolean }) {
  const r = useRegisterText();
  return (
    <>
      {isNew && <span className="badge badge-new" data-testid="badge-new">{r('badgeNew')}</span>}
      {overdue && <span className="badge badge-overdue" data-testid="badge-overdue">{r('badgeOverdue')}</span>}
    </>
  );
}

/** The page of cases: sortable headers, one row per case; a click opens the case and shows it on the map. */
export function RegisterTable({ rows, sort, onSort, onOpen }: Props) {
  const { language } = useLanguage();
  const r = useRegisterText();
  const arrow = (column?: string) => (column && sort === column ? ' ▲' : column && sort === `-${column}` ? ' ▼' : '');
  return (
    <table className="register-table" data-testid="register-table">
      <thead>
        <tr>
          {COLUMNS.map((column) => (
            <th key={column.key} aria-sort={column.sort && sort.endsWith(column.sort) ? (sort.startsWith('-') ? 'descending' : 'ascending') : undefined}>
              {column.sort ? <button type="button" className="link" onClick={() => onSort(nextSort(sort, column.sort!))}>{r(column.key)}{arrow(column.sort)}</button> : r(column.key)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} data-testid="register-row" data-case={row.id} className={row.overdue ? 'overdue' : row.isNew ? 'unread' : ''} onClick={() => onOpen(row)}>
            <td><button type="button" className="link" data-testid="register-open">#{row.id}</button> <CaseBadges isNew={row.isNew} overdue={row.overdue} /></td>
            <td>{vocabularyLabel(row.type, language)}{row.trackingCode && <div className="muted" translate="no">{row.trackingCode}</div>}</td>
            <td>{vocabularyLabel(row.status, language)}</td>
            <td>{formatWhen(row.occurredAt)}</td>
            <td translate="no">{row.commune ?? '—'}<div className="muted">{row.district ?? ''}</div></td>
            <td>{row.assetOwner ? vocabularyLabel(row.assetOwner, language) : '—'}{row.assetLabel && <div className="muted" translate="no">{row.assetLabel}</div>}</td>
            <td>{row.officer ? <span translate="no">{row.officer}</span> : '—'}{row.dueDate && <div className="muted">{formatWhen(row.dueDate)}</div>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
