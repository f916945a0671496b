/**
 * The filter language of `/` and `--filter`: space-separated terms, all of which
 * must match (AND). A term is free text (matched case-insensitively against id,
 * document, status, region, executed-by, current step and account name) or `column:value`
 * (`account:` matches the account's name or id);
 * `!` in front negates it; double quotes keep spaces inside a value.
 * Errors are reported, never thrown, so a half-typed filter never breaks the list.
 */
import type {Execution} from './types.js';
import {statusGroup, type StatusGroup} from './status.js';

export type FilterColumn = 'document' | 'status' | 'type' | 'region' | 'mode' | 'id' | 'account';

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
	account: 'account',
	acct: 'account',
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
			errors.push(`unknown column "${name}" (use doc, status, type, region, account, mode or id)`);
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
		case 'account':
			// The account's name (Organizations or profile) or its id.
			return lower(execution.accountName).startsWith(term.value) || lower(execution.account).startsWith(term.value);
		case undefined:
			return [
				execution.id,
				execution.documentName,
				execution.status,
				execution.region,
				execution.executedBy,
				execution.currentStepName,
				execution.accountName,
			].some(field => lower(field).includes(term.value));
	}
}

export function matchesFilter(execution: Execution, filter: ParsedFilter): boolean {
	return filter.terms.every(term => matchesTerm(execution, term) !== term.negated);
}

/** The filter as one predicate plus what was wrong with it (bad terms are ignored, good ones still apply). */
export function compileFilter(expression: string): {readonly predicate: (execution: Execution) => boolean; readonly errors: readonly string[]} {
	const parsed = parseFilter(expression);
	return {predicate: execution => matchesFilter(execution, parsed), errors: parsed.errors};
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
