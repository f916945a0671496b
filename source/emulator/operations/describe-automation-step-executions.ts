import {errors} from '../errors.js';
import type {StepRecord} from '../model.js';
import {stepExecution} from '../serialize.js';
import {Checker} from '../wire/checker.js';
import {DEFAULT_PAGE_SIZE, decodeToken, encodeToken} from '../wire/paging.js';
import {executionIdRule, executionStatuses} from '../wire/shapes.js';
import type {Operation} from './context.js';
import {type Filter, parseTime, readFilters, requireIn} from './filters.js';

const keys = [
	'StartTimeBefore',
	'StartTimeAfter',
	'StepExecutionStatus',
	'StepExecutionId',
	'StepName',
	'Action',
	'ParentStepExecutionId',
	'ParentStepIteration',
	'ParentStepIteratorValue',
] as const;

function predicate(filter: Filter): (step: StepRecord) => boolean {
	const values = filter.values;
	switch (filter.key) {
		case 'StartTimeBefore': {
			const limit = Math.min(...values.map(parseTime));
			return step => step.startTime !== undefined && step.startTime < limit;
		}

		case 'StartTimeAfter': {
			const limit = Math.max(...values.map(parseTime));
			return step => step.startTime !== undefined && step.startTime >= limit;
		}

		case 'StepExecutionStatus':
			requireIn(executionStatuses, filter);
			return step => values.includes(step.status);
		case 'StepExecutionId':
			return step => values.includes(step.stepExecutionId);
		case 'StepName':
			return step => values.includes(step.stepName);
		case 'Action':
			return step => values.includes(step.action);
		case 'ParentStepIteration':
			if (values.some(value => !/^\d+$/.test(value))) {
				throw errors.invalidFilterValue('ParentStepIteration takes whole numbers.');
			}

			return () => false;
		default:
			// ParentStepExecutionId / ParentStepIteratorValue: no emulated step runs inside an aws:loop.
			return () => false;
	}
}

/** Steps in start-time order (steps not yet started last, in runbook order); ReverseOrder flips it. */
export const describeAutomationStepExecutions: Operation = (input, {engine, caller}) => {
	const check = new Checker();
	const id = check.string(input['AutomationExecutionId'], 'AutomationExecutionId', executionIdRule)!;
	const filters = readFilters(check, input['Filters'], 6, keys) ?? [];
	const nextToken = check.string(input['NextToken'], 'NextToken');
	const maxResults = check.integer(input['MaxResults'], 'MaxResults', {min: 1, max: 50}) ?? DEFAULT_PAGE_SIZE;
	const reverse = check.boolean(input['ReverseOrder'], 'ReverseOrder') ?? false;
	check.finish();
	const execution = engine.find(caller.account, caller.region, id);
	const predicates = filters.map(filter => predicate(filter));
	const scope = {id, filters, reverse};
	const cursor = decodeToken(nextToken, 'DescribeAutomationStepExecutions', scope);
	const ordered = execution.steps
		.map((step, index) => ({step, index}))
		.sort((a, b) => (a.step.startTime ?? Number.POSITIVE_INFINITY) - (b.step.startTime ?? Number.POSITIVE_INFINITY) || a.index - b.index)
		.map(entry => entry.step)
		.filter(step => predicates.every(test => test(step)));
	if (reverse) {
		ordered.reverse();
	}

	const offset = cursor ? Number(cursor['n']) : 0;
	const page = ordered.slice(offset, offset + maxResults);
	const more = offset + maxResults < ordered.length;
	return {
		StepExecutions: page.map(step => stepExecution(step)),
		...(more ? {NextToken: encodeToken('DescribeAutomationStepExecutions', scope, {n: offset + maxResults})} : {}),
	};
};
