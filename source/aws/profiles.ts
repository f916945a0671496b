/**
 * Whether a named profile exists in the shared config or credentials file, so a
 * mistyped --profile is reported as such at start-up rather than as the SDK's
 * generic "Could not load credentials from any providers".
 */
import {readFileSync} from 'node:fs';
import {homedir} from 'node:os';
import {join} from 'node:path';

function sections(path: string): string[] {
	try {
		return [...readFileSync(path, 'utf8').matchAll(/^\s*\[\s*([^\]]+?)\s*\]/gm)].map(match => match[1]!);
	} catch {
		return [];
	}
}

export function sharedConfigFiles(env: NodeJS.ProcessEnv = process.env): {config: string; credentials: string} {
	const home = env['HOME'] ?? homedir();
	return {
		config: env['AWS_CONFIG_FILE'] ?? join(home, '.aws', 'config'),
		credentials: env['AWS_SHARED_CREDENTIALS_FILE'] ?? join(home, '.aws', 'credentials'),
	};
}

/** `[profile NAME]` (or `[NAME]`, or `[default]`) in the config file, or `[NAME]` in the credentials file. */
export function profileExists(name: string, env: NodeJS.ProcessEnv = process.env): boolean {
	const files = sharedConfigFiles(env);
	const inConfig = sections(files.config).some(section => section === `profile ${name}` || section === name);
	return inConfig || sections(files.credentials).includes(name);
}
