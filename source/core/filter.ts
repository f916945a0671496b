/**
 * The filter language of `/` and `--filter`: space-separated terms, all of which
 * must match (AND). A term is free text (matched case-insensitively against id,
 * document, status, region, executed-by and current step) or `column:value`;
 * `!` in front negates it; double quotes keep spaces inside a value.
 * Errors are reported, never thrown, so a half-typed filter never breaks the list.
 */
import type {Execution} from './types.js';
import {statusGroup, type StatusGroup} from './status.js';

export type FilterColumn = 'document' | 'status' | 'type' | 'region' | 'mode' | 'id';

export interface FilterTerm {
	readonly column?: FilterColumn;
	readonly value: string;
	readonly negated: boolean;
}

export interface ParsedFilter {
	readonly terms: readonly FilterTerm[];
	readonly errors: readonly string[];
}

const COLUMN_ALIASES: Readonly<Record<string, FilterColumn>> = {
	doc: 'document',
	document: 'document',
	status: 'status',
	type: 'type',
	region: 'region',
	mode: 'mode',
	id: 'id',
};

const STATUS_GROUPS = new Set<string>(['running', 'waiting', 'success', 'problem', 'cancelled', 'other']);

/** Split on spaces outside double quotes; reports an unterminated quote. */
function tokenize(expression: string): {tokens: string[]; error?: string} {
	const tokens: string[] = [];
	let current = '';
	let quoted = false;
	let started = false;
	for (const char of expression) {
		if (char === '"') {
			quoted = !quoted;
			started = true;
		} else if (/\s/.test(char) && !quoted) {
			if (started) tokens.push(current);
			current = '';
			started = false;
		} else {
			current += char;
			started = true;
		}
	}
	if (started) tokens.push(current);
	return quoted ? {tokens, error: 'unterminated quote (")'} : {tokens};
}

export function parseFilter(expression: string): ParsedFilter {
	const {tokens, error} = tokenize(expression);
	const errors: string[] = error ? [error] : [];
	const terms: FilterTerm[] = [];
	for (const token of tokens) {
		const negated = token.startsWith('!');
		const body = negated ? token.slice(1) : token;
		if (body === '') {
			errors.push('"!" needs a term after it');
			continue;
		}
		const colon = body.indexOf(':');
		if (colon <= 0) {
			terms.push({value: body.toLowerCase(), negated});
			continue;
		}
		const name = body.slice(0, colon).toLowerCase();
		const value = body.slice(colon + 1).toLowerCase();
		const column = COLUMN_ALIASES[name];
		if (!column) {
			errors.push(`unknown column "${name}" (use doc, status, type, region, mode or id)`);
			continue;
		}
		if (value === '') {
			errors.push(`"${name}:" needs a value`);
			continue;
		}
		terms.push({column, value, negated});
	}
	return {terms, errors};
}

/** What a term without a column searches. */
const searchedFields = (execution: Execution): Array<string | undefined> => [
	execution.id,
	execution.documentName,
	execution.status,
	execution.region,
	execution.executedBy,
	execution.currentStepName,
];

const FIELD_SEPARATOR = '\u0000';
/**
 * Those fields lower-cased and joined, once per execution (executions are replaced when they
 * change, never edited): each character typed in the `/` prompt filters 10,000 executions again.
 */
const searchTexts = new WeakMap<Execution, string>();

function searchText(execution: Execution): string {
	let text = searchTexts.get(execution);
	if (text === undefined) {
		text = searchedFields(execution)
			.map(field => (field ?? '').toLowerCase())
			.join(FIELD_SEPARATOR);
		searchTexts.set(execution, text);
	}

	return text;
}

function matchesStatus(execution: Execution, value: string): boolean {
	if (STATUS_GROUPS.has(value)) return statusGroup(execution.status) === (value as StatusGroup);
	return execution.status.toLowerCase() === value;
}

function matchesTerm(execution: Execution, term: FilterTerm): boolean {
	const lower = (text: string | undefined): string => (text ?? '').toLowerCase();
	switch (term.column) {
		case 'document':
			return lower(execution.documentName).startsWith(term.value);
		case 'status':
			return matchesStatus(execution, term.value);
		case 'type':
			return lower(execution.automationType ?? 'Local').startsWith(term.value);
		case 'region':
			return lower(execution.region).startsWith(term.value);
		case 'mode':
			return lower(execution.mode).startsWith(term.value);
		case 'id':
			return lower(execution.id).startsWith(term.value);
		case undefined:
			return term.value.includes(FIELD_SEPARATOR)
				? searchedFields(execution).some(field => lower(field).includes(term.value))
				: searchText(execution).includes(term.value);
	}
}

export function matchesFilter(execution: Execution, filter: ParsedFilter): boolean {
	return filter.terms.every(term => matchesTerm(execution, term) !== term.negated);
}

/** One term as a test of its own (the switch on its column taken once, not per execution). */
function termTest(term: FilterTerm): (execution: Execution) => boolean {
	const {value, negated} = term;
	if (term.column === undefined && !value.includes(FIELD_SEPARATOR)) return execution => searchText(execution).includes(value) !== negated;
	return execution => matchesTerm(execution, term) !== negated;
}

/** The filter as one predicate plus what was wrong with it (bad terms are ignored, good ones still apply). */
export function compileFilter(expression: string): {
	readonly predicate: (execution: Execution) => boolean;
	readonly errors: readonly string[];
	readonly parsed: ParsedFilter;
} {
	const parsed = parseFilter(expression);
	const tests = parsed.terms.map(termTest);
	const [only] = tests;
	const predicate = tests.length === 1 && only ? only : (execution: Execution) => tests.every(test => test(execution));
	return {predicate, errors: parsed.errors, parsed};
}

/** Columns a longer value can only narrow: free text (a substring) and the columns matched by prefix. */
const narrowedByLongerValue = (column: FilterColumn | undefined): boolean => column !== 'status';

/**
 * Whether every execution `next` matches is one `previous` matches too, so that `next` can filter
 * what `previous` kept instead of every execution (typing on in the `/` prompt: "sto" → "stop",
 * "stop" → "stop region:eu"). True when each term of `previous` is implied by a term of `next`:
 * the same term, or the same column and sense with a value that holds the old one (free text is
 * matched as a substring, the other columns but status by prefix; a negated term only by itself).
 */
export function filterNarrows(previous: ParsedFilter, next: ParsedFilter): boolean {
	return previous.terms.every(old =>
		next.terms.some(
			term =>
				term.column === old.column &&
				term.negated === old.negated &&
				(term.value === old.value ||
					(!old.negated &&
						narrowedByLongerValue(old.column) &&
						(old.column === undefined ? term.value.includes(old.value) : term.value.startsWith(old.value)))),
		),
	);
}

/**
 * Status quick-filter: replace any `status:` term with `status:<group>`, or drop
 * it when that group is already the one applied (the key toggles). `undefined` clears.
 */
export function withStatusGroup(expression: string, group: StatusGroup | undefined): string {
	const {tokens} = tokenize(expression);
	const isStatusTerm = (token: string): boolean => /^!?status:/i.test(token);
	const current = tokens.find(isStatusTerm);
	const others = tokens.filter(token => !isStatusTerm(token)).map(token => (/\s/.test(token) ? `"${token}"` : token));
	const toggledOff = group === undefined || current?.toLowerCase() === `status:${group}`;
	return (toggledOff ? others : [...others, `status:${group}`]).join(' ');
}
