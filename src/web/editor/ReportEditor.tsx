/**
 * The report as tabs of forms and tables, with the live score and audit beside it. Used editable by the
 * department and read-only by the bureau's review page. Clicking a finding opens its tab, scrolls to its
 * field and highlights it.
 */
import { Card, Tabs } from 'antd';
import { type ReactNode, useCallback, useMemo, useState } from 'react';
import type { Report } from '../../core/model/report.ts';
import { type Path, pathKey, setAt } from '../lib/paths.ts';
import { type EditorApi, EditorContext } from './editor-context.tsx';
import { FindingsPanel } from './FindingsPanel.tsx';
import type { EditorFinding, LiveCheck } from './live-check.ts';
import { BasicPart } from './parts/BasicPart.tsx';
import { ConclusionPart } from './parts/ConclusionPart.tsx';
import { FinancePart } from './parts/FinancePart.tsx';
import { IndicatorsPart } from './parts/IndicatorsPart.tsx';
import {
  ProjectBasicPart,
  ProjectConclusionPart,
  ProjectFundsPart,
  ProjectIndicatorsPart,
} from './parts/ProjectParts.tsx';
import { TargetsPart } from './parts/TargetsPart.tsx';
import { ScoreSummary } from './ScoreSummary.tsx';
import { type SectionKey, sectionOf, sectionsOf } from './sections.ts';

/** The best rendered element for a path: itself, else its nearest rendered ancestor or first descendant. */
const elementFor = (path: Path): HTMLElement | null => {
  const all = [...document.querySelectorAll<HTMLElement>('[data-field]')];
  const key = pathKey(path);
  const exact = all.find((e) => e.dataset.field === key);
  if (exact) return exact;
  const inside = all.find((e) => e.dataset.field?.startsWith(`${key}.`));
  if (inside) return inside;
  for (let n = path.length - 1; n > 0; n--) {
    const k = pathKey(path.slice(0, n));
    const up = all.find((e) => e.dataset.field === k || e.dataset.field?.startsWith(`${k}.`));
    if (up) return up;
  }
  return null;
};

const partsOf = (doc: Report, check: LiveCheck | null): Record<string, ReactNode> =>
  doc.kind === 'department'
    ? {
        basic: <BasicPart doc={doc} />,
        finance: <FinancePart doc={doc} />,
        targets: <TargetsPart doc={doc} />,
        indicators: <IndicatorsPart nodes={doc.indicators} scored={check?.scored ?? null} />,
        conclusion: <ConclusionPart doc={doc} />,
      }
    : {
        basic: <ProjectBasicPart />,
        funds: <ProjectFundsPart doc={doc} />,
        indicators: <ProjectIndicatorsPart doc={doc} />,
        conclusion: <ProjectConclusionPart />,
      };

export const ReportEditor = ({
  doc,
  onChange,
  check,
  findingExtra,
  side,
  sideBottom,
}: {
  doc: Report;
  /** Absent: read-only. */
  onChange?: (doc: Report) => void;
  check: LiveCheck | null;
  findingExtra?: (f: EditorFinding) => ReactNode;
  /** Shown above the score (workflow actions). */
  side?: ReactNode;
  /** Shown below the findings (comments, versions). */
  sideBottom?: ReactNode;
}) => {
  const [tab, setTab] = useState<SectionKey>('basic');
  const [highlighted, setHighlighted] = useState<ReadonlySet<string>>(new Set());
  const update = useCallback(
    (path: Path, value: unknown) => onChange?.(setAt(doc, path, value)),
    [doc, onChange],
  );
  const api = useMemo<EditorApi>(
    () => ({ doc, readOnly: !onChange, update, highlighted }),
    [doc, onChange, update, highlighted],
  );

  const jump = (f: EditorFinding) => {
    const first = f.fields[0];
    if (!first) return;
    const section = sectionOf(doc.kind, first);
    if (section) setTab(section);
    // Wait for the tab to render before looking for the field.
    setTimeout(() => {
      const keys = new Set<string>();
      let firstEl: HTMLElement | null = null;
      for (const p of f.fields) {
        const el = elementFor(p);
        if (!el?.dataset.field) continue;
        keys.add(el.dataset.field);
        firstEl ??= el;
      }
      setHighlighted(keys);
      firstEl?.scrollIntoView({ block: 'center', behavior: 'auto' });
      firstEl?.querySelector<HTMLElement>('input, textarea')?.focus({ preventScroll: true });
    }, 60);
  };

  const parts = partsOf(doc, check);
  return (
    <EditorContext.Provider value={api}>
      <div className="jx-editor">
        <div className="jx-editor-main">
          <Tabs
            activeKey={tab}
            onChange={(k) => setTab(k as SectionKey)}
            items={sectionsOf(doc.kind).map((s) => ({ key: s.key, label: s.label, children: parts[s.key] }))}
          />
        </div>
        <aside className="jx-editor-side">
          {side}
          <Card size="small" title="评分（实时重算）" style={{ marginBottom: 12 }}>
            <ScoreSummary evaluation={check?.evaluation ?? null} />
          </Card>
          <Card
            size="small"
            title="一致性审核"
            extra={
              check ? <span style={{ fontSize: 12, color: '#999' }}>{Math.round(check.ms)} 毫秒</span> : null
            }
          >
            <FindingsPanel
              findings={check?.findings ?? []}
              onJump={jump}
              {...(findingExtra ? { extra: findingExtra } : {})}
            />
          </Card>
          {sideBottom}
        </aside>
      </div>
    </EditorContext.Provider>
  );
};
