import {errors} from '../errors.js';
import {Checker} from '../wire/checker.js';
import {DEFAULT_PAGE_SIZE, decodeToken, encodeToken} from '../wire/paging.js';
import {documentNameRule} from '../wire/shapes.js';
import type {Json, Operation} from './context.js';
import {createdDate} from './documents.js';

/**
 * ListDocumentVersions, newest version first (the order is undocumented; newest first is
 * what a version picker wants). Every version shares the runbook's content, so each entry
 * carries the same DisplayName/VersionName DescribeDocument gives for that version.
 */
export const listDocumentVersions: Operation = (input, {engine, catalogue}) => {
	const check = new Checker();
	const name = check.string(input['Name'], 'Name', documentNameRule)!;
	const maxResults = check.integer(input['MaxResults'], 'MaxResults', {min: 1, max: 50}) ?? DEFAULT_PAGE_SIZE;
	const nextToken = check.string(input['NextToken'], 'NextToken');
	check.finish();
	const runbook = catalogue.find(name);
	if (!runbook) {
		throw errors.invalidDocument(name);
	}

	const scope = {name: runbook.name};
	const cursor = decodeToken(nextToken, 'ListDocumentVersions', scope);
	const offset = cursor ? Number(cursor['n']) : 0;
	const versions = Array.from({length: runbook.versions}, (_, index) => runbook.versions - index);
	const page = versions.slice(offset, offset + maxResults);
	return {
		DocumentVersions: page.map((version): Json => ({
			Name: runbook.name,
			...(runbook.displayName ? {DisplayName: runbook.displayName} : {}),
			DocumentVersion: String(version),
			...(runbook.versionName ? {VersionName: runbook.versionName} : {}),
			CreatedDate: createdDate(engine, runbook, version),
			IsDefaultVersion: version === runbook.defaultVersion,
			DocumentFormat: 'JSON',
			Status: 'Active',
		})),
		...(offset + maxResults < versions.length ? {NextToken: encodeToken('ListDocumentVersions', scope, {n: offset + maxResults})} : {}),
	};
};
