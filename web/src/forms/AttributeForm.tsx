import type { PropertyDef } from '../../../server/collections/types.ts';
import { useLanguage } from '../i18n/language.tsx';
import { vocabularyLabel } from '../i18n/vocabulary-labels.ts';
import type { FieldValue, FormValues } from './attribute-values.ts';

type AttributeFormProps = {
  definitions: readonly PropertyDef[];
  values: FormValues;
  onChange: (values: FormValues) => void;
  /** Field name → message to show under it (client checks and the server's problems). */
  problems: Record<string, string>;
  /** Fields shown but not editable (e.g. the owner of a carrier editor's assets). */
  locked?: readonly string[];
};

function Field({ definition, value, onValue, locked }: { definition: PropertyDef; value: FieldValue; onValue: (value: FieldValue) => void; locked: boolean }) {
  const { language, t } = useLanguage();
  const common = { id: `field-${definition.name}`, 'data-testid': `field-${definition.name}`, disabled: locked };
  if (definition.type === 'boolean') return <input type="checkbox" {...common} checked={value === true} onChange={(event) => onValue(event.target.checked)} />;
  if (definition.type === 'text[]' && definition.values) {
    const list = Array.isArray(value) ? value : [];
    return (
      <span className="choice-group" {...common}>
        {definition.values.map((option) => (
          <label key={option}>
            <input type="checkbox" disabled={locked} checked={list.includes(option)}
              onChange={(event) => onValue(event.target.checked ? [...list, option] : list.filter((item) => item !== option))} />
            {vocabularyLabel(option, language)}
          </label>
        ))}
      </span>
    );
  }
  if (definition.values) {
    return (
      <select {...common} value={String(value)} onChange={(event) => onValue(event.target.value)}>
        {!definition.required || value === '' ? <option value="">—</option> : null}
        {definition.values.map((option) => <option key={option} value={option}>{vocabularyLabel(option, language)}</option>)}
      </select>
    );
  }
  const type = { integer: 'text', real: 'text', date: 'date', datetime: 'datetime-local' }[definition.type as string] ?? 'text';
  const inputMode = definition.type === 'integer' ? 'numeric' : definition.type === 'real' ? 'decimal' : undefined;
  return <input {...common} type={type} inputMode={inputMode} value={String(value)} onChange={(event) => onValue(event.target.value)} placeholder={definition.required ? t('required') : ''} />;
}

/** A form over a collection's properties, built from the registry: labels, vocabularies as choices, required marks. */
export function AttributeForm({ definitions, values, onChange, problems, locked = [] }: AttributeFormProps) {
  const { language } = useLanguage();
  return (
    <div className="attribute-form">
      {definitions.map((definition) => (
        <div key={definition.name} className={`form-row${problems[definition.name] ? ' invalid' : ''}`}>
          <label htmlFor={`field-${definition.name}`}>
            {language === 'vi' ? definition.titleVi : definition.title}{definition.required ? ' *' : ''}
          </label>
          <Field definition={definition} value={values[definition.name] ?? ''} locked={locked.includes(definition.name)}
            onValue={(value) => onChange({ ...values, [definition.name]: value })} />
          {problems[definition.name] && <span className="field-problem" role="alert">{problems[definition.name]}</span>}
        </div>
      ))}
    </div>
  );
}
