import {errors} from '../errors.js';
import type {ExecutionRecord} from '../model.js';
import {Checker} from '../wire/checker.js';
import {tagRule} from '../wire/shapes.js';
import type {OperationContext, Operation} from './context.js';

/** An automation holds at most this many tags ("Automations can have a maximum of 5 tags"). */
export const MAX_AUTOMATION_TAGS = 5;

const resourceTypes = ['Document', 'ManagedInstance', 'MaintenanceWindow', 'Parameter', 'PatchBaseline', 'OpsItem', 'OpsMetadata', 'Automation', 'Association'];

export type WireTag = {Key: string; Value: string};

/** A TagList member (StartAutomationExecution.Tags, AddTagsToResource.Tags). */
export function tagList(check: Checker, value: unknown, path: string, required = false): WireTag[] | undefined {
	return check.list(value, path, {required, max: 1000}, (item, itemPath) => {
		const tag = check.object(item, itemPath, true) ?? {};
		return {
			Key: check.string(tag['Key'], `${itemPath}.Key`, {required: true, min: 1, max: 128, ...tagRule}) ?? '',
			Value: check.string(tag['Value'], `${itemPath}.Value`, {required: true, min: 0, max: 256, ...tagRule}) ?? '',
		};
	});
}

function resource(check: Checker, input: Record<string, unknown>): {type: string; id: string} {
	return {
		type: check.string(input['ResourceType'], 'ResourceType', {required: true, enum: resourceTypes}) ?? '',
		id: check.string(input['ResourceId'], 'ResourceId', {required: true}) ?? '',
	};
}

/** Only automations carry tags in the emulator: every other resource type is refused. */
function taggedExecution({type, id}: {type: string; id: string}, {engine, caller}: OperationContext): ExecutionRecord {
	if (type !== 'Automation') {
		throw errors.invalidResourceType(`The emulator tags Automation executions only, not ${type} resources.`);
	}

	const execution = engine.store.region(caller.account, caller.region).byId.get(id);
	if (!execution) {
		throw errors.invalidResourceId(`Automation execution ${id} doesn't exist in ${caller.region}.`);
	}

	return execution;
}

export const listTagsForResource: Operation = (input, context) => {
	const check = new Checker();
	const target = resource(check, input);
	check.finish();
	const execution = taggedExecution(target, context);
	return {TagList: execution.tags.map(tag => ({Key: tag.Key, Value: tag.Value}))};
};

/** Adds or overwrites tags by key; the result may hold at most five (TooManyTagsError). */
export const addTagsToResource: Operation = (input, context) => {
	const check = new Checker();
	const target = resource(check, input);
	const tags = tagList(check, input['Tags'], 'Tags', true) ?? [];
	check.finish();
	const execution = taggedExecution(target, context);
	const merged = [...execution.tags];
	for (const tag of tags) {
		const index = merged.findIndex(existing => existing.Key === tag.Key);
		if (index >= 0) {
			merged[index] = tag;
		} else {
			merged.push(tag);
		}
	}

	if (merged.length > MAX_AUTOMATION_TAGS) {
		throw errors.tooManyTags(`An automation can have at most ${MAX_AUTOMATION_TAGS} tags; this would give it ${merged.length}.`);
	}

	execution.tags = merged;
	return {};
};
