/**
 * How many rows one unit of `--factor` adds: what grows in real use, in the proportions a busy
 * secretariat would see. Factor 100 gives about a million contributions and a million audit events.
 */
export interface ScalePlan {
  meetings: number;
  agendaItemsPerMeeting: number;
  /** One readout per meeting; each gets this many versions. */
  versionsPerReadout: number;
  contributions: number;
  incidents: number;
  taskings: number;
  updatesPerTasking: number;
  commitments: number;
  screeningBatches: number;
  rowsPerBatch: number;
  auditEvents: number;
}

export const PER_FACTOR: ScalePlan = {
  meetings: 20,
  agendaItemsPerMeeting: 3,
  versionsPerReadout: 3,
  contributions: 10_000,
  incidents: 100,
  taskings: 40,
  updatesPerTasking: 2,
  commitments: 40,
  screeningBatches: 2,
  rowsPerBatch: 250,
  auditEvents: 10_000,
};

/** `perUnit` lets a test grow by small units: what it checks is how costs change with the factor. */
export function planFor(factor: number, perUnit: ScalePlan = PER_FACTOR): ScalePlan {
  const scaled = Object.entries(perUnit).map(([key, perUnit]) =>
    // Ratios within a record (agenda items per meeting…) stay as they are; totals grow with the factor.
    [key, key.endsWith('PerMeeting') || key.endsWith('PerReadout') || key.endsWith('PerTasking') || key === 'rowsPerBatch' ? perUnit : perUnit * factor],
  );
  return Object.fromEntries(scaled) as unknown as ScalePlan;
}

/** Rows a plan writes, for the progress bar. */
export function totalRows(plan: ScalePlan): number {
  return (
    plan.meetings * (2 + plan.agendaItemsPerMeeting + plan.versionsPerReadout) +
    plan.contributions +
    plan.incidents +
    plan.taskings * (1 + plan.updatesPerTasking) +
    plan.commitments +
    plan.screeningBatches * (1 + plan.rowsPerBatch) +
    plan.auditEvents
  );
}
