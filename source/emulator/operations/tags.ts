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

/** What a tag operation acts on: an automation's tags, or a document's (both read and written here). */
interface Tagged {
	readonly tags: readonly WireTag[];
	readonly limit: number;
	readonly what: string;
	write(tags: WireTag[]): void;
}

/** SSM resources other than automations take up to 1,000 tags (TagList's maximum). */
const MAX_DOCUMENT_TAGS = 1000;

/** Automation executions and documents carry tags in the emulator: every other resource type is refused. */
function tagged({type, id}: {type: string; id: string}, {engine, caller, catalogue}: OperationContext): Tagged {
	if (type === 'Automation') {
		const execution: ExecutionRecord | undefined = engine.store.region(caller.account, caller.region).byId.get(id);
		if (!execution) throw errors.invalidResourceId(`Automation execution ${id} doesn't exist in ${caller.region}.`);
		return {
			tags: execution.tags,
			limit: MAX_AUTOMATION_TAGS,
			what: 'An automation',
			write: tags => {
				execution.tags = tags;
			},
		};
	}
	if (type === 'Document') {
		const runbook = catalogue.find(id);
		// Only a document the caller's account owns can be tagged (not Amazon's, not one shared with it).
		if (!runbook || runbook.owner !== caller.account) {
			throw errors.invalidResourceId(
				runbook
					? `Document ${id} is owned by ${runbook.owner === 'Amazon' ? 'Amazon' : `account ${runbook.owner}`}: only its owner can tag it.`
					: `Document ${id} doesn't exist.`,
			);
		}
		return {tags: catalogue.tagsOf(runbook), limit: MAX_DOCUMENT_TAGS, what: 'A document', write: tags => catalogue.setTags(runbook, tags)};
	}
	throw errors.invalidResourceType(`The emulator tags Automation executions and Documents only, not ${type} resources.`);
}

export const listTagsForResource: Operation = (input, context) => {
	const check = new Checker();
	const target = resource(check, input);
	check.finish();
	return {TagList: tagged(target, context).tags.map(tag => ({Key: tag.Key, Value: tag.Value}))};
};

/** Adds or overwrites tags by key; an automation may hold at most five, a document 1,000 (TooManyTagsError). */
export const addTagsToResource: Operation = (input, context) => {
	const check = new Checker();
	const target = resource(check, input);
	const tags = tagList(check, input['Tags'], 'Tags', true) ?? [];
	check.finish();
	const resourceTags = tagged(target, context);
	const merged = [...resourceTags.tags];
	for (const tag of tags) {
		const index = merged.findIndex(existing => existing.Key === tag.Key);
		if (index >= 0) {
			merged[index] = tag;
		} else {
			merged.push(tag);
		}
	}

	if (merged.length > resourceTags.limit) {
		throw errors.tooManyTags(`${resourceTags.what} can have at most ${resourceTags.limit} tags; this would give it ${merged.length}.`);
	}

	resourceTags.write(merged);
	return {};
};

/** Removes tags by key; keys the resource does not have are not an error (as in the service). */
export const removeTagsFromResource: Operation = (input, context) => {
	const check = new Checker();
	const target = resource(check, input);
	const keys =
		check.list(input['TagKeys'], 'TagKeys', {required: true}, (item, path) => check.string(item, path, {required: true, min: 1, max: 128, ...tagRule}) ?? '') ??
		[];
	check.finish();
	const resourceTags = tagged(target, context);
	resourceTags.write(resourceTags.tags.filter(tag => !keys.includes(tag.Key)));
	return {};
};
