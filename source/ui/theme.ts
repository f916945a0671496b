/**
 * Semantic colours. Only the terminal's own 8 base colours are used, so they
 * follow its palette and stay readable on dark and light backgrounds; emphasis
 * that must survive NO_COLOR uses bold/inverse, not colour.
 */
import type {ExecutionStatus} from '../core/types.js';
import {statusGroup, type StatusGroup} from '../core/status.js';
import type {ProgressKind} from '../core/progress.js';

export type ThemeColor = 'green' | 'red' | 'yellow' | 'cyan' | 'magenta' | 'blue';

export interface Theme {
	/** False under NO_COLOR / --no-color: no colour at all, only bold, dim and inverse. */
	readonly color: boolean;
	/** Plain ASCII symbols for terminals without Unicode. */
	readonly ascii: boolean;
	/** The terminal shows OSC 8 hyperlinks (source/cli/hyperlink-support.ts); absent: it does not. */
	readonly hyperlinks?: boolean;
}

export const DEFAULT_THEME: Theme = {color: true, ascii: false};

const GROUP_COLORS: Readonly<Record<StatusGroup, ThemeColor | undefined>> = {
	running: 'cyan',
	waiting: 'yellow',
	success: 'green',
	problem: 'red',
	cancelled: 'magenta',
	other: undefined,
};

const PROGRESS_COLORS: Readonly<Record<ProgressKind, ThemeColor | undefined>> = {
	success: 'green',
	failed: 'red',
	cancelled: 'magenta',
	timedOut: 'yellow',
	remaining: undefined,
};

export function groupColor(theme: Theme, group: StatusGroup): ThemeColor | undefined {
	return theme.color ? GROUP_COLORS[group] : undefined;
}

export function statusColor(theme: Theme, status: ExecutionStatus): ThemeColor | undefined {
	return groupColor(theme, statusGroup(status));
}

export function progressColor(theme: Theme, kind: ProgressKind): ThemeColor | undefined {
	return theme.color ? PROGRESS_COLORS[kind] : undefined;
}

/** A colour for emphasis elements (header context, errors) that disappears without colour. */
export function tint(theme: Theme, color: ThemeColor): ThemeColor | undefined {
	return theme.color ? color : undefined;
}

/** NO_COLOR (any non-empty value, per no-color.org) or --no-color; ASCII when the locale is not UTF-8. */
export function themeFromEnvironment(env: NodeJS.ProcessEnv, options: {noColor?: boolean} = {}): Theme {
	const noColor = options.noColor === true || (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '');
	const locale = env['LC_ALL'] || env['LC_CTYPE'] || env['LANG'] || '';
	const ascii = locale !== '' && !/utf-?8/i.test(locale);
	return {color: !noColor, ascii};
}

const ASCII_GLYPHS: Readonly<Record<string, string>> = {
	'·': '-',
	'…': '...',
	'×': 'x',
	'—': '-',
	'→': '->',
	'↑': '^',
	'↓': 'v',
	'↳': '>',
	'✗': 'x',
	'↔': '<->',
};

/** Typographic characters of the UI's own texts, spelled in ASCII when the theme asks for it. */
export function glyphs(theme: Theme, text: string): string {
	return theme.ascii ? text.replaceAll(/[·…×—→↑↓↳✗↔]/g, char => ASCII_GLYPHS[char] ?? char) : text;
}
