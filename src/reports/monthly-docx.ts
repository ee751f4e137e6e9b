/** The monthly report as a Word document in the official layout (see official-docx.ts). */
import type { Letterhead } from './letterhead';
import type { MonthlyReport } from './monthly-report';
import { renderOfficialDocx } from './official-docx';
import { monthlyOfficialReport } from './report-text';

export { DOCX_MIME } from './official-docx';

export function renderMonthlyDocx(r: MonthlyReport, l: Letterhead, issuedOn: string): Promise<Buffer> {
  return renderOfficialDocx(monthlyOfficialReport(r, l, issuedOn));
}
