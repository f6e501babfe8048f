/**
 * Pattern sources of the reference gazetteer's names, by a digest of the names they match: empty here;
 * the command line's build fills it (scripts/build-cli.mjs), so the command does not write them out
 * again each time it starts (issue 17). A list of names not found here is written as it is asked for.
 */
export const PREBUILT_PATTERNS: ReadonlyMap<string, string> = new Map();
