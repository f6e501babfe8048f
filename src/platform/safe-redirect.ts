/** Only same-site paths may be redirect targets (ASVS V5.1.5): `/x` yes, `//evil.example` or `https://…` no. */
export function safeLocalPath(candidate: unknown, fallback = '/'): string {
  if (typeof candidate !== 'string' || !candidate.startsWith('/')) return fallback;
  if (candidate.startsWith('//') || candidate.startsWith('/\\') || /[\r\n]/.test(candidate)) return fallback;
  return candidate;
}
