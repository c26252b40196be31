import { DownloadOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { publicRenderUrl, RENDER_FORMATS, renderUrl } from '../api/reports.ts';

/** Download the version as .docx, PDF or .xlsx (rendered by the server from the stored document). */
export const Downloads = ({
  id,
  version,
  isPublic = false,
}: {
  id: string;
  version: number;
  isPublic?: boolean;
}) => (
  <Dropdown
    menu={{
      items: RENDER_FORMATS.map((f) => ({
        key: f.format,
        label: (
          <a
            href={(isPublic ? publicRenderUrl : renderUrl)(id, version, f.format)}
            download
            data-format={f.format}
          >
            {f.label}
          </a>
        ),
      })),
    }}
  >
    <Button icon={<DownloadOutlined />}>下载</Button>
  </Dropdown>
);
