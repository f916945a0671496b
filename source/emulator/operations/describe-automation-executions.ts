import type {ExecutionRecord} from '../model.js';
import {executionMetadata} from '../serialize.js';
import {Checker} from '../wire/checker.js';
import {DEFAULT_PAGE_SIZE, decodeToken, encodeToken} from '../wire/paging.js';
import {executionStatuses} from '../wire/shapes.js';
import type {Operation} from './context.js';
import {type Filter, parseTime, readFilters, requireIn} from './filters.js';

const keys = [
	'DocumentNamePrefix',
	'ExecutionStatus',
	'ExecutionId',
	'ParentExecutionId',
	'CurrentAction',
	'StartTimeBefore',
	'StartTimeAfter',
	'AutomationType',
	'TagKey',
	'TargetResourceGroup',
	'AutomationSubtype',
	'OpsItemId',
] as const;

type Predicate = (execution: ExecutionRecord) => boolean;

/** Filters AND together across keys; the values of one key OR together. */
function predicate(filter: Filter): Predicate {
	const values = filter.values;
	switch (filter.key) {
		case 'DocumentNamePrefix':
			return execution => values.some(prefix => execution.runbook.name.startsWith(prefix));
		case 'ExecutionStatus':
			requireIn(executionStatuses, filter);
			return execution => values.includes(execution.status);
		case 'ExecutionId':
			return execution => values.includes(execution.id);
		case 'ParentExecutionId':
			return execution => execution.parentId !== undefined && values.includes(execution.parentId);
		case 'CurrentAction':
			return execution => execution.currentAction !== undefined && values.includes(execution.currentAction);
		case 'StartTimeBefore': {
			const limit = Math.min(...values.map(parseTime));
			return execution => execution.startTime < limit;
		}

		case 'StartTimeAfter': {
			const limit = Math.max(...values.map(parseTime));
			return execution => execution.startTime >= limit;
		}

		case 'AutomationType':
			requireIn(['Local', 'CrossAccount'], filter);
			return execution => values.includes(execution.kind === 'cross-account' ? 'CrossAccount' : 'Local');
		case 'TagKey':
			return execution => execution.tags.some(tag => values.includes(tag.Key));
		case 'TargetResourceGroup':
			return execution => execution.targets.some(target => target.Key === 'ResourceGroup' && target.Values.some(value => values.includes(value)));
		case 'AutomationSubtype':
			requireIn(['ChangeRequest', 'AccessRequest'], filter);
			// The emulator runs no Change Manager or access-request automations.
			return () => false;
		default:
			// OpsItemId: no emulated execution belongs to an OpsItem.
			return () => false;
	}
}

/** Newest first (by ExecutionStartTime, then start order). */
export const describeAutomationExecutions: Operation = (input, {engine, caller}) => {
	const check = new Checker();
	const filters = readFilters(check, input['Filters'], 10, keys) ?? [];
	const maxResults = check.integer(input['MaxResults'], 'MaxResults', {min: 1, max: 50}) ?? DEFAULT_PAGE_SIZE;
	const nextToken = check.string(input['NextToken'], 'NextToken');
	check.finish();
	const predicates = filters.map(filter => predicate(filter));
	const cursor = decodeToken(nextToken, 'DescribeAutomationExecutions', filters);
	const store = engine.store.region(caller.account, caller.region);
	const ordered = store.ordered;
	let index = cursor ? store.indexBefore(Number(cursor['t']), Number(cursor['q'])) : ordered.length - 1;
	const page: ExecutionRecord[] = [];
	let more = false;
	for (; index >= 0; index--) {
		const execution = ordered[index]!;
		if (predicates.every(test => test(execution))) {
			if (page.length === maxResults) {
				more = true;
				break;
			}

			page.push(execution);
		}
	}

	const last = page.at(-1);
	return {
		AutomationExecutionMetadataList: page.map(execution => executionMetadata(execution)),
		...(more && last ? {NextToken: encodeToken('DescribeAutomationExecutions', filters, {t: last.startTime, q: last.seq})} : {}),
	};
};
