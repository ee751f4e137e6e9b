import type { SeriesRow } from '../../indicators/chart-series';
/**
 * Chỉ tiêu: the catalogue, one indicator's charts (actual against target, against the same
 * period last year; each downloadable as PNG, its data as .xlsx), entering figures on screen or
 * from the .xlsx template, and — for the office — reviewing the figures the reader proposes from
 * a notice. Vietnamese only for now; works at phone width (tables scroll, charts scale).
 */
import { useMemo, useRef, useState } from 'react';
import { api, get, post, agenciesList, type Doc } from '../api';
import { ErrorBox, Loading, PageTitle, isOffice, useAsync, useSession, useSubmit } from '../components';
import { fmtNumber } from '../format';
import { navigate, useLocation } from '../router';
import { parseVietnameseNumber } from '../../indicators/propose-indicators';
import { FIELD } from '../../shared/field-limits';

type Kind = 'month' | 'quarter' | 'half' | 'year';
interface Indicator {
  id: string;
  code: string;
  name: string;
  unit: string;
  periodKind: Kind;
  ownerAgencyId: string | null;
  ownerAgencyName?: string | null;
  direction: 'higher' | 'lower';
  note: string | null;
  latest?: { period: string; value: number; target: number | null } | null;
}
interface ValueRow {
  id: string;
  period: string;
  agencyId: string | null;
  agencyName: string | null;
  value: number;
  source: string;
  sourceText: string | null;
}
interface Proposal {
  id: string;
  name: string;
  value: number;
  unit: string;
  comparison: { relation: string; against: string | null; againstText: string | null };
  qualifier: string | null;
  sourceText: string;
  status: 'pending' | 'accepted' | 'rejected';
  indicatorId: string | null;
  suggestedPeriods: Record<Kind, string> | null;
}

const KIND_VI: Record<Kind, string> = { month: 'Tháng', quarter: 'Quý', half: '6 tháng', year: 'Năm' };
const KIND_EXAMPLE: Record<Kind, string> = { month: '2025-06', quarter: '2025-Q2', half: '2025-H1', year: '2025' };
const RELATION_VI: Record<string, string> = {
  level: 'đạt',
  increase: 'tăng',
  decrease: 'giảm',
  attain: 'đạt (so với kế hoạch)',
  exceed: 'vượt',
  above: 'cao hơn',
  below: 'thấp hơn',
};
const QUALIFIER_VI: Record<string, string> = { over: 'trên', under: 'dưới', about: 'khoảng', nearly: 'gần' };
const SOURCE_VI: Record<string, string> = { screen: 'nhập trên màn hình', xlsx: 'nhập từ Excel', notice: 'từ thông báo' };

const num = (n: number | null | undefined, unit = '') => (n === null || n === undefined ? '—' : `${fmtNumber(n)}${unit ? (unit === '%' ? '%' : ` ${unit}`) : ''}`);

