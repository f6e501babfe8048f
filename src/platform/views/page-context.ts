import type { FastifyRequest } from 'fastify';
import type { MaybeActor } from '../actor.ts';
import type { FlashKind } from '../flash.ts';
import { direction, type Locale, type Translate } from '../i18n/i18n.ts';

/** What every page component needs to know about the request it renders for. */
export interface PageContext {
  readonly t: Translate;
  readonly locale: Locale;
  readonly actor: MaybeActor;
  readonly csrfToken: string;
  /** Path and query of this page, to come back to after switching language. */
  readonly url: string;
  /** How many things wait for this user's action. */
  readonly attention: number;
  /** Whether the page reads right to left (Arabic): charts are drawn mirrored. */
  readonly rtl: boolean;
  /** The confirmation of the action that led here, said once (platform/flash.ts). */
  readonly flash?: FlashKind | null;
}

export function pageContext(request: FastifyRequest): PageContext {
  return { t: request.t, locale: request.locale, actor: request.actor, csrfToken: request.csrfToken, url: request.url, attention: request.attention, rtl: direction(request.locale) === 'rtl', flash: request.flash };
}
