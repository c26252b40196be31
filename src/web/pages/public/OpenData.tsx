/**
 * Open data: every published report's figures, or every published target table's indicators, as CSV or
 * JSON, for a county and year or for all.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, ok } from '../../api/client.ts';
import { PlaceSelect, PUBLIC_DATASETS, type PublicDataset, YearSelect } from '../../app/filters.tsx';
import { useLoad } from '../../lib/use-load.ts';

/** What each dataset holds. */
const ABOUT: Record<PublicDataset, string> = {
  reports:
    '已公开报告的主要数据（地区、单位编码、部门、年度、类型、自评得分、重算得分、等级、财政审核得分与等级、公开时间等），可按县（区）和年度筛选下载。CSV 为 UTF-8 编码，可用 Excel 或 WPS 打开。',
  targets:
    '已公开的绩效目标表按指标逐行提供（地区、单位、年度、目标表类型、项目、资金总额、一级/二级/三级指标、指标性质、指标值、计量单位、权重、公开时间）；JSON 中每张表附完整的批复内容。',
};

const OpenData = () => {
  const places = useLoad(() => ok(api.public.jurisdictions.$get()), []);
  const [county, setCounty] = useState('');
  const [year, setYear] = useState('');
  const [dataset, setDataset] = useState<PublicDataset>('reports');
  const url = (format: 'csv' | 'json') =>
    api.public['open-data'][':format'].$url({
      param: { format },
      query: {
        ...(county ? { jurisdictionId: county } : {}),
        ...(year ? { year: Number(year) } : {}),
        ...(dataset === 'targets' ? { dataset } : {}),
      },
    });
  const href = (format: 'csv' | 'json') => {
    const u = url(format);
    return `${u.pathname}${u.search}`;
  };
  return (
    <>
      <div className="jx-page-title">
        <h1>开放数据</h1>
      </div>
      <Card>
        {PUBLIC_DATASETS.map((d) => (
          <Typography.Paragraph key={d.value}>{ABOUT[d.value]}</Typography.Paragraph>
        ))}
        <Space wrap>
          <Select
            aria-label="数据集"
            style={{ width: 160 }}
            value={dataset}
            onChange={setDataset}
            options={[...PUBLIC_DATASETS]}
          />
          <PlaceSelect
            places={places.data ?? []}
            all="全部地区"
            width={180}
            value={county}
            onChange={setCounty}
          />
          <YearSelect value={year} onChange={setYear} />
          <Button type="primary" icon={<DownloadOutlined />} href={href('csv')}>
            下载 CSV
          </Button>
          <Button icon={<DownloadOutlined />} href={href('json')}>
            下载 JSON
          </Button>
        </Space>
      </Card>
    </>
  );
};
export default OpenData;
