/** The monthly report as a PDF with the same blocks and layout as the .docx (see official-pdf.ts). */
import type { Letterhead } from './letterhead';
import type { MonthlyReport } from './monthly-report';
import { renderOfficialPdf } from './official-pdf';
import { monthlyOfficialReport } from './report-text';

export { PDF_MIME } from './official-pdf';

export function renderMonthlyPdf(r: MonthlyReport, l: Letterhead, issuedOn: string): Promise<Buffer> {
  return renderOfficialPdf(monthlyOfficialReport(r, l, issuedOn));
}
