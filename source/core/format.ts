/**
 * Text formatting for the views: relative times, durations, short ids, status symbols, truncation.
 * Pure: `now` is passed in. Each time text has a `…ChangesAt` twin that says when the text will next
 * read differently, so a view re-renders then and not on every tick of the clock.
 */
import type {ExecutionStatus} from './types.js';
import {statusGroup} from './status.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "now", "12s ago", "3m ago", "2h ago", "4d ago"; a time in the future (clock skew) reads "now". */
export function relativeTime(at: number | undefined, now: number): string {
	if (at === undefined) return '-';
	const ago = now - at;
	if (ago < SECOND) return 'now';
	if (ago < MINUTE) return `${Math.floor(ago / SECOND)}s ago`;
	if (ago < HOUR) return `${Math.floor(ago / MINUTE)}m ago`;
	if (ago < DAY) return `${Math.floor(ago / HOUR)}h ago`;
	return `${Math.floor(ago / DAY)}d ago`;
}

/**
 * The first time after `now` at which relativeTime(at, ·) reads differently: "12s ago" changes
 * each second, "3m ago" each minute, "2h ago" each hour, "4d ago" each day.
 */
export function relativeTimeChangesAt(at: number | undefined, now: number): number {
	if (at === undefined) return Number.POSITIVE_INFINITY;
	const ago = now - at;
	if (ago < SECOND) return at + SECOND;
	return at + nextBoundary(ago, ago < MINUTE ? SECOND : ago < HOUR ? MINUTE : ago < DAY ? HOUR : DAY);
}

/** The next multiple of `unit` above `value`. */
const nextBoundary = (value: number, unit: number): number => (Math.floor(value / unit) + 1) * unit;

/** The unit formatDuration shows a duration of `ms` to: seconds below an hour, then minutes, then hours. */
function durationUnit(ms: number): number {
	if (ms < HOUR) return SECOND;
	return ms < DAY ? MINUTE : HOUR;
}

/** The first duration above `ms` that formatDuration writes differently. */
export function durationChangesAt(ms: number): number {
	if (ms < 0) return SECOND;
	return nextBoundary(ms, durationUnit(ms));
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Compact duration: "0s", "45s", "3m05s", "1h02m", "2d03h". */
export function formatDuration(ms: number): string {
	const total = Math.max(0, Math.floor(ms / SECOND));
	if (total < 60) return `${total}s`;
	const minutes = Math.floor(total / 60);
	if (minutes < 60) return `${minutes}m${pad2(total % 60)}s`;
	const hours = Math.floor(minutes / 60);
	if (hours < 24) return `${hours}h${pad2(minutes % 60)}m`;
	return `${Math.floor(hours / 24)}d${pad2(hours % 24)}h`;
}

/** Duration of something that started and may still be running (then it counts up to `now`). */
export function elapsed(start: number | undefined, end: number | undefined, now: number): string {
	if (start === undefined) return '-';
	return formatDuration((end ?? now) - start);
}

/** The first time after `now` at which elapsed(start, end, ·) reads differently: never once it has ended. */
export function elapsedChangesAt(start: number | undefined, end: number | undefined, now: number): number {
	if (start === undefined || end !== undefined) return Number.POSITIVE_INFINITY;
	return start + durationChangesAt(now - start);
}

/**
 * The first time after `now` at which formatDuration(until - ·), a countdown, reads differently
 * (`until` itself, at the latest: a countdown ends there).
 */
export function countdownChangesAt(until: number, now: number): number {
	const left = until - now;
	if (left <= 0) return Number.POSITIVE_INFINITY;
	// The text holds while the time left stays at or above the start of its unit.
	const unit = durationUnit(left);
	return Math.min(until, until - Math.floor(left / unit) * unit + 1);
}

/** Absolute UTC time, to the second: "2026-11-25 11:29:55". UTC so every reader sees the same text. */
export function formatTimestamp(at: number | undefined): string {
	if (at === undefined) return '-';
	return new Date(at).toISOString().replace('T', ' ').slice(0, 19);
}

/** Execution ids are UUIDs: the first block is enough to tell rows apart on screen. */
export function shortId(id: string, length = 8): string {
	return id.length <= length ? id : id.slice(0, length);
}

const UNICODE_SYMBOLS: Record<string, string> = {
	running: '▶',
	waiting: '⏸',
	success: '✓',
	problem: '✗',
	cancelled: '⊘',
	other: '•',
};

const ASCII_SYMBOLS: Record<string, string> = {
	running: '>',
	waiting: '=',
	success: '+',
	problem: 'x',
	cancelled: '-',
	other: '.',
};

/** One-character status symbol; `ascii` for terminals without Unicode. */
export function statusSymbol(status: ExecutionStatus, ascii = false): string {
	const group = statusGroup(status);
	return (ascii ? ASCII_SYMBOLS : UNICODE_SYMBOLS)[group] ?? '?';
}

/** Cut text to `width` characters, marking the cut with an ellipsis ("~" in ASCII mode). */
export function truncate(text: string, width: number, ascii = false): string {
	if (width <= 0) return '';
	const chars = [...text];
	if (chars.length <= width) return text;
	return chars.slice(0, width - 1).join('') + (ascii ? '~' : '…');
}

/** Exactly `width` characters: truncated or padded with spaces (right-aligned when asked). */
export function fit(text: string, width: number, options: {ascii?: boolean; alignRight?: boolean} = {}): string {
	const cut = truncate(text, width, options.ascii);
	const length = [...cut].length;
	const padding = ' '.repeat(Math.max(0, width - length));
	return options.alignRight ? padding + cut : cut + padding;
}

/** A parameter value list as one line: single values bare, lists comma-separated. */
export function formatValues(values: readonly string[] | undefined): string {
	if (!values || values.length === 0) return '';
	return values.join(', ');
}
