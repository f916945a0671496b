import {errors} from '../errors.js';
import type {WireTargetLocation} from '../model.js';
import {Checker} from '../wire/checker.js';
import {targetLocations} from './start-automation-execution.js';

/** Reads TargetLocations from a URL (a JSON list, or an object with a TargetLocations list). */
export async function fetchTargetLocations(url: string): Promise<WireTargetLocation[]> {
	let body: unknown;
	try {
		const response = await fetch(url, {signal: AbortSignal.timeout(5000)});
		if (!response.ok) {
			throw new Error(`HTTP ${response.status}`);
		}

		body = await response.json();
	} catch (error) {
		throw errors.invalidTarget(`Unable to read TargetLocations from TargetLocationsURL: ${(error as Error).message}`);
	}

	const list = Array.isArray(body) ? body : (body as {TargetLocations?: unknown} | null)?.TargetLocations;
	const check = new Checker();
	try {
		const locations = targetLocations(check, list, 'TargetLocations');
		check.finish();
		if (!locations) {
			throw new Error('no TargetLocations list in the document');
		}

		return locations;
	} catch (error) {
		throw errors.invalidTarget(`The document at TargetLocationsURL isn't a valid TargetLocations list: ${(error as Error).message}`);
	}
}
