import {createHash} from 'node:crypto';
import {stringify as toYaml} from 'yaml';
import {errors} from '../errors.js';
import type {Catalogue} from '../runbooks/catalogue.js';
import type {Engine} from '../engine/engine.js';
import {defaultAsText} from '../runbooks/parameters.js';
import type {Runbook} from '../runbooks/types.js';
import {seconds} from '../serialize.js';
import {Checker} from '../wire/checker.js';
import {DEFAULT_PAGE_SIZE, decodeToken, encodeToken} from '../wire/paging.js';
import {documentNameRule, documentVersionRule, versionNameRule} from '../wire/shapes.js';
import type {Json, Operation} from './context.js';

const DAY_MS = 86_400_000;

/** The runbook's content as schemaVersion 0.3 JSON. */
export function runbookContent(runbook: Runbook): Json {
	const content: Json = {
		schemaVersion: runbook.documentType === 'Automation' ? '0.3' : '2.2',
		description: runbook.description,
	};
	if (runbook.assumeRole) {
		content['assumeRole'] = runbook.assumeRole;
	}

	content['parameters'] = runbook.parameters;
	content['mainSteps'] = runbook.mainSteps;
	if (runbook.outputs) {
		content['outputs'] = runbook.outputs;
	}

	return content;
}

export function createdDate(engine: Engine, runbook: Runbook, version: number): number {
	// Fixed relative to the emulator's start, so the same seed shows the same dates.
	return seconds(engine.origin - runbook.createdDaysAgo * DAY_MS + (version - 1) * 7 * DAY_MS);
}

function owner(runbook: Runbook): string {
	return runbook.owner;
}

function identifier(engine: Engine, runbook: Runbook, tags: readonly {Key: string; Value: string}[]): Json {
	return {
		Name: runbook.name,
		CreatedDate: createdDate(engine, runbook, 1),
		...(runbook.displayName ? {DisplayName: runbook.displayName} : {}),
		Owner: owner(runbook),
		...(runbook.versionName ? {VersionName: runbook.versionName} : {}),
		PlatformTypes: runbook.platformTypes,
		DocumentVersion: String(runbook.defaultVersion),
		DocumentType: runbook.documentType,
		SchemaVersion: runbook.documentType === 'Automation' ? '0.3' : '2.2',
		DocumentFormat: 'JSON',
		...(runbook.targetType ? {TargetType: runbook.targetType} : {}),
		Tags: tags,
		...(runbook.author ? {Author: runbook.author} : {}),
	};
}

type DocumentPredicate = (runbook: Runbook, account: string, catalogue: Catalogue) => boolean;

function ownerMatches(value: string, runbook: Runbook, account: string): boolean {
	switch (value) {
		case 'Amazon':
			return runbook.owner === 'Amazon';
		case 'Self':
			return runbook.owner === account;
		case 'Private':
			return runbook.owner !== 'Amazon';
		case 'Public':
		case 'ThirdParty':
			return false;
		default:
			return runbook.owner === value;
	}
}

function keyValuePredicate(key: string, values: string[]): DocumentPredicate {
	switch (key) {
		case 'Name':
			return runbook => values.some(prefix => runbook.name.startsWith(prefix));
		case 'Owner':
			return (runbook, account) => values.some(value => ownerMatches(value, runbook, account));
		case 'DocumentType':
			return runbook => values.includes(runbook.documentType);
		case 'PlatformTypes':
			return runbook => runbook.platformTypes.some(type => values.includes(type));
		case 'TargetType':
			return runbook => runbook.targetType !== undefined && values.includes(runbook.targetType);
		case 'SearchKeyword':
			return runbook => values.some(word => `${runbook.name} ${runbook.description}`.toLowerCase().includes(word.toLowerCase()));
		default:
			if (key.startsWith('tag:')) {
				const tagKey = key.slice(4);
				return (runbook, _account, catalogue) =>
					catalogue.tagsOf(runbook).some(tag => tag.Key === tagKey && (values.length === 0 || values.includes(tag.Value)));
			}

			throw errors.invalidFilterKey(key);
	}
}

