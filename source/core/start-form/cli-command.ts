/**
 * The equivalent `aws ssm start-automation-execution` command for a request,
 * quoted for POSIX shells so it can be copied and run as is. Structures are
 * passed as JSON, which the AWS CLI accepts for every structured option.
 */
import type {StartRequest} from '../ports.js';
import {apiStartInput} from './api-shape.js';

const SAFE = /^[A-Za-z0-9_\-.:/=@%+,]+$/;

/** Quote one word for sh/bash/zsh: single quotes, with ' written as '\''. */
export function shellQuote(word: string): string {
	if (word !== '' && SAFE.test(word)) return word;
	return `'${word.replaceAll("'", `'\\''`)}'`;
}

export function cliWords(request: StartRequest): string[] {
	const input = apiStartInput(request);
	const words: string[] = ['aws', 'ssm', 'start-automation-execution', '--region', request.region, '--document-name', input.DocumentName];
	const option = (name: string, value: unknown): void => {
		if (value === undefined) return;
		words.push(name, typeof value === 'string' ? value : JSON.stringify(value));
	};
	option('--document-version', input.DocumentVersion);
	option('--parameters', input.Parameters);
	option('--mode', input.Mode);
	option('--target-parameter-name', input.TargetParameterName);
	option('--targets', input.Targets);
	option('--target-maps', input.TargetMaps);
	option('--max-concurrency', input.MaxConcurrency);
	option('--max-errors', input.MaxErrors);
	option('--target-locations', input.TargetLocations);
	option('--target-locations-url', input.TargetLocationsURL);
	option('--tags', input.Tags);
	option('--alarm-configuration', input.AlarmConfiguration);
	option('--client-token', input.ClientToken);
	return words;
}

/** One line (for copying) or one option per line joined with backslashes (for reading). */
export function renderCliCommand(request: StartRequest, options: {multiline?: boolean} = {}): string {
	const words = cliWords(request).map(shellQuote);
	if (!options.multiline) return words.join(' ');
	const lines: string[] = [words.slice(0, 3).join(' ')];
	for (let index = 3; index < words.length; index += 2) lines.push(`  ${words[index]} ${words[index + 1] ?? ''}`.trimEnd());
	return lines.join(' \\\n');
}
