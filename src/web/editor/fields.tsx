/**
 * The editor's fields. Each one names a path into the document; values read from a file keep their
 * `src` when edited (so audit findings still point at them). Money shows its unit and is kept with at
 * least 2 decimals in 万元; decimals are typed as text and checked, never turned into binary floats.
 */
import { Input, InputNumber, Select } from 'antd';
import type { ReactElement, ReactNode } from 'react';
import { decFixed, decimalPlaces, isDecimalString } from '../../core/decimal.ts';
import { COMPARATORS, type Comparator, type Measure, type Money } from '../../core/model/values.ts';
import { fmtDecimal } from '../lib/format.ts';
import type { FieldPath, Path } from '../lib/paths.ts';
import { useField } from './editor-context.tsx';

type Src = { src?: unknown };
// What each field edits; undefined too, for a part of the document that may be absent.
type TextFactV = ({ value: string } & Src) | null | undefined;
type IntFactV = ({ value: number } & Src) | null | undefined;
type DecFactV = ({ value: string } & Src) | null | undefined;

const idOf = (path: Path) => `f-${path.join('-')}`;

/**
 * A labelled row; the label is a real <label> so a click or a screen reader finds the input: the input of
 * the field inside (named by its path), or of `path` when the field sits in other elements.
 */
export const Labelled = ({
  label,
  path,
  children,
}: {
  label: ReactNode;
  path?: FieldPath<unknown>;
  children: ReactElement<{ path?: FieldPath<unknown> }>;
}) => {
  const of = path ?? children.props.path;
  return (
    <div className="jx-row">
      <label htmlFor={of ? idOf(of) : undefined}>{label}</label>
      <div>{children}</div>
    </div>
  );
};

const ReadOnlyText = ({ children, fieldProps }: { children: ReactNode; fieldProps: object }) => (
  <span {...fieldProps}>{children === '' || children === null ? '—' : children}</span>
);

export const TextFactField = ({
  path,
  nullable = true,
  multiline = false,
  placeholder,
}: {
  path: FieldPath<TextFactV>;
  nullable?: boolean;
  multiline?: boolean;
  placeholder?: string;
}) => {
  const f = useField(path);
  const text = f.value?.value ?? '';
  if (f.readOnly) return <ReadOnlyText fieldProps={f.fieldProps}>{text}</ReadOnlyText>;
  const set = (t: string) => f.set(t === '' && nullable ? null : { ...(f.value ?? {}), value: t });
  return (
    <span {...f.fieldProps} style={{ width: '100%' }}>
      {multiline ? (
        <Input.TextArea
          id={idOf(path)}
          value={text}
          placeholder={placeholder}
          autoSize={{ minRows: 2, maxRows: 10 }}
          onChange={(e) => set(e.target.value)}
        />
      ) : (
        <Input id={idOf(path)} value={text} placeholder={placeholder} onChange={(e) => set(e.target.value)} />
      )}
    </span>
  );
};

/** A plain string of the model (evidence, section body), or null when `nullable`. */
export const PlainTextField = ({
  path,
  multiline = true,
  nullable = false,
}: {
  path: FieldPath<string | null | undefined>;
  multiline?: boolean;
  nullable?: boolean;
}) => {
  const f = useField(path);
  const text = f.value ?? '';
  if (f.readOnly) return <ReadOnlyText fieldProps={f.fieldProps}>{text}</ReadOnlyText>;
  const set = (t: string) => f.set(t === '' && nullable ? null : t);
  return (
    <span {...f.fieldProps} style={{ width: '100%' }}>
      {multiline ? (
        <Input.TextArea
          id={idOf(path)}
          value={text}
          autoSize={{ minRows: 2, maxRows: 12 }}
          onChange={(e) => set(e.target.value)}
        />
      ) : (
        <Input id={idOf(path)} value={text} onChange={(e) => set(e.target.value)} />
      )}
    </span>
  );
};

export const IntFactField = ({ path, suffix }: { path: FieldPath<IntFactV>; suffix?: string }) => {
  const f = useField(path);
  if (f.readOnly) {
    return (
      <ReadOnlyText fieldProps={f.fieldProps}>
        {f.value ? `${f.value.value}${suffix ?? ''}` : ''}
      </ReadOnlyText>
    );
  }
  return (
    <span {...f.fieldProps}>
      <InputNumber
        id={idOf(path)}
        value={f.value?.value ?? null}
        precision={0}
        suffix={suffix}
        style={{ width: 160 }}
        onChange={(v) => f.set(v === null ? null : { ...(f.value ?? {}), value: Math.trunc(Number(v)) })}
      />
    </span>
  );
};

