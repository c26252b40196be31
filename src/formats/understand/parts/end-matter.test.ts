import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fieldsOf } from '../../../../test/fixtures/corpus/fields.ts';
import { readTextReport } from '../../read/read-text.ts';

const TEXT = readFileSync(
  new URL('../../../../test/fixtures/corpus/yunnan-forestry-2023.txt', import.meta.url),
  'utf8',
);

const read = (text: string) => {
  const r = readTextReport(text, { encoding: 'utf-8' });
  if (!r.ok || r.value.kind !== 'department') throw new Error('not read');
  return r.value;
};

describe('the matter after the last part', () => {
  const plain = read(TEXT);

  it.each([
    [
      '附件 labels, the signing unit and the date',
      '附件：1.部门整体支出绩效自评表\n2.项目支出绩效自评表\n\n澜沧湾县林业和草原局\n2024年3月15日',
    ],
    [
      'the signing unit (盖章) and a date in Chinese numerals',
      '澜沧湾县林业和草原局（盖章）\n二〇二四年三月十五日',
    ],
  ])('%s: not part of the conclusion', (_, tail) => {
    const r = read(`${TEXT}\n${tail}\n`);
    expect(r.conclusion?.text).toBe(plain.conclusion?.text);
    expect(fieldsOf(r)).toEqual(fieldsOf(plain));
  });

  it('a table appended after an 附表 label is still read by its header', () => {
    const start = TEXT.indexOf('单位：万元');
    const table = TEXT.slice(start, TEXT.indexOf('\n三、', start) + 1);
    expect(table).toContain('| 项目 |');
    const moved = TEXT.replace(table, '');
    const r = read(`${moved}\n附表1\n${table}`);
    expect(r.expenditureTable?.rows.length).toBe(plain.expenditureTable?.rows.length);
    expect(r.conclusion?.text).toBe(plain.conclusion?.text);
  });
});
