import type { FastifyReply } from 'fastify';
import { sendCsv } from '../../platform/views/render.ts';
import { sendXlsx } from '../../platform/views/xlsx.ts';
import { tableCsv, tableXlsxRows } from './funding-exports.ts';
import type { FundingTable } from './funding-tables.ts';

/** A funding table as a CSV or XLSX download. */
export async function sendTable(reply: FastifyReply, table: FundingTable, filename: string, format: 'csv' | 'xlsx') {
  if (format === 'csv') return sendCsv(reply, `${filename}.csv`, tableCsv(table));
  return sendXlsx(reply, `${filename}.xlsx`, table.name, table.columns, tableXlsxRows(table));
}
