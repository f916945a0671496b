import {errors} from '../errors.js';
import {awsRunbooks} from './aws-runbooks.js';
import {teamRunbooks} from './team-runbooks.js';
import type {Runbook} from './types.js';

export type DocumentTag = {readonly Key: string; readonly Value: string};

/** Every runbook the emulator knows; the same catalogue is visible in every account and region. */
export class Catalogue {
	private readonly byName = new Map<string, Runbook>();
	/** Document tags as AddTagsToResource/RemoveTagsFromResource left them (the runbooks' own to begin with). */
	private readonly tags = new Map<string, DocumentTag[]>();

	constructor(runbooks: readonly Runbook[] = [...awsRunbooks, ...teamRunbooks]) {
		for (const runbook of runbooks) {
			this.byName.set(runbook.name, runbook);
		}
	}

	all(): Runbook[] {
		return [...this.byName.values()].sort((a, b) => a.name.localeCompare(b.name));
	}

	add(runbook: Runbook): void {
		this.byName.set(runbook.name, runbook);
		this.tags.delete(runbook.name);
	}

	/** A document's tags: what DescribeDocument, ListDocuments, their tag: filter and ListTagsForResource report. */
	tagsOf(runbook: Runbook): readonly DocumentTag[] {
		return this.tags.get(runbook.name) ?? runbook.tags ?? [];
	}

	setTags(runbook: Runbook, tags: readonly DocumentTag[]): void {
		this.tags.set(runbook.name, [...tags]);
	}

	/** By name, or by document ARN (arn:aws:ssm:<region>:<account>:document/<name>). */
	find(nameOrArn: string): Runbook | undefined {
		const name = nameOrArn.startsWith('arn:') ? nameOrArn.slice(nameOrArn.lastIndexOf('/') + 1) : nameOrArn;
		return this.byName.get(name);
	}

	/** Documents API lookup: InvalidDocument / InvalidDocumentVersion as DescribeDocument/GetDocument raise them. */
	document(nameOrArn: string, version?: string, versionName?: string): {runbook: Runbook; version: number} {
		const runbook = this.find(nameOrArn);
		if (!runbook) {
			throw errors.invalidDocument(nameOrArn);
		}

		const resolved = resolveVersion(runbook, version);
		if (resolved === undefined) {
			throw errors.invalidDocumentVersion(`Document ${runbook.name} has no version ${version ?? ''}.`);
		}

		if (versionName !== undefined && versionName !== (runbook.versionName ?? '')) {
			throw errors.invalidDocumentVersion(`Document ${runbook.name} has no version named ${versionName}.`);
		}

		return {runbook, version: resolved};
	}
}

export function resolveVersion(runbook: Runbook, version: string | undefined): number | undefined {
	if (version === undefined || version === '$DEFAULT') {
		return runbook.defaultVersion;
	}

	if (version === '$LATEST') {
		return runbook.versions;
	}

	const number = Number(version);
	return Number.isInteger(number) && number >= 1 && number <= runbook.versions ? number : undefined;
}
