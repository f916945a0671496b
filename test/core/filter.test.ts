import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {compileFilter, filterNarrows, parseFilter, withStatusGroup} from '../../source/core/filter.js';
import type {Execution} from '../../source/core/types.js';

const rows: Execution[] = [
	{
		id: 'aaaa1111-x',
		region: 'us-east-1',
		documentName: 'AWS-RestartEC2Instance',
		status: 'Success',
		mode: 'Auto',
		automationType: 'Local',
		executedBy: 'arn:aws:iam::1:user/alice',
		currentStepName: 'start',
	},
	{
		id: 'bbbb2222-x',
		region: 'eu-west-1',
		documentName: 'AWS-StopEC2Instance',
		status: 'Failed',
		mode: 'Interactive',
		automationType: 'Local',
		executedBy: 'bob',
	},
	{
		id: 'cccc3333-x',
		region: 'us-east-1',
		documentName: 'Team-Patch',
		status: 'InProgress',
		mode: 'Auto',
		automationType: 'CrossAccount',
		executedBy: 'carol',
		currentStepName: 'patchFleet',
	},
	{id: 'dddd4444-x', region: 'eu-west-1', documentName: 'Team-Patch', status: 'Waiting', mode: 'Interactive'},
];

const ids = (expression: string): string[] => {
	const {predicate} = compileFilter(expression);
	return rows.filter(predicate).map(row => row.id.slice(0, 4));
};

describe('filter', () => {
	it.each([
		['', ['aaaa', 'bbbb', 'cccc', 'dddd']],
		['restart', ['aaaa']],
		['ALICE', ['aaaa']],
		['patchfleet', ['cccc']],
		['eu-west', ['bbbb', 'dddd']],
		['doc:aws-', ['aaaa', 'bbbb']],
		['document:Team', ['cccc', 'dddd']],
		['doc:patch', []],
		['status:failed', ['bbbb']],
		['status:running', ['cccc']],
		['status:waiting', ['dddd']],
		['type:cross', ['cccc']],
		['type:local', ['aaaa', 'bbbb', 'dddd']],
		['region:us', ['aaaa', 'cccc']],
		['mode:interactive', ['bbbb', 'dddd']],
		['id:bbbb', ['bbbb']],
		['!status:success', ['bbbb', 'cccc', 'dddd']],
		['doc:team region:eu', ['dddd']],
		['!doc:aws !status:waiting', ['cccc']],
		['"ec2instance"', ['aaaa', 'bbbb']],
	])('%j → %j', (expression, expected) => {
		expect(ids(expression)).toEqual(expected);
	});

	it('reports errors without throwing and keeps the good terms', () => {
		const parsed = parseFilter('colour:red status:failed ! region: "open');
		expect(parsed.errors).toEqual([
			'unterminated quote (")',
			'unknown column "colour" (use doc, status, type, region, mode or id)',
			'"!" needs a term after it',
			'"region:" needs a value',
		]);
		expect(parsed.terms.map(term => term.column)).toContain('status');
		expect(ids('colour:red status:failed')).toEqual(['bbbb']);
	});

	it('keeps spaces inside quoted values', () => {
		expect(parseFilter('"two words" x').terms.map(term => term.value)).toEqual(['two words', 'x']);
	});
});

describe('withStatusGroup (quick filters)', () => {
	it('adds, replaces, toggles off and clears the status term', () => {
		expect(withStatusGroup('doc:aws', 'problem')).toBe('doc:aws status:problem');
		expect(withStatusGroup('doc:aws status:problem', 'running')).toBe('doc:aws status:running');
		expect(withStatusGroup('doc:aws status:running', 'running')).toBe('doc:aws');
		expect(withStatusGroup('status:failed region:eu', undefined)).toBe('region:eu');
	});
});

describe('filterNarrows', () => {
	const narrows = (previous: string, next: string): boolean => filterNarrows(parseFilter(previous), parseFilter(next));

	it.each([
		['sto', 'stop', true],
		['stop', 'xstopx', true],
		['stop', 'stop region:eu', true],
		['doc:aws', 'doc:aws-stop', true],
		['doc:aws', 'doc:xaws', false],
		['status:f', 'status:failed', false],
		['status:failed', 'status:failed doc:x', true],
		['!stop', '!stopx', false],
		['!stop', '!stop x', true],
		['stop', 'sto', false],
		['stop', '!stop', false],
		['', 'anything', true],
		['a b', 'b', false],
	])('%j then %j: %s', (previous, next, expected) => {
		expect(narrows(previous, next)).toBe(expected);
	});

	it('never claims a filter narrows another when it keeps a row the other drops', () => {
		const words = ['', 'a', 'aw', 'aws', 'aws-', 'p', 'pa', 'patch', 'e', 'eu', 'x'];
		const columns = ['', 'doc:', 'status:', 'region:', 'type:', 'mode:', 'id:', '!', '!doc:', '!status:'];
		const expression = fc
			.array(
				fc.tuple(fc.constantFrom(...columns), fc.constantFrom(...words.filter(Boolean))).map(([column, word]) => column + word),
				{maxLength: 3},
			)
			.map(terms => terms.join(' '));
		const extended = fc
			.tuple(expression, fc.constantFrom(...words), fc.constantFrom('', ' ', ' doc:a', ' !x'))
			.map(([base, more, tail]) => [base, base + more + tail] as const);
		fc.assert(
			fc.property(fc.oneof(fc.tuple(expression, expression), extended), ([previous, next]) => {
				if (!narrows(previous, next)) return;
				const kept = new Set(ids(previous));
				for (const id of ids(next)) expect(kept.has(id), `${JSON.stringify(next)} keeps ${id}, ${JSON.stringify(previous)} drops it`).toBe(true);
			}),
			{numRuns: 2000},
		);
	});
});
