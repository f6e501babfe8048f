import type { FastifyReply } from 'fastify';
import writeXlsxFile from 'write-excel-file/node';

/** Text, a number, an empty cell, or a number with its display format (money with its decimals). */
export type XlsxCell = string | number | null | { value: number; format: string };

/** A one-sheet spreadsheet download: bold header row, numbers kept as numbers so spreadsheets can sum them. */
export async function sendXlsx(reply: FastifyReply, filename: string, sheet: string, columns: readonly string[], rows: readonly (readonly XlsxCell[])[]): Promise<FastifyReply> {
  const cell = (value: XlsxCell) => {
    if (value === null) return null;
    if (typeof value === 'string') return { value, type: String };
    if (typeof value === 'number') return { value, type: Number };
    return { value: value.value, type: Number, format: value.format };
  };
  const data = [columns.map((value) => ({ value, fontWeight: 'bold' as const })), ...rows.map((row) => row.map(cell))];
  return reply
    .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .send(await writeXlsxFile(data as never, { sheet }).toBuffer());
}