export default function Indicators() {
  const { user } = useSession();
  const { path, params } = useLocation();
  const list = useAsync(() => get<{ items: Indicator[] }>('/api/indicators'), []);
  const selected = params.get('id');
  if (path === '/chi-tieu/de-xuat') return <Proposals indicators={list.data?.items ?? []} reloadList={list.reload} />;
  return (
    <>
      <PageTitle>Chỉ tiêu</PageTitle>
      <p className="muted">Các chỉ tiêu kinh tế - xã hội của tỉnh: số thực hiện so với kế hoạch và với cùng kỳ năm trước.</p>
      {isOffice(user) && (
        <p className="row">
          <a className="btn" href="/chi-tieu/de-xuat">
            Duyệt số liệu đề xuất từ thông báo
          </a>
        </p>
      )}
      <ErrorBox error={list.error} onRetry={list.reload} />
      {list.loading && !list.data && <Loading />}
      {list.data && (
        <div className="grid side">
          <section className="card" aria-labelledby="ind-list-h">
            <h2 id="ind-list-h">Danh mục chỉ tiêu</h2>
            {list.data.items.length === 0 && <p>Chưa có chỉ tiêu nào.</p>}
            <div className="table-scroll">
              <table className="simple" data-testid="indicator-list">
                <thead>
                  <tr>
                    <th>Chỉ tiêu</th>
                    <th>Kỳ gần nhất</th>
                    <th>Thực hiện</th>
                    <th>Kế hoạch</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((i) => (
                    <tr key={i.id} aria-current={i.id === selected ? 'true' : undefined}>
                      <td>
                        <a href={`/chi-tieu?id=${i.id}`}>{i.name}</a>
                        <br />
                        <small className="muted">
                          {i.code} · {KIND_VI[i.periodKind]} · {i.ownerAgencyName ?? 'Toàn tỉnh'}
                        </small>
                      </td>
                      <td>{i.latest?.period ?? '—'}</td>
                      <td>{num(i.latest?.value, i.unit)}</td>
                      <td>
                        {num(i.latest?.target, i.unit)}
                        {i.latest && i.latest.target !== null && (
                          <span className={i.direction === 'higher' ? (i.latest.value >= i.latest.target ? 'ok' : 'warn') : i.latest.value <= i.latest.target ? 'ok' : 'warn'}>
                            {' '}
                            {(i.direction === 'higher' ? i.latest.value >= i.latest.target : i.latest.value <= i.latest.target) ? '✓ đạt' : '✗ chưa đạt'}
                          </span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <div>
            <ImportBox onDone={list.reload} />
            {isOffice(user) && <NewIndicator onDone={(id) => { list.reload(); navigate(`/chi-tieu?id=${id}`); }} />}
          </div>
        </div>
      )}
      {selected && <IndicatorDetail key={selected} id={selected} onChanged={list.reload} />}
    </>
  );
}

function IndicatorDetail({ id, onChanged }: { id: string; onChanged: () => void }) {
  const { user } = useSession();
  const [scope, setScope] = useState('');
  const detail = useAsync(() => get<{ indicator: Indicator; targets: { period: string; value: number; note: string | null }[]; values: ValueRow[] }>(`/api/indicators/${id}`), [id]);
  const series = useAsync(() => get<{ rows: SeriesRow[] }>(`/api/indicators/${id}/series`, { agencyId: scope || undefined }), [id, scope]);
  const agencies = useAsync(() => (user.role === 'agency' ? Promise.resolve([]) : agenciesList()), []);
  if (detail.error) return <ErrorBox error={detail.error} onRetry={detail.reload} />;
  if (!detail.data) return <Loading />;
  const { indicator: ind, values, targets } = detail.data;
  const reload = () => {
    detail.reload();
    series.reload();
    onChanged();
  };
  const scopes = user.role === 'agency' ? (user.agencyId ? [{ id: user.agencyId, name: user.agencyName ?? 'Cơ quan tôi' }] : []) : (agencies.data ?? []);
  const xlsxHref = `/api/indicators/${id}/series.xlsx${scope ? `?agencyId=${scope}` : ''}`;
  return (
    <section className="card" aria-labelledby="ind-h" data-testid="indicator-detail">
      <h2 id="ind-h">
        {ind.name} ({ind.unit})
      </h2>
      <p className="muted">
        Mã {ind.code} · kỳ {KIND_VI[ind.periodKind].toLowerCase()} · {ind.direction === 'higher' ? 'càng cao càng tốt' : 'càng thấp càng tốt'}
        {ind.ownerAgencyName ? ` · chủ trì: ${ind.ownerAgencyName}` : ''}
      </p>
      <div className="row">
        <div className="field" style={{ maxWidth: '26rem' }}>
          <label htmlFor="ind-scope">Phạm vi</label>
          <select id="ind-scope" value={scope} onChange={(e) => setScope(e.target.value)}>
            <option value="">Toàn tỉnh</option>
            {scopes.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ErrorBox error={series.error} />
      {series.data && series.data.rows.length === 0 && <p>Chưa có số liệu cho phạm vi này.</p>}
      {series.data && series.data.rows.length > 0 && (
        <div className="grid two">
          <Chart
            id={`target-${id}`}
            title={`${ind.name}: thực hiện so với kế hoạch`}
            unit={ind.unit}
            rows={series.data.rows}
            bars={[
              { key: 'actual', label: 'Thực hiện', color: '#1565c0' },
              { key: 'target', label: 'Kế hoạch', color: '#9e9e9e' },
            ]}
            xlsxHref={xlsxHref}
            fileName={`chi-tieu-${ind.code.toLowerCase()}-ke-hoach`}
          />
          <Chart
            id={`yoy-${id}`}
            title={`${ind.name}: so với cùng kỳ năm trước`}
            unit={ind.unit}
            rows={series.data.rows.filter((r) => r.actual !== null)}
            bars={[
              { key: 'actual', label: 'Kỳ này', color: '#1565c0' },
              { key: 'lastYear', label: 'Cùng kỳ năm trước', color: '#ef6c00' },
            ]}
            xlsxHref={xlsxHref}
            fileName={`chi-tieu-${ind.code.toLowerCase()}-cung-ky`}
          />
        </div>
      )}
      {series.data && series.data.rows.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Bảng số liệu của biểu đồ">
          <table className="simple" data-testid="series-table">
            <caption className="sr-only">Số liệu của biểu đồ</caption>
            <thead>
              <tr>
                <th>Kỳ</th>
                <th>Thực hiện</th>
                <th>Kế hoạch</th>
                <th>Tỷ lệ đạt</th>
                <th>Cùng kỳ năm trước</th>
                <th>So với cùng kỳ</th>
              </tr>
            </thead>
            <tbody>
              {series.data.rows.map((r) => (
                <tr key={r.period}>
                  <td>{r.label}</td>
                  <td>{num(r.actual, ind.unit)}</td>
                  <td>{num(r.target, ind.unit)}</td>
                  <td>{r.attainment === null ? '—' : `${fmtNumber(r.attainment)}%${r.met === null ? '' : r.met ? ' (đạt)' : ' (chưa đạt)'}`}</td>
                  <td>{num(r.lastYear, ind.unit)}</td>
                  <td>{r.changeVsLastYear === null ? '—' : `${r.changeVsLastYear > 0 ? '+' : ''}${fmtNumber(r.changeVsLastYear)}%`}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="hint">Tỷ lệ đạt = thực hiện / kế hoạch × 100 (chỉ tiêu càng thấp càng tốt: kế hoạch / thực hiện × 100); bằng kế hoạch là đạt.</p>
        </div>
      )}
      <EnterValue indicator={ind} scopes={user.role === 'agency' ? scopes : [{ id: '', name: 'Toàn tỉnh' }, ...scopes]} onDone={reload} />
      {isOffice(user) && <Targets indicator={ind} targets={targets} onDone={reload} />}
      <details>
        <summary>Tất cả số liệu đã nhập ({values.length})</summary>
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Bảng số liệu đã nhập">
          <table className="simple">
            <thead>
              <tr>
                <th>Kỳ</th>
                <th>Phạm vi</th>
                <th>Giá trị</th>
                <th>Nguồn</th>
              </tr>
            </thead>
            <tbody>
              {values.map((v) => (
                <tr key={v.id}>
                  <td>{v.period}</td>
                  <td>{v.agencyName ?? 'Toàn tỉnh'}</td>
                  <td>{num(v.value, ind.unit)}</td>
                  <td>
                    {SOURCE_VI[v.source] ?? v.source}
                    {v.sourceText && <small className="muted"> — “{v.sourceText}”</small>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}

/** Grouped bars per period; the SVG is self-contained (inline styles) so it can become a PNG. */
function Chart({
  id,
  title,
  unit,
  rows,
  bars,
  xlsxHref,
  fileName,
}: {
  id: string;
  title: string;
  unit: string;
  rows: SeriesRow[];
  bars: { key: 'actual' | 'target' | 'lastYear'; label: string; color: string }[];
  xlsxHref: string;
  fileName: string;
}) {
  const ref = useRef<SVGSVGElement>(null);
  const [pngError, setPngError] = useState<string | null>(null);
  const w = 480;
  const h = 260;
  const pad = { l: 56, r: 12, t: 34, b: 48 };
  const all = rows.flatMap((r) => bars.map((b) => r[b.key])).filter((x): x is number => x !== null);
  const max = Math.max(0, ...all);
  const min = Math.min(0, ...all);
  const span = max - min || 1;
  const y = (v: number) => pad.t + ((max - v) / span) * (h - pad.t - pad.b);
  const groupW = (w - pad.l - pad.r) / Math.max(rows.length, 1);
  const barW = Math.min(36, (groupW * 0.8) / bars.length);
  const ticks = useMemo(() => [min, min + span / 2, max], [min, max, span]);
  const downloadPng = async () => {
    setPngError(null);
    try {
      const svg = ref.current!;
      const xml = new XMLSerializer().serializeToString(svg);
      const img = new Image();
      const url = URL.createObjectURL(new Blob([xml], { type: 'image/svg+xml;charset=utf-8' }));
      await new Promise<void>((resolve, reject) => {
        img.onload = () => resolve();
        img.onerror = () => reject(new Error('svg'));
        img.src = url;
      });
      const scale = 2;
      const canvas = document.createElement('canvas');
      canvas.width = w * scale;
      canvas.height = h * scale;
      const g = canvas.getContext('2d')!;
      g.fillStyle = '#fff';
      g.fillRect(0, 0, canvas.width, canvas.height);
      g.drawImage(img, 0, 0, canvas.width, canvas.height);
      URL.revokeObjectURL(url);
      const blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/png'));
      if (!blob) throw new Error('png');
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `${fileName}.png`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 1000);
    } catch {
      setPngError('Không tạo được ảnh PNG trên trình duyệt này.');
    }
  };
  return (
    <figure className="card" style={{ margin: 0 }}>
      <svg
        ref={ref}
        xmlns="http://www.w3.org/2000/svg"
        viewBox={`0 0 ${w} ${h}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-t`}
        data-testid={`chart-${id.split('-')[0]}`}
        style={{ fontFamily: 'Arial, sans-serif', background: '#fff' }}
      >
        <title id={`${id}-t`}>{title}</title>
        <text x={pad.l} y={14} fontSize="12" fontWeight="bold" fill="#222">
          {title}
        </text>
        {bars.map((b, i) => (
          <g key={b.key}>
            <rect x={pad.l + i * 140} y={20} width={10} height={10} fill={b.color} />
            <text x={pad.l + i * 140 + 14} y={29} fontSize="11" fill="#222">
              {b.label}
            </text>
          </g>
        ))}
        {ticks.map((v, i) => (
          <g key={i}>
            <line x1={pad.l} x2={w - pad.r} y1={y(v)} y2={y(v)} stroke="#e0e0e0" />
            <text x={pad.l - 4} y={y(v) + 4} fontSize="10" textAnchor="end" fill="#555">
              {fmtNumber(v, 1)}
            </text>
          </g>
        ))}
        <line x1={pad.l} x2={w - pad.r} y1={y(0)} y2={y(0)} stroke="#555" />
        {rows.map((r, gi) => {
          const x0 = pad.l + gi * groupW + (groupW - barW * bars.length) / 2;
          return (
            <g key={r.period}>
              {bars.map((b, bi) => {
                const v = r[b.key];
                if (v === null) return null;
                const top = Math.min(y(v), y(0));
                return (
                  <g key={b.key}>
                    <rect x={x0 + bi * barW} y={top} width={barW - 2} height={Math.max(1, Math.abs(y(v) - y(0)))} fill={b.color}>
                      <title>{`${r.label} — ${b.label}: ${num(v, unit)}`}</title>
                    </rect>
                    <text x={x0 + bi * barW + (barW - 2) / 2} y={top - 3} fontSize="9" textAnchor="middle" fill="#222">
                      {fmtNumber(v, 1)}
                    </text>
                  </g>
                );
              })}
              <text x={pad.l + gi * groupW + groupW / 2} y={h - pad.b + 14} fontSize="10" textAnchor="middle" fill="#222">
                {r.period}
              </text>
            </g>
          );
        })}
        <text x={w - pad.r} y={h - 6} fontSize="9" textAnchor="end" fill="#777">
          Đơn vị: {unit} · dondoc
        </text>
      </svg>
      <figcaption className="row">
        <button type="button" onClick={() => void downloadPng()}>
          Tải ảnh PNG
        </button>
        <a className="btn" href={xlsxHref} download>
          Tải số liệu .xlsx
        </a>
        {pngError && <span role="alert">{pngError}</span>}
      </figcaption>
    </figure>
  );
}

function EnterValue({ indicator, scopes, onDone }: { indicator: Indicator; scopes: { id: string; name: string }[]; onDone: () => void }) {
  const [period, setPeriod] = useState('');
  const [agencyId, setAgencyId] = useState(scopes[0]?.id ?? '');
  const [value, setValue] = useState('');
  const s = useSubmit();
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const n = parseVietnameseNumber(value);
    if (n === null) return s.setError(new Error(`"${value}" không phải là số (viết kiểu 2.394 hoặc 6,56).`));
    void s.run(async () => {
      await api('PUT', `/api/indicators/${indicator.id}/values`, { values: [{ period: period.trim(), agencyId: agencyId || null, value: n }] });
      setValue('');
      onDone();
    }, 'Đã lưu số liệu.');
  };
  return (
    <form onSubmit={submit} className="card" aria-labelledby={`enter-${indicator.id}`}>
      <h3 id={`enter-${indicator.id}`}>Nhập số liệu</h3>
      <div className="row">
        <div className="field">
          <label htmlFor="ev-period">Kỳ ({KIND_VI[indicator.periodKind].toLowerCase()}, ví dụ {KIND_EXAMPLE[indicator.periodKind]})</label>
          <input id="ev-period" maxLength={7} required value={period} onChange={(e) => setPeriod(e.target.value)} placeholder={KIND_EXAMPLE[indicator.periodKind]} />
        </div>
        <div className="field">
          <label htmlFor="ev-scope">Phạm vi</label>
          <select id="ev-scope" value={agencyId} onChange={(e) => setAgencyId(e.target.value)}>
            {scopes.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ev-value">Giá trị ({indicator.unit})</label>
          <input id="ev-value" maxLength={40} required inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} />
        </div>
        <div className="field" style={{ flex: '0 0 auto' }}>
          <button type="submit" className="primary" disabled={s.busy}>
            Lưu
          </button>
        </div>
      </div>
      <ErrorBox error={s.error} />
      {s.done && <p role="status">{s.done}</p>}
    </form>
  );
}

function Targets({ indicator, targets, onDone }: { indicator: Indicator; targets: { period: string; value: number; note: string | null }[]; onDone: () => void }) {
  const [period, setPeriod] = useState('');
  const [value, setValue] = useState('');
  const s = useSubmit();
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const n = value.trim() === '' ? null : parseVietnameseNumber(value);
    if (value.trim() !== '' && n === null) return s.setError(new Error(`"${value}" không phải là số.`));
    void s.run(async () => {
      await api('PATCH', `/api/indicators/${indicator.id}`, { targets: [{ period: period.trim(), value: n }] });
      setValue('');
      onDone();
    }, n === null ? 'Đã xoá kế hoạch của kỳ.' : 'Đã lưu kế hoạch.');
  };
  return (
    <form onSubmit={submit} className="card" aria-labelledby={`tg-${indicator.id}`}>
      <h3 id={`tg-${indicator.id}`}>Kế hoạch theo kỳ</h3>
      <p className="muted">{targets.length ? targets.map((t) => `${t.period}: ${num(t.value, indicator.unit)}${t.note ? ` (${t.note})` : ''}`).join(' · ') : 'Chưa có kế hoạch.'}</p>
      <div className="row">
        <div className="field">
          <label htmlFor="tg-period">Kỳ</label>
          <input id="tg-period" maxLength={7} required value={period} onChange={(e) => setPeriod(e.target.value)} placeholder={KIND_EXAMPLE[indicator.periodKind]} />
        </div>
        <div className="field">
          <label htmlFor="tg-value">Kế hoạch ({indicator.unit}; để trống để xoá)</label>
          <input id="tg-value" maxLength={40} inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} />
        </div>
        <div className="field" style={{ flex: '0 0 auto' }}>
          <button type="submit" disabled={s.busy}>
            Lưu kế hoạch
          </button>
        </div>
      </div>
      <ErrorBox error={s.error} />
      {s.done && <p role="status">{s.done}</p>}
    </form>
  );
}

function ImportBox({ onDone }: { onDone: () => void }) {
  const s = useSubmit();
  const [file, setFile] = useState<File | null>(null);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!file) return;
    const fd = new FormData();
    fd.append('file', file);
    void s.run(async () => {
      const r = await api<{ saved: number }>('POST', '/api/indicators/import', fd);
      onDone();
      return r;
    }, 'Đã nhập số liệu từ tệp.');
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="imp-h">
      <h2 id="imp-h">Nhập từ Excel</h2>
      <p>
        <a href="/api/indicators/template.xlsx" download>
          Tải mẫu nhập số liệu (.xlsx)
        </a>
      </p>
      <div className="field">
        <label htmlFor="imp-file">Tệp đã điền</label>
        <input id="imp-file" type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </div>
      <button type="submit" disabled={!file || s.busy}>
        Nhập số liệu
      </button>
      <ErrorBox error={s.error} />
      {s.done && <p role="status">{s.done}</p>}
    </form>
  );
}

function NewIndicator({ onDone }: { onDone: (id: string) => void }) {
  const [f, setF] = useState({ code: '', name: '', unit: '', periodKind: 'year' as Kind, direction: 'higher' });
  const s = useSubmit();
  const set = (k: keyof typeof f) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setF({ ...f, [k]: e.target.value });
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    void s.run(async () => {
      const r = await post<{ id: string }>('/api/indicators', f);
      setF({ code: '', name: '', unit: '', periodKind: 'year', direction: 'higher' });
      onDone(r.id);
    }, 'Đã thêm chỉ tiêu.');
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="new-ind-h">
      <h2 id="new-ind-h">Thêm chỉ tiêu</h2>
      <div className="field">
        <label htmlFor="ni-code">Mã (không dấu)</label>
        <input id="ni-code" maxLength={40} required value={f.code} onChange={set('code')} />
      </div>
      <div className="field">
        <label htmlFor="ni-name">Tên chỉ tiêu</label>
        <input id="ni-name" maxLength={FIELD.name} required value={f.name} onChange={set('name')} />
      </div>
      <div className="row">
        <div className="field">
          <label htmlFor="ni-unit">Đơn vị tính</label>
          <input id="ni-unit" maxLength={FIELD.indicatorUnit} required value={f.unit} onChange={set('unit')} />
        </div>
        <div className="field">
          <label htmlFor="ni-kind">Kỳ</label>
          <select id="ni-kind" value={f.periodKind} onChange={set('periodKind')}>
            {(Object.keys(KIND_VI) as Kind[]).map((k) => (
              <option key={k} value={k}>
                {KIND_VI[k]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ni-dir">Đánh giá</label>
          <select id="ni-dir" value={f.direction} onChange={set('direction')}>
            <option value="higher">Càng cao càng tốt</option>
            <option value="lower">Càng thấp càng tốt</option>
          </select>
        </div>
      </div>
      <button type="submit" className="primary" disabled={s.busy}>
        Thêm
      </button>
      <ErrorBox error={s.error} />
      {s.done && <p role="status">{s.done}</p>}
    </form>
  );
}

function Proposals({ indicators, reloadList }: { indicators: Indicator[]; reloadList: () => void }) {
  const { user } = useSession();
  const { params } = useLocation();
  const documentId = params.get('documentId') ?? '';
  const docs = useAsync(() => get<{ items: Doc[] }>('/api/documents', { limit: 200 }), []);
  const proposals = useAsync(() => (documentId ? get<{ items: Proposal[] }>(`/api/documents/${documentId}/indicator-proposals`) : Promise.resolve({ items: [] as Proposal[] })), [documentId]);
  const read = useSubmit();
  if (!isOffice(user)) return <ErrorBox error={new Error('Chỉ Văn phòng UBND tỉnh duyệt số liệu đề xuất.')} />;
  return (
    <>
      <PageTitle>Số liệu đề xuất từ thông báo</PageTitle>
      <p className="muted">
        Bộ đọc tìm các con số trong phần đánh giá của thông báo kết luận. Mỗi số chỉ được lưu khi bạn nhận (có thể sửa); số bỏ qua không được lưu. <a href="/chi-tieu">← Chỉ tiêu</a>
      </p>
      <div className="row">
        <div className="field" style={{ maxWidth: '36rem' }}>
          <label htmlFor="pr-doc">Thông báo</label>
          <select id="pr-doc" value={documentId} onChange={(e) => navigate(`/chi-tieu/de-xuat${e.target.value ? `?documentId=${e.target.value}` : ''}`, { replace: true })}>
            <option value="">— chọn thông báo —</option>
            {(docs.data?.items ?? []).map((d) => (
              <option key={d.id} value={d.id}>
                {[d.number, d.subject].filter(Boolean).join(' — ') || d.id}
              </option>
            ))}
          </select>
        </div>
        {documentId && (
          <div className="field" style={{ flex: '0 0 auto' }}>
            <button type="button" disabled={read.busy} onClick={() => void read.run(async () => { await post(`/api/documents/${documentId}/indicator-proposals`); proposals.reload(); })}>
              Đọc số liệu từ thông báo
            </button>
          </div>
        )}
      </div>
      <ErrorBox error={read.error ?? proposals.error ?? docs.error} />
      {documentId && proposals.data && proposals.data.items.length === 0 && <p>Chưa có đề xuất. Bấm “Đọc số liệu từ thông báo”.</p>}
      <ul className="plain" data-testid="proposals">
        {(proposals.data?.items ?? []).map((p) => (
          <ProposalCard key={p.id} p={p} indicators={indicators} onDone={() => { proposals.reload(); reloadList(); }} />
        ))}
      </ul>
    </>
  );
}

function ProposalCard({ p, indicators, onDone }: { p: Proposal; indicators: Indicator[]; onDone: () => void }) {
  const [indicatorId, setIndicatorId] = useState('');
  const kindOf = (id: string) => indicators.find((i) => i.id === id)?.periodKind;
  const [fresh, setFresh] = useState({ code: '', name: p.name, unit: p.unit, periodKind: 'half' as Kind });
  const kind = indicatorId ? (kindOf(indicatorId) ?? 'half') : fresh.periodKind;
  const [period, setPeriod] = useState('');
  const [value, setValue] = useState(fmtNumber(p.value, 4));
  const s = useSubmit();
  const shownPeriod = period || p.suggestedPeriods?.[kind] || '';
  const comparison = [RELATION_VI[p.comparison.relation] ?? p.comparison.relation, p.qualifier ? QUALIFIER_VI[p.qualifier] : '', num(p.value, p.unit), p.comparison.againstText ? `so với ${p.comparison.againstText}` : ''].filter(Boolean).join(' ');
  const accept = (e: React.FormEvent) => {
    e.preventDefault();
    const n = parseVietnameseNumber(value.replace(/\s/g, ''));
    if (n === null) return s.setError(new Error(`"${value}" không phải là số.`));
    void s.run(async () => {
      await post(`/api/indicator-proposals/${p.id}/accept`, {
        ...(indicatorId ? { indicatorId } : { newIndicator: fresh }),
        period: shownPeriod,
        value: n,
      });
      onDone();
    });
  };
  return (
    <li className="card" data-status={p.status}>
      <p>
        <strong>{p.name}</strong>: {comparison}
      </p>
      <blockquote className="muted">“{p.sourceText}”</blockquote>
      {p.status !== 'pending' ? (
        <p>{p.status === 'accepted' ? `✓ Đã nhận${p.indicatorId ? ` vào chỉ tiêu ${indicators.find((i) => i.id === p.indicatorId)?.name ?? ''}` : ''}` : '✗ Đã bỏ qua'}</p>
      ) : (
        <form onSubmit={accept}>
          <div className="row">
            <div className="field">
              <label htmlFor={`pi-${p.id}`}>Chỉ tiêu</label>
              <select id={`pi-${p.id}`} value={indicatorId} onChange={(e) => setIndicatorId(e.target.value)}>
                <option value="">+ Chỉ tiêu mới</option>
                {indicators.map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.name} ({i.unit})
                  </option>
                ))}
              </select>
            </div>
            {!indicatorId && (
              <>
                <div className="field">
                  <label htmlFor={`pc-${p.id}`}>Mã</label>
                  <input id={`pc-${p.id}`} maxLength={40} required value={fresh.code} onChange={(e) => setFresh({ ...fresh, code: e.target.value })} />
                </div>
                <div className="field">
                  <label htmlFor={`pn-${p.id}`}>Tên</label>
                  <input id={`pn-${p.id}`} maxLength={FIELD.name} required value={fresh.name} onChange={(e) => setFresh({ ...fresh, name: e.target.value })} />
                </div>
                <div className="field">
                  <label htmlFor={`pu-${p.id}`}>Đơn vị</label>
                  <input id={`pu-${p.id}`} maxLength={FIELD.indicatorUnit} required value={fresh.unit} onChange={(e) => setFresh({ ...fresh, unit: e.target.value })} />
                </div>
                <div className="field">
                  <label htmlFor={`pk-${p.id}`}>Loại kỳ</label>
                  <select id={`pk-${p.id}`} value={fresh.periodKind} onChange={(e) => setFresh({ ...fresh, periodKind: e.target.value as Kind })}>
                    {(Object.keys(KIND_VI) as Kind[]).map((k) => (
                      <option key={k} value={k}>
                        {KIND_VI[k]}
                      </option>
                    ))}
                  </select>
                </div>
              </>
            )}
            <div className="field">
              <label htmlFor={`pp-${p.id}`}>Kỳ</label>
              <input id={`pp-${p.id}`} maxLength={7} required value={shownPeriod} onChange={(e) => setPeriod(e.target.value)} placeholder={KIND_EXAMPLE[kind]} />
            </div>
            <div className="field">
              <label htmlFor={`pv-${p.id}`}>Giá trị</label>
              <input id={`pv-${p.id}`} maxLength={40} required inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} />
            </div>
          </div>
          <div className="row">
            <button type="submit" className="primary" disabled={s.busy}>
              Nhận
            </button>
            <button type="button" disabled={s.busy} onClick={() => void s.run(async () => { await post(`/api/indicator-proposals/${p.id}/reject`); onDone(); })}>
              Bỏ qua
            </button>
          </div>
          <ErrorBox error={s.error} />
        </form>
      )}
    </li>
  );
}