/** ListDocuments, in name order. Filters AND together; values of one key OR together; Name is a prefix match. */
export const listDocuments: Operation = (input, {engine, catalogue, caller}) => {
	const check = new Checker();
	const legacy =
		check.list(input['DocumentFilterList'], 'DocumentFilterList', {min: 1}, (item, path) => {
			const filter = check.object(item, path, true) ?? {};
			return {
				key: check.string(filter['key'], `${path}.key`, {required: true, enum: ['Name', 'Owner', 'PlatformTypes', 'DocumentType']}) ?? '',
				value: check.string(filter['value'], `${path}.value`, {required: true, min: 1}) ?? '',
			};
		}) ?? [];
	const filters =
		check.list(input['Filters'], 'Filters', {min: 0, max: 6}, (item, path) => {
			const filter = check.object(item, path, true) ?? {};
			return {
				key: check.string(filter['Key'], `${path}.Key`, {min: 1, max: 128}) ?? '',
				values: check.strings(filter['Values'], `${path}.Values`, {}, {min: 1, max: 256}) ?? [],
			};
		}) ?? [];
	const maxResults = check.integer(input['MaxResults'], 'MaxResults', {min: 1, max: 50}) ?? DEFAULT_PAGE_SIZE;
	const nextToken = check.string(input['NextToken'], 'NextToken');
	check.finish();
	const predicates = [
		...legacy.map(filter => keyValuePredicate(filter.key, [filter.value])),
		...filters.map(filter => keyValuePredicate(filter.key, filter.values)),
	];
	const scope = {legacy, filters};
	const cursor = decodeToken(nextToken, 'ListDocuments', scope);
	const matching = catalogue.all().filter(runbook => predicates.every(test => test(runbook, caller.account, catalogue)));
	const offset = cursor ? Number(cursor['n']) : 0;
	const page = matching.slice(offset, offset + maxResults);
	return {
		DocumentIdentifiers: page.map(runbook => identifier(engine, runbook, catalogue.tagsOf(runbook))),
		...(offset + maxResults < matching.length ? {NextToken: encodeToken('ListDocuments', scope, {n: offset + maxResults})} : {}),
	};
};

function documentRequest(input: Json, withFormat: boolean) {
	const check = new Checker();
	const name = check.string(input['Name'], 'Name', documentNameRule)!;
	const version = check.string(input['DocumentVersion'], 'DocumentVersion', documentVersionRule);
	const versionName = check.string(input['VersionName'], 'VersionName', versionNameRule);
	const format = withFormat ? check.string(input['DocumentFormat'], 'DocumentFormat', {enum: ['YAML', 'JSON', 'TEXT']}) : undefined;
	check.finish();
	return {name, version, versionName, format: (format ?? 'JSON') as 'YAML' | 'JSON' | 'TEXT'};
}

function contentText(runbook: Runbook, format: 'YAML' | 'JSON' | 'TEXT'): string {
	const content = runbookContent(runbook);
	return format === 'JSON' ? JSON.stringify(content, null, 2) : toYaml(content);
}

export const describeDocument: Operation = (input, {engine, catalogue}) => {
	const request = documentRequest(input, false);
	const {runbook, version} = catalogue.document(request.name, request.version, request.versionName);
	const hash = createHash('sha256').update(contentText(runbook, 'JSON')).digest('hex');
	return {
		Document: {
			Hash: hash,
			HashType: 'Sha256',
			Name: runbook.name,
			...(runbook.displayName ? {DisplayName: runbook.displayName} : {}),
			...(runbook.versionName ? {VersionName: runbook.versionName} : {}),
			Owner: owner(runbook),
			CreatedDate: createdDate(engine, runbook, version),
			Status: 'Active',
			DocumentVersion: String(version),
			Description: runbook.description,
			Parameters: Object.entries(runbook.parameters).map(([name, parameter]) => {
				const defaultValue = defaultAsText(parameter);
				return {
					Name: name,
					Type: parameter.type,
					...(parameter.description ? {Description: parameter.description} : {}),
					...(defaultValue === undefined ? {} : {DefaultValue: defaultValue}),
				};
			}),
			PlatformTypes: runbook.platformTypes,
			DocumentType: runbook.documentType,
			SchemaVersion: runbook.documentType === 'Automation' ? '0.3' : '2.2',
			LatestVersion: String(runbook.versions),
			DefaultVersion: String(runbook.defaultVersion),
			DocumentFormat: 'JSON',
			...(runbook.targetType ? {TargetType: runbook.targetType} : {}),
			Tags: catalogue.tagsOf(runbook),
			...(runbook.author ? {Author: runbook.author} : {}),
		},
	};
};

export const getDocument: Operation = (input, {engine, catalogue}) => {
	const request = documentRequest(input, true);
	const {runbook, version} = catalogue.document(request.name, request.version, request.versionName);
	return {
		Name: runbook.name,
		CreatedDate: createdDate(engine, runbook, version),
		...(runbook.displayName ? {DisplayName: runbook.displayName} : {}),
		...(runbook.versionName ? {VersionName: runbook.versionName} : {}),
		DocumentVersion: String(version),
		Status: 'Active',
		Content: contentText(runbook, request.format),
		DocumentType: runbook.documentType,
		DocumentFormat: request.format,
	};
};
