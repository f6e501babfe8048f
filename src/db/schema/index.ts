export * from './audit.ts';
export * from './common.ts';
export * from './identity.ts';
export * from './partners.ts';
export * from './meetings.ts';
export * from './readouts.ts';
export * from './funding.ts';
export * from './detention.ts';
