/** fast-xml-parser gives one child as a value and several as an array, and empty elements as '': always a list. */
export const asArray = <T>(value: T | T[] | undefined | null): T[] => (value === undefined || value === null || value === '' ? [] : Array.isArray(value) ? value : [value]);

/** An element or attribute value as trimmed text ('' when absent). */
export const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '');
