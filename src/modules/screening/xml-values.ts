import type { XmlValue } from './xml-records.ts';

/** An element present once is a value, several times an array, and an empty one '': always a list. */
export const asArray = <T>(value: T | T[] | undefined | null): T[] => (value === undefined || value === null || value === '' ? [] : Array.isArray(value) ? value : [value]);

/** An element or attribute value as trimmed text ('' when absent or not text). */
export const text = (value: XmlValue | undefined): string => (typeof value === 'string' ? value.trim() : '');

/** A child element as a record ({} when absent or text only). */
export const child = (value: XmlValue | undefined): Record<string, XmlValue> => (value && typeof value === 'object' && !Array.isArray(value) ? value : {});

/** Every occurrence of a repeated child element, as records. */
export const children = (value: XmlValue | undefined): Record<string, XmlValue>[] => asArray(value).map(child);