/** A decimal typed as text; red when it is not a number. `money` keeps at least 2 decimals on blur. */
const DecimalInput = ({
  id,
  value,
  onChange,
  suffix,
  money,
  width = 150,
}: {
  id: string;
  value: string;
  onChange: (v: string) => void;
  suffix?: string | undefined;
  money?: boolean;
  width?: number;
}) => (
  <Input
    id={id}
    value={value}
    inputMode="decimal"
    status={value === '' || isDecimalString(value) ? undefined : 'error'}
    suffix={suffix}
    style={{ width }}
    onChange={(e) => onChange(e.target.value.trim().replace(/,/g, ''))}
    onBlur={() => {
      if (money && isDecimalString(value) && decimalPlaces(value) < 2) onChange(decFixed(value, 2));
    }}
  />
);

/** A DecimalFact or table Amount ({value, src}); empty means null. */
export const DecimalFactField = ({
  path,
  suffix,
  money = false,
  width,
}: {
  path: FieldPath<DecFactV>;
  suffix?: string | undefined;
  money?: boolean;
  width?: number;
}) => {
  const f = useField(path);
  if (f.readOnly) {
    return (
      <ReadOnlyText fieldProps={f.fieldProps}>
        {f.value ? `${fmtDecimal(f.value.value, money ? 2 : Math.max(2, decimalPlaces(f.value.value)))}` : ''}
      </ReadOnlyText>
    );
  }
  return (
    <span {...f.fieldProps}>
      <DecimalInput
        id={idOf(path)}
        value={f.value?.value ?? ''}
        suffix={suffix}
        money={money}
        {...(width ? { width } : {})}
        onChange={(v) => f.set(v === '' ? null : { ...(f.value ?? {}), value: v })}
      />
    </span>
  );
};

/** A sentence amount with its unit (万元 by default for new values). */
export const MoneyField = ({ path }: { path: FieldPath<Money | null | undefined> }) => {
  const f = useField(path);
  if (f.readOnly) {
    return (
      <ReadOnlyText fieldProps={f.fieldProps}>
        {f.value ? `${fmtDecimal(f.value.value, 2)} ${f.value.unit}` : ''}
      </ReadOnlyText>
    );
  }
  return (
    <span {...f.fieldProps}>
      <DecimalInput
        id={idOf(path)}
        value={f.value?.value ?? ''}
        suffix={f.value?.unit ?? '万元'}
        money
        onChange={(v) => f.set(v === '' ? null : { unit: '万元', ...(f.value ?? {}), value: v })}
      />
    </span>
  );
};

const measureText = (m: Pick<Measure, 'op' | 'value' | 'unit'>): string =>
  `${m.op ?? ''}${m.value ?? ''}${m.unit ?? ''}`;

/** A target or achieved value: comparator, number and unit (or a qualitative text when no number). */
export const MeasureField = ({ path }: { path: FieldPath<Measure> }) => {
  const f = useField(path);
  const m = f.value ?? { text: '', op: null, value: null, unit: null };
  if (f.readOnly) return <ReadOnlyText fieldProps={f.fieldProps}>{m.text}</ReadOnlyText>;
  const put = (patch: Partial<Measure>) => {
    const next = { ...m, ...patch };
    f.set({ ...next, text: next.value === null ? next.text : measureText(next) });
  };
  return (
    <span {...f.fieldProps} style={{ display: 'inline-flex', gap: 4 }}>
      <Select<Comparator | ''>
        aria-label="比较符"
        value={m.op ?? ''}
        style={{ width: 64 }}
        options={[{ value: '', label: '—' }, ...COMPARATORS.map((c) => ({ value: c, label: c }))]}
        onChange={(v) => put({ op: v === '' ? null : v })}
      />
      {m.value === null && m.text !== '' ? (
        <Input
          id={idOf(path)}
          aria-label="定性指标值"
          value={m.text}
          style={{ width: 180 }}
          onChange={(e) => put({ text: e.target.value })}
        />
      ) : (
        <DecimalInput
          id={idOf(path)}
          value={m.value ?? ''}
          width={110}
          onChange={(v) => put({ value: v === '' ? null : v })}
        />
      )}
      <Input
        aria-label="单位"
        value={m.unit ?? ''}
        placeholder="单位"
        style={{ width: 64 }}
        onChange={(e) => put({ unit: e.target.value === '' ? null : e.target.value })}
      />
    </span>
  );
};

export const GradeField = ({ path }: { path: FieldPath<TextFactV> }) => {
  const f = useField(path);
  if (f.readOnly) return <ReadOnlyText fieldProps={f.fieldProps}>{f.value?.value ?? ''}</ReadOnlyText>;
  return (
    <span {...f.fieldProps}>
      <Select
        id={idOf(path)}
        value={f.value?.value ?? ''}
        style={{ width: 100 }}
        options={['', '优', '良', '中', '差'].map((g) => ({ value: g, label: g || '—' }))}
        onChange={(v) => f.set(v === '' ? null : { ...(f.value ?? {}), value: v })}
      />
    </span>
  );
};
